"""Projections: tables folded from events. Rebuilding them from the log gives the same tables.

What each kind of event does is declared in `event_kinds` (handler, payload version, what a
re-fold clears); this module only drives it. Events that arrive late from another workstation
re-fold their one entity.

Re-folding and rebuilding read the log back from the database, which anyone with the file can
edit: an event whose MAC fails is never folded (a forged payload or actor must not become the
tables' truth); the rebuild names them, and `hall-desk audit verify` reports them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.orm import Session

from hall_desk.store import event_kinds, eventlog
from hall_desk.store.models import PROJECTION_TABLES, Event


def apply(session: Session, event: Event) -> None:
    kind = event_kinds.get(event.kind)
    if kind is None or kind.handler is None:
        # A newer program's event: kept in the log, folded once this program is upgraded.
        return
    kind.handler(session, event, event_kinds.payload_of(event.kind, event.payload))


def refold(session: Session, entity_type: str, entity_id: str, mac_key: bytes) -> None:
    """Recompute one entity from its events (used when an event arrives out of order)."""
    events = [
        ev
        for ev in eventlog.entity_events(session, entity_type, entity_id)
        if eventlog.mac_ok(mac_key, ev)
    ]
    entity = event_kinds.ENTITIES.get(entity_type)
    if entity is not None:
        entity.clear(session, entity_id)
    session.flush()
    for ev in events:
        apply(session, ev)
        session.flush()


@dataclass(frozen=True)
class Rebuilt:
    events: int  # folded
    rejected: tuple[str, ...]  # ids of events whose MAC fails, left out of every table


def rebuild_all(session: Session, mac_key: bytes) -> Rebuilt:
    """Empty every projection and replay the whole log, leaving out events whose MAC fails."""
    for model in PROJECTION_TABLES:
        session.execute(delete(model))
    count = 0
    rejected: list[str] = []
    for ev in eventlog.all_events(session):
        if not eventlog.mac_ok(mac_key, ev):
            rejected.append(ev.id)
            continue
        apply(session, ev)
        count += 1
        if count % 2000 == 0:
            # Keep memory flat on a large log: written rows need not stay in the session.
            session.flush()
            session.expunge_all()
    session.flush()
    return Rebuilt(count, tuple(rejected))
