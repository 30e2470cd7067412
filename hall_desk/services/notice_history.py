"""The notices a case has produced, read back from its events, so any of them can be reprinted.

Printing writes nothing, so there is no record of the paper itself: each decision that hands the
applicant a notice (受理, 容缺受理, 一次性告知, 预审退回补正, 不予受理, 即办办结, and 补正收齐 on a
first round) is one entry, with the case as it stood right after that step: a reprint says what
the original said (the materials then missing, the deadline then set), not today's state.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from hall_desk.domain.clock import Timestamp
from hall_desk.domain.errors import NotFound
from hall_desk.domain.lifecycle import CaseEvent, CaseState, event_for_kind
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services.cases import CaseDetail, CaseItem, CaseMaterial, CaseRecord, case_detail
from hall_desk.services.workstation import Workstation
from hall_desk.store import payloads
from hall_desk.store.models import Event


class NoticeKind(StrEnum):
    ACCEPTANCE = "acceptance"  # 受理通知书
    COMPLETION = "completion"  # 办结回执 (即办件)
    DEFERRAL = "deferral"  # 容缺受理通知书
    SUPPLEMENT = "supplement"  # 补正材料一次性告知书
    REFUSAL = "refusal"  # 不予受理通知书

    @property
    def title(self) -> str:
        return NOTICE_TITLES[self]


NOTICE_TITLES = {
    NoticeKind.ACCEPTANCE: "受理通知书",
    NoticeKind.COMPLETION: "办结回执",
    NoticeKind.DEFERRAL: "容缺受理通知书",
    NoticeKind.SUPPLEMENT: "一次性告知书",
    NoticeKind.REFUSAL: "不予受理通知书",
}

# The step → the notice it hands over, and the "set" column holding the day it was issued.
_ISSUING: dict[CaseEvent, tuple[NoticeKind, str]] = {
    CaseEvent.ACCEPT: (NoticeKind.ACCEPTANCE, "accepted_on"),
    CaseEvent.COMPLETE_AT_WINDOW: (NoticeKind.COMPLETION, "completed_on"),
    CaseEvent.ACCEPT_DEFERRED: (NoticeKind.DEFERRAL, "accepted_on"),
    CaseEvent.REQUEST_SUPPLEMENT: (NoticeKind.SUPPLEMENT, "created_on"),
    CaseEvent.RETURN_FOR_SUPPLEMENT: (NoticeKind.SUPPLEMENT, "station_since"),
    CaseEvent.REFUSE: (NoticeKind.REFUSAL, "created_on"),
    # Only the first round's: the case is accepted that day (a later round resumes the clock).
    CaseEvent.RECEIVE_SUPPLEMENT: (NoticeKind.ACCEPTANCE, "accepted_on"),
}
# Columns a later step sets: before that step they are empty, whatever the case holds today.
_LATER = {
    "accepted_on": None,
    "due_date": None,
    "due_estimated": False,
    "paused_since": None,
    "deferred_deadline": None,
    "commitment": "",
    "supplement_deadline": None,
    "reason": "",
    "completed_on": None,
    "dispatched_on": None,
    "returned_on": None,
    "delivered_on": None,
    "delivery_method": "",
}
_DATE_FIELDS = {
    f.name
    for f in fields(CaseRecord)
    if str(f.type).startswith("date") and "time" not in str(f.type)
}
_RECORD_FIELDS = {f.name for f in fields(CaseRecord)}
_MATERIAL_FIELDS = {f.name for f in fields(CaseMaterial)}


@dataclass(frozen=True)
class IssuedNotice:
    """One notice the case produced: which, on what day, and the case as it then stood."""

    event_id: str  # the producing event's HLC and origin: the same on every workstation
    kind: NoticeKind
    issued_on: date
    step: CaseEvent
    detail: CaseDetail

    @property
    def title(self) -> str:
        return self.kind.title


def _record_value(name: str, value: Any) -> Any:
    if name in _DATE_FIELDS and isinstance(value, str):
        return date.fromisoformat(value[:10])
    return value


def _issued_on(values: dict[str, Any], key: str, hlc: str) -> date:
    day = values.get(key)
    if isinstance(day, str) and day:
        return date.fromisoformat(day[:10])
    return datetime.fromtimestamp(Timestamp.decode(hlc).ms / 1000).astimezone().date()


def issued_notices(ws: Workstation, actor: Actor, case_ref: str) -> list[IssuedNotice]:
    """Every notice the case produced, oldest first."""
    actor.require(Permission.VIEW_CASES)
    current = case_detail(ws, actor, case_ref)
    with ws.reading() as s:
        events = list(
            s.scalars(
                select(Event)
                .where(Event.entity_type == "case", Event.entity_id == current.case.id)
                .order_by(Event.hlc, Event.id)
            )
        )
    values: dict[str, Any] = {}
    items: list[dict[str, Any]] = []
    materials: list[dict[str, Any]] = []
    state: CaseState | None = None
    out: list[IssuedNotice] = []
    for ev in events:
        payload = payloads.payload_of(ev.kind, ev.payload)
        step = event_for_kind(ev.kind)
        if step is not None and step.transition.target is not None:
            state = step.transition.target
        step_set = payload.get("set", {})
        values.update(step_set)
        if "items" in payload:
            items = [dict(i) for i in payload["items"]]
        if "materials" in payload:
            materials = [dict(m) for m in payload["materials"]]
        for position, changes in payload.get("material_updates", {}).items():
            if int(position) < len(materials):
                materials[int(position)].update(changes)
        issuing = _ISSUING.get(step) if step is not None else None
        if issuing is None or state is None:
            continue
        if step == CaseEvent.RECEIVE_SUPPLEMENT and "accepted_on" not in step_set:
            continue
        kind, day_key = issuing
        out.append(
            IssuedNotice(
                event_id=f"{ev.hlc}@{ev.origin}",
                kind=kind,
                issued_on=_issued_on(step_set, day_key, ev.hlc),
                step=step,
                detail=_as_of(current, values, items, materials, state),
            )
        )
    return out


def issued_notice(ws: Workstation, actor: Actor, case_ref: str, event_id: str) -> IssuedNotice:
    for notice in issued_notices(ws, actor, case_ref):
        if notice.event_id == event_id:
            return notice
    raise NotFound("该办件没有这份通知书")


def _as_of(
    current: CaseDetail,
    values: dict[str, Any],
    items: list[dict[str, Any]],
    materials: list[dict[str, Any]],
    state: CaseState,
) -> CaseDetail:
    changes: dict[str, Any] = dict(_LATER)
    changes.update({k: _record_value(k, v) for k, v in values.items() if k in _RECORD_FIELDS})
    changes["state"] = state.value
    case = replace(current.case, **changes)
    case_items = [
        CaseItem(case.id, n, i["item_code"], i["item_name"], i["department"])
        for n, i in enumerate(items)
    ]
    defaults = {"requirement": "", "received_copies": 0, "deferred": False, "received": False}
    case_materials = [
        CaseMaterial(
            **{
                **defaults,
                **{k: v for k, v in m.items() if k in _MATERIAL_FIELDS},
                "case_id": case.id,
                "position": n,
            }
        )
        for n, m in enumerate(materials)
    ]
    return replace(current, case=case, items=case_items, materials=case_materials)
