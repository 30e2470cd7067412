"""Changing one's own password: the old one first, every bad field named, nothing written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hall_desk.domain.errors import ValidationErrors
from hall_desk.services import users
from hall_desk.services.users import LoginRefused
from hall_desk.store.models import AuditEntry, Event
from tests.conftest import STAFF_PASSWORD


def _counts(ws) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(Event)) or 0,
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


def test_own_password_changes_with_the_old_one(ws, clerk) -> None:
    users.change_own_password(ws, clerk, STAFF_PASSWORD, "newpass2026", "newpass2026")
    with ws.reading() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert last is not None and last.action == "user.password_change"
    assert last.target == "clerk1"
    assert users.login(ws, "clerk1", "newpass2026").username == "clerk1"
    with pytest.raises(LoginRefused):
        users.login(ws, "clerk1", STAFF_PASSWORD)


@pytest.mark.parametrize(
    ("old", "new", "confirm", "fields"),
    [
        ("wrongpass1", "newpass2026", "newpass2026", {"old_password"}),
        ("", "newpass2026", "newpass2026", {"old_password"}),
        (STAFF_PASSWORD, "short1", "short1", {"password"}),
        (STAFF_PASSWORD, "onlyletters", "onlyletters", {"password"}),
        (STAFF_PASSWORD, STAFF_PASSWORD, STAFF_PASSWORD, {"password"}),
        (STAFF_PASSWORD, "newpass2026", "newpass2027", {"confirm"}),
        ("wrongpass1", "short1", "short2", {"old_password", "password", "confirm"}),
    ],
)
def test_bad_fields_are_all_named_and_nothing_is_written(
    ws, clerk, old: str, new: str, confirm: str, fields: set[str]
) -> None:
    before = _counts(ws)
    with pytest.raises(ValidationErrors) as refused:
        users.change_own_password(ws, clerk, old, new, confirm)
    assert {e.field for e in refused.value.errors} == fields
    assert _counts(ws) == before
    assert users.login(ws, "clerk1", STAFF_PASSWORD).username == "clerk1"
