"""After a restore: take back this workstation's own events that the shared database kept.

A restored backup lacks whatever the workstation pushed after it. The pull never returns one's
own origin (those events were made here), so the first sync after a restore asks for them
explicitly, applies them like pulled events, and only then lets the workstation number new
work: its event sequence and case numbers continue above everything the hall has seen from it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select

from hall_desk.domain.roles import Actor
from hall_desk.services.workstation import RESTORE_PENDING, Workstation
from hall_desk.store.models import Event, Meta
from hall_desk.sync.anchor import REESTABLISH
from hall_desk.sync.pull import _incoming, apply_pulled
from hall_desk.sync.shared import SharedDatabase, shared_events


def reclaim_own_events(
    ws: Workstation,
    actor: Actor,
    shared: SharedDatabase,
    identity: str,
    *,
    batch_size: int,
    margin_ms: int,
    now_ms: Callable[[], int],
) -> int:
    """0 when the workstation was not restored; else how many own events came back."""
    if not ws.restore_pending:
        return 0
    with ws.db.read() as s:
        have = int(s.scalar(select(func.max(Event.seq)).where(Event.origin == ws.code)) or 0)
    t = shared_events.c
    taken = 0
    while True:
        with shared.reading() as conn:
            rows = conn.execute(
                select(shared_events)
                .where(t.origin == ws.code, t.seq > have)
                .order_by(t.seq)
                .limit(batch_size)
            ).all()
        if not rows:
            break
        batch = apply_pulled(
            ws,
            [_incoming(r) for r in rows],
            identity=identity,
            cursor=None,
            now_ms=now_ms(),
            margin_ms=margin_ms,
        )
        taken += len(batch.applied)
        have = int(rows[-1].seq)
    with ws.transaction(actor) as tx:
        mark = tx.session.get(Meta, RESTORE_PENDING)
        if mark is not None:
            tx.session.delete(mark)
            # The restored chain is shorter than the anchor this workstation published before:
            # this sync's publish starts the shared copy over instead of reporting it.
            tx.session.merge(Meta(key=REESTABLISH, value=mark.value))
        tx.audit(
            "sync.reclaim",
            shared.location.display,
            {"identity": identity, "events": taken, "restored_at": mark.value if mark else ""},
        )
    ws.restore_pending = False
    return taken
