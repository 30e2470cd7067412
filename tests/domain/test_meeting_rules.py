"""Which meetings are missing: the hall's calendar decides the days, not Monday to Friday."""

from __future__ import annotations

from datetime import date, timedelta

from hall_desk.domain.calendar import DayOverride, WorkingCalendar
from hall_desk.domain.meetings import MeetingKind, MissingMeeting, missing_meetings


def test_a_holiday_expects_no_morning_meeting_and_a_working_saturday_does() -> None:
    calendar = WorkingCalendar(
        [
            DayOverride(date(2026, 11, 12), "holiday", "全楼停电"),
            DayOverride(date(2026, 11, 14), "workday", "调休上班"),
        ]
    )
    start, end = date(2026, 11, 9), date(2026, 11, 15)
    held = [start + timedelta(days=n) for n in range(7)]
    held.remove(date(2026, 11, 12))
    assert missing_meetings(calendar, start, end, held, [date(2026, 11, 13)]) == []
    held.remove(date(2026, 11, 14))
    assert missing_meetings(calendar, start, end, held, []) == [
        MissingMeeting(MeetingKind.MORNING, date(2026, 11, 14)),
        MissingMeeting(MeetingKind.WEEKLY, date(2026, 11, 9)),
    ]


def test_a_week_over_a_month_boundary_counts_its_meeting_from_either_side() -> None:
    calendar = WorkingCalendar()
    # Monday 30 November to Sunday 6 December: the 周例会 was held on Friday 4 December.
    found = missing_meetings(
        calendar,
        date(2026, 12, 1),
        date(2026, 12, 4),
        [date(2026, 12, d) for d in (1, 2, 3, 4)],
        [date(2026, 12, 4)],
    )
    assert found == []
    # Looking at November only, the week is not over on the 30th: nothing flagged yet.
    assert (
        missing_meetings(calendar, date(2026, 11, 30), date(2026, 11, 30), [date(2026, 11, 30)], [])
        == []
    )
