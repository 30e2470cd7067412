"""Table of 好差评: one row per rating (or 未评价) of one finished service."""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# see store/base.py.
from datetime import date

from sqlalchemy import Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hall_desk.store.base import Base

# No foreign keys: a rating names the record rated, the staff member and the window as they were
# when it was given, and is folded as an entity of its own.


class RatingRow(Base):
    __tablename__ = "ratings"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rated_kind: Mapped[str] = mapped_column(String(16))  # domain.ratings.RatedKind
    # The record rated: an intake decision's or 即办 completion's event id, a delivery's id, a
    # consultation's id. One rating per record: two rows for one record (two workstations rating
    # it offline) keep the earliest by HLC; the others name it in `duplicate_of`.
    record_id: Mapped[str] = mapped_column(String(36))
    duplicate_of: Mapped[str] = mapped_column(String(36), default="")
    case_id: Mapped[str] = mapped_column(String(36), default="")
    case_no: Mapped[str] = mapped_column(String(32), default="")
    what: Mapped[str] = mapped_column(String(200), default="")  # 受理：营业执照设立登记
    staff: Mapped[str] = mapped_column(String(64), index=True)  # username (工号) who served
    staff_name: Mapped[str] = mapped_column(String(64), default="")
    window: Mapped[str] = mapped_column(String(32), default="", index=True)
    state: Mapped[str] = mapped_column(String(16))  # domain.ratings.RatingState
    level: Mapped[int | None] = mapped_column(Integer)  # 1…5; None when 未评价
    channel: Mapped[str] = mapped_column(String(16))  # domain.ratings.RatingChannel
    reasons: Mapped[str] = mapped_column(Text, default="")  # ticked 差评 reasons, one a line
    reasons_version: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")  # the applicant's own words
    proxy_reason: Mapped[str] = mapped_column(Text, default="")  # why 窗口代录
    rater_name_cipher: Mapped[str] = mapped_column(Text, default="")
    rater_name_masked: Mapped[str] = mapped_column(String(64), default="")
    rater_phone_cipher: Mapped[str] = mapped_column(Text, default="")
    rater_phone_index: Mapped[str] = mapped_column(String(32), default="", index=True)
    rater_phone_masked: Mapped[str] = mapped_column(String(32), default="")
    rated_at: Mapped[str] = mapped_column(String(32))
    rated_on: Mapped[date] = mapped_column(Date, index=True)
    recorded_by: Mapped[str] = mapped_column(String(64))  # the user logged in where it was given
    workstation: Mapped[str] = mapped_column(String(16))
    ticket_id: Mapped[str] = mapped_column(String(36), default="")  # the 整改 ticket of a 差评
    ticket_no: Mapped[str] = mapped_column(String(40), default="")
    appeal_state: Mapped[str] = mapped_column(String(16), default="")  # domain AppealState
    appeal_reason: Mapped[str] = mapped_column(Text, default="")
    appealed_by: Mapped[str] = mapped_column(String(64), default="")
    appealed_on: Mapped[date | None] = mapped_column(Date)
    reviewed_by: Mapped[str] = mapped_column(String(64), default="")
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    review_note: Mapped[str] = mapped_column(Text, default="")
    created_hlc: Mapped[str] = mapped_column(String(20))
    updated_hlc: Mapped[str] = mapped_column(String(20))
    __table_args__ = (Index("ix_ratings_record", "rated_kind", "record_id"),)
