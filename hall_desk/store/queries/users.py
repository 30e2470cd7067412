"""Staff names by username: what every list and report prints for the clerk who acted.

A module of its own, so a report that names the staff maps no table beyond the users'.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_desk.store.models import User


def display_names(session: Session) -> dict[str, str]:
    return {u: n for u, n in session.execute(select(User.username, User.display_name))}
