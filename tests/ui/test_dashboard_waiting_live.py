"""当前等候 follows the hall live: another workstation's kiosk and window change the figure on
the dashboard within about a second, nothing pressed, on the SQLite shared file and on
PostgreSQL (there a NOTIFY alone brings it); the server away shows "—" with why, and back, the
figure again; hidden or closed, the page stops following and leaves no thread behind."""

from __future__ import annotations

import time as clock_time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from hall_desk.domain.roles import Actor
from hall_desk.services import queue
from hall_desk.services.workstation import Workstation
from hall_desk.sync.queue_link import QueueLink
from tests.conftest import make_home
from tests.sync.conftest import fresh_pg_database
from tests.sync.proxy import CuttingProxy
from tests.ui.actions import settle
from tests.ui.queue_hall import open_all_day
from tests.ui.test_dashboard_waiting import _counted, _page

UNREACHABLE = "当前等候：—（共享数据库连不上）"


def _other_window(ws: Workstation, admin: Actor, path: Path, url: str) -> Workstation:
    """A second workstation of the hall (window 5, the same hall key) on the same shared
    database: what it does, the dashboard only hears of through that database."""
    other = make_home(path, "W05", key_file=ws.home.key_path)
    other.config.extra[queue.WINDOW_KEY] = "5"
    other.config.shared_url = url
    open_all_day(other, admin)
    return other


@pytest.fixture
def on_file(ws, admin, tmp_path: Path) -> Iterator[tuple[Workstation, QueueLink]]:  # type: ignore[no-untyped-def]
    url = str(tmp_path / "hall-shared.sqlite3")
    ws.config.shared_url = url
    open_all_day(ws, admin)
    other = _other_window(ws, admin, tmp_path / "other", url)
    link = QueueLink(other)
    yield other, link
    link.close()
    other.close()


@pytest.fixture
def on_postgres(ws, admin, tmp_path: Path) -> Iterator[tuple[Workstation, QueueLink, str]]:  # type: ignore[no-untyped-def]
    with fresh_pg_database() as url:
        ws.config.shared_url = url
        open_all_day(ws, admin)
        other = _other_window(ws, admin, tmp_path / "other", url)
        link = QueueLink(other)
        try:
            yield other, link, url
        finally:
            link.close()
            other.close()


def _pg_waiting(url: str, day: str) -> dict[str, int]:
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT queue, count(*) FROM hall_queue_tickets"
                    " WHERE day = :day AND state = 'waiting' GROUP BY queue"
                ),
                {"day": day},
            ).all()
    finally:
        engine.dispose()
    return {q: int(n) for q, n in rows}


def _within(qtbot, condition, seconds: float) -> float:  # type: ignore[no-untyped-def]
    """Waits (the window's events running) until `condition`; the seconds it took."""
    started = clock_time.monotonic()
    qtbot.waitUntil(condition, timeout=int(seconds * 1000))
    return clock_time.monotonic() - started


def test_another_windows_ticket_shows_on_the_shared_file(qtbot, ws, admin, on_file) -> None:  # type: ignore[no-untyped-def]
    other, link = on_file
    page = _page(qtbot, ws)
    try:
        settle(qtbot)
        label = page.waiting_now
        assert label.text() == "当前等候：共 0 人（A 0，B 0，C 0，D 0）"
        queue.issue(other, admin, link, "B")  # the kiosk, on the other workstation
        took = _within(qtbot, lambda: label.counts == {"A": 0, "B": 1, "C": 0, "D": 0}, 3)
        assert took < 1.6, f"{took:.2f} s: the figure follows within about a second"
        assert label.text() == "当前等候：共 1 人（A 0，B 1，C 0，D 0）"
        assert _counted(Path(ws.config.shared_url), ws.today().isoformat()) == {"B": 1}
        queue.call_next(other, admin, link)  # window 5 calls it: it waits no more
        _within(qtbot, lambda: label.counts == {"A": 0, "B": 0, "C": 0, "D": 0}, 3)
        assert _counted(Path(ws.config.shared_url), ws.today().isoformat()) == {}
        queue.flush_records(other)
        # Hidden, the page stops looking; shown again, it follows again.
        page.hide()
        assert not label.watch.running
        queue.issue(other, admin, link, "A")
        page.show()
        assert label.watch.running
        _within(qtbot, lambda: label.counts is not None and label.counts["A"] == 1, 3)
    finally:
        page.waiting_now.close_link()
    assert not page.waiting_now.watch.running
    settle(qtbot)


@pytest.mark.postgres
def test_a_notify_alone_brings_another_windows_ticket_on_postgres(  # type: ignore[no-untyped-def]
    qtbot, ws, admin, on_postgres
) -> None:
    other, link, url = on_postgres
    page = _page(qtbot, ws)
    label = page.waiting_now
    listener = label.watch.listener
    try:
        settle(qtbot)
        assert label.counts == {"A": 0, "B": 0, "C": 0, "D": 0}
        assert listener is not None and listener.listening.wait(5), "LISTEN in place"
        # The second's poll slowed to a minute: only the NOTIFY can bring the change in time.
        label.watch.timer.setInterval(60_000)
        label.watch.timer.start()
        queue.issue(other, admin, link, "A")
        took = _within(qtbot, lambda: label.counts == {"A": 1, "B": 0, "C": 0, "D": 0}, 3)
        assert took < 1.0, f"{took:.2f} s after the ticket"
        assert _pg_waiting(url, ws.today().isoformat()) == {"A": 1}
        queue.call_next(other, admin, link)
        _within(qtbot, lambda: label.counts == {"A": 0, "B": 0, "C": 0, "D": 0}, 3)
        assert _pg_waiting(url, ws.today().isoformat()) == {}
        queue.flush_records(other)
    finally:
        label.close_link()
    # Closed: the listener's thread has ended, not merely been asked to.
    assert not listener.is_alive()
    settle(qtbot)


@pytest.mark.postgres
def test_the_server_away_shows_why_and_back_the_figure_returns(  # type: ignore[no-untyped-def]
    qtbot, ws, admin, on_postgres
) -> None:
    other, link, url = on_postgres
    server = make_url(url)
    proxy = CuttingProxy(server.host or "127.0.0.1", server.port or 5432, cut_after=None)
    port = proxy.port
    ws.config.shared_url = server.set(port=port).render_as_string(hide_password=False)
    page = _page(qtbot, ws)
    label = page.waiting_now
    try:
        settle(qtbot)
        assert label.counts == {"A": 0, "B": 0, "C": 0, "D": 0}
        proxy.close()  # the network to the server is gone
        _within(qtbot, lambda: label.text() == UNREACHABLE, 4)
        assert label.counts is None
        assert label.toolTip().startswith("共享数据库暂时无法连接，排队人数暂不可知\n")
        queue.issue(other, admin, link, "C")  # the hall goes on (the other window still reaches it)
        proxy = CuttingProxy(
            server.host or "127.0.0.1", server.port or 5432, cut_after=None, listen_port=port
        )
        _within(qtbot, lambda: label.counts == {"A": 0, "B": 0, "C": 1, "D": 0}, 5)
        assert label.text() == "当前等候：共 1 人（A 0，B 0，C 1，D 0）"
        assert _pg_waiting(url, ws.today().isoformat()) == {"C": 1}
    finally:
        label.close_link()
        proxy.close()
    settle(qtbot)
