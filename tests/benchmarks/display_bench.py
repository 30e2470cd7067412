"""Display latency: from a call's commit on the shared database (a window in its own process)
to the hall display (ui/display.py) showing it, on PostgreSQL (LISTEN/NOTIFY wakes the display)
and on the SQLite file (the display polls every second). The floor on PostgreSQL is a bare
NOTIFY → receive between the same two processes; on the file, one poll's read of the board.

`display_figures()` returns printable lines (run.py prints them; `python -m
tests.benchmarks.display_bench` runs it alone). Slow by nature (the file's polling): make bench
only.
"""

from __future__ import annotations

import os
import queue as queues
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import psycopg

from hall_desk.domain.clock import SettableClock
from hall_desk.services import queue
from hall_desk.services.home import Home
from hall_desk.services.setup import init_home
from hall_desk.services.workstation import Workstation
from tests.benchmarks.display_caller import FLOOR_CHANNEL
from tests.benchmarks.measure import header, row, timed
from tests.sync.conftest import _libpq, fresh_pg_database
from tests.sync.queue_helpers import open_shared, seed_waiting

CALLS = int(os.environ.get("HALL_DESK_DISPLAY_BENCH_CALLS", "30"))
TARGET_MS = 1000.0  # "updated within a second of a call"
WAIT_S = 5.0
ROOT = Path(__file__).resolve().parents[2]


class Caller:
    """The window process: one call (or bare NOTIFY) per `step()`, answering its commit time."""

    def __init__(self, home: Path, url: str, floor: bool) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.benchmarks.display_caller", str(home), url, "3"]
            + (["floor"] if floor else []),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert self.proc.stdout is not None and self.proc.stdout.readline().strip() == "READY"

    def step(self) -> tuple[str, float]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        _, label, at = self.proc.stdout.readline().split()
        return label, float(at)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(30)


def _pump(app: object, until: Callable[[], bool], timeout_s: float = WAIT_S) -> bool:
    deadline = time.monotonic() + timeout_s
    while not until():
        if time.monotonic() > deadline:
            return False
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.001)
    return True


def _display_latency(
    ws: Workstation, shared: object, url: str, home: Path, pg: bool
) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from hall_desk.ui.display import Announcer, DisplayWindow

    app = QApplication.instance() or QApplication([])
    window = DisplayWindow(ws, shared, Announcer(None, chime=lambda: None, gap_ms=0))  # type: ignore[arg-type]
    shown: dict[str, float] = {}
    show_board = window.show_board

    def showing(board: queue.Board) -> None:
        show_board(board)
        latest = board.latest.get("3")
        if latest is not None and latest.label not in shown:
            shown[latest.label] = time.time()

    window.show_board = showing  # type: ignore[method-assign]
    window.start(_libpq(url) if pg else "")
    caller = Caller(home, url, floor=False)
    samples = []
    try:
        for n in range(CALLS + 3):
            label, at = caller.step()
            assert _pump(app, lambda label=label: label in shown), f"{label} never shown"
            if n >= 3:  # the first calls wait for the listener to be connected
                samples.append((shown[label] - at) * 1000)
            time.sleep(0.05 if pg else 0.37)  # calls at varied phases of the poll
    finally:
        caller.close()
        window.stop(wait_s=5)
        window.deleteLater()
        app.processEvents()  # type: ignore[union-attr]
    return samples


def _notify_floor(url: str, home: Path) -> list[float]:
    heard: queues.Queue[float] = queues.Queue()
    ready = threading.Event()
    stop = threading.Event()

    def listen() -> None:
        with psycopg.connect(_libpq(url), autocommit=True) as conn:
            conn.execute(f"LISTEN {FLOOR_CHANNEL}")
            ready.set()
            while not stop.is_set():
                for _ in conn.notifies(timeout=0.5):
                    heard.put(time.time())

    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    ready.wait(10)
    caller = Caller(home, url, floor=True)
    samples = []
    try:
        for _ in range(CALLS):
            _, at = caller.step()
            samples.append(max(0.0, heard.get(timeout=WAIT_S) - at) * 1000)
            time.sleep(0.05)
    finally:
        caller.close()
        stop.set()
        thread.join(5)
    return samples


def _hall(root: Path, url: str, tickets: int) -> tuple[Workstation, object, Path]:
    today = datetime.now().astimezone().replace(hour=8, minute=0, second=0, microsecond=0)
    init_home(Home(root / "display"), hall="基准测试大厅", workstation="Q01").close()
    shutil.copytree(root / "display", root / "window")
    ws = Workstation(Home(root / "display"), SettableClock(today.replace(hour=9)))
    shared = open_shared(ws, url)
    seed_waiting(shared, today.date().isoformat(), today, tickets, 0.3, seed=3)
    return ws, shared, root / "window"


def display_figures() -> list[str]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with fresh_pg_database() as url:
        root = Path(tempfile.mkdtemp(prefix="hall-desk-display-bench-"))
        try:
            ws, shared, home = _hall(root / "pg", url, CALLS + 10)
            try:
                on_pg = _display_latency(ws, shared, url, home, pg=True)
                floor_pg = _notify_floor(url, home)
            finally:
                shared.close()  # type: ignore[attr-defined]
                ws.close()
            (root / "file").mkdir()
            path = str(root / "file" / "hall-shared.sqlite3")
            ws, shared, home = _hall(root / "file", path, CALLS + 10)
            try:
                on_file = _display_latency(ws, shared, path, home, pg=False)
                day = ws.today()
                floor_file = timed(lambda: queue.board(shared, day), n=CALLS)  # type: ignore[arg-type]
            finally:
                shared.close()  # type: ignore[attr-defined]
                ws.close()
            return [
                f"display latency, call committed → shown on the display ({CALLS} calls each):",
                header(),
                row("display, PostgreSQL NOTIFY", on_pg, floor_pg, TARGET_MS),
                row("display, SQLite file (poll)", on_file, floor_file, TARGET_MS),
            ]
        finally:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    for line in display_figures():
        print(line)
