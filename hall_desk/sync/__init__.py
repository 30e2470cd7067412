"""Sync with the hall's shared database: outbox push, cursor pull, local apply, health.

The desktop shell's API (all blocking, safe in a worker thread, no Qt here):
  sync_once(ws, actor, shared_url=None, progress=None) -> SyncReport
  sync_status(ws) -> SyncStatus; due_at_startup(ws) -> bool
  missed_scheduled_sync(sync_time, last_success, now) / next_scheduled(sync_time, now)
  list_conflicts(ws, actor) / resolve_conflict(ws, actor, event_id, note)

Each name is imported from its module when first asked for (PEP 562): importing one part of
the package, as the window's status bar does, does not import the whole engine (the pull, the
validation of every event kind, every table), which the window needs only when it syncs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hall_desk.sync.conflicts import Conflict, list_conflicts, resolve_conflict
    from hall_desk.sync.errors import SyncBusy, SyncError
    from hall_desk.sync.history import FieldChange, applicant_history
    from hall_desk.sync.run import SyncOptions, SyncProgress, SyncReport, sync_once
    from hall_desk.sync.running import is_running
    from hall_desk.sync.schedule import missed_scheduled_sync, next_scheduled, parse_sync_time
    from hall_desk.sync.status import SyncStatus, due_at_startup, sync_status

# name → the module (in this package) that defines it
_HOMES = {
    "Conflict": "conflicts",
    "list_conflicts": "conflicts",
    "resolve_conflict": "conflicts",
    "SyncBusy": "errors",
    "SyncError": "errors",
    "FieldChange": "history",
    "applicant_history": "history",
    "SyncOptions": "run",
    "SyncProgress": "run",
    "SyncReport": "run",
    "sync_once": "run",
    "is_running": "running",
    "missed_scheduled_sync": "schedule",
    "next_scheduled": "schedule",
    "parse_sync_time": "schedule",
    "SyncStatus": "status",
    "due_at_startup": "status",
    "sync_status": "status",
}

__all__ = [  # the same names as _HOMES (a test keeps them so)
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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        # Also how `from hall_desk.sync import pull` finds that a submodule is meant.
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # asked once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
