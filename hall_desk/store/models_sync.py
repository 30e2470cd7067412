"""Local tables of the sync with the hall's shared database (cursor, push state, conflicts)."""

# Annotations are objects here, not strings (no `from __future__ import annotations`):
# see store/base.py.
from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hall_desk.store.base import Base

# None of these are projections: they are this workstation's own record of its sync. Conflicts
# and field history are derived from events too, but `rebuild_all` does not know how to derive
# them, so it must not empty them (hall_desk.sync recomputes them from the log on demand).


class SyncPeer(Base):
    """One shared database this workstation synced with, by the identity that database holds.

    A replaced or restored shared database has a new identity (or fails the anchor checks), so
    the workstation starts over with a fresh row instead of trusting an old cursor.
    """

    __tablename__ = "sync_peers"
    identity: Mapped[str] = mapped_column(String(36), primary_key=True)
    hall_fingerprint: Mapped[str] = mapped_column(String(16))
    location: Mapped[str] = mapped_column(String(400), default="")  # password never stored
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0)  # shared position applied
    cursor_event_id: Mapped[str] = mapped_column(String(36), default="")  # event at that position
    pushed_seq: Mapped[int] = mapped_column(Integer, default=0)  # own events acknowledged
    first_seen_at: Mapped[str] = mapped_column(String(32))
    last_seen_at: Mapped[str] = mapped_column(String(32))
    resets: Mapped[int] = mapped_column(Integer, default=0)
    reset_reason: Mapped[str] = mapped_column(Text, default="")


class SyncRun(Base):
    """Every attempt, finished or not: the health shown in the status bar comes from here."""

    __tablename__ = "sync_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[str] = mapped_column(String(32))
    finished_at: Mapped[str | None] = mapped_column(String(32))
    ok: Mapped[bool | None] = mapped_column(Boolean)
    actor: Mapped[str] = mapped_column(String(64), default="")
    location: Mapped[str] = mapped_column(String(400), default="")
    identity: Mapped[str] = mapped_column(String(36), default="")
    pushed: Mapped[int] = mapped_column(Integer, default=0)
    pulled: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")


class SyncConflict(Base):
    """Two workstations' events that cannot both stand (both kept): a lifecycle step not allowed
    from the state its case had reached, or (`field` set) an applicant field two workstations
    changed without knowing of each other."""

    __tablename__ = "sync_conflicts"
    # The refused-by-rule step; for a field conflict "<the overwriting event>:<field>".
    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(36), index=True)
    case_no: Mapped[str] = mapped_column(String(32), default="")
    state_before: Mapped[str] = mapped_column(String(24), default="")
    kind: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(64))
    hlc: Mapped[str] = mapped_column(String(20))
    other_event_id: Mapped[str] = mapped_column(String(36), default="")  # the step it collides with
    other_kind: Mapped[str] = mapped_column(String(64), default="")
    other_origin: Mapped[str] = mapped_column(String(16), default="")
    other_actor: Mapped[str] = mapped_column(String(64), default="")
    other_hlc: Mapped[str] = mapped_column(String(20), default="")
    detected_at: Mapped[str] = mapped_column(String(32))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    resolved_at: Mapped[str] = mapped_column(String(20), default="")  # HLC of the resolution
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    resolution_note: Mapped[str] = mapped_column(Text, default="")
    resolution_event_id: Mapped[str] = mapped_column(String(36), default="")
    # Field conflicts: the event_id/other_event_id columns above name the two events.
    field: Mapped[str] = mapped_column(String(32), default="", server_default="")
    applicant_id: Mapped[str] = mapped_column(String(36), default="", server_default="", index=True)
    value: Mapped[str] = mapped_column(Text, default="", server_default="")  # ciphertext for PII
    value_masked: Mapped[str] = mapped_column(String(64), default="", server_default="")
    other_value: Mapped[str] = mapped_column(Text, default="", server_default="")
    other_value_masked: Mapped[str] = mapped_column(String(64), default="", server_default="")
    kept_event_id: Mapped[str] = mapped_column(String(36), default="", server_default="")


class SyncRefusedEvent(Base):
    """Quarantine: a pulled event not applied (clock far ahead, corrupted, waiting, unsealed)."""

    __tablename__ = "sync_refused_events"
    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    reason_code: Mapped[str] = mapped_column(String(16), index=True)  # validate.py codes
    reason: Mapped[str] = mapped_column(Text)
    shared_identity: Mapped[str] = mapped_column(String(36), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    origin: Mapped[str] = mapped_column(Text, default="")
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hlc: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(Text, default="")
    entity_type: Mapped[str] = mapped_column(Text, default="")
    entity_id: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[str] = mapped_column(Text, default="")  # as received: ciphertext only
    mac: Mapped[str] = mapped_column(Text, default="")  # kept with the payload for the retry
    first_seen_at: Mapped[str] = mapped_column(String(32))
    last_seen_at: Mapped[str] = mapped_column(String(32))
    applied_at: Mapped[str | None] = mapped_column(String(32))  # a late clock caught up


class SyncFieldHistory(Base):
    """An editable field overwritten by a later event (by HLC): the old value is kept here."""

    __tablename__ = "sync_field_history"
    new_event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64), index=True)
    old_value: Mapped[str] = mapped_column(Text, default="")  # ciphertext for personal data
    old_masked: Mapped[str] = mapped_column(String(64), default="")
    old_event_id: Mapped[str] = mapped_column(String(36))
    old_origin: Mapped[str] = mapped_column(String(16))
    old_hlc: Mapped[str] = mapped_column(String(20))
    new_origin: Mapped[str] = mapped_column(String(16))
    new_hlc: Mapped[str] = mapped_column(String(20))
