"""Read queries of the dashboard (统计报表): each figure's SQL aggregate over the local tables.

The definitions are in `hall_desk.services.dashboard`'s docstring; the deadline predicates are
`hall_desk.store.queries.deadline`.

Each statement is built once, here, with bound parameters (:day, :last …), and read as plain
tuples through the session's connection: the dashboard is opened all day long, and building
the statements anew and handing their rows through the ORM cost more than SQLite spent reading
them. Every statement reads through an index whose work grows with the day's data (the day's
cases, handoffs, deliveries, ratings) or with the open cases (the (state, due_date) index),
never with the closed history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    Date,
    Executable,
    Integer,
    ScalarSelect,
    String,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.domain.stations import Move, station_department
from hall_desk.store.models import CaseItemRow, CaseRow, ConsultationRow, Event
from hall_desk.store.models_routing import DeliveryRow, HandoffRow
from hall_desk.store.queries import deadline as deadline_sql

# A case's intake decision: the first of its events of these kinds.
INTAKE_STEPS: tuple[CaseEvent, ...] = (
    CaseEvent.ACCEPT,
    CaseEvent.ACCEPT_DEFERRED,
    CaseEvent.REQUEST_SUPPLEMENT,
    CaseEvent.REFUSE,
    CaseEvent.COMPLETE_AT_WINDOW,
)
INTAKE_KINDS = tuple(step.value for step in INTAKE_STEPS)
NO_DEPARTMENT = "（未注明部门）"
DEPARTMENT_SEPARATOR = "、"  # CaseRow.departments: the items' distinct departments, joined

DAY = bindparam("day", type_=Date)
LAST = bindparam("last", type_=Date)  # near_deadline_last_day(calendar, day)


def _rows(s: Session, statement: Executable, **params: Any) -> Sequence[Any]:
    """The rows of a prebuilt statement, as tuples."""
    return s.connection().execute(statement, params).all()


def intake_kind() -> ScalarSelect[str]:
    """The intake decision of the CaseRow in the enclosing query: the kind of its first intake
    event (a case asked for a supplement may later get a second, case.refused, event)."""
    first = aliased(Event)
    return (
        select(first.kind)
        .where(
            first.entity_type == "case",
            first.entity_id == CaseRow.id,
            first.kind.in_(INTAKE_KINDS),
        )
        # HLC alone, so the entity index gives the order; a later event of the same case
        # always has a later clock reading.
        .order_by(first.hlc)
        .limit(1)
        .correlate(CaseRow)
        .scalar_subquery()
    )


_c, _k, _d, _h = CaseRow, ConsultationRow, DeliveryRow, HandoffRow

_CONSULTATIONS = (
    select(_k.channel, _k.window, _k.clerk, func.count())
    .where(_k.on == DAY)
    .group_by(_k.channel, _k.window, _k.clerk)
)


def consultation_counts(s: Session, day: date) -> list[tuple[str, str, str, int]]:
    return [(ch, w, k, int(n)) for ch, w, k, n in _rows(s, _CONSULTATIONS, day=day)]


@dataclass(frozen=True)
class IntakeRow:
    window: str
    clerk: str
    kind: str
    green: int
    count: int


# The day's new cases and the cases accepted on the day read in one pass, each case's intake
# decision looked up once (MATERIALIZED: not again for the grouping); most cases accepted on a
# day were also taken in on it.
_DECIDED = (
    select(
        _c.window,
        _c.clerk,
        _c.green_channel,
        (_c.created_on == DAY).label("new"),
        (_c.accepted_on == DAY).label("accepted"),
        intake_kind().label("kind"),
    )
    .where(or_(_c.created_on == DAY, _c.accepted_on == DAY))
    .cte("decided")
    .prefix_with("MATERIALIZED")
)
_INTAKE = select(
    _DECIDED.c.window,
    _DECIDED.c.clerk,
    _DECIDED.c.kind,
    _DECIDED.c.new,
    _DECIDED.c.accepted,
    func.count().filter(_DECIDED.c.green_channel.is_(True)),
    func.count(),
).group_by(
    _DECIDED.c.window, _DECIDED.c.clerk, _DECIDED.c.kind, _DECIDED.c.new, _DECIDED.c.accepted
)


def intake_and_supplements(s: Session, day: date) -> tuple[list[IntakeRow], int]:
    """The day's intake decisions by window, clerk and kind (cases taken in on the day), and
    the supplements received (cases asked for a supplement at intake, accepted on the day)."""
    grouped: Counter[tuple[str, str, str]] = Counter()
    green: Counter[tuple[str, str, str]] = Counter()
    received = 0
    for window, clerk, kind, new, accepted, g, n in _rows(s, _INTAKE, day=day):
        if new:
            grouped[(window, clerk, str(kind))] += int(n)
            green[(window, clerk, str(kind))] += int(g)
        if accepted and kind == CaseEvent.REQUEST_SUPPLEMENT.value:
            received += int(n)
    rows = [IntakeRow(w, k, kd, green[(w, k, kd)], n) for (w, k, kd), n in grouped.items()]
    return rows, received


# Each move of the day, by station and (station NULL) in all: a case counts once in each.
_MOVED_STATION = case((_h.move == Move.DISPATCH.value, _h.to_station), else_=_h.from_station).label(
    "station"
)
_MOVES_OF_DAY = (_h.on == DAY, _h.move.in_([Move.DISPATCH.value, Move.RECEIVE_BACK.value]))
_MOVES = union_all(
    select(_h.move, _MOVED_STATION, func.count(func.distinct(_h.case_id)))
    .where(*_MOVES_OF_DAY)
    .group_by(_h.move, _MOVED_STATION),
    select(_h.move, literal(None, String), func.count(func.distinct(_h.case_id)))
    .where(*_MOVES_OF_DAY)
    .group_by(_h.move),
)


@dataclass(frozen=True)
class MoveCounts:
    """Cases of one move on the day, in all and by department."""

    total: int
    by_department: dict[str, int]


def moves_by_department(s: Session, day: date) -> dict[str, MoveCounts]:
    """{move: counts} of the day's 移交 (carried to a department) and 取回 (back from one)."""
    totals: Counter[str] = Counter()
    by_department: dict[str, Counter[str]] = {
        Move.DISPATCH.value: Counter(),
        Move.RECEIVE_BACK.value: Counter(),
    }
    for move, code, n in _rows(s, _MOVES, day=day):
        if code is None:
            totals[move] += int(n)
        else:
            department = station_department(code) or code or NO_DEPARTMENT
            by_department[move][department] += int(n)
    return {m: MoveCounts(totals[m], dict(by)) for m, by in by_department.items()}


@dataclass(frozen=True)
class DeliveryCount:
    method: str
    window: str
    clerk: str
    count: int


_DELIVERIES = (
    select(_d.method, _d.window, _d.clerk, func.count())
    .where(_d.on == DAY)
    .group_by(_d.method, _d.window, _d.clerk)
)


def deliveries(s: Session, day: date) -> list[DeliveryCount]:
    """Hand-outs recorded on `day` (a posted result that later came back still counts on the
    day it was posted), by method and by the delivery window and clerk."""
    return [DeliveryCount(m, w, c, int(n)) for m, w, c, n in _rows(s, _DELIVERIES, day=day)]


_DEADLINE_GROUPS = (
    select(
        _c.station,
        _c.window,
        _c.departments,
        func.min(_c.id),
        func.count().filter(_c.due_date < DAY),
        func.count().filter(_c.due_date >= DAY),
    )
    .where(deadline_sql.overdue_or_near(DAY, LAST))
    .group_by(_c.station, _c.window, _c.departments)
)


def deadline_groups(s: Session, day: date, last: date) -> list[tuple[str, str, str, str, int, int]]:
    """Overdue and near-deadline counts grouped by station, window and joined departments:
    (station, window, departments, a sample case id, overdue, near)."""
    rows = _rows(s, _DEADLINE_GROUPS, day=day, last=last)
    return [(st, w, d, i, int(o), int(n)) for st, w, d, i, o, n in rows]


_ITEM_DEPARTMENTS = (
    select(CaseItemRow.case_id, func.count(func.distinct(CaseItemRow.department)))
    .where(CaseItemRow.case_id.in_(bindparam("ids", expanding=True)))
    .group_by(CaseItemRow.case_id)
)


def splits_cleanly(s: Session, samples: dict[str, str]) -> bool:
    """Whether splitting each joined departments text at 、 gives its case's departments: false
    only if a department's own name holds a 、 (then the items decide, more slowly)."""
    if not any(DEPARTMENT_SEPARATOR in joined for joined in samples):
        return True
    counts = dict(_rows(s, _ITEM_DEPARTMENTS, ids=list(samples.values())))
    return all(
        counts.get(case_id) == len(joined.split(DEPARTMENT_SEPARATOR))
        for joined, case_id in samples.items()
        if joined
    )


_DEADLINE_BY_DEPARTMENT = (
    select(
        CaseItemRow.department,
        func.count(func.distinct(case((_c.due_date < DAY, _c.id)))),
        func.count(func.distinct(case((_c.due_date >= DAY, _c.id)))),
    )
    .join(_c, _c.id == CaseItemRow.case_id)
    .where(deadline_sql.overdue_or_near(DAY, LAST))
    .group_by(CaseItemRow.department)
)


def deadline_counts_by_department(s: Session, day: date, last: date) -> dict[str, tuple[int, int]]:
    """The same per-department counts from the case items (a case once per department)."""
    rows = _rows(s, _DEADLINE_BY_DEPARTMENT, day=day, last=last)
    return {(d or NO_DEPARTMENT): (int(o), int(n)) for d, o, n in rows}


_APPLICATIONS = (
    select(CaseItemRow.department, func.count(func.distinct(CaseItemRow.case_id)))
    .join(_c, _c.id == CaseItemRow.case_id)
    .where(_c.created_on == DAY)
    .group_by(CaseItemRow.department)
)


def applications_by_department(s: Session, day: date) -> dict[str, int]:
    return {(d or NO_DEPARTMENT): int(n) for d, n in _rows(s, _APPLICATIONS, day=day)}


def _deadline_list(predicate: Any) -> Executable:
    return (
        select(
            _c.id,
            _c.case_no,
            _c.title,
            _c.applicant_name,
            _c.due_date,
            _c.due_estimated,
            _c.state,
            _c.station,
            _c.window,
            _c.departments,
            _c.green_channel,
        )
        .where(predicate)
        .order_by(_c.due_date, _c.green_channel.desc(), _c.case_no)
        .offset(bindparam("offset", type_=Integer))
        .limit(bindparam("limit", type_=Integer))
    )


_DEADLINE_LISTS = {
    "overdue": _deadline_list(deadline_sql.overdue(DAY)),
    "near": _deadline_list(deadline_sql.near_deadline(DAY, LAST)),
}


def deadline_cases(
    s: Session, which: str, day: date, last: date, offset: int, limit: int
) -> list[tuple[str, str, str, str, date, bool, str, str, str, str, bool]]:
    """One page of the overdue or near-deadline cases ("overdue" / "near"), by due date, green
    channel first."""
    statement = _DEADLINE_LISTS[which]
    rows = _rows(s, statement, day=day, last=last, offset=offset, limit=limit)
    return [tuple(r) for r in rows]  # type: ignore[misc]


_GREEN_CHANNEL = (
    select(
        _c.id,
        _c.case_no,
        _c.title,
        _c.applicant_name,
        _c.assistance_flags,
        _c.assistance_mode,
        _c.assistance_helper,
        _c.state,
        _c.clerk,
        _c.window,
    )
    # likely(): the day's few cases, not the green-channel index's many.
    .where(_c.created_on == DAY, func.likely(_c.green_channel.is_(True)))
    .order_by(_c.case_no)
)


def green_channel_cases(s: Session, day: date) -> list[tuple[str, ...]]:
    """The 帮您办 cases taken in on `day`, by case number."""
    return [tuple(r) for r in _rows(s, _GREEN_CHANNEL, day=day)]
