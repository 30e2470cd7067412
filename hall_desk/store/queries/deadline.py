"""The SQL twin of `hall_desk.domain.deadline`: which cases are overdue or near the deadline.

Bulk queries (the dashboard, the daily summary, the board's flagged filter) use these
predicates instead of classifying case by case; a property test checks that they select
exactly the cases `domain.deadline.classify` flags.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, or_

from hall_desk.domain.calendar import WorkingCalendar
from hall_desk.domain.deadline import NEAR_DEADLINE_DAYS
from hall_desk.domain.lifecycle import CLOCK_STATES
from hall_desk.store.models import CaseRow


def near_deadline_last_day(calendar: WorkingCalendar, day: date) -> date:
    """The last due date that is still 临近期限 on `day`: at most NEAR_DEADLINE_DAYS working
    days in (day, due]."""
    boundary = day
    for _ in range(NEAR_DEADLINE_DAYS + 1):
        boundary = calendar.next_working_day(boundary)
    return boundary - timedelta(days=1)


def clock_running(*, by_due_date: bool = False) -> ColumnElement[bool]:
    """`domain.deadline.clock_counts` in SQL. Lists and counts alike read the (state, due_date)
    index: only the cases whose clock may run, never the closed history (walking the due-date
    index instead read every closed case with a past due date). `by_due_date` is kept for the
    callers that sort by due date; it no longer changes the plan."""
    running = CaseRow.state.in_(sorted(st.value for st in CLOCK_STATES))
    return and_(
        running,
        CaseRow.due_date.is_not(None),
        or_(CaseRow.paused_since.is_(None), CaseRow.paused_since >= CaseRow.due_date),
    )


# A day, or a bound parameter standing for one (statements built once take :day and :last).
DayLike = date | ColumnElement[date]


def overdue(day: DayLike, *, by_due_date: bool = False) -> ColumnElement[bool]:
    """已超期 on `day`."""
    return and_(clock_running(by_due_date=by_due_date), CaseRow.due_date < day)


def near_deadline(day: DayLike, last: DayLike, *, by_due_date: bool = False) -> ColumnElement[bool]:
    """临近期限 on `day`; `last` is `near_deadline_last_day(calendar, day)`."""
    return and_(
        clock_running(by_due_date=by_due_date), CaseRow.due_date >= day, CaseRow.due_date <= last
    )


def overdue_or_near(day: DayLike, last: DayLike) -> ColumnElement[bool]:
    """Either flag: the cases a lead must act on."""
    return and_(clock_running(), CaseRow.due_date <= last)
