"""Projections: tables folded from events. Rebuilding them from the log gives the same tables.

What each kind of event does is declared in `event_kinds` (handler, payload version, what a
re-fold clears); this module only drives it. Events that arrive late from another workstation
re-fold their one entity.
"""

from __future__ import annotations

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


def refold(session: Session, entity_type: str, entity_id: str) -> None:
    """Recompute one entity from its events (used when an event arrives out of order)."""
    events = eventlog.entity_events(session, entity_type, entity_id)
    entity = event_kinds.ENTITIES.get(entity_type)
    if entity is not None:
        entity.clear(session, entity_id)
    session.flush()
    for ev in events:
        apply(session, ev)
        session.flush()


def rebuild_all(session: Session) -> int:
    """Empty every projection and replay the whole log; returns the number of events."""
    for model in PROJECTION_TABLES:
        session.execute(delete(model))
    count = 0
    for ev in eventlog.all_events(session):
        apply(session, ev)
        count += 1
        if count % 2000 == 0:
            # Keep memory flat on a large log: written rows need not stay in the session.
            session.flush()
            session.expunge_all()
    session.flush()
    return count
