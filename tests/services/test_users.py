"""Users and roles: argon2id passwords, lock-out, and permissions enforced in the services."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from hall_desk.domain.errors import PermissionDenied, ValidationError
from hall_desk.domain.roles import Role
from hall_desk.services import users
from hall_desk.store.models import User
from tests.conftest import ADMIN_PASSWORD, STAFF_PASSWORD


def test_login_and_argon2id_hash(ws, clerk):
    actor = users.login(ws, "clerk1", STAFF_PASSWORD)
    assert actor.role == Role.CLERK and actor.display_name == "王晓燕"
    with ws.reading() as s:
        row = s.get(User, "clerk1")
        assert row is not None and row.password_hash.startswith("$argon2id$")
        assert STAFF_PASSWORD not in row.password_hash


def test_wrong_password_counts_down_then_locks(ws, clerk):
    now = datetime(2026, 11, 24, 9, 0).astimezone()
    for left in (4, 3, 2, 1):
        with pytest.raises(users.LoginRefused, match=f"还可尝试 {left} 次"):
            users.login(ws, "clerk1", "wrong-password1", now=now)
    with pytest.raises(users.LoginRefused, match="锁定 15 分钟"):
        users.login(ws, "clerk1", "wrong-password1", now=now)
    # Even the right password is refused while locked…
    with pytest.raises(users.LoginRefused, match="已锁定"):
        users.login(ws, "clerk1", STAFF_PASSWORD, now=now + timedelta(minutes=5))
    # …and accepted once the lock has passed.
    assert (
        users.login(ws, "clerk1", STAFF_PASSWORD, now=now + timedelta(minutes=16)).username
        == "clerk1"
    )


def test_admin_can_unlock(ws, clerk, admin):
    now = datetime.now().astimezone()
    for _ in range(5):
        with pytest.raises(users.LoginRefused):
            users.login(ws, "clerk1", "wrong-password1", now=now)
    users.unlock(ws, admin, "clerk1")
    assert users.login(ws, "clerk1", STAFF_PASSWORD, now=now).username == "clerk1"


def test_unknown_user_and_deactivated_user_are_refused_alike(ws, clerk, admin):
    with pytest.raises(users.LoginRefused, match="用户名或密码错误"):
        users.login(ws, "nobody", STAFF_PASSWORD)
    users.update_user(ws, admin, "clerk1", active=False)
    with pytest.raises(users.LoginRefused, match="用户名或密码错误"):
        users.login(ws, "clerk1", STAFF_PASSWORD)


def test_permissions_are_enforced_in_services(ws, clerk):
    with pytest.raises(PermissionDenied, match="用户管理"):
        users.create_user(ws, clerk, "x1", "某人", Role.CLERK, STAFF_PASSWORD)
    with pytest.raises(PermissionDenied):
        users.update_user(ws, clerk, "admin", role=Role.CLERK)


@pytest.mark.parametrize(
    ("username", "name", "password", "field"),
    [
        ("A", "某人", STAFF_PASSWORD, "username"),
        ("good.name", " ", STAFF_PASSWORD, "display_name"),
        ("good.name", "某人", "short1", "password"),
        ("good.name", "某人", "onlyletters", "password"),
    ],
)
def test_bad_new_user_input(ws, admin, username, name, password, field):
    with pytest.raises(ValidationError) as err:
        users.create_user(ws, admin, username, name, Role.CLERK, password)
    assert err.value.field == field


def test_duplicate_username(ws, admin, clerk):
    with pytest.raises(ValidationError, match="已存在"):
        users.create_user(ws, admin, "clerk1", "另一人", Role.CLERK, STAFF_PASSWORD)


def test_change_own_password(ws, admin):
    users.change_password(ws, admin, "admin", "newpass2027")
    with pytest.raises(users.LoginRefused):
        users.login(ws, "admin", ADMIN_PASSWORD)
    assert users.login(ws, "admin", "newpass2027").role == Role.ADMIN


def test_has_admin(ws):
    assert users.has_admin(ws)


def test_the_user_list_holds_no_password_hash_and_needs_the_permission(ws, admin, clerk):
    listed = users.list_users(ws, admin)
    assert [(u.username, u.display_name, u.role, u.window, u.active) for u in listed] == [
        ("admin", "张建国", Role.ADMIN, "", True),
        ("clerk1", "王晓燕", Role.CLERK, "综合窗口1", True),
    ]
    for account in listed:
        assert not hasattr(account, "password_hash")
        assert "$argon2" not in repr(account)
        with pytest.raises(dataclasses.FrozenInstanceError):
            account.role = Role.ADMIN  # type: ignore[misc]
    with pytest.raises(PermissionDenied):
        users.list_users(ws, clerk)


def test_only_a_demo_home_lists_its_accounts_before_login(ws, clerk):
    assert users.demo_accounts(ws) == []


def test_a_password_hashed_at_the_production_cost_still_logs_in(ws, admin):
    """Homes made by the real program carry strong hashes; the cost is read from the hash."""
    from argon2 import PasswordHasher

    users.create_user(ws, admin, "strong", "李强", Role.CLERK, STAFF_PASSWORD)
    with ws.db.write() as s:
        s.get(User, "strong").password_hash = PasswordHasher().hash(STAFF_PASSWORD)
    assert users.login(ws, "strong", STAFF_PASSWORD).username == "strong"
