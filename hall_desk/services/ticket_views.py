"""What the feedback desk shows: the ticket list by urgency, one ticket's timeline, the lead's
queue of tickets awaiting check, and an audited reveal of a reporter's phone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hall_desk.domain import caseref
from hall_desk.domain.calendar import WorkingCalendar
from hall_desk.domain.deadline import DeadlineFlag
from hall_desk.domain.errors import NotFound
from hall_desk.domain.limits import MAX_QUERY, MAX_SHORT_NOTE
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.text import clean_query, clean_text
from hall_desk.domain.tickets import (
    BbcsKind,
    Callback,
    Channel,
    DispatchTo,
    ExcludedMatter,
    Source,
    Step,
    TicketClass,
    TicketState,
    TicketUrgency,
    Tier,
    allowed_steps,
    finding_shown,
    needs_finding,
    urgency,
)
from hall_desk.services.common import display_names
from hall_desk.services.workstation import Workstation
from hall_desk.store.models_tickets import TicketRow
from hall_desk.store.queries import tickets as queries


@dataclass(frozen=True)
class TicketLine:
    id: str
    ticket_no: str
    ticket_class: TicketClass
    class_label: str
    channel_label: str
    state: TicketState
    state_label: str
    reporter: str  # name and masked phone, or 匿名
    staff: str
    staff_name: str
    window: str
    received_on: date
    due_date: date | None
    urgency: TicketUrgency
    overdue_ever: bool
    summary: str
    bbcs_label: str


@dataclass(frozen=True)
class StepLine:
    step: Step
    label: str
    actor: str  # display name
    at: str
    note: str
    state_label: str


@dataclass(frozen=True)
class TicketDetail:
    line: TicketLine
    description: str
    external_no: str
    case_no: str
    tier_label: str
    cause: str
    dispatch: str  # 窗口：… / 部门后台：… / 人员：…
    handler: str
    answer: str
    answer_method: str
    callback: str
    finding: str  # 核查结论 of a complaint in words ("" when none is needed or not yet)
    finding_needed: bool  # 结果核查 asks for a 核查结论 (a complaint from the desk)
    excluded: str  # 涉访：reason
    registered_by: str
    reopened: bool
    anonymous: bool
    steps: tuple[StepLine, ...]
    allowed: tuple[Step, ...]


@dataclass
class TicketFilter:
    ticket_class: str = ""  # "" all
    state: str = ""  # a TicketState value, "open" or "" (all)
    overdue: bool = False
    near: bool = False
    staff: str = ""  # username
    query: str = ""  # number, reporter name or text in the description
    awaiting_check: bool = False


def _reporter(row: TicketRow) -> str:
    if row.anonymous:
        return "匿名"
    return f"{row.reporter_name} {row.phone_masked}".strip()


def _line(row: TicketRow, calendar: WorkingCalendar, today: date) -> TicketLine:
    state = TicketState(row.state)
    remaining = (
        calendar.working_days_between(today, row.due_date) if row.due_date is not None else None
    )
    mark = urgency(
        state, row.due_date, today, remaining, overdue_ever=row.overdue_ever, tier=Tier(row.tier)
    )
    cls = TicketClass(row.ticket_class)
    summary = " ".join(row.description.split())
    return TicketLine(
        id=row.id,
        ticket_no=row.ticket_no,
        ticket_class=cls,
        class_label=cls.label,
        channel_label=Channel(row.channel).label,
        state=state,
        state_label=state.label,
        reporter=_reporter(row),
        staff=row.staff,
        staff_name=row.staff_name,
        window=row.window,
        received_on=row.received_on,
        due_date=row.due_date,
        urgency=mark,
        overdue_ever=row.overdue_ever,
        summary=summary[:60] + ("…" if len(summary) > 60 else ""),
        bbcs_label=BbcsKind(row.bbcs_kind).label if row.bbcs_kind else "",
    )


def _matches(line: TicketLine, row: TicketRow, f: TicketFilter, query: str) -> bool:
    if f.ticket_class and line.ticket_class.value != f.ticket_class:
        return False
    if f.state == "open" and line.state.is_closed:
        return False
    if f.state and f.state != "open" and line.state.value != f.state:
        return False
    if f.overdue and line.urgency.flag is not DeadlineFlag.OVERDUE:
        return False
    if f.near and line.urgency.flag is not DeadlineFlag.NEAR:
        return False
    if f.staff and row.staff != f.staff:
        return False
    if f.awaiting_check and line.state is not TicketState.ANSWERED:
        return False
    if query:
        number = caseref.normalise(query)
        haystack = (row.ticket_no, row.reporter_name, row.description, row.external_no)
        if not any(query in h or number in h for h in haystack):
            return False
    return True


def list_tickets(ws: Workstation, actor: Actor, f: TicketFilter | None = None) -> list[TicketLine]:
    """Most urgent first (overdue, near, on time, awaiting check, paused, closed); then by due
    date and number. Tickets are hundreds a year: they are sorted here, on the calendar."""
    if not (actor.may(Permission.TICKETS) or actor.may(Permission.CONSULT)):
        actor.require(Permission.TICKETS)
    f = f or TicketFilter()
    query = clean_query(f.query, max_len=MAX_QUERY)
    if query is None:
        return []
    today = ws.today()
    with ws.reading() as s:
        calendar = ws.calendar(s)
        rows = queries.all_tickets(s)
    lines = []
    for row in rows:
        line = _line(row, calendar, today)
        if _matches(line, row, f, query):
            lines.append(line)
    lines.sort(
        key=lambda ln: (
            ln.urgency.order,
            ln.due_date or date.max,
            ln.ticket_no,
        )
    )
    return lines


def awaiting_check(ws: Workstation, actor: Actor) -> list[TicketLine]:
    """The team lead's queue: answered tickets waiting for 结果核查."""
    actor.require(Permission.TICKETS)
    return list_tickets(ws, actor, TicketFilter(awaiting_check=True))


def detail(ws: Workstation, actor: Actor, ref: str) -> TicketDetail:
    if not (actor.may(Permission.TICKETS) or actor.may(Permission.CONSULT)):
        actor.require(Permission.TICKETS)
    raw = ref.strip()
    today = ws.today()
    with ws.reading() as s:
        row = queries.ticket_by_id_or_number(s, raw[:MAX_QUERY], caseref.normalise(raw[:MAX_QUERY]))
        if row is None:
            raise NotFound(f"找不到工单「{raw[:40]}」")
        calendar = ws.calendar(s)
        names = display_names(s)
        steps = queries.steps_of(s, row.id)
    line = _line(row, calendar, today)
    dispatch = (
        f"{DispatchTo(row.dispatch_kind).label}：{row.dispatch_to}" if row.dispatch_kind else ""
    )
    return TicketDetail(
        line=line,
        description=row.description,
        external_no=row.external_no,
        case_no=row.case_no,
        tier_label=Tier(row.tier).label,
        cause=row.cause,
        dispatch=dispatch,
        handler=names.get(row.handler, row.handler),
        answer=row.answer,
        answer_method=row.answer_method,
        callback=Callback(row.callback).label if row.callback else "",
        finding=finding_shown(
            row.ticket_class, row.source, row.finding, row.checked_on is not None
        ),
        finding_needed=needs_finding(TicketClass(row.ticket_class), Source(row.source)),
        excluded=(
            f"{ExcludedMatter(row.excluded_matter).label}：{row.reason}"
            if row.excluded_matter
            else ""
        ),
        registered_by=names.get(row.registered_by, row.registered_by),
        reopened=row.reopened,
        anonymous=row.anonymous,
        steps=tuple(
            StepLine(
                step=Step(st.step),
                label=Step(st.step).label,
                actor=names.get(st.actor, st.actor),
                at=st.at,
                note=st.note,
                state_label=TicketState(st.state).label,
            )
            for st in steps
        ),
        allowed=tuple(allowed_steps(line.state, line.ticket_class)),
    )


def reveal_phone(ws: Workstation, actor: Actor, ref: str, reason: str = "") -> str:
    """The reporter's full number, for the 回访 call: allowed by role, and audited."""
    actor.require(Permission.UNMASK)
    why = clean_text(reason, "reason", "查看原因", max_len=MAX_SHORT_NOTE)
    with ws.transaction(actor) as tx:
        raw = ref.strip()[:MAX_QUERY]
        row = queries.ticket_by_id_or_number(tx.session, raw, caseref.normalise(raw))
        if row is None:
            raise NotFound(f"找不到工单「{raw[:40]}」")
        value = ws.key.decrypt("phone", row.phone_cipher) if row.phone_cipher else ""
        # Logged without the value itself: the log must not become a copy of the data.
        tx.audit("pii.unmask", row.ticket_no, {"fields": ["phone"], "reason": why})
        return value


@dataclass(frozen=True)
class StaffMember:
    username: str
    display_name: str
    window: str


def staff_members(ws: Workstation, actor: Actor) -> list[StaffMember]:
    """Who a ticket can concern or be sent to (names and windows only)."""
    if not (actor.may(Permission.TICKETS) or actor.may(Permission.CONSULT)):
        actor.require(Permission.TICKETS)
    with ws.reading() as s:
        return [StaffMember(*row) for row in queries.staff_members(s)]
