"""A demo month for the monthly report's tests: built once per session, copied for each user."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from hall_desk.domain.clock import WallClock
from hall_desk.domain.roles import Actor, Role
from hall_desk.services.demo import generate
from hall_desk.services.demo_queue import generate_queue_days
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from tests.conftest import make_home

MONTH = "2026-11"
END = date(2026, 11, 30)
DAYS = 40  # the whole of November and the end of October (the month-on-month base)
PER_DAY = 8
SEED = 5
LEAD = Actor("lead", "白玉兰", Role.LEAD, "班组长")
CLERK = Actor("clerk1", "王晓燕", Role.CLERK, "综合窗口1")
# 2026-12-03 is the 3rd working day of December: the first day November may be published.
PUBLISH_DAY = datetime(2026, 12, 3, 10, 0)
BEFORE_PUBLISH_DAY = datetime(2026, 12, 2, 16, 0)

_PRISTINE: dict[str, Path] = {}


def fixed_clock(at: datetime) -> WallClock:
    moment = at.astimezone()
    return WallClock(lambda: moment)


def demo_month_home(
    tmp_path_factory: pytest.TempPathFactory, name: str, at: datetime = PUBLISH_DAY
) -> Workstation:
    """A private copy of the session's demo home, its clock at `at`."""
    if "home" not in _PRISTINE:
        path = tmp_path_factory.mktemp("monthly-pristine") / "home"
        ws = make_home(path)
        generate(ws, DAYS, PER_DAY, seed=SEED, end=END)
        generate_queue_days(ws, date(2026, 11, 1), END, SEED)
        ws.close()
        _PRISTINE["home"] = path
    copy = tmp_path_factory.mktemp(name) / "home"
    shutil.copytree(_PRISTINE["home"], copy)
    return Workstation(Home(copy), fixed_clock(at))
