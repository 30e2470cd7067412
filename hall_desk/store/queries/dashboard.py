"""Read queries of the dashboard (统计报表): each figure's SQL aggregate over the local tables.

The definitions are in `hall_desk.services.dashboard`'s docstring; the deadline predicates are
`hall_desk.store.queries.deadline`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ScalarSelect, case, func, select
from sqlalchemy.orm import Session, aliased

from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.domain.stations import station_department
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


def consultation_counts(s: Session, day: date) -> list[tuple[str, str, str, int]]:
    c = ConsultationRow
    rows = s.execute(
        select(c.channel, c.window, c.clerk, func.count())
        .where(c.on == day)
        .group_by(c.channel, c.window, c.clerk)
    )
    return [(ch, w, k, int(n)) for ch, w, k, n in rows]


@dataclass(frozen=True)
class IntakeRow:
    window: str
    clerk: str
    kind: str
    green: int
    count: int


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


def intake_counts(s: Session, day: date) -> list[IntakeRow]:
    kind = intake_kind().label("kind")
    green = func.count().filter(CaseRow.green_channel.is_(True))
    rows = s.execute(
        select(CaseRow.window, CaseRow.clerk, kind, green, func.count())
        .where(CaseRow.created_on == day)
        .group_by(CaseRow.window, CaseRow.clerk, kind)
    )
    return [IntakeRow(w, k, str(kd), int(g), int(n)) for w, k, kd, g, n in rows]


def supplements_received(s: Session, day: date) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(CaseRow)
            .where(
                CaseRow.accepted_on == day,
                intake_kind() == CaseEvent.REQUEST_SUPPLEMENT.value,
            )
        )
        or 0
    )


def moves_by_department(
    s: Session, day: date, move: str, to_department: bool
) -> tuple[int, dict[str, int]]:
    """Cases of `move` on `day`, carried to (`to_department`) or back from a department: in
    all, and by department; a case counts once in each."""
    h = HandoffRow
    station = h.to_station if to_department else h.from_station
    where = (h.on == day, h.move == move)
    total = s.scalar(select(func.count(func.distinct(h.case_id))).where(*where)) or 0
    rows = s.execute(
        select(station, func.count(func.distinct(h.case_id))).where(*where).group_by(station)
    )
    by_department: Counter[str] = Counter()
    for code, n in rows:
        by_department[station_department(code) or code or NO_DEPARTMENT] += int(n)
    return int(total), dict(by_department)


@dataclass(frozen=True)
class DeliveryCount:
    method: str
    window: str
    clerk: str
    count: int


def deliveries(s: Session, day: date) -> list[DeliveryCount]:
    """Hand-outs recorded on `day` (a posted result that later came back still counts on the
    day it was posted), by method and by the delivery window and clerk."""
    d = DeliveryRow
    rows = s.execute(
        select(d.method, d.window, d.clerk, func.count())
        .where(d.on == day)
        .group_by(d.method, d.window, d.clerk)
    )
    return [DeliveryCount(m, w, c, int(n)) for m, w, c, n in rows]


def deadline_groups(s: Session, day: date, last: date) -> list[tuple[str, str, str, str, int, int]]:
    """Overdue and near-deadline counts grouped by station, window and joined departments:
    (station, window, departments, a sample case id, overdue, near)."""
    c = CaseRow
    rows = s.execute(
        select(
            c.station,
            c.window,
            c.departments,
            func.min(c.id),
            func.count().filter(c.due_date < day),
            func.count().filter(c.due_date >= day),
        )
        .where(deadline_sql.overdue_or_near(day, last))
        .group_by(c.station, c.window, c.departments)
    ).all()
    return [(st, w, d, i, int(o), int(n)) for st, w, d, i, o, n in rows]


def splits_cleanly(s: Session, samples: dict[str, str]) -> bool:
    """Whether splitting each joined departments text at 、 gives its case's departments: false
    only if a department's own name holds a 、 (then the items decide, more slowly)."""
    if not any(DEPARTMENT_SEPARATOR in joined for joined in samples):
        return True
    counts = dict(
        s.execute(
            select(CaseItemRow.case_id, func.count(func.distinct(CaseItemRow.department)))
            .where(CaseItemRow.case_id.in_(list(samples.values())))
            .group_by(CaseItemRow.case_id)
        ).all()
    )
    return all(
        counts.get(case_id) == len(joined.split(DEPARTMENT_SEPARATOR))
        for joined, case_id in samples.items()
        if joined
    )


def deadline_counts_by_department(s: Session, day: date, last: date) -> dict[str, tuple[int, int]]:
    """The same per-department counts from the case items (a case once per department)."""
    c, i = CaseRow, CaseItemRow
    overdue = func.count(func.distinct(case((c.due_date < day, c.id))))
    near = func.count(func.distinct(case((c.due_date >= day, c.id))))
    rows = s.execute(
        select(i.department, overdue, near)
        .join(c, c.id == i.case_id)
        .where(deadline_sql.overdue_or_near(day, last))
        .group_by(i.department)
    )
    return {(d or NO_DEPARTMENT): (int(o), int(n)) for d, o, n in rows}


def applications_by_department(s: Session, day: date) -> dict[str, int]:
    rows = s.execute(
        select(CaseItemRow.department, func.count(func.distinct(CaseItemRow.case_id)))
        .join(CaseRow, CaseRow.id == CaseItemRow.case_id)
        .where(CaseRow.created_on == day)
        .group_by(CaseItemRow.department)
    )
    return {(d or NO_DEPARTMENT): int(n) for d, n in rows}


def deadline_cases(
    s: Session, predicate: object, offset: int, limit: int
) -> list[tuple[str, str, str, str, date, bool, str, str, str, str, bool]]:
    """One page of the cases meeting a deadline predicate, by due date, green channel first."""
    c = CaseRow
    rows = s.execute(
        select(
            c.id,
            c.case_no,
            c.title,
            c.applicant_name,
            c.due_date,
            c.due_estimated,
            c.state,
            c.station,
            c.window,
            c.departments,
            c.green_channel,
        )
        .where(predicate)  # type: ignore[arg-type]
        .order_by(c.due_date, c.green_channel.desc(), c.case_no)
        .offset(offset)
        .limit(limit)
    )
    return [tuple(r) for r in rows]  # type: ignore[misc]


def green_channel_cases(s: Session, day: date) -> list[tuple[str, ...]]:
    """The 帮您办 cases taken in on `day`, by case number."""
    c = CaseRow
    rows = s.execute(
        select(
            c.id,
            c.case_no,
            c.title,
            c.applicant_name,
            c.assistance_flags,
            c.assistance_mode,
            c.assistance_helper,
            c.state,
            c.clerk,
            c.window,
        )
        # likely(): the day's few cases, not the green-channel index's many.
        .where(c.created_on == day, func.likely(c.green_channel.is_(True)))
        .order_by(c.case_no)
    )
    return [tuple(r) for r in rows]
