"""会议: recording a meeting with its attendance and action items, marking an action done,
and which 晨会 and 周例会 are missing.

`record` checks every field of the form at once (each refusal beside its field) and writes one
`meeting.recorded` event; `mark_action_done` writes `meeting.action_done`. Missing meetings are
read from the hall's working calendar (domain/meetings.py says the rule).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select

from hall_desk.domain.errors import NotFound, ValidationError, ValidationErrors
from hall_desk.domain.limits import MAX_NOTE, MAX_TICKET_TEXT
from hall_desk.domain.meetings import (
    BACKDATE_DAYS,
    Attendance,
    MeetingKind,
    MissingMeeting,
    action_overdue,
    missing_meetings,
)
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services.common import iso
from hall_desk.services.staff_common import collect, moment, person, reason, text
from hall_desk.services.workstation import Workstation
from hall_desk.store.models_staff import MeetingActionRow, MeetingRow


@dataclass
class AttendeeEntry:
    username: str
    status: str = Attendance.PRESENT
    reason: str = ""  # 请假、缺席、迟到: why
    substitute: str = ""  # 代会: who came instead


@dataclass
class ActionDraft:
    text: str
    owner: str = ""  # username
    deadline: date | None = None


@dataclass
class MeetingDraft:
    kind: str = MeetingKind.MORNING
    held_at: datetime | None = None
    host: str = ""  # username
    attendees: list[AttendeeEntry] = field(default_factory=list)
    topics: str = ""
    decisions: str = ""
    actions: list[ActionDraft] = field(default_factory=list)
    late_reason: str = ""  # required when held more than 3 days ago


@dataclass(frozen=True)
class ActionView:
    id: str
    meeting_id: str
    meeting_kind: MeetingKind
    held_on: date
    text: str
    owner: str
    owner_name: str
    deadline: date
    done_on: date | None
    overdue: bool


def record(ws: Workstation, actor: Actor, draft: MeetingDraft) -> str:
    """Records a held meeting; returns its id. Refuses everything wrong at once."""
    actor.require(Permission.STAFF)
    with ws.transaction(actor) as tx:
        errors: list[ValidationError] = []
        try:
            kind = MeetingKind(draft.kind)
        except ValueError:
            kind = None
            errors.append(
                ValidationError("kind", "请选择会议类型：晨会、夕会、周例会、月度例会或专题会议")
            )
        when = collect(
            errors,
            lambda: moment(
                ws, draft.held_at, "held_at", "会议时间", BACKDATE_DAYS, draft.late_reason
            ),
        )
        host = collect(errors, lambda: person(tx, draft.host, "host", "主持人"))
        topics = collect(
            errors,
            lambda: text(
                draft.topics, "topics", "会议内容", "请填写会议内容（议题）", MAX_TICKET_TEXT
            ),
        )
        decisions = collect(
            errors, lambda: text(draft.decisions, "decisions", "会议决定", limit=MAX_TICKET_TEXT)
        )
        if kind is MeetingKind.MORNING and when is not None:
            day = when[0].date()
            same = tx.session.scalar(
                select(MeetingRow.id).where(
                    MeetingRow.kind == kind.value, MeetingRow.held_on == day
                )
            )
            if same is not None:
                errors.append(
                    ValidationError("held_at", f"{day:%Y-%m-%d} 已有晨会记录，不能重复登记")
                )
        if not draft.attendees:
            errors.append(ValidationError("attendees", "请填写应到人员及其出席情况"))
        attendance: list[dict[str, object]] = []
        seen: set[str] = set()
        for n, entry in enumerate(draft.attendees, start=1):
            where = f"attendees.{n}"
            user = collect(errors, lambda e=entry, w=where: person(tx, e.username, w, "应到人员"))
            if user is None:
                continue
            if user.username in seen:
                errors.append(ValidationError(where, f"「{user.display_name}」重复列入应到人员"))
                continue
            seen.add(user.username)
            try:
                status = Attendance(entry.status)
            except ValueError:
                errors.append(ValidationError(where, f"请选择「{user.display_name}」的出席情况"))
                continue
            why = ""
            if status.needs_reason:
                why = collect(
                    errors,
                    lambda e=entry, w=where, s=status, u=user: reason(
                        e.reason, w, "原因", f"「{u.display_name}」{s.label}，请写明原因"
                    ),
                )
                if why is None:
                    continue
            substitute = ""
            if status is Attendance.SUBSTITUTE:
                substitute = text(entry.substitute, where, "代会人员", limit=64)
                if not substitute:
                    errors.append(
                        ValidationError(where, f"「{user.display_name}」代会，请写明代会人员")
                    )
                    continue
            attendance.append(
                {
                    "username": user.username,
                    "name": user.display_name,
                    "status": status.value,
                    "reason": why,
                    "substitute": substitute,
                }
            )
        actions: list[dict[str, object]] = []
        for n, item in enumerate(draft.actions, start=1):
            where = f"actions.{n}"
            words = collect(
                errors,
                lambda i=item, w=where, k=n: text(
                    i.text, w, "待办事项", f"第 {k} 项待办事项请写明内容"
                ),
            )
            owner = collect(
                errors,
                lambda i=item, w=where: person(tx, i.owner, w, "待办事项的负责人", active=True),
            )
            if item.deadline is None:
                errors.append(ValidationError(where, f"第 {n} 项待办事项请填写完成期限"))
            elif when is not None and item.deadline < when[0].date():
                errors.append(ValidationError(where, f"第 {n} 项待办事项的完成期限早于会议日期"))
            if words and owner is not None and item.deadline is not None:
                actions.append(
                    {
                        "id": str(uuid.uuid4()),
                        "position": n,
                        "text": words,
                        "owner": owner.username,
                        "owner_name": owner.display_name,
                        "deadline": item.deadline.isoformat(),
                        "done_on": None,
                        "done_by": "",
                        "done_note": "",
                    }
                )
        if errors:
            raise ValidationErrors(errors)
        assert kind is not None and when is not None and host is not None
        held, late = when
        meeting_id = str(uuid.uuid4())
        for entry in attendance:
            entry["held_on"] = held.date().isoformat()
        tx.emit(
            "meeting.recorded",
            "meeting",
            meeting_id,
            {
                "set": {
                    "kind": kind.value,
                    "held_at": iso(held),
                    "held_on": held.date().isoformat(),
                    "host": host.username,
                    "host_name": host.display_name,
                    "topics": topics,
                    "decisions": decisions,
                    "late_reason": late,
                    "recorded_by": actor.username,
                    "workstation": ws.code,
                },
                "attendance": attendance,
                "actions": actions,
            },
        )
        absent = sum(1 for a in attendance if a["status"] != Attendance.PRESENT.value)
        tx.audit(
            "meeting.record",
            meeting_id,
            {"kind": kind.value, "on": held.date().isoformat(), "not_present": absent},
        )
        return meeting_id


def mark_action_done(ws: Workstation, actor: Actor, action_id: str, note: str = "") -> None:
    """The owner or the lead marks an action item done, once."""
    with ws.transaction(actor) as tx:
        row = tx.session.get(MeetingActionRow, action_id.strip())
        if row is None:
            raise NotFound("找不到这项待办事项")
        if actor.username != row.owner:
            actor.require(Permission.STAFF)
        if row.done_on is not None:
            raise ValidationError("action", f"这项待办事项已于 {row.done_on:%Y-%m-%d} 完成")
        words = text(note, "note", "完成情况", limit=MAX_NOTE)
        today = ws.today()
        tx.emit(
            "meeting.action_done",
            "meeting",
            row.meeting_id,
            {
                "actions": [
                    {
                        "id": row.id,
                        "done_on": today.isoformat(),
                        "done_by": actor.username,
                        "done_note": words,
                    }
                ]
            },
        )
        late = action_overdue(row.deadline, None, today)
        tx.audit("meeting.action_done", row.id, {"late": late})


def missing(ws: Workstation, start: date, through: date) -> list[MissingMeeting]:
    """晨会 missing on working days in [start, through], then 周例会 missing per week."""
    week_start = start - timedelta(days=start.weekday())
    with ws.reading() as s:
        rows = s.execute(
            select(MeetingRow.kind, MeetingRow.held_on).where(
                MeetingRow.held_on >= week_start,
                MeetingRow.held_on <= through + timedelta(days=6),
                MeetingRow.kind.in_([MeetingKind.MORNING.value, MeetingKind.WEEKLY.value]),
            )
        ).all()
        calendar = ws.calendar(s)
    morning = [day for kind, day in rows if kind == MeetingKind.MORNING.value]
    weekly = [day for kind, day in rows if kind == MeetingKind.WEEKLY.value]
    return missing_meetings(calendar, start, through, morning, weekly)


def actions(ws: Workstation, *, open_only: bool = True) -> list[ActionView]:
    """Action items, the open ones first by deadline; `overdue` as of today."""
    today = ws.today()
    with ws.reading() as s:
        query = select(MeetingActionRow, MeetingRow.kind, MeetingRow.held_on).join(
            MeetingRow, MeetingRow.id == MeetingActionRow.meeting_id
        )
        if open_only:
            query = query.where(MeetingActionRow.done_on.is_(None))
        rows = s.execute(query.order_by(MeetingActionRow.deadline, MeetingActionRow.position)).all()
    return [
        ActionView(
            a.id,
            a.meeting_id,
            MeetingKind(kind),
            held_on,
            a.text,
            a.owner,
            a.owner_name,
            a.deadline,
            a.done_on,
            action_overdue(a.deadline, a.done_on, today),
        )
        for a, kind, held_on in rows
    ]
