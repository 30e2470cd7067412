"""What the meeting, inspection and evaluation services share: people, times and reasons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from hall_desk.domain.errors import ValidationError
from hall_desk.domain.limits import MAX_NOTE
from hall_desk.domain.roles import Actor, Permission, Role
from hall_desk.domain.text import clean_text
from hall_desk.services.workstation import Tx, Workstation
from hall_desk.store.models import User

MIN_REASON = 4  # characters of a written reason


def collect(errors: list[ValidationError], check: Any) -> Any:
    """Runs `check`; a refusal joins `errors` (so a form shows every problem at once)."""
    try:
        return check()
    except ValidationError as exc:
        errors.append(exc)
        return None


def text(raw: str, field: str, label: str, required: str = "", limit: int = MAX_NOTE) -> str:
    cleaned = clean_text(raw, field, label, max_len=limit, multiline=True)
    if required and not cleaned:
        raise ValidationError(field, required)
    return cleaned


def reason(raw: str, field: str, label: str, required: str) -> str:
    cleaned = text(raw, field, label, required)
    if len(cleaned) < MIN_REASON:
        raise ValidationError(field, f"{required}（至少 {MIN_REASON} 个字）")
    return cleaned


def person(tx: Tx, username: str, field: str, label: str, *, active: bool = False) -> User:
    """A user named by username; refused in words otherwise. What happened (who attended, who
    was found at fault) may name someone who has left since; new work (`active`) may not."""
    name = username.strip()
    if not name:
        raise ValidationError(field, f"请选择{label}")
    user = tx.session.get(User, name)
    if user is None or (active and not user.active):
        raise ValidationError(field, f"找不到在岗的工作人员「{name[:20]}」（{label}）")
    return user


def moment(
    ws: Workstation,
    at: datetime | None,
    field: str,
    what: str,
    backdate_days: int,
    late_reason: str,
) -> tuple[datetime, str]:
    """When the thing happened: required, not in the future, and more than `backdate_days`
    ago only with a written reason. Returns the time and the cleaned reason."""
    if at is None:
        raise ValidationError(field, f"请填写{what}")
    now = ws.now()
    at = at if at.tzinfo is not None else at.astimezone()
    if at > now + timedelta(minutes=1):
        raise ValidationError(field, f"{what}不能晚于现在（{now:%Y-%m-%d %H:%M}）")
    written = text(late_reason, "late_reason", "补录原因")
    if (now.date() - at.date()).days > backdate_days and len(written) < MIN_REASON:
        raise ValidationError(
            "late_reason",
            f"{what}已超过 {backdate_days} 天，补录须写明原因（至少 {MIN_REASON} 个字）",
        )
    return at, written


def month_bounds(month: str) -> tuple[date, date]:
    """'2026-11' → (1 November, 30 November); refused in words when not a month."""
    try:
        year, number = (int(part) for part in month.split("-"))
        first = date(year, number, 1)
    except (ValueError, TypeError):
        raise ValidationError(
            "month", f"月份应写作 YYYY-MM，如 2026-11（收到「{month[:20]}」）"
        ) from None
    following = date(year + number // 12, number % 12 + 1, 1)
    return first, following - timedelta(days=1)


@dataclass(frozen=True)
class Person:
    username: str
    display_name: str
    window: str
    role: Role


def people(ws: Workstation, actor: Actor) -> list[Person]:
    """The active staff the lead's forms name (window posts, leads), by window."""
    actor.require(Permission.STAFF)
    with ws.reading() as s:
        rows = s.execute(
            select(User.username, User.display_name, User.window, User.role)
            .where(
                User.active, User.role.in_((Role.CLERK.value, Role.ROUTER.value, Role.LEAD.value))
            )
            .order_by(User.role, User.window, User.username)
        ).all()
    return [Person(u, n, w, Role(r)) for u, n, w, r in rows]
