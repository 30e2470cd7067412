"""Read queries of the monthly report's 好差评, 队伍 and 排队 sections, over one period of days.

The definitions are in `hall_desk.services.monthly_sections` (and the report's appendix).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from hall_desk.domain.ratings import RatingState
from hall_desk.domain.tickets import Source
from hall_desk.store.models_ratings import RatingRow
from hall_desk.store.models_staff import EvaluationRow, FindingRow, InspectionRow, MeetingRow
from hall_desk.store.models_tickets import TicketRow
from hall_desk.store.queries.monthly import Period
from hall_desk.store.queries.ratings import counted, in_period

# --- 好差评 -------------------------------------------------------------------------------------


def levels_by_channel(s: Session, p: Period) -> dict[tuple[str, int], int]:
    """{(channel, level): ratings given} of the period, duplicates left out."""
    r = RatingRow
    rows = s.execute(
        select(r.channel, r.level, func.count())
        .where(counted(), in_period(p.first, p.last), r.state == RatingState.GIVEN.value)
        .group_by(r.channel, r.level)
    )
    return {(str(c), int(lv)): int(n) for c, lv, n in rows if lv is not None}


def bad_by_appeal(s: Session, p: Period) -> dict[str, int]:
    """{appeal state: 差评 rated in the period} ("" = never appealed), as they stand now."""
    r = RatingRow
    rows = s.execute(
        select(r.appeal_state, func.count())
        .where(
            counted(),
            in_period(p.first, p.last),
            r.state == RatingState.GIVEN.value,
            r.level <= 2,
        )
        .group_by(r.appeal_state)
    )
    return {str(a or ""): int(n) for a, n in rows}


def rectifications(s: Session, p: Period) -> tuple[int, int, int, int]:
    """整改 tickets (source rating): (received in the period, closed in the period, of those with
    a due date, of those closed by it)."""
    t = TicketRow
    rating = t.source == Source.RATING.value
    received = s.scalar(select(func.count()).where(rating, t.received_on.between(p.first, p.last)))
    with_due = t.due_date.is_not(None)
    row = s.execute(
        select(
            func.count(),
            func.count().filter(with_due),
            func.count().filter(and_(with_due, t.closed_on <= t.due_date)),
        ).where(rating, t.closed_on.between(p.first, p.last))
    ).one()
    return int(received or 0), int(row[0]), int(row[1]), int(row[2])


# --- 队伍 ---------------------------------------------------------------------------------------


def sheets(s: Session, month: str) -> list[tuple[str, str, int, str, str]]:
    """The month's evaluation sheets: (staff, name, total, grade, state)."""
    e = EvaluationRow
    return [
        (str(a), str(b), int(c), str(d), str(st))
        for a, b, c, d, st in s.execute(
            select(e.staff, e.staff_name, e.total, e.grade, e.state)
            .where(e.month == month)
            .order_by(e.staff)
        )
    ]


def inspections(s: Session, p: Period) -> tuple[int, int, int]:
    """(inspections held in the period, checklist items checked, items failed)."""
    i = InspectionRow
    row = s.execute(
        select(
            func.count(),
            func.coalesce(func.sum(i.items_total), 0),
            func.coalesce(func.sum(i.items_failed), 0),
        ).where(i.inspected_on.between(p.first, p.last))
    ).one()
    return int(row[0]), int(row[1]), int(row[2])


def findings(s: Session, p: Period) -> list[tuple[str, str, date, str, date]]:
    """Findings found in the period: (category, state, found_on, staff, fix_deadline)."""
    f = FindingRow
    return [
        (str(c), str(st), found, str(staff or ""), deadline)
        for c, st, found, staff, deadline in s.execute(
            select(f.category, f.state, f.found_on, f.staff, f.fix_deadline)
            .where(f.found_on.between(p.first, p.last))
            .order_by(f.found_on, f.id)
        )
    ]


def finding_days(s: Session, people: set[str], first: date, last: date) -> dict[str, list[date]]:
    """The days of every finding against each of `people` found in [first, last]."""
    out: dict[str, list[date]] = {who: [] for who in people}
    if not people:
        return out
    f = FindingRow
    for staff, found in s.execute(
        select(f.staff, f.found_on).where(f.staff.in_(people), f.found_on.between(first, last))
    ):
        out[str(staff)].append(found)
    return out


def meetings(s: Session, first: date, last: date) -> list[tuple[str, date]]:
    """(kind, day) of every meeting held in [first, last]."""
    m = MeetingRow
    return [
        (str(k), d)
        for k, d in s.execute(
            select(m.kind, m.held_on).where(m.held_on.between(first, last)).order_by(m.held_on)
        )
    ]
