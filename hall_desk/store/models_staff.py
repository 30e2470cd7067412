"""Tables of the lead's people work: meetings, inspections and findings, monthly evaluations.

All are folded from the meeting.*, inspection.* and evaluation.* events. No foreign keys to
users: a record names people as they were when it was written.
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# see store/base.py.
from datetime import date

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hall_desk.store.base import Base

# --- 会议 ---------------------------------------------------------------------------------------


class MeetingRow(Base):
    __tablename__ = "meetings"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)  # domain.meetings.MeetingKind
    held_at: Mapped[str] = mapped_column(String(32))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    host: Mapped[str] = mapped_column(String(64))
    host_name: Mapped[str] = mapped_column(String(64))
    topics: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    late_reason: Mapped[str] = mapped_column(Text, default="")  # why recorded days later
    recorded_by: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(16))
    created_hlc: Mapped[str] = mapped_column(String(20))
    updated_hlc: Mapped[str] = mapped_column(String(20))


class MeetingAttendanceRow(Base):
    """One expected attendee of a meeting and how they took part."""

    __tablename__ = "meeting_attendance"
    meeting_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    name: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # domain.meetings.Attendance
    reason: Mapped[str] = mapped_column(Text, default="")
    substitute: Mapped[str] = mapped_column(String(64), default="")
    held_on: Mapped[date] = mapped_column(Date, index=True)  # the meeting's day


class MeetingActionRow(Base):
    """An action item decided at a meeting, tracked until done."""

    __tablename__ = "meeting_actions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    meeting_id: Mapped[str] = mapped_column(String(36), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    owner_name: Mapped[str] = mapped_column(String(64))
    deadline: Mapped[date] = mapped_column(Date, index=True)
    done_on: Mapped[date | None] = mapped_column(Date, index=True)
    done_by: Mapped[str] = mapped_column(String(64), default="")
    done_note: Mapped[str] = mapped_column(Text, default="")


class MeetingCorrectionRow(Base):
    """更正 of a saved meeting: who, why, and what it said before and after (one line each)."""

    __tablename__ = "meeting_corrections"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    meeting_id: Mapped[str] = mapped_column(String(36), index=True)
    by: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(32))
    on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    before: Mapped[str] = mapped_column(Text)  # the changed parts as they were, one a line
    after: Mapped[str] = mapped_column(Text)  # the same parts after the correction


# --- 巡查 ---------------------------------------------------------------------------------------


class InspectionRow(Base):
    __tablename__ = "inspections"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspected_at: Mapped[str] = mapped_column(String(32))
    inspected_on: Mapped[date] = mapped_column(Date, index=True)
    inspectors: Mapped[str] = mapped_column(String(400))  # usernames, joined by ","
    inspector_names: Mapped[str] = mapped_column(String(400))  # names, joined by "、"
    area: Mapped[str] = mapped_column(String(100), default="")
    window: Mapped[str] = mapped_column(String(32), default="")
    late_reason: Mapped[str] = mapped_column(Text, default="")
    items_total: Mapped[int] = mapped_column(Integer, default=0)
    items_failed: Mapped[int] = mapped_column(Integer, default=0)
    recorded_by: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(16))
    created_hlc: Mapped[str] = mapped_column(String(20))
    updated_hlc: Mapped[str] = mapped_column(String(20))


class InspectionItemRow(Base):
    """One checklist item as it was checked (the text is kept: the checklist may change)."""

    __tablename__ = "inspection_items"
    inspection_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    group: Mapped[str] = mapped_column(String(16))  # domain.inspections.CheckGroup
    item: Mapped[str] = mapped_column(String(60))
    passed: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")


class FindingRow(Base):
    """A failed item: who or which window, how serious, the fix and its re-check."""

    __tablename__ = "findings"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(String(36), index=True)
    position: Mapped[int] = mapped_column(Integer)  # the failed item's position
    found_on: Mapped[date] = mapped_column(Date, index=True)
    staff: Mapped[str] = mapped_column(String(64), default="", index=True)
    staff_name: Mapped[str] = mapped_column(String(64), default="")
    window: Mapped[str] = mapped_column(String(32), default="")
    category: Mapped[str] = mapped_column(String(16))  # the checklist group
    item: Mapped[str] = mapped_column(String(60))
    severity: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    fix_deadline: Mapped[date] = mapped_column(Date, index=True)
    state: Mapped[str] = mapped_column(String(16), index=True)  # domain.inspections.FindingState
    fix: Mapped[str] = mapped_column(Text, default="")
    fixed_on: Mapped[date | None] = mapped_column(Date)
    fixed_by: Mapped[str] = mapped_column(String(64), default="")
    rechecked_by: Mapped[str] = mapped_column(String(64), default="")
    rechecked_on: Mapped[date | None] = mapped_column(Date)
    recheck_note: Mapped[str] = mapped_column(Text, default="")


# --- 绩效考评 -----------------------------------------------------------------------------------


class EvalSchemeRow(Base):
    """One version of the evaluation scheme; never changed once saved."""

    __tablename__ = "eval_schemes"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[str] = mapped_column(Text)  # JSON: domain.evaluation.Scheme.to_json()
    saved_by: Mapped[str] = mapped_column(String(64))
    saved_on: Mapped[date] = mapped_column(Date)
    hlc: Mapped[str] = mapped_column(String(20))


class EvaluationRow(Base):
    """A staff member's sheet for one month."""

    __tablename__ = "evaluations"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), index=True)  # YYYY-MM
    staff: Mapped[str] = mapped_column(String(64), index=True)
    staff_name: Mapped[str] = mapped_column(String(64))
    window: Mapped[str] = mapped_column(String(32), default="")
    scheme_version: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), index=True)  # domain.evaluation.SheetState
    workload: Mapped[int] = mapped_column(Integer, default=0)
    items: Mapped[str] = mapped_column(Text, default="[]")  # JSON [[name, maximum, score], …]
    bonus: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    grade: Mapped[str] = mapped_column(String(16), default="")
    computed_on: Mapped[date] = mapped_column(Date)
    checked_by: Mapped[str] = mapped_column(String(64), default="")
    published_on: Mapped[date | None] = mapped_column(Date)
    respond_by: Mapped[date | None] = mapped_column(Date)
    responded_on: Mapped[date | None] = mapped_column(Date)
    objection: Mapped[str] = mapped_column(Text, default="")
    created_hlc: Mapped[str] = mapped_column(String(20))
    updated_hlc: Mapped[str] = mapped_column(String(20))


class EvaluationLineRow(Base):
    """One line of a sheet: the item, the evidence behind it, the points."""

    __tablename__ = "evaluation_lines"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    evaluation_id: Mapped[str] = mapped_column(String(36), index=True)
    item: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))  # domain.evaluation.EvidenceKind
    ref: Mapped[str] = mapped_column(String(36), default="")  # the evidence's id
    ref_no: Mapped[str] = mapped_column(String(40), default="")  # its number, as shown
    on: Mapped[date | None] = mapped_column(Date)  # the evidence's day
    points: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    manual: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text, default="")  # a manual line's written reason
    added_by: Mapped[str] = mapped_column(String(64), default="")
    review_id: Mapped[str] = mapped_column(String(36), default="")  # the 复核 that added it


class EvaluationReviewRow(Base):
    """复核: a change to a published sheet — who, why, the total before and after."""

    __tablename__ = "evaluation_reviews"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    evaluation_id: Mapped[str] = mapped_column(String(36), index=True)
    by: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(32))
    on: Mapped[date] = mapped_column(Date, index=True)
    reason: Mapped[str] = mapped_column(Text)
    item: Mapped[str] = mapped_column(String(20))
    points: Mapped[int] = mapped_column(Integer)
    before: Mapped[int] = mapped_column(Integer)
    after: Mapped[int] = mapped_column(Integer)
