"""At every sync: is this machine's clock right? Real time as the sync knows it, and notices.

The shared PostgreSQL server's clock is the hall's reference (`now()`, read once per sync). A
pulled event is held only when stamped beyond the margin ahead of the later of this wall clock
and that server clock, so a workstation whose own clock runs behind does not hold everyone
else's work. With a shared SQLite file there is no server: the wall clock stands alone, and
the newest times the other workstations recorded tell whether it runs behind.
"""

from __future__ import annotations

from collections.abc import Callable

from hall_desk.domain.clock import Timestamp
from hall_desk.services.clock_skew import own_drift_notice, peers_notice, server_notice
from hall_desk.services.workstation import Workstation
from hall_desk.store import eventlog
from hall_desk.sync.validate import HLC


def real_time(wall_ms: Callable[[], int], server_ms: int | None) -> Callable[[], int]:
    if server_ms is None:
        return wall_ms
    return lambda: max(wall_ms(), server_ms)


def clock_notices(
    ws: Workstation,
    wall_ms: int,
    server_ms: int | None,
    newest_pulled: dict[str, str],
    margin_ms: int,
) -> list[str]:
    notices = [ws.clock_notice] if ws.clock_notice else []
    if server_ms is not None:
        said = server_notice(wall_ms, server_ms, margin_ms)
    else:
        peers = [(Timestamp.decode(h), o) for o, h in newest_pulled.items() if HLC.match(h)]
        newest, origin = max(peers) if peers else (None, "")
        said = peers_notice(wall_ms, newest, origin, margin_ms)
    if said:
        notices.append(said)
    with ws.reading() as s:
        own = eventlog.last_own_timestamp(s, ws.code)
    drift = own_drift_notice(own, max(wall_ms, server_ms or 0), margin_ms)
    if drift:
        notices.append(drift)
    return notices
