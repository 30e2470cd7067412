"""全程留痕: the append-only, hash-chained audit log and its verification."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from hall_desk.store import driver
from hall_desk.store.models import AuditEntry, Event

GENESIS = "0" * 64


# Made once, not per entry (json.dumps with options makes an encoder each call): the same bytes.
_BODY_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_DETAIL_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=8)
def _keyed(key: bytes) -> hmac.HMAC:
    """The HMAC state after the key, made once per key and copied per entry (the key's padding
    is hashed once, not for every entry of a bulk path or a verify)."""
    return hmac.new(key, digestmod=hashlib.sha256)


def _digest(key: bytes, entry: AuditEntry | NewEntry, detail: str | None = None) -> str:
    body = _BODY_JSON.encode(
        [
            entry.seq,
            entry.at,
            entry.workstation,
            entry.actor,
            entry.action,
            entry.target,
            entry.detail if detail is None else detail,
            entry.prev_hash,
        ]
    )
    mac = _keyed(key).copy()
    mac.update(body.encode("utf-8"))
    return mac.hexdigest()


@dataclass(slots=True)
class NewEntry:
    """An entry as `new_entry` makes it: the columns of an `AuditEntry` row, as plain
    attributes (an ORM object of its own, never added to a session, cost a good part of every
    audited action)."""

    seq: int
    at: str
    workstation: str
    actor: str
    action: str
    target: str
    detail: str
    prev_hash: str
    hash: str = ""
    scrubbed_original: str = ""


def new_entry(
    key: bytes,
    last: Anchor | None,
    *,
    workstation: str,
    actor: str,
    action: str,
    target: str = "",
    detail: dict[str, Any] | None = None,
    at: datetime,
) -> NewEntry:
    """The entry that follows `last` (the chain's head), hashed; not yet in any session."""
    entry = NewEntry(
        seq=(last.seq + 1) if last else 1,
        at=at.isoformat(timespec="seconds"),
        workstation=workstation,
        actor=actor,
        action=action,
        target=target,
        detail=_DETAIL_JSON.encode(detail or {}),
        prev_hash=last.hash if last else GENESIS,
    )
    entry.hash = _digest(key, entry)
    return entry


_AUDIT_COLUMNS = tuple(c.name for c in AuditEntry.__table__.columns)
_INSERT_SQL = (
    f"INSERT INTO audit_log ({', '.join(_AUDIT_COLUMNS)})"
    f" VALUES ({', '.join('?' for _ in _AUDIT_COLUMNS)})"
)
_entry_values = attrgetter(*_AUDIT_COLUMNS)


def insert_entry(session: Session, entry: NewEntry) -> None:
    """Writes a new entry straight to the local database (SQLite), not through the session:
    one ORM flush per entry was a large part of every bulk path."""
    driver.execute(session, _INSERT_SQL, _entry_values(entry))


# --- the anchor: the chain's length and head, kept outside the database ------------------------
#
# A chain alone cannot show that its newest entries (or all of them) were deleted: what is left
# still links. The anchor remembers how long the chain was and what its head was, and how far
# this workstation's own events went (their seq and the last one's id), under a MAC of the hall
# key, so a shorter or different chain, or a deleted tail of events, is caught by `verify`. The
# same anchor is kept in a file beside the database and, at each sync, in the shared database.


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    event_seq: int = 0  # the last own event's seq (0: the anchor predates events in anchors)
    event_id: str = ""


def _anchor_mac(key: bytes, seq: int, head: str) -> str:
    """The first anchors' MAC (chain only), still accepted from an older anchor file."""
    return hmac.new(key, f"audit-anchor:{seq}:{head}".encode(), hashlib.sha256).hexdigest()


def anchor_mac(key: bytes, anchor: Anchor, owner: str = "") -> str:
    """The MAC of an anchor; `owner` is the workstation whose anchor it is (the shared copy names
    it, so one workstation's anchor cannot be passed off as another's)."""
    body = json.dumps(
        ["audit-anchor v2", owner, anchor.seq, anchor.hash, anchor.event_seq, anchor.event_id],
        separators=(",", ":"),
    )
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def anchor_ok(key: bytes, anchor: Anchor, mac: str, owner: str = "") -> bool:
    return hmac.compare_digest(
        mac.encode("ascii", "replace"), anchor_mac(key, anchor, owner).encode()
    )


# Two columns, not the entry as an ORM object; built once.
_HEAD = select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
_OWN_TIP = (
    select(Event.seq, Event.id)
    .where(Event.origin == bindparam("origin"))
    .order_by(Event.seq.desc())
    .limit(1)
)


def head(session: Session, origin: str | None = None) -> Anchor | None:
    """The chain's newest entry and, with `origin`, that workstation's newest own event."""
    last = session.execute(_HEAD).first()
    tip = own_tip(session, origin) if origin is not None else None
    if last is None and tip is None:
        return None
    return Anchor(
        last.seq if last else 0,
        last.hash if last else GENESIS,
        tip[0] if tip else 0,
        tip[1] if tip else "",
    )


def own_tip(session: Session, origin: str) -> tuple[int, str] | None:
    """(seq, id) of the workstation's newest own event, None when it has made none."""
    row = session.execute(_OWN_TIP, {"origin": origin}).first()
    return (int(row.seq), str(row.id)) if row is not None else None


def forward(current: Anchor | None, anchor: Anchor) -> Anchor | None:
    """What the anchor becomes when `anchor` is written over `current`, None when that moves
    nothing. It never moves back (two programs on one home may finish out of order), and
    each half moves on its own: a transaction that emits without auditing moves only the
    events' half, and the later of two commits never holds less of either."""
    if current is None:
        return anchor
    if current.seq >= anchor.seq and current.event_seq >= anchor.event_seq:
        return None
    chain = anchor if anchor.seq >= current.seq else current
    events = anchor if anchor.event_seq >= current.event_seq else current
    return Anchor(chain.seq, chain.hash, events.event_seq, events.event_id)


def put_anchor(path: Path, key: bytes, anchor: Anchor) -> os.stat_result:
    """Writes the anchor whole (a temporary file, synced, renamed over the old one) and gives
    the new file's status, by which a later writer knows the file is still the one it wrote."""
    body = json.dumps(
        {
            "v": 2,
            "seq": anchor.seq,
            "hash": anchor.hash,
            "event_seq": anchor.event_seq,
            "event_id": anchor.event_id,
            "mac": anchor_mac(key, anchor),
        }
    )
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, body.encode("ascii"))
            os.fsync(fd)
            written = os.fstat(fd)  # a rename keeps the inode, size and mtime
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # the old anchor stays whole
        raise
    return written


def read_anchor(path: Path, key: bytes) -> Anchor | str | None:
    """The anchor, None when there is none, or a Chinese sentence saying why it is not valid."""
    try:
        raw = json.loads(path.read_text(encoding="ascii"))
        version = int(raw.get("v", 1))
        anchor = Anchor(
            int(raw["seq"]),
            str(raw["hash"]),
            int(raw["event_seq"]) if version >= 2 else 0,
            str(raw["event_id"]) if version >= 2 else "",
        )
        mac = str(raw["mac"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return f"留痕锚点文件 {path.name} 已损坏"
    good = (
        anchor_ok(key, anchor, mac)
        if version >= 2
        else hmac.compare_digest(mac, _anchor_mac(key, anchor.seq, anchor.hash))
    )
    if not good:
        return f"留痕锚点文件 {path.name} 的校验码不符（被改动或来自其他大厅）"
    return anchor


def chain_holds(session: Session, anchor: Anchor) -> bool:
    """True when the chain here still has the anchor's entry, unchanged (the chain itself is
    checked link by link by `verify`)."""
    if anchor.seq == 0:
        return True
    at = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == anchor.seq))
    return at is not None and hmac.compare_digest(at, anchor.hash)


@dataclass(frozen=True)
class AuditReport:
    entries: int
    broken_at: int | None  # seq of the first entry that fails, None when the chain holds
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


# Decrypts a scrubbed entry's original detail: (field, ciphertext) → text (HallKey.decrypt).
Opener = Callable[[str, str], str]


def verify(
    session: Session,
    key: bytes,
    anchor: Anchor | str | None = None,
    *,
    anchored: bool = False,
    opener: Opener | None = None,
) -> AuditReport:
    """Walks the chain in storage order; an edit, a deletion or a swap breaks a link. With
    `anchored`, the chain must also reach the anchor's entry with the anchor's hash: a deleted
    tail, an emptied table or a missing anchor file are reported too. A scrubbed entry is
    checked against its original detail, which `opener` decrypts (store/scrub.py)."""
    prev_hash = GENESIS
    expected_seq = 1
    count = 0
    anchored_hash: str | None = None
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        count += 1
        if entry.seq != expected_seq:
            return AuditReport(
                count,
                entry.seq,
                f"第 {entry.seq} 条之前缺少第 {expected_seq} 条记录（记录被删除或顺序被改动）",
            )
        if entry.prev_hash != prev_hash:
            return AuditReport(
                count, entry.seq, f"第 {entry.seq} 条与上一条的链接不符（前序记录被删改或调换）"
            )
        original: str | None = None
        if entry.scrubbed_original:
            # Imported here: only a verify reads a scrubbed entry's original, and every command
            # that writes an entry imports this module.
            from hall_desk.store.scrub import original_detail_problem

            original, problem = original_detail_problem(
                entry.detail, entry.scrubbed_original, opener
            )
            if original is None:
                return AuditReport(count, entry.seq, f"第 {entry.seq} 条{problem}")
        if not hmac.compare_digest(entry.hash, _digest(key, entry, original)):
            return AuditReport(count, entry.seq, f"第 {entry.seq} 条的内容被改动")
        if isinstance(anchor, Anchor) and entry.seq == anchor.seq:
            anchored_hash = entry.hash
        prev_hash = entry.hash
        expected_seq += 1
    if not anchored:
        return AuditReport(count, None)
    if isinstance(anchor, str):
        return AuditReport(count, 0, anchor)
    if anchor is None:
        if count == 0:
            return AuditReport(count, None)
        return AuditReport(count, count, "留痕锚点文件缺失：无法确认记录末尾未被删除")
    if count < anchor.seq:
        return AuditReport(
            count,
            count + 1,
            f"留痕记录末尾缺失：应至少有 {anchor.seq} 条，现仅有 {count} 条（记录被删除）",
        )
    if anchor.seq and anchored_hash != anchor.hash:
        return AuditReport(
            count, anchor.seq, f"第 {anchor.seq} 条与留痕锚点不符（记录被替换或重写）"
        )
    return AuditReport(count, None)
