"""Sync tests: a real PostgreSQL server (a fresh database per test) and shared SQLite files.

PostgreSQL comes from HALL_DESK_TEST_PG (default postgresql://postgres@127.0.0.1:5432/test).
Without a server the PostgreSQL cases are skipped with the reason; with HALL_DESK_REQUIRE_PG=1
(CI) they fail instead.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from hall_desk.domain.clock import SettableClock, WallClock
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from tests.conftest import make_home, next_morning

PG_ENV = "HALL_DESK_TEST_PG"
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
HALL_CODES = ("W1", "W2", "W3")
OTHER_HALL_CODE = "X1"


def pg_base() -> str:
    return os.environ.get(PG_ENV, DEFAULT_PG)


def _libpq(url: str) -> str:
    """psycopg takes postgresql:// only (not SQLAlchemy's +psycopg)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@cache
def _server_problem() -> str | None:
    try:
        with psycopg.connect(_libpq(pg_base()), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return f"PostgreSQL at {make_url(pg_base()).render_as_string()} is unreachable: {exc}"
    return None


def require_pg() -> None:
    problem = _server_problem()
    if problem is None:
        return
    if os.environ.get("HALL_DESK_REQUIRE_PG") == "1":
        pytest.fail(f"{problem} (HALL_DESK_REQUIRE_PG=1: the PostgreSQL tests must run)")
    pytest.skip(f"{problem}; set {PG_ENV} to a server to run the PostgreSQL sync tests")


def _admin() -> psycopg.Connection:
    return psycopg.connect(_libpq(pg_base()), autocommit=True, connect_timeout=5)


@contextmanager
def fresh_pg_database() -> Iterator[str]:
    """A new, empty database for one test (or one hypothesis example), dropped afterwards."""
    require_pg()
    name = f"hd_sync_{uuid.uuid4().hex[:12]}"
    with _admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(pg_base()).set(database=name).render_as_string(hide_password=False)
    finally:
        with _admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_copy_database(url: str, new_name: str) -> str:
    """A byte-for-byte copy (CREATE DATABASE … TEMPLATE): how a backup is taken and restored."""
    source = make_url(url).database
    with _admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{new_name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{new_name}" TEMPLATE "{source}"')
    return make_url(url).set(database=new_name).render_as_string(hide_password=False)


def pg_drop_database(name: str) -> None:
    with _admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url() -> Iterator[str]:
    with fresh_pg_database() as url:
        yield url


@pytest.fixture(
    params=[pytest.param("postgresql", marks=pytest.mark.postgres), "sqlite"], ids=["pg", "sqlite"]
)
def shared_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The main behaviours run on both backends."""
    if request.param == "postgresql":
        with fresh_pg_database() as url:
            yield url
    else:
        folder = tmp_path / "shared"
        folder.mkdir()
        yield str(folder / "hall-shared.sqlite3")


# --- workstations of one hall ------------------------------------------------------------------


@pytest.fixture(scope="session")
def home_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Homes made once per session (one hall: W1–W3; another hall: X1), copied per test."""
    root = tmp_path_factory.mktemp("sync-templates")
    first = make_home(root / HALL_CODES[0], HALL_CODES[0])
    first.key.write(root / "hall.key")
    first.close()
    for code in HALL_CODES[1:]:
        make_home(root / code, code, key_file=root / "hall.key").close()
    make_home(root / OTHER_HALL_CODE, OTHER_HALL_CODE).close()
    return {code: root / code for code in (*HALL_CODES, OTHER_HALL_CODE)}


class Hall:
    """Opens copies of the template homes under one folder; closes them all at the end."""

    def __init__(self, root: Path, templates: dict[str, Path]) -> None:
        self.root = root
        self.templates = templates
        self.open: list[Workstation] = []

    def home(self, code: str) -> Path:
        path = self.root / code
        if not path.exists():
            shutil.copytree(self.templates[code], path)
        return path

    def ws(self, code: str, wall: WallClock | None = None) -> Workstation:
        workstation = Workstation(Home(self.home(code)), wall)
        self.open.append(workstation)
        return workstation

    def reopen(self, ws: Workstation) -> Workstation:
        ws.close()
        return self.ws(ws.code)

    def close(self) -> None:
        for workstation in self.open:
            workstation.close()
        self.open.clear()


@pytest.fixture
def hall(tmp_path: Path, home_templates: dict[str, Path]) -> Iterator[Hall]:
    h = Hall(tmp_path / "hall", home_templates)
    yield h
    h.close()


# --- the queue: one window calling ------------------------------------------------------------


@pytest.fixture
def clock() -> SettableClock:
    """09:00 tomorrow: hours from closing and from midnight, whatever hour the suite runs at."""
    return SettableClock(next_morning().replace(hour=9, minute=0, second=0, microsecond=0))


@pytest.fixture
def window(hall: Hall, clock: SettableClock) -> Workstation:
    """Workstation W1 as 3号窗口 (set_window from queue_helpers)."""
    from tests.sync.queue_helpers import set_window

    ws = hall.ws("W1", clock)
    set_window(ws, "3")
    return ws
