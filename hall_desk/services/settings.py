"""The workstation's settings (hall name, window, idle lock, sync, printer, appearance)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from hall_desk.domain.errors import StorageError, ValidationError
from hall_desk.domain.limits import MAX_ADDRESS
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.text import (
    PRINTER_NAME_MAX,
    clean_hall_name,
    clean_text,
    clean_window_name,
)
from hall_desk.services.credentials import without_password
from hall_desk.services.home import refuse_workstation_database
from hall_desk.services.workstation import Tx, Workstation
from hall_desk.store.db import refuse_network_path

TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# A hall's 咨询电话: one or more numbers (0475-1234567、12345), as the hall publishes them.
CONTACT_PHONE = re.compile(r"^[0-9０-９()（）+\-—－ 、,，/转]+$")
CONTACT_PHONE_MAX = 60
HALL_ADDRESS_MAX = MAX_ADDRESS
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
    extra = ws.config.extra
    return HallContact(str(extra.get("contact_phone", "")), str(extra.get("hall_address", "")))


def clean_contact_phone(raw: str) -> str:
    phone = clean_text(raw, "contact_phone", "咨询电话", max_len=CONTACT_PHONE_MAX)
    if phone and (not CONTACT_PHONE.match(phone) or sum(c.isdigit() for c in phone) < 5):
        raise ValidationError(
            "contact_phone",
            "咨询电话只能包含数字、区号连字符、括号和分隔号，如 0475-1234567、12345",
        )
    return phone


# Personal preferences any logged-in user may change for this workstation.
APPEARANCE_KEYS = {"theme", "font_scale"}
PUBLIC_EXTRA = ("contact_phone", "hall_address")


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


def emit_hall_name(tx: Tx, name: str) -> None:
    """The hall's name, shared: every workstation of the hall prints it after its next sync."""
    tx.emit("hall.setting_changed", "hall_setting", "name", {"value": name})


def update_settings(ws: Workstation, actor: Actor, **changes: Any) -> None:
    """Validates every change, then saves the config file and audits what changed."""
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
    if "contact_phone" in changes:
        config.extra["contact_phone"] = clean_contact_phone(str(changes["contact_phone"]))
    if "hall_address" in changes:
        config.extra["hall_address"] = clean_text(
            str(changes["hall_address"]), "hall_address", "大厅地址", max_len=HALL_ADDRESS_MAX
        )
    if "printer" in changes:
        config.extra["printer"] = clean_text(
            str(changes["printer"]), "printer", "打印机名称", max_len=PRINTER_NAME_MAX
        )
    if "ticket_reopen_days" in changes:
        days = changes["ticket_reopen_days"]
        if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= 30:
            raise ValidationError("ticket_reopen_days", "工单重开期限应为 0–30 个工作日")
        config.extra["ticket_reopen_days"] = days
    ws.home.save_config(config)
    ws.config = config
    after = asdict(config)
    changed = {k: after[k] for k in after if after[k] != before[k]}
    # The hall's published number and address are public: the audit keeps the new values.
    public = {
        k: config.extra.get(k, "")
        for k in PUBLIC_EXTRA
        if config.extra.get(k, "") != before["extra"].get(k, "")
    }
    with ws.transaction(actor) as tx:
        if renamed:
            emit_hall_name(tx, renamed)
        tx.audit(
            "settings.update",
            ws.code,
            {k: v for k, v in changed.items() if k != "extra"}
            | ({"extra": True} if "extra" in changed else {})
            | public
            | ({"hall": renamed} if renamed else {}),
        )
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
