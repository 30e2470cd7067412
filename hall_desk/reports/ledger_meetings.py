"""会议台账: every meeting held between two dates, one row each, attendance and action items."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from hall_desk.domain.meetings import Attendance, MeetingKind
from hall_desk.domain.roles import Actor, Permission
from hall_desk.reports.xlsx import Ledger
from hall_desk.services.workstation import Workstation
from hall_desk.store.models_staff import MeetingActionRow, MeetingAttendanceRow, MeetingRow

TITLE = "会议台账"
COLUMNS: list[tuple[str, float]] = [
    ("会议日期", 11),
    ("时间", 7),
    ("会议类型", 9),
    ("主持人", 9),
    ("应到", 5),
    ("实到", 5),
    ("请假/代会", 22),
    ("缺席/迟到", 22),
    ("会议内容", 36),
    ("会议决定", 30),
    ("待办事项（负责人，期限，完成）", 44),
    ("补录原因", 20),
]


def build(ws: Workstation, actor: Actor, start: date, end: date, *, unmask: bool) -> Ledger:
    """Meetings whose day lies in [start, end], by day and time."""
    actor.require(Permission.REPORTS)
    with ws.reading() as s:
        found = list(
            s.scalars(
                select(MeetingRow)
                .where(MeetingRow.held_on >= start, MeetingRow.held_on <= end)
                .order_by(MeetingRow.held_on, MeetingRow.held_at)
            )
        )
        ids = [m.id for m in found]
        attendance: dict[str, list[MeetingAttendanceRow]] = {i: [] for i in ids}
        actions: dict[str, list[MeetingActionRow]] = {i: [] for i in ids}
        if ids:
            for a in s.scalars(
                select(MeetingAttendanceRow).where(MeetingAttendanceRow.meeting_id.in_(ids))
            ):
                attendance[a.meeting_id].append(a)
            for t in s.scalars(
                select(MeetingActionRow)
                .where(MeetingActionRow.meeting_id.in_(ids))
                .order_by(MeetingActionRow.position)
            ):
                actions[t.meeting_id].append(t)
    rows: list[list[object]] = []
    for m in found:
        people = sorted(attendance[m.id], key=lambda a: a.username)
        present = [a for a in people if a.status in (Attendance.PRESENT, Attendance.LATE)]
        excused = [
            f"{a.name}（{Attendance(a.status).label}：{a.reason or a.substitute}）"
            for a in people
            if a.status in (Attendance.LEAVE, Attendance.SUBSTITUTE)
        ]
        unexcused = [
            f"{a.name}（{Attendance(a.status).label}：{a.reason}）"
            for a in people
            if Attendance(a.status).unexcused
        ]
        items = [
            f"{t.position}. {t.text}（{t.owner_name}，{t.deadline:%m-%d}，"
            + (f"{t.done_on:%m-%d} 完成" if t.done_on else "未完成")
            + "）"
            for t in actions[m.id]
        ]
        rows.append(
            [
                None if v == "" else v
                for v in [
                    m.held_on,
                    m.held_at[11:16],
                    MeetingKind(m.kind).label,
                    m.host_name,
                    len(people),
                    len(present),
                    "；".join(excused),
                    "；".join(unexcused),
                    m.topics,
                    m.decisions,
                    "\n".join(items),
                    m.late_reason,
                ]
            ]
        )
    return Ledger(TITLE, [h for h, _ in COLUMNS], [w for _, w in COLUMNS], rows)
