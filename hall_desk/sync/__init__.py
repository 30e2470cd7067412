"""Sync with the hall's shared database: outbox push, cursor pull, local apply, health.

The desktop shell's API (all blocking, safe in a worker thread, no Qt here):
  sync_once(ws, actor, shared_url=None, progress=None) -> SyncReport
  sync_status(ws) -> SyncStatus; due_at_startup(ws) -> bool
  missed_scheduled_sync(sync_time, last_success, now) / next_scheduled(sync_time, now)
  list_conflicts(ws, actor) / resolve_conflict(ws, actor, event_id, note)
"""

from hall_desk.sync.conflicts import Conflict, list_conflicts, resolve_conflict
from hall_desk.sync.errors import SyncBusy, SyncError
from hall_desk.sync.history import FieldChange, applicant_history
from hall_desk.sync.run import SyncOptions, SyncProgress, SyncReport, is_running, sync_once
from hall_desk.sync.schedule import missed_scheduled_sync, next_scheduled, parse_sync_time
from hall_desk.sync.status import SyncStatus, due_at_startup, sync_status

__all__ = [
    "Conflict",
    "FieldChange",
    "SyncBusy",
    "SyncError",
    "SyncOptions",
    "SyncProgress",
    "SyncReport",
    "SyncStatus",
    "applicant_history",
    "due_at_startup",
    "is_running",
    "list_conflicts",
    "missed_scheduled_sync",
    "next_scheduled",
    "parse_sync_time",
    "resolve_conflict",
    "sync_once",
    "sync_status",
]
