"""The queue's (取号/叫号) local projection, folded from the queue.* events that each window
records of what it did: each workstation's copy of the history (figures, ledger, audit), reached
by the ordinary sync like every other record. The live tables are in the hall's shared database
(store/shared_queue.py).
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# see store/base.py.
from datetime import date

from sqlalchemy import (
    BigInteger,
    Date,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from hall_desk.store.base import Base


class QueueTicketRow(Base):
    """A ticket as the events of its windows tell it (the shared row's columns, `day` a date)."""

    __tablename__ = "queue_tickets"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    queue: Mapped[str] = mapped_column(String(1))
    label: Mapped[str] = mapped_column(String(8))  # A001
    priority: Mapped[str] = mapped_column(String(8))  # domain.queue.Priority
    flags: Mapped[str] = mapped_column(String(64), default="")  # 帮您办 flags, comma-separated
    state: Mapped[str] = mapped_column(String(16), index=True)  # domain.queue.TicketState
    issued_at: Mapped[str] = mapped_column(String(32))  # ISO with offset
    issued_ms: Mapped[int] = mapped_column(BigInteger)
    called_at: Mapped[str] = mapped_column(String(32), default="")
    called_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    finished_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    window: Mapped[str] = mapped_column(String(16), default="")
    target_window: Mapped[str] = mapped_column(String(16), default="")
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    call_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    id_cipher: Mapped[str] = mapped_column(Text, default="")
    id_index: Mapped[str] = mapped_column(String(32), default="")
    id_masked: Mapped[str] = mapped_column(String(32), default="")
    visit_kind: Mapped[str] = mapped_column(String(16), default="")  # case|consultation|…
    visit_id: Mapped[str] = mapped_column(String(36), default="")
    reason: Mapped[str] = mapped_column(String(100), default="")  # why parked / transferred
    transferred_from: Mapped[str] = mapped_column(String(36), default="")
    issued_by: Mapped[str] = mapped_column(String(16), default="")  # workstation code
    called_by: Mapped[str] = mapped_column(String(64), default="")  # username
    version: Mapped[int] = mapped_column(Integer, default=1)  # the shared row's change count
