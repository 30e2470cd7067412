"""材料流转: where every paper folder is, who holds it since when, and each move between stations.

A folder's station is a short code kept on the case (`CaseRow.station`):

    window / window:<name>   the intake window that accepted it
    routing                  the routing post (预审, waiting to be carried)
    dept:<department>        an approving department's back office
    delivery                 the delivery window (统一出件)
    applicant                handed out (in person or by post)

Every move is a case event (the lifecycle step) plus a `handoff.recorded` event (from, to, who
gave, who received, when, batch); batches also record a `handover_sheet.recorded` (交接单).
"""

from __future__ import annotations

import uuid
from collections import namedtuple
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hall_desk.domain import caseref, lifecycle
from hall_desk.domain import text as free_text
from hall_desk.domain.assistance import Assistance, AssistanceFlag, ServiceMode
from hall_desk.domain.calendar import LimitUnit
from hall_desk.domain.clock import Timestamp
from hall_desk.domain.deadline import FLAG_ORDER, DeadlineFlag, classify, clock_counts
from hall_desk.domain.errors import NotFound, TransitionError, ValidationError
from hall_desk.domain.lifecycle import CaseEvent, CaseState
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services.common import case_by_ref, case_or_refusal
from hall_desk.services.intake import MIN_REASON, SUPPLEMENT_DAYS
from hall_desk.services.workstation import Tx, Workstation
from hall_desk.store.models import CaseItemRow, CaseMaterialRow, CaseRow, ServiceItemRow, User
from hall_desk.store.models_routing import HandoffRow, HandoverSheetRow
from hall_desk.store.queries import deadline as deadline_sql

# --- stations ---------------------------------------------------------------------------------

WINDOW = "window"
ROUTING = "routing"
DEPT_PREFIX = "dept:"
DELIVERY = "delivery"
APPLICANT = "applicant"
MAX_NAME = 32
MAX_NOTE = 500


def window_station(window: str = "") -> str:
    return f"{WINDOW}:{window}" if window else WINDOW


def department_station(department: str) -> str:
    return DEPT_PREFIX + department


def is_window(station: str) -> bool:
    return station == WINDOW or station.startswith(WINDOW + ":")


def station_department(station: str) -> str:
    """The department of a `dept:` station, else ""."""
    return station[len(DEPT_PREFIX) :] if station.startswith(DEPT_PREFIX) else ""


def station_label(station: str, window: str = "") -> str:
    """The station in the hall's words; `window` names the case's intake window when known."""
    if is_window(station):
        name = station.partition(":")[2] or window
        return name or "受理窗口"
    if station.startswith(DEPT_PREFIX):
        return station_department(station)
    return {ROUTING: "流转岗", DELIVERY: "出件窗口", APPLICANT: "申请人", "": "—"}.get(
        station, station
    )


class Move(StrEnum):
    COLLECT = "collect"
    PASS = "pass"
    RETURN = "return"
    DISPATCH = "dispatch"
    RECEIVE_BACK = "receive_back"
    TO_DELIVERY = "to_delivery"
    PICKUP = "pickup"
    MAIL = "mail"
    MAIL_RETURNED = "mail_returned"

    @property
    def label(self) -> str:
        return MOVE_LABELS[self]


MOVE_LABELS = {
    Move.COLLECT: "收取材料袋",
    Move.PASS: "预审通过",
    Move.RETURN: "预审退回补正",
    Move.DISPATCH: "移交审批部门",
    Move.RECEIVE_BACK: "接收审批结果",
    Move.TO_DELIVERY: "送出件窗口",
    Move.PICKUP: "窗口领取",
    Move.MAIL: "邮寄送达",
    Move.MAIL_RETURNED: "邮件退回",
}


# --- small shared helpers -------------------------------------------------------------------


def moment(ws: Workstation, on: date | None, at: datetime | None) -> tuple[date, datetime]:
    """The day and the moment of a move: `at` wins; a back-dated `on` keeps today's time."""
    if at is not None:
        at = at if at.tzinfo is not None else at.astimezone()
        return at.date(), at
    day = on or ws.today()
    return day, ws.moment_on(day)


def iso(at: datetime) -> str:
    return at.isoformat(timespec="seconds")


def parse_at(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def clean_name(raw: str, field: str, what: str, *, required: bool = True) -> str:
    """A giver's or receiver's name, checked like every name the program stores (length,
    emoji, control characters); brackets and digits are allowed (审批科（二组）李明)."""
    name = free_text.clean_name(raw, field, f"{what}姓名", organisation=True)
    if required and not name:
        raise ValidationError(field, f"请填写{what}姓名")
    if len(name) > MAX_NAME:
        raise ValidationError(field, f"{what}姓名过长（最多 {MAX_NAME} 字）")
    return name


def clean_note(raw: str, field: str = "note") -> str:
    return free_text.clean_text(raw, field, "备注", max_len=MAX_NOTE, multiline=True)


def where(case: CaseRow) -> str:
    return f"「{station_label(case.station, case.window)}」，状态「{CaseState(case.state).label}」"


def refusal_text(case: CaseRow, action: str, hint: str = "") -> str:
    """Names the case, its station and its state, and the step that cannot be taken."""
    text = f"办件 {case.case_no} 当前在{where(case)}，不能{action}"
    return f"{text}：{hint}" if hint else text


def refuse(case: CaseRow, action: str, hint: str = "") -> TransitionError:
    return TransitionError(CaseState(case.state).label, action, refusal_text(case, action, hint))


def arrived_at(case: CaseRow) -> datetime:
    """When the folder reached its current station; cases fresh from intake use their intake
    moment (the clock reading when it was recorded, or 09:00 of a back-dated intake day)."""
    since = parse_at(case.station_since)
    return since if since is not None else intake_moment(case)


def intake_moment(case: CaseRow) -> datetime:
    recorded = datetime.fromtimestamp(Timestamp.decode(case.created_hlc).ms / 1000).astimezone()
    if recorded.date() == case.created_on:
        return recorded
    return datetime.combine(case.created_on, time(9, 0)).astimezone()


def dwell_text(span: timedelta) -> str:
    minutes = max(0, int(span.total_seconds() // 60))
    if minutes < 1:
        return "不足 1 分钟"
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} 天 {hours} 小时" if hours else f"{days} 天"
    if hours:
        return f"{hours} 小时 {mins} 分" if mins else f"{hours} 小时"
    return f"{mins} 分钟"


def display_names(session: Session) -> dict[str, str]:
    return {u: n for u, n in session.execute(select(User.username, User.display_name))}


def case_departments(case: CaseRow) -> list[str]:
    return [d for d in case.departments.split("、") if d]


def departments(ws: Workstation) -> list[str]:
    """Approving departments of the catalog, in catalog order (for the dispatch form)."""
    with ws.reading() as s:
        rows = s.execute(
            select(ServiceItemRow.department, func.min(ServiceItemRow.position))
            .group_by(ServiceItemRow.department)
            .order_by(func.min(ServiceItemRow.position))
        ).all()
    return [r[0] for r in rows]


# --- checking one scanned line ----------------------------------------------------------------


def _move_refusal(case: CaseRow, move: Move, department: str) -> str:
    """Why `case` cannot take `move` now, or "" when it can."""
    state = CaseState(case.state)
    station = case.station
    action = move.label if move != Move.DISPATCH else f"移交「{department}」"
    if move == Move.COLLECT:
        if is_window(station) and state in (CaseState.ACCEPTED, CaseState.ACCEPTED_DEFERRED):
            return ""
        if state == CaseState.AWAITING_SUPPLEMENT:
            return refusal_text(case, action, "补正材料收齐、重新受理后才能收件")
        if state == CaseState.READY_FOR_DELIVERY and is_window(station):
            return refusal_text(case, action, "即办件已办结，请直接出件")
        return refusal_text(case, action)
    if move in (Move.PASS, Move.RETURN):
        if station == ROUTING and state == CaseState.PREREVIEW:
            return ""
        if station == ROUTING and state == CaseState.ROUTING:
            return refusal_text(case, action, "已预审通过")
        return refusal_text(case, action, "只有流转岗收取的材料袋才能预审")
    if move == Move.DISPATCH:
        if station == ROUTING and state == CaseState.ROUTING:
            if department not in case_departments(case):
                return (
                    f"办件 {case.case_no} 的事项由「{case.departments}」办理，"
                    f"不能移交「{department}」"
                )
            return ""
        if station == ROUTING and state == CaseState.PREREVIEW:
            return refusal_text(case, action, "尚未预审通过")
        return refusal_text(case, action)
    if move == Move.RECEIVE_BACK:
        if state == CaseState.UNDER_REVIEW and station == department_station(department):
            return ""
        if state == CaseState.UNDER_REVIEW:
            return refusal_text(case, f"从「{department}」接收", "不在该部门")
        return refusal_text(case, f"从「{department}」接收", "办件未移交该部门审批")
    if move == Move.TO_DELIVERY:
        if station == ROUTING and state in (CaseState.CONCLUDED, CaseState.DENIED):
            return ""
        return refusal_text(case, action, "只有已取回审批结果的办件才能送出件窗口")
    raise ValueError(move)


def _too_early(case: CaseRow, on: date | None) -> str:
    since = parse_at(case.station_since)
    if on is not None and since is not None and on < since.date():
        return (
            f"办件 {case.case_no} 于 {since.date().isoformat()} 才到达"
            f"「{station_label(case.station, case.window)}」，交接日期不能早于该日"
        )
    return ""


@dataclass(frozen=True)
class LineResult:
    """One line of a scanned list: moved (ok) or refused with the reason, in words."""

    ref: str
    ok: bool
    message: str
    case_id: str = ""
    case_no: str = ""
    title: str = ""
    applicant_name: str = ""
    due_date: date | None = None
    green_channel: bool = False


def _line(ref: str, case: CaseRow | None, message: str, ok: bool) -> LineResult:
    if case is None:
        return LineResult(ref, ok, message)
    return LineResult(
        ref,
        ok,
        message,
        case.id,
        case.case_no,
        case.title,
        case.applicant_name,
        case.due_date,
        case.green_channel,
    )


def _screen(
    session: Session,
    today: date,
    refs: Iterable[str],
    move: Move,
    *,
    department: str = "",
    on: date | None = None,
    listed: Iterable[str] = (),
) -> list[tuple[str, CaseRow | None, str]]:
    """Each line with its case when it may take the move, else None and the reason."""
    seen = {caseref.normalise(x) for x in listed}
    out: list[tuple[str, CaseRow | None, str]] = []
    for ref in refs:
        case, problem = case_or_refusal(session, ref, today)
        if case is not None:
            if case.case_no in seen:
                problem = f"办件 {case.case_no} 已在本批清单中（重复扫描）"
            else:
                problem = _move_refusal(case, move, department) or _too_early(case, on)
        if case is not None and not problem:
            seen.add(case.case_no)
            out.append((ref.strip(), case, ""))
        else:
            out.append((ref.strip(), None if case is None else case, problem))
    return out


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
        ((ref, case, problem),) = _screen(
            s, ws.today(), [text], move, department=department, on=on, listed=listed
        )
        if problem:
            return _line(ref, case, problem, False)
        assert case is not None
        return _line(ref, case, f"{case.case_no} {case.title}", True)


# --- batches and their handover sheets --------------------------------------------------------


@dataclass(frozen=True)
class SheetSummary:
    id: str
    sheet_no: str
    move: Move
    from_station: str
    to_station: str
    from_label: str
    to_label: str
    department: str
    giver: str
    receiver: str
    on: date
    at: datetime
    case_count: int
    note: str


@dataclass(frozen=True)
class BatchResult:
    lines: list[LineResult]
    sheet: SheetSummary | None  # None when every line was refused (nothing was written)

    @property
    def moved(self) -> list[LineResult]:
        return [x for x in self.lines if x.ok]

    @property
    def refused(self) -> list[LineResult]:
        return [x for x in self.lines if not x.ok]


def _summary(row: HandoverSheetRow) -> SheetSummary:
    return SheetSummary(
        row.id,
        row.sheet_no,
        Move(row.move),
        row.from_station,
        row.to_station,
        station_label(row.from_station),
        station_label(row.to_station),
        row.department,
        row.giver,
        row.receiver,
        row.on,
        datetime.fromisoformat(row.at),
        row.case_count,
        row.note,
    )


def _next_sheet_no(tx: Tx, on: date) -> str:
    prefix = f"JJ{on:%Y%m%d}-{tx.ws.code}-"
    last = tx.session.scalar(
        select(HandoverSheetRow.sheet_no)
        .where(HandoverSheetRow.sheet_no.startswith(prefix))
        .order_by(func.length(HandoverSheetRow.sheet_no).desc(), HandoverSheetRow.sheet_no.desc())
        .limit(1)
    )
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{seq:03d}"


@dataclass
class _Batch:
    id: str
    sheet_no: str


def _open_sheet(
    tx: Tx,
    move: Move,
    *,
    from_station: str,
    to_station: str,
    department: str,
    giver: str,
    receiver: str,
    on: date,
    at: datetime,
    count: int,
    note: str,
) -> _Batch:
    batch = _Batch(str(uuid.uuid4()), _next_sheet_no(tx, on))
    tx.emit(
        "handover_sheet.recorded",
        "handover_sheet",
        batch.id,
        {
            "set": {
                "sheet_no": batch.sheet_no,
                "move": move.value,
                "from_station": from_station,
                "to_station": to_station,
                "department": department,
                "giver": giver,
                "receiver": receiver,
                "at": iso(at),
                "on": on.isoformat(),
                "case_count": count,
                "note": note,
                "recorded_by": tx.actor.username,
                "workstation": tx.ws.code,
            }
        },
    )
    return batch


def _material_counts(session: Session, case_ids: list[str]) -> dict[str, tuple[int, int]]:
    rows = session.execute(
        select(
            CaseMaterialRow.case_id,
            func.count(),
            func.coalesce(func.sum(CaseMaterialRow.received_copies), 0),
        )
        .where(CaseMaterialRow.case_id.in_(case_ids), CaseMaterialRow.received)
        .group_by(CaseMaterialRow.case_id)
    ).all()
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}


def record_move(
    tx: Tx,
    case: CaseRow,
    *,
    step: CaseEvent,
    move: Move,
    to_station: str,
    on: date,
    at: datetime,
    giver: str,
    receiver: str,
    case_set: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
    batch: _Batch | None = None,
    position: int = 0,
    note: str = "",
    counts: tuple[int, int] | None = None,
) -> None:
    """The case's lifecycle step and its handoff, inside the caller's transaction; a step the
    lifecycle does not allow from the case's state is refused (TransitionError)."""
    new_state = lifecycle.apply(CaseState(case.state), step)
    from_station = case.station
    payload: dict[str, Any] = {
        "set": {**(case_set or {}), "station": to_station, "station_since": iso(at)},
        **(extra or {}),
    }
    tx.emit(step.value, "case", case.id, payload)
    if counts is None:
        counts = _material_counts(tx.session, [case.id]).get(case.id, (0, 0))
    tx.emit(
        "handoff.recorded",
        "handoff",
        str(uuid.uuid4()),
        {
            "set": {
                "case_id": case.id,
                "case_no": case.case_no,
                "move": move.value,
                "from_station": from_station,
                "to_station": to_station,
                "giver": giver,
                "receiver": receiver,
                "at": iso(at),
                "on": on.isoformat(),
                "batch_id": batch.id if batch else "",
                "batch_no": batch.sheet_no if batch else "",
                "position": position,
                "state": new_state.value,
                "due_date": case.due_date.isoformat() if case.due_date else None,
                "materials": counts[0],
                "copies": counts[1],
                "note": note,
                "recorded_by": tx.actor.username,
                "workstation": tx.ws.code,
            }
        },
    )


def _batch_lines(
    screened: list[tuple[str, CaseRow | None, str]], ok_message: str
) -> list[LineResult]:
    return [_line(ref, case, problem or ok_message, not problem) for ref, case, problem in screened]


def _good(screened: list[tuple[str, CaseRow | None, str]]) -> list[CaseRow]:
    return [case for _, case, problem in screened if case is not None and not problem]


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
        screened = _screen(tx.session, ws.today(), case_refs, Move.COLLECT, on=on)
        good = _good(screened)
        if not good:
            return BatchResult(_batch_lines(screened, ""), None)
        names = display_names(tx.session)
        stations = {c.station if c.station != WINDOW else window_station(c.window) for c in good}
        clerks = {names.get(c.clerk, c.clerk) for c in good}
        batch = _open_sheet(
            tx,
            Move.COLLECT,
            from_station=stations.pop() if len(stations) == 1 else WINDOW,
            to_station=ROUTING,
            department="",
            giver=giver or (clerks.pop() if len(clerks) == 1 else "各受理窗口"),
            receiver=actor.display_name,
            on=on,
            at=at,
            count=len(good),
            note=note,
        )
        counts = _material_counts(tx.session, [c.id for c in good])
        for position, case in enumerate(good, start=1):
            record_move(
                tx,
                case,
                step=CaseEvent.START_PREREVIEW,
                move=Move.COLLECT,
                to_station=ROUTING,
                on=on,
                at=at,
                giver=giver or names.get(case.clerk, case.clerk),
                receiver=actor.display_name,
                batch=batch,
                position=position,
                counts=counts.get(case.id, (0, 0)),
            )
        tx.audit("routing.collect", batch.sheet_no, {"cases": len(good)})
        sheet = _summary(_sheet_row(tx.session, batch.id))
    return BatchResult(_batch_lines(screened, "已收取，待预审"), sheet)


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
        screened = _screen(tx.session, ws.today(), case_refs, Move.PASS, on=on)
        good = _good(screened)
        if not good:
            return BatchResult(_batch_lines(screened, ""), None)
        for case in good:
            lifecycle.apply(CaseState(case.state), CaseEvent.PASS_PREREVIEW)
            tx.emit(CaseEvent.PASS_PREREVIEW.value, "case", case.id, {"set": {}})
        tx.audit("routing.prereview_pass", "", {"cases": [c.case_no for c in good]})
    return BatchResult(_batch_lines(screened, "预审通过"), None)


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
    on, at = moment(ws, on, at)
    reasons = reasons.strip()
    if len(reasons) < MIN_REASON:
        raise ValidationError("reasons", "退回补正须写明理由（至少 4 个字）")
    if len(reasons) > MAX_NOTE:
        raise ValidationError("reasons", f"退回理由过长（最多 {MAX_NOTE} 字）")
    if deadline is not None and deadline <= on:
        raise ValidationError("deadline", "补正期限应晚于今天")
    with ws.transaction(actor) as tx:
        case = case_by_ref(tx.session, case_ref, ws.today())
        problem = _move_refusal(case, Move.RETURN, "") or _too_early(case, on)
        if problem:
            raise TransitionError(CaseState(case.state).label, Move.RETURN.label, problem)
        rows = {
            m.name: m
            for m in tx.session.scalars(
                select(CaseMaterialRow).where(CaseMaterialRow.case_id == case.id)
            )
        }
        names = [m.strip() for m in materials if m.strip()]
        unknown = [m for m in names if m not in rows]
        if unknown:
            raise ValidationError("materials", f"本办件没有以下材料：{'、'.join(unknown)}")
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
    name = department.strip()
    if not name:
        raise ValidationError("department", "请选择审批部门")
    known = tx.session.scalar(
        select(func.count()).select_from(ServiceItemRow).where(ServiceItemRow.department == name)
    ) or tx.session.scalar(
        select(func.count()).select_from(CaseItemRow).where(CaseItemRow.department == name)
    )
    if not known:
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
        screened = _screen(
            tx.session, ws.today(), case_refs, Move.DISPATCH, department=department, on=on
        )
        good = _good(screened)
        if not good:
            return BatchResult(_batch_lines(screened, ""), None)
        to_station = department_station(department)
        batch = _open_sheet(
            tx,
            Move.DISPATCH,
            from_station=ROUTING,
            to_station=to_station,
            department=department,
            giver=actor.display_name,
            receiver=receiver,
            on=on,
            at=at,
            count=len(good),
            note=note,
        )
        counts = _material_counts(tx.session, [c.id for c in good])
        for position, case in enumerate(good, start=1):
            record_move(
                tx,
                case,
                step=CaseEvent.DISPATCH,
                move=Move.DISPATCH,
                to_station=to_station,
                on=on,
                at=at,
                giver=actor.display_name,
                receiver=receiver,
                case_set={"dispatched_on": on.isoformat()},
                batch=batch,
                position=position,
                counts=counts.get(case.id, (0, 0)),
            )
        tx.audit("routing.dispatch", batch.sheet_no, {"department": department, "cases": len(good)})
        sheet = _summary(_sheet_row(tx.session, batch.id))
    return BatchResult(_batch_lines(screened, f"已移交{department}"), sheet)


@dataclass(frozen=True)
class Decision:
    """A department's result for one case of a batch brought back: 已办结 or 不予许可."""

    case_ref: str
    approved: bool = True
    reason: str = ""  # required when not approved


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
    with ws.transaction(actor) as tx:
        department = _department(tx, department)
        screened = _screen(
            tx.session,
            ws.today(),
            [d.case_ref for d in decisions],
            Move.RECEIVE_BACK,
            department=department,
            on=on,
        )
        checked: list[tuple[str, CaseRow | None, str]] = []
        for (ref, case, problem), decision in zip(screened, decisions, strict=True):
            if case is not None and not problem and not decision.approved:
                reason = decision.reason.strip()
                if len(reason) < MIN_REASON:
                    problem = f"办件 {case.case_no}：不予许可须写明理由（至少 4 个字）"
                elif len(reason) > MAX_NOTE:
                    problem = f"办件 {case.case_no}：不予许可理由过长（最多 {MAX_NOTE} 字）"
            checked.append((ref, case, problem))
        good = [
            (case, decision)
            for (_, case, problem), decision in zip(checked, decisions, strict=True)
            if case is not None and not problem
        ]
        lines = [
            _line(
                ref,
                case,
                problem or ("已办结，已取回" if decision.approved else "不予许可，已取回"),
                not problem,
            )
            for (ref, case, problem), decision in zip(checked, decisions, strict=True)
        ]
        if not good:
            return BatchResult(lines, None)
        batch = _open_sheet(
            tx,
            Move.RECEIVE_BACK,
            from_station=department_station(department),
            to_station=ROUTING,
            department=department,
            giver=giver,
            receiver=actor.display_name,
            on=on,
            at=at,
            count=len(good),
            note=note,
        )
        counts = _material_counts(tx.session, [c.id for c, _ in good])
        for position, (case, decision) in enumerate(good, start=1):
            case_set: dict[str, Any] = {
                "returned_on": on.isoformat(),
                "completed_on": on.isoformat(),
            }
            if decision.approved:
                step, result = CaseEvent.APPROVE, "已办结"
            else:
                step = CaseEvent.DENY
                case_set["reason"] = decision.reason.strip()
                result = f"不予许可：{decision.reason.strip()}"
            record_move(
                tx,
                case,
                step=step,
                move=Move.RECEIVE_BACK,
                to_station=ROUTING,
                on=on,
                at=at,
                giver=giver,
                receiver=actor.display_name,
                case_set=case_set,
                batch=batch,
                position=position,
                note=result,
                counts=counts.get(case.id, (0, 0)),
            )
        denied = sum(1 for _, d in good if not d.approved)
        tx.audit(
            "routing.receive_back",
            batch.sheet_no,
            {"department": department, "cases": len(good), "denied": denied},
        )
        sheet = _summary(_sheet_row(tx.session, batch.id))
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
        screened = _screen(tx.session, ws.today(), case_refs, Move.TO_DELIVERY, on=on)
        good = _good(screened)
        if not good:
            return BatchResult(_batch_lines(screened, ""), None)
        batch = _open_sheet(
            tx,
            Move.TO_DELIVERY,
            from_station=ROUTING,
            to_station=DELIVERY,
            department="",
            giver=actor.display_name,
            receiver=receiver,
            on=on,
            at=at,
            count=len(good),
            note=note,
        )
        counts = _material_counts(tx.session, [c.id for c in good])
        for position, case in enumerate(good, start=1):
            record_move(
                tx,
                case,
                step=CaseEvent.SEND_TO_DELIVERY,
                move=Move.TO_DELIVERY,
                to_station=DELIVERY,
                on=on,
                at=at,
                giver=actor.display_name,
                receiver=receiver,
                batch=batch,
                position=position,
                note=CaseState(case.state).label,
                counts=counts.get(case.id, (0, 0)),
            )
        tx.audit("routing.to_delivery", batch.sheet_no, {"cases": len(good)})
        sheet = _summary(_sheet_row(tx.session, batch.id))
    return BatchResult(_batch_lines(screened, "已送出件窗口"), sheet)


# --- the board --------------------------------------------------------------------------------


BOARD_STATES = (
    CaseState.ACCEPTED,
    CaseState.ACCEPTED_DEFERRED,
    CaseState.AWAITING_SUPPLEMENT,
    CaseState.PREREVIEW,
    CaseState.ROUTING,
    CaseState.UNDER_REVIEW,
    CaseState.CONCLUDED,
    CaseState.DENIED,
    CaseState.READY_FOR_DELIVERY,
)


@dataclass(frozen=True)
class BoardRow:
    case_id: str
    case_no: str
    title: str
    applicant_name: str
    state: CaseState
    state_label: str
    station: str
    station_label: str
    department: str  # of a dept: station, else ""
    since: datetime
    dwell: timedelta
    dwell_text: str
    due_date: date | None
    remaining_working_days: int | None  # negative when overdue
    flag: DeadlineFlag
    flag_text: str  # always words, never colour alone
    green_channel: bool
    green_text: str  # "绿色通道" or ""
    clerk: str
    window: str


@dataclass(frozen=True)
class StationCount:
    station: str
    label: str
    department: str
    cases: int
    overdue: int
    near: int
    green: int


@dataclass(frozen=True)
class Board:
    as_of: datetime
    rows: list[BoardRow]
    stations: list[StationCount]

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.rows if r.flag == DeadlineFlag.OVERDUE)

    @property
    def near(self) -> int:
        return sum(1 for r in self.rows if r.flag == DeadlineFlag.NEAR)


def _flag(
    case: CaseRow, state: CaseState, remaining_of: Any, today: date
) -> tuple[DeadlineFlag, int | None, str]:
    running = clock_counts(state, case.due_date, case.paused_since)
    status = classify(
        state,
        case.due_date,
        case.paused_since,
        today,
        remaining_of(case.due_date) if running else None,
        estimated=case.due_estimated,
    )
    return status.flag, status.remaining_working_days, status.text


BOARD_COLUMNS = (
    "id",
    "case_no",
    "title",
    "applicant_name",
    "state",
    "station",
    "window",
    "due_date",
    "due_estimated",
    "paused_since",
    "green_channel",
    "clerk",
    "station_since",
    "created_hlc",
    "created_on",
)


# Board rows come back as plain tuples with named fields: attribute access on SQLAlchemy's Row
# objects was the board's largest cost on a busy hall.
BoardCase = namedtuple("BoardCase", BOARD_COLUMNS)
_STATE_BY_VALUE = {state.value: state for state in CaseState}


def _board_row(case: CaseRow, now: datetime, remaining_of: Any, names: dict[str, str]) -> BoardRow:
    state = _STATE_BY_VALUE[case.state]
    flag, remaining, text = _flag(case, state, remaining_of, now.date())
    since = arrived_at(case)
    dwell = max(timedelta(0), now - since)
    return BoardRow(
        case.id,
        case.case_no,
        case.title,
        case.applicant_name,
        state,
        state.label,
        case.station,
        station_label(case.station, case.window),
        station_department(case.station),
        since,
        dwell,
        dwell_text(dwell),
        case.due_date,
        remaining,
        flag,
        text,
        case.green_channel,
        "绿色通道" if case.green_channel else "",
        names.get(case.clerk, case.clerk),
        case.window,
    )


def _sort_key(row: BoardRow) -> tuple[Any, ...]:
    # Green channel first, then the most urgent, then the longest waiting.
    remaining = row.remaining_working_days
    return (
        not row.green_channel,
        FLAG_ORDER[row.flag],
        remaining if remaining is not None else 1 << 30,
        row.since,
        row.case_no,
    )


def _remaining_fn(ws: Workstation, session: Session, today: date) -> Any:
    calendar = ws.calendar(session)
    cache: dict[date, int] = {}

    def remaining_of(due: date) -> int:
        if due not in cache:
            cache[due] = calendar.working_days_between(today, due)
        return cache[due]

    return remaining_of


def board(
    ws: Workstation,
    actor: Actor,
    *,
    station: str | None = None,
    department: str | None = None,
    flagged_only: bool = False,
    now: datetime | None = None,
) -> Board:
    """Where every open folder is: by station and department, with dwell time, remaining
    working days and a worded deadline flag; green-channel cases first.
    `station` filters by code ("window" means every window, "dept:" every department)."""
    actor.require(Permission.VIEW_CASES)
    now = now if now is not None else ws.now()
    if now.tzinfo is None:
        now = now.astimezone()
    # Only the columns a board row needs: loading whole ORM objects was most of the time.
    columns = [getattr(CaseRow, name) for name in BOARD_COLUMNS]
    query = select(*columns).where(CaseRow.state.in_([s.value for s in BOARD_STATES]))
    if department:
        query = query.where(CaseRow.station == department_station(department))
    elif station:
        if station == WINDOW:
            query = query.where(
                (CaseRow.station == WINDOW) | CaseRow.station.startswith(WINDOW + ":")
            )
        elif station.endswith(":"):
            query = query.where(CaseRow.station.startswith(station))
        else:
            query = query.where(CaseRow.station == station)
    with ws.reading() as s:
        if flagged_only:
            last = deadline_sql.near_deadline_last_day(ws.calendar(s), now.date())
            query = query.where(deadline_sql.overdue_or_near(now.date(), last))
        names = display_names(s)
        remaining_of = _remaining_fn(ws, s, now.date())
        rows = [
            _board_row(BoardCase(*c), now, remaining_of, names)  # type: ignore[arg-type]
            for c in s.execute(query)
        ]
    rows.sort(key=_sort_key)
    counts: dict[str, list[int]] = {}
    labels: dict[str, str] = {}
    for r in rows:
        key = WINDOW if is_window(r.station) else r.station
        labels.setdefault(key, "受理窗口" if key == WINDOW else r.station_label)
        c = counts.setdefault(key, [0, 0, 0, 0])
        c[0] += 1
        c[1] += r.flag == DeadlineFlag.OVERDUE
        c[2] += r.flag == DeadlineFlag.NEAR
        c[3] += r.green_channel
    order = {WINDOW: 0, ROUTING: 1, DELIVERY: 3}
    stations = [
        StationCount(key, labels[key], station_department(key), *c)
        for key, c in sorted(counts.items(), key=lambda kv: (order.get(kv[0], 2), kv[0]))
    ]
    return Board(now, rows, stations)


def returned_for_supplement(
    ws: Workstation, actor: Actor, *, everyone: bool = False, now: datetime | None = None
) -> list[BoardRow]:
    """Cases the routing post sent back (待补正 after acceptance): by default the actor's own,
    as the clerk who accepted them sees them in their queue."""
    actor.require(Permission.VIEW_CASES)
    now = now if now is not None else ws.now()
    query = select(*[getattr(CaseRow, name) for name in BOARD_COLUMNS]).where(
        CaseRow.state == CaseState.AWAITING_SUPPLEMENT.value, CaseRow.accepted_on.is_not(None)
    )
    if not everyone:
        query = query.where(CaseRow.clerk == actor.username)
    with ws.reading() as s:
        names = display_names(s)
        remaining_of = _remaining_fn(ws, s, now.date())
        rows = [
            _board_row(BoardCase(*c), now, remaining_of, names)  # type: ignore[arg-type]
            for c in s.execute(query)
        ]
    rows.sort(key=_sort_key)
    return rows


# --- one case's journey -----------------------------------------------------------------------


@dataclass(frozen=True)
class Stop:
    station: str
    label: str
    arrived_by: str  # the move that brought the folder here ("受理" for the first stop)
    since: datetime
    until: datetime | None  # None: still here
    dwell: timedelta
    dwell_text: str
    giver: str
    receiver: str
    batch_no: str
    note: str


@dataclass(frozen=True)
class Journey:
    case_id: str
    case_no: str
    title: str
    state: CaseState
    state_label: str
    station_label: str
    stops: list[Stop]

    @property
    def total(self) -> timedelta:
        return sum((s.dwell for s in self.stops), timedelta(0))


def journey(
    ws: Workstation, actor: Actor, case_ref: str, *, now: datetime | None = None
) -> Journey:
    """The folder's whole custody chain: each station, who handed it on, and how long it stayed."""
    actor.require(Permission.VIEW_CASES)
    now = now if now is not None else ws.now()
    with ws.reading() as s:
        case = case_by_ref(s, case_ref, ws.today())
        names = display_names(s)
        handoffs = list(
            s.scalars(
                select(HandoffRow).where(HandoffRow.case_id == case.id).order_by(HandoffRow.hlc)
            )
        )
        intake_since = intake_moment(case)
    state = CaseState(case.state)
    first_station = handoffs[0].from_station if handoffs else case.station
    open_stops: list[dict[str, Any]] = [
        {
            "station": first_station,
            "label": station_label(first_station, case.window),
            "arrived_by": "受理",
            "since": intake_since,
            "giver": case.applicant_name,
            "receiver": names.get(case.clerk, case.clerk),
            "batch_no": "",
            "note": "",
        }
    ]
    for h in handoffs:
        open_stops.append(
            {
                "station": h.to_station,
                "label": station_label(h.to_station, case.window),
                "arrived_by": Move(h.move).label,
                "since": datetime.fromisoformat(h.at),
                "giver": h.giver,
                "receiver": h.receiver,
                "batch_no": h.batch_no,
                "note": h.note,
            }
        )
    stops: list[Stop] = []
    for i, stop in enumerate(open_stops):
        last = i == len(open_stops) - 1
        until = None if last else open_stops[i + 1]["since"]
        # Once the journey is over no time is counted at its last stop.
        end = stop["since"] if last and state.is_final else (until or now)
        dwell = max(timedelta(0), end - stop["since"])
        stops.append(Stop(**stop, until=until, dwell=dwell, dwell_text=dwell_text(dwell)))
    return Journey(
        case.id,
        case.case_no,
        case.title,
        state,
        state.label,
        station_label(case.station, case.window),
        stops,
    )


# --- handover sheets, labels, the routing ledger ----------------------------------------------


def _sheet_row(session: Session, sheet_id: str) -> HandoverSheetRow:
    row = session.get(HandoverSheetRow, sheet_id)
    assert row is not None
    return row


@dataclass(frozen=True)
class SheetLine:
    position: int
    case_id: str
    case_no: str
    title: str
    applicant_name: str
    items: list[str]
    departments: str
    materials: int
    copies: int
    due_date: date | None
    green_channel: bool
    state_label: str
    note: str


@dataclass(frozen=True)
class HandoverSheet:
    summary: SheetSummary
    lines: list[SheetLine]
    hall: str


def handover_sheet(ws: Workstation, actor: Actor, sheet_ref: str) -> HandoverSheet:
    """A 交接单 with its lines, by id or number (for printing and reprinting)."""
    actor.require(Permission.VIEW_CASES)
    with ws.reading() as s:
        row = (
            s.get(HandoverSheetRow, sheet_ref.strip())
            or s.scalars(
                select(HandoverSheetRow).where(
                    HandoverSheetRow.sheet_no == sheet_ref.strip().upper()
                )
            ).first()
        )
        if row is None:
            raise NotFound(f"找不到交接单「{sheet_ref}」")
        handoffs = list(
            s.scalars(
                select(HandoffRow)
                .where(HandoffRow.batch_id == row.id)
                .order_by(HandoffRow.position, HandoffRow.hlc)
            )
        )
        ids = [h.case_id for h in handoffs]
        cases = {c.id: c for c in s.scalars(select(CaseRow).where(CaseRow.id.in_(ids)))}
        items: dict[str, list[str]] = {}
        for item in s.scalars(
            select(CaseItemRow)
            .where(CaseItemRow.case_id.in_(ids))
            .order_by(CaseItemRow.case_id, CaseItemRow.position)
        ):
            items.setdefault(item.case_id, []).append(item.item_name)
        summary = _summary(row)
    lines = []
    for h in handoffs:
        case = cases.get(h.case_id)
        lines.append(
            SheetLine(
                h.position,
                h.case_id,
                h.case_no,
                case.title if case else "",
                case.applicant_name if case else "",
                items.get(h.case_id, []),
                case.departments if case else "",
                h.materials,
                h.copies,
                h.due_date,
                bool(case and case.green_channel),
                CaseState(h.state).label,
                h.note,
            )
        )
    return HandoverSheet(summary, lines, ws.hall)


def sheets(
    ws: Workstation,
    actor: Actor,
    *,
    on: date | None = None,
    move: Move | None = None,
    limit: int = 100,
) -> list[SheetSummary]:
    """Recent handover sheets, newest first (for reprinting)."""
    actor.require(Permission.VIEW_CASES)
    query = select(HandoverSheetRow).order_by(HandoverSheetRow.hlc.desc()).limit(limit)
    if on is not None:
        query = query.where(HandoverSheetRow.on == on)
    if move is not None:
        query = query.where(HandoverSheetRow.move == move.value)
    with ws.reading() as s:
        return [_summary(r) for r in s.scalars(query)]


@dataclass(frozen=True)
class FolderLabel:
    case_no: str
    title: str
    items: list[str]
    departments: str
    applicant_name: str
    accepted_on: date | None
    due_date: date | None
    due_estimated: bool
    green_channel: bool
    assistance: str  # e.g. "帮您办（老年人·全程帮办）"


def folder_labels(ws: Workstation, actor: Actor, case_refs: Sequence[str]) -> list[FolderLabel]:
    """What a 材料袋 label prints, for each case in order."""
    actor.require(Permission.VIEW_CASES)
    out = []
    with ws.reading() as s:
        for ref in case_refs:
            case = case_by_ref(s, ref, ws.today())
            items = list(
                s.scalars(
                    select(CaseItemRow.item_name)
                    .where(CaseItemRow.case_id == case.id)
                    .order_by(CaseItemRow.position)
                )
            )
            assistance = ""
            if case.green_channel and case.assistance_flags:
                flags = frozenset(AssistanceFlag(f) for f in case.assistance_flags.split(","))
                mode = ServiceMode(case.assistance_mode or "full")
                assistance = Assistance(flags, mode).label
            out.append(
                FolderLabel(
                    case.case_no,
                    case.title,
                    items,
                    case.departments,
                    case.applicant_name,
                    case.accepted_on,
                    case.due_date,
                    case.due_estimated,
                    case.green_channel,
                    assistance,
                )
            )
    return out


@dataclass(frozen=True)
class HandoffEntry:
    at: datetime
    on: date
    case_no: str
    title: str
    applicant_name: str
    departments: str
    move_label: str
    from_label: str
    to_label: str
    giver: str
    receiver: str
    batch_no: str
    state_label: str
    due_date: date | None
    note: str
    recorded_by: str


def handoff_log(
    ws: Workstation,
    actor: Actor,
    start: date,
    end: date,
    *,
    department: str | None = None,
    move: Move | None = None,
) -> list[HandoffEntry]:
    """Every handoff of [start, end] in the order it happened (材料流转台账)."""
    actor.require(Permission.VIEW_CASES)
    query = (
        select(HandoffRow, CaseRow)
        .join(CaseRow, CaseRow.id == HandoffRow.case_id)
        .where(HandoffRow.on >= start, HandoffRow.on <= end)
        .order_by(HandoffRow.on, HandoffRow.hlc)
    )
    if department:
        station = department_station(department)
        query = query.where(
            (HandoffRow.from_station == station) | (HandoffRow.to_station == station)
        )
    if move is not None:
        query = query.where(HandoffRow.move == move.value)
    with ws.reading() as s:
        names = display_names(s)
        return [
            HandoffEntry(
                datetime.fromisoformat(h.at),
                h.on,
                h.case_no,
                c.title,
                c.applicant_name,
                c.departments,
                Move(h.move).label,
                station_label(h.from_station, c.window),
                station_label(h.to_station, c.window),
                h.giver,
                h.receiver,
                h.batch_no,
                CaseState(h.state).label,
                h.due_date,
                h.note,
                names.get(h.recorded_by, h.recorded_by),
            )
            for h, c in s.execute(query)
        ]
