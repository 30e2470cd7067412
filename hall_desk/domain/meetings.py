"""晨会 / 夕会 / 周例会 / 月度例会 / 专题: kinds, attendance, and which meetings are missing.

The hall holds a 晨会 every working day of its calendar and a 周例会 every week (Monday to
Sunday) that has a working day. A day or week without its record is *missing*: the lead's
dashboard names it, nothing skips it. Pure rules: the service passes in the calendar and the
days on which meetings were held.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol


class MeetingKind(StrEnum):
    MORNING = "morning"
    EVENING = "evening"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    TOPICAL = "topical"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    MeetingKind.MORNING: "晨会",
    MeetingKind.EVENING: "夕会",
    MeetingKind.WEEKLY: "周例会",
    MeetingKind.MONTHLY: "月度例会",
    MeetingKind.TOPICAL: "专题会议",
}


class Attendance(StrEnum):
    """How an expected attendee took part. Only `absent` and `late` are unexcused."""

    PRESENT = "present"
    LATE = "late"
    LEAVE = "leave"  # 请假: excused, with the reason
    SUBSTITUTE = "substitute"  # 代会: someone attended in their place
    ABSENT = "absent"  # 缺席 without leave

    @property
    def label(self) -> str:
        return ATTENDANCE_LABELS[self]

    @property
    def needs_reason(self) -> bool:
        return self in (Attendance.LEAVE, Attendance.ABSENT, Attendance.LATE)

    @property
    def unexcused(self) -> bool:
        return self in (Attendance.ABSENT, Attendance.LATE)


ATTENDANCE_LABELS = {
    Attendance.PRESENT: "出席",
    Attendance.LATE: "迟到",
    Attendance.LEAVE: "请假",
    Attendance.SUBSTITUTE: "代会",
    Attendance.ABSENT: "缺席",
}

# A record of a meeting held more than this many days ago needs a written reason.
BACKDATE_DAYS = 3
MIN_REASON = 4


class Calendar(Protocol):
    def is_working_day(self, day: date) -> bool: ...


@dataclass(frozen=True)
class MissingMeeting:
    kind: MeetingKind
    day: date  # the working day (晨会) or the Monday of the week (周例会)

    @property
    def text(self) -> str:
        if self.kind is MeetingKind.WEEKLY:
            end = self.day + timedelta(days=6)
            return f"{self.day:%m月%d日}—{end:%m月%d日} 这一周缺少周例会记录"
        return f"{self.day:%Y-%m-%d} 缺少晨会记录"


def _days(start: date, end: date) -> Iterable[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def missing_meetings(
    calendar: Calendar,
    start: date,
    through: date,
    morning_days: Iterable[date],
    weekly_days: Iterable[date],
) -> list[MissingMeeting]:
    """Working days in [start, through] without a 晨会, then weeks without a 周例会.

    A week counts once its last working day is on or before `through` (a week still running
    may yet hold its meeting); the meeting may fall on any day of that Monday–Sunday week,
    even outside [start, through], so a month boundary inside a week changes nothing.
    """
    if through < start:
        return []
    held = set(morning_days)
    out = [
        MissingMeeting(MeetingKind.MORNING, day)
        for day in _days(start, through)
        if calendar.is_working_day(day) and day not in held
    ]
    weeks_held = {d - timedelta(days=d.weekday()) for d in weekly_days}
    out += [
        MissingMeeting(MeetingKind.WEEKLY, monday)
        for monday in weeks_due(calendar, start, through)
        if monday not in weeks_held
    ]
    return out


def weeks_due(calendar: Calendar, start: date, through: date) -> list[date]:
    """The Mondays of the weeks that owe a 周例会 for [start, through]: weeks with a working day
    on or after `start` whose last working day is on or before `through`."""
    out = []
    monday = start - timedelta(days=start.weekday())
    while monday <= through:
        working = [
            d for d in _days(monday, monday + timedelta(days=6)) if calendar.is_working_day(d)
        ]
        in_range = [d for d in working if start <= d]
        if in_range and working[-1] <= through:
            out.append(monday)
        monday += timedelta(days=7)
    return out


def action_overdue(deadline: date, done_on: date | None, today: date) -> bool:
    """An action item is overdue while it is not done and its deadline has passed."""
    return done_on is None and deadline < today
