"""The service catalog (事项库) and its 一件事 bundles, as projected from the catalog's events.

Mapped apart from the core tables: the intake, the catalog's pages and the rebuild read them;
a report's figures never do, and a command maps only the tables it reads (store/tables.py).
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# see store/base.py.
from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from hall_desk.store.base import Base


class ServiceItemRow(Base):
    __tablename__ = "service_items"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    legal_limit: Mapped[int] = mapped_column(Integer)
    promised_limit: Mapped[int] = mapped_column(Integer)
    limit_unit: Mapped[str] = mapped_column(String(1))
    fee: Mapped[str] = mapped_column(String(100), default="不收费")
    delivery: Mapped[str] = mapped_column(String(32), default="pickup")
    pinyin_full: Mapped[str] = mapped_column(String(800), default="")
    pinyin_initials: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # The certificates the item issues, one per line (营业执照 for a 设立登记).
    produces: Mapped[str] = mapped_column(String(400), default="", server_default="")


class MaterialRequirementRow(Base):
    __tablename__ = "material_requirements"
    item_code: Mapped[str] = mapped_column(
        ForeignKey("service_items.code", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    form: Mapped[str] = mapped_column(String(24))
    copies: Mapped[int] = mapped_column(Integer, default=1)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    deferrable: Mapped[bool] = mapped_column(Boolean, default=False)


class ThemeRow(Base):
    __tablename__ = "themes"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    pinyin_full: Mapped[str] = mapped_column(String(800), default="")
    pinyin_initials: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ThemeItemRow(Base):
    __tablename__ = "theme_items"
    theme_code: Mapped[str] = mapped_column(
        ForeignKey("themes.code", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("service_items.code", ondelete="CASCADE"))
