"""Run by the queue load test in a child process: one window calling until nobody waits.

python -m tests.sync.child_queue HOME SHARED_URL WINDOW ISO_START [floor]
Prints READY once open, waits for a line on stdin (every window starts at once), then calls
and finally prints "DONE <calls> <p95 ms>", "SAMPLES <json list of ms>" (each call as the window
has it: until the called ticket is known) and "RECORD <json list of ms>" (each call's local
record, written by the workstation's recorder, waited for after the call: a window calls again
minutes later, not at once, so a call here is not timed with the previous record still being
written). With `floor`, each call is only the floor of the bench: one SELECT … FOR UPDATE SKIP
LOCKED and its UPDATE.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from hall_desk.domain.clock import WallClock
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import queue
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.sync.shared import SharedDatabase, parse_location


def main(argv: list[str]) -> int:
    home, url, window, start = argv[1], argv[2], argv[3], datetime.fromisoformat(argv[4])
    floor = len(argv) > 5 and argv[5] == "floor"
    t0 = time.monotonic()
    wall = WallClock(lambda: start + timedelta(seconds=time.monotonic() - t0))
    clerk = Actor(f"clerk{window}", f"窗口{window}", Role.CLERK)
    with Workstation(Home(Path(home)), wall) as ws:
        ws.config.extra[queue.WINDOW_KEY] = window
        shared = SharedDatabase(parse_location(url), live=True)
        queue.status(ws, shared)  # connected before the start
        print("READY", flush=True)
        sys.stdin.readline()
        times, recording = [], []
        while True:
            began = time.perf_counter()
            try:
                called = _floor(shared) if floor else queue.call_next(ws, clerk, shared)
            except queue.QueueBusy:
                # The SQLite file stayed locked by the other windows past its busy timeout
                # (a loaded machine): nothing changed, and the clerk presses 叫号 again.
                continue
            answered = time.perf_counter()
            times.append((answered - began) * 1000)
            if not floor:
                queue.flush_records(ws)
                recording.append((time.perf_counter() - answered) * 1000)
            if called is None:
                break
        shared.close()
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    print(f"DONE {len(times) - 1} {p95:.1f}", flush=True)
    print("SAMPLES " + json.dumps([round(t, 3) for t in times[:-1]]), flush=True)
    print("RECORD " + json.dumps([round(t, 3) for t in recording[:-1]]), flush=True)
    return 0


_FLOOR = (
    "SELECT id FROM hall_queue_tickets WHERE state = 'waiting'"
    " ORDER BY issued_ms LIMIT 1 FOR UPDATE SKIP LOCKED"
)


def _floor(shared: SharedDatabase) -> object:
    """One round trip that takes the next waiting ticket, and its update: nothing else."""
    with shared.live() as conn:
        found = conn.execute(text(_FLOOR)).scalar()
        if found is not None:
            conn.execute(
                text("UPDATE hall_queue_tickets SET state = 'called' WHERE id = :id"), {"id": found}
            )
        return found


if __name__ == "__main__":
    sys.exit(main(sys.argv))
