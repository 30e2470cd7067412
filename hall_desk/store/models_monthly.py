"""Table of the monthly operations report (运营报告): one row per month, folded from its events."""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# see store/base.py.
from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hall_desk.store.base import Base


class MonthlyReportRow(Base):
    """A month's report: the lead's own sections while it is a draft, and once published the
    frozen figures (canonical JSON) it was published with, never recomputed."""

    __tablename__ = "monthly_reports"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # "2026-11"
    problems: Mapped[str] = mapped_column(Text, default="")  # 问题与整改
    plan: Mapped[str] = mapped_column(Text, default="")  # 下月工作计划
    text_saved_by: Mapped[str] = mapped_column(String(64), default="")
    text_hlc: Mapped[str] = mapped_column(String(20), default="")
    published: Mapped[str] = mapped_column(String(20), default="")  # HLC of the publication
    published_at: Mapped[str] = mapped_column(String(32), default="")
    published_by: Mapped[str] = mapped_column(String(64), default="")
    publisher_name: Mapped[str] = mapped_column(String(64), default="")
    figures: Mapped[str] = mapped_column(Text, default="")  # canonical JSON, as published
    sha256: Mapped[str] = mapped_column(String(64), default="")
    # {origin: last sequence number} of the events the published figures were counted from:
    # an event beyond it, dated inside the month, arrived late (补录).
    known: Mapped[str] = mapped_column(Text, default="{}")
