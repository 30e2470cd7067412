"""Shared fixtures: every test gets its own temporary home with a real SQLite file."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hall_desk.domain.clock import WallClock
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import users
from hall_desk.services.home import Home
from hall_desk.services.setup import init_home
from hall_desk.services.workstation import Workstation

ADMIN_PASSWORD = "admin2026pass"
STAFF_PASSWORD = "staff2026pass"


def make_home(path: Path, code: str = "W01", key_file: Path | None = None) -> Workstation:
    return init_home(
        Home(path),
        hall="科尔沁左翼中旗政务服务中心",
        workstation=code,
        hall_key_file=key_file,
        admin=("admin", "张建国", ADMIN_PASSWORD),
    )


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
    return datetime.combine(date.today() + timedelta(days=1), datetime.min.time()).replace(
        hour=10
    ).astimezone()
