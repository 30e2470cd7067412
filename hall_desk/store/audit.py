"""全程留痕: the append-only, hash-chained audit log and its verification."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_desk.store.models import AuditEntry

GENESIS = "0" * 64


def _digest(key: bytes, entry: AuditEntry) -> str:
    body = json.dumps(
        [
            entry.seq,
            entry.at,
            entry.workstation,
            entry.actor,
            entry.action,
            entry.target,
            entry.detail,
            entry.prev_hash,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def append(
    session: Session,
    key: bytes,
    *,
    workstation: str,
    actor: str,
    action: str,
    target: str = "",
    detail: dict[str, Any] | None = None,
    at: datetime,
) -> AuditEntry:
    """Chains to the newest entry; the caller's write transaction keeps the chain linear."""
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    entry = AuditEntry(
        seq=(last.seq + 1) if last else 1,
        at=at.isoformat(timespec="seconds"),
        workstation=workstation,
        actor=actor,
        action=action,
        target=target,
        detail=json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
        prev_hash=last.hash if last else GENESIS,
    )
    entry.hash = _digest(key, entry)
    session.add(entry)
    return entry


@dataclass(frozen=True)
class AuditReport:
    entries: int
    broken_at: int | None  # seq of the first entry that fails, None when the chain holds
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(session: Session, key: bytes) -> AuditReport:
    """Walks the chain in storage order; an edit, a deletion or a swap breaks a link."""
    prev_hash = GENESIS
    expected_seq = 1
    count = 0
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
        if not hmac.compare_digest(entry.hash, _digest(key, entry)):
            return AuditReport(count, entry.seq, f"第 {entry.seq} 条的内容被改动")
        prev_hash = entry.hash
        expected_seq += 1
    return AuditReport(count, None)
