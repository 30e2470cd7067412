"""Checking what the program keeps: the audit chain, the events' MACs, projections from the log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hall_desk.domain.roles import Actor, Permission
from hall_desk.services.workstation import Workstation
from hall_desk.store import audit, eventlog, projections
from hall_desk.store.audit import AuditReport
from hall_desk.store.caches import Cache
from hall_desk.store.eventlog import LogCheck

# How many refused event ids the rebuild's audit entry names (the count is always complete).
_NAMED_IN_AUDIT = 20


@dataclass(frozen=True)
class RebuildResult:
    events: int  # folded into the tables
    rejected: tuple[str, ...]  # ids of events whose MAC fails: left out, not adopted


def verify_audit(ws: Workstation) -> AuditReport:
    """The chain, held against the anchor kept beside the database."""
    anchor = ws.read_anchor()
    with ws.reading() as s:
        return audit.verify(s, ws.key.audit_key, anchor, anchored=True, opener=ws.key.decrypt)


def verify_events(ws: Workstation) -> LogCheck:
    """Every event's MAC under the hall key, and this workstation's own seq without a hole,
    reaching the newest own event the anchor recorded (a deleted tail leaves no hole)."""
    anchor = ws.read_anchor()
    tip = (anchor.event_seq, anchor.event_id) if isinstance(anchor, audit.Anchor) else None
    with ws.reading() as s:
        return eventlog.check_log(s, ws.key.event_key, ws.code, tip=tip)


def rebuild_projections(
    ws: Workstation, actor: Actor, progress: Callable[[int, int], None] | None = None
) -> RebuildResult:
    """Re-derive every table from the events (after a restore, or to prove they agree).

    An event whose MAC fails (edited in the database file) is left out and named, never folded.
    progress(events replayed, events in the log) as the replay goes.
    """
    actor.require(Permission.MANAGE_SETTINGS)
    with ws.transaction(actor) as tx:
        rebuilt = projections.rebuild_all(tx.session, ws.key.event_key, progress)
        detail: dict[str, object] = {"events": rebuilt.events}
        if rebuilt.rejected:
            detail["rejected"] = len(rebuilt.rejected)
            detail["rejected_ids"] = list(rebuilt.rejected[:_NAMED_IN_AUDIT])
        tx.audit("projections.rebuild", "", detail)
    ws.invalidate(Cache)  # every table was rewritten: every cache is stale
    return RebuildResult(rebuilt.events, rebuilt.rejected)
