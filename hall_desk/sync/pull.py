"""Pull: other workstations' events after the cursor, applied together with the new cursor.

Each batch is one local transaction: the new events (with their original id, origin, seq and
HLC), the re-folded entities, conflict and history records, refused events and the cursor all
commit together or not at all. A refused event (clock far ahead, corrupted content) is recorded
and skipped; the rest of the batch still lands.

Bad data and our own bugs are told apart: content that fails its kind's declared shape, or that
the database itself refuses (a constraint, undecryptable ciphertext), is refused and reported;
any other exception while folding is a defect of this program, so the pull stops with
`ProjectionFailed` and the event stays unapplied and unrefused, before the cursor, for the next
sync after the fix.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import Connection, Row, func, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from hall_desk.domain.clock import Timestamp
from hall_desk.domain.errors import StorageError
from hall_desk.services.workstation import Workstation
from hall_desk.store import deferred_indexes, event_kinds, projections
from hall_desk.store.collections_paused import collections_paused
from hall_desk.store.eventlog import mac_ok
from hall_desk.store.keys import HallKey
from hall_desk.store.models import Event
from hall_desk.store.models_sync import SyncPeer, SyncRefusedEvent
from hall_desk.sync import faults
from hall_desk.sync.conflicts import (
    applicants_of_resolutions,
    cases_of_resolutions,
    detect_applicant,
    detect_case,
)
from hall_desk.sync.errors import ProjectionFailed
from hall_desk.sync.history import recompute_applicant
from hall_desk.sync.shared import SharedDatabase, shared_events
from hall_desk.sync.validate import (
    CLOCK_AHEAD,
    CORRUPT,
    FORGED,
    HLC,
    UNSEALED,
    WAITING,
    WAITING_REASON,
    Incoming,
    Refusal,
    bad_data_reason,
    check_event,
)

log = logging.getLogger("hall_desk.sync")

PULL_BATCH = 2000
# A pull of at least LOAD_PAGES pages onto a log LOAD_FACTOR times smaller than what it brings is
# a load: it runs with the projections' secondary indexes set aside (`_loading`), in pages (and
# local transactions) after the first LOAD_PAGE_FACTOR times the usual size: 4,000 events, some
# 25 MB more while one is applied (8,000 gained little more for 60 MB); a power cut loses at
# most the last, pulled again from its cursor.
LOAD_PAGES = 4
LOAD_FACTOR = 4
LOAD_PAGE_FACTOR = 2
_EVENT_FIELDS = ("id", "origin", "seq", "hlc", "actor", "kind", "entity_type", "entity_id")
_EVENT_FIELDS += ("payload", "mac")
_INSERT_EVENTS = (
    f"INSERT INTO events ({', '.join(_EVENT_FIELDS)})"
    f" VALUES ({', '.join('?' for _ in _EVENT_FIELDS)})"
)
_event_fields = attrgetter(*_EVENT_FIELDS)
_CHUNK = 500  # ids per IN (…) list


def now_text(ws: Workstation) -> str:
    return ws.now().isoformat(timespec="microseconds")


def _ms_text(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000).astimezone().isoformat(timespec="microseconds")


@dataclass
class BatchOutcome:
    applied: list[Incoming] = field(default_factory=list)
    refused: list[tuple[Incoming, Refusal]] = field(default_factory=list)
    conflicts: int = 0
    max_hlc: str = ""


@dataclass
class PullOutcome:
    pulled: int = 0
    refused: int = 0
    conflicts: int = 0
    cursor: int = 0
    # The newest timestamp read from each other workstation in this run: without a server
    # clock, the closest this sync comes to knowing the time (services/clock_skew.py).
    newest: dict[str, str] = field(default_factory=dict)

    def add(self, batch: BatchOutcome | None) -> None:
        if batch is not None:
            self.pulled += len(batch.applied)
            self.conflicts += batch.conflicts


def _in_order(ev: Incoming) -> tuple[str, str]:
    """Events fold in (HLC, id) order."""
    return ev.hlc, ev.id


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _is_environment(exc: BaseException) -> bool:
    """A failing disk or lock: the whole sync stops and is retried, nothing is refused."""
    return isinstance(exc, sa_exc.OperationalError | MemoryError | OSError)


def _is_bad_data(exc: BaseException) -> bool:
    """Refusals by the data's own rules: the database's constraints, the hall key's cipher.

    Everything else a fold raises (KeyError, TypeError, …) is our code being wrong.
    """
    return isinstance(exc, sa_exc.IntegrityError | sa_exc.DataError | StorageError)


# --- applying one batch --------------------------------------------------------------------


# The local log is looked up once per batch for each question, whatever its size: the batch's
# keys go in as one JSON array (json_each), straight to the driver. CROSS JOIN keeps the array
# as the outer loop, so each key is one index search of the events table.
_LOCAL_EVENTS = """
SELECT e.id, e.origin, e.seq FROM json_each(?) AS j CROSS JOIN events AS e
 ON e.id = json_extract(j.value, '$[0]')
UNION
SELECT e.id, e.origin, e.seq FROM json_each(?) AS j CROSS JOIN events AS e
 ON e.origin = json_extract(j.value, '$[1]') AND e.seq = json_extract(j.value, '$[2]')
"""
_ENTITY_TIPS = """
SELECT e.entity_type, e.entity_id, e.origin, max(e.hlc) FROM json_each(?) AS j
 CROSS JOIN events AS e
 ON e.entity_type = json_extract(j.value, '$[0]') AND e.entity_id = json_extract(j.value, '$[1]')
GROUP BY e.entity_type, e.entity_id, e.origin
"""


def _local(session: Session, events: list[Incoming]) -> tuple[set[str], set[str]]:
    """(ids already in the local log, ids of the others whose (origin, seq) the log holds under
    a different event), in one statement."""
    keys = json.dumps([[ev.id, ev.origin, ev.seq] for ev in events])
    rows = session.connection().exec_driver_sql(_LOCAL_EVENTS, (keys, keys)).all()
    ids = {ev.id for ev in events}
    present = {event_id for event_id, _origin, _seq in rows if event_id in ids}
    taken = {(origin, seq): event_id for event_id, origin, seq in rows}
    # Of several new events claiming one (origin, seq), the last is the one compared.
    by_seq = {(ev.origin, ev.seq): ev for ev in events if ev.id not in present}
    clashes = {ev.id for slot, ev in by_seq.items() if slot in taken and taken[slot] != ev.id}
    return present, clashes


@dataclass
class _Known:
    """What the local log already holds of one entity, before a batch is inserted."""

    tip: str = ""  # the newest HLC
    origins: set[str] = field(default_factory=set)


def _known(session: Session, entities: list[tuple[str, str]]) -> dict[tuple[str, str], _Known]:
    known: dict[tuple[str, str], _Known] = {}
    keys = json.dumps([list(entity) for entity in entities])
    for entity_type, entity_id, origin, tip in session.connection().exec_driver_sql(
        _ENTITY_TIPS, (keys,)
    ):
        entry = known.setdefault((entity_type, entity_id), _Known())
        entry.tip = max(entry.tip, tip)
        entry.origins.add(origin)
    return known


def _fold(
    session: Session,
    key: HallKey,
    events: list[Incoming],
    detected_at: str,
    bodies: dict[str, dict[str, Any]] | None = None,
    first_fold: bool = False,
) -> int:
    """Insert events (sorted by HLC, id) and bring every entity they touch up to date.

    `first_fold`: an entity of which the local log holds no event yet is taken to have no rows
    either, so its rows are added without being looked for first (on a new workstation, most
    entities of a batch). Only a hint: a row there all the same fails the fold
    (store/fold_rows.py `known_new`), which the caller then runs again without it."""
    groups: dict[tuple[str, str], list[Incoming]] = {}
    for ev in events:
        groups.setdefault((ev.entity_type, ev.entity_id), []).append(ev)
    known = _known(session, list(groups))
    # Straight to the driver (the local database is SQLite): no ORM work per row.
    session.connection().exec_driver_sql(_INSERT_EVENTS, [_event_fields(ev) for ev in events])
    conflict_cases: set[str] = cases_of_resolutions(events)  # type: ignore[arg-type]
    history_applicants: set[str] = applicants_of_resolutions(events)  # type: ignore[arg-type]
    onto_current: list[Incoming] = []
    late: list[tuple[str, str]] = []
    for entity, group in groups.items():
        entity_type, entity_id = entity
        before = known.get(entity)
        if event_kinds.is_folded(entity_type):
            if before is None or group[0].hlc > before.tip:
                # Everything new sorts after everything here (the usual case): folding the new
                # events onto the current rows is exactly the refold, at a fraction of its cost.
                onto_current.extend(group)
            else:
                late.append(entity)
        # Conflicts need two workstations; one origin's own steps were checked when taken.
        origins = {ev.origin for ev in group} | (before.origins if before else set())
        if entity_type == "case" and len(origins) > 1:
            conflict_cases.add(entity_id)
        if entity_type == "applicant" and (before is not None or len(group) > 1):
            history_applicants.add(entity_id)
    # Entities fold independently of each other: the new ones together, in (HLC, id) order.
    first = {entity for entity in groups if entity not in known} if first_fold else ()
    projections.apply_many(
        session, sorted(onto_current, key=lambda e: (e.hlc, e.id)), bodies=bodies, fresh=first
    )
    for entity_type, entity_id in late:
        # A late event re-folds its entity in (HLC, id) order, whatever arrived before.
        projections.refold(session, entity_type, entity_id, key.event_key)
    session.flush()
    new_conflicts = 0
    for case_id in sorted(conflict_cases):
        new_conflicts += detect_case(session, case_id, detected_at)
    for applicant_id in sorted(history_applicants):
        recompute_applicant(session, key, applicant_id)
        new_conflicts += detect_applicant(session, key, applicant_id, detected_at)
    session.flush()
    return new_conflicts


def _fold_at_once(
    session: Session,
    key: HallKey,
    events: list[Incoming],
    detected_at: str,
    out: BatchOutcome,
    bodies: dict[str, dict[str, Any]] | None,
) -> bool:
    """The usual batch, the quick way: none of its events in the local log already, none
    refused by a fold, entities new here folded as such (`_fold`'s `first_fold`). True when it
    all went in; False, with nothing changed, when anything failed: the caller then takes the
    batch the careful way (`_local`, `_fold_safely`), as if this had not been tried.

    Nothing is taken on trust: an event the log holds already (by id, or another one under its
    origin and number) fails the insert into the events table, whose keys refuse it, and so
    does a row there all the same for an entity new here."""
    if not events:
        return False
    try:
        with session.begin_nested():
            conflicts = _fold(session, key, events, detected_at, bodies, first_fold=True)
    except Exception as exc:
        if _is_environment(exc):
            raise
        return False
    out.conflicts += conflicts
    out.applied.extend(events)
    return True


def _fold_safely(
    session: Session,
    key: HallKey,
    events: list[Incoming],
    detected_at: str,
    out: BatchOutcome,
    holes: bool = False,
    bodies: dict[str, dict[str, Any]] | None = None,
) -> None:
    """All at once if every event folds; else entity by entity, then event by event.

    With `holes` (the shared database lacks deleted events), an event that does not fold
    waits for them instead of being refused: every event here has passed its MAC."""
    if not events:
        return
    try:
        with session.begin_nested():
            out.conflicts += _fold(session, key, events, detected_at, bodies)
        out.applied.extend(events)
        return
    except Exception as exc:
        if _is_environment(exc):
            raise
    groups: dict[tuple[str, str], list[Incoming]] = {}
    for ev in events:
        groups.setdefault((ev.entity_type, ev.entity_id), []).append(ev)
    for group in groups.values():
        try:
            with session.begin_nested():
                out.conflicts += _fold(session, key, group, detected_at, bodies)
            out.applied.extend(group)
            continue
        except Exception as exc:
            if _is_environment(exc):
                raise
        for ev in group:
            try:
                with session.begin_nested():
                    out.conflicts += _fold(session, key, [ev], detected_at, bodies)
                out.applied.append(ev)
            except Exception as exc:
                if _is_environment(exc):
                    raise
                if not _is_bad_data(exc):
                    # The person sees the message; whoever fixes the program needs the trace.
                    log.error("folding event %s (%s) failed", ev.id, ev.kind, exc_info=exc)
                    raise ProjectionFailed(ev.kind, ev.id, ev.origin, exc) from exc
                if holes:
                    detail = bad_data_reason(exc).removeprefix("事件无法应用到本机数据：")
                    out.refused.append((ev, Refusal(WAITING, WAITING_REASON.format(detail=detail))))
                else:
                    out.refused.append((ev, Refusal(CORRUPT, bad_data_reason(exc))))


def _quarantine(
    session: Session, refused: list[tuple[Incoming, Refusal]], identity: str, at: str
) -> None:
    for ev, refusal in refused:
        event_id = str(ev.id)[:64]
        row = session.get(SyncRefusedEvent, event_id)
        if row is None:
            row = SyncRefusedEvent(event_id=event_id, first_seen_at=at)
            session.add(row)
        row.reason_code, row.reason, row.last_seen_at = refusal.code, refusal.reason, at
        row.shared_identity, row.position = identity, int(ev.position)
        row.origin, row.hlc, row.actor = str(ev.origin), str(ev.hlc), str(ev.actor)
        row.seq = ev.seq if isinstance(ev.seq, int) else 0
        row.kind, row.entity_type = str(ev.kind), str(ev.entity_type)
        row.entity_id = str(ev.entity_id)
        # A clock-ahead or waiting event (its MAC holds) is kept whole for its retry; a
        # corrupted one is not kept at all, since whatever it holds (plaintext personal data,
        # say) must not be stored here. Nor is an unsealed one: nothing vouches for its content
        # yet, and its retry reads the row again from the shared database (`retry_unsealed`).
        keep = refusal.code in (CLOCK_AHEAD, WAITING)
        row.payload = str(ev.payload) if keep else ""
        row.mac = str(ev.mac) if keep else ""
        row.applied_at = None


def _release(session: Session, event_ids: list[str], at: str) -> None:
    """Quarantined events that are now in the log (a late clock caught up) are marked applied."""
    pending = session.scalar(
        select(func.count())
        .select_from(SyncRefusedEvent)
        .where(SyncRefusedEvent.applied_at.is_(None))
    )
    if not pending:
        return
    for chunk in _chunks(event_ids):
        for row in session.scalars(
            select(SyncRefusedEvent).where(
                SyncRefusedEvent.event_id.in_(chunk), SyncRefusedEvent.applied_at.is_(None)
            )
        ):
            row.applied_at = at


def apply_batch(
    session: Session,
    key: HallKey,
    events: Sequence[Incoming],
    identity: str,
    now_ms: int,
    margin_ms: int,
    holes: bool = False,
    hold_ahead: bool = True,
) -> BatchOutcome:
    """Everything one pulled batch does to the local database, inside the caller's transaction."""
    at = _ms_text(now_ms)
    out = BatchOutcome()
    good: list[Incoming] = []
    bodies: dict[str, dict[str, Any]] = {}
    for ev in events:
        refusal = check_event(
            ev, now_ms, margin_ms, key.event_key, hold_ahead=hold_ahead, bodies=bodies
        )
        if refusal is None:
            good.append(ev)
        else:
            out.refused.append((ev, refusal))
    unique = list({ev.id: ev for ev in good}.values())
    present: set[str] = set()
    if not _fold_at_once(session, key, sorted(unique, key=_in_order), at, out, bodies):
        present, clashes = _local(session, unique)
        fresh = [ev for ev in unique if ev.id not in present]
        for ev in fresh:
            if ev.id in clashes:
                out.refused.append(
                    (
                        ev,
                        Refusal(
                            CORRUPT,
                            f"工作站 {ev.origin} 的第 {ev.seq} 号事件在本机已有另一条不同的记录："
                            f"该工作站的数据库可能从旧备份恢复过，请联系管理员",
                        ),
                    )
                )
        fresh = sorted((ev for ev in fresh if ev.id not in clashes), key=_in_order)
        _fold_safely(session, key, fresh, at, out, holes, bodies)
    _quarantine(session, out.refused, identity, at)
    _release(session, [ev.id for ev in out.applied] + sorted(present), at)
    if out.applied:
        out.max_hlc = max(ev.hlc for ev in out.applied)
    return out


def apply_pulled(
    ws: Workstation,
    events: Sequence[Incoming],
    *,
    identity: str,
    cursor: tuple[int, str] | None,
    now_ms: int,
    margin_ms: int,
    holes: bool = False,
    hold_ahead: bool = True,
) -> BatchOutcome:
    """One local transaction: the batch and (when given) the cursor past it. A bulk one (see
    `Database.write`): what a power cut may lose of it is pulled again, the cursor with it."""
    with collections_paused(), ws.db.write(bulk=True) as session:
        out = apply_batch(
            session, ws.key, events, identity, now_ms, margin_ms, holes=holes, hold_ahead=hold_ahead
        )
        if cursor is not None:
            peer = session.get(SyncPeer, identity)
            assert peer is not None
            # Never backwards: another sync of this workstation may have gone further already.
            if cursor[0] > peer.pull_cursor:
                peer.pull_cursor, peer.cursor_event_id = cursor
        faults.pause_point("pull.before_commit")
    # The newest reading the bounded clock accepts (one from a clock far ahead it does not).
    for hlc in sorted({ev.hlc for ev in out.applied}, reverse=True)[:50]:
        if ws.clock.observe(Timestamp.decode(hlc)):
            break
    ws.invalidate(event_kinds.caches_of({ev.kind for ev in out.applied}))
    return out


# --- the pull loop -------------------------------------------------------------------------


def _incoming(row: Row) -> Incoming:  # type: ignore[type-arg]
    # The shared table's columns are Incoming's fields in the same order (position, then the
    # event's columns): taken by place, which a first pull does for every row of the hall.
    if type(row[0]) is int and type(row[3]) is int:
        return _as_incoming(row)
    position, event_id, origin, seq, *rest = row
    return Incoming(int(position), event_id, origin, int(seq), *rest)


_as_incoming = Incoming._make


def _from_quarantine(r: SyncRefusedEvent) -> Incoming:
    return Incoming(
        position=r.position,
        id=r.event_id,
        origin=r.origin,
        seq=r.seq,
        hlc=r.hlc,
        actor=r.actor,
        kind=r.kind,
        entity_type=r.entity_type,
        entity_id=r.entity_id,
        payload=r.payload,
        mac=r.mac,
    )


def _quarantined(ws: Workstation, code: str) -> list[SyncRefusedEvent]:
    with ws.db.read() as s:
        return list(
            s.scalars(
                select(SyncRefusedEvent).where(
                    SyncRefusedEvent.reason_code == code, SyncRefusedEvent.applied_at.is_(None)
                )
            )
        )


def retry_quarantined(
    ws: Workstation, identity: str, now_ms: int, margin_ms: int
) -> BatchOutcome | None:
    """Events held for a clock far ahead, applied once that time has come — or once their
    origin shows a corrected clock: an event of the same origin with a higher sequence number
    is in the log, so that workstation wrote within the bound after it. Waiting for the time
    would hold a day's (or ten years') work of a workstation whose clock was set ahead and put
    right. Applying them is safe: the bounded clock does not follow them, and an event's
    record still folds in timestamp order (docs/architecture.md, "Clocks")."""
    rows = _quarantined(ws, CLOCK_AHEAD)
    if not rows:
        return None
    with ws.db.read() as s:
        newest_seq = {
            origin: int(seq)
            for origin, seq in s.execute(
                select(Event.origin, func.max(Event.seq)).group_by(Event.origin)
            )
        }
    due = [
        _from_quarantine(r)
        for r in rows
        if HLC.match(r.hlc)
        and (
            Timestamp.decode(r.hlc).ms - now_ms <= margin_ms or newest_seq.get(r.origin, 0) > r.seq
        )
    ]
    if not due:
        return None
    return apply_pulled(
        ws,
        due,
        identity=identity,
        cursor=None,
        now_ms=now_ms,
        margin_ms=margin_ms,
        hold_ahead=False,
    )


def retry_waiting(
    ws: Workstation, identity: str, now_ms: int, margin_ms: int, holes: bool
) -> BatchOutcome | None:
    """Events that waited for deleted ones, tried again after the pull that may have brought
    them back; once the shared database has no holes left, one that still fails is refused."""
    waiting = [_from_quarantine(r) for r in _quarantined(ws, WAITING)]
    if not waiting:
        return None
    return apply_pulled(
        ws, waiting, identity=identity, cursor=None, now_ms=now_ms, margin_ms=margin_ms, holes=holes
    )


def retry_unsealed(
    ws: Workstation, shared: SharedDatabase, identity: str, now_ms: int, margin_ms: int
) -> BatchOutcome | None:
    """Events held for lack of a MAC, read again from the shared database: a row its origin
    has sealed since is checked like any pulled event (applied when its MAC holds, refused as
    forged when it does not); a row still without a MAC stays held, unchanged.

    The release before this one refused such a row as forged and kept nothing of it: a row
    refused so is read again too, and applied once its MAC holds (the MAC is the one gate,
    whatever the row held before). One whose MAC still fails stays refused, not reported anew.
    """
    held = {r.event_id for r in _quarantined(ws, UNSEALED)}
    refused = {r.event_id for r in _quarantined(ws, CORRUPT) if r.reason == FORGED}
    if not held and not refused:
        return None
    t = shared_events.c
    sealed: list[Incoming] = []
    with shared.reading() as conn:
        for chunk in _chunks(sorted(held | refused)):
            rows = conn.execute(
                select(shared_events).where(t.id.in_(chunk), t.mac != "").order_by(t.position)
            ).all()
            sealed.extend(_incoming(r) for r in rows)
    sealed = [ev for ev in sealed if ev.id in held or mac_ok(ws.key.event_key, ev)]
    if not sealed:
        return None
    return apply_pulled(
        ws, sealed, identity=identity, cursor=None, now_ms=now_ms, margin_ms=margin_ms
    )


@dataclass(frozen=True)
class _Page:
    """Rows after a cursor, and the cursor (with the id of its event) to stand on after them."""

    rows: Sequence[Row]  # type: ignore[type-arg]
    cursor: int
    anchor: str
    full: bool = False  # as many rows as were asked for: more may follow


def _read_page(shared: SharedDatabase, own: str, cursor: int, batch_size: int) -> _Page:
    with shared.reading() as conn:
        return _page_in(conn, own, cursor, batch_size)


def _page_in(conn: Connection, own: str, cursor: int, batch_size: int) -> _Page:
    t = shared_events.c
    rows = conn.execute(
        select(shared_events)
        .where(t.position > cursor, t.origin != own)
        .order_by(t.position)
        .limit(batch_size)
    ).all()
    if len(rows) == batch_size:
        return _Page(rows, int(rows[-1].position), rows[-1].id, full=True)
    # Everything after the cursor in this snapshot was returned or is our own: the newest
    # visible position is safe to stand on (positions commit in order).
    top = conn.execute(select(t.position, t.id).order_by(t.position.desc()).limit(1)).first()
    if top is None or int(top.position) <= cursor:
        return _Page(rows, cursor, "")
    return _Page(rows, int(top.position), top.id)


def _is_load(ws: Workstation, total: int, batch_size: int) -> bool:
    """Whether a pull of `total` events is a load: many pages, onto a log far smaller than what
    it brings (a new workstation's first pull, one rebuilt after a disk failure)."""
    if total < LOAD_PAGES * batch_size:
        return False
    with ws.db.read() as s:
        held = s.scalar(select(func.count()).select_from(Event)) or 0
    return total >= LOAD_FACTOR * held


@contextmanager
def _loading(ws: Workstation, load: bool) -> Iterator[None]:
    """A load runs with the projections' secondary indexes set aside and makes them again
    at its end, whole or not (store/deferred_indexes.py: a process that dies in between finds
    them made again at its next open)."""
    if not load:
        deferred_indexes.make_again_if_set_aside(ws.db)
        yield
        return
    with ws.db.write() as s:
        deferred_indexes.set_aside(s, projections.fold_lookups())
    try:
        yield
    except BaseException:
        try:
            with ws.db.write() as s:
                deferred_indexes.make_again(s)
        except Exception:
            # The pull's own failure is the one to report; the next open makes them again.
            log.warning("indexes set aside for the pull not made again yet", exc_info=True)
        raise
    with ws.db.write() as s:
        deferred_indexes.make_again(s)


def pull_events(
    ws: Workstation,
    shared: SharedDatabase,
    identity: str,
    *,
    batch_size: int,
    margin_ms: int,
    now_ms: Callable[[], int],
    progress: Callable[[int, int], None],
    holes: bool = False,
) -> PullOutcome:
    """`holes`: the shared database lacks deleted events (see `_fold_safely`)."""
    out = PullOutcome()
    out.add(retry_quarantined(ws, identity, now_ms(), margin_ms))
    refused_now: set[str] = set()
    # Rows from before event MACs that their origin has sealed since the last pull: before the
    # new events, since that workstation's later steps (on the same case, say) build on them.
    vouched = retry_unsealed(ws, shared, identity, now_ms(), margin_ms)
    out.add(vouched)
    if vouched is not None:
        refused_now.update(ev.id for ev, _r in vouched.refused)
    with ws.db.read() as s:
        peer = s.get(SyncPeer, identity)
        assert peer is not None
        cursor = peer.pull_cursor
    t = shared_events.c
    with shared.reading() as conn:
        total = int(
            conn.scalar(select(func.count()).where(t.position > cursor, t.origin != ws.code)) or 0
        )
        # The first page on the same snapshot: a sync with nothing to pull reads once.
        first = _page_in(conn, ws.code, cursor, batch_size)
    progress(0, total)
    done = 0
    # Each page after the first is read from the shared database while the one before it is
    # applied here: a first pull waits for the server only once, not once a batch.
    load = _is_load(ws, total, batch_size)
    # A load's pages after the first are larger: fewer rows of one batch's entities read back by
    # the next, fewer commits. The first stays small, so that applying starts early.
    following_size = batch_size * LOAD_PAGE_FACTOR if load else batch_size
    # No cyclic collection between the batches either (see `collections_paused`): the read-ahead
    # thread's rows and the page's events are allocated there, and each collection they set
    # off, once the heap has grown, walks all of it (a tenth of a first pull, again).
    with (
        _loading(ws, load),
        collections_paused(),
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull read-ahead") as ahead,
    ):
        page = first
        while page.rows or page.cursor != cursor:
            following = (
                ahead.submit(_read_page, shared, ws.code, page.cursor, following_size)
                if page.full
                else None
            )
            incoming = [_incoming(r) for r in page.rows]
            batch = apply_pulled(
                ws,
                incoming,
                identity=identity,
                cursor=(page.cursor, page.anchor),
                now_ms=now_ms(),
                margin_ms=margin_ms,
                holes=holes,
            )
            out.add(batch)
            refused_now.update(ev.id for ev, _r in batch.refused)
            newest = out.newest
            for ev in incoming:
                # The comparison first: the stamp's shape is looked at only for a newer one.
                hlc = str(ev.hlc)
                if hlc > newest.get(ev.origin, "") and HLC.match(hlc):
                    newest[ev.origin] = hlc
            cursor = page.cursor
            done += len(page.rows)
            progress(min(done, max(total, done)), max(total, done))
            if following is None:
                break
            page = following.result()
    # What this run brought may show a held origin's corrected clock: release its work now.
    released = retry_quarantined(ws, identity, now_ms(), margin_ms)
    out.add(released)
    if released is not None:
        refused_now -= {ev.id for ev in released.applied}
    # Events that waited for deleted ones, now perhaps put back by this run.
    waited = retry_waiting(ws, identity, now_ms(), margin_ms, holes)
    out.add(waited)
    if waited is not None:
        refused_now -= {ev.id for ev in waited.applied}
    out.refused = len(refused_now)
    out.cursor = cursor
    return out
