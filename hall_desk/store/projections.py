"""Projections: tables folded from events. Rebuilding them from the log gives the same tables.

What each kind of event does is declared in `event_kinds` (handler, payload version, what a
re-fold clears); this module only drives it. Events that arrive late from another workstation
re-fold their one entity.

Events fold in batches (`apply_many`): a pulled batch, a rebuild's REBUILD_BATCH, or the one
event a service emits. A batch reads the rows of all its entities first and writes them back
once (store/fold_rows.py), so a new workstation's first pull costs a few statements per table
per 2,000 events instead of an ORM get and flush per event.

A service batch (a routing post's scanned list, `Tx.folding_together`) folds its events
together too; an event about a record made just for it (`fresh`: a new handoff, delivery,
rating) reads nothing for that record.

Re-folding and rebuilding read the log back from the database, which anyone with the file can
edit: an event whose MAC fails is never folded (a forged payload or actor must not become the
tables' truth); the rebuild names them, and `hall-desk audit verify` reports them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hall_desk.store import event_kinds, eventlog, fold_rows
from hall_desk.store.base import Base
from hall_desk.store.models import Event
from hall_desk.store.tables import PROJECTION_TABLES

REBUILD_BATCH = 2000  # events folded (and written) together by a rebuild


def apply(session: Session, event: Any, *, fresh: bool = False) -> None:
    """`fresh`: the event's entity id was made just now for it (a new handoff, delivery,
    rating): no row of it is looked for in the database."""
    apply_many(session, [event], fresh={(event.entity_type, event.entity_id)} if fresh else ())


def apply_many(
    session: Session,
    events: Sequence[Any],
    bodies: Mapping[str, dict[str, Any]] | None = None,
    fresh: Collection[tuple[str, str]] = (),
) -> None:
    """Fold `events` in order: the rows of all their entities read first, one query per table,
    and written back once at the end (store/fold_rows.py). Events are `Event` rows or anything
    with the same attributes; `bodies` may hold their payloads already parsed, by event id;
    `fresh` names (entity type, id) made just now, or new to the log of a pull, of which the
    database holds no rows: they are not looked for (`FoldRows.known_new` makes sure)."""
    # What the caller changed through the ORM is written first, so the batch reads it.
    session.flush()
    rows = fold_rows.FoldRows(session)
    folds: list[tuple[Any, event_kinds.Handler, dict[str, Any]]] = []
    by_entity: dict[str, list[str]] = {}
    # Entities with an event whose handler may read their child rows without naming them.
    with_children: dict[str, list[str]] = {}
    for ev in events:
        kind = event_kinds.get(ev.kind)
        if kind is None or kind.handler is None:
            # A newer program's event: kept in the log, folded once this program is upgraded.
            continue
        body = bodies.get(ev.id) if bodies is not None else None
        payload = (
            kind.current(body) if body is not None else event_kinds.payload_of(ev.kind, ev.payload)
        )
        folds.append((ev, kind.handler, payload))
        by_entity.setdefault(ev.entity_type, []).append(ev.entity_id)
        if not fold_rows.reads_own_row(kind.handler):
            with_children.setdefault(ev.entity_type, []).append(ev.entity_id)
    for entity_type, ids in by_entity.items():
        entity = event_kinds.ENTITIES.get(entity_type)
        if entity is None or not entity.folded:
            continue
        new = [entity.parse_id(i) for i in dict.fromkeys(ids) if (entity_type, i) in fresh]
        keys = [entity.parse_id(i) for i in dict.fromkeys(ids)]
        parents = [entity.parse_id(i) for i in dict.fromkeys(with_children.get(entity_type, ()))]
        for model, column, own in _tables_in_order(entity):
            if own and new:
                rows.known_new(model, column, new)
            rows.load(model, column, keys if own else parents)
    _read_ahead(rows, folds)
    outer = session.info.get("fold_rows")
    session.info["fold_rows"] = rows
    try:
        for ev, handler, payload in folds:
            if fold_rows.is_batched(handler):
                handler(session, ev, payload)
            else:
                # A handler that folds through the ORM sees every row the batch changed, and the
                # batch reads again whatever it may have changed.
                rows.flush()
                rows.forget()
                handler(session, ev, payload)
                session.flush()
        rows.flush()
    finally:
        session.info["fold_rows"] = outer


def _read_ahead(
    rows: fold_rows.FoldRows, folds: list[tuple[Any, event_kinds.Handler, dict[str, Any]]]
) -> None:
    """The rows handlers name beyond their entities' (`@batched(reads=…)`), one read per table
    and column for the whole batch."""
    wanted: dict[tuple[type[Base], fold_rows.Column], list[Any]] = {}
    for ev, handler, payload in folds:
        reads = fold_rows.reads_of(handler)
        if reads is not None:
            for model, column, value in reads(rows, ev, payload):
                wanted.setdefault((model, column), []).append(value)
    for (model, column), values in wanted.items():
        rows.load(model, column, values)


def fold_lookups() -> dict[str, frozenset[str]]:
    """Each projection table's columns that folds find its rows by: its primary key, the columns
    its entities name (read ahead in bulk, deleted by on a re-fold), its foreign keys (SQLite
    looks the children up when a parent row goes) and what handlers read ahead by (`by=`)."""
    found: dict[str, set[str]] = {}
    for model in PROJECTION_TABLES:
        table = model.__table__
        columns = found.setdefault(table.name, set())
        columns.update(c.name for c in table.primary_key.columns)
        columns.update(fk.parent.name for fk in table.foreign_keys)
    for entity in event_kinds.ENTITIES.values():
        for model, column in entity.tables:
            found[model.__table__.name].add(column)
    for model, column in fold_rows.lookups():
        found[model.__table__.name].add(column if isinstance(column, str) else column[0])
    return {name: frozenset(columns) for name, columns in found.items()}


def _is_key(model: type[Base], column: str) -> bool:
    return [c.name for c in model.__table__.primary_key.columns] == [column]


@cache
def _tables_in_order(
    entity: event_kinds.Entity,
) -> tuple[tuple[type[Base], str, bool], ...]:
    """An entity's (table, column, whether the column is the table's key), its own rows first:
    children of a parent that is not there are not read. Worked out once per entity (every
    event a service emits folds as a batch of its own)."""
    return tuple(
        (model, column, _is_key(model, column))
        for model, column in sorted(entity.tables, key=lambda t: not _is_key(t[0], t[1]))
    )


def refold(session: Session, entity_type: str, entity_id: str, mac_key: bytes) -> None:
    """Recompute one entity from its events (used when an event arrives out of order)."""
    events = [
        ev
        for ev in eventlog.entity_events(session, entity_type, entity_id)
        if eventlog.mac_ok(mac_key, ev)
    ]
    session.flush()
    entity = event_kinds.ENTITIES.get(entity_type)
    if entity is not None:
        entity.clear(session, entity_id)
    session.flush()
    apply_many(session, events)


@dataclass(frozen=True)
class Rebuilt:
    events: int  # folded
    rejected: tuple[str, ...]  # ids of events whose MAC fails, left out of every table


def rebuild_all(
    session: Session, mac_key: bytes, progress: Callable[[int, int], None] | None = None
) -> Rebuilt:
    """Empty every projection and replay the whole log, leaving out events whose MAC fails.

    progress(events read, events in the log) after every batch: a large hall's rebuild takes
    minutes, and whoever runs it must see that it moves."""
    total = session.scalar(select(func.count()).select_from(Event)) or 0
    report = progress or (lambda _done, _total: None)
    report(0, total)
    for model in PROJECTION_TABLES:
        session.execute(delete(model))
    count = 0
    rejected: list[str] = []
    batch: list[Event] = []
    for ev in eventlog.all_events(session):
        if not eventlog.mac_ok(mac_key, ev):
            rejected.append(ev.id)
            continue
        batch.append(ev)
        count += 1
        if len(batch) == REBUILD_BATCH:
            apply_many(session, batch)
            batch.clear()
            # Keep memory flat on a large log: written rows need not stay in the session.
            session.expunge_all()
            report(count + len(rejected), total)
    apply_many(session, batch)
    session.flush()
    report(count + len(rejected), total)
    return Rebuilt(count, tuple(rejected))
