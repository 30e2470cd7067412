"""会议: records with attendance and action items, refusals, and the missing 晨会 and 周例会."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from hall_desk.domain.errors import PermissionDenied, ValidationError, ValidationErrors
from hall_desk.domain.meetings import MeetingKind, MissingMeeting
from hall_desk.services import meetings
from hall_desk.services.meetings import ActionDraft, AttendeeEntry, MeetingDraft
from hall_desk.store import projections
from hall_desk.store.models_staff import MeetingActionRow, MeetingAttendanceRow, MeetingRow
from tests.services import staff_helpers
from tests.services.staff_helpers import Hall

hall = staff_helpers.hall


def morning(h: Hall, day: date, **changes: object) -> MeetingDraft:
    held = h.at(day)
    h.at(day, 17, 0)  # recorded at the end of the day
    draft = MeetingDraft(
        kind=MeetingKind.MORNING,
        held_at=held,
        host="lead1",
        attendees=[AttendeeEntry("clerk1"), AttendeeEntry("clerk2"), AttendeeEntry("router")],
        topics="昨日办件情况通报；今日重点提醒",
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def refused(h: Hall, call, field: str, message: str) -> None:  # type: ignore[no-untyped-def]
    before = h.counts()
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        call()
    found = caught.value.errors if isinstance(caught.value, ValidationErrors) else [caught.value]
    assert (field, message) in [(e.field, e.message) for e in found], found
    assert h.counts() == before


def working_days(h: Hall, start: date, end: date) -> list[date]:
    calendar = h.ws.calendar()
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    return [d for d in days if calendar.is_working_day(d)]


def test_twenty_working_days_with_nineteen_morning_meetings_name_the_one_missing(hall):
    days = working_days(hall, date(2026, 11, 2), date(2026, 11, 27))
    assert len(days) == 20
    for day in days:
        if day != date(2026, 11, 12):
            meetings.record(hall.ws, hall.lead, morning(hall, day))
        if day.weekday() == 0:
            meetings.record(
                hall.ws,
                hall.lead,
                morning(
                    hall, day, kind=MeetingKind.WEEKLY, held_at=hall.at(day, 16).replace(hour=16)
                ),
            )
    hall.at(date(2026, 11, 30), 17)
    found = meetings.missing(hall.ws, date(2026, 11, 2), date(2026, 11, 27))
    assert found == [MissingMeeting(MeetingKind.MORNING, date(2026, 11, 12))]
    assert found[0].text == "2026-11-12 缺少晨会记录"
    # Recounted by hand: the working days less the days with a 晨会 record.
    with hall.ws.reading() as s:
        held = {
            date.fromisoformat(str(d))
            for (d,) in s.execute(
                text("SELECT DISTINCT held_on FROM meetings WHERE kind = 'morning'")
            )
        }
    assert sorted(set(days) - held) == [date(2026, 11, 12)]


def test_a_week_without_its_weekly_meeting_is_flagged_once_the_week_is_over(hall):
    for day in working_days(hall, date(2026, 11, 16), date(2026, 11, 27)):
        meetings.record(hall.ws, hall.lead, morning(hall, day))
    meetings.record(
        hall.ws,
        hall.lead,
        morning(
            hall,
            date(2026, 11, 20),
            kind=MeetingKind.WEEKLY,
            held_at=hall.at(date(2026, 11, 20), 16),
        ),
    )
    hall.at(date(2026, 11, 30), 17)
    found = meetings.missing(hall.ws, date(2026, 11, 16), date(2026, 11, 27))
    assert found == [MissingMeeting(MeetingKind.WEEKLY, date(2026, 11, 23))]
    assert found[0].text == "11月23日—11月29日 这一周缺少周例会记录"
    # The week of the 30th is still running on the 30th: nothing missing yet.
    assert meetings.missing(hall.ws, date(2026, 11, 30), date(2026, 11, 30)) == [
        MissingMeeting(MeetingKind.MORNING, date(2026, 11, 30))
    ]


def test_a_meeting_keeps_its_attendance_and_action_items_until_done(hall):
    day = date(2026, 11, 30)
    meeting_id = meetings.record(
        hall.ws,
        hall.lead,
        morning(
            hall,
            day,
            attendees=[
                AttendeeEntry("clerk1"),
                AttendeeEntry("clerk2", "leave", reason="家中有事请假半天"),
                AttendeeEntry("router", "absent", reason="未请假，电话未接"),
            ],
            decisions="综合窗口午间不断档",
            actions=[ActionDraft("整理一次性告知书模板", "clerk1", date(2026, 12, 2))],
        ),
    )
    with hall.ws.reading() as s:
        row = s.get(MeetingRow, meeting_id)
        assert row is not None and row.host_name == "李秀兰" and row.held_on == day
        statuses = dict(
            s.execute(
                select(MeetingAttendanceRow.username, MeetingAttendanceRow.status).where(
                    MeetingAttendanceRow.meeting_id == meeting_id
                )
            ).all()
        )
    assert statuses == {"clerk1": "present", "clerk2": "leave", "router": "absent"}
    [open_item] = meetings.actions(hall.ws)
    assert (open_item.owner_name, open_item.deadline, open_item.overdue) == (
        "王晓燕",
        date(2026, 12, 2),
        False,
    )
    hall.at(date(2026, 12, 3), 9)
    assert meetings.actions(hall.ws)[0].overdue is True
    # Someone else's action item is not the router's to close; the owner closes it.
    with pytest.raises(PermissionDenied):
        meetings.mark_action_done(hall.ws, hall.router, open_item.id, "")
    meetings.mark_action_done(hall.ws, hall.clerk, open_item.id, "模板已更新并打印")
    assert meetings.actions(hall.ws) == []
    refused(
        hall,
        lambda: meetings.mark_action_done(hall.ws, hall.lead, open_item.id),
        "action",
        "这项待办事项已于 2026-12-03 完成",
    )
    # Replaying the events gives the same tables.
    with hall.ws.db.write() as s:
        projections.rebuild_all(s, hall.ws.key.event_key)
    with hall.ws.reading() as s:
        done = s.get(MeetingActionRow, open_item.id)
        assert done is not None and done.done_on == date(2026, 12, 3)
        assert done.done_note == "模板已更新并打印"
        assert len(s.scalars(select(MeetingAttendanceRow)).all()) == 3


def test_a_meeting_is_refused_beside_each_wrong_field_and_nothing_is_written(hall):
    day = date(2026, 11, 30)
    call = lambda **c: lambda: meetings.record(hall.ws, hall.lead, morning(hall, day, **c))  # noqa: E731
    refused(hall, call(host=""), "host", "请选择主持人")
    refused(hall, call(held_at=None), "held_at", "请填写会议时间")
    refused(hall, call(topics=" "), "topics", "请填写会议内容（议题）")
    refused(hall, call(attendees=[]), "attendees", "请填写应到人员及其出席情况")
    refused(
        hall,
        call(attendees=[AttendeeEntry("clerk1", "absent")]),
        "attendees.1",
        "「王晓燕」缺席，请写明原因",
    )
    refused(
        hall,
        call(attendees=[AttendeeEntry("clerk1", "substitute")]),
        "attendees.1",
        "「王晓燕」代会，请写明代会人员",
    )
    refused(
        hall,
        call(actions=[ActionDraft("补齐台账", "clerk1", None)]),
        "actions.1",
        "第 1 项待办事项请填写完成期限",
    )
    refused(
        hall,
        call(actions=[ActionDraft("补齐台账", "", date(2026, 12, 4))]),
        "actions.1",
        "请选择待办事项的负责人",
    )
    refused(
        hall,
        call(held_at=datetime(2026, 11, 20, 8, 30).astimezone()),
        "late_reason",
        "会议时间已超过 3 天，补录须写明原因（至少 4 个字）",
    )
    refused(
        hall,
        call(held_at=datetime(2026, 12, 1, 8, 30).astimezone()),
        "held_at",
        "会议时间不能晚于现在（2026-11-30 17:00）",
    )
    meetings.record(hall.ws, hall.lead, morning(hall, day))
    refused(hall, call(), "held_at", "2026-11-30 已有晨会记录，不能重复登记")
    # Back-dated with a reason is accepted.
    hall.at(day, 9)
    meetings.record(
        hall.ws,
        hall.lead,
        morning(
            hall,
            day,
            held_at=datetime(2026, 11, 20, 8, 30).astimezone(),
            late_reason="纸质记录本补录入系统",
        ),
    )
    with pytest.raises(PermissionDenied):
        meetings.record(hall.ws, hall.clerk, morning(hall, date(2026, 11, 27)))


def _draft_of(view: meetings.MeetingView) -> MeetingDraft:
    """The saved meeting as the form loads it for a correction."""
    return MeetingDraft(
        kind=view.kind.value,
        held_at=view.held_at,
        host=view.host,
        attendees=[
            AttendeeEntry(a.username, a.status, a.reason, a.substitute) for a in view.attendance
        ],
        topics=view.topics,
        decisions=view.decisions,
        actions=[ActionDraft(a.text, a.owner, a.deadline) for a in view.actions],
    )


def test_a_saved_meeting_changes_only_by_a_correction_record(hall):
    draft = morning(
        hall,
        date(2026, 11, 2),
        actions=[
            ActionDraft("更新办事指南", "clerk1", date(2026, 11, 6)),
            ActionDraft("检查叫号机", "router", date(2026, 11, 4)),
        ],
    )
    meeting_id = meetings.record(hall.ws, hall.lead, draft)
    action_ids = [a.id for a in meetings.meeting(hall.ws, meeting_id).actions]
    meetings.mark_action_done(hall.ws, hall.lead, action_ids[1], "已检修")
    hall.at(date(2026, 11, 10), 17)  # eight days later: a correction needs no 补录 reason
    fixed = _draft_of(meetings.meeting(hall.ws, meeting_id))
    fixed.attendees[0] = AttendeeEntry("clerk1", "absent", reason="未请假未到会")
    fixed.actions[0] = ActionDraft("更新办事指南并上墙", "clerk2", date(2026, 11, 13))
    fixed.actions.append(ActionDraft("补充一次性告知书模板", "clerk1", date(2026, 11, 20)))
    refused(
        hall,
        lambda: meetings.correct(hall.ws, hall.lead, meeting_id, fixed, ""),
        "correction_reason",
        "更正会议记录须写明理由",
    )
    unchanged = _draft_of(meetings.meeting(hall.ws, meeting_id))
    refused(
        hall,
        lambda: meetings.correct(hall.ws, hall.lead, meeting_id, unchanged, "核对签到表"),
        "correction_reason",
        "与原记录相同，没有需要更正的内容",
    )
    dropped = _draft_of(meetings.meeting(hall.ws, meeting_id))
    dropped.actions.pop()
    refused(
        hall,
        lambda: meetings.correct(hall.ws, hall.lead, meeting_id, dropped, "核对签到表"),
        "actions.2",
        "已记录的待办事项不能删除：不再需要的请标记完成并写明情况",
    )
    with pytest.raises(PermissionDenied):
        meetings.correct(hall.ws, hall.clerk, meeting_id, fixed, "核对签到表")
    meetings.correct(hall.ws, hall.lead, meeting_id, fixed, "核对签到表，王晓燕当日未到会")
    view = meetings.meeting(hall.ws, meeting_id)
    (correction,) = view.corrections
    assert (correction.by, correction.reason) == ("lead1", "核对签到表，王晓燕当日未到会")
    assert correction.before.split("\n") == [
        "出席·王晓燕：王晓燕：出席",
        "待办1：更新办事指南（王晓燕，2026-11-06 前）",
        "待办3：（无）",
    ]
    assert correction.after.split("\n") == [
        "出席·王晓燕：王晓燕：缺席（未请假未到会）",
        "待办1：更新办事指南并上墙（刘海涛，2026-11-13 前）",
        "待办3：补充一次性告知书模板（王晓燕，2026-11-20 前）",
    ]
    # The tables say the same, counted by hand; the done action stays done, ids stay.
    with hall.ws.reading() as s:
        statuses = dict(
            s.execute(
                text("SELECT username, status FROM meeting_attendance WHERE meeting_id = :m"),
                {"m": meeting_id},
            ).all()
        )
        actions = s.execute(
            text(
                "SELECT id, position, owner, done_on FROM meeting_actions"
                " WHERE meeting_id = :m ORDER BY position"
            ),
            {"m": meeting_id},
        ).all()
        corrections = s.scalar(
            text("SELECT count(*) FROM meeting_corrections WHERE meeting_id = :m"),
            {"m": meeting_id},
        )
    assert statuses == {"clerk1": "absent", "clerk2": "present", "router": "present"}
    assert [a[0] for a in actions[:2]] == action_ids and len(actions) == 3
    assert [a[2] for a in actions] == ["clerk2", "router", "clerk1"]
    assert actions[1][3] is not None and actions[0][3] is None
    assert corrections == 1
    # A rebuild from the events gives the corrected meeting again.
    with hall.ws.db.write() as s:
        projections.rebuild_all(s, hall.ws.key.event_key)
    again = meetings.meeting(hall.ws, meeting_id)
    assert again == view
