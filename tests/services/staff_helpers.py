"""A hall for the lead's people work: a workstation on a clock the test sets, with its staff."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hall_desk.domain.clock import SettableClock
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import users
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import AuditEntry, Event
from tests.conftest import STAFF_PASSWORD, make_home

# Monday 30 November 2026, 17:00: the month of November is behind the lead.
START = datetime(2026, 11, 30, 17, 0)


@dataclass
class Hall:
    ws: Workstation
    clock: SettableClock
    admin: Actor
    lead: Actor
    clerk: Actor  # 王晓燕, 综合窗口1
    clerk2: Actor  # 刘海涛, 综合窗口3
    router: Actor  # 赵志刚, 流转岗

    def counts(self) -> tuple[int, int]:
        with self.ws.reading() as s:
            return (
                int(s.scalar(select(func.count()).select_from(Event)) or 0),
                int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0),
            )

    def at(self, day: date, hour: int = 8, minute: int = 30) -> datetime:
        moment = datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=minute)
        self.clock.set(moment)
        return moment.astimezone()


def open_hall(path: Path) -> Hall:
    make_home(path).close()
    clock = SettableClock(START)
    ws = Workstation(Home(path), clock)
    admin = Actor("admin", "张建国", Role.ADMIN)

    def user(name: str, display: str, role: Role, window: str) -> Actor:
        return users.create_user(ws, admin, name, display, role, STAFF_PASSWORD, window)

    return Hall(
        ws=ws,
        clock=clock,
        admin=admin,
        lead=user("lead1", "李秀兰", Role.LEAD, "班组长"),
        clerk=user("clerk1", "王晓燕", Role.CLERK, "综合窗口1"),
        clerk2=user("clerk2", "刘海涛", Role.CLERK, "综合窗口3"),
        router=user("router", "赵志刚", Role.ROUTER, "流转岗"),
    )


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[Hall]:
    h = open_hall(tmp_path / "home")
    yield h
    h.ws.close()
