"""Checking a pulled event before it may touch the local database (shape, content, MAC, clock).

Who may write events: whoever holds the hall key. A registry of the hall's workstation codes
would add nothing on top of the MAC: a forger without the key cannot make a valid MAC under any
origin, registered or not, and a holder of the key (every workstation has it) could register
a new code as easily as MAC an event. So the MAC is the one gate, and an event "from a
workstation that never joined" is refused because nothing but a workstation can sign it.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from hall_desk.services.home import WORKSTATION_CODE
from hall_desk.store import event_kinds, eventlog
from hall_desk.store.event_kinds import RESOLVE_KIND, PayloadError

HLC = re.compile(r"^\d{13}-\d{4}$")
# An event id as this program writes it (str(uuid7)); any other spelling goes to uuid.UUID.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
CLOCK_AHEAD = "clock_ahead"
CORRUPT = "corrupt"
# A signed event that does not fold while the shared database has holes: what it needs may be
# the missing event, so it waits, kept whole, and is tried again after each pull.
WAITING = "waiting"
# A well-formed event with no MAC at all: a row from before event MACs that the workstation which
# upgraded the shared schema did not hold, so could not vouch for. Its own workstation seals it
# when it syncs with this program (push.seal_own_unsealed); until then it is held, and each pull
# looks again at its shared row (pull.retry_unsealed). A MAC that is there but wrong is FORGED.
UNSEALED = "unsealed"

__all__ = [
    "CLOCK_AHEAD",
    "CORRUPT",
    "FORGED",
    "HLC",
    "RESOLVE_KIND",
    "UNSEALED",
    "UNSEALED_REASON",
    "WAITING",
    "Incoming",
    "Refusal",
    "bad_data_reason",
    "check_event",
]


class Incoming(NamedTuple):
    """One event as it came from the shared database (or out of quarantine for a retry).

    A named tuple: a first pull makes one for every event of the hall, and a frozen dataclass
    sets each of its eleven fields through object.__setattr__."""

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
    mac: str = ""

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
            "mac": self.mac,
        }


@dataclass(frozen=True)
class Refusal:
    code: str  # CLOCK_AHEAD | CORRUPT | WAITING | UNSEALED
    reason: str  # Chinese, for the team lead and the admin


class _Bad(Exception):
    pass


# Shown to the team lead and the admin for an event whose MAC fails: what it means, what to do.
FORGED = (
    "事件校验码不符：该事件不是由持有本大厅密钥的工作站写入的，或写入后在共享数据库中被改动过"
    "（可能有人直接改写了共享数据库），已拒绝应用；请管理员检查共享数据库的访问权限"
)


UNSEALED_REASON = (
    "事件尚无校验码：它写于启用事件校验码之前，升级共享数据库的工作站未持有它，无法为它担保；"
    "工作站 {origin} 升级到本版本并同步后会为它补上校验码，本机随后自动应用；"
    "若始终补不上，它可能是有人直接写入共享数据库的记录，请管理员检查"
)


def check_event(
    ev: Incoming,
    now_ms: int,
    margin_ms: int,
    mac_key: bytes,
    *,
    hold_ahead: bool = True,
    bodies: dict[str, dict[str, Any]] | None = None,
) -> Refusal | None:
    """None when the event may be applied; otherwise why not. `bodies`: the parsed payload of
    an event that may be applied is put there under its id, so folding need not parse it again.

    An event stamped more than `margin_ms` ahead of `now_ms` (real time as this sync knows it)
    is held, not refused: its origin's clock runs fast. It is applied when that time comes, or
    as soon as its origin is seen with a corrected clock (`hold_ahead=False`, pull.py).
    """
    try:
        if not (isinstance(ev.id, str) and _CANONICAL_UUID.fullmatch(ev.id)):
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
        payload = event_kinds.checked_payload(ev.kind, ev.entity_type, ev.entity_id, ev.payload)
    except (_Bad, PayloadError) as bad:
        return Refusal(CORRUPT, f"事件内容已损坏或无法识别：{bad}")
    if not ev.mac:
        return Refusal(UNSEALED, UNSEALED_REASON.format(origin=ev.origin))
    if not eventlog.mac_ok(mac_key, ev):
        return Refusal(CORRUPT, FORGED)
    ms = int(ev.hlc[:13])  # its wall milliseconds (Timestamp.decode, without the object)
    ahead = ms - now_ms
    if hold_ahead and ahead > margin_ms:
        stamped = datetime.fromtimestamp(ms / 1000).astimezone()
        return Refusal(
            CLOCK_AHEAD,
            f"事件时间 {stamped:%Y-%m-%d %H:%M:%S} 比本机时钟超前 {ahead // 60_000} 分钟"
            f"（允许 {margin_ms // 60_000} 分钟）：工作站 {ev.origin} 的时钟可能有误，"
            f"该事件暂不应用；该工作站校正时钟后产生新记录、或时间到达后，自动补上",
        )
    if bodies is not None:
        bodies[ev.id] = payload
    return None


WAITING_REASON = (
    "该事件暂时无法应用到本机数据（{detail}）：共享数据库中有被删除的事件尚未补回，"
    "它可能依赖其中之一；补回后自动重试"
)


def bad_data_reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"事件无法应用到本机数据：{type(exc).__name__} {text}".strip()
