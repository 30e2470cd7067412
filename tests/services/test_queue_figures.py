"""The queue's figures and its ledger, recounted with hand-written SQL over the local table
folded from the queue.* events (the day of tickets is driven through the real services)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hall_desk.domain.clock import SettableClock
from hall_desk.domain.queue import p90
from hall_desk.domain.roles import Actor, Role
from hall_desk.reports.ledgers import export
from hall_desk.services import queue
from hall_desk.services.home import Home
from hall_desk.services.queue_figures import queue_figures
from hall_desk.services.workstation import Workstation
from hall_desk.sync.shared import SharedDatabase, parse_location
from tests.conftest import make_home, next_morning

CLERK = Actor("clerk1", "王晓燕", Role.CLERK)
ADMIN = Actor("admin", "张建国", Role.ADMIN)


@pytest.fixture
def day(tmp_path: Path) -> Iterator[tuple[Workstation, datetime]]:
    """09:00 A001, 09:10 A002, 09:20 B001; 10:05:30 A001 called (waited 65.5 min), 10:15:30
    A001 done and A002 called, 10:20 A002 过号, 10:21 B001 called, 10:30 moved to A, 10:31 called
    there, 10:41 done."""
    make_home(tmp_path / "home").close()
    nine = next_morning().replace(hour=9, minute=0, second=0, microsecond=0)
    clock = SettableClock(nine)
    ws = Workstation(Home(tmp_path / "home"), clock)
    ws.config.extra[queue.WINDOW_KEY] = "3"
    shared = SharedDatabase(parse_location(str(tmp_path / "shared.sqlite3")), live=True)
    shared.prepare(ws.key.fingerprint, ws.hall, ws.now())

    def at(h: int, m: int, s: int = 0) -> None:
        clock.set(nine.replace(hour=h, minute=m, second=s))

    queue.issue(ws, CLERK, shared, "A", id_number="11010519491231002X")
    at(9, 10)
    queue.issue(ws, CLERK, shared, "A")
    at(9, 20)
    queue.issue(ws, CLERK, shared, "B")
    at(10, 5, 30)
    queue.call_next(ws, CLERK, shared)
    at(10, 15, 30)
    queue.call_next(ws, CLERK, shared)
    at(10, 20)
    queue.no_show(ws, CLERK, shared)
    at(10, 21)
    queue.call_next(ws, CLERK, shared)
    at(10, 30)
    queue.transfer(ws, CLERK, shared, "A")
    at(10, 31)
    queue.call_next(ws, CLERK, shared)
    at(10, 41)
    queue.finish(ws, CLERK, shared)
    shared.close()
    yield ws, nine
    ws.close()


def _sql(ws: Workstation, query: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(ws.home.db_path)
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


def test_figures_equal_a_direct_count(day: tuple[Workstation, datetime]) -> None:
    ws, nine = day
    figures = queue_figures(ws, nine.date(), nine.date())
    total = figures.total
    [(issued,)] = _sql(ws, "SELECT count(*) FROM queue_tickets WHERE transferred_from = ''")
    waits = [
        w
        for (w,) in _sql(
            ws,
            "SELECT (called_ms - issued_ms) / 1000.0 FROM queue_tickets"
            " WHERE called_ms IS NOT NULL AND state <> 'transferred'",
        )
    ]
    services = [
        s
        for (s,) in _sql(
            ws, "SELECT (finished_ms - called_ms) / 1000.0 FROM queue_tickets WHERE state = 'done'"
        )
    ]
    [(no_shows,)] = _sql(ws, "SELECT count(*) FROM queue_tickets WHERE state = 'no_show'")
    assert (total.issued, total.called, total.no_shows) == (issued, len(waits), no_shows)
    assert (issued, len(waits), no_shows) == (3, 3, 1)
    assert sorted(waits) == [3930.0, 3930.0, 4260.0]  # 65.5, 65.5 and 71 minutes
    assert total.wait_mean_s == sum(waits) / 3 and total.wait_p90_s == p90(waits) == 4260.0
    assert services == [600.0, 600.0] and total.service_mean_s == 600.0
    by_queue = {f.key: f for f in figures.by_queue}
    assert (by_queue["A"].issued, by_queue["A"].called) == (2, 3)
    assert (by_queue["B"].issued, by_queue["B"].called, by_queue["B"].wait_mean_s) == (1, 0, None)
    assert [(f.key, f.issued) for f in figures.by_hour] == [("09", 3)]
    assert [(f.key, f.called) for f in figures.by_window] == [("3", 3)]


def test_the_ledger_reads_minutes_from_seconds(
    day: tuple[Workstation, datetime], tmp_path: Path
) -> None:
    ws, nine = day
    out = tmp_path / "queue.xlsx"
    rows = export(ws, ADMIN, "queue", nine.date(), nine.date(), out)
    assert rows == 4
    sheet = load_workbook(out).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in values if r and r[0] == "日期")
    body = [dict(zip(header, r, strict=False)) for r in values[values.index(header) + 1 :] if r[1]]
    first = next(r for r in body if r["号码"] == "A001")
    assert first["等候（分钟）"] == 65.5 and first["办理（分钟）"] == 10.0
    assert first["叫号时间"] == "10:05:30" and first["状态"] == "完成"
    assert "*" in str(first["证件号码"])
    assert {r["状态"] for r in body} == {"完成", "过号", "已转移"}
