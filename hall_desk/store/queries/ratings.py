"""Read queries of 好差评: the record a rating is about, what is still to rate, the counts.

Every count leaves out duplicates (a second rating of one record, given at another workstation
before the two met): `counted()` is the one predicate, and tests recount with it by hand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import ColumnElement, Date, and_, bindparam, func, select
from sqlalchemy.orm import Session

from hall_desk.domain.ratings import AppealState, RatingState
from hall_desk.store.models import CaseRow, ConsultationRow, Event
from hall_desk.store.models_ratings import RatingRow
from hall_desk.store.models_routing import DeliveryRow

_CHUNK = 500  # values bound in one IN list
_ById = TypeVar("_ById", Event, DeliveryRow, CaseRow)


def counted() -> ColumnElement[bool]:
    """A rating that counts: not a duplicate of an earlier one of the same record."""
    return RatingRow.duplicate_of == ""


def in_period(
    day_from: date | ColumnElement[date], day_to: date | ColumnElement[date]
) -> ColumnElement[bool]:
    return and_(RatingRow.rated_on >= day_from, RatingRow.rated_on <= day_to)


def ratings_of_record(session: Session, kind: str, record_id: str) -> list[RatingRow]:
    return list(
        session.scalars(
            select(RatingRow)
            .where(RatingRow.rated_kind == kind, RatingRow.record_id == record_id)
            .order_by(RatingRow.created_hlc, RatingRow.id)
        )
    )


def rated_records(session: Session, kind: str, record_ids: Iterable[str]) -> set[str]:
    ids = list(dict.fromkeys(record_ids))
    out: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        out.update(
            session.scalars(
                select(RatingRow.record_id).where(
                    RatingRow.rated_kind == kind,
                    RatingRow.record_id.in_(ids[start : start + _CHUNK]),
                )
            )
        )
    return out


def rows_by_id(session: Session, model: type[_ById], ids: Sequence[str]) -> list[_ById]:
    """The rows of `model` under `ids` (each once), an IN list of at most _CHUNK at a time."""
    wanted = list(dict.fromkeys(ids))
    column = model.id  # type: ignore[attr-defined]
    out: list[_ById] = []
    for start in range(0, len(wanted), _CHUNK):
        out += session.scalars(select(model).where(column.in_(wanted[start : start + _CHUNK])))
    return out


def latest_case_event(session: Session, case_id: str, kinds: Iterable[str]) -> Event | None:
    return session.scalars(
        select(Event)
        .where(Event.entity_type == "case", Event.entity_id == case_id, Event.kind.in_(kinds))
        .order_by(Event.hlc.desc(), Event.id.desc())
        .limit(1)
    ).first()


def case_events_by(
    session: Session, actor: str, kinds: Iterable[str], since_hlc: str, limit: int
) -> list[Event]:
    return list(
        session.scalars(
            select(Event)
            .where(
                Event.entity_type == "case",
                Event.actor == actor,
                Event.kind.in_(kinds),
                Event.hlc >= since_hlc,
            )
            .order_by(Event.hlc.desc(), Event.id.desc())
            .limit(limit)
        )
    )


def deliveries_by(session: Session, clerk: str, day: date, limit: int) -> list[DeliveryRow]:
    return list(
        session.scalars(
            select(DeliveryRow)
            .where(
                DeliveryRow.clerk == clerk, DeliveryRow.on == day, DeliveryRow.method == "pickup"
            )
            .order_by(DeliveryRow.at.desc())
            .limit(limit)
        )
    )


def consultations_by(session: Session, clerk: str, day: date, limit: int) -> list[ConsultationRow]:
    return list(
        session.scalars(
            select(ConsultationRow)
            .where(ConsultationRow.clerk == clerk, ConsultationRow.on == day)
            .order_by(ConsultationRow.at.desc())
            .limit(limit)
        )
    )


def latest_delivery(session: Session, case_id: str) -> DeliveryRow | None:
    return session.scalars(
        select(DeliveryRow)
        .where(DeliveryRow.case_id == case_id)
        .order_by(DeliveryRow.at.desc())
        .limit(1)
    ).first()


def level_counts(
    session: Session, day_from: date, day_to: date, staff: str | None = None
) -> dict[int, int]:
    """{level: ratings given} in the period (by the day rated)."""
    query = (
        select(RatingRow.level, func.count())
        .where(counted(), in_period(day_from, day_to), RatingRow.state == RatingState.GIVEN.value)
        .group_by(RatingRow.level)
    )
    if staff is not None:
        query = query.where(RatingRow.staff == staff)
    return {int(level): int(n) for level, n in session.execute(query) if level is not None}


def _count(session: Session, *where: ColumnElement[bool]) -> int:
    return int(session.scalar(select(func.count()).select_from(RatingRow).where(*where)) or 0)


def unrated_count(session: Session, day_from: date, day_to: date, staff: str | None = None) -> int:
    where = [counted(), in_period(day_from, day_to), RatingRow.state == RatingState.UNRATED.value]
    if staff is not None:
        where.append(RatingRow.staff == staff)
    return _count(session, *where)


def upheld_count(session: Session, day_from: date, day_to: date, staff: str | None = None) -> int:
    """差评 of the period whose appeal was upheld (by the day rated)."""
    where = [
        counted(),
        in_period(day_from, day_to),
        RatingRow.state == RatingState.GIVEN.value,
        RatingRow.level <= 2,
        RatingRow.appeal_state == AppealState.UPHELD.value,
    ]
    if staff is not None:
        where.append(RatingRow.staff == staff)
    return _count(session, *where)


def pending_appeals(session: Session) -> list[RatingRow]:
    return list(
        session.scalars(
            select(RatingRow)
            .where(RatingRow.appeal_state == AppealState.PENDING.value)
            .order_by(RatingRow.appealed_on, RatingRow.id)
        )
    )


def ratings_between(session: Session, day_from: date, day_to: date) -> list[RatingRow]:
    """Every rating row of the period, duplicates too (the ledger marks them), in time order."""
    return list(
        session.scalars(
            select(RatingRow)
            .where(in_period(day_from, day_to))
            .order_by(RatingRow.rated_at, RatingRow.created_hlc, RatingRow.id)
        )
    )


_FROM = bindparam("day_from", type_=Date)
_TO = bindparam("day_to", type_=Date)
_GIVEN = RatingRow.state == RatingState.GIVEN.value
_UPHELD = and_(RatingRow.level <= 2, RatingRow.appeal_state == AppealState.UPHELD.value)
_DUPLICATE = RatingRow.duplicate_of != ""
# Built once: the dashboard reads a day's figures every time it opens.
_PERIOD_GROUPS = (
    select(
        counted(),
        _DUPLICATE,
        RatingRow.state,
        RatingRow.level,
        RatingRow.channel,
        _UPHELD,
        func.count(),
    )
    .where(in_period(_FROM, _TO))
    .group_by(counted(), _DUPLICATE, RatingRow.state, RatingRow.level, RatingRow.channel, _UPHELD)
)


@dataclass(frozen=True)
class PeriodCounts:
    """The counts behind `services.rating_figures.RatingFigures`, read in one pass over the period's
    ratings (the rated_on index): the predicates of level_counts, upheld_count and
    unrated_count, given by channel, and the duplicates (second ratings of one record)."""

    levels: dict[int, int]
    upheld: int
    unrated: int
    channels: dict[str, int]
    duplicates: int


def period_counts(session: Session, day_from: date, day_to: date) -> PeriodCounts:
    levels: Counter[int] = Counter()
    channels: Counter[str] = Counter()
    upheld = unrated = duplicates = 0
    rows = session.connection().execute(_PERIOD_GROUPS, {"day_from": day_from, "day_to": day_to})
    for is_counted, duplicate, state, level, channel, is_upheld, n in rows:
        if duplicate:
            duplicates += int(n)
        if not is_counted:
            continue
        if state == RatingState.UNRATED.value:
            unrated += int(n)
        elif state == RatingState.GIVEN.value:
            channels[str(channel)] += int(n)
            if level is not None:
                levels[int(level)] += int(n)
            if is_upheld:
                upheld += int(n)
    return PeriodCounts(dict(levels), upheld, unrated, dict(channels), duplicates)
