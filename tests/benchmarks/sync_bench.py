"""Sync speed on the bench home, each figure beside a floor measured in the same run.

- shared schema: a fresh PostgreSQL database given the shared schema, as the hall's first
  workstation (or its kiosk, or a window's queue) does once in the hall's life
  (SharedDatabase.prepare); printed on its own line, with no floor.
- full sync: the whole home pushed to that database, which holds no event yet and whose identity
  the home has never seen, as on a workstation's first night (and the pull that follows);
  floor: the same event rows read from the home's SQLite file and COPYed (psycopg) into a
  table of the same shape (LIKE hall_sync_events INCLUDING ALL: its keys and unique indexes)
  in the same server.
- empty sync: a sync right after, with nothing to send or fetch; floor: a connection, a COPY of
  no rows and a commit.

Both sides load their PostgreSQL driver before anything is timed (psycopg for the floor,
SQLAlchemy's dialect of it for the program).

PostgreSQL comes from HALL_DESK_TEST_PG (default postgresql://postgres@127.0.0.1:5432/test); a
database is created for the run and dropped afterwards. `sync_figures(home)` returns printable
lines; tests/benchmarks/run.py prints them.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import psycopg

# The program reaches PostgreSQL through SQLAlchemy's dialect of psycopg, as the floor through
# psycopg itself: both drivers are loaded before anything is timed (the dialect alone costs
# ~45 ms to import, once in a process's life, like psycopg's own import for the floor).
import sqlalchemy.dialects.postgresql.psycopg  # noqa: F401
from sqlalchemy.engine import make_url

from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.sync import sync_once
from hall_desk.sync.shared import EVENT_COLUMNS, SharedDatabase, parse_location
from tests.benchmarks.measure import FIGURES

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
TARGET_FULL_S = 60.0
TARGET_EMPTY_S = 0.5
EMPTY_RUNS = 5


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _copy_floor(db_file: Path, dsn: str, origin: str) -> float:
    """Read this workstation's events from SQLite and COPY them into PostgreSQL, committed."""

    def run() -> None:
        local = sqlite3.connect(db_file)
        try:
            rows = local.execute(
                f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE origin = ? ORDER BY seq",
                (origin,),
            )
            with psycopg.connect(dsn) as conn, conn.cursor() as cur:
                columns = ", ".join(("position", *EVENT_COLUMNS))
                with cur.copy(f"COPY floor_events ({columns}) FROM STDIN") as copy:
                    for position, row in enumerate(rows, start=1):
                        copy.write_row((position, *row))
        finally:
            local.close()

    return _timed(run)


def _create_schema(url: str, fingerprint: str, hall: str, now: datetime) -> float:
    shared = SharedDatabase(parse_location(url))
    try:
        return _timed(lambda: shared.prepare(fingerprint, hall, now))
    finally:
        shared.close()


def _schema_elsewhere(url: str, fingerprint: str, hall: str, now: datetime) -> float:
    """The schema made by another machine of the hall (its first workstation, its kiosk), once
    in the hall's life: a process of its own, so that this one meets the shared database the
    way a workstation's first sync does, with nothing of it loaded yet. Returns the seconds
    `prepare` took there."""
    done = subprocess.run(
        [sys.executable, "-m", __spec__.name, "--schema", url, fingerprint, hall, now.isoformat()],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.split()[-1])


def _empty_floor(dsn: str) -> float:
    def run() -> None:
        with psycopg.connect(dsn) as conn, conn.cursor() as cur:
            with cur.copy("COPY floor_events (position) FROM STDIN"):
                pass
            conn.rollback()

    return _timed(run)


def _row(name: str, seconds: float, floor: float, target: float) -> str:
    FIGURES[name.split(" (")[0]] = (seconds * 1000, floor * 1000)
    verdict = "ok" if seconds <= target else "OVER"
    return (
        f"{name:<34} {seconds:>9.3f} {floor:>9.3f} {seconds / max(floor, 1e-6):>7.1f}x"
        f" {'≤ ' + format(target, 'g'):>7} {verdict:>5}"
    )


def sync_figures(
    home_path: Path, then: Callable[[str, Path], list[str]] | None = None
) -> list[str]:
    """`then(url, home)`: more figures on the shared database the home was synced to, taken
    before it is dropped (a new workstation's first pull)."""
    base = os.environ.get("HALL_DESK_TEST_PG", DEFAULT_PG)
    name = f"hd_bench_{uuid.uuid4().hex[:10]}"
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    admin_dsn = _libpq(base)
    with psycopg.connect(admin_dsn, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        ws = Workstation(Home(home_path))
        try:
            schema = _schema_elsewhere(url, ws.key.fingerprint, ws.hall, ws.now())
            # A fresh shared database has a new identity: the home sends everything, as it would
            # on the first night (or after the shared database was replaced).
            started = time.perf_counter()
            report = sync_once(ws, SYSTEM_ACTOR, shared_url=url)
            full = time.perf_counter() - started
            empty = statistics.median(
                _timed(lambda: sync_once(ws, SYSTEM_ACTOR, shared_url=url))
                for _ in range(EMPTY_RUNS)
            )
            code = ws.code
        finally:
            ws.close()
        dsn = _libpq(url)
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("CREATE TABLE floor_events (LIKE hall_sync_events INCLUDING ALL)")
        floor_full = _copy_floor(home_path / "local.sqlite3", dsn, code)
        floor_empty = statistics.median(_empty_floor(dsn) for _ in range(EMPTY_RUNS))
        more = then(url, home_path) if then is not None else []
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    header = ("measure (s)", "measured", "floor", "ratio", "target")
    return [
        "{:<34} {:>9} {:>9} {:>8} {:>7}".format(*header),
        f"{'shared schema created (once a hall)':<34} {schema:>9.3f}",
        _row(f"full sync → PostgreSQL ({report.pushed:,} ev)", full, floor_full, TARGET_FULL_S),
        _row(f"empty sync (median of {EMPTY_RUNS})", empty, floor_empty, TARGET_EMPTY_S),
        "sync floors: the same event rows read from the home's SQLite file and COPYed (psycopg)"
        " into a table of the same shape; for the empty sync, a connection, a COPY of no rows.",
        *more,
    ]


if __name__ == "__main__":
    if sys.argv[1] == "--schema":  # _schema_elsewhere's child: URL FINGERPRINT HALL NOW
        url, fingerprint, hall, now = sys.argv[2:6]
        print(_create_schema(url, fingerprint, hall, datetime.fromisoformat(now)))
        sys.exit(0)
    # python -m tests.benchmarks.sync_bench HOME  (run.py calls sync_figures itself)
    for line in sync_figures(Path(sys.argv[1])):
        print(line)
