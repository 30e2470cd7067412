"""An intake saved, beside a floor that makes the very same writes as raw SQL, checkpoints
included in both.

python -m tests.benchmarks.intake_bench   (HALL_DESK_BENCH_CASES sets the home, default 5000)

The floor: before the program's intakes the home's database is copied; every write statement
the program sends during an intake (its INSERTs and UPDATEs, with their values) is recorded and
then replayed on the copy by the raw sqlite3 module, one BEGIN IMMEDIATE … COMMIT per intake,
with synchronous=FULL and SQLite's default automatic checkpoint (1,000 pages): the same rows
into the same tables and indexes, the same pages, with none of the program's reads or Python,
and a checkpoint on the commit that crosses SQLite's bound. The two run in alternating blocks,
so that a noisy neighbour weighs on both alike; between a block and its replay the program
pauses, as a clerk does, until its quiet-time checkpoint is over. The program's own checkpoints
(off the commit, store/checkpoints.py) and its audit anchor writes (off the commit too,
store/anchor_writer.py) run while it is timed; the figures say how many ran.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event

from hall_desk.services import intake, users
from hall_desk.services.catalog import load_catalog
from hall_desk.services.demo import DEMO_PASSWORD, _People, _received
from hall_desk.services.home import Home
from hall_desk.services.intake import IntakeDraft
from hall_desk.services.workstation import Workstation
from tests.benchmarks.measure import header, percentile, row

END = date(2026, 11, 27)
INTAKES = 300  # a p95 over 300 intakes: 15 slower than it, ~13 SQLite checkpoints among them
BLOCK = 50  # intakes timed in a row before the floor replays them
TARGET_MS = 15.0
PAGE = 4096


def drafts_for(ws: Workstation, n: int, seed: int = 7) -> list[IntakeDraft]:
    """`n` intakes of new applicants, each of one item with its materials received."""
    rng = random.Random(seed)
    items = [i for i in load_catalog(ws)[0] if i.kind != "immediate"]
    people = _People(rng)
    out = []
    for _ in range(n):
        item = rng.choice(items)
        out.append(
            IntakeDraft(
                applicant=people.person(END),
                item_codes=[item.code],
                received=_received([item], lambda n, req, dfr: False),
            )
        )
    return out


class WriteRecorder:
    """The write statements the program sends on its writer connections, one list per intake.

    Taken from SQLite's own trace of each statement as run, its values in place: the program
    writes events, audit entries and projection rows straight on the driver (store/driver.py),
    which SQLAlchemy's statement events never see."""

    def __init__(self, ws: Workstation) -> None:
        self.engine = ws.db.write_engine
        self.current: list[str] = []
        self._traced: list[Any] = []
        event.listen(self.engine, "checkout", self._trace)

    def _trace(self, dbapi_conn, record, proxy) -> None:  # type: ignore[no-untyped-def]
        if dbapi_conn not in self._traced:
            dbapi_conn.set_trace_callback(self._seen)
            self._traced.append(dbapi_conn)

    def _seen(self, statement: str) -> None:
        head = statement.lstrip()[:6].upper()
        if head in ("INSERT", "UPDATE", "DELETE"):
            self.current.append(statement)

    def take(self) -> list[str]:
        taken, self.current = self.current, []
        return taken

    def close(self) -> None:
        event.remove(self.engine, "checkout", self._trace)
        for conn in self._traced:
            conn.set_trace_callback(None)


def _wal_pages(db_path: Path) -> int:
    wal = Path(f"{db_path}-wal")
    return (wal.stat().st_size // (PAGE + 24)) if wal.exists() else 0


def _pause(ws: Workstation) -> None:
    """A clerk's pause after the block: the program's quiet-time checkpoint runs in it, and
    is over before the floor is timed on the same disk."""
    checkpointer = ws.db.checkpointer
    for _ in range(600):
        time.sleep(0.05)
        if not checkpointer.behind:
            return


def intake_rows(path: Path, intakes: int = INTAKES) -> list[str]:
    """The program's intakes and the floor's replay of their writes, in alternating blocks."""
    db_path = path / "local.sqlite3"
    floor_path = path / "floor.sqlite3"
    ws = Workstation(Home(path))
    clerk = users.login(ws, "clerk1", DEMO_PASSWORD)
    drafts = drafts_for(ws, intakes + 10)
    for draft in drafts[:10]:  # warm: the catalog, the calendar, the statement cache
        intake.accept(ws, clerk, draft, on=END)
    # The copy: everything committed so far, moved into the database file first.
    raw = sqlite3.connect(db_path)
    try:
        busy, *_ = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        raw.close()
    if busy:
        raise RuntimeError("the home's log could not be copied back: is the program running?")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{floor_path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(db_path, floor_path)
    floor = sqlite3.connect(floor_path, isolation_level=None)
    floor.execute("PRAGMA journal_mode=WAL")
    floor.execute("PRAGMA synchronous=FULL")
    floor.execute("PRAGMA foreign_keys=ON")
    recorder = WriteRecorder(ws)
    program: list[float] = []
    floor_ms: list[float] = []
    checkpoints = ws.db.checkpointer.runs
    anchors = ws.anchors.writes
    wal_max = 0
    try:
        todo = drafts[10:]
        for start in range(0, intakes, BLOCK):
            block = []
            for draft in todo[start : start + BLOCK]:
                started = time.perf_counter()
                intake.accept(ws, clerk, draft, on=END)
                program.append((time.perf_counter() - started) * 1000)
                block.append(recorder.take())
                wal_max = max(wal_max, _wal_pages(db_path))
            _pause(ws)
            for writes in block:
                started = time.perf_counter()
                floor.execute("BEGIN IMMEDIATE")
                for statement in writes:
                    floor.execute(statement)
                floor.execute("COMMIT")
                floor_ms.append((time.perf_counter() - started) * 1000)
        checkpoints = ws.db.checkpointer.runs - checkpoints
        restarts = ws.db.checkpointer.restarts
        ws.anchors.flush()
        anchors = ws.anchors.writes - anchors
    finally:
        recorder.close()
        floor.close()
        ws.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{floor_path}{suffix}").unlink(missing_ok=True)
    return [
        row("intake saved (accept)", program, floor_ms, TARGET_MS),
        f"{intakes} intakes in blocks of {BLOCK}, each block's writes then replayed by the floor"
        f" (floor p50 {percentile(floor_ms, 50):.2f} ms); the program's background checkpoints"
        f" during them and the pauses after each block: {checkpoints} ({restarts} RESTART),"
        f" its log file at most {wal_max:,} pages; audit anchor files written in the background"
        f" (off the commit, store/anchor_writer.py): {anchors} for {intakes} intakes.",
    ]


def main() -> int:
    from tests.benchmarks.run import bench_home

    cases = int(os.environ.get("HALL_DESK_BENCH_CASES", "5000").split(",")[0])
    path = bench_home(cases)
    print(header())
    for line in intake_rows(path):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
