"""Appending events (gapless per workstation), their MACs, and reading them back in clock order."""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from json.encoder import encode_basestring
from operator import attrgetter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hall_desk.domain.clock import HybridClock, Timestamp, uuid7
from hall_desk.store import driver
from hall_desk.store.models import Event


@dataclass(frozen=True)
class NewEvent:
    kind: str
    entity_type: str
    entity_id: str
    payload: dict[str, Any]


# The payload's version marker (absent means 1): store/event_kinds.py upcasts by it.
VERSION_KEY = "v"


# Sorted keys and no spaces: the same payload always serialises to the same bytes. Made once
# (json.dumps with options makes a new encoder per call); its output is json.dumps's.
_PAYLOAD_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def dumps(payload: dict[str, Any]) -> str:
    return _PAYLOAD_JSON.encode(payload)


# Everything an event says, in this order, goes under its MAC: change any one and it fails.
MAC_FIELDS = (
    "id",
    "origin",
    "seq",
    "hlc",
    "actor",
    "kind",
    "entity_type",
    "entity_id",
    "payload",
)


# The framing's encoder, made once (json.dumps with these options makes a new one per call: a
# first pull checks every event of the hall). Its output is json.dumps's, byte for byte.
_MAC_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_mac_values = attrgetter(*MAC_FIELDS)  # a tuple, framed as the same JSON array as a list
_MAC_LABEL = b"hall-desk event v1\x1f"


def _framed(fields: Any) -> bytes:
    """The fields as one JSON array, the bytes the MAC covers.

    An event as written (text fields, an integer seq) is framed by hand, each text through the
    encoder's own string function: the same bytes as the encoder gives, at half its cost. Any
    other value (a damaged pulled event) goes through the encoder itself."""
    values = _mac_values(fields)
    event_id, origin, seq, hlc, actor, kind, entity_type, entity_id, payload = values
    text = str
    if (
        type(seq) is int
        and type(event_id) is text
        and type(origin) is text
        and type(hlc) is text
        and type(actor) is text
        and type(kind) is text
        and type(entity_type) is text
        and type(entity_id) is text
        and type(payload) is text
    ):
        e = encode_basestring
        return (
            f"[{e(event_id)},{e(origin)},{seq},{e(hlc)},{e(actor)},{e(kind)},"
            f"{e(entity_type)},{e(entity_id)},{e(payload)}]"
        ).encode()
    return _MAC_JSON.encode(values).encode("utf-8")


@lru_cache(maxsize=8)
def _keyed(key: bytes) -> hmac.HMAC:
    """The MAC state after the key and the label, made once per key and copied per event (the
    key's padding is hashed once, not for every event of a first pull)."""
    return hmac.new(key, _MAC_LABEL, "sha256")


def event_mac(key: bytes, fields: Any) -> str:
    """The MAC of an event (anything with the MAC_FIELDS as attributes) under the event key.

    The fields are framed as one JSON array, so no shift of text from one field into the next
    gives the same bytes.
    """
    mac = _keyed(key).copy()
    mac.update(_framed(fields))
    return mac.hexdigest()


def mac_ok(key: bytes, event: Any) -> bool:
    """True when the event (with a `mac` attribute) was written by a holder of the hall key."""
    mac = getattr(event, "mac", None)
    if not isinstance(mac, str) or not mac:
        return False
    try:
        expected = event_mac(key, event)
    except (TypeError, ValueError):
        return False
    return hmac.compare_digest(mac.encode("ascii", "replace"), expected.encode("ascii"))


def next_seq(session: Session, origin: str) -> int:
    """Gapless because the caller holds the write lock (BEGIN IMMEDIATE) until commit."""
    last = session.scalar(select(func.max(Event.seq)).where(Event.origin == origin))
    return (last or 0) + 1


# Straight to the driver (the local database is SQLite): an event appended through the ORM
# cost a unit-of-work flush of its own, and reading its record's newest stamp a compiled select,
# which made the bulk paths (demo data, the bench home) slow.
_RECORD_TIP_SQL = "SELECT max(hlc) FROM events WHERE entity_type = ? AND entity_id = ?"
_INSERT_SQL = (
    f"INSERT INTO events ({', '.join(MAC_FIELDS)}, mac)"
    f" VALUES ({', '.join('?' for _ in MAC_FIELDS)}, ?)"
)
_row_values = attrgetter(*MAC_FIELDS, "mac")

# The newest stamp each record was given in one write transaction, by (entity_type, entity_id).
Tips = dict[tuple[str, str], Timestamp]


@dataclass(slots=True)
class AppendedEvent:
    """An event as `append` wrote it: the columns of an `Event` row, as plain attributes (an
    ORM object of its own, never added to the session, cost a good part of every append)."""

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


def append(
    session: Session,
    *,
    origin: str,
    clock: HybridClock,
    actor: str,
    new: NewEvent,
    seq: int,
    mac_key: bytes,
    tips: Tips | None = None,
    fresh: bool = False,
) -> AppendedEvent:
    """Writes the event at once (not through the session: what it returns is no ORM row) and
    returns it. With `tips` (kept by the caller for its write transaction, which every event of
    that transaction is appended through), a record's second event takes its tip from there
    instead of reading the log again. `fresh`: the record's id was made just now for this
    event, so the log holds nothing of it to read a tip from."""
    ts = clock.now()
    # After everything this workstation holds of the same record, even when that was stamped
    # by a clock running ahead (which the bounded clock no longer follows): a record's events
    # fold in (HLC, id) order, and an edit must sort after what its writer saw.
    record = (new.entity_type, new.entity_id)
    tip = tips.get(record) if tips is not None else None
    if tip is None and not fresh:
        # Events are written here at once, never left pending in the session: no flush.
        stored = driver.execute(session, _RECORD_TIP_SQL, record)[0][0]
        tip = Timestamp.decode(stored) if stored is not None else None
    if tip is not None and ts <= tip:
        ts = tip.next()
    if tips is not None:
        tips[record] = ts
    row = AppendedEvent(
        str(uuid7(ts)),
        origin,
        seq,
        ts.encode(),
        actor,
        new.kind,
        new.entity_type,
        new.entity_id,
        dumps(new.payload),
    )
    row.mac = event_mac(mac_key, row)
    driver.execute(session, _INSERT_SQL, _row_values(row))
    return row


def last_timestamp(session: Session) -> Timestamp | None:
    """The newest clock reading ever recorded here, so the clock resumes past it."""
    hlc = session.scalar(select(func.max(Event.hlc)))
    return Timestamp.decode(hlc) if hlc else None


def last_own_timestamp(session: Session, origin: str) -> Timestamp | None:
    """The timestamp of the newest event this workstation wrote (by its sequence)."""
    hlc = session.scalar(
        select(Event.hlc).where(Event.origin == origin).order_by(Event.seq.desc()).limit(1)
    )
    return Timestamp.decode(hlc) if hlc else None


def entity_events(session: Session, entity_type: str, entity_id: str) -> list[Event]:
    return list(
        session.scalars(
            select(Event)
            .where(Event.entity_type == entity_type, Event.entity_id == entity_id)
            .order_by(Event.hlc, Event.id)
        )
    )


_OF_KIND_SQL = (
    "SELECT id, payload FROM events WHERE entity_type = ? AND entity_id = ? AND kind = ?"
    " ORDER BY hlc, id"
)


def entity_payloads(
    session: Session, entity_type: str, entity_id: str, kind: str
) -> list[tuple[str, str]]:
    """(id, payload) of the record's events of one kind, in (HLC, id) order: intake reads an
    applicant's for every case, so as two plain columns from the driver, not as ORM rows."""
    return [
        (str(i), str(p))
        for i, p in driver.execute(session, _OF_KIND_SQL, (entity_type, entity_id, kind))
    ]


def all_events(session: Session, batch: int = 5000) -> Iterator[Event]:
    """Every event in (HLC, id) order, read in pages so a large log fits in memory."""
    last: tuple[str, str] | None = None
    while True:
        query = select(Event).order_by(Event.hlc, Event.id).limit(batch)
        if last is not None:
            query = query.where(
                (Event.hlc > last[0]) | ((Event.hlc == last[0]) & (Event.id > last[1]))
            )
        rows = list(session.scalars(query))
        if not rows:
            return
        yield from rows
        last = (rows[-1].hlc, rows[-1].id)


@dataclass(frozen=True)
class LogCheck:
    """What `check_log` found; `problem` is Chinese, for the admin."""

    events: int
    forged: int  # events whose MAC fails
    first_forged: str | None  # the id of the first of them, in (origin, seq) order
    first_missing_seq: int | None  # the first seq missing from this workstation's own events
    problem: str = ""
    tail_broken: bool = False  # own events end before (or differ at) what the anchor recorded

    @property
    def ok(self) -> bool:
        return not self.forged and self.first_missing_seq is None and not self.tail_broken


def check_log(
    session: Session,
    mac_key: bytes,
    own_origin: str,
    batch: int = 5000,
    *,
    tip: tuple[int, str] | None = None,
) -> LogCheck:
    """Every event's MAC, and the own origin's seq gapless from 1 (and, given the anchor's
    `tip` — the seq and id of the newest own event it recorded — reaching that event).

    Other origins may have gaps here (an event refused on pull); this workstation wrote every
    one of its own, so a hole in them is a deleted event, and so is a tail shorter than the
    anchor's: what is left is gapless, only the anchor shows that more was there.
    """
    tip_id: str | None = None
    count = forged = 0
    first: Event | None = None
    expected_own = 1
    missing: int | None = None
    last: tuple[str, int] | None = None
    while True:
        query = select(Event).order_by(Event.origin, Event.seq).limit(batch)
        if last is not None:
            query = query.where(
                (Event.origin > last[0]) | ((Event.origin == last[0]) & (Event.seq > last[1]))
            )
        rows = list(session.scalars(query))
        if not rows:
            break
        for ev in rows:
            count += 1
            if not mac_ok(mac_key, ev):
                forged += 1
                if first is None:
                    first = ev
            if ev.origin == own_origin:
                if ev.seq != expected_own and missing is None:
                    missing = expected_own
                expected_own = ev.seq + 1
                if tip is not None and ev.seq == tip[0]:
                    tip_id = ev.id
        last = (rows[-1].origin, rows[-1].seq)
        session.expunge_all()
    problems = []
    if first is not None:
        problems.append(
            f"工作站 {first.origin} 第 {first.seq} 号事件（{first.kind}，编号 {first.id}）"
            f"校验码不符：其内容、操作人或其他字段被改动过，或并非由持有大厅密钥的工作站写入"
            + (f"；共 {forged} 条事件校验码不符" if forged > 1 else "")
        )
    if missing is not None:
        problems.append(
            f"本工作站（{own_origin}）的事件序号不连续：缺少第 {missing} 号事件（事件被删除）"
        )
    tail_broken = False
    if tip is not None and tip[0] > 0:
        last_own = expected_own - 1
        if last_own < tip[0]:
            tail_broken = True
            problems.append(
                f"本工作站（{own_origin}）的事件末尾缺失：留痕锚点记载本机事件"
                f"至少到第 {tip[0]} 号，现仅到第 {last_own} 号"
                f"（最后 {tip[0] - last_own} 条事件被删除，"
                f"或数据库未经 hall-desk restore 换成了旧备份）"
            )
        elif tip_id != tip[1]:
            tail_broken = True
            problems.append(
                f"本工作站（{own_origin}）第 {tip[0]} 号事件与留痕锚点记载的不是同一条"
                f"（事件被删除后重写，或数据库被换过）"
            )
    return LogCheck(
        count, forged, first.id if first else None, missing, "；".join(problems), tail_broken
    )
