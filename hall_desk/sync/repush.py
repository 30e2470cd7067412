"""A shared database that starts over gets every event this workstation holds, not only its own.

Push sends one's own events; a workstation that was retired (or lost) pushes nothing ever again,
so a shared database rebuilt from scratch would lack its work for good. When a sync finds the
shared database new or reset, it also sends the other origins' events it holds. This is safe to
repeat and to run on several workstations at once: per origin it sends only what lies above the
shared database's highest seq, in seq order, and `_send` inserts under the writer lock only the
(origin, seq) not yet there.
"""

from __future__ import annotations

from sqlalchemy import func, select

from hall_desk.services.workstation import Workstation
from hall_desk.store.models import Event
from hall_desk.sync.push import _LOCAL_COLUMNS, _send
from hall_desk.sync.shared import SharedDatabase, shared_events


def repush_held_events(
    ws: Workstation, shared: SharedDatabase, identity: str, *, batch_size: int
) -> int:
    """How many events of other origins the shared database gained from this workstation."""
    with ws.db.read() as s:
        origins = sorted(s.scalars(select(Event.origin).where(Event.origin != ws.code).distinct()))
    t = shared_events.c
    added = 0
    for origin in origins:
        with shared.reading() as conn:
            above = int(
                conn.scalar(select(func.coalesce(func.max(t.seq), 0)).where(t.origin == origin))
            )
        while True:
            with ws.db.read() as s:
                rows = s.execute(
                    select(*_LOCAL_COLUMNS)
                    .where(Event.origin == origin, Event.seq > above)
                    .order_by(Event.seq)
                    .limit(batch_size)
                ).all()
            if not rows:
                break
            added += _send(shared, identity, origin, rows)
            above = int(rows[-1].seq)
    return added
