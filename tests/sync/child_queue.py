"""Run by the queue load test in a child process: one window calling until nobody waits.

python -m tests.sync.child_queue HOME SHARED_URL WINDOW ISO_START [floor FLOOR_DAY]
Prints READY once open, waits for a line on stdin (every window starts at once), then calls
and finally prints "DONE <calls> <p95 ms>", "SAMPLES <json list of ms>" (each call as the window
has it: from the press until the called ticket is known) and "RECORD <json list of ms>" (each
call's local record, written by the workstation's recorder, waited for after the call: a window
calls again minutes later, not at once, so a call here is not timed with the previous record
still being written). With `floor FLOOR_DAY`, each call is followed by one call of the bench's
floor on that day's tickets (one autocommitted UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP
LOCKED), one round trip), timed in "FLOOR <json list of ms>": the floor is taken in the same
processes at the same moments as the figure, under the same load.
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
    floor_day = argv[6] if len(argv) > 6 and argv[5] == "floor" else None
    t0 = time.monotonic()
    wall = WallClock(lambda: start + timedelta(seconds=time.monotonic() - t0))
    clerk = Actor(f"clerk{window}", f"窗口{window}", Role.CLERK)
    with Workstation(Home(Path(home)), wall) as ws:
        ws.config.extra[queue.WINDOW_KEY] = window
        shared = SharedDatabase(parse_location(url), live=True)
        queue.status(ws, shared)  # connected before the start
        print("READY", flush=True)
        sys.stdin.readline()
        times: list[float] = []
        recording: list[float] = []
        floors: list[float] = []
        calling, flooring = True, floor_day is not None
        while calling or flooring:
            if calling:
                began = time.perf_counter()
                try:
                    called = queue.call_next(ws, clerk, shared)
                except queue.QueueBusy:
                    # The SQLite file stayed locked by the other windows past its busy timeout
                    # (a loaded machine): nothing changed, and the clerk presses 叫号 again.
                    continue
                answered = time.perf_counter()
                queue.flush_records(ws)
                if called is None:
                    calling = False
                else:
                    times.append((answered - began) * 1000)
                    recording.append((time.perf_counter() - answered) * 1000)
            if flooring:
                began = time.perf_counter()
                flooring = _floor(shared, floor_day) is not None
                if flooring:
                    floors.append((time.perf_counter() - began) * 1000)
        shared.close()
    ordered = sorted(times)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)] if ordered else 0.0
    print(f"DONE {len(times)} {p95:.1f}", flush=True)
    print("SAMPLES " + json.dumps([round(t, 3) for t in times]), flush=True)
    print("RECORD " + json.dumps([round(t, 3) for t in recording]), flush=True)
    print("FLOOR " + json.dumps([round(t, 3) for t in floors]), flush=True)
    return 0


_FLOOR = text(
    "UPDATE hall_queue_tickets SET state = 'called' WHERE id = ("
    " SELECT id FROM hall_queue_tickets WHERE day = :day AND state = 'waiting'"
    " ORDER BY issued_ms LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id"
)


def _floor(shared: SharedDatabase, day: str | None) -> object:
    """One round trip that takes the next waiting ticket and commits: nothing else."""
    with shared.live_statement() as conn:
        return conn.execute(_FLOOR, {"day": day}).scalar()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
