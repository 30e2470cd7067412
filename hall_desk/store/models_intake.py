"""What an intake records beside the case row: the applicant register (personal data
encrypted, a blind index and a masked form) and each case's material checklist.

Mapped apart from the core tables: the intake and the case view read them; a report's figures
never do, and a command maps only the tables it reads (store/tables.py).
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# see store/base.py.
from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hall_desk.store.base import Base


class ApplicantRow(Base):
    __tablename__ = "applicants"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # person | organisation
    id_type: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(200), index=True)
    id_cipher: Mapped[str] = mapped_column(Text)
    id_index: Mapped[str] = mapped_column(String(32), index=True)
    id_masked: Mapped[str] = mapped_column(String(32))
    phone_cipher: Mapped[str] = mapped_column(Text, default="")
    phone_index: Mapped[str] = mapped_column(String(32), default="", index=True)
    phone_masked: Mapped[str] = mapped_column(String(32), default="")
    address_cipher: Mapped[str] = mapped_column(Text, default="")
    # The birth year only: beside the masked number a finer birth fact gives the number away
    # (domain/identity.py, above mask_resident_id).
    birth_year: Mapped[int | None] = mapped_column(Integer)
    sex: Mapped[str] = mapped_column(String(4), default="")
    legal_representative: Mapped[str] = mapped_column(String(64), default="")
    contact_name: Mapped[str] = mapped_column(String(64), default="")
    updated_hlc: Mapped[str] = mapped_column(String(20))


class CaseMaterialRow(Base):
    __tablename__ = "case_materials"
    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    form: Mapped[str] = mapped_column(String(24))
    copies: Mapped[int] = mapped_column(Integer, default=1)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    deferrable: Mapped[bool] = mapped_column(Boolean, default=False)
    received: Mapped[bool] = mapped_column(Boolean, default=False)
    received_copies: Mapped[int] = mapped_column(Integer, default=0)
    deferred: Mapped[bool] = mapped_column(Boolean, default=False)  # promised later (容缺)
    # What the 一次性告知书 asks of it when it is missing (原件、加盖公章…).
    requirement: Mapped[str] = mapped_column(String(200), default="", server_default="")
