"""Users and roles: create, log in (with lock-out), change password, change role."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from hall_desk.domain.errors import HallDeskError, NotFound, ValidationError, ValidationErrors
from hall_desk.domain.limits import MAX_NAME
from hall_desk.domain.roles import Actor, Permission, Role
from hall_desk.domain.text import WINDOW_NAME_MAX, clean_name, clean_text
from hall_desk.services import password_check
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import User
from hall_desk.store.models_login import LoginGuard

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
MAX_PASSWORD = 128  # far above any typed password; a pasted blob is refused before hashing
USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{1,31}$")

# argon2id with the library's defaults (RFC 9106 low-memory profile: 64 MiB, 3 passes), worked
# in a child process so the window never holds the 64 MiB (password_check).
_hasher = PasswordHasher()


@cache
def _decoy_hash() -> str:
    return password_check.hash_password(_hasher, "decoy-password-for-unknown-users")


def prepare_check() -> None:
    """A login or lock screen waits for a password: the check's child process starts now, so
    that pressing Enter costs argon2's own time, not an interpreter start as well."""
    password_check.prestart(_hasher)


class LoginRefused(HallDeskError):
    """Wrong name or password, or the account is locked; the message says which, safely."""


def _display_name(raw: str) -> str:
    # Printed on handover sheets and notices as the clerk's name: digits and brackets allowed
    # (值班员（二）), nothing that cannot be printed.
    name = clean_name(raw, "display_name", "姓名", organisation=True)
    if not name:
        raise ValidationError("display_name", "请填写姓名")
    if len(name) > MAX_NAME:
        raise ValidationError("display_name", f"姓名过长（最多 {MAX_NAME} 字）")
    return name


def _window(raw: str) -> str:
    return clean_text(raw, "window", "窗口名称", max_len=WINDOW_NAME_MAX)


def _check_password(password: str) -> None:
    if len(password) > MAX_PASSWORD:
        raise ValidationError("password", f"密码过长（最多 {MAX_PASSWORD} 位）")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in password):
        # A control or direction character cannot be typed at the login field again.
        raise ValidationError("password", "密码含有不能输入的字符（如控制字符）")
    if len(password) < MIN_PASSWORD:
        raise ValidationError("password", f"密码至少 {MIN_PASSWORD} 位")
    if password.isdigit() or password.isalpha():
        raise ValidationError("password", "密码须同时包含字母和数字")


def check_new_user(
    username: str, display_name: str, password: str, role: Role | str = Role.ADMIN
) -> tuple[str, str, Role]:
    """Normalised (username, display name, role), or a ValidationError naming the field."""
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise ValidationError(
            "username", "用户名应为 2–32 位小写字母、数字、点、下划线或连字符，以字母开头"
        )
    display_name = _display_name(display_name)
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError("role", f"未知角色「{role}」") from None
    if role == Role.SYSTEM:
        raise ValidationError("role", "不能创建系统角色的用户")
    _check_password(password)
    return username, display_name, role


def actor_of(user: User) -> Actor:
    return Actor(user.username, user.display_name, Role(user.role), user.window)


def create_user(
    ws: Workstation,
    actor: Actor,
    username: str,
    display_name: str,
    role: Role | str,
    password: str,
    window: str = "",
) -> Actor:
    actor.require(Permission.MANAGE_USERS)
    username, display_name, role = check_new_user(username, display_name, password, role)
    window = _window(window)
    with ws.transaction(actor) as tx:
        if tx.session.get(User, username) is not None:
            raise ValidationError("username", f"用户名「{username}」已存在")
        tx.emit(
            "user.created",
            "user",
            username,
            {
                "set": {
                    "display_name": display_name,
                    "role": role.value,
                    "password_hash": password_check.hash_password(_hasher, password),
                    "window": window,
                    "active": True,
                }
            },
        )
        tx.audit("user.create", username, {"role": role.value})
    return Actor(username, display_name, role, window)


def login(ws: Workstation, username: str, password: str, now: datetime | None = None) -> Actor:
    """Checks the password; after MAX_FAILURES wrong tries the account locks for a while."""
    now = now or ws.now()
    username = username.strip().lower()
    with ws.transaction(Actor(username or "?", username, Role.CLERK)) as tx:
        s = tx.session
        guard = s.get(LoginGuard, username) or LoginGuard(username=username, failures=0)
        if guard.locked_until and datetime.fromisoformat(guard.locked_until) > now:
            tx.audit("user.login_refused", username, {"reason": "locked"})
            left = datetime.fromisoformat(guard.locked_until) - now
            minutes = max(1, int(left.total_seconds() // 60) + 1)
            failure = LoginRefused(f"账户已锁定，请 {minutes} 分钟后再试，或请管理员解锁")
        else:
            user = s.get(User, username)
            ok = False
            # An unknown or inactive name costs one verification too, against a hash of the same
            # parameters: otherwise the time of a refusal tells which user names exist.
            stored = user.password_hash if user is not None and user.active else _decoy_hash()
            try:
                ok = (
                    password_check.verify(_hasher, stored, password)
                    and user is not None
                    and user.active
                )
            except (VerificationError, InvalidHashError):
                ok = False
            if ok and user is not None:
                guard.failures = 0
                guard.locked_until = None
                s.add(guard)
                tx.audit("user.login", username)
                return actor_of(user)
            guard.failures = (guard.failures or 0) + 1
            left_tries = MAX_FAILURES - guard.failures
            if left_tries <= 0:
                guard.locked_until = (now + timedelta(minutes=LOCK_MINUTES)).isoformat()
                guard.failures = 0
                failure = LoginRefused(
                    f"密码连续错误 {MAX_FAILURES} 次，账户锁定 {LOCK_MINUTES} 分钟"
                )
            else:
                failure = LoginRefused(f"用户名或密码错误（还可尝试 {left_tries} 次）")
            s.add(guard)
            tx.audit("user.login_failed", username, {"failures": guard.failures})
    # Raised after commit so that the failure count and its audit entry are kept.
    raise failure


def unlock(ws: Workstation, actor: Actor, username: str) -> None:
    actor.require(Permission.MANAGE_USERS)
    with ws.transaction(actor) as tx:
        guard = tx.session.get(LoginGuard, username)
        if guard is not None:
            guard.failures = 0
            guard.locked_until = None
        tx.audit("user.unlock", username)


def change_password(ws: Workstation, actor: Actor, username: str, new_password: str) -> None:
    if actor.username != username:
        actor.require(Permission.MANAGE_USERS)
    _check_password(new_password)
    with ws.transaction(actor) as tx:
        if tx.session.get(User, username) is None:
            raise NotFound(f"用户「{username}」不存在")
        tx.emit(
            "user.updated",
            "user",
            username,
            {"set": {"password_hash": password_check.hash_password(_hasher, new_password)}},
        )
        tx.audit("user.password_change", username)


def reset_password(
    ws: Workstation, actor: Actor, username: str, new_password: str, confirm: str
) -> None:
    """An admin sets a new password for someone who forgot theirs, and lifts a lock-out.

    Not for one's own account: that goes through change_own_password, which asks for the old
    password first (an unlocked admin window left alone must not give the account away)."""
    actor.require(Permission.MANAGE_USERS)
    username = username.strip().lower()
    if username == actor.username:
        raise ValidationError("username", "自己的密码请在“工具 → 修改密码”中修改（需输入原密码）")
    errors: list[ValidationError] = []
    try:
        _check_password(new_password)
    except ValidationError as exc:
        errors.append(exc)
    if new_password != confirm:
        errors.append(ValidationError("confirm", "两次输入的新密码不一致"))
    if errors:
        raise ValidationErrors(errors)
    password_hash = password_check.hash_password(_hasher, new_password)
    with ws.transaction(actor) as tx:
        if tx.session.get(User, username) is None:
            raise NotFound(f"用户「{username}」不存在")
        tx.emit("user.updated", "user", username, {"set": {"password_hash": password_hash}})
        guard = tx.session.get(LoginGuard, username)
        was_locked = guard is not None and bool(guard.failures or guard.locked_until)
        if guard is not None:
            guard.failures = 0
            guard.locked_until = None
        tx.audit("user.password_reset", username, {"unlocked": was_locked})


def change_own_password(
    ws: Workstation, actor: Actor, old_password: str, new_password: str, confirm: str
) -> None:
    """Anyone changes their own password; the old one proves it is them at the keyboard (an
    unlocked window left alone must not let a passer-by take the account)."""
    with ws.reading() as s:
        user = s.get(User, actor.username)
        stored = user.password_hash if user is not None else ""
    if user is None:
        raise NotFound(f"用户「{actor.username}」不存在")
    errors: list[ValidationError] = []
    try:
        known = bool(old_password) and password_check.verify(_hasher, stored, old_password)
    except (VerificationError, InvalidHashError):
        known = False
    if not known:
        errors.append(ValidationError("old_password", "原密码不正确"))
    try:
        _check_password(new_password)
    except ValidationError as exc:
        errors.append(exc)
    if known and new_password == old_password:
        errors.append(ValidationError("password", "新密码不能与原密码相同"))
    if new_password != confirm:
        errors.append(ValidationError("confirm", "两次输入的新密码不一致"))
    if errors:
        raise ValidationErrors(errors)
    change_password(ws, actor, actor.username, new_password)


def update_user(
    ws: Workstation,
    actor: Actor,
    username: str,
    *,
    role: Role | str | None = None,
    display_name: str | None = None,
    window: str | None = None,
    active: bool | None = None,
) -> None:
    actor.require(Permission.MANAGE_USERS)
    changes: dict[str, object] = {}
    if role is not None:
        try:
            changes["role"] = Role(role).value
        except ValueError:
            raise ValidationError("role", f"未知角色「{role}」") from None
    if display_name is not None:
        changes["display_name"] = _display_name(display_name)
    if window is not None:
        changes["window"] = _window(window)
    if active is not None:
        if not active and username == actor.username:
            raise ValidationError("active", "不能停用自己的账户")
        changes["active"] = active
    with ws.transaction(actor) as tx:
        if tx.session.get(User, username) is None:
            raise NotFound(f"用户「{username}」不存在")
        tx.emit("user.updated", "user", username, {"set": changes})
        tx.audit("user.update", username, {k: v for k, v in changes.items()})


@dataclass(frozen=True)
class UserAccount:
    """A user as the settings dialog lists it; the password hash never leaves this module."""

    username: str
    display_name: str
    role: Role
    window: str
    active: bool


def _accounts(ws: Workstation, *, active_only: bool = False) -> list[UserAccount]:
    query = select(User.username, User.display_name, User.role, User.window, User.active)
    if active_only:
        query = query.where(User.active)
    with ws.reading() as s:
        return [
            UserAccount(name, display, Role(role), window, bool(active))
            for name, display, role, window, active in s.execute(
                query.order_by(User.role, User.username)
            )
        ]


def list_users(ws: Workstation, actor: Actor) -> list[UserAccount]:
    actor.require(Permission.MANAGE_USERS)
    return _accounts(ws)


def demo_accounts(ws: Workstation) -> list[UserAccount]:
    """The active accounts a demo home shows on its login dialog; none on a real home, where
    nobody is logged in yet to be allowed to see the list."""
    if not ws.config.demo:
        return []
    return _accounts(ws, active_only=True)


def has_admin(ws: Workstation) -> bool:
    with ws.reading() as s:
        return (
            s.scalar(
                select(User.username).where(User.role == Role.ADMIN.value, User.active).limit(1)
            )
            is not None
        )
