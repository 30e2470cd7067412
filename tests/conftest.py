"""Shared fixtures: every test gets its own temporary home with a real SQLite file."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A CFF Chinese font (Noto CJK) is converted for embedding once (seconds) and cached: every run
# of the suite, and the program's child processes in the CLI tests, reuse one converted copy in
# a folder of their own, not the user's cache.
os.environ.setdefault(
    "HALL_DESK_FONT_CACHE", str(Path(tempfile.gettempdir()) / "hall-desk-test-font-cache")
)

from hall_desk.domain.clock import WallClock
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import users
from hall_desk.services.home import Home
from hall_desk.services.setup import init_home
from hall_desk.services.workstation import Workstation
from hall_desk.store.keys import HallKey
from hall_desk.ui import emit_guard

ADMIN_PASSWORD = "admin2026pass"
STAFF_PASSWORD = "staff2026pass"

# Test users are hashed with argon2id at the lowest cost: at the production cost every user of
# every test costs a tenth of a second or more. Verifying reads the cost from the stored hash, so
# homes made by the real program (the CLI tests' child processes) still log in.
# tests/services/test_users.py checks that the program itself keeps the production cost.
if not isinstance(getattr(users, "_hasher", None), PasswordHasher):
    raise RuntimeError("hall_desk.services.users._hasher moved: update the cheap test hasher")
users._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

# PySide6 6.12.0's emit() takes a reference to True away on every call; the program's
# application() wraps emit to take it back (ui/emit_guard.py), and so does the test session,
# whose widgets often run on pytest-qt's own QApplication. The held references are a margin for
# whatever else a C extension's teardown may release at exit: a worker that had built thousands
# of windows used to die there with "Fatal Python error: bool_dealloc".
emit_guard.install()
_BOOL_RESERVE = [True, False] * 50_000


def _new_home(path: Path, code: str, key_file: Path | None) -> Workstation:
    return init_home(
        Home(path),
        hall="科尔沁左翼中旗政务服务中心",
        workstation=code,
        hall_key_file=key_file,
        admin=("admin", "张建国", ADMIN_PASSWORD),
    )


# Homes made once per test run, one per (workstation code, hall key), copied for each test:
# init_home (migrations, the bundled catalog, the calendar, the admin) is most of a test's set-up.
_templates: dict[tuple[str, str | None], Path] = {}
_template_root: list[Path] = []


def _template(code: str, key_file: Path | None) -> Path:
    fingerprint = HallKey.read(key_file).fingerprint if key_file is not None else None
    found = _templates.get((code, fingerprint))
    if found is not None:
        return found
    path = _template_path(f"{len(_templates)}-{code}")
    _new_home(path, code, key_file).close()
    _templates[(code, fingerprint)] = path
    return path


def _template_path(name: str) -> Path:
    if not _template_root:
        root = Path(tempfile.mkdtemp(prefix="hall-desk-templates-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        _template_root.append(root)
    return _template_root[0] / name


_demo_templates: dict[tuple[int, int, int, date], Path] = {}


def demo_home(path: Path, *, days: int, per_day: int, seed: int, end: date) -> Workstation:
    """A W01 home holding `generate(days, per_day, seed, end)`'s demo, made once per test run and
    copied for each test that asks for the same one (a demo month is seconds of set-up)."""
    from hall_desk.services.demo import generate  # only the tests that use a demo pay for it

    params = (days, per_day, seed, end)
    found = _demo_templates.get(params)
    if found is None:
        found = _template_path(f"demo-{days}-{per_day}-{seed}-{end.isoformat()}")
        shutil.copytree(_template("W01", None), found)
        with Workstation(Home(found)) as built:
            generate(built, days=days, per_day=per_day, seed=seed, end=end)
        _demo_templates[params] = found
    shutil.copytree(found, path, dirs_exist_ok=True)
    return Workstation(Home(path))


def make_home(path: Path, code: str = "W01", key_file: Path | None = None) -> Workstation:
    """A home as `hall-desk init` makes it (hall, workstation `code`, admin `admin`); with
    `key_file`, a workstation joining that hall. Homes without a key file share their code's
    template, so two of them with the same code are of one hall (with different codes, of two)."""
    if path.exists() and any(path.iterdir()):
        return _new_home(path, code, key_file)  # refused as init_home refuses it
    shutil.copytree(_template(code, key_file), path, dirs_exist_ok=True)
    return Workstation(Home(path))


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workstation]:
    workstation = make_home(tmp_path / "home")
    yield workstation
    workstation.close()


@pytest.fixture
def admin(ws: Workstation) -> Actor:
    return Actor("admin", "张建国", Role.ADMIN)


@pytest.fixture
def clerk(ws: Workstation, admin: Actor) -> Actor:
    return users.create_user(ws, admin, "clerk1", "王晓燕", Role.CLERK, STAFF_PASSWORD, "综合窗口1")


@pytest.fixture
def router(ws: Workstation, admin: Actor) -> Actor:
    return users.create_user(ws, admin, "router", "赵志刚", Role.ROUTER, STAFF_PASSWORD, "流转岗")


# A Tuesday in an ordinary 2026 week, so due dates are easy to check by hand.
TODAY = date(2026, 11, 24)


def running_clock(start: datetime) -> WallClock:
    """A wall clock that reads `start` now and then runs at real speed."""
    start = start if start.tzinfo is not None else start.astimezone()
    t0 = time.monotonic()
    return WallClock(lambda: start + timedelta(seconds=time.monotonic() - t0))


def next_morning() -> datetime:
    """10:00 on the day after the real one: later than any home made by this run (so hybrid
    clocks restored from their events never run ahead of it) and hours from any midnight, so
    "今天" stays today whatever hour the suite starts at."""
    return (
        datetime.combine(date.today() + timedelta(days=1), datetime.min.time())
        .replace(hour=10)
        .astimezone()
    )
