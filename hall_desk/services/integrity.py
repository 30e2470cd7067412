"""Checking what the program keeps: the audit chain, and projections against the event log."""

from __future__ import annotations

from hall_desk.domain.roles import Actor, Permission
from hall_desk.services.workstation import Workstation
from hall_desk.store import audit, projections
from hall_desk.store.audit import AuditReport
from hall_desk.store.event_kinds import Cache


def verify_audit(ws: Workstation) -> AuditReport:
    """The chain, held against the anchor kept beside the database."""
    anchor = audit.read_anchor(ws.home.audit_anchor_path, ws.key.audit_key)
    with ws.reading() as s:
        return audit.verify(s, ws.key.audit_key, anchor, anchored=True)


def rebuild_projections(ws: Workstation, actor: Actor) -> int:
    """Re-derive every table from the events (after a restore, or to prove they agree)."""
    actor.require(Permission.MANAGE_SETTINGS)
    with ws.transaction(actor) as tx:
        count = projections.rebuild_all(tx.session)
        tx.audit("projections.rebuild", "", {"events": count})
    ws.invalidate(Cache)  # every table was rewritten: every cache is stale
    return count
