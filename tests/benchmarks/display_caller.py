"""A window in its own process for the display bench: one call per line read on stdin.

python -m tests.benchmarks.display_caller HOME SHARED_URL WINDOW [floor]
Prints READY, then for each line read: "AT <label> <epoch s>" with the moment call_next
returned, which it does once the call is committed on the shared database. With `floor`, each
line is one bare `NOTIFY` instead (autocommit), and the moment its commit returned.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from hall_desk.domain.clock import WallClock
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import queue
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.sync.shared import SharedDatabase, parse_location

FLOOR_CHANNEL = "hall_queue_floor"


def main(argv: list[str]) -> int:
    home, url, window = argv[1], argv[2], argv[3]
    if len(argv) > 4 and argv[4] == "floor":
        libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(libpq, autocommit=True) as conn:
            print("READY", flush=True)
            for _ in sys.stdin:
                conn.execute(f"NOTIFY {FLOOR_CHANNEL}")
                print(f"AT floor {time.time():.6f}", flush=True)
        return 0
    start = datetime.now().astimezone().replace(hour=9, minute=0, second=0, microsecond=0)
    t0 = time.monotonic()
    clerk = Actor(f"clerk{window}", f"窗口{window}", Role.CLERK)
    wall = WallClock(lambda: start + timedelta(seconds=time.monotonic() - t0))
    with Workstation(Home(Path(home)), wall) as ws:
        ws.config.extra[queue.WINDOW_KEY] = window
        shared = SharedDatabase(parse_location(url), live=True)
        queue.status(ws, shared)
        print("READY", flush=True)
        for _ in sys.stdin:
            called = queue.call_next(ws, clerk, shared)
            # call_next returns once the shared commit is made (its local record follows on
            # the recorder): from here the display may show the call.
            committed = time.time()
            label = called.label if called is not None else "-"
            print(f"AT {label} {committed:.6f}", flush=True)
        shared.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
