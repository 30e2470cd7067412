"""A feedback desk for ticket tests: a workstation on a clock the test sets, with its people."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hall_desk.domain.clock import SettableClock
from hall_desk.domain.roles import Actor, Role
from hall_desk.domain.tickets import Step
from hall_desk.services import tickets, users
from hall_desk.services.home import Home
from hall_desk.services.tickets import TicketDraft
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import AuditEntry, Event
from tests.conftest import STAFF_PASSWORD, make_home

# Tuesday 24 November 2026, 10:00: 5 working days on is Tuesday 1 December, 10 is 8 December.
START = datetime(2026, 11, 24, 10, 0)


@dataclass
class Desk:
    ws: Workstation
    clock: SettableClock
    admin: Actor
    lead: Actor  # 班组长: checks, archives, extends
    lead2: Actor
    clerk: Actor  # 办不成事窗口
    handler: Actor  # a window clerk tickets are sent to

    def counts(self) -> tuple[int, int]:
        with self.ws.reading() as s:
            return (
                int(s.scalar(select(func.count()).select_from(Event)) or 0),
                int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0),
            )


def open_desk(path: Path, code: str = "W01") -> Desk:
    make_home(path, code).close()
    clock = SettableClock(START)
    ws = Workstation(Home(path), clock)
    admin = Actor("admin", "张建国", Role.ADMIN)

    def user(name: str, display: str, role: Role, window: str) -> Actor:
        return users.create_user(ws, admin, name, display, role, STAFF_PASSWORD, window)

    return Desk(
        ws=ws,
        clock=clock,
        admin=admin,
        lead=user("lead1", "李秀兰", Role.LEAD, "班组长"),
        lead2=user("lead2", "孙立军", Role.LEAD, "班组长"),
        clerk=user("clerk1", "王晓燕", Role.CLERK, "办不成事反映窗口"),
        handler=user("clerk2", "刘海涛", Role.CLERK, "综合窗口3"),
    )


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    d = open_desk(tmp_path / "home")
    yield d
    d.ws.close()


def complaint(**changes: object) -> TicketDraft:
    draft = TicketDraft(
        ticket_class="complaint",
        channel="bbcs_window",
        bbcs_kind="many_trips",
        tier="complex",
        description="办理个体工商户变更跑了三次还没办成",
        reporter_name="包海龙",
        phone="13904751234",
        staff="clerk2",
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def checked_the_old_way(ws: Workstation, lead: Actor, ticket_no: str) -> None:
    """结果核查 as the program wrote it before complaints had a finding: the same step and
    columns, no `finding` (such tickets stay in the log of a hall that upgrades)."""
    values = {
        "checked_by": lead.username,
        "checked_on": ws.today().isoformat(),
        "callback": "satisfied",
    }
    tickets._run(ws, lead, ticket_no, Step.CHECK, lambda tx, row: (values, "核查通过", None))
