"""Failed logins of this workstation (local state: never rebuilt, never synced).

Mapped apart from the core tables: only the login reads it (store/tables.py).
"""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# see store/base.py.
from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from hall_desk.store.base import Base


class LoginGuard(Base):
    __tablename__ = "login_guard"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[str | None] = mapped_column(String(32))
