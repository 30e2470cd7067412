"""The workstation's settings (window, idle lock, sync, printer, appearance) and the hall's own
(name, 咨询电话, address: shared, set by the admin, arriving at every workstation by sync)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from hall_desk.domain.errors import StorageError, ValidationError
from hall_desk.domain.queue import WINDOW_KEY, clean_window_number, window_from_code
from hall_desk.domain.ratings import (
    DEFAULT_BAD_REASONS,
    MAX_REASON_LEN,
    MAX_REASONS,
    MAX_RECTIFY_DAYS,
    REASONS_SETTING,
    RECTIFY_DAYS,
    RECTIFY_SETTING,
)
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.text import (
    PRINTER_NAME_MAX,
    clean_contact_phone,
    clean_hall_address,
    clean_hall_name,
    clean_text,
    clean_window_name,
)
from hall_desk.domain.tickets import REOPEN_DAYS_MAX
from hall_desk.services.credentials import without_password
from hall_desk.services.home import refuse_workstation_database
from hall_desk.services.workstation import Tx, Workstation
from hall_desk.store.db import refuse_network_path

SCREEN_NAME_MAX = 64
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# What a notice says when the hall has not set its number or address yet.
NOT_SET = "（见窗口公示）"


@dataclass(frozen=True)
class HallContact:
    """The hall's 咨询电话 and address as every notice prints them."""

    phone: str
    address: str

    @property
    def phone_text(self) -> str:
        return self.phone or NOT_SET

    @property
    def address_text(self) -> str:
        return self.address or NOT_SET


def hall_contact(ws: Workstation) -> HallContact:
    return HallContact(ws.hall_setting("contact_phone"), ws.hall_setting("hall_address"))


# 好差评评价屏: which display of this workstation the applicant faces ("" the first one that is
# not the clerk's, "none" no screen, or a display's name), and how long it waits for an answer.
RATING_SCREEN = "rating_screen"
NO_RATING_SCREEN = "none"
RATING_TIMEOUT = "rating_timeout_seconds"
DEFAULT_RATING_TIMEOUT = 60
RATING_TIMEOUT_RANGE = (10, 600)


def rating_timeout(ws: Workstation) -> int:
    value = ws.config.extra.get(RATING_TIMEOUT, DEFAULT_RATING_TIMEOUT)
    low, high = RATING_TIMEOUT_RANGE
    ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    return value if ok else DEFAULT_RATING_TIMEOUT


# Personal preferences any logged-in user may change for this workstation.
APPEARANCE_KEYS = {"theme", "font_scale"}
# The hall's published number and address: settings of the whole hall, checked as typed here.
CONTACT_FIELDS: dict[str, Callable[[str], str]] = {
    "contact_phone": clean_contact_phone,
    "hall_address": clean_hall_address,
}


def check_shared_url(url: str) -> None:
    """PostgreSQL, or a SQLite file on this machine (never on a network share)."""
    if url.lower().startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        return
    path = url[len("sqlite:///") :] if url.lower().startswith("sqlite:///") else url
    if "://" in path or not (
        path.startswith(("/", "\\\\", "//")) or re.match(r"^[A-Za-z]:[\\/]", path)
    ):
        raise ValidationError(
            "shared_url", "共享数据库地址应为 postgresql://… 或本机 SQLite 文件的完整路径"
        )
    try:
        refuse_network_path(path)
    except StorageError as exc:
        raise ValidationError("shared_url", exc.message) from exc
    refuse_workstation_database(Path(path))


def emit_hall_setting(tx: Tx, key: str, value: str) -> None:
    """A setting of the whole hall: every workstation of the hall uses it after its next sync."""
    tx.emit("hall.setting_changed", "hall_setting", key, {"value": value})


def emit_hall_name(tx: Tx, name: str) -> None:
    emit_hall_setting(tx, "name", name)


def _published(ws: Workstation, key: str, value: str) -> bool:
    """Whether saving `value` publishes it to the hall. A value left as shown sends nothing, except
    a number or address this workstation kept locally before they were the hall's: its first save
    makes it the hall's."""
    if ws.has_hall_setting(key):
        return value != ws.hall_setting(key)
    return bool(value)


def rectify_days(ws: Workstation) -> int:
    """Working days of a 差评's 整改 (hall setting `rating_rectify_days`, default 5)."""
    raw = ws.hall_setting(RECTIFY_SETTING).strip()
    if raw.isdigit() and 1 <= int(raw) <= MAX_RECTIFY_DAYS:
        return int(raw)
    return RECTIFY_DAYS


def bad_reasons(ws: Workstation) -> list[str]:
    """The 差评 reasons the screen offers: the hall's list (hall setting `rating_bad_reasons`,
    one a line), or DEFAULT_BAD_REASONS (version BAD_REASONS_VERSION)."""
    raw = ws.hall_setting(REASONS_SETTING)
    found = [line.strip() for line in raw.splitlines() if line.strip()]
    return found or list(DEFAULT_BAD_REASONS)


def _rating_changes(ws: Workstation, changes: dict[str, Any]) -> dict[str, str]:
    """好差评's hall settings that changed: the 差评整改 period and the 差评 reasons. A value
    equal to the one in force (the default included) sends nothing."""
    out: dict[str, str] = {}
    if RECTIFY_SETTING in changes:
        days = changes[RECTIFY_SETTING]
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_RECTIFY_DAYS:
            raise ValidationError(
                RECTIFY_SETTING, f"差评整改期限应为 1–{MAX_RECTIFY_DAYS} 个工作日"
            )
        if days != rectify_days(ws):
            out[RECTIFY_SETTING] = str(days)
    if REASONS_SETTING in changes:
        raw = changes[REASONS_SETTING]
        lines = raw.splitlines() if isinstance(raw, str) else [str(r) for r in raw]
        cleaned = [
            clean_text(line, REASONS_SETTING, "差评原因", max_len=MAX_REASON_LEN) for line in lines
        ]
        reasons = list(dict.fromkeys(r for r in cleaned if r))
        if not 1 <= len(reasons) <= MAX_REASONS:
            raise ValidationError(REASONS_SETTING, f"差评原因应有 1–{MAX_REASONS} 条，每行一条")
        if reasons != bad_reasons(ws):
            out[REASONS_SETTING] = "\n".join(reasons)
    return out


# The window's language (config.extra["language"]): the system's, Chinese or English.
LANGUAGES = ("system", "zh", "en")


def update_settings(ws: Workstation, actor: Actor, **changes: Any) -> None:
    """Validates every change, publishes the hall's settings that changed, audits what changed,
    then saves the config file."""
    actor.require(Permission.MANAGE_SETTINGS)
    # Changes go to a copy: a refused value leaves the running config untouched.
    config = replace(ws.config, extra=dict(ws.config.extra))
    before = asdict(ws.config)
    renamed = ""
    if "hall" in changes:
        config.hall = clean_hall_name(str(changes["hall"]))
        # Only a real change travels: a name left as shown must not overwrite the hall's.
        renamed = config.hall if config.hall != ws.hall else ""
    if "window" in changes:
        config.window = clean_window_name(str(changes["window"]))
    if "idle_lock_minutes" in changes:
        minutes = changes["idle_lock_minutes"]
        if not isinstance(minutes, int) or not 1 <= minutes <= 120:
            raise ValidationError("idle_lock_minutes", "自动锁定时间应为 1–120 分钟")
        config.idle_lock_minutes = minutes
    if "shared_url" in changes:
        url = str(changes["shared_url"]).strip()
        if url:
            check_shared_url(url)
        config.shared_url = without_password(url, ws.home)
    if "sync_time" in changes:
        sync_time = str(changes["sync_time"]).strip()
        if not TIME.match(sync_time):
            raise ValidationError("sync_time", "每晚同步时间格式应为 HH:MM，如 02:00")
        config.sync_time = sync_time
    published: dict[str, str] = {}
    for key, clean in CONTACT_FIELDS.items():
        if key in changes:
            value = clean(str(changes[key]))
            if _published(ws, key, value):
                published[key] = value
            # From now on the hall's value is the one that prints: the local copy goes.
            config.extra.pop(key, None)
    if WINDOW_KEY in changes:
        number = clean_window_number(str(changes[WINDOW_KEY]))
        # The number the workstation code gives, left as shown, writes nothing; anything else
        # (empty included: no queue at this workstation) is this window's own setting.
        if WINDOW_KEY in config.extra or number != window_from_code(ws.code):
            config.extra[WINDOW_KEY] = number
    if "language" in changes:
        choice = str(changes["language"])
        if choice not in LANGUAGES:
            raise ValidationError("language", "界面语言应为 跟随系统、中文 或 English")
        config.extra["language"] = choice
    if "printer" in changes:
        config.extra["printer"] = clean_text(
            str(changes["printer"]), "printer", "打印机名称", max_len=PRINTER_NAME_MAX
        )
    if RATING_SCREEN in changes:
        config.extra[RATING_SCREEN] = clean_text(
            str(changes[RATING_SCREEN]), RATING_SCREEN, "评价屏", max_len=SCREEN_NAME_MAX
        )
    if RATING_TIMEOUT in changes:
        seconds = changes[RATING_TIMEOUT]
        low, high = RATING_TIMEOUT_RANGE
        if not isinstance(seconds, int) or isinstance(seconds, bool) or not low <= seconds <= high:
            raise ValidationError(RATING_TIMEOUT, f"评价等待时间应为 {low}–{high} 秒")
        config.extra[RATING_TIMEOUT] = seconds
    for key, value in _rating_changes(ws, changes).items():
        published[key] = value
    if "ticket_reopen_days" in changes:
        days = changes["ticket_reopen_days"]
        if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= REOPEN_DAYS_MAX:
            raise ValidationError(
                "ticket_reopen_days", f"工单重开期限应为 0–{REOPEN_DAYS_MAX} 个工作日"
            )
        # The hall's rule, not this window's: it travels like the hall's number and address,
        # and only when it differs from the one in force (the default included).
        from hall_desk.services import tickets

        if days != tickets.reopen_days(ws):
            published["ticket_reopen_days"] = str(days)
        config.extra.pop("ticket_reopen_days", None)
    after = asdict(config)
    changed = {k: after[k] for k in after if after[k] != before[k]}
    # The events first: refused there (a restored workstation not yet synced), the config file
    # keeps everything, the number and address it held for the hall included.
    with ws.transaction(actor) as tx:
        if renamed:
            emit_hall_name(tx, renamed)
        for key, value in published.items():
            emit_hall_setting(tx, key, value)
        tx.audit(
            "settings.update",
            ws.code,
            {k: v for k, v in changed.items() if k != "extra"}
            | ({"extra": True} if "extra" in changed else {})
            # The hall's published number and address are public: the audit keeps them.
            | published
            | ({"hall": renamed} if renamed else {}),
        )
    ws.home.save_config(config)
    ws.config = config
    ws.invalidate_hall()


def save_appearance(
    ws: Workstation, *, theme: str | None = None, font_scale: float | None = None
) -> None:
    """Theme and font scale are remembered per workstation; no permission, no audit needed."""
    if theme is not None:
        ws.config.extra["theme"] = theme
    if font_scale is not None:
        ws.config.extra["font_scale"] = round(float(font_scale), 2)
    ws.home.save_config(ws.config)
