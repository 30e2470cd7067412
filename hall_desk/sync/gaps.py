"""Holes in an origin's sequence in the shared database: found at each sync, put back from here.

Every origin's events reach the shared database gapless from seq 1 (push sends them in order),
so a missing seq there means a deleted row. Each sync looks at the whole table per origin (one
grouped count, and the holes only for an origin whose count falls short of its highest seq),
and also below two tops the table itself cannot show: the newest acknowledged event each
workstation recorded in its shared anchor (`sync/anchor.py`), and the events of other origins
this workstation holds. Whatever of a hole this workstation holds — its own events or pulled
ones — it sends back unchanged, with their original MAC, through push's locked, idempotent
insert; what nobody here holds is reported, naming the origin and the seq range, for the
workstations that do hold it to put back at their sync.

The look reads the whole table (about 1 µs a row on PostgreSQL): every sync does it while the
table holds up to FULL_CHECK_ROWS events, a larger hall's workstations once a day (the
nightly sync), so that an empty sync stays quick. A sync looks before its own push (sync/run.py)
and heals after it: the rows it pushes come gapless from its log, in seq order under the
writer lock, and a first night's push would otherwise be counted again, row by row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select

from hall_desk.services.workstation import Workstation
from hall_desk.store import audit
from hall_desk.store.models import Event, Meta
from hall_desk.store.models_sync import SyncRefusedEvent
from hall_desk.sync.push import _LOCAL_COLUMNS, _send
from hall_desk.sync.shared import SharedDatabase, shared_anchors, shared_events
from hall_desk.sync.validate import WAITING

FULL_CHECK_ROWS = 100_000
FULL_CHECK_EVERY = timedelta(hours=20)
LAST_CHECK = "shared_gap_check_at"  # in meta: when this workstation last looked (large halls)
LAST_FOUND = "shared_gap_notices"  # in meta: what that look reported, repeated until the next


@dataclass(frozen=True)
class Gap:
    """Seqs first…last of one origin, missing from the shared database."""

    origin: str
    first: int
    last: int

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    @property
    def seqs(self) -> str:
        return (
            f"第 {self.first} 号" if self.first == self.last else f"第 {self.first}–{self.last} 号"
        )


@dataclass(frozen=True)
class GapOutcome:
    healed: int  # events this workstation put back
    notices: tuple[str, ...]  # for the sync report and the status: one sentence a hole
    holes: bool = False  # some are still missing after this workstation's part


def _holes(conn: Connection, origin: str) -> list[tuple[int, int]]:
    t = shared_events.c
    prev = func.lag(t.seq, 1, 0).over(order_by=t.seq).label("prev")
    steps = select(t.seq, prev).where(t.origin == origin).subquery()
    return [
        (int(first), int(last))
        for first, last in conn.execute(
            select(steps.c.prev + 1, steps.c.seq - 1)
            .where(steps.c.seq > steps.c.prev + 1)
            .order_by(steps.c.seq)
        )
    ]


def _anchored_tops(conn: Connection, key: bytes) -> dict[str, int]:
    """Each workstation's newest acknowledged own event, from anchors whose MAC holds."""
    tops: dict[str, int] = {}
    for row in conn.execute(select(shared_anchors)):
        anchor = audit.Anchor(int(row.audit_seq), row.audit_hash, int(row.event_seq), row.event_id)
        if audit.anchor_ok(key, anchor, row.mac, owner=row.workstation):
            tops[row.workstation] = anchor.event_seq
    return tops


def find_gaps(conn: Connection, key: bytes, held: dict[str, int] | None = None) -> list[Gap]:
    """The holes of every origin; `held` (origin → highest seq held here) adds tails too."""
    t = shared_events.c
    counts = {
        origin: (int(n), int(top))
        for origin, n, top in conn.execute(
            select(t.origin, func.count(), func.max(t.seq)).group_by(t.origin)
        )
    }
    tops = _anchored_tops(conn, key)
    for origin, top in (held or {}).items():
        tops[origin] = max(tops.get(origin, 0), top)
    gaps: list[Gap] = []
    for origin in sorted(set(counts) | set(tops)):
        n, top = counts.get(origin, (0, 0))
        if n < top:
            gaps.extend(Gap(origin, first, last) for first, last in _holes(conn, origin))
        if tops.get(origin, 0) > top:
            gaps.append(Gap(origin, top + 1, tops[origin]))
    return gaps


def _held_tops(ws: Workstation) -> dict[str, int]:
    """Highest seq held here per other origin (one's own unsent tail is push's, not a gap)."""
    with ws.db.read() as s:
        return {
            origin: int(top)
            for origin, top in s.execute(
                select(Event.origin, func.max(Event.seq))
                .where(Event.origin != ws.code)
                .group_by(Event.origin)
            )
        }


def _put_back(
    ws: Workstation, shared: SharedDatabase, identity: str, gap: Gap, batch_size: int
) -> int:
    added, after = 0, gap.first - 1
    while True:
        with ws.db.read() as s:
            rows = s.execute(
                select(*_LOCAL_COLUMNS)
                .where(Event.origin == gap.origin, Event.seq > after, Event.seq <= gap.last)
                .order_by(Event.seq)
                .limit(batch_size)
            ).all()
        if not rows:
            return added
        added += _send(shared, identity, gap.origin, rows)
        after = int(rows[-1].seq)


def _due(ws: Workstation, size: int) -> bool:
    if size <= FULL_CHECK_ROWS:
        return True
    with ws.db.read() as s:
        last = s.get(Meta, LAST_CHECK)
    try:
        return last is None or ws.now() - datetime.fromisoformat(last.value) >= FULL_CHECK_EVERY
    except ValueError:
        return True


def _still_waiting(ws: Workstation) -> bool:
    with ws.db.read() as s:
        return (
            s.scalar(
                select(SyncRefusedEvent.event_id)
                .where(
                    SyncRefusedEvent.reason_code == WAITING, SyncRefusedEvent.applied_at.is_(None)
                )
                .limit(1)
            )
            is not None
        )


@dataclass(frozen=True)
class GapLook:
    """What one look at the shared table found (`look_for_gaps`), healed by `heal_gaps`."""

    size: int  # the top position then
    due: bool  # whether the table was looked at (see _due)
    found: list[Gap]


def look_for_gaps(ws: Workstation, shared: SharedDatabase, conn: Connection) -> GapLook:
    """The look, in `conn`'s (reading) transaction."""
    size = shared.max_position(conn)
    due = _due(ws, size)
    found = find_gaps(conn, ws.key.audit_key, _held_tops(ws)) if due else []
    return GapLook(size, due, found)


def heal_gaps(
    ws: Workstation,
    shared: SharedDatabase,
    identity: str,
    *,
    batch_size: int,
    look: GapLook | None = None,
) -> GapOutcome:
    """Puts back what `look` (taken now when not given) found missing."""
    key = ws.key.audit_key
    if look is None:
        with shared.reading() as conn:
            look = look_for_gaps(ws, shared, conn)
    size, due, found = look.size, look.due, look.found
    if not due:
        # Not looked at this time: the last look's findings stand, and what waits for a hole
        # keeps waiting until a look says there is none.
        with ws.db.read() as s:
            last = s.get(Meta, LAST_FOUND)
        notices = tuple(json.loads(last.value)) if last is not None else ()
        return GapOutcome(0, notices, _still_waiting(ws))
    outcome = GapOutcome(0, ())
    if found:
        healed = sum(_put_back(ws, shared, identity, gap, batch_size) for gap in found)
        with shared.reading() as conn:
            left = find_gaps(conn, key)
        outcome = GapOutcome(healed, tuple(_notice(gap, left) for gap in found), bool(left))
    if size > FULL_CHECK_ROWS:
        with ws.db.write() as s:
            s.merge(Meta(key=LAST_CHECK, value=ws.now().isoformat(timespec="seconds")))
            unhealed = [n for n in outcome.notices if "无法补回" in n]
            s.merge(Meta(key=LAST_FOUND, value=json.dumps(unhealed, ensure_ascii=False)))
    return outcome


def _notice(gap: Gap, left: list[Gap]) -> str:
    missing = (
        f"共享数据库中缺少工作站 {gap.origin} 的{gap.seqs}事件（共 {gap.count} 条，记录被删除）"
    )
    rest = [
        Gap(gap.origin, max(g.first, gap.first), min(g.last, gap.last))
        for g in left
        if g.origin == gap.origin and g.first <= gap.last and g.last >= gap.first
    ]
    if not rest:
        return f"{missing}：已由本机补回"
    return (
        f"{missing}：本机没有其中的{'、'.join(g.seqs for g in rest)}，无法补回；"
        f"请在持有这些事件的工作站（通常是 {gap.origin} 本机）上同步一次"
    )
