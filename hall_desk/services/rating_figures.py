"""好差评 figures of a period (the dashboard, the daily summary, the monthly report), apart
from the rating desk's actions (services/ratings.py): a report that prints them needs none of
those, nor the tables and rules they bring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from hall_desk.domain.ratings import LevelCounts, RatingChannel, level_counts
from hall_desk.store.queries import ratings as queries

if TYPE_CHECKING:
    from hall_desk.services.workstation import Workstation


@dataclass(frozen=True)
class RatingFigures:
    """好差评 of a period (by the day rated), duplicates left out.

    - given: ratings with a level; unrated: 未评价 (the screen timed out);
    - levels: given by level (LevelCounts: 差评 = the bottom two, 满意 = the top three);
      差评率 = 差评 / given, 满意率 = top three / given, each with numerator and denominator;
    - upheld: 差评 whose appeal was upheld; `levels.bad_rate_after_appeals` leaves them out of
      both the 差评 and the ratings counted (the raw counts keep them);
    - by_channel: given by channel (评价屏 / 窗口代录 / 二维码·线上);
    - duplicates: second ratings of one record (not counted anywhere else).
    """

    day_from: date
    day_to: date
    levels: LevelCounts
    unrated: int
    by_channel: dict[RatingChannel, int]
    duplicates: int

    @property
    def given(self) -> int:
        return self.levels.given

    @property
    def bad(self) -> int:
        return self.levels.bad

    @property
    def upheld(self) -> int:
        return self.levels.upheld

    @property
    def asked(self) -> int:
        """评价 asked for: given + 未评价."""
        return self.given + self.unrated


def figures_in(session: Session, day_from: date, day_to: date) -> RatingFigures:
    counts = queries.period_counts(session, day_from, day_to)
    return RatingFigures(
        day_from,
        day_to,
        level_counts(counts.levels, counts.upheld),
        counts.unrated,
        {c: int(counts.channels.get(c.value, 0)) for c in RatingChannel},
        counts.duplicates,
    )


def rating_figures(source: Workstation | Session, day_from: date, day_to: date) -> RatingFigures:
    """好差评 figures of a period: for the dashboard, the daily summary and the monthly report."""
    if isinstance(source, Session):
        return figures_in(source, day_from, day_to)
    with source.reading() as s:
        return figures_in(s, day_from, day_to)
