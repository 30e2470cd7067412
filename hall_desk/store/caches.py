"""What a workstation keeps in memory that some events make stale (the registry names which).

Apart from the registry (store/event_kinds.py) so that the workstation can name them without
importing it: the registry maps every projected table, and a command that only reads (`report
daily`) folds nothing.
"""

from __future__ import annotations

from enum import StrEnum


class Cache(StrEnum):
    """What a workstation keeps in memory that some events make stale."""

    CALENDAR = "calendar"
    CATALOG = "catalog"
    HALL = "hall"
