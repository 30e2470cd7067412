"""Tables of 材料流转 and 统一出件 (handoffs, handover sheets, deliveries)."""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# see store/base.py.
from datetime import date

from sqlalchemy import Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hall_desk.store.base import Base

# No foreign keys to `cases` on purpose: refolding one case deletes and rebuilds its rows, and
# these rows belong to their own entities (a handoff, a sheet, a delivery), folded separately.


class HandoffRow(Base):
    """One move of a paper folder from one station to the next: never edited, only followed."""

    __tablename__ = "handoffs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # Looked up by ix_handoffs_case_order, whose first column it is (migration 0018).
    case_id: Mapped[str] = mapped_column(String(36))
    case_no: Mapped[str] = mapped_column(String(32), index=True)
    move: Mapped[str] = mapped_column(String(16))  # collect | dispatch | … (routing.Move)
    from_station: Mapped[str] = mapped_column(String(120))
    to_station: Mapped[str] = mapped_column(String(120), index=True)
    giver: Mapped[str] = mapped_column(String(64))  # names as signed on paper
    receiver: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(32))  # ISO datetime with offset
    # Looked up by ix_handoffs_day_move, whose first column it is (migration 0018).
    on: Mapped[date] = mapped_column(Date)
    batch_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    batch_no: Mapped[str] = mapped_column(String(40), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)  # line on the handover sheet
    state: Mapped[str] = mapped_column(String(24))  # the case's state after the move
    due_date: Mapped[date | None] = mapped_column(Date)  # as it stood at the handoff
    materials: Mapped[int] = mapped_column(Integer, default=0)  # material lines in the folder
    copies: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")  # result, reason, tracking number …
    # A department's decision brought back (receive_back): "approved" | "denied"; "" otherwise.
    # Handoffs recorded before this column read their result from `state`.
    result: Mapped[str] = mapped_column(String(16), default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(16))
    hlc: Mapped[str] = mapped_column(String(20), index=True)
    # A case's handoffs in the order they happened, with what the monthly report's stays read
    # of each: that report reads the index alone, already sorted. And a day's (or month's)
    # moves with their cases, counted from the index alone.
    __table_args__ = (
        Index("ix_handoffs_case_order", "case_id", "at", "hlc", "on", "from_station", "to_station"),
        Index("ix_handoffs_day_move", "on", "move", "case_id"),
    )


class HandoverSheetRow(Base):
    """交接单: a batch of folders handed over together, signed by both sides on paper."""

    __tablename__ = "handover_sheets"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sheet_no: Mapped[str] = mapped_column(String(40), unique=True)
    move: Mapped[str] = mapped_column(String(16))
    from_station: Mapped[str] = mapped_column(String(120))
    to_station: Mapped[str] = mapped_column(String(120))
    department: Mapped[str] = mapped_column(String(100), default="", index=True)
    giver: Mapped[str] = mapped_column(String(64))
    receiver: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(32))
    on: Mapped[date] = mapped_column(Date, index=True)
    case_count: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(16))
    hlc: Mapped[str] = mapped_column(String(20))


class DeliveryRow(Base):
    """出件: one hand-out of a result, in person (本人/代领) or by post; personal data sealed."""

    __tablename__ = "deliveries"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    case_no: Mapped[str] = mapped_column(String(32), index=True)
    method: Mapped[str] = mapped_column(String(8), index=True)  # pickup | mail
    recipient_kind: Mapped[str] = mapped_column(String(16))  # applicant | proxy | mail
    on: Mapped[date] = mapped_column(Date, index=True)  # handed out, or posted
    at: Mapped[str] = mapped_column(String(32))
    result: Mapped[str] = mapped_column(String(24))  # the case's state when it was ready
    recipient_name: Mapped[str] = mapped_column(String(200))
    recipient_id_cipher: Mapped[str] = mapped_column(Text, default="")
    recipient_id_index: Mapped[str] = mapped_column(String(32), default="", index=True)
    recipient_id_masked: Mapped[str] = mapped_column(String(32), default="")
    authorisation: Mapped[str] = mapped_column(Text, default="")  # 代领授权
    phone_cipher: Mapped[str] = mapped_column(Text, default="")
    phone_index: Mapped[str] = mapped_column(String(32), default="", index=True)
    phone_masked: Mapped[str] = mapped_column(String(32), default="")
    address_cipher: Mapped[str] = mapped_column(Text, default="")
    address_masked: Mapped[str] = mapped_column(String(64), default="")
    carrier: Mapped[str] = mapped_column(String(16), default="")
    tracking_no: Mapped[str] = mapped_column(String(40), default="", index=True)
    returned_on: Mapped[date | None] = mapped_column(Date, index=True)  # 邮件退回
    return_reason: Mapped[str] = mapped_column(Text, default="")
    clerk: Mapped[str] = mapped_column(String(64), index=True)
    clerk_name: Mapped[str] = mapped_column(String(64), default="")
    window: Mapped[str] = mapped_column(String(32), default="", index=True)
    workstation: Mapped[str] = mapped_column(String(16))
    hlc: Mapped[str] = mapped_column(String(20))
