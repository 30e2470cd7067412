"""A second case for the same applicant and items minutes after the first: found to be asked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from hall_desk.domain.clock import SYSTEM_CLOCK, SettableClock
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import intake, users
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from tests.conftest import STAFF_PASSWORD, make_home
from tests.services.helpers import draft_for, person, resident_id

FOOD = "011050007001"
LICENCE = "011050007002"


@pytest.fixture
def timed(tmp_path: Path) -> Iterator[tuple[Workstation, SettableClock, Actor]]:
    make_home(tmp_path / "home").close()
    # Mid-morning of a day after the home was made: its events stay in order, whatever the hour.
    clock = SettableClock(datetime.combine(SYSTEM_CLOCK.today() + timedelta(days=1), time(10)))
    ws = Workstation(Home(tmp_path / "home"), wall=clock)
    admin = Actor("admin", "张建国", Role.ADMIN)
    clerk = users.create_user(
        ws, admin, "clerk1", "王晓燕", Role.CLERK, STAFF_PASSWORD, "综合窗口1"
    )
    yield ws, clock, clerk
    ws.close()


def test_the_same_applicant_and_items_minutes_later_finds_the_first_case(timed) -> None:
    ws, clock, clerk = timed
    draft = draft_for(ws, [FOOD])
    assert intake.recent_duplicate(ws, clerk, draft) is None
    first = intake.accept(ws, clerk, draft)
    clock.advance(timedelta(minutes=3))
    found = intake.recent_duplicate(ws, clerk, draft)
    assert found is not None
    assert (found.case_no, found.minutes_ago) == (first.case_no, 3)
    # Another person, or other items, is a new application.
    other = replace(draft, applicant=person(number=resident_id(seq="201"), name="包玉兰"))
    assert intake.recent_duplicate(ws, clerk, other) is None
    assert intake.recent_duplicate(ws, clerk, draft_for(ws, [FOOD, LICENCE])) is None
    # Later than the window of minutes, a second application is ordinary.
    clock.advance(timedelta(minutes=intake.RECENT_DUPLICATE_MINUTES))
    assert intake.recent_duplicate(ws, clerk, draft) is None


def test_a_refused_case_or_a_bad_draft_finds_nothing(timed) -> None:
    ws, _clock, clerk = timed
    draft = replace(draft_for(ws, [FOOD]), reason="申请事项不属于本中心受理范围")
    intake.refuse(ws, clerk, draft)
    assert intake.recent_duplicate(ws, clerk, draft) is None
    bad = replace(draft, applicant=replace(draft.applicant, id_number="150521199902291234"))
    assert intake.recent_duplicate(ws, clerk, bad) is None
