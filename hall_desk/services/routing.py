"""材料流转: the routing post's commands, each one batch of folder moves with its 交接单.

收件 (collect) → 预审通过 / 预审退回 → 移交 (dispatch) → 取回 (receive back) → 送出件窗口. Stations
and the move rules live in `hall_desk.domain.stations` / `hall_desk.domain.moves`; the batch
machinery in `hall_desk.services.moves`; the board, the journey and the sheets in their own
modules, re-exported here for the callers that know them by this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from hall_desk.domain import lifecycle
from hall_desk.domain.calendar import LimitUnit
from hall_desk.domain.deadline import DeadlineFlag
from hall_desk.domain.errors import TransitionError, ValidationError
from hall_desk.domain.lifecycle import CaseEvent, CaseState
from hall_desk.domain.limits import (
    MAX_DEPARTMENT,
    MAX_MATERIAL,
    MAX_NOTE,
    MIN_REASON,
    SUPPLEMENT_DAYS,
)
from hall_desk.domain.moves import (
    case_departments,
    move_refusal,
    outstanding_departments,
    outstanding_text,
    refuse,
    too_early,
)
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.stations import (
    APPLICANT,
    DELIVERY,
    ROUTING,
    WINDOW,
    Move,
    department_station,
    is_window,
    station_department,
    station_label,
    window_station,
)
from hall_desk.domain.text import clean_text
from hall_desk.services.board import (
    PAGE_ROWS,
    Board,
    BoardPage,
    BoardRow,
    StationCount,
    board,
    board_page,
    returned_for_supplement,
)
from hall_desk.services.common import (
    arrived_at,
    case_by_ref,
    case_or_refusal,
    clean_name,
    clean_note,
    display_names,
    dwell_text,
    find_case,
    iso,
    moment,
)
from hall_desk.services.handover import (
    FolderLabel,
    HandoffEntry,
    HandoverSheet,
    SheetLine,
    folder_labels,
    handoff_log,
    handover_sheet,
    sheets,
)
from hall_desk.services.journey import Journey, Stop, journey
from hall_desk.services.moves import (
    BatchResult,
    CaseMove,
    LineResult,
    Screened,
    SheetSummary,
    batch_lines,
    decided_departments,
    good,
    line_result,
    move_batch,
    record_move,
    screen,
)
from hall_desk.services.workstation import Tx, Workstation
from hall_desk.store.queries import routing as routing_queries
from hall_desk.store.queries.routing import DENIAL_NOTE, DepartmentDecision

__all__ = [
    "APPLICANT",
    "DELIVERY",
    "PAGE_ROWS",
    "ROUTING",
    "WINDOW",
    "BatchResult",
    "Board",
    "BoardPage",
    "BoardRow",
    "DeadlineFlag",
    "Decision",
    "FolderLabel",
    "HandoffEntry",
    "HandoverSheet",
    "Journey",
    "LineResult",
    "Move",
    "ReturnResult",
    "SheetLine",
    "SheetSummary",
    "StationCount",
    "Stop",
    "arrived_at",
    "board",
    "board_page",
    "case_departments",
    "case_or_refusal",
    "check_scan",
    "collect",
    "department_station",
    "departments",
    "dispatch",
    "dwell_text",
    "find_case",
    "folder_labels",
    "handoff_log",
    "handover_sheet",
    "is_window",
    "iso",
    "journey",
    "moment",
    "pass_prereview",
    "receive_back",
    "record_move",
    "refuse",
    "return_for_supplement",
    "returned_for_supplement",
    "send_to_delivery",
    "sheets",
    "station_department",
    "station_label",
    "window_station",
]


def departments(ws: Workstation) -> list[str]:
    """Approving departments of the catalog, in catalog order (for the dispatch form)."""
    with ws.reading() as s:
        return routing_queries.catalog_departments(s)


def check_scan(
    ws: Workstation,
    actor: Actor,
    move: Move,
    text: str,
    *,
    department: str = "",
    listed: Sequence[str] = (),
    on: date | None = None,
) -> LineResult:
    """What the running list shows for one scan: the case, or the refusal to say aloud.
    Writes nothing; the batch action checks every line again when it is confirmed."""
    actor.require(Permission.ROUTE)
    with ws.reading() as s:
        ((ref, case, problem),) = screen(
            s, ws.today(), [text], move, department=department, on=on, listed=listed
        )
        left: tuple[str, ...] = ()
        if case is not None and move == Move.DISPATCH and case.state == CaseState.ROUTING.value:
            # Where this folder is to go next: the screen may offer that department.
            left = tuple(outstanding_departments(case, decided_departments(s, case)))
        if problem:
            return line_result(ref, case, problem, False, left)
        assert case is not None
        return line_result(ref, case, f"{case.case_no} {case.title}", True, left)


# --- the routing post's actions ---------------------------------------------------------------


def collect(
    ws: Workstation,
    actor: Actor,
    case_refs: Sequence[str],
    *,
    giver: str = "",
    on: date | None = None,
    at: datetime | None = None,
    note: str = "",
) -> BatchResult:
    """收件: folders from the windows to the routing post, where pre-review starts.
    `giver` is the window clerk handing over; by default each case's accepting clerk."""
    actor.require(Permission.ROUTE)
    on, at = moment(ws, on, at)
    giver = clean_name(giver, "giver", "移交人", required=False)
    note = clean_note(note)
    with ws.transaction(actor) as tx:
        screened = screen(tx.session, ws.today(), case_refs, Move.COLLECT, on=on)
        cases = good(screened)
        if not cases:
            return BatchResult(batch_lines(screened, ""), None)
        names = display_names(tx.session)
        stations = {c.station if c.station != WINDOW else window_station(c.window) for c in cases}
        clerks = {names.get(c.clerk, c.clerk) for c in cases}
        sheet = move_batch(
            tx,
            Move.COLLECT,
            [
                CaseMove(c, CaseEvent.START_PREREVIEW, giver or names.get(c.clerk, c.clerk))
                for c in cases
            ],
            from_station=stations.pop() if len(stations) == 1 else WINDOW,
            to_station=ROUTING,
            department="",
            giver=giver or (clerks.pop() if len(clerks) == 1 else "各受理窗口"),
            receiver=actor.display_name,
            on=on,
            at=at,
            note=note,
        )
        tx.audit("routing.collect", sheet.sheet_no, {"cases": len(cases)})
    return BatchResult(batch_lines(screened, "已收取，待预审"), sheet)


def pass_prereview(
    ws: Workstation,
    actor: Actor,
    case_refs: Sequence[str],
    *,
    on: date | None = None,
    at: datetime | None = None,
) -> BatchResult:
    """预审通过: the folders stay at the routing post, ready to be carried to a department."""
    actor.require(Permission.ROUTE)
    on, at = moment(ws, on, at)
    with ws.transaction(actor) as tx:
        screened = screen(tx.session, ws.today(), case_refs, Move.PASS, on=on)
        cases = good(screened)
        if not cases:
            return BatchResult(batch_lines(screened, ""), None)
        # Each case once (the screen refuses a repeated line): their steps fold together.
        with tx.folding_together():
            for case in cases:
                # No handoff: the folder stays where it is; only its lifecycle step is recorded.
                lifecycle.apply(CaseState(case.state), CaseEvent.PASS_PREREVIEW)
                tx.emit(CaseEvent.PASS_PREREVIEW.value, "case", case.id, {"set": {}})
        tx.audit("routing.prereview_pass", "", {"cases": [c.case_no for c in cases]})
    return BatchResult(batch_lines(screened, "预审通过"), None)


@dataclass(frozen=True)
class ReturnResult:
    case_id: str
    case_no: str
    clerk: str  # the accepting clerk, whose queue now shows the case
    window: str
    supplement_deadline: date
    materials: list[str]


def return_for_supplement(
    ws: Workstation,
    actor: Actor,
    case_ref: str,
    reasons: str,
    *,
    materials: Sequence[str] = (),
    deadline: date | None = None,
    on: date | None = None,
    at: datetime | None = None,
) -> ReturnResult:
    """预审退回: back to the accepting window as 待补正; the clock pauses until the applicant's
    supplement is received (intake.receive_supplement resumes it and pushes the due date)."""
    actor.require(Permission.ROUTE)
    line = SupplementReturn(case_ref, reasons, tuple(materials), deadline, on, at)
    checked, on, at = _checked_return(ws, line)
    with ws.transaction(actor) as tx:
        return _return_in(tx, line, checked, on, at)


@dataclass(frozen=True)
class SupplementReturn:
    """One folder the routing post sends back for a supplement, and why."""

    case_ref: str
    reasons: str
    materials: Sequence[str] = ()
    deadline: date | None = None
    on: date | None = None
    at: datetime | None = None


def return_for_supplement_many(
    ws: Workstation, actor: Actor, lines: Sequence[SupplementReturn]
) -> list[ReturnResult]:
    """`return_for_supplement` for each line, in one transaction (the bulk path: demo data)
    folded together at its end; each handoff counts its case's materials after its own step."""
    actor.require(Permission.ROUTE)
    checked = [_checked_return(ws, line) for line in lines]
    with ws.transaction(actor) as tx, tx.folding_together():
        return [
            _return_in(tx, line, reasons, on, at)
            for line, (reasons, on, at) in zip(lines, checked, strict=True)
        ]


def _checked_return(ws: Workstation, line: SupplementReturn) -> tuple[str, date, datetime]:
    on, at = moment(ws, line.on, line.at)
    reasons = clean_text(line.reasons, "reasons", "退回理由", max_len=MAX_NOTE, multiline=True)
    if len(reasons) < MIN_REASON:
        raise ValidationError("reasons", "退回补正须写明理由（至少 4 个字）")
    if line.deadline is not None and line.deadline <= on:
        raise ValidationError("deadline", "补正期限应晚于今天")
    return reasons, on, at


def _return_in(
    tx: Tx, line: SupplementReturn, reasons: str, on: date, at: datetime
) -> ReturnResult:
    ws, actor = tx.ws, tx.actor
    materials, deadline = line.materials, line.deadline
    case = case_by_ref(tx.session, line.case_ref, ws.today())
    tx.settle("case", case.id)
    problem = move_refusal(case, Move.RETURN, "") or too_early(case, on)
    if problem:
        raise TransitionError(CaseState(case.state).label, Move.RETURN.label, problem)
    rows = {m.name: m for m in routing_queries.case_materials(tx.session, case.id)}
    names = [m.strip() for m in materials if m.strip()]
    unknown = [m for m in names if m not in rows]
    if unknown:
        # Only names the catalog could hold are quoted back: a paste is not repeated.
        shown = [m if len(m) <= MAX_MATERIAL else f"{m[:20]}…" for m in unknown[:10]]
        raise ValidationError("materials", f"本办件没有以下材料：{'、'.join(shown)}")
    if deadline is None:
        deadline = ws.calendar(tx.session).due_date(on, SUPPLEMENT_DAYS, LimitUnit.WORKING).day
    case_set: dict[str, Any] = {
        "reason": reasons,
        "supplement_deadline": deadline.isoformat(),
    }
    if case.paused_since is None:
        case_set["paused_since"] = on.isoformat()
    updates = {
        str(rows[m].position): {"received": False, "received_copies": 0, "deferred": False}
        for m in dict.fromkeys(names)
    }
    clerk_name = display_names(tx.session).get(case.clerk, case.clerk)
    record_move(
        tx,
        case,
        step=CaseEvent.RETURN_FOR_SUPPLEMENT,
        move=Move.RETURN,
        to_station=WINDOW,  # the accepting window: `case.window` names it
        on=on,
        at=at,
        giver=actor.display_name,
        receiver=clerk_name,
        case_set=case_set,
        extra={"material_updates": updates} if updates else None,
        note=reasons,
    )
    tx.audit("routing.prereview_return", case.case_no, {"materials": len(updates)})
    return ReturnResult(
        case.id, case.case_no, case.clerk, case.window, deadline, list(dict.fromkeys(names))
    )


def _department(tx: Tx, department: str) -> str:
    # Checked like the catalog checks a department's name when it is imported.
    name = clean_text(department, "department", "审批部门", max_len=MAX_DEPARTMENT)
    if not name:
        raise ValidationError("department", "请选择审批部门")
    if not routing_queries.is_known_department(tx.session, name):
        raise ValidationError("department", f"事项库中没有审批部门「{name}」")
    return name


def dispatch(
    ws: Workstation,
    actor: Actor,
    department: str,
    case_refs: Sequence[str],
    *,
    receiver: str,
    on: date | None = None,
    at: datetime | None = None,
    note: str = "",
) -> BatchResult:
    """移交: a batch of pre-reviewed folders carried to one department, with a 交接单."""
    actor.require(Permission.ROUTE)
    on, at = moment(ws, on, at)
    receiver = clean_name(receiver, "receiver", "接收人")
    note = clean_note(note)
    with ws.transaction(actor) as tx:
        department = _department(tx, department)
        screened = screen(
            tx.session, ws.today(), case_refs, Move.DISPATCH, department=department, on=on
        )
        cases = good(screened)
        if not cases:
            return BatchResult(batch_lines(screened, ""), None)
        dispatched = {"dispatched_on": on.isoformat()}
        sheet = move_batch(
            tx,
            Move.DISPATCH,
            [CaseMove(c, CaseEvent.DISPATCH, actor.display_name, dispatched) for c in cases],
            from_station=ROUTING,
            to_station=department_station(department),
            department=department,
            giver=actor.display_name,
            receiver=receiver,
            on=on,
            at=at,
            note=note,
        )
        tx.audit(
            "routing.dispatch", sheet.sheet_no, {"department": department, "cases": len(cases)}
        )
    return BatchResult(batch_lines(screened, f"已移交{department}"), sheet)


@dataclass(frozen=True)
class Decision:
    """A department's result for one case of a batch brought back: 已办结 or 不予许可."""

    case_ref: str
    approved: bool = True
    reason: str = ""  # required when not approved


def _denial_reason(decision: Decision) -> tuple[str, str]:
    """A 不予许可 reason checked like any typed text: (the reason, why it is refused or "")."""
    if decision.approved:
        return "", ""
    try:
        reason = clean_text(
            decision.reason, "reason", "不予许可理由", max_len=MAX_NOTE, multiline=True
        )
    except ValidationError as exc:
        return "", exc.message
    if len(reason) < MIN_REASON:
        return "", "不予许可须写明理由（至少 4 个字）"
    return reason, ""


def _department_result(
    case: Any,
    decided: dict[str, DepartmentDecision],
    department: str,
    approved: bool,
    reason: str,
    on: date,
) -> tuple[CaseEvent, dict[str, Any], str, tuple[str, ...]]:
    """One department's decision on a case: the step, what the case keeps, the handoff's note
    and the departments still to decide. A case of several departments (联办) goes back to the
    routing post for the next one; with the last decision it is 已办结, or 不予许可 when any
    department refused (every refusal's reason is kept)."""
    note = "已办结" if approved else f"{DENIAL_NOTE}{reason}"
    left = tuple(outstanding_departments(case, [*decided, department]))
    if left:
        return CaseEvent.DEPARTMENT_DECIDED, {"returned_on": on.isoformat()}, note, left
    case_set: dict[str, Any] = {"returned_on": on.isoformat(), "completed_on": on.isoformat()}
    refusals = [(d.department, d.reason) for d in decided.values() if not d.approved]
    if not approved:
        refusals.append((department, reason))
    if not refusals:
        return CaseEvent.APPROVE, case_set, note, ()
    if len(case_departments(case)) > 1:
        case_set["reason"] = "；".join(f"{d}：{r}" for d, r in refusals)
    else:
        case_set["reason"] = refusals[0][1]
    return CaseEvent.DENY, case_set, note, ()


def receive_back(
    ws: Workstation,
    actor: Actor,
    department: str,
    decisions: Sequence[Decision],
    *,
    giver: str,
    on: date | None = None,
    at: datetime | None = None,
    note: str = "",
) -> BatchResult:
    """取回: a department hands back a batch with each case's result; the folders return to
    the routing post on their way to the delivery window."""
    actor.require(Permission.ROUTE)
    on, at = moment(ws, on, at)
    giver = clean_name(giver, "giver", "移交人")
    note = clean_note(note)
    reasons = [_denial_reason(d) for d in decisions]
    with ws.transaction(actor) as tx:
        department = _department(tx, department)
        screened = screen(
            tx.session,
            ws.today(),
            [d.case_ref for d in decisions],
            Move.RECEIVE_BACK,
            department=department,
            on=on,
        )
        checked: list[Screened] = []
        for (ref, case, problem), (_, reason_problem) in zip(screened, reasons, strict=True):
            if case is not None and not problem and reason_problem:
                problem = f"办件 {case.case_no}：{reason_problem}"
            checked.append((ref, case, problem))
        ok = [
            (case, decision)
            for (_, case, problem), decision in zip(checked, decisions, strict=True)
            if case is not None and not problem
        ]
        if not ok:
            return BatchResult(batch_lines(checked, ""), None)
        denials = {
            case.id: reason
            for (_, case, _), (reason, _) in zip(checked, reasons, strict=True)
            if case is not None
        }
        moves = []
        left_after: dict[str, tuple[str, ...]] = {}
        # Which departments decided before, for the whole batch at once: the moves are written
        # after every case's result is known.
        decided = routing_queries.department_decisions(tx.session, [c.id for c, _ in ok])
        for case, decision in ok:
            step, case_set, result, left = _department_result(
                case, decided.get(case.id, {}), department, decision.approved, denials[case.id], on
            )
            left_after[case.id] = left
            moves.append(
                CaseMove(
                    case,
                    step,
                    giver,
                    case_set,
                    result,
                    result="approved" if decision.approved else "denied",
                )
            )
        lines = []
        for (ref, case, problem), decision in zip(checked, decisions, strict=True):
            if problem or case is None:
                lines.append(line_result(ref, case, problem, False))
                continue
            said = "已办结，已取回" if decision.approved else "不予许可，已取回"
            left = left_after[case.id]
            if left:
                said += f"；尚待审批：{outstanding_text(left)}，请移交「{left[0]}」"
            lines.append(line_result(ref, case, said, True, left))
        sheet = move_batch(
            tx,
            Move.RECEIVE_BACK,
            moves,
            from_station=department_station(department),
            to_station=ROUTING,
            department=department,
            giver=giver,
            receiver=actor.display_name,
            on=on,
            at=at,
            note=note,
        )
        denied = sum(1 for _, d in ok if not d.approved)
        tx.audit(
            "routing.receive_back",
            sheet.sheet_no,
            {"department": department, "cases": len(ok), "denied": denied},
        )
    return BatchResult(lines, sheet)


def send_to_delivery(
    ws: Workstation,
    actor: Actor,
    case_refs: Sequence[str],
    *,
    receiver: str,
    on: date | None = None,
    at: datetime | None = None,
    note: str = "",
) -> BatchResult:
    """送出件窗口: results carried from the routing post to the delivery window (待出件)."""
    actor.require(Permission.ROUTE)
    on, at = moment(ws, on, at)
    receiver = clean_name(receiver, "receiver", "接收人")
    note = clean_note(note)
    with ws.transaction(actor) as tx:
        screened = screen(tx.session, ws.today(), case_refs, Move.TO_DELIVERY, on=on)
        cases = good(screened)
        if not cases:
            return BatchResult(batch_lines(screened, ""), None)
        sheet = move_batch(
            tx,
            Move.TO_DELIVERY,
            [
                CaseMove(
                    c,
                    CaseEvent.SEND_TO_DELIVERY,
                    actor.display_name,
                    note=CaseState(c.state).label,
                )
                for c in cases
            ],
            from_station=ROUTING,
            to_station=DELIVERY,
            department="",
            giver=actor.display_name,
            receiver=receiver,
            on=on,
            at=at,
            note=note,
        )
        tx.audit("routing.to_delivery", sheet.sheet_no, {"cases": len(cases)})
    return BatchResult(batch_lines(screened, "已送出件窗口"), sheet)
