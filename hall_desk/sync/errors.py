"""Why a sync stopped, in words the person at the desk can act on."""

from __future__ import annotations

from hall_desk.domain.errors import StorageError


class SyncError(StorageError):
    """The sync was refused or interrupted; nothing unacknowledged is lost, the next run resumes."""


class SyncBusy(SyncError):
    """A sync of this workstation is already running in this program."""
