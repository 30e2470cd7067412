"""当前等候 on the lead's dashboard: people waiting now per queue, as a direct count of the
shared file gives it, read on the queue's worker, and "—" with the reason when there is none."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from hall_desk.domain.roles import Actor, Role
from hall_desk.services import queue
from hall_desk.sync.queue_link import QueueLink
from hall_desk.ui import ops
from hall_desk.ui.reports_workspace import ReportsWorkspace
from tests.sync.queue_helpers import GatedLink
from tests.ui.actions import click, settle
from tests.ui.queue_hall import open_all_day

LEAD = Actor("lead", "白玉兰", Role.LEAD)


@pytest.fixture
def shared_file(ws, admin, tmp_path: Path) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    path = tmp_path / "hall-shared.sqlite3"
    ws.config.shared_url = str(path)
    ws.config.extra[queue.WINDOW_KEY] = "2"
    open_all_day(ws, admin)
    yield path


def _page(qtbot, ws) -> ReportsWorkspace:  # type: ignore[no-untyped-def]
    page = ReportsWorkspace(ws, LEAD)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def _refresh_button(page: ReportsWorkspace) -> QPushButton:
    button = page.findChild(QPushButton, "refreshButton")
    assert button is not None
    return button


def _counted(path: Path, day: str) -> dict[str, int]:
    """The waiting tickets of the shared file, counted without the program's code."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT queue, count(*) FROM hall_queue_tickets"
            " WHERE day = ? AND state = 'waiting' GROUP BY queue",
            (day,),
        ).fetchall()
    finally:
        con.close()
    return dict(rows)


def test_the_people_waiting_now_are_counted_per_queue(qtbot, ws, admin, shared_file) -> None:  # type: ignore[no-untyped-def]
    kiosk = QueueLink(ws)
    try:
        for code in ("A", "A", "A", "B"):
            queue.issue(ws, admin, kiosk, code)
        queue.call_next(ws, admin, kiosk)  # window 2 calls one A: it waits no more
        page = _page(qtbot, ws)
        settle(qtbot)
        day = ws.today().isoformat()
        assert _counted(shared_file, day) == {"A": 2, "B": 1}
        label = page.waiting_now
        assert label.isVisible()
        assert label.text() == "当前等候：共 3 人（A 2，B 1，C 0，D 0）"
        assert label.toolTip().splitlines() == [
            "A 综合受理 2 人",
            "B 综合咨询 1 人",
            "C 统一出件 0 人",
            "D 办不成事 0 人",
        ]
        queue.issue(ws, admin, kiosk, "C")
        click(qtbot, _refresh_button(page))
        settle(qtbot)
        assert _counted(shared_file, day) == {"A": 2, "B": 1, "C": 1}
        assert label.text() == "当前等候：共 4 人（A 2，B 1，C 1，D 0）"
    finally:
        kiosk.close()
        page.waiting_now.close_link()


def test_a_slow_shared_database_never_holds_the_page_up(qtbot, ws, admin, shared_file) -> None:  # type: ignore[no-untyped-def]
    kiosk = QueueLink(ws)
    page = _page(qtbot, ws)
    try:
        settle(qtbot)
        assert page.waiting_now.counts == {"A": 0, "B": 0, "C": 0, "D": 0}
        gated = GatedLink(ws, str(shared_file))
        page.waiting_now.close_link()
        page.waiting_now.link = gated
        queue.issue(ws, admin, kiosk, "B")
        gated.gate.clear()
        qtbot.mouseClick(_refresh_button(page), Qt.MouseButton.LeftButton)
        # The day's figures are back, the waiting count still on its way.
        assert page.figure_labels["queue_issued"].text() == "1"
        # The people figures' read (the action worker) comes back; the gated one stays out.
        qtbot.waitUntil(lambda: ops.running() == 1, timeout=5000)
        assert page.waiting_now.text() == "当前等候：共 0 人（A 0，B 0，C 0，D 0）"
    finally:
        page.waiting_now.link.gate.set()  # type: ignore[attr-defined]
    settle(qtbot)
    assert page.waiting_now.text() == "当前等候：共 1 人（A 0，B 1，C 0，D 0）"
    kiosk.close()
    page.waiting_now.close_link()


def test_no_figure_says_why(qtbot, ws) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ws)
    settle(qtbot)
    assert page.waiting_now.text() == "当前等候：—（未设共享数据库）"
    assert page.waiting_now.toolTip() == "本工作站未设置共享数据库，无法读取排队情况"
    page.waiting_now.link = QueueLink(ws, "postgresql://nobody@127.0.0.1:1/none")
    click(qtbot, _refresh_button(page))
    assert page.waiting_now.text() == "当前等候：—（共享数据库连不上）"
    assert page.waiting_now.toolTip().startswith("共享数据库暂时无法连接，排队人数暂不可知\n")
    assert "127.0.0.1" in page.waiting_now.toolTip()  # the driver's words, for whoever fixes it
    assert page.waiting_now.counts is None
    assert page.figures is not None  # the rest of the page stands
    page.waiting_now.close_link()


def test_the_figure_reads_whole_at_150_percent_on_1366(qtbot, ws, admin, shared_file) -> None:  # type: ignore[no-untyped-def]
    from hall_desk.ui import appearance
    from hall_desk.ui.main_window import MainWindow
    from tests.ui.test_layout_150 import text_fits

    appearance.apply_font_scale(QApplication.instance(), 1.5)  # the conftest puts it back
    main = MainWindow(ws, admin)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    assert main.show_workspace("reports")
    settle(qtbot)
    label = main.reports.waiting_now
    assert label.text() == "当前等候：共 0 人（A 0，B 0，C 0，D 0）"
    assert text_fits(label), (label.contentsRect().width(), label.text())
    # Without a figure, the line says why in as few words, the whole reason in the tooltip.
    label.close_link()
    for url, shown in (
        ("postgresql://nobody@127.0.0.1:1/none", "当前等候：—（共享数据库连不上）"),
        ("", "当前等候：—（未设共享数据库）"),
    ):
        label.link = QueueLink(ws, url)
        click(qtbot, _refresh_button(main.reports))
        assert label.text() == shown
        assert text_fits(label), (label.contentsRect().width(), label.text())
    main.close()
