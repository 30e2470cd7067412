"""Read queries of the feedback desk, and the SQL twin of `domain.tickets.clock_counts`.

The dashboard and the daily summary count overdue and near-deadline tickets with these
predicates; `tests/services/test_tickets_figures.py` checks them against `domain.tickets.urgency`.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from hall_desk.domain.calendar import WorkingCalendar
from hall_desk.domain.tickets import CLOCK_STATES, NUMBER_PREFIX, TICKET_NEAR_DAYS
from hall_desk.store.models import User
from hall_desk.store.models_tickets import TicketRow, TicketStepRow


def clock_running() -> ColumnElement[bool]:
    return and_(
        TicketRow.state.in_([s.value for s in CLOCK_STATES]), TicketRow.due_date.is_not(None)
    )


def overdue(day: date) -> ColumnElement[bool]:
    """已超期 on `day`: the clock runs and the due day is past."""
    return and_(clock_running(), TicketRow.due_date < day)


def near_last_day(calendar: WorkingCalendar, day: date) -> date:
    """The last due date still 临近期限 on `day` (at most TICKET_NEAR_DAYS working days left)."""
    boundary = day
    for _ in range(TICKET_NEAR_DAYS + 1):
        boundary = calendar.next_working_day(boundary)
    return boundary - timedelta(days=1)


def near_deadline(day: date, last: date) -> ColumnElement[bool]:
    return and_(clock_running(), TicketRow.due_date >= day, TicketRow.due_date <= last)


def ticket_by_id_or_number(session: Session, raw: str, number: str) -> TicketRow | None:
    row = session.get(TicketRow, raw) if raw else None
    if row is not None or not number:
        return row
    return session.scalars(select(TicketRow).where(TicketRow.ticket_no == number)).first()


def last_number(session: Session, prefix: str) -> str | None:
    """The highest ticket number starting with `prefix` (a day and a workstation)."""
    return session.scalar(
        select(TicketRow.ticket_no)
        .where(TicketRow.ticket_no >= prefix, TicketRow.ticket_no < prefix + "\uffff")
        .order_by(func.length(TicketRow.ticket_no).desc(), TicketRow.ticket_no.desc())
        .limit(1)
    )


def number_prefix(on: date, workstation: str) -> str:
    return f"{NUMBER_PREFIX}{on:%Y%m%d}-{workstation}-"


def steps_of(session: Session, ticket_id: str) -> list[TicketStepRow]:
    return list(
        session.scalars(
            select(TicketStepRow)
            .where(TicketStepRow.ticket_id == ticket_id)
            .order_by(TicketStepRow.hlc, TicketStepRow.id)
        )
    )


def all_tickets(session: Session) -> list[TicketRow]:
    return list(session.scalars(select(TicketRow).order_by(TicketRow.ticket_no)))


def staff_members(session: Session) -> list[tuple[str, str, str]]:
    """(username, display name, window) of the active staff, for naming who a ticket concerns."""
    rows = session.execute(
        select(User.username, User.display_name, User.window)
        .where(User.active, User.role.in_(("clerk", "router", "lead")))
        .order_by(User.window, User.username)
    )
    return [(r[0], r[1], r[2]) for r in rows]


def opened_by_class(session: Session, day: date) -> dict[str, int]:
    rows = session.execute(
        select(TicketRow.ticket_class, func.count())
        .where(TicketRow.received_on == day)
        .group_by(TicketRow.ticket_class)
    )
    return {r[0]: int(r[1]) for r in rows}


def steps_on(session: Session, day: date, steps: tuple[str, ...]) -> int:
    """Tickets that took one of `steps` on `day` (a ticket answered twice that day counts once)."""
    return int(
        session.scalar(
            select(func.count(func.distinct(TicketStepRow.ticket_id))).where(
                TicketStepRow.on == day, TicketStepRow.step.in_(steps)
            )
        )
        or 0
    )


def count(session: Session, condition: ColumnElement[bool]) -> int:
    return int(session.scalar(select(func.count()).select_from(TicketRow).where(condition)) or 0)


def praise_by_staff(session: Session, day: date) -> list[tuple[str, int]]:
    """表扬 received on `day`, by the staff member named (the praised person's own count)."""
    rows = session.execute(
        select(TicketRow.staff_name, func.count())
        .where(
            TicketRow.received_on == day,
            TicketRow.ticket_class == "praise",
            TicketRow.staff != "",
        )
        .group_by(TicketRow.staff_name)
        .order_by(func.count().desc(), TicketRow.staff_name)
    )
    return [(r[0], int(r[1])) for r in rows]
