"""Checking a pulled event before it may touch the local database (shape, content, clock)."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hall_desk.domain.clock import Timestamp
from hall_desk.services.home import WORKSTATION_CODE
from hall_desk.store.keys import CIPHER_PREFIX
from hall_desk.store.models import (
    ApplicantRow,
    Base,
    CaseItemRow,
    CaseMaterialRow,
    CaseRow,
    ConsultationRow,
    User,
)
from hall_desk.store.projections import CASE_KINDS

HLC = re.compile(r"^\d{13}-\d{4}$")
CLOCK_AHEAD = "clock_ahead"
CORRUPT = "corrupt"

RESOLVE_KIND = "sync.conflict_resolved"

# Kinds whose payload carries {"set": {column: value}} for one projection table.
_SET_MODELS: dict[str, type[Base]] = {
    **dict.fromkeys(CASE_KINDS, CaseRow),
    "applicant.recorded": ApplicantRow,
    "user.created": User,
    "user.updated": User,
    "consultation.logged": ConsultationRow,
    "consultation.updated": ConsultationRow,
}
_MATERIAL_COLUMNS = frozenset(CaseMaterialRow.__table__.columns.keys()) - {"case_id", "position"}
_ITEM_COLUMNS = frozenset(CaseItemRow.__table__.columns.keys()) - {"case_id", "position"}


@dataclass(frozen=True)
class Incoming:
    """One event as it came from the shared database (or out of quarantine for a retry)."""

    position: int
    id: str
    origin: str
    seq: int
    hlc: str
    actor: str
    kind: str
    entity_type: str
    entity_id: str
    payload: str

    def as_row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "origin": self.origin,
            "seq": self.seq,
            "hlc": self.hlc,
            "actor": self.actor,
            "kind": self.kind,
            "entity_type": self.entity_type,
            "entity_id": self.entity_id,
            "payload": self.payload,
        }


@dataclass(frozen=True)
class Refusal:
    code: str  # CLOCK_AHEAD | CORRUPT
    reason: str  # Chinese, for the team lead and the admin


class _Bad(Exception):
    pass


def _columns(model: type[Base], values: Any, where: str) -> None:
    if not isinstance(values, dict):
        raise _Bad(f"{where} 应为对象")
    unknown = set(values) - set(model.__table__.columns.keys())
    if unknown:
        raise _Bad(f"{where} 含有未知字段：{'、'.join(sorted(map(str, unknown)))}")
    _ciphertext_only(values, where)


def _ciphertext_only(values: dict[str, Any], where: str) -> None:
    # Personal data travels as ciphertext only; a plaintext value in a *_cipher field is refused.
    for key, value in values.items():
        if key.endswith("_cipher") and value and not str(value).startswith(CIPHER_PREFIX):
            raise _Bad(f"{where}.{key} 不是密文（个人信息必须加密传输）")


def _rows(values: Any, allowed: frozenset[str], where: str) -> None:
    if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
        raise _Bad(f"{where} 应为对象列表")
    for value in values:
        unknown = set(value) - allowed
        if unknown:
            raise _Bad(f"{where} 含有未知字段：{'、'.join(sorted(map(str, unknown)))}")
        _ciphertext_only(value, where)


def _check_payload(kind: str, p: dict[str, Any]) -> None:
    model = _SET_MODELS.get(kind)
    if model is not None and ("set" in p or kind not in CASE_KINDS):
        _columns(model, p.get("set"), "set")
    if kind in CASE_KINDS:
        if "items" in p:
            _rows(p["items"], _ITEM_COLUMNS, "items")
        if "materials" in p:
            _rows(p["materials"], _MATERIAL_COLUMNS, "materials")
        updates = p.get("material_updates", {})
        if not isinstance(updates, dict):
            raise _Bad("material_updates 应为对象")
        for position, changes in updates.items():
            if not str(position).isdigit():
                raise _Bad(f"material_updates 的材料序号「{position}」无效")
            _columns(CaseMaterialRow, changes, f"material_updates.{position}")
    elif kind == "catalog.imported":
        if not isinstance(p.get("items"), list) or not isinstance(p.get("themes"), list):
            raise _Bad("事项库事件缺少 items 或 themes 列表")
    elif kind == "calendar.override_set":
        if p.get("kind") not in ("holiday", "workday"):
            raise _Bad("日历调整的类型无效")
    elif kind == RESOLVE_KIND and not (
        isinstance(p.get("case_id"), str) and isinstance(p.get("note"), str)
    ):
        raise _Bad("冲突处理事件缺少 case_id 或 note")


def check_event(ev: Incoming, now_ms: int, margin_ms: int) -> Refusal | None:
    """None when the event may be applied; otherwise why not."""
    try:
        try:
            uuid.UUID(ev.id)
        except (ValueError, TypeError, AttributeError) as exc:
            raise _Bad("事件编号不是有效的 UUID") from exc
        if not isinstance(ev.origin, str) or not WORKSTATION_CODE.match(ev.origin):
            raise _Bad(f"来源工作站编码「{ev.origin}」无效")
        if not isinstance(ev.seq, int) or ev.seq < 1:
            raise _Bad(f"事件序号「{ev.seq}」无效")
        if not isinstance(ev.hlc, str) or not HLC.match(ev.hlc):
            raise _Bad(f"事件时间戳「{ev.hlc}」格式无效")
        if not ev.kind or not ev.entity_type or not ev.entity_id:
            raise _Bad("事件缺少类型或对象")
        try:
            payload = json.loads(ev.payload)
        except (ValueError, TypeError) as exc:
            raise _Bad("事件内容不是有效的 JSON") from exc
        if not isinstance(payload, dict):
            raise _Bad("事件内容应为 JSON 对象")
        _check_payload(ev.kind, payload)
    except _Bad as bad:
        return Refusal(CORRUPT, f"事件内容已损坏或无法识别：{bad}")
    ahead = Timestamp.decode(ev.hlc).ms - now_ms
    if ahead > margin_ms:
        stamped = datetime.fromtimestamp(Timestamp.decode(ev.hlc).ms / 1000).astimezone()
        return Refusal(
            CLOCK_AHEAD,
            f"事件时间 {stamped:%Y-%m-%d %H:%M:%S} 比本机时钟超前 {ahead // 60_000} 分钟"
            f"（允许 {margin_ms // 60_000} 分钟）：工作站 {ev.origin} 的时钟可能有误，"
            f"该事件暂不应用，时间到达后自动补上",
        )
    return None


def bad_data_reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"事件无法应用到本机数据：{type(exc).__name__} {text}".strip()
