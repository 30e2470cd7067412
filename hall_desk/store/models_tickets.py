"""Tables of the feedback desk: tickets (办不成事 / 投诉 / 建议 / 咨询 / 表扬) and their steps."""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# see store/base.py.
from datetime import date

from sqlalchemy import Boolean, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hall_desk.store.base import Base

# No foreign keys to cases or users: a ticket names them as they were when it was registered,
# and is folded as an entity of its own.


class TicketRow(Base):
    __tablename__ = "tickets"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    ticket_no: Mapped[str] = mapped_column(String(40), unique=True)
    source: Mapped[str] = mapped_column(String(16), default="desk")  # domain.tickets.Source
    source_ref: Mapped[str] = mapped_column(String(36), default="")  # e.g. the rating's id
    ticket_class: Mapped[str] = mapped_column(String(16), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    external_no: Mapped[str] = mapped_column(String(40), default="")  # 12345 工单号
    bbcs_kind: Mapped[str] = mapped_column(String(16), default="")  # "" unless 办不成事
    tier: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), index=True)
    description: Mapped[str] = mapped_column(Text)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    reporter_name: Mapped[str] = mapped_column(String(64), default="")
    phone_cipher: Mapped[str] = mapped_column(Text, default="")
    phone_index: Mapped[str] = mapped_column(String(32), default="", index=True)
    phone_masked: Mapped[str] = mapped_column(String(32), default="")
    case_id: Mapped[str] = mapped_column(String(36), default="")
    case_no: Mapped[str] = mapped_column(String(32), default="")
    window: Mapped[str] = mapped_column(String(32), default="")  # the window concerned
    staff: Mapped[str] = mapped_column(String(64), default="", index=True)  # username concerned
    staff_name: Mapped[str] = mapped_column(String(64), default="")
    received_at: Mapped[str] = mapped_column(String(32))
    received_on: Mapped[date] = mapped_column(Date, index=True)
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    paused_since: Mapped[date | None] = mapped_column(Date)
    overdue_ever: Mapped[bool] = mapped_column(Boolean, default=False)
    cause: Mapped[str] = mapped_column(Text, default="")
    dispatch_kind: Mapped[str] = mapped_column(String(16), default="")
    dispatch_to: Mapped[str] = mapped_column(String(100), default="")
    handler: Mapped[str] = mapped_column(String(64), default="")  # username dispatched to
    answer: Mapped[str] = mapped_column(Text, default="")
    answer_method: Mapped[str] = mapped_column(String(16), default="")
    answered_by: Mapped[str] = mapped_column(String(64), default="")
    answered_on: Mapped[date | None] = mapped_column(Date, index=True)
    checked_by: Mapped[str] = mapped_column(String(64), default="")
    checked_on: Mapped[date | None] = mapped_column(Date)
    callback: Mapped[str] = mapped_column(String(16), default="")  # 回访 result
    # 核查结论 of a complaint (domain.tickets.Finding); "" before it was recorded, or not needed.
    finding: Mapped[str] = mapped_column(String(16), default="")
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)
    excluded_matter: Mapped[str] = mapped_column(String(16), default="")
    reason: Mapped[str] = mapped_column(Text, default="")  # 不予受理 reason
    reopened: Mapped[bool] = mapped_column(Boolean, default=False)
    registered_by: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(16))
    created_hlc: Mapped[str] = mapped_column(String(20))
    updated_hlc: Mapped[str] = mapped_column(String(20))


class TicketStepRow(Base):
    """One step of a ticket as the timeline shows it: the event's id, actor and time."""

    __tablename__ = "ticket_steps"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the event's id
    ticket_id: Mapped[str] = mapped_column(String(36), index=True)
    step: Mapped[str] = mapped_column(String(16))  # domain.tickets.Step
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(32))  # ISO datetime from the workstation clock
    on: Mapped[date] = mapped_column(Date, index=True)
    state: Mapped[str] = mapped_column(String(16))  # the ticket's state after the step
    note: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[date | None] = mapped_column(Date)  # as it stood after the step
    hlc: Mapped[str] = mapped_column(String(20), index=True)
