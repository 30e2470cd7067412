"""综合受理: one window accepts any item or 一件事 — accept, defer, supplement, refuse, complete."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hall_desk.domain.assistance import Assistance, suggest
from hall_desk.domain.calendar import DueDate, LimitUnit, Pause, WorkingCalendar
from hall_desk.domain.catalog import (
    ItemKind,
    MergedMaterial,
    ServiceItem,
    combined_kind,
    merge_materials,
)
from hall_desk.domain.clock import Timestamp
from hall_desk.domain.errors import NotFound, ValidationError, ValidationErrors
from hall_desk.domain.identity import mask_resident_id, parse_resident_id
from hall_desk.domain.lifecycle import CaseEvent, CaseState
from hall_desk.domain.lifecycle import apply as next_state
from hall_desk.domain.limits import MAX_REQUIREMENT, MIN_REASON, SUPPLEMENT_DAYS
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.text import clean_name, clean_text
from hall_desk.services import applicants
from hall_desk.services.applicants import ApplicantDraft
from hall_desk.services.cases import search_cases
from hall_desk.services.catalog import theme_by_code
from hall_desk.services.common import case_by_ref
from hall_desk.services.common import clean_name as clean_staff_name
from hall_desk.services.workstation import Tx, Workstation, each_by_its_clerk
from hall_desk.store import driver
from hall_desk.store.models import CaseItemRow, CaseRow, ConsultationRow
from hall_desk.store.models_intake import ApplicantRow, CaseMaterialRow

INTAKE_STATION = "window"
LATE_DEFERRED_STATES = frozenset({CaseState.PREREVIEW, CaseState.ROUTING, CaseState.UNDER_REVIEW})


@dataclass
class AgentDraft:
    """代理人: someone applying on the applicant's behalf, with their own resident ID."""

    name: str
    id_number: str


@dataclass
class IntakeDraft:
    applicant: ApplicantDraft
    item_codes: list[str] = field(default_factory=list)
    theme_code: str | None = None
    received: dict[str, int] = field(default_factory=dict)  # material name → copies received
    # material name → what the 一次性告知书 asks of it (原件、加盖公章…)
    requirements: dict[str, str] = field(default_factory=dict)
    agent: AgentDraft | None = None
    assistance: Assistance | None = None
    commitment: str = ""  # 容缺承诺
    deferred_deadline: date | None = None
    supplement_deadline: date | None = None
    reason: str = ""  # 不予受理 reason
    consultation_id: str | None = None


@dataclass(frozen=True)
class IntakeResult:
    case_id: str
    case_no: str
    state: CaseState
    due: DueDate | None
    missing: list[MergedMaterial]
    green_channel: bool
    reason: str = ""  # the 不予受理 reason, as the notice prints it


def _items(tx: Tx, codes: list[str]) -> list[ServiceItem]:
    known = tx.ws.catalog_items(tx.session)
    missing = [c for c in codes if c not in known]
    if missing:
        raise ValidationError("items", f"事项库中没有事项编码：{'、'.join(missing)}")
    return [known[c] for c in codes]


def _resolve_items(tx: Tx, draft: IntakeDraft) -> tuple[list[ServiceItem], str | None, str]:
    if draft.theme_code:
        theme = theme_by_code(tx.session, draft.theme_code)
        return _items(tx, list(theme.item_codes)), theme.code, theme.name
    codes = list(dict.fromkeys(c.strip() for c in draft.item_codes if c.strip()))
    if not codes:
        raise ValidationError("items", "请选择要办理的事项或一件事")
    items = _items(tx, codes)
    return items, None, "、".join(i.name for i in items)


def due_for(
    calendar: WorkingCalendar, items: Iterable[ServiceItem], accepted_on: date
) -> tuple[DueDate, int, LimitUnit]:
    """A bundle is due when its slowest item is due; returns that date and that item's limit."""
    best: tuple[DueDate, int, LimitUnit] | None = None
    for item in items:
        due = calendar.due_date(accepted_on, item.promised_limit, item.limit_unit)
        if best is None or due.day > best[0].day or (due.day == best[0].day and due.estimated):
            best = (due, item.promised_limit, item.limit_unit)
    assert best is not None
    return best


def next_case_no(tx: Tx, on: date) -> str:
    """date + workstation + sequence: unique across the hall without asking anyone."""
    prefix = f"{on:%Y%m%d}-{tx.ws.code}-"
    # Read once per day's prefix in a transaction; a bulk intake's later cases count on from
    # the number the last one was given (the write lock keeps anyone else from taking one).
    seq = tx.memo.get(("case_no", prefix))
    if seq is None:
        last = tx.session.scalar(
            select(CaseRow.case_no)
            # A range, not LIKE, so that the unique index on case_no is used.
            .where(CaseRow.case_no >= prefix, CaseRow.case_no < prefix + "\uffff")
            .order_by(func.length(CaseRow.case_no).desc(), CaseRow.case_no.desc())
            .limit(1)
        )
        seq = int(last.rsplit("-", 1)[1]) if last else 0
    seq += 1
    tx.memo[("case_no", prefix)] = seq
    return f"{prefix}{seq:04d}"


def _requirements(merged: list[MergedMaterial], requirements: dict[str, str]) -> dict[str, str]:
    unknown = set(requirements) - {m.name for m in merged}
    if unknown:
        raise ValidationError(
            "requirements", f"所选事项不需要以下材料：{'、'.join(sorted(unknown))}"
        )
    return {
        name: clean_text(text, "requirements", f"「{name}」的补正要求", max_len=MAX_REQUIREMENT)
        for name, text in requirements.items()
    }


def _materials(
    merged: list[MergedMaterial],
    received: dict[str, int],
    deferred: bool,
    requirements: dict[str, str],
) -> list[dict[str, Any]]:
    unknown = set(received) - {m.name for m in merged}
    if unknown:
        raise ValidationError("materials", f"所选事项不需要以下材料：{'、'.join(sorted(unknown))}")
    out = []
    for m in merged:
        copies = received.get(m.name, 0)
        if copies < 0 or copies > 99:
            raise ValidationError("materials", f"材料「{m.name}」的份数应为 0–99")
        out.append(
            {
                "name": m.name,
                "form": m.form.value,
                "copies": m.copies,
                "required": m.required,
                "deferrable": m.deferrable,
                "received": copies > 0,
                "received_copies": copies,
                "deferred": deferred and m.required and copies == 0,
                "requirement": requirements.get(m.name, "") if copies == 0 else "",
            }
        )
    return out


def _missing(merged: list[MergedMaterial], received: dict[str, int]) -> list[MergedMaterial]:
    return [m for m in merged if m.required and received.get(m.name, 0) <= 0]


@dataclass(frozen=True)
class _OnFile:
    """What a case copies of its applicant's record."""

    id: str
    id_index: str
    id_masked: str
    phone_index: str
    phone_masked: str


_ON_FILE_SQL = "SELECT 1 FROM applicants WHERE id = ?"


def _on_file(session: Session, applicant_id: str) -> ApplicantRow | None:
    """The applicant's row, looked for on the driver first: most applicants are new, and an
    ORM get that finds nothing cost several times the plain query."""
    session.flush()  # what the ORM holds unwritten is seen, as a get's autoflush would
    if not driver.execute(session, _ON_FILE_SQL, (applicant_id,)):
        return None
    return session.get(ApplicantRow, applicant_id)


def _record_applicant(tx: Tx, checked: applicants.CheckedApplicant) -> _OnFile:
    key = tx.ws.key
    idx = applicants.id_index(key, checked.id_type, checked.id_number)
    applicant_id = applicants.applicant_id_for(idx, checked.id_type)
    tx.settle("applicant", applicant_id)  # the same applicant twice in one bulk intake
    row = _on_file(tx.session, applicant_id)
    payload = applicants.recorded_payload(tx.session, key, row, applicant_id, checked)
    if payload is None:
        assert row is not None
        return _OnFile(row.id, row.id_index, row.id_masked, row.phone_index, row.phone_masked)
    tx.emit("applicant.recorded", "applicant", applicant_id, payload)
    if row is None:
        # A first record carries every field, and its fold writes them as they are: the row is
        # what the payload says, without reading it back.
        values = payload["set"]
        return _OnFile(
            applicant_id,
            values["id_index"],
            values["id_masked"],
            values["phone_index"],
            values["phone_masked"],
        )
    # Held by the transaction, the row takes what the fold writes (at once inside a block).
    tx.settle("applicant", applicant_id)
    return _OnFile(row.id, row.id_index, row.id_masked, row.phone_index, row.phone_masked)


def _intake(tx: Tx, draft: IntakeDraft, step: CaseEvent, on: date) -> IntakeResult:
    """The whole intake inside the caller's transaction; raises before anything is written."""
    actor = tx.actor
    actor.require(Permission.INTAKE)
    errors: list[ValidationError] = []
    try:
        checked = applicants.check_applicant(draft.applicant, on)
    except ValidationErrors as exc:
        errors.extend(exc.errors)
        checked = None
    agent_fields: dict[str, Any] = {}
    has_agent = draft.agent is not None and bool(
        draft.agent.name.strip() or draft.agent.id_number.strip()
    )
    if draft.agent is not None and has_agent:
        agent_name = ""
        try:
            agent_name = clean_name(draft.agent.name, "agent_name", "代理人姓名")
        except ValidationError as exc:
            errors.append(exc)
        if not agent_name and not any(e.field == "agent_name" for e in errors):
            errors.append(ValidationError("agent_name", "请填写代理人姓名"))
        try:
            rid = parse_resident_id(draft.agent.id_number, today=on, field="agent_id_number")
            agent_fields = {
                "agent_name": agent_name,
                "agent_id_cipher": tx.ws.key.encrypt("id_number", rid.number),
                "agent_id_index": tx.ws.key.blind_index("id_number", rid.number),
                "agent_id_masked": mask_resident_id(rid.number),
            }
        except ValidationError as exc:
            errors.append(exc)
    helper = ""
    if draft.assistance is not None:
        try:
            helper = clean_staff_name(
                draft.assistance.helper, "assistance_helper", "帮办人", required=False
            )
        except ValidationError as exc:
            errors.append(exc)
    try:
        items, theme_code, title = _resolve_items(tx, draft)
    except (ValidationError, NotFound) as exc:
        errors.append(
            exc if isinstance(exc, ValidationError) else ValidationError("items", exc.message)
        )
        items, theme_code, title = [], None, ""
    if errors:
        raise ValidationErrors(errors)
    assert checked is not None

    merged = merge_materials(items, agent=has_agent)
    requirements = _requirements(merged, draft.requirements)
    missing = _missing(merged, draft.received)
    calendar = tx.ws.calendar(tx.session)
    case_set: dict[str, Any] = {}
    due: DueDate | None = None
    limit_days, limit_unit = max((i.promised_limit for i in items), default=0), LimitUnit.WORKING
    kind = combined_kind(items)

    if step in (CaseEvent.ACCEPT, CaseEvent.ACCEPT_DEFERRED, CaseEvent.COMPLETE_AT_WINDOW):
        due, limit_days, limit_unit = due_for(calendar, items, on)
        case_set.update(
            accepted_on=on.isoformat(), due_date=due.day.isoformat(), due_estimated=due.estimated
        )
    if step == CaseEvent.ACCEPT and missing:
        names = "、".join(m.name for m in missing)
        hint = (
            "；可容缺受理或一次性告知补正"
            if all(m.deferrable for m in missing)
            else "；请一次性告知补正"
        )
        raise ValidationError("materials", f"以下必要材料未收取：{names}{hint}")
    if step == CaseEvent.COMPLETE_AT_WINDOW:
        not_immediate = [i.name for i in items if i.kind != ItemKind.IMMEDIATE]
        if not_immediate:
            raise ValidationError(
                "items", f"以下事项不是即办件，不能当场办结：{'、'.join(not_immediate)}"
            )
        if missing:
            raise ValidationError(
                "materials", f"以下必要材料未收取：{'、'.join(m.name for m in missing)}"
            )
        case_set["completed_on"] = on.isoformat()
    if step == CaseEvent.ACCEPT_DEFERRED:
        if not missing:
            raise ValidationError("materials", "必要材料已齐全，请直接受理")
        not_deferrable = [m.name for m in missing if not m.deferrable]
        if not_deferrable:
            raise ValidationError(
                "materials", f"以下材料不可容缺，须收齐或告知补正：{'、'.join(not_deferrable)}"
            )
        commitment = clean_text(
            draft.commitment, "commitment", "容缺承诺", max_len=500, multiline=True
        )
        if len(commitment) < MIN_REASON:
            raise ValidationError("commitment", "请填写申请人的容缺承诺内容")
        assert due is not None
        if draft.deferred_deadline is None:
            raise ValidationError("deferred_deadline", "请填写容缺材料补齐期限")
        if draft.deferred_deadline <= on:
            raise ValidationError("deferred_deadline", "容缺材料补齐期限应晚于今天")
        if draft.deferred_deadline > due.day:
            raise ValidationError(
                "deferred_deadline",
                f"容缺材料补齐期限不能晚于承诺办结日期 {due.day.isoformat()}",
            )
        case_set.update(
            deferred_deadline=draft.deferred_deadline.isoformat(), commitment=commitment
        )
    if step == CaseEvent.REQUEST_SUPPLEMENT:
        if not missing:
            raise ValidationError("materials", "必要材料已齐全，无需补正，请直接受理")
        deadline = draft.supplement_deadline
        if deadline is None:
            deadline = calendar.due_date(on, SUPPLEMENT_DAYS, LimitUnit.WORKING).day
        elif deadline <= on:
            raise ValidationError("supplement_deadline", "补正期限应晚于今天")
        case_set.update(supplement_deadline=deadline.isoformat(), paused_since=on.isoformat())
    if step == CaseEvent.REFUSE:
        reason = clean_text(draft.reason, "reason", "不予受理理由", max_len=500, multiline=True)
        if len(reason) < MIN_REASON:
            raise ValidationError("reason", "不予受理须写明理由（至少 4 个字）")
        case_set["reason"] = reason

    state = next_state(None, step)
    materials = _materials(merged, draft.received, step == CaseEvent.ACCEPT_DEFERRED, requirements)
    assistance = draft.assistance
    first_responder = actor.username
    if draft.consultation_id:
        tx.settle("consultation", draft.consultation_id)
        consultation = tx.session.get(ConsultationRow, draft.consultation_id)
        if consultation is None:
            raise NotFound("关联的咨询记录不存在")
        # 首问负责: whoever first served the applicant owns the follow-up.
        first_responder = consultation.clerk

    applicant = _record_applicant(tx, checked)
    case_id = str(uuid.uuid4())
    case_no = next_case_no(tx, on)
    case_set.update(
        case_no=case_no,
        title=title,
        theme_code=theme_code,
        kind=kind.value,
        departments="、".join(dict.fromkeys(i.department for i in items)),
        applicant_id=applicant.id,
        applicant_kind=checked.kind,
        applicant_name=checked.name,
        applicant_id_index=applicant.id_index,
        applicant_id_masked=applicant.id_masked,
        applicant_phone_index=applicant.phone_index,
        applicant_phone_masked=applicant.phone_masked,
        limit_days=limit_days,
        limit_unit=limit_unit.value,
        created_on=on.isoformat(),
        green_channel=assistance is not None,
        assistance_flags=assistance.encode_flags() if assistance else "",
        assistance_mode=assistance.mode.value if assistance else "",
        assistance_helper=helper,
        first_responder=first_responder,
        clerk=actor.username,
        window=actor.window,
        workstation=tx.ws.code,
        station=INTAKE_STATION if state != CaseState.REFUSED else "",
        station_since=tx.ws.moment_on(on).isoformat(timespec="seconds"),
        **agent_fields,
    )
    items_payload = [
        {"item_code": i.code, "item_name": i.name, "department": i.department} for i in items
    ]
    tx.emit(
        step.value,
        "case",
        case_id,
        {"set": case_set, "items": items_payload, "materials": materials},
        fresh=True,
    )
    if draft.consultation_id:
        tx.emit(
            "consultation.updated",
            "consultation",
            draft.consultation_id,
            {"set": {"case_id": case_id}},
        )
    tx.audit(f"intake.{step.name.lower()}", case_no, {"state": state.value})
    return IntakeResult(
        case_id,
        case_no,
        state,
        due,
        missing,
        assistance is not None,
        str(case_set.get("reason", "")) if state == CaseState.REFUSED else "",
    )


def _run(
    ws: Workstation, actor: Actor, draft: IntakeDraft, step: CaseEvent, on: date | None
) -> IntakeResult:
    with ws.transaction(actor) as tx:
        return _intake(tx, draft, step, on or ws.today())


def accept(
    ws: Workstation, actor: Actor, draft: IntakeDraft, on: date | None = None
) -> IntakeResult:
    return _run(ws, actor, draft, CaseEvent.ACCEPT, on)


def accept_deferred(
    ws: Workstation, actor: Actor, draft: IntakeDraft, on: date | None = None
) -> IntakeResult:
    return _run(ws, actor, draft, CaseEvent.ACCEPT_DEFERRED, on)


def request_supplement(
    ws: Workstation, actor: Actor, draft: IntakeDraft, on: date | None = None
) -> IntakeResult:
    return _run(ws, actor, draft, CaseEvent.REQUEST_SUPPLEMENT, on)


def refuse(
    ws: Workstation, actor: Actor, draft: IntakeDraft, on: date | None = None
) -> IntakeResult:
    return _run(ws, actor, draft, CaseEvent.REFUSE, on)


def complete_at_window(
    ws: Workstation, actor: Actor, draft: IntakeDraft, on: date | None = None
) -> IntakeResult:
    return _run(ws, actor, draft, CaseEvent.COMPLETE_AT_WINDOW, on)


def intake_many(
    ws: Workstation, actor: Actor, batch: Iterable[tuple[CaseEvent, IntakeDraft, date]]
) -> list[IntakeResult]:
    """The bulk path (imports, benchmarks): the same checks and events, one transaction,
    folded together at its end (each case is new; an applicant met again is settled first)."""
    with ws.transaction(actor) as tx, tx.folding_together():
        return [_intake(tx, draft, step, on) for step, draft, on in batch]


def suggested_assistance(draft: ApplicantDraft, today: date) -> Assistance | None:
    """Green channel proposed from the ID number (60 or older); the clerk confirms or changes it."""
    if draft.kind != "person" or draft.id_type != "resident_id":
        return None
    try:
        rid = parse_resident_id(draft.id_number, today=today)
    except ValidationError:
        return None
    flags = suggest(rid.birth_date, today)
    return Assistance(flags) if flags else None


# --- the supplement round -------------------------------------------------------------------

# A case waits for the applicant's return in these states; later 容缺 materials of a case that
# has moved on are recorded from the case view, not from the 补正收件 desk.
SUPPLEMENT_STATES = frozenset({CaseState.AWAITING_SUPPLEMENT, CaseState.ACCEPTED_DEFERRED})


@dataclass(frozen=True)
class MissingMaterial:
    name: str
    copies: int


@dataclass(frozen=True)
class SupplementDue:
    """The case an applicant came back for, and the required materials it still lacks."""

    case_id: str
    case_no: str
    title: str
    applicant_name: str
    state: CaseState
    missing: tuple[MissingMaterial, ...]


def awaiting_supplement(ws: Workstation, actor: Actor, text: str) -> SupplementDue | None:
    """The 补正收件 lookup: a case number, barcode or ID number → the case waiting for materials
    (green channel and newest first), or None when no such case waits."""
    actor.require(Permission.INTAKE)
    hits = [h for h in search_cases(ws, text) if h.state in SUPPLEMENT_STATES]
    if not hits:
        return None
    hit = hits[0]
    with ws.reading() as s:
        materials = list(
            s.scalars(
                select(CaseMaterialRow)
                .where(CaseMaterialRow.case_id == hit.id)
                .order_by(CaseMaterialRow.position)
            )
        )
    return SupplementDue(
        case_id=hit.id,
        case_no=hit.case_no,
        title=hit.title,
        applicant_name=hit.applicant_name,
        state=hit.state,
        missing=tuple(
            MissingMaterial(m.name, m.copies) for m in materials if m.required and not m.received
        ),
    )


def receive_supplement(
    ws: Workstation, actor: Actor, case_ref: str, received: dict[str, int], on: date | None = None
) -> IntakeResult:
    """Ticks what the applicant brought back; once every required material is in, the case is
    accepted (first round) or resumes with its clock pushed by the paused days."""
    actor.require(Permission.INTAKE)
    with ws.transaction(actor) as tx:
        return receive_supplement_in(tx, case_ref, received, on or ws.today())


@dataclass(frozen=True)
class SupplementLine:
    """One applicant's materials brought back, received by `actor` on `on`."""

    actor: Actor
    case_ref: str
    received: dict[str, int]
    on: date


def receive_supplement_many(ws: Workstation, lines: Iterable[SupplementLine]) -> list[IntakeResult]:
    """The bulk path (imports, demo data): each line as `receive_supplement` records it, under
    its own clerk, all in one transaction folded together at its end (a case met twice is
    settled before it is read again)."""
    lines = list(lines)
    for line in lines:
        line.actor.require(Permission.INTAKE)
    return each_by_its_clerk(
        ws, lines, lambda tx, line: receive_supplement_in(tx, line.case_ref, line.received, line.on)
    )


def receive_supplement_in(
    tx: Tx, case_ref: str, received: dict[str, int], on: date
) -> IntakeResult:
    """`receive_supplement` inside the caller's transaction, by its actor."""
    tx.actor.require(Permission.INTAKE)
    ws = tx.ws
    case = case_by_ref(tx.session, case_ref, ws.today())
    tx.settle("case", case.id)
    state = CaseState(case.state)
    materials = list(
        tx.session.scalars(
            select(CaseMaterialRow)
            .where(CaseMaterialRow.case_id == case.id)
            .order_by(CaseMaterialRow.position)
        )
    )
    # A 容缺 case may already be with the routing post or a department when the
    # promised materials arrive: they are recorded without moving the folder.
    late_deferred = state in LATE_DEFERRED_STATES and any(
        m.deferred and not m.received for m in materials
    )
    deferred_round = state == CaseState.ACCEPTED_DEFERRED
    step = CaseEvent.RECEIVE_DEFERRED if deferred_round else CaseEvent.RECEIVE_SUPPLEMENT
    if not late_deferred:
        next_state(state, step)  # refuses an impossible step, naming the current state
    by_name = {m.name: m for m in materials}
    unknown = set(received) - set(by_name)
    if unknown:
        raise ValidationError("materials", f"本办件不需要以下材料：{'、'.join(sorted(unknown))}")
    if not any(c > 0 for c in received.values()):
        raise ValidationError("materials", "请勾选本次收到的材料")
    updates: dict[str, dict[str, Any]] = {}
    for name, copies in received.items():
        if copies > 0:
            m = by_name[name]
            updates[str(m.position)] = {
                "received": True,
                "received_copies": copies,
                "deferred": False,
            }
    still_missing = [
        m for m in materials if m.required and not m.received and str(m.position) not in updates
    ]
    case_set: dict[str, Any] = {}
    if late_deferred:
        pending = [
            m for m in materials if m.deferred and not m.received and str(m.position) not in updates
        ]
        late_set: dict[str, Any] = {} if pending else {"deferred_deadline": None}
        tx.emit("case.updated", "case", case.id, {"set": late_set, "material_updates": updates})
        tx.audit("intake.deferred_materials_late", case.case_no, {"pending": len(pending)})
        return IntakeResult(case.id, case.case_no, state, None, [], case.green_channel)
    if still_missing:
        tx.emit("case.updated", "case", case.id, {"material_updates": updates})
        tx.audit("intake.partial_supplement", case.case_no, {"missing": len(still_missing)})
        return IntakeResult(case.id, case.case_no, state, None, [], case.green_channel)
    calendar = ws.calendar(tx.session)
    due: DueDate | None
    if deferred_round:
        case_set.update(deferred_deadline=None)
        due = None
    elif case.accepted_on is None:
        # First round: the case is accepted today and its clock starts tomorrow.
        item_codes = [i.item_code for i in _case_items(tx, case.id)]
        due, limit_days, unit = due_for(calendar, _items(tx, item_codes), on)
        case_set.update(
            accepted_on=on.isoformat(),
            due_date=due.day.isoformat(),
            due_estimated=due.estimated,
            limit_days=limit_days,
            limit_unit=unit.value,
            paused_since=None,
            supplement_deadline=None,
        )
    else:
        pauses = json.loads(case.pauses)
        if case.paused_since is not None:
            pauses.append([case.paused_since.isoformat(), on.isoformat()])
        due = calendar.due_date(
            case.accepted_on,
            case.limit_days,
            case.limit_unit,
            [Pause(date.fromisoformat(a), date.fromisoformat(b)) for a, b in pauses],
        )
        case_set.update(
            pauses=json.dumps(pauses),
            paused_since=None,
            supplement_deadline=None,
            due_date=due.day.isoformat(),
            due_estimated=due.estimated,
        )
    tx.emit(step.value, "case", case.id, {"set": case_set, "material_updates": updates})
    tx.audit(f"intake.{step.name.lower()}", case.case_no)
    return IntakeResult(case.id, case.case_no, CaseState.ACCEPTED, due, [], case.green_channel)


def _case_items(tx: Tx, case_id: str) -> list[CaseItemRow]:
    return list(
        tx.session.scalars(
            select(CaseItemRow).where(CaseItemRow.case_id == case_id).order_by(CaseItemRow.position)
        )
    )


# A second case for the same applicant and items this soon is more often a double press or a
# second clerk at the same person than a real second application: the window asks first.
RECENT_DUPLICATE_MINUTES = 10


@dataclass(frozen=True)
class RecentCase:
    """An earlier case for the same applicant and items, accepted a few minutes ago."""

    case_id: str
    case_no: str
    title: str
    state: CaseState
    minutes_ago: int


def recent_duplicate(
    ws: Workstation, actor: Actor, draft: IntakeDraft, minutes: int = RECENT_DUPLICATE_MINUTES
) -> RecentCase | None:
    """The newest case accepted in the last `minutes` for the draft's applicant and exactly its
    items (or 一件事), or None. A draft the decision itself would refuse finds nothing: the
    decision then says what is wrong."""
    actor.require(Permission.INTAKE)
    today = ws.today()
    try:
        checked = applicants.check_applicant(draft.applicant, today, phone_required=False)
    except ValidationErrors:
        return None
    index = applicants.id_index(ws.key, checked.id_type, checked.id_number)
    codes = sorted(dict.fromkeys(c.strip() for c in draft.item_codes if c.strip()))
    since_ms = ws.wall.ms() - minutes * 60_000
    with ws.reading() as s:
        rows = s.scalars(
            select(CaseRow)
            .where(
                CaseRow.applicant_id_index == index,
                # The day before too: a case at 23:58 and a second press at 00:01.
                CaseRow.accepted_on >= today - timedelta(days=1),
                CaseRow.state != CaseState.REFUSED.value,
            )
            .order_by(CaseRow.created_hlc.desc())
        ).all()
        for row in rows:
            made_ms = Timestamp.decode(row.created_hlc).ms
            if made_ms < since_ms:
                break
            if draft.theme_code or row.theme_code:
                if row.theme_code != draft.theme_code:
                    continue
            else:
                held = sorted(
                    s.scalars(select(CaseItemRow.item_code).where(CaseItemRow.case_id == row.id))
                )
                if held != codes:
                    continue
            return RecentCase(
                case_id=row.id,
                case_no=row.case_no,
                title=row.title,
                state=CaseState(row.state),
                minutes_ago=max(0, (ws.wall.ms() - made_ms) // 60_000),
            )
    return None
