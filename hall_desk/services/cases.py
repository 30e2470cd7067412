"""Finding and reading cases; revealing personal data in full is deliberate and audited."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from hall_desk.domain import caseref, identity
from hall_desk.domain.caseref import CASE_NO
from hall_desk.domain.clock import Timestamp
from hall_desk.domain.deadline import DeadlineStatus, classify, clock_counts
from hall_desk.domain.errors import NotFound, ValidationError
from hall_desk.domain.lifecycle import CaseState, event_for_kind
from hall_desk.domain.limits import MAX_QUERY, MAX_SHORT_NOTE
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.stations import station_label
from hall_desk.domain.text import clean_query, clean_text
from hall_desk.services.common import case_by_ref
from hall_desk.services.workstation import Workstation
from hall_desk.store import payloads
from hall_desk.store.models import CaseItemRow, CaseRow, Event, User
from hall_desk.store.models_intake import ApplicantRow, CaseMaterialRow
from hall_desk.store.models_routing import HandoffRow
from hall_desk.store.queries import routing as routing_queries

SEARCH_LIMIT = 50


@dataclass(frozen=True)
class CaseHit:
    id: str
    case_no: str
    title: str
    applicant_name: str
    applicant_id_masked: str
    state: CaseState
    due_date: date | None
    green_channel: bool
    deadline: DeadlineStatus  # 已超期 / 临近期限 in words, as the board and the case view say


def _hit(ws: Workstation, row: CaseRow, today: date) -> CaseHit:
    state = CaseState(row.state)
    return CaseHit(
        row.id,
        row.case_no,
        row.title,
        row.applicant_name,
        row.applicant_id_masked,
        state,
        row.due_date,
        row.green_channel,
        deadline_status(ws, state, row.due_date, row.paused_since, row.due_estimated, today),
    )


def deadline_status(
    ws: Workstation,
    state: CaseState,
    due_date: date | None,
    paused_since: date | None,
    estimated: bool,
    today: date,
) -> DeadlineStatus:
    """One case's 限时办结 status on `today`, counted on the working calendar."""
    running = clock_counts(state, due_date, paused_since)
    remaining = (
        ws.calendar().working_days_between(today, due_date)
        if running and due_date is not None
        else None
    )
    return classify(state, due_date, paused_since, today, remaining, estimated=estimated)


def classify_query(text: str) -> tuple[str, str]:
    """What the clerk (or the scanner) typed: a case number, an ID number, a phone, or a name."""
    q = identity.to_halfwidth(text).strip()
    compact = q.replace(" ", "").upper()
    number = caseref.normalise(q)
    if CASE_NO.match(number):
        return "case_no", number
    if caseref.is_partial(number):
        return "case_no_today", number
    if len(compact) == 18 and compact[:17].isalnum():
        return "id_number", compact
    digits = re.sub(r"[\s\-()+]", "", q)
    if digits.isdigit() and len(digits) >= 7:
        try:
            return "phone", identity.normalize_phone(q)
        except ValidationError:
            return "case_no_prefix", compact
    return "name", q


def today_number(value: str, today: date) -> ColumnElement[bool]:
    """The condition for a partial number (`0034`, `W01-0034`): today's cases it names."""
    ref = caseref.parse(value, today)
    if ref.exact:
        return CaseRow.case_no == ref.exact
    return CaseRow.case_no.startswith(ref.prefix) & CaseRow.case_no.endswith(ref.suffix)


def search_cases(ws: Workstation, text: str, limit: int = SEARCH_LIMIT) -> list[CaseHit]:
    query = clean_query(text, max_len=MAX_QUERY)
    if query is None:
        return []
    kind, value = classify_query(query)
    if not value:
        return []
    today = ws.today()
    ws.calendar()  # loaded (once) before the search's session opens, not inside it
    with ws.reading() as s:
        rows = _search(s, ws, kind, value, limit)
        return [_hit(ws, r, today) for r in rows]


def _search(s: Session, ws: Workstation, kind: str, value: str, limit: int) -> list[CaseRow]:
    # Green-channel cases sort first in every list the clerk sees.
    order = (CaseRow.green_channel.desc(), CaseRow.created_hlc.desc())
    if kind == "case_no":
        return list(s.scalars(select(CaseRow).where(CaseRow.case_no == value)))
    if kind == "case_no_today":
        return list(s.scalars(select(CaseRow).where(today_number(value, ws.today())).limit(limit)))
    if kind == "case_no_prefix":
        return list(
            s.scalars(
                select(CaseRow)
                .where(CaseRow.case_no.startswith(value))
                .order_by(*order)
                .limit(limit)
            )
        )
    if kind == "id_number":
        idx = ws.key.blind_index("id_number", value)
        return list(
            s.scalars(
                select(CaseRow)
                .where((CaseRow.applicant_id_index == idx) | (CaseRow.agent_id_index == idx))
                .order_by(*order)
                .limit(limit)
            )
        )
    if kind == "phone":
        idx = ws.key.blind_index("phone", value)
        return list(
            s.scalars(
                select(CaseRow)
                .where(CaseRow.applicant_phone_index == idx)
                .order_by(*order)
                .limit(limit)
            )
        )
    # A range, not LIKE: SQLite's LIKE is case-folding and cannot use the name index. The first
    # `limit` names in index order are read, then sorted (green channel first, newest next):
    # a broad prefix such as a surname stays instant instead of sorting thousands of rows.
    rows = list(
        s.scalars(
            select(CaseRow)
            .where(CaseRow.applicant_name >= value, CaseRow.applicant_name < value + "\U0010ffff")
            .order_by(CaseRow.applicant_name)
            .limit(limit)
        )
    )
    rows.sort(key=lambda r: r.created_hlc, reverse=True)
    rows.sort(key=lambda r: not r.green_channel)
    return rows


UNMASKABLE = {
    "id_number": "证件号码",
    "phone": "联系电话",
    "address": "地址",
    "agent_id_number": "代理人证件号码",
}


def unmask(ws: Workstation, actor: Actor, case_id: str, field: str, reason: str = "") -> str:
    """The full value of a masked field; allowed by role, and every reveal is audited."""
    actor.require(Permission.UNMASK)
    if field not in UNMASKABLE:
        raise ValidationError("field", f"不能查看字段「{field}」")
    reason = clean_text(reason, "reason", "查看原因", max_len=MAX_SHORT_NOTE)
    with ws.transaction(actor) as tx:
        case = tx.session.get(CaseRow, case_id)
        if case is None:
            raise NotFound(f"找不到办件「{case_id}」")
        applicant = tx.session.get(ApplicantRow, case.applicant_id)
        if applicant is None:
            raise NotFound("办件的申请人记录缺失")
        token, cipher_field = {
            "id_number": (applicant.id_cipher, "id_number"),
            "phone": (applicant.phone_cipher, "phone"),
            "address": (applicant.address_cipher, "address"),
            "agent_id_number": (case.agent_id_cipher, "id_number"),
        }[field]
        value = ws.key.decrypt(cipher_field, token) if token else ""
        # Logged without the value itself: the log must not become a copy of the data.
        tx.audit("pii.unmask", case.case_no, {"fields": [field], "reason": reason})
        return value


EVENT_LABELS = {
    "applicant.recorded": "登记申请人信息",
    "case.updated": "收取部分补正材料",
    "case.clock_paused": "特别程序暂停计时",
    "case.clock_resumed": "恢复计时",
    "consultation.updated": "关联咨询",
}


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    what: str
    who: str
    workstation: str
    note: str


@dataclass(frozen=True)
class CaseRecord:
    """A case as the case view and the notices read it: the projection's columns under the
    same names, without the ciphertexts and blind indexes (those never leave the services)."""

    id: str
    case_no: str
    state: str
    title: str
    theme_code: str | None
    kind: str
    departments: str
    applicant_id: str
    applicant_kind: str
    applicant_name: str
    applicant_id_masked: str
    applicant_phone_masked: str
    agent_name: str
    agent_id_masked: str
    limit_days: int
    limit_unit: str
    created_on: date
    created_hlc: str
    accepted_on: date | None
    due_date: date | None
    due_estimated: bool
    paused_since: date | None
    pauses: str
    deferred_deadline: date | None
    commitment: str
    supplement_deadline: date | None
    reason: str
    completed_on: date | None
    green_channel: bool
    assistance_flags: str
    assistance_mode: str
    assistance_helper: str
    first_responder: str
    clerk: str
    window: str
    workstation: str
    station: str
    updated_hlc: str
    station_since: str | None
    dispatched_on: date | None
    returned_on: date | None
    delivered_on: date | None
    delivery_method: str


@dataclass(frozen=True)
class CaseItem:
    case_id: str
    position: int
    item_code: str
    item_name: str
    department: str


@dataclass(frozen=True)
class CaseMaterial:
    case_id: str
    position: int
    name: str
    form: str
    copies: int
    required: bool
    deferrable: bool
    received: bool
    received_copies: int
    deferred: bool  # promised later (容缺)
    requirement: str  # what the 一次性告知书 asks of it when missing


_Frozen = TypeVar("_Frozen")


def _frozen(cls: type[_Frozen], row: object) -> _Frozen:
    """The row's values under the dataclass's field names: detached, so no session leaks out."""
    return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})  # type: ignore[arg-type]


@dataclass(frozen=True)
class CaseDetail:
    case: CaseRecord
    items: list[CaseItem]
    materials: list[CaseMaterial]
    timeline: list[TimelineEntry]
    remaining_working_days: int | None  # negative when overdue; None without a due date
    deadline: DeadlineStatus  # the same flag and words as the board and the dashboard


def _event_label(kind: str) -> str:
    step = event_for_kind(kind)
    return step.label if step is not None else EVENT_LABELS.get(kind, kind)


def _handoff_of_each(events: list[Event], handoffs: list[HandoffRow]) -> list[HandoffRow | None]:
    """The handoff a case event moved the folder with, or None. A move writes the case's step
    and then its handoff in one transaction: the handoff is the first one after the step and
    before the case's next event."""
    out: list[HandoffRow | None] = []
    later = list(handoffs)
    for i, ev in enumerate(events):
        until = events[i + 1].hlc if i + 1 < len(events) else None
        while later and later[0].hlc < ev.hlc:
            later.pop(0)
        found = later[0] if later and (until is None or later[0].hlc < until) else None
        if found is not None:
            later.pop(0)
        out.append(found)
    return out


def _handoff_note(handoff: HandoffRow | None, names: dict[str, str], window: str) -> str:
    """Where the folder went (a department's station is the department), on which 交接单 and
    who took it: the 说明 of a move."""
    if handoff is None:
        return ""
    parts = [
        f"{station_label(handoff.from_station, window)} → "
        f"{station_label(handoff.to_station, window)}"
    ]
    if handoff.batch_no:
        parts.append(f"交接单 {handoff.batch_no}")
    people = []
    if handoff.giver:
        people.append(f"交出人 {names.get(handoff.giver, handoff.giver)}")
    if handoff.receiver:
        people.append(f"接收人 {names.get(handoff.receiver, handoff.receiver)}")
    if people:
        parts.append("，".join(people))
    if handoff.note and handoff.move not in ("return",):
        parts.append(handoff.note)
    return "；".join(parts)


def case_detail(
    ws: Workstation, actor: Actor, case_ref: str, today: date | None = None
) -> CaseDetail:
    """Everything the case view shows: header, items, materials, and who did what, when, where."""
    actor.require(Permission.VIEW_CASES)
    today = today or ws.today()
    with ws.reading() as s:
        case = _frozen(CaseRecord, case_by_ref(s, case_ref, today))
        items = [
            _frozen(CaseItem, row)
            for row in s.scalars(
                select(CaseItemRow)
                .where(CaseItemRow.case_id == case.id)
                .order_by(CaseItemRow.position)
            )
        ]
        materials = [
            _frozen(CaseMaterial, row)
            for row in s.scalars(
                select(CaseMaterialRow)
                .where(CaseMaterialRow.case_id == case.id)
                .order_by(CaseMaterialRow.position)
            )
        ]
        names = {u: n for u, n in s.execute(select(User.username, User.display_name))}
        events = list(
            s.scalars(
                select(Event)
                .where(Event.entity_type == "case", Event.entity_id == case.id)
                .order_by(Event.hlc, Event.id)
            )
        )
        handoffs = routing_queries.case_handoffs(s, case.id)
    timeline = []
    for ev, handoff in zip(events, _handoff_of_each(events, handoffs), strict=True):
        payload = payloads.payload_of(ev.kind, ev.payload)
        reason = str(payload.get("set", {}).get("reason", "") or "")
        note = "；".join(x for x in (_handoff_note(handoff, names, case.window), reason) if x)
        timeline.append(
            TimelineEntry(
                at=datetime.fromtimestamp(Timestamp.decode(ev.hlc).ms / 1000).astimezone(),
                what=_event_label(ev.kind),
                who=names.get(ev.actor, ev.actor),
                workstation=ev.origin,
                note=note,
            )
        )
    state = CaseState(case.state)
    remaining = None
    if case.due_date is not None and not state.is_final and state != CaseState.READY_FOR_DELIVERY:
        remaining = ws.calendar().working_days_between(today, case.due_date)
    status = deadline_status(ws, state, case.due_date, case.paused_since, case.due_estimated, today)
    return CaseDetail(case, items, materials, timeline, remaining, status)
