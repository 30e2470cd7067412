"""Read queries of the monthly operations report: each figure's SQL over one period of days.

The definitions are in `hall_desk.services.monthly`'s docstring (and the report's appendix);
the intake decision of a case is `queries.dashboard.intake_kind`, as on the dashboard.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, bindparam, func, or_, select
from sqlalchemy.orm import Session

from hall_desk.domain.catalog import ItemKind
from hall_desk.domain.lifecycle import CaseEvent, CaseState
from hall_desk.domain.stations import Move
from hall_desk.store.models import CaseItemRow, CaseRow, ConsultationRow, Event
from hall_desk.store.models_catalog import ServiceItemRow, ThemeRow
from hall_desk.store.models_monthly import MonthlyReportRow
from hall_desk.store.models_routing import DeliveryRow, HandoffRow
from hall_desk.store.models_sync import SyncConflict
from hall_desk.store.models_tickets import TicketRow, TicketStepRow
from hall_desk.store.queries.dashboard import NO_DEPARTMENT, intake_kind

SUPPLEMENT_KINDS = (
    CaseEvent.REQUEST_SUPPLEMENT.value,
    CaseEvent.RETURN_FOR_SUPPLEMENT.value,
)


@dataclass(frozen=True)
class Period:
    first: date
    last: date


def _created(p: Period) -> object:
    return CaseRow.created_on.between(p.first, p.last)


@dataclass(frozen=True)
class Intake:
    by_kind: dict[str, int]  # cases taken in during the period, by intake decision
    by_day: dict[date, int]  # the same cases, by the day they were taken in
    supplements_received: int  # asked for a supplement at intake, accepted during the period


def intake(s: Session, p: Period) -> Intake:
    """The period's intake decisions, its cases by day and the supplements received, in one
    pass: each case's decision looked up once (MATERIALIZED: not again for the grouping)."""
    c = CaseRow
    new = c.created_on.between(p.first, p.last)
    accepted = c.accepted_on.between(p.first, p.last)
    decided = (
        select(
            c.created_on, new.label("new"), accepted.label("accepted"), intake_kind().label("kind")
        )
        .where(or_(new, accepted))
        .cte("decided")
        .prefix_with("MATERIALIZED")
    )
    d = decided.c
    by_kind: Counter[str] = Counter()
    by_day: Counter[date] = Counter()
    received = 0
    rows = s.execute(
        select(d.created_on, d.new, d.accepted, d.kind, func.count()).group_by(
            d.created_on, d.new, d.accepted, d.kind
        )
    )
    for day, is_new, is_accepted, kind, n in rows:
        if is_new:
            by_kind[str(kind)] += int(n)
            by_day[day] += int(n)
        if is_accepted and kind == CaseEvent.REQUEST_SUPPLEMENT.value:
            received += int(n)
    return Intake(dict(by_kind), dict(by_day), received)


def created_clocks(s: Session, p: Period) -> list[str]:
    """The hybrid-clock reading of each case taken in during the period (its hour of day)."""
    return list(s.scalars(select(CaseRow.created_hlc).where(_created(p))))


def supplement_rounds(s: Session, p: Period) -> Counter[int]:
    """Cases taken in during the period by how many 补正 requests their events hold."""
    # From the period's cases, each counted through the partial index ix_events_supplements:
    # SQLite uses a partial index only when the statement's own text implies the index's
    # condition, so the kinds are written into the statement, never bound.
    kinds = bindparam("supplement_kinds", list(SUPPLEMENT_KINDS), literal_execute=True)
    requests = (
        select(func.count())
        .where(Event.entity_id == CaseRow.id, Event.kind.in_(kinds))
        .correlate(CaseRow)
        .scalar_subquery()
    )
    rounds = (
        select(requests.label("n")).where(_created(p)).cte("rounds").prefix_with("MATERIALIZED")
    )
    rows = s.execute(select(rounds.c.n, func.count()).where(rounds.c.n > 0).group_by(rounds.c.n))
    return Counter({int(n): int(c) for n, c in rows})


def refusals_by_reason(s: Session, p: Period) -> list[tuple[str, int]]:
    rows = s.execute(
        select(CaseRow.reason, func.count())
        .where(_created(p), CaseRow.state == CaseState.REFUSED.value)
        .group_by(CaseRow.reason)
        .order_by(func.count().desc(), CaseRow.reason)
    )
    return [(str(r or ""), int(n)) for r, n in rows]


@dataclass(frozen=True)
class Completed:
    """Cases alike in everything their used time, limit and punctuality are counted from."""

    accepted_on: date
    completed_on: date
    due_date: date | None
    limit_days: int
    limit_unit: str
    pauses: str
    cases: int


def completed_with_limit(s: Session, p: Period) -> list[Completed]:
    """Cases of a time limit (all but 即办件) completed during the period, those alike in
    their days, limit and pauses counted together (their used time is the same)."""
    c = CaseRow
    alike = (c.accepted_on, c.completed_on, c.due_date, c.limit_days, c.limit_unit, c.pauses)
    rows = s.execute(
        select(*alike, func.count())
        .where(
            c.completed_on.between(p.first, p.last),
            c.kind != ItemKind.IMMEDIATE.value,
            c.accepted_on.is_not(None),
        )
        .group_by(*alike)
    )
    return [Completed(*r[:-1], int(r[-1])) for r in rows]


def items(s: Session, p: Period) -> list[tuple[str, str, str, int]]:
    """(item code, name, department, cases) of the cases taken in during the period."""
    i = CaseItemRow
    n = func.count(func.distinct(i.case_id))
    rows = s.execute(
        select(i.item_code, func.min(i.item_name), func.min(i.department), n)
        .join(CaseRow, CaseRow.id == i.case_id)
        .where(_created(p))
        .group_by(i.item_code)
        .order_by(n.desc(), i.item_code)
    )
    return [(code, name, dept or NO_DEPARTMENT, int(k)) for code, name, dept, k in rows]


def departments(s: Session, p: Period) -> list[tuple[str, int]]:
    i = CaseItemRow
    n = func.count(func.distinct(i.case_id))
    rows = s.execute(
        select(i.department, n)
        .join(CaseRow, CaseRow.id == i.case_id)
        .where(_created(p))
        .group_by(i.department)
        .order_by(n.desc(), i.department)
    )
    return [(d or NO_DEPARTMENT, int(k)) for d, k in rows]


def catalog_departments(s: Session) -> list[str]:
    return sorted(
        d for d in s.scalars(select(ServiceItemRow.department).distinct()) if d and d.strip()
    )


def themes(s: Session, p: Period) -> list[tuple[str, str, int]]:
    n = func.count()
    rows = s.execute(
        select(CaseRow.theme_code, func.coalesce(ThemeRow.name, CaseRow.theme_code), n)
        .outerjoin(ThemeRow, ThemeRow.code == CaseRow.theme_code)
        .where(_created(p), CaseRow.theme_code.is_not(None), CaseRow.theme_code != "")
        .group_by(CaseRow.theme_code, ThemeRow.name)
        .order_by(n.desc(), CaseRow.theme_code)
    )
    return [(code, name, int(k)) for code, name, k in rows]


def green_channel(s: Session, p: Period) -> list[tuple[str, str, int]]:
    """(flags "elderly,ill", mode, cases) of the 帮您办 cases taken in during the period."""
    rows = s.execute(
        select(CaseRow.assistance_flags, CaseRow.assistance_mode, func.count())
        # likely(): the month's cases by their day, not the green-channel index's many.
        .where(_created(p), func.likely(CaseRow.green_channel.is_(True)))
        .group_by(CaseRow.assistance_flags, CaseRow.assistance_mode)
    )
    return [(f or "", m or "", int(n)) for f, m, n in rows]


# --- 咨询 ----------------------------------------------------------------------------------


def consultations(s: Session, p: Period) -> tuple[int, int, int]:
    """(logged, turned into an intake, of those linked to their case)."""
    c = ConsultationRow
    to_intake = c.outcome == "to_intake"
    row = s.execute(
        select(
            func.count(),
            func.count().filter(to_intake),
            func.count().filter(and_(to_intake, c.case_id.is_not(None), c.case_id != "")),
        ).where(c.on.between(p.first, p.last))
    ).one()
    return int(row[0]), int(row[1]), int(row[2])


def consultation_topics(s: Session, p: Period) -> list[tuple[str, int]]:
    c = ConsultationRow
    n = func.count()
    rows = s.execute(
        select(c.topic, n)
        .where(c.on.between(p.first, p.last))
        .group_by(c.topic)
        .order_by(n.desc(), c.topic)
    )
    return [(t, int(k)) for t, k in rows]


# --- 材料流转与出件 ----------------------------------------------------------------------------


def moved_cases(s: Session, p: Period) -> Counter[str]:
    """{move: cases with such a handoff during the period, each counted once} of the two moves
    the report counts (移交部门, 部门取回)."""
    h = HandoffRow
    moves = (Move.DISPATCH.value, Move.RECEIVE_BACK.value)
    rows = s.execute(
        select(h.move, func.count(func.distinct(h.case_id)))
        .where(h.on.between(p.first, p.last), h.move.in_(moves))
        .group_by(h.move)
    )
    return Counter({str(m): int(n) for m, n in rows})


def stays(s: Session, p: Period) -> list[tuple[str, float]]:
    """(station, hours) of each stay that ended during the period: from the handoff that
    brought the folder to a station to the next handoff of that case, away from it."""
    h = HandoffRow
    moved = select(h.case_id).where(h.on.between(p.first, p.last)).distinct()
    window = {"partition_by": h.case_id, "order_by": (h.at, h.hlc)}
    steps = (
        select(
            h.from_station,
            h.at,
            h.on,
            func.lag(h.to_station).over(**window).label("came_to"),
            func.lag(h.at).over(**window).label("came_at"),
        )
        .where(h.case_id.in_(moved), h.on <= p.last)
        .subquery()
    )
    hours = (func.julianday(steps.c.at) - func.julianday(steps.c.came_at)) * 24
    rows = s.execute(
        select(steps.c.from_station, hours).where(
            steps.c.on.between(p.first, p.last), steps.c.came_to == steps.c.from_station
        )
    )
    return [(station, float(n or 0.0)) for station, n in rows]


def deliveries(s: Session, p: Period) -> dict[str, int]:
    d = DeliveryRow
    rows = s.execute(
        select(d.recipient_kind, func.count())
        .where(d.on.between(p.first, p.last))
        .group_by(d.recipient_kind)
    )
    return {k: int(n) for k, n in rows}


def mail_returned(s: Session, p: Period) -> int:
    d = DeliveryRow
    return int(s.scalar(select(func.count()).where(d.returned_on.between(p.first, p.last))) or 0)


# --- 办不成事 / 投诉 ------------------------------------------------------------------------


def tickets_by_class(s: Session, p: Period) -> list[tuple[str, str, int]]:
    t = TicketRow
    rows = s.execute(
        select(t.ticket_class, t.bbcs_kind, func.count())
        .where(t.received_on.between(p.first, p.last))
        .group_by(t.ticket_class, t.bbcs_kind)
    )
    return [(c, b or "", int(n)) for c, b, n in rows]


def tickets_closed(s: Session, p: Period) -> tuple[int, int, int]:
    """(closed, of those with a due date, of those closed by it)."""
    t = TicketRow
    with_due = t.due_date.is_not(None)
    row = s.execute(
        select(
            func.count(),
            func.count().filter(with_due),
            func.count().filter(and_(with_due, t.closed_on <= t.due_date)),
        ).where(t.closed_on.between(p.first, p.last))
    ).one()
    return int(row[0]), int(row[1]), int(row[2])


def tickets_reopened(s: Session, p: Period) -> int:
    st = TicketStepRow
    return int(
        s.scalar(
            select(func.count(func.distinct(st.ticket_id))).where(
                st.on.between(p.first, p.last), st.step == "reopened"
            )
        )
        or 0
    )


def ticket_causes(s: Session, p: Period) -> list[tuple[str, int]]:
    t = TicketRow
    n = func.count()
    rows = s.execute(
        select(t.cause, n)
        .where(t.received_on.between(p.first, p.last), t.cause != "")
        .group_by(t.cause)
        .having(n >= 2)
        .order_by(n.desc(), t.cause)
    )
    return [(c, int(k)) for c, k in rows]


# --- the report's own record, and what stops a publication -----------------------------------


def report_row(s: Session, month: str) -> MonthlyReportRow | None:
    return s.get(MonthlyReportRow, month)


def published_rows(s: Session) -> dict[str, MonthlyReportRow]:
    rows = s.scalars(select(MonthlyReportRow).where(MonthlyReportRow.published != ""))
    return {r.month: r for r in rows}


def origins(s: Session) -> list[str]:
    """Every origin of the events this database holds, each found by one seek of the (origin,
    seq) index: a hall has tens of workstations and millions of events."""
    found: list[str] = []
    while True:
        after = select(func.min(Event.origin))
        if found:
            after = after.where(Event.origin > found[-1])
        origin = s.scalar(after)
        if origin is None:
            return found
        found.append(origin)


def known_sequences(s: Session) -> dict[str, int]:
    """{origin: highest sequence number} of the events this database holds."""
    return {
        o: int(s.scalar(select(func.max(Event.seq)).where(Event.origin == o)) or 0)
        for o in origins(s)
    }


def events_beyond(
    s: Session, known: dict[str, int], p: Period, first_hlc: str, end_hlc: str
) -> list[Event]:
    """Events this database holds that `known` did not (a later sequence, or a new origin)
    that may be dated inside the period: stamped in it, or carrying a day of it."""
    # Each origin's events beyond what was known read by a seek of the (origin, seq) index; a
    # condition of "any origin but these" would walk every event of the hall.
    beyond = [
        and_(Event.origin == o, Event.seq > known[o]) if o in known else Event.origin == o
        for o in origins(s)
    ]
    if not beyond:
        return []
    first, last = p.first.isoformat(), p.last.isoformat()
    dated = or_(
        and_(Event.hlc >= first_hlc, Event.hlc < end_hlc),
        *(
            func.json_extract(Event.payload, path).between(first, last)
            for path in (
                "$.set.on",
                "$.step.on",
                "$.set.created_on",
                "$.set.rated_on",
                "$.set.held_on",
                "$.set.inspected_on",
                "$.set.day",
            )
        ),
    )
    # Sorted here, not by SQL: an ORDER BY hlc would have SQLite walk the clock index instead.
    found = s.scalars(select(Event).where(or_(*beyond), dated))
    return sorted(found, key=lambda ev: (ev.hlc, ev.id))


def open_conflicts(s: Session, first_hlc: str, end_hlc: str, p: Period) -> list[SyncConflict]:
    """Unresolved conflicts over an event of the period, or over a case taken in during it."""
    c = SyncConflict
    in_month_cases = select(CaseRow.id).where(_created(p))
    return list(
        s.scalars(
            select(c)
            .where(
                c.resolved.is_(False),
                or_(
                    and_(c.hlc >= first_hlc, c.hlc < end_hlc),
                    and_(c.other_hlc >= first_hlc, c.other_hlc < end_hlc),
                    c.case_id.in_(in_month_cases),
                ),
            )
            .order_by(c.hlc)
        )
    )


def case_numbers(s: Session, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(s.execute(select(CaseRow.id, CaseRow.case_no).where(CaseRow.id.in_(ids))).all())
