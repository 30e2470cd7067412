"""A new workstation's first pull of the whole hall, beside its floor measured in the same run.

- first pull: the bench home pushed to a fresh PostgreSQL database, then a new workstation of
  the same hall (a fresh home with the hall key) syncs once and takes every event.
- floor: the same rows read from PostgreSQL and inserted into the events table of a fresh
  SQLite file of the same schema (WAL, synchronous=FULL), 2,000 rows per transaction — what any
  first pull must do at least, before folding a single projection.

`pull_figures(home)` returns printable lines; run.py prints them. Standalone:
`python -m tests.benchmarks.pull_bench HOME`.
"""

from __future__ import annotations

import gc
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services.home import Home
from hall_desk.services.setup import init_home
from hall_desk.services.workstation import Workstation
from hall_desk.sync import sync_once
from hall_desk.sync.run import SyncProgress
from hall_desk.sync.shared import EVENT_COLUMNS
from tests.benchmarks.measure import FIGURES

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
FLOOR_BATCH = 2000
TARGET_RATIO = 3.0


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _pull_floor(dsn: str, empty_db: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds to copy every shared event into a fresh local events table."""
    columns = ", ".join(EVENT_COLUMNS)
    marks = ", ".join("?" for _ in EVENT_COLUMNS)
    started, cpu = time.perf_counter(), _cpu()
    local = sqlite3.connect(empty_db, isolation_level=None)
    local.execute("PRAGMA journal_mode=WAL")
    local.execute("PRAGMA synchronous=FULL")
    count = 0
    with psycopg.connect(dsn) as conn, conn.cursor(name="floor") as cur:
        cur.itersize = FLOOR_BATCH
        cur.execute(f"SELECT {columns} FROM hall_sync_events ORDER BY position")
        while rows := cur.fetchmany(FLOOR_BATCH):
            local.execute("BEGIN IMMEDIATE")
            local.executemany(f"INSERT INTO events ({columns}) VALUES ({marks})", rows)
            local.execute("COMMIT")
            count += len(rows)
    local.close()
    return time.perf_counter() - started, _cpu() - cpu, count


class _Progress:
    """Prints the pull's progress lines as a person would see them (one every few seconds)."""

    def __init__(self) -> None:
        self.last = 0.0
        self.lines: list[str] = []

    def __call__(self, p: SyncProgress) -> None:
        now = time.perf_counter()
        if p.phase == "pull" and (now - self.last > 5 or p.done == p.total):
            self.last = now
            print(f"  {p.text}", flush=True)


def first_pull_figures(url: str, home_path: Path) -> list[str]:
    """A new workstation joins the hall whose events the shared database at `url` holds."""
    scratch = Path(tempfile.mkdtemp(prefix="hd-pull-"))
    try:
        with Workstation(Home(home_path)) as source:
            source.key.write(scratch / "hall.key")
        with psycopg.connect(_libpq(url), autocommit=True) as conn:
            conn.execute("ANALYZE hall_sync_events")
        joining = init_home(
            Home(scratch / "new"),
            hall="基准测试大厅",
            workstation="N01",
            hall_key_file=scratch / "hall.key",
        )
        empty = scratch / "floor.sqlite3"
        shutil.copy(joining.home.db_path, empty)
        with joining:
            # Neither figure pays for the other's garbage (or the push's): the floor, timed
            # after the pull, met a full collection of the heap the pull had left.
            gc.collect()
            started, cpu = time.perf_counter(), _cpu()
            report = sync_once(joining, SYSTEM_ACTOR, shared_url=url, progress=_Progress())
            wall, cpu = time.perf_counter() - started, _cpu() - cpu
        gc.collect()
        floor_wall, floor_cpu, rows = _pull_floor(_libpq(url), empty)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    FIGURES["first pull"] = (wall * 1000, floor_wall * 1000)
    ratio = wall / max(floor_wall, 1e-6)
    verdict = "ok" if ratio <= TARGET_RATIO else "OVER"
    return [
        f"{f'first pull ({report.pulled:,} ev)':<34} {wall:>9.2f} {floor_wall:>9.2f}"
        f" {ratio:>7.1f}x {'≤ 3x':>7} {verdict:>5}",
        f"{'first pull CPU':<34} {cpu:>9.2f} {floor_cpu:>9.2f} {cpu / max(floor_cpu, 1e-6):>7.1f}x",
        f"  {report.pulled / max(wall, 1e-6):,.0f} events/s pulled; floor {rows / floor_wall:,.0f}"
        " rows/s",
        "pull floor: the same rows read from PostgreSQL and inserted into a fresh SQLite events"
        f" table, {FLOOR_BATCH:,} per transaction (WAL, synchronous=FULL).",
    ]


def pull_figures(home_path: Path) -> list[str]:
    """The home pushed to a fresh PostgreSQL database, then the first pull from it."""
    base = os.environ.get("HALL_DESK_TEST_PG", DEFAULT_PG)
    name = f"hd_pull_{uuid.uuid4().hex[:10]}"
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    admin_dsn = _libpq(base)
    with psycopg.connect(admin_dsn, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        with Workstation(Home(home_path)) as source:
            sync_once(source, SYSTEM_ACTOR, shared_url=url)
        header = ("measure (s)", "measured", "floor", "ratio", "target")
        return [
            "{:<34} {:>9} {:>9} {:>8} {:>7}".format(*header),
            *first_pull_figures(url, home_path),
        ]
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    for line in pull_figures(Path(sys.argv[1])):
        print(line)
