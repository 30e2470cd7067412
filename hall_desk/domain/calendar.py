"""Working-day calendar and 限时办结 due dates: statutory holidays, hall overrides, clock pauses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache

import chinese_calendar

from hall_desk.domain.errors import ValidationError

# A ten-year limit is already far beyond any statutory 办结时限; larger numbers are typos.
MAX_LIMIT = 3650

HOLIDAY = "holiday"
WORKDAY = "workday"
OVERRIDE_KINDS = (HOLIDAY, WORKDAY)

_MAX_ORDINAL = date.max.toordinal()

# chinese_calendar is pure and slow-ish (~15 µs a call), so its answers are shared by every
# WorkingCalendar: services build a fresh one whenever the override table changes.
# ordinal -> library's is_workday, or None when the library has no schedule for the year.
_LIBRARY_ANSWERS: dict[int, bool | None] = {}


def _library_is_workday(ordinal: int) -> bool | None:
    try:
        return _LIBRARY_ANSWERS[ordinal]
    except KeyError:
        pass
    answer: bool | None
    try:
        answer = bool(chinese_calendar.is_workday(date.fromordinal(ordinal)))
    except NotImplementedError:
        answer = None  # outside the years the library covers
    _LIBRARY_ANSWERS[ordinal] = answer
    return answer


@cache
def statutory_holidays(year: int) -> frozenset[date]:
    """The days off that the 全国年节及纪念日放假办法 (2024) itself fixes, for a year whose
    published schedule is not known: 元旦, 春节 (除夕 to 初三, by the lunar calendar), 清明 (the
    solar term), 劳动节 5/1–2, 端午 and 中秋 (lunar), 国庆 10/1–3. The 调休 swaps the State
    Council announces each year cannot be known in advance, so results stay estimates."""
    from lunar_python import Lunar, Solar  # ~8 ms to import: only for years past the data

    def solar(lunar_month: int, lunar_day: int) -> date:
        s = Lunar.fromYmd(year, lunar_month, lunar_day).getSolar()
        return date(s.getYear(), s.getMonth(), s.getDay())

    new_year = solar(1, 1)
    qingming = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"]
    days = {
        date(year, 1, 1),
        *(new_year + timedelta(days=n) for n in range(-1, 3)),
        date(qingming.getYear(), qingming.getMonth(), qingming.getDay()),
        date(year, 5, 1),
        date(year, 5, 2),
        solar(5, 5),
        solar(8, 15),
        date(year, 10, 1),
        date(year, 10, 2),
        date(year, 10, 3),
    }
    return frozenset(d for d in days if d.year == year)


class LimitUnit(StrEnum):
    WORKING = "G"
    NATURAL = "Z"

    @property
    def label(self) -> str:
        return UNIT_LABELS[self]


UNIT_LABELS: dict[LimitUnit, str] = {
    LimitUnit.WORKING: "工作日",
    LimitUnit.NATURAL: "自然日",
}


@dataclass(frozen=True)
class DayOverride:
    """One day the hall declares closed ("holiday") or open ("workday"), whatever else says."""

    day: date
    kind: str
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in OVERRIDE_KINDS:
            raise ValidationError("kind", "例外日类型应为 holiday（放假）或 workday（上班）")


@dataclass(frozen=True)
class Pause:
    """A stopped clock (补正, 听证/检验/鉴定): days in (start, end] don't count; end=None: open."""

    start: date
    end: date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValidationError("pause", "暂停结束日期不能早于开始日期")


@dataclass(frozen=True)
class DueDate:
    day: date
    estimated: bool  # a day in a year with no official schedule decided the result
    paused: bool = False  # an open pause may still move the date

    def label(self) -> str:
        text = self.day.isoformat()
        if self.estimated:
            text += "（估算）"
        if self.paused:
            text += "（计时暂停中）"
        return text


def _as_date(value: date, field: str) -> date:
    # datetime is a subclass of date; keep cache keys and comparisons on plain dates.
    if isinstance(value, datetime):
        return value.date()
    if not isinstance(value, date):
        raise ValidationError(field, "日期格式不正确")
    return value


def _parse_unit(unit: LimitUnit | str) -> LimitUnit:
    if isinstance(unit, str):
        try:
            return LimitUnit(unit.strip().upper())
        except ValueError:
            pass
    raise ValidationError("unit", "时限单位应为 G（工作日）或 Z（自然日）")


class WorkingCalendar:
    """Decides working days: hall override, then chinese_calendar, then Monday–Friday (estimated).

    Lookups are cached per day (by ordinal) because due dates walk day by day and the clerk
    screens recompute them for every row; the underlying sources never change for an instance.
    """

    def __init__(
        self, overrides: Iterable[DayOverride] = (), covered_years: Iterable[int] = ()
    ) -> None:
        self._overrides: dict[int, bool] = {}
        for override in overrides:
            key = _as_date(override.day, "day").toordinal()
            working = override.kind == WORKDAY
            if self._overrides.get(key, working) != working:
                # Two contradicting rows would make the result depend on table order.
                raise ValidationError(
                    "overrides", f"{override.day.isoformat()} 同时被设为放假和上班"
                )
            self._overrides[key] = working
        self._covered_years = frozenset(int(year) for year in covered_years)
        # ordinal -> (working, certain)
        self._cache: dict[int, tuple[bool, bool]] = {}

    def _lookup(self, ordinal: int) -> tuple[bool, bool]:
        cached = self._cache.get(ordinal)
        if cached is not None:
            return cached
        if not 0 < ordinal <= _MAX_ORDINAL:
            raise ValidationError("day", "日期超出可计算范围")
        result = self._decide(ordinal)
        self._cache[ordinal] = result
        return result

    def _decide(self, ordinal: int) -> tuple[bool, bool]:
        override = self._overrides.get(ordinal)
        if override is not None:
            return override, True
        library = _library_is_workday(ordinal)
        if library is not None:
            return library, True
        day = date.fromordinal(ordinal)
        weekday_rule = day.weekday() < 5
        # A year the hall typed in fully has no holidays beyond its overrides: the rule is exact.
        if day.year in self._covered_years:
            return weekday_rule, True
        if not 1900 < day.year < 2100:
            return weekday_rule, False  # outside the lunar tables: weekends only
        return weekday_rule and day not in statutory_holidays(day.year), False

    def is_working_day(self, day: date) -> bool:
        return self._lookup(_as_date(day, "day").toordinal())[0]

    def is_certain(self, day: date) -> bool:
        """False when only the Monday–Friday fallback decided the day (no schedule for its year)."""
        return self._lookup(_as_date(day, "day").toordinal())[1]

    def next_working_day(self, day: date) -> date:
        ordinal = _as_date(day, "day").toordinal() + 1
        while not self._lookup(ordinal)[0]:
            ordinal += 1
        return date.fromordinal(ordinal)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; if end < start, minus the working days in (end, start]."""
        first = _as_date(start, "start").toordinal()
        last = _as_date(end, "end").toordinal()
        sign = 1
        if last < first:
            first, last, sign = last, first, -1
        lookup = self._lookup
        count = sum(1 for ordinal in range(first + 1, last + 1) if lookup(ordinal)[0])
        return sign * count

    def due_date(
        self,
        accepted_on: date,
        n: int,
        unit: LimitUnit | str = "G",
        pauses: Sequence[Pause] = (),
        as_of: date | None = None,
    ) -> DueDate:
        accepted = _as_date(accepted_on, "accepted_on").toordinal()
        if isinstance(n, bool) or not isinstance(n, int):
            raise ValidationError("limit", "办结时限应为整数")
        if n < 0:
            raise ValidationError("limit", "办结时限不能为负数")
        if n > MAX_LIMIT:
            raise ValidationError("limit", f"办结时限过长（最多 {MAX_LIMIT} 天）")
        parsed_unit = _parse_unit(unit)

        # Paused days are (start, end] of each pause; an open pause runs to as_of. A set of
        # ordinals makes the per-day test one hash lookup; pauses last days or months, not ages.
        paused: set[int] = set()
        open_starts: list[int] = []
        for pause in pauses:
            start = _as_date(pause.start, "pause").toordinal()
            if pause.end is None:
                # The domain never reads the wall clock: the caller says what "today" is.
                if as_of is None:
                    raise ValueError("an open pause needs as_of (the workstation's today)")
                today = _as_date(as_of, "as_of")
                end = max(start, today.toordinal())
                open_starts.append(start)
            else:
                end = _as_date(pause.end, "pause").toordinal()
            paused.update(range(start + 1, end + 1))

        lookup = self._lookup
        estimated = False
        ordinal = accepted
        remaining = n
        if parsed_unit is LimitUnit.WORKING:
            # The acceptance day never counts: the first counted day is the one after it.
            while remaining:
                ordinal += 1
                if ordinal in paused:
                    continue
                working, certain = lookup(ordinal)
                if not certain:
                    estimated = True
                if working:
                    remaining -= 1
        else:
            while remaining:
                ordinal += 1
                if ordinal in paused:
                    continue
                remaining -= 1
            if n:
                # A period whose last day is not a working day ends on the next working day.
                while True:
                    working, certain = lookup(ordinal)
                    if not certain:
                        estimated = True
                    if working:
                        break
                    ordinal += 1
                    while ordinal in paused:
                        ordinal += 1
        # An open pause that began on or after the due day did not stop a running clock: the
        # period had already ended, so the date is final even though the case is on hold.
        is_paused = any(start < ordinal for start in open_starts)
        return DueDate(date.fromordinal(ordinal), estimated, is_paused)
