"""An old event's payload as this program reads it, with the registry loaded at the first read.

Screens that show records (a case's timeline, an applicant's history) read payloads; importing
the registry with them would map every projected table at start-up (store/event_names.py).
"""

from __future__ import annotations

from typing import Any


def payload_of(kind: str, payload: str) -> dict[str, Any]:
    """`event_kinds.payload_of`: current version, known keys only."""
    from hall_desk.store import event_kinds

    return event_kinds.payload_of(kind, payload)
