"""What the last sync said, kept in meta for the status bar until the next one: its notices
(holes in the shared database, an anchor not reached) and what it found of the clocks."""

from __future__ import annotations

from hall_desk.services.workstation import Workstation
from hall_desk.store.models import Meta

NOTICES = "sync_notices"  # the last successful sync's notices, a JSON list
CLOCK_NOTICES = "sync_clock_notice"  # what the last sync said about the clocks, one a line


def remember_clock(ws: Workstation, notices: list[str]) -> None:
    with ws.db.write() as s:
        row = s.get(Meta, CLOCK_NOTICES)
        if not notices:
            if row is not None:
                s.delete(row)
            return
        if row is None:
            s.add(Meta(key=CLOCK_NOTICES, value="\n".join(notices)))
        else:
            row.value = "\n".join(notices)


def remembered_clock(ws: Workstation) -> list[str]:
    """The last sync's clock notices, after the one this start found (ws.clock_notice)."""
    with ws.reading() as s:
        row = s.get(Meta, CLOCK_NOTICES)
    said = row.value.splitlines() if row is not None and row.value else []
    if ws.clock_notice and ws.clock_notice not in said:
        said.insert(0, ws.clock_notice)
    return said
