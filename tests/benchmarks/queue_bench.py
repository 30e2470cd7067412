"""Call-next with ten windows calling at once (ten processes), beside its floor. On a fresh
PostgreSQL database (HALL_DESK_TEST_PG), 2,000 tickets waiting.

The program's call is what the window waits for from the press until it can announce the
number: the window's row, ending the current visit, the calling rule under the queue's lock,
the shared commit and its flush. Its local record (two events, the audit entry, the SQLite
commit and the anchor's fsync) is written by the workstation's recorder right after; each
window waits for it before its next call, and a second row times that wait (its CPU still
loads the machine while the other windows call).

The floor is taken in the same ten processes, interleaved with the calls (each call, then one
floor step): the least a durable call costs, one round trip that takes the next waiting ticket
of 2,000 others (`UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)`, committed), without
the calling rule's turn-taking. Measured at the same moments as the figure, it feels the same
load (the other windows, their records, whatever else runs on the machine), so the ratio is
what the call adds, not how busy the machine was. `queue_figures()` returns printable lines;
run.py prints them, and `python -m tests.benchmarks.queue_bench` runs it alone
(HALL_DESK_QUEUE_BENCH_TICKETS=400 for a quick look).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hall_desk.domain.clock import SettableClock
from hall_desk.services.home import Home
from hall_desk.services.setup import init_home
from tests.benchmarks.measure import header, row
from tests.sync.conftest import fresh_pg_database
from tests.sync.queue_helpers import open_shared, seed_waiting

WINDOWS = 10
TICKETS = int(os.environ.get("HALL_DESK_QUEUE_BENCH_TICKETS", "2000"))
TARGET_MS = 50.0
ROOT = Path(__file__).resolve().parents[2]


def _run_windows(
    homes: list[Path], url: str, floor_day: str
) -> tuple[list[float], list[float], list[float]]:
    """Each call's milliseconds, its local record's after it, and each floor step's."""
    start = datetime.now().astimezone().replace(hour=9, minute=0, second=0, microsecond=0)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.sync.child_queue",
                str(h),
                url,
                str(n),
                start.isoformat(),
                "floor",
                floor_day,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        for n, h in enumerate(homes, 1)
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    samples: list[float] = []
    recording: list[float] = []
    floor: list[float] = []
    for child in children:
        out, _ = child.communicate(timeout=600)
        lines = {x.partition(" ")[0]: x.partition(" ")[2] for x in out.splitlines()}
        samples += json.loads(lines["SAMPLES"])
        recording += json.loads(lines["RECORD"])
        floor += json.loads(lines["FLOOR"])
    return samples, recording, floor


def queue_figures() -> list[str]:
    with fresh_pg_database() as url:
        root = Path(tempfile.mkdtemp(prefix="hall-desk-queue-bench-"))
        try:
            today = datetime.now().astimezone().replace(hour=8, minute=0, second=0, microsecond=0)
            floor_day = (today - timedelta(days=1)).date().isoformat()  # apart from the calls'
            ws = init_home(Home(root / "w0"), hall="基准测试大厅", workstation="Q01")
            ws.close()
            homes = []
            for n in range(1, WINDOWS + 1):
                shutil.copytree(root / "w0", root / f"w{n}")
                homes.append(root / f"w{n}")
            from hall_desk.services.workstation import Workstation

            with Workstation(Home(root / "w0"), SettableClock(today)) as first:
                shared = open_shared(first, url)
                seed_waiting(shared, today.date().isoformat(), today, TICKETS, 0.3, seed=1)
                seed_waiting(shared, floor_day, today, TICKETS, 0.3, seed=2)
                program, recording, floor = _run_windows(homes, url, floor_day)
                shared.close()
            return [
                f"{WINDOWS} windows in {WINDOWS} processes, {TICKETS:,} tickets waiting"
                f" ({len(program):,} calls, {len(floor):,} floor steps between them;"
                f" load average {os.getloadavg()[0]:.1f}):",
                header(),
                row("call-next, ten windows", program, floor, TARGET_MS),
                row("  its local record after", recording, floor, None),
            ]
        finally:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    for line in queue_figures():
        print(line)
