"""Tests for the working-day calendar and 限时办结 due dates, against the real 2026 schedule."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hall_desk.domain import calendar as calendar_module
from hall_desk.domain.calendar import (
    DayOverride,
    DueDate,
    LimitUnit,
    Pause,
    WorkingCalendar,
)
from hall_desk.domain.errors import ValidationError

D = date
CAL = WorkingCalendar()


# --- the schedule the other tests rely on, confirmed against the library itself ---------------


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (D(2026, 1, 1), D(2026, 1, 3)),  # 元旦
        (D(2026, 2, 15), D(2026, 2, 23)),  # 春节
        (D(2026, 4, 4), D(2026, 4, 6)),  # 清明
        (D(2026, 5, 1), D(2026, 5, 5)),  # 劳动节
        (D(2026, 6, 19), D(2026, 6, 21)),  # 端午
        (D(2026, 9, 25), D(2026, 9, 27)),  # 中秋
        (D(2026, 10, 1), D(2026, 10, 7)),  # 国庆
    ],
)
def test_library_2026_holidays(first: date, last: date) -> None:
    day = first
    while day <= last:
        assert chinese_calendar.is_holiday(day)
        assert not CAL.is_working_day(day)
        assert CAL.is_certain(day)
        day += timedelta(days=1)


@pytest.mark.parametrize(
    "day",
    [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)],
)
def test_library_2026_adjusted_weekend_workdays(day: date) -> None:
    assert day.weekday() >= 5
    assert chinese_calendar.is_workday(day)
    assert CAL.is_working_day(day)
    assert CAL.is_certain(day)


def test_library_does_not_cover_2027() -> None:
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D(2027, 1, 4))


def test_working_days_of_2026_match_library() -> None:
    expected = len(chinese_calendar.get_workdays(D(2026, 1, 1), D(2026, 12, 31)))
    assert CAL.working_days_between(D(2025, 12, 31), D(2026, 12, 31)) == expected == 248


# --- LimitUnit, DueDate -----------------------------------------------------------------------


def test_limit_unit_values_and_labels() -> None:
    assert LimitUnit("G") is LimitUnit.WORKING
    assert LimitUnit("Z") is LimitUnit.NATURAL
    assert LimitUnit.WORKING.label == "工作日"
    assert LimitUnit.NATURAL.label == "自然日"
    assert LimitUnit.WORKING == "G"


def test_due_date_labels() -> None:
    assert DueDate(D(2026, 12, 4), estimated=False).label() == "2026-12-04"
    assert DueDate(D(2027, 1, 8), estimated=True).label() == "2027-01-08（估算）"
    assert DueDate(D(2026, 3, 11), False, paused=True).label() == "2026-03-11（计时暂停中）"
    assert DueDate(D(2027, 1, 8), True, paused=True).label() == "2027-01-08（估算）（计时暂停中）"


# --- unit G -----------------------------------------------------------------------------------


def test_friday_plus_one_working_day_is_monday() -> None:
    assert D(2026, 3, 6).weekday() == 4
    assert CAL.due_date(D(2026, 3, 6), 1) == DueDate(D(2026, 3, 9), estimated=False)


def test_acceptance_day_never_counts_even_when_working() -> None:
    # Monday 2026-03-02: one working day later is Tuesday, not Monday itself.
    assert CAL.due_date(D(2026, 3, 2), 1).day == D(2026, 3, 3)
    assert CAL.due_date(D(2026, 3, 2), 5).day == D(2026, 3, 9)


def test_acceptance_on_a_holiday() -> None:
    # Accepted on 国庆 Saturday 10/3: counting starts after the holiday, 10/10 (Sat) is worked.
    assert CAL.due_date(D(2026, 10, 3), 1).day == D(2026, 10, 8)
    assert CAL.due_date(D(2026, 10, 3), 3).day == D(2026, 10, 10)
    assert CAL.due_date(D(2026, 10, 3), 4).day == D(2026, 10, 12)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, D(2026, 2, 14)),  # adjusted working Saturday
        (2, D(2026, 2, 24)),  # 2/15–2/23 off
        (6, D(2026, 2, 28)),  # adjusted working Saturday
        (7, D(2026, 3, 2)),  # 3/1 is an ordinary Sunday
    ],
)
def test_span_over_spring_festival(n: int, expected: date) -> None:
    assert D(2026, 2, 13).weekday() == 4
    assert CAL.due_date(D(2026, 2, 13), n) == DueDate(expected, estimated=False)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, D(2026, 9, 20)),  # adjusted working Sunday
        (5, D(2026, 9, 24)),
        (6, D(2026, 9, 28)),  # 中秋 9/25–9/27 skipped
        (8, D(2026, 9, 30)),
        (9, D(2026, 10, 8)),  # 国庆 10/1–10/7 skipped
        (11, D(2026, 10, 10)),  # adjusted working Saturday
        (12, D(2026, 10, 12)),
        (20, D(2026, 10, 22)),
    ],
)
def test_span_over_national_day(n: int, expected: date) -> None:
    assert D(2026, 9, 18).weekday() == 4
    assert CAL.due_date(D(2026, 9, 18), n) == DueDate(expected, estimated=False)


def test_zero_limit_is_the_acceptance_day() -> None:
    assert CAL.due_date(D(2026, 3, 4), 0) == DueDate(D(2026, 3, 4), estimated=False)
    # 即办件 accepted on a holiday (e.g. a weekend service window) is still due that day.
    assert CAL.due_date(D(2026, 10, 3), 0) == DueDate(D(2026, 10, 3), estimated=False)
    assert CAL.due_date(D(2026, 10, 3), 0, "Z") == DueDate(D(2026, 10, 3), estimated=False)
    # Nothing was looked up, so even an uncovered year is not an estimate.
    assert CAL.due_date(D(2027, 3, 3), 0).estimated is False


def test_unit_accepts_enum_and_text() -> None:
    expected = CAL.due_date(D(2026, 3, 2), 5, LimitUnit.WORKING)
    assert CAL.due_date(D(2026, 3, 2), 5, "G") == expected
    assert CAL.due_date(D(2026, 3, 2), 5, "g") == expected
    assert CAL.due_date(D(2026, 3, 2), 5, LimitUnit.NATURAL).day == D(2026, 3, 9)


def test_datetime_input_is_treated_as_its_date() -> None:
    moment = datetime(2026, 3, 6, 16, 45)
    assert CAL.due_date(moment, 1) == DueDate(D(2026, 3, 9), estimated=False)
    assert CAL.is_working_day(datetime(2026, 10, 10, 9, 0))


# --- unit Z -----------------------------------------------------------------------------------


def test_natural_days_on_a_normal_day() -> None:
    # 3/2 + 30 days = 4/1, a Wednesday.
    assert CAL.due_date(D(2026, 3, 2), 30, "Z") == DueDate(D(2026, 4, 1), estimated=False)


def test_natural_days_landing_on_holiday_extend_to_next_working_day() -> None:
    # 9/24 + 7 = 10/1 (国庆): the period runs on to 10/8.
    assert CAL.due_date(D(2026, 9, 24), 7, "Z").day == D(2026, 10, 8)


def test_natural_days_landing_on_weekend_extend_to_monday() -> None:
    # 3/2 + 5 = 3/7, an ordinary Saturday.
    assert CAL.due_date(D(2026, 3, 2), 5, "Z").day == D(2026, 3, 9)


def test_natural_days_landing_on_adjusted_working_saturday_stay() -> None:
    # 10/3 + 7 = 10/10, a Saturday that is worked.
    assert CAL.due_date(D(2026, 10, 3), 7, "Z").day == D(2026, 10, 10)


def test_natural_days_holidays_in_the_middle_still_count() -> None:
    # 9/30 + 10 = 10/10: the 国庆 days inside the period are ordinary calendar days.
    assert CAL.due_date(D(2026, 9, 30), 10, "Z").day == D(2026, 10, 10)


# --- overrides --------------------------------------------------------------------------------


def test_override_holiday_on_a_wednesday_pushes_the_date() -> None:
    closure = DayOverride(D(2026, 3, 11), "holiday", "大厅停电检修")
    cal = WorkingCalendar([closure])
    assert D(2026, 3, 11).weekday() == 2
    assert CAL.due_date(D(2026, 3, 9), 3).day == D(2026, 3, 12)
    assert cal.due_date(D(2026, 3, 9), 3) == DueDate(D(2026, 3, 13), estimated=False)
    assert not cal.is_working_day(D(2026, 3, 11))
    assert cal.is_certain(D(2026, 3, 11))


def test_override_holiday_extends_a_natural_day_period() -> None:
    cal = WorkingCalendar([DayOverride(D(2026, 4, 1), "holiday", "民族节日")])
    assert cal.due_date(D(2026, 3, 2), 30, "Z").day == D(2026, 4, 2)


def test_override_workday_on_a_saturday_counts() -> None:
    cal = WorkingCalendar([DayOverride(D(2026, 3, 14), "workday", "集中办理日")])
    assert CAL.due_date(D(2026, 3, 13), 1).day == D(2026, 3, 16)
    assert cal.due_date(D(2026, 3, 13), 1).day == D(2026, 3, 14)
    assert cal.is_working_day(D(2026, 3, 14))


def test_override_beats_the_library() -> None:
    cal = WorkingCalendar(
        [DayOverride(D(2026, 2, 14), "holiday"), DayOverride(D(2026, 10, 5), "workday")]
    )
    assert not cal.is_working_day(D(2026, 2, 14))  # library: adjusted working Saturday
    assert cal.is_working_day(D(2026, 10, 5))  # library: 国庆
    assert cal.due_date(D(2026, 2, 13), 1).day == D(2026, 2, 24)
    assert cal.due_date(D(2026, 9, 30), 1).day == D(2026, 10, 5)


def test_duplicate_consistent_overrides_are_fine() -> None:
    day = D(2026, 3, 11)
    cal = WorkingCalendar([DayOverride(day, "holiday", "a"), DayOverride(day, "holiday", "b")])
    assert not cal.is_working_day(day)


# --- years the library does not cover ---------------------------------------------------------


def test_uncovered_year_uses_weekdays_and_the_statutory_holidays_estimated() -> None:
    # 2027-01-01 is a Friday: 元旦 by the 放假办法 itself, though no 2027 schedule is published.
    assert D(2027, 1, 1).weekday() == 4
    assert not CAL.is_working_day(D(2027, 1, 1))
    assert not CAL.is_certain(D(2027, 1, 1))
    assert not CAL.is_working_day(D(2027, 1, 2))
    assert not CAL.is_certain(D(2027, 1, 2))
    assert CAL.is_working_day(D(2027, 1, 4)) and not CAL.is_certain(D(2027, 1, 4))
    assert CAL.due_date(D(2026, 12, 31), 1) == DueDate(D(2027, 1, 4), estimated=True)
    assert CAL.due_date(D(2027, 1, 1), 1) == DueDate(D(2027, 1, 4), estimated=True)
    assert CAL.due_date(D(2027, 1, 8), 5) == DueDate(D(2027, 1, 15), estimated=True)
    assert CAL.due_date(D(2027, 1, 8), 5).label() == "2027-01-15（估算）"
    assert CAL.due_date(D(2027, 3, 1), 10, "Z") == DueDate(D(2027, 3, 11), estimated=True)


def test_years_before_the_library_are_uncovered_too() -> None:
    assert not CAL.is_certain(D(2003, 6, 2))
    assert CAL.due_date(D(2003, 6, 6), 1) == DueDate(D(2003, 6, 9), estimated=True)


def test_statutory_holidays_of_a_year_past_the_data() -> None:
    # 2027: 春节 is 2-6 (a Saturday), so 除夕 is 2-5; 清明 4-5; 端午 6-9; 中秋 9-15.
    assert calendar_module.statutory_holidays(2027) == {
        D(2027, 1, 1),
        D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8),
        D(2027, 4, 5),
        D(2027, 5, 1), D(2027, 5, 2),
        D(2027, 6, 9),
        D(2027, 9, 15),
        D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3),
    }  # fmt: skip
    # A 3-day limit from Thursday 2027-02-04 skips 除夕 to 初三 and the weekend in between.
    assert CAL.due_date(D(2027, 2, 4), 3) == DueDate(D(2027, 2, 11), estimated=True)
    # Where the library has the published schedule, it decides (2026: 元旦 1-1 to 1-3).
    assert not CAL.is_working_day(D(2026, 1, 2)) and CAL.is_certain(D(2026, 1, 2))


def test_a_year_the_hall_declared_covered_has_only_its_overrides() -> None:
    cal = WorkingCalendar(covered_years=[2027])
    assert cal.is_working_day(D(2027, 1, 1)) and cal.is_certain(D(2027, 1, 1))


def test_span_from_late_2026_into_2027_is_estimated() -> None:
    # 12/29, 12/30, 12/31, then 1/1 (元旦) and the weekend are skipped: 1/4, 1/5.
    assert CAL.due_date(D(2026, 12, 28), 5) == DueDate(D(2027, 1, 5), estimated=True)
    # Ending on 12/31 consults only 2026: exact.
    assert CAL.due_date(D(2026, 12, 28), 3) == DueDate(D(2026, 12, 31), estimated=False)
    # A natural-day period ending in 2027 consults a 2027 day.
    assert CAL.due_date(D(2026, 12, 28), 5, "Z") == DueDate(D(2027, 1, 4), estimated=True)


def test_2027_declared_covered_is_exact() -> None:
    schedule_2027 = [
        DayOverride(D(2027, 1, 1), "holiday", "元旦"),
        DayOverride(D(2027, 2, 6), "workday", "春节调休"),  # a Saturday
    ]
    cal = WorkingCalendar(schedule_2027, covered_years=[2027])
    assert cal.due_date(D(2026, 12, 31), 1) == DueDate(D(2027, 1, 4), estimated=False)
    assert cal.due_date(D(2027, 2, 5), 1) == DueDate(D(2027, 2, 6), estimated=False)
    assert cal.is_certain(D(2027, 1, 9))  # a plain Saturday of a declared year
    assert not cal.is_working_day(D(2027, 1, 9))
    # The same overrides without the declaration: the override days are certain, others not.
    partial = WorkingCalendar(schedule_2027)
    assert partial.is_certain(D(2027, 1, 1))
    assert not partial.is_certain(D(2027, 1, 4))
    assert partial.due_date(D(2026, 12, 31), 1) == DueDate(D(2027, 1, 4), estimated=True)
    # Without anything, 1/1 (Friday) is 元旦 by the 放假办法, still an estimate.
    assert CAL.due_date(D(2026, 12, 31), 1) == DueDate(D(2027, 1, 4), estimated=True)


def test_declared_year_does_not_affect_other_years() -> None:
    cal = WorkingCalendar(covered_years=[2027])
    assert not cal.is_certain(D(2028, 1, 3))
    assert cal.is_certain(D(2026, 1, 3))


# --- pauses -----------------------------------------------------------------------------------


def test_pause_pushes_by_exactly_the_paused_working_days() -> None:
    base = CAL.due_date(D(2026, 3, 2), 5)
    assert base.day == D(2026, 3, 9)
    # Days 3/4 and 3/5 are paused: two working days.
    pause = Pause(D(2026, 3, 3), D(2026, 3, 5))
    assert CAL.working_days_between(pause.start, pause.end) == 2
    assert CAL.due_date(D(2026, 3, 2), 5, pauses=[pause]) == DueDate(D(2026, 3, 11), False)


def test_pause_over_a_weekend_only_costs_its_working_days() -> None:
    # Paused 3/6 (Fri) … 3/9 (Mon): working days 3/6 and 3/9.
    pause = Pause(D(2026, 3, 5), D(2026, 3, 9))
    assert CAL.due_date(D(2026, 3, 2), 5, pauses=[pause]).day == D(2026, 3, 11)


def test_supplement_at_acceptance_restarts_the_day_after_materials_arrive() -> None:
    # 补正 told on acceptance (3/2), materials in on 3/4: counting starts 3/5.
    pause = Pause(D(2026, 3, 2), D(2026, 3, 4))
    assert CAL.due_date(D(2026, 3, 2), 1, pauses=[pause]).day == D(2026, 3, 5)
    assert CAL.due_date(D(2026, 3, 2), 5, pauses=[pause]).day == D(2026, 3, 11)


def test_pause_across_national_day_pushes_by_its_working_days() -> None:
    pause = Pause(D(2026, 9, 28), D(2026, 10, 9))
    paused_working = CAL.working_days_between(pause.start, pause.end)
    assert paused_working == 4  # 9/29, 9/30, 10/8, 10/9
    with_pause = CAL.due_date(D(2026, 9, 18), 12, pauses=[pause]).day
    without = CAL.due_date(D(2026, 9, 18), 12).day
    assert CAL.working_days_between(without, with_pause) == paused_working
    # Counted: 9/20–9/24 (5), 9/28 (6), then 10/10 (7), 10/12–10/16 (8–12).
    assert with_pause == D(2026, 10, 16)


def test_several_and_overlapping_pauses() -> None:
    pauses = [Pause(D(2026, 3, 3), D(2026, 3, 4)), Pause(D(2026, 3, 3), D(2026, 3, 5))]
    assert CAL.due_date(D(2026, 3, 2), 5, pauses=pauses).day == D(2026, 3, 11)
    two = [Pause(D(2026, 3, 3), D(2026, 3, 4)), Pause(D(2026, 3, 9), D(2026, 3, 11))]
    # Counted: 3/3, (3/4 paused) 3/5, 3/6, 3/9, (3/10–3/11 paused) 3/12.
    assert CAL.due_date(D(2026, 3, 2), 5, pauses=two).day == D(2026, 3, 12)


def test_pause_after_the_due_date_changes_nothing() -> None:
    pause = Pause(D(2026, 3, 20), D(2026, 3, 25))
    assert CAL.due_date(D(2026, 3, 2), 5, pauses=[pause]) == DueDate(D(2026, 3, 9), False)


def test_zero_length_pause_changes_nothing() -> None:
    pause = Pause(D(2026, 3, 4), D(2026, 3, 4))
    assert CAL.due_date(D(2026, 3, 2), 5, pauses=[pause]).day == D(2026, 3, 9)


def test_pause_in_natural_days_adds_calendar_days() -> None:
    # 3/2 + 10 = 3/12; two paused days → 3/14 (Sat) → 3/16.
    pause = Pause(D(2026, 3, 3), D(2026, 3, 5))
    assert CAL.due_date(D(2026, 3, 2), 10, "Z", pauses=[pause]).day == D(2026, 3, 16)


def test_open_pause_is_computed_to_as_of_and_flagged() -> None:
    open_pause = Pause(D(2026, 3, 3))
    due = CAL.due_date(D(2026, 3, 2), 5, pauses=[open_pause], as_of=D(2026, 3, 5))
    assert due == DueDate(D(2026, 3, 11), estimated=False, paused=True)
    assert due.label() == "2026-03-11（计时暂停中）"
    # A day later the date has moved on by one more working day.
    later = CAL.due_date(D(2026, 3, 2), 5, pauses=[open_pause], as_of=D(2026, 3, 6))
    assert later.day == D(2026, 3, 12)
    assert later.paused


def test_open_pause_with_as_of_not_after_start_costs_nothing_yet() -> None:
    open_pause = Pause(D(2026, 3, 3))
    due = CAL.due_date(D(2026, 3, 2), 5, pauses=[open_pause], as_of=D(2026, 3, 3))
    assert due == DueDate(D(2026, 3, 9), estimated=False, paused=True)


def test_open_pause_needs_the_callers_today() -> None:
    # The calendar never reads the wall clock itself: an open pause without as_of is a bug.
    with pytest.raises(ValueError, match="as_of"):
        CAL.due_date(D(2026, 3, 2), 10, pauses=[Pause(D(2026, 3, 5))])


def test_open_pause_begun_after_the_period_ended_does_not_flag() -> None:
    # The period ended on 3/9; a hearing opened on 3/20 cannot move it.
    due = CAL.due_date(D(2026, 3, 2), 5, pauses=[Pause(D(2026, 3, 20))], as_of=D(2026, 3, 25))
    assert due == DueDate(D(2026, 3, 9), estimated=False, paused=False)


# --- working_days_between, next_working_day ---------------------------------------------------


def test_working_days_between_positive_zero_negative() -> None:
    assert CAL.working_days_between(D(2026, 3, 6), D(2026, 3, 9)) == 1
    assert CAL.working_days_between(D(2026, 3, 2), D(2026, 3, 9)) == 5
    assert CAL.working_days_between(D(2026, 3, 9), D(2026, 3, 9)) == 0
    assert CAL.working_days_between(D(2026, 3, 7), D(2026, 3, 8)) == 0
    assert CAL.working_days_between(D(2026, 3, 9), D(2026, 3, 6)) == -1
    assert CAL.working_days_between(D(2026, 3, 9), D(2026, 3, 2)) == -5


def test_working_days_between_over_holidays() -> None:
    assert CAL.working_days_between(D(2026, 9, 30), D(2026, 10, 8)) == 1
    assert CAL.working_days_between(D(2026, 10, 8), D(2026, 9, 30)) == -1
    assert CAL.working_days_between(D(2026, 2, 13), D(2026, 2, 28)) == 6
    assert CAL.working_days_between(D(2026, 2, 28), D(2026, 2, 13)) == -6


def test_remaining_working_days_of_an_overdue_case_are_negative() -> None:
    due = CAL.due_date(D(2026, 3, 2), 5).day
    assert CAL.working_days_between(D(2026, 3, 11), due) == -2


def test_next_working_day() -> None:
    assert CAL.next_working_day(D(2026, 3, 6)) == D(2026, 3, 9)
    assert CAL.next_working_day(D(2026, 3, 9)) == D(2026, 3, 10)
    assert CAL.next_working_day(D(2026, 9, 30)) == D(2026, 10, 8)
    assert CAL.next_working_day(D(2026, 2, 13)) == D(2026, 2, 14)
    assert CAL.next_working_day(D(2026, 12, 31)) == D(2027, 1, 4)  # 元旦, then a weekend


# --- validation -------------------------------------------------------------------------------


def test_negative_limit_refused() -> None:
    with pytest.raises(ValidationError) as info:
        CAL.due_date(D(2026, 3, 2), -1)
    assert info.value.field == "limit"
    assert info.value.message == "办结时限不能为负数"


def test_absurd_limit_refused() -> None:
    assert CAL.due_date(D(2026, 3, 2), 3650, "Z").estimated
    with pytest.raises(ValidationError) as info:
        CAL.due_date(D(2026, 3, 2), 3651)
    assert info.value.field == "limit"


@pytest.mark.parametrize("n", [1.5, "5", True, None])
def test_non_integer_limit_refused(n: object) -> None:
    with pytest.raises(ValidationError) as info:
        CAL.due_date(D(2026, 3, 2), n)  # type: ignore[arg-type]
    assert info.value.field == "limit"


@pytest.mark.parametrize("unit", ["X", "", "工作日", 1, None])
def test_unknown_unit_refused(unit: object) -> None:
    with pytest.raises(ValidationError) as info:
        CAL.due_date(D(2026, 3, 2), 5, unit)  # type: ignore[arg-type]
    assert info.value.field == "unit"
    assert info.value.message == "时限单位应为 G（工作日）或 Z（自然日）"


def test_pause_ending_before_it_starts_refused() -> None:
    with pytest.raises(ValidationError) as info:
        Pause(D(2026, 3, 5), D(2026, 3, 4))
    assert info.value.field == "pause"


def test_unknown_override_kind_refused() -> None:
    with pytest.raises(ValidationError) as info:
        DayOverride(D(2026, 3, 11), "closed")
    assert info.value.field == "kind"


def test_contradicting_overrides_refused() -> None:
    day = D(2026, 3, 11)
    with pytest.raises(ValidationError) as info:
        WorkingCalendar([DayOverride(day, "holiday"), DayOverride(day, "workday")])
    assert info.value.field == "overrides"
    assert "2026-03-11" in info.value.message


def test_non_date_refused() -> None:
    with pytest.raises(ValidationError) as info:
        CAL.due_date("2026-03-02", 5)  # type: ignore[arg-type]
    assert info.value.field == "accepted_on"


def test_dates_past_the_end_of_time_refused() -> None:
    with pytest.raises(ValidationError):
        CAL.due_date(date.max - timedelta(days=2), 10)


# --- speed: the library is asked once per day, then the cache answers ------------------------


def test_library_consulted_once_per_day(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[date] = []
    real = chinese_calendar.is_workday

    def counting(day: date) -> bool:
        calls.append(day)
        return real(day)

    monkeypatch.setattr(chinese_calendar, "is_workday", counting)
    monkeypatch.setattr(calendar_module, "_LIBRARY_ANSWERS", {})
    cal = WorkingCalendar()
    first = cal.due_date(D(2026, 9, 18), 60)
    consulted = len(calls)
    assert consulted > 60
    assert consulted == len(set(calls))
    for _ in range(50):
        assert cal.due_date(D(2026, 9, 18), 60) == first
        cal.working_days_between(D(2026, 9, 18), first.day)
    # A second calendar (other overrides) reuses the library's answers too.
    other = WorkingCalendar([DayOverride(D(2026, 10, 12), "holiday")])
    # (one working day fewer, one closed day more: the same span, hence the same days asked)
    assert other.due_date(D(2026, 9, 18), 59).day == first.day
    assert len(calls) == consulted


# --- property ---------------------------------------------------------------------------------


@settings(database=None, deadline=None, max_examples=300)
@given(
    accepted_on=st.dates(min_value=D(2024, 1, 1), max_value=D(2026, 12, 31)),
    n=st.integers(min_value=0, max_value=60),
)
def test_due_date_is_n_working_days_later(accepted_on: date, n: int) -> None:
    due = CAL.due_date(accepted_on, n)
    assert CAL.working_days_between(accepted_on, due.day) == n
    if n > 0:
        assert CAL.is_working_day(due.day)
        assert due.day > accepted_on
        # Nothing later than needed: the day before the due date has one working day fewer.
        assert CAL.working_days_between(accepted_on, due.day - timedelta(days=1)) == n - 1
    else:
        assert due.day == accepted_on
    assert not due.paused
