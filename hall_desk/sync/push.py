"""Push: this workstation's unsent events, in batches, acknowledged only after the shared commit.

Only events this workstation originated are pushed (origin = its code; pulled events are never
sent back). Seq is gapless per origin and commits in order locally, so "sent" is one number
per shared database: the highest seq acknowledged. A batch sent twice changes nothing: under
the writer lock the pusher looks up which of its (origin, seq) are already there and inserts
only the others; a different event under the same (origin, seq) stops the sync loudly.

Each batch is one shared transaction (the hall's other pushers wait a batch, not a whole
history) and one local one. What a full sync costs beyond reading the rows and COPYing them
(the bench's floor) is kept small: the reads under the lock go in one round trip, the rows go
in by COPY as the driver read them, the next batch is read while this one is sent, the local
mark commits without waiting for the disk, and a batch nobody interleaved moves the pull
cursor past it, so the pull that follows does not read the pushed rows back through.

Likewise in the shared database: a batch placed right above the scrub's mark moves that mark
past it, and one that continues this workstation's sealed seqs moves the seal's mark, in the
batch's own transaction (a crash keeps both or neither). The rows are this program's events:
in the current shape (it writes nothing else, and migration 0006 scrubbed older local ones
before it could push any) and each with its MAC (checked per row). So the sync after a full
push reads neither mark's range again, where both read every pushed row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, bindparam, func, select

from hall_desk.services.workstation import Workstation
from hall_desk.store import driver
from hall_desk.store.eventlog import MAC_FIELDS, mac_ok
from hall_desk.store.models import Event
from hall_desk.store.models_sync import SyncPeer
from hall_desk.store.scrub import scrubbed_text
from hall_desk.sync import faults
from hall_desk.sync.errors import SyncError
from hall_desk.sync.history import APPLICANT_KIND, recompute_applicant, recorded_more_than_once
from hall_desk.sync.scrub import MARK as SCRUB_MARK
from hall_desk.sync.scrub import mark_position
from hall_desk.sync.shared import (
    PUSH_LOCK,
    PushState,
    SharedDatabase,
    shared_events,
    shared_meta,
)

PUSH_BATCH = 5000
_VOUCH_PAGE = 500  # ids per IN (…) list

_LOCAL_COLUMNS = (
    Event.id,
    Event.origin,
    Event.seq,
    Event.hlc,
    Event.actor,
    Event.kind,
    Event.entity_type,
    Event.entity_id,
    Event.payload,
    Event.mac,
)

# A local row's fields by position (rows are driver tuples in _LOCAL_COLUMNS' order).
_ID, _SEQ, _KIND, _ENTITY_ID, _MAC = (
    [c.name for c in _LOCAL_COLUMNS].index(name)
    for name in ("id", "seq", "kind", "entity_id", "mac")
)
LocalRow = Sequence[Any]

_UNSENT = (
    f"SELECT {', '.join(c.name for c in _LOCAL_COLUMNS)} FROM events"
    " WHERE origin = ? AND seq > ? ORDER BY seq LIMIT ?"
)

ANALYZE_AFTER = 10_000  # events pushed in one run: enough to outdate the planner's row counts


def unsent_count(ws: Workstation, pushed_seq: int) -> int:
    with ws.db.read() as s:
        return int(
            s.scalar(select(func.count()).where(Event.origin == ws.code, Event.seq > pushed_seq))
            or 0
        )


@dataclass(frozen=True)
class Placed:
    """Where one shared transaction put a batch's new rows: positions after+1 … after+added."""

    added: int
    after: int  # the top position under the lock, before these rows
    last_id: str  # the event at after+added ("" when nothing was added)


def _send(shared: SharedDatabase, identity: str, origin: str, rows: Sequence[LocalRow]) -> int:
    """One shared transaction; returns how many events were new there.

    `rows` are (*EVENT_COLUMNS) in seq order: driver tuples or SQLAlchemy rows alike."""
    return _place(shared, identity, origin, rows).added


def _place(
    shared: SharedDatabase,
    identity: str,
    origin: str,
    rows: Sequence[LocalRow],
    *,
    own: bool = False,
    wait_previous: Callable[[], object] = lambda: None,
) -> Placed:
    """`own`: the rows are this workstation's own events (the push), which move the scrub's
    and the seal's marks; rows put back or sent again for others never do. `wait_previous`
    runs halfway through the rows' COPY and again before the commit: the push waits there for
    the batch before to be marked sent."""
    marks = (SCRUB_MARK, sealed_mark(origin)) if own else ()
    with shared.writing() as conn:
        # The identity and the marks, what of these seqs is there already and the top
        # position, in one round trip, after the writer lock is granted (see shared.py).
        state = shared.push_state(conn, origin, rows[0][_SEQ], rows[-1][_SEQ], marks)
        if state.identity != identity:
            raise SyncError("共享数据库在同步过程中被替换：本次已停止，下次同步将重新开始")
        there = state.there
        new = rows
        if there:
            new = []
            for row in rows:
                have = there.get(row[_SEQ])
                if have is None:
                    new.append(row)
                elif have != row[_ID]:
                    raise SyncError(
                        f"共享数据库中已有本工作站（{origin}）第 {row[_SEQ]} 号的另一条事件："
                        f"本机数据库可能是从旧备份恢复的，或另一台电脑使用了相同的工作站编码。"
                        f"已停止推送，请联系管理员。"
                    )
        if new:
            # Inside the lock: positions are handed out in the order their commits become
            # visible (see shared.py), so no reader's cursor can pass one of these early.
            half = len(new) // 2
            shared.insert_events(
                conn, _halted(new[:half], new[half:], wait_previous), after=state.top
            )
            if own:
                shared.set_meta(conn, _marks_past(state, origin, rows, new))
        wait_previous()
        faults.pause_point("push.before_commit")
    return Placed(len(new), state.top, new[-1][_ID] if new else "")


def _marks_past(
    state: PushState, origin: str, rows: Sequence[LocalRow], new: Sequence[LocalRow]
) -> dict[str, str]:
    """The scrub's and the seal's marks moved past own rows just placed, where nothing before
    them is left for either: the scrub's stood at the top the rows were placed on; the seal's
    reached the seq before the batch, and no row of the batch above it was there already (one
    an older program pushed may be without a MAC)."""
    moved = {}
    if mark_position(state.marks.get(SCRUB_MARK)) == state.top:
        moved[SCRUB_MARK] = str(state.top + len(new))
    key = sealed_mark(origin)
    sealed = _sealed_seq(state.marks.get(key))
    last = int(rows[-1][_SEQ])
    if (
        sealed >= int(rows[0][_SEQ]) - 1
        and last > sealed
        and all(seq <= sealed for seq in state.there)
        and all(row[_MAC] for row in new)
    ):
        moved[key] = str(last)
    return moved


def _halted(
    first: Sequence[LocalRow], then: Sequence[LocalRow], halfway: Callable[[], object]
) -> Iterator[LocalRow]:
    """The rows, with `halfway` and the fault point push.mid_copy between the halves: a test
    stops the process there with half a batch on its way into the shared table
    (store/faults.py), the batch before it marked sent."""
    yield from first
    halfway()
    faults.pause_point("push.mid_copy")
    yield from then


def _unsent(ws: Workstation, after: int, batch_size: int) -> list[LocalRow]:
    with ws.db.read() as s:
        # Straight to the driver (the local database is SQLite): a full sync reads every
        # event of the home, and the ORM's rows cost more than the read itself. Plain tuples
        # also leave the garbage collector nothing to track, where a batch of SQLAlchemy rows
        # set off full collections of the whole heap as it grew.
        return driver.execute(s, _UNSENT, (ws.code, after, batch_size))


def _acknowledge(ws: Workstation, identity: str, rows: Sequence[LocalRow], placed: Placed) -> None:
    """The batch is in the shared database: mark it sent here.

    The mark can always be taken again: lost to a power cut, it only makes the next push send
    the batch again, which the shared database already holds and skips (the history below is
    rewritten from the events each time), and the pull cursor moved with it only makes the
    pull step over these rows again. So it commits without waiting for the disk, like a
    pulled batch (store/db.py)."""
    with ws.db.write(bulk=True) as s:
        peer = s.get(SyncPeer, identity)
        assert peer is not None
        peer.pushed_seq = max(peer.pushed_seq, rows[-1][_SEQ])
        if placed.added and peer.pull_cursor == placed.after:
            # The pull had passed everything before the batch, and the batch's rows took the
            # positions right after it, under the lock: the pull would only step over them
            # (it never applies one's own events), so the cursor steps now. A full push then
            # leaves the pull nothing to read through, where it read the whole table.
            peer.pull_cursor = placed.after + placed.added
            peer.cursor_event_id = placed.last_id
        # Overwritten fields of one's own applicants are recorded here, as the receivers
        # record them on pull, so every workstation ends with the same history.
        touched = {r[_ENTITY_ID] for r in rows if r[_KIND] == APPLICANT_KIND}
        for applicant_id in recorded_more_than_once(s, touched):
            recompute_applicant(s, ws.key, applicant_id)


def push_events(
    ws: Workstation,
    shared: SharedDatabase,
    identity: str,
    *,
    batch_size: int,
    progress: Callable[[int, int], None],
) -> int:
    """Send everything unsent; returns how many events were acknowledged in this run."""
    with ws.db.read() as s:
        peer = s.get(SyncPeer, identity)
        assert peer is not None
        pushed_seq = peer.pushed_seq
    total = unsent_count(ws, pushed_seq)
    progress(0, total)
    done = 0
    # The local work runs beside the shared database's: each batch after the first is read
    # while the one before it goes there, and each batch is marked sent while the next one
    # goes (the server would otherwise wait for both, each batch). The mark is waited for
    # halfway through the next batch's rows, so a batch on its way always follows a marked
    # one, as when they took turns.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push read-ahead") as ahead:
        rows = _unsent(ws, pushed_seq, batch_size)
        marked: Future[None] | None = None
        while rows:
            # Read even after a short batch: what a clerk saved meanwhile goes in this run too.
            following = ahead.submit(_unsent, ws, rows[-1][_SEQ], batch_size)
            placed = _place(
                shared,
                identity,
                ws.code,
                rows,
                own=True,
                wait_previous=marked.result if marked is not None else lambda: None,
            )
            faults.pause_point("push.after_commit")
            marked = ahead.submit(_acknowledge, ws, identity, rows, placed)
            done += len(rows)
            progress(done, max(total, done))
            rows = following.result()
        if marked is not None:
            marked.result()
    if done >= ANALYZE_AFTER:
        shared.refresh_statistics()
    return done


def _vouch(ws: Workstation, conn: Connection, rows: Sequence[Row]) -> int:  # type: ignore[type-arg]
    """Seal the shared rows (position and MAC fields, without a MAC) held here field for field.

    A row it does not hold, or holds differently, stays without a MAC. Returns how many were
    sealed."""
    key = ws.key.event_key
    with ws.db.read() as s:
        local = {
            ev.id: ev for ev in s.scalars(select(Event).where(Event.id.in_([r.id for r in rows])))
        }
    updates = []
    for row in rows:
        ev = local.get(row.id)
        if ev is None:
            continue
        # The local copy was scrubbed of old personal data (revision 0006): the shared row
        # is the same event when its scrub gives the local payload (store/scrub.py).
        payload = row.payload
        if ev.payload != payload and scrubbed_text(row.kind, payload) == ev.payload:
            payload = ev.payload
        same = payload == ev.payload and all(
            getattr(ev, name) == getattr(row, name) for name in MAC_FIELDS if name != "payload"
        )
        if same and mac_ok(key, ev):
            updates.append({"at": row.position, "sealed_mac": ev.mac, "clean": payload})
    if updates:
        t = shared_events.c
        conn.execute(
            shared_events.update()
            .where(t.position == bindparam("at"), t.mac == "")
            .values(mac=bindparam("sealed_mac"), payload=bindparam("clean")),
            updates,
        )
    return len(updates)


def vouch_unsealed(ws: Workstation, conn: Connection) -> int:
    """Give shared rows from before event MACs the MAC of the identical event held here.

    Run once, by the workstation that upgrades the shared schema, as migration 0004 seals its
    local log: the rows it holds (its own, and those it pulled and applied) it vouches for,
    field for field. A row it does not hold, or holds differently, stays without a MAC and
    every puller holds it back (validate.UNSEALED) until its own workstation seals it
    (`seal_own_unsealed`): from this version on, nothing unsealed is applied. Returns how many
    rows were sealed.
    """
    t = shared_events.c
    last, sealed = 0, 0
    while True:
        rows = conn.execute(
            select(t.position, *(t[name] for name in MAC_FIELDS))
            .where(t.mac == "", t.position > last)
            .order_by(t.position)
            .limit(_VOUCH_PAGE)
        ).all()
        if not rows:
            return sealed
        last = int(rows[-1].position)
        sealed += _vouch(ws, conn, rows)


def sealed_mark(origin: str) -> str:
    return f"sealed_through.{origin}"


def _sealed_seq(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


def _seal_reached(conn: Connection, origin: str) -> tuple[str | None, int, int]:
    """(the seal's mark as stored, the seq it names, the origin's highest shared seq)."""
    value = conn.scalar(select(shared_meta.c.value).where(shared_meta.c.key == sealed_mark(origin)))
    t = shared_events.c
    top = int(conn.scalar(select(func.max(t.seq)).where(t.origin == origin)) or 0)
    return value, _sealed_seq(value), top


def seal_due(ws: Workstation, conn: Connection) -> bool:
    """Whether own shared rows lie past the seal's mark (read in the caller's transaction)."""
    _value, last, top = _seal_reached(conn, ws.code)
    return top > last


def seal_own_unsealed(ws: Workstation, shared: SharedDatabase) -> int:
    """Seal this workstation's own shared rows that are still without a MAC.

    They were pushed before the hall had event MACs and the workstation that upgraded the
    shared schema did not hold them yet; pullers hold them back until they are sealed. This
    program pushes nothing unsealed, so the own rows checked once need no second look: the seq
    reached is kept in the shared meta table (`sealed_through.<origin>`, an additive key an
    older program ignores; the push moves it past the rows it places), and a sync with nothing
    new of its own costs one read."""
    t = shared_events.c
    mark = sealed_mark(ws.code)
    with shared.reading() as conn:
        if not seal_due(ws, conn):
            return 0  # the usual sync: no writer lock taken
    sealed = 0
    with shared.writing(PUSH_LOCK) as conn:
        value, last, top = _seal_reached(conn, ws.code)  # again, under the lock
        had = value is not None
        while True:
            rows = conn.execute(
                select(t.position, *(t[name] for name in MAC_FIELDS))
                .where(t.origin == ws.code, t.seq > last, t.seq <= top, t.mac == "")
                .order_by(t.seq)
                .limit(_VOUCH_PAGE)
            ).all()
            if not rows:
                break
            last = int(rows[-1].seq)
            sealed += _vouch(ws, conn, rows)
        if had:
            conn.execute(
                shared_meta.update().where(shared_meta.c.key == mark).values(value=str(top))
            )
        else:
            conn.execute(shared_meta.insert().values(key=mark, value=str(top)))
    return sealed
