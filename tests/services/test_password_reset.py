"""An admin resets a user's password: admins only, never their own, every bad field named,
nothing written when refused, audited when done, and a lock-out lifted with it."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import func, select

from hall_desk.domain.errors import PermissionDenied, ValidationError, ValidationErrors
from hall_desk.services import users
from hall_desk.services.users import LoginRefused
from hall_desk.store.models import AuditEntry, Event
from tests.conftest import STAFF_PASSWORD

NEW = "reset2026ok"


def _counts(ws) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(Event)) or 0,
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


def _last_audit(ws) -> AuditEntry:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        s.expunge(entry)
        return entry


def test_an_admin_resets_a_locked_out_password(ws, admin, clerk) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 11, 24, 9, 0).astimezone()
    for _ in range(users.MAX_FAILURES):
        with pytest.raises(LoginRefused):
            users.login(ws, "clerk1", "forgotten99", now=now)
    users.reset_password(ws, admin, "clerk1", NEW, NEW)
    entry = _last_audit(ws)
    assert (entry.action, entry.actor, entry.target) == ("user.password_reset", "admin", "clerk1")
    assert json.loads(entry.detail) == {"unlocked": True}
    # The new password works at once (the lock went with the reset); the old one no more.
    assert users.login(ws, "clerk1", NEW, now=now).username == "clerk1"
    with pytest.raises(LoginRefused, match="用户名或密码错误"):
        users.login(ws, "clerk1", STAFF_PASSWORD, now=now)


def test_only_an_admin_resets_and_not_their_own(ws, admin, clerk) -> None:  # type: ignore[no-untyped-def]
    before = _counts(ws)
    with pytest.raises(PermissionDenied, match="用户管理"):
        users.reset_password(ws, clerk, "admin", NEW, NEW)
    with pytest.raises(ValidationError, match="修改密码") as own:
        users.reset_password(ws, admin, "admin", NEW, NEW)
    assert own.value.field == "username"
    with pytest.raises(users.NotFound):
        users.reset_password(ws, admin, "nobody", NEW, NEW)
    assert _counts(ws) == before


@pytest.mark.parametrize(
    ("new", "confirm", "fields"),
    [
        ("short1", "short1", {"password"}),
        ("onlyletters", "onlyletters", {"password"}),
        ("12345678901", "12345678901", {"password"}),
        (NEW, "reset2026no", {"confirm"}),
        ("short1", "short2", {"password", "confirm"}),
        ("reset\u202e2026", "reset\u202e2026", {"password"}),  # a direction override
        ("reset\x002026", "reset\x002026", {"password"}),
        ("a1" * 5_000_000, "a1" * 5_000_000, {"password"}),  # 10 MB, refused before hashing
    ],
    ids=["short", "letters", "digits", "mismatch", "both", "rlo", "nul", "10mb"],
)
def test_a_bad_new_password_is_refused_on_its_field(ws, admin, clerk, new, confirm, fields) -> None:  # type: ignore[no-untyped-def]
    before = _counts(ws)
    with pytest.raises((ValidationError, ValidationErrors)) as refused:
        users.reset_password(ws, admin, "clerk1", new, confirm)
    found = refused.value.errors if isinstance(refused.value, ValidationErrors) else [refused.value]
    assert {e.field for e in found} == fields
    assert all(len(e.message) < 60 for e in found)
    assert _counts(ws) == before
    assert users.login(ws, "clerk1", STAFF_PASSWORD).username == "clerk1"
