"""会议: recording a meeting with its attendance and action items, marking an action done,
and which 晨会 and 周例会 are missing.

`record` checks every field of the form at once (each refusal beside its field) and writes one
`meeting.recorded` event; `mark_action_done` writes `meeting.action_done`. A saved meeting is
changed only by `correct`: the form checked again and a `meeting.corrected` event carrying the
correction record (who, why, before → after), like a 复核 of an evaluation. Missing meetings are
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
from hall_desk.services.workstation import Tx, Workstation
from hall_desk.store.models import User
from hall_desk.store.models_staff import (
    MeetingActionRow,
    MeetingAttendanceRow,
    MeetingCorrectionRow,
    MeetingRow,
)


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


def _action_view(a: MeetingActionRow, kind: MeetingKind, held_on: date, today: date) -> ActionView:
    """One stored action item as shown, `overdue` as of `today`."""
    return ActionView(
        a.id,
        a.meeting_id,
        kind,
        held_on,
        a.text,
        a.owner,
        a.owner_name,
        a.deadline,
        a.done_on,
        action_overdue(a.deadline, a.done_on, today),
    )


@dataclass
class _Checked:
    """A meeting form that passed every check: the values to store."""

    kind: MeetingKind
    held: datetime
    late_reason: str
    host: User
    topics: str
    decisions: str
    attendance: list[dict[str, object]]
    actions: list[tuple[int, str, User, date]]  # (position, text, owner, deadline)


def _check(
    tx: Tx,
    draft: MeetingDraft,
    *,
    meeting_id: str = "",
    known_when: tuple[datetime, str] | None = None,
) -> _Checked:
    """Every field of the form at once, each refusal beside its field. `meeting_id`: the
    meeting being corrected (its own 晨会 is no duplicate); `known_when`: its time as stored,
    which a correction that keeps it need not justify again."""
    ws = tx.ws
    errors: list[ValidationError] = []
    try:
        kind: MeetingKind | None = MeetingKind(draft.kind)
    except ValueError:
        kind = None
        errors.append(
            ValidationError("kind", "请选择会议类型：晨会、夕会、周例会、月度例会或专题会议")
        )
    if (
        known_when is not None
        and draft.held_at is not None
        and _same_minute(draft.held_at, known_when[0])
    ):
        when: tuple[datetime, str] | None = known_when
    else:
        when = collect(
            errors,
            lambda: moment(
                ws, draft.held_at, "held_at", "会议时间", BACKDATE_DAYS, draft.late_reason
            ),
        )
    host = collect(errors, lambda: person(tx, draft.host, "host", "主持人"))
    topics = collect(
        errors,
        lambda: text(draft.topics, "topics", "会议内容", "请填写会议内容（议题）", MAX_TICKET_TEXT),
    )
    decisions = collect(
        errors, lambda: text(draft.decisions, "decisions", "会议决定", limit=MAX_TICKET_TEXT)
    )
    if kind is MeetingKind.MORNING and when is not None:
        day = when[0].date()
        same = tx.session.scalar(
            select(MeetingRow.id).where(
                MeetingRow.kind == kind.value,
                MeetingRow.held_on == day,
                MeetingRow.id != meeting_id,
            )
        )
        if same is not None:
            errors.append(ValidationError("held_at", f"{day:%Y-%m-%d} 已有晨会记录，不能重复登记"))
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
    actions: list[tuple[int, str, User, date]] = []
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
            actions.append((n, words, owner, item.deadline))
    if errors:
        raise ValidationErrors(errors)
    assert kind is not None and when is not None and host is not None
    held, late = when
    for row in attendance:
        row["held_on"] = held.date().isoformat()
    return _Checked(kind, held, late, host, topics, decisions, attendance, actions)


def _same_minute(a: datetime, b: datetime) -> bool:
    a = a if a.tzinfo is not None else a.astimezone()
    b = b if b.tzinfo is not None else b.astimezone()
    return a.replace(second=0, microsecond=0) == b.replace(second=0, microsecond=0)


def _header(checked: _Checked) -> dict[str, object]:
    return {
        "kind": checked.kind.value,
        "held_at": iso(checked.held),
        "held_on": checked.held.date().isoformat(),
        "host": checked.host.username,
        "host_name": checked.host.display_name,
        "topics": checked.topics,
        "decisions": checked.decisions,
        "late_reason": checked.late_reason,
    }


def _action(action_id: str, n: int, words: str, owner: User, deadline: date) -> dict[str, object]:
    return {
        "id": action_id,
        "position": n,
        "text": words,
        "owner": owner.username,
        "owner_name": owner.display_name,
        "deadline": deadline.isoformat(),
        "done_on": None,
        "done_by": "",
        "done_note": "",
    }


def record(ws: Workstation, actor: Actor, draft: MeetingDraft) -> str:
    """Records a held meeting; returns its id. Refuses everything wrong at once."""
    actor.require(Permission.STAFF)
    with ws.transaction(actor) as tx:
        checked = _check(tx, draft)
        meeting_id = str(uuid.uuid4())
        tx.emit(
            "meeting.recorded",
            "meeting",
            meeting_id,
            {
                "set": {**_header(checked), "recorded_by": actor.username, "workstation": ws.code},
                "attendance": checked.attendance,
                "actions": [
                    _action(str(uuid.uuid4()), n, words, owner, deadline)
                    for n, words, owner, deadline in checked.actions
                ],
            },
        )
        absent = sum(1 for a in checked.attendance if a["status"] != Attendance.PRESENT.value)
        tx.audit(
            "meeting.record",
            meeting_id,
            {
                "kind": checked.kind.value,
                "on": checked.held.date().isoformat(),
                "not_present": absent,
            },
        )
        return meeting_id


# --- 更正 ---------------------------------------------------------------------------------------


def _attendee_words(row: dict[str, object]) -> str:
    status = Attendance(str(row["status"]))
    extra = str(row.get("substitute") or row.get("reason") or "")
    return f"{row['name']}：{status.label}" + (f"（{extra}）" if extra else "")


def _lines_of(
    header: dict[str, object],
    attendance: list[dict[str, object]],
    actions: list[dict[str, object]],
) -> dict[str, str]:
    """The meeting as labelled lines, compared one by one to say what a correction changed."""
    lines = {
        "类型": MeetingKind(str(header["kind"])).label,
        "时间": str(header["held_at"])[:16].replace("T", " "),
        "主持人": str(header["host_name"]),
        "会议内容": str(header["topics"]),
        "会议决定": str(header["decisions"]),
    }
    for row in sorted(attendance, key=lambda r: str(r["username"])):
        lines[f"出席·{row['name']}"] = _attendee_words(row)
    for row in actions:
        lines[f"待办{row['position']}"] = (
            f"{row['text']}（{row['owner_name']}，{row['deadline']} 前）"
        )
    return lines


def correct(ws: Workstation, actor: Actor, meeting_id: str, draft: MeetingDraft, why: str) -> str:
    """更正 of a saved meeting: the whole form checked again, then one `meeting.corrected`
    event with the changed values and the correction record (who, why, before → after).
    Action items already recorded stay (their text, owner or deadline may be corrected; one
    done stays done); new ones may be added. Returns the correction's id."""
    actor.require(Permission.STAFF)
    written = reason(why, "correction_reason", "更正理由", "更正会议记录须写明理由")
    with ws.transaction(actor) as tx:
        row = tx.session.get(MeetingRow, meeting_id.strip())
        if row is None:
            raise NotFound("找不到这次会议记录")
        old_attendance = [
            {
                "username": a.username,
                "name": a.name,
                "status": a.status,
                "reason": a.reason,
                "substitute": a.substitute,
            }
            for a in tx.session.scalars(
                select(MeetingAttendanceRow).where(MeetingAttendanceRow.meeting_id == row.id)
            )
        ]
        old_actions = list(
            tx.session.scalars(
                select(MeetingActionRow)
                .where(MeetingActionRow.meeting_id == row.id)
                .order_by(MeetingActionRow.position)
            )
        )
        held = datetime.fromisoformat(row.held_at)
        checked = _check(tx, draft, meeting_id=row.id, known_when=(held, row.late_reason))
        if len(checked.actions) < len(old_actions) or len(draft.actions) < len(old_actions):
            raise ValidationError(
                f"actions.{len(draft.actions) + 1}",
                "已记录的待办事项不能删除：不再需要的请标记完成并写明情况",
            )
        actions: list[dict[str, object]] = []
        for n, words, owner, deadline in checked.actions:
            if n <= len(old_actions):
                old = old_actions[n - 1]
                entry = _action(old.id, n, words, owner, deadline)
                done = old.done_on.isoformat() if old.done_on else None
                entry |= {"done_on": done, "done_by": old.done_by, "done_note": old.done_note}
            else:
                entry = _action(str(uuid.uuid4()), n, words, owner, deadline)
            actions.append(entry)
        header = _header(checked)
        old_header = {
            "kind": row.kind,
            "held_at": row.held_at,
            "host_name": row.host_name,
            "topics": row.topics,
            "decisions": row.decisions,
        }
        old_action_rows = [
            {
                "position": a.position,
                "text": a.text,
                "owner_name": a.owner_name,
                "deadline": a.deadline.isoformat(),
            }
            for a in old_actions
        ]
        before = _lines_of(old_header, old_attendance, old_action_rows)
        after = _lines_of(header, checked.attendance, actions)
        changed = [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]
        if not changed:
            raise ValidationError("correction_reason", "与原记录相同，没有需要更正的内容")
        attendance_changed = any(k.startswith("出席·") for k in changed)
        now = ws.now()
        correction_id = str(uuid.uuid4())
        payload: dict[str, object] = {
            "set": header,
            "actions": [a for a in actions if f"待办{a['position']}" in changed],
            "correction": {
                "id": correction_id,
                "by": actor.username,
                "at": iso(now),
                "on": now.date().isoformat(),
                "reason": written,
                "before": "\n".join(
                    f"{k}：{before[k]}" if k in before else f"{k}：（无）" for k in changed
                ),
                "after": "\n".join(
                    f"{k}：{after[k]}" if k in after else f"{k}：（无）" for k in changed
                ),
            },
        }
        if attendance_changed:
            payload["attendance"] = checked.attendance
            payload["attendance_replaced"] = True
        tx.emit("meeting.corrected", "meeting", row.id, payload)
        tx.audit("meeting.correct", row.id, {"changed": changed[:20]})
        return correction_id


@dataclass(frozen=True)
class Correction:
    by: str
    on: date
    reason: str
    before: str
    after: str


@dataclass(frozen=True)
class MeetingView:
    """One saved meeting as the lead reads it (and loads it into the form to correct it)."""

    id: str
    kind: MeetingKind
    held_at: datetime
    host: str
    host_name: str
    topics: str
    decisions: str
    late_reason: str
    attendance: tuple[AttendeeEntry, ...]
    attendance_text: str  # 王晓燕：缺席（未请假）；…
    actions: tuple[ActionView, ...]
    corrections: tuple[Correction, ...]


def meetings_between(ws: Workstation, start: date, end: date) -> list[MeetingView]:
    """The meetings held in [start, end], the latest first."""
    with ws.reading() as s:
        ids = list(
            s.scalars(
                select(MeetingRow.id)
                .where(MeetingRow.held_on >= start, MeetingRow.held_on <= end)
                .order_by(MeetingRow.held_at.desc())
            )
        )
    return [meeting(ws, i) for i in ids]


def meeting(ws: Workstation, meeting_id: str) -> MeetingView:
    today = ws.today()
    with ws.reading() as s:
        row = s.get(MeetingRow, meeting_id)
        if row is None:
            raise NotFound("找不到这次会议记录")
        people = list(
            s.scalars(
                select(MeetingAttendanceRow)
                .where(MeetingAttendanceRow.meeting_id == row.id)
                .order_by(MeetingAttendanceRow.username)
            )
        )
        items = list(
            s.scalars(
                select(MeetingActionRow)
                .where(MeetingActionRow.meeting_id == row.id)
                .order_by(MeetingActionRow.position)
            )
        )
        fixes = list(
            s.scalars(
                select(MeetingCorrectionRow)
                .where(MeetingCorrectionRow.meeting_id == row.id)
                .order_by(MeetingCorrectionRow.at)
            )
        )
        kind = MeetingKind(row.kind)
        return MeetingView(
            row.id,
            kind,
            datetime.fromisoformat(row.held_at),
            row.host,
            row.host_name,
            row.topics,
            row.decisions,
            row.late_reason,
            tuple(AttendeeEntry(a.username, a.status, a.reason, a.substitute) for a in people),
            "；".join(
                _attendee_words(
                    {
                        "name": a.name,
                        "status": a.status,
                        "reason": a.reason,
                        "substitute": a.substitute,
                    }
                )
                for a in people
            ),
            tuple(_action_view(a, kind, row.held_on, today) for a in items),
            tuple(Correction(c.by, c.on, c.reason, c.before, c.after) for c in fixes),
        )


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
    return [_action_view(a, MeetingKind(kind), held_on, today) for a, kind, held_on in rows]
