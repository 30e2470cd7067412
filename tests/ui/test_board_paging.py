"""The routing board reads a page at a time off the GUI thread: the first page with the whole
board's counts, the next ones as the list is scrolled down."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from hall_desk.services import routing
from hall_desk.ui.models import PagedRowsModel
from hall_desk.ui.routing_workspace import BOARD_COLUMNS, BoardPanel
from tests.services.test_routing import accept
from tests.ui.actions import settle
from tests.ui.test_routing_delivery_workspaces import cell


@pytest.fixture
def board(qtbot, ws, clerk, router, monkeypatch) -> BoardPanel:  # type: ignore[no-untyped-def]
    for n in range(1, 8):
        accept(ws, clerk, n=n)
    monkeypatch.setattr(BoardPanel, "PAGE", 3)
    panel = BoardPanel(ws, router)
    qtbot.addWidget(panel)
    # Room for two rows, fewer than a page: the view asks for more only once it shows the last.
    table = panel.table
    rows = 2 * table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(
        table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth()
    )
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    panel.show()
    qtbot.waitExposed(panel)
    settle(qtbot)
    return panel


def test_the_first_page_and_the_whole_boards_count(board, ws, router) -> None:  # type: ignore[no-untyped-def]
    assert board.model.rowCount() == 3
    assert "共 7 件在途" in board.summary.text()
    whole = [r.case_no for r in routing.board(ws, router).rows]
    assert [cell(board.table, r, 2) for r in range(3)] == whole[:3]


def test_scrolling_down_reads_the_next_pages_in_order(qtbot, board, ws, router) -> None:  # type: ignore[no-untyped-def]
    whole = [r.case_no for r in routing.board(ws, router).rows]
    board.table.setFocus()
    for _ in range(12):  # End at the bottom asks for more, page by page
        qtbot.keyClick(board.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot)
        if board.model.rowCount() == len(whole):
            break
    assert [cell(board.table, r, 2) for r in range(board.model.rowCount())] == whole
    assert not board.model.canFetchMore()


def test_the_board_is_read_off_the_gui_thread(qtbot, ws, clerk, router, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    accept(ws, clerk)
    threads: list[int] = []
    real = routing.board_page

    def spy(*args, **kw):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        return real(*args, **kw)

    monkeypatch.setattr(routing, "board_page", spy)
    panel = BoardPanel(ws, router)
    qtbot.addWidget(panel)
    settle(qtbot)
    assert threads and threading.get_ident() not in threads
    assert panel.model.rowCount() == 1


def test_a_page_read_before_a_refresh_is_dropped(qtbot, board) -> None:  # type: ignore[no-untyped-def]
    model = board.model
    shown = model.rowCount()
    model.add_page(1, list(model.rows[:1]))  # does not follow on from the rows shown: dropped
    assert model.rowCount() == shown and not model.loading


def test_the_paged_model_passes_the_model_tester(qtmodeltester, ws, clerk, router) -> None:  # type: ignore[no-untyped-def]
    for n in range(1, 4):
        accept(ws, clerk, n=n)
    asked: list[int] = []
    filled = PagedRowsModel(BOARD_COLUMNS, lambda r: r.case_id, asked.append)
    page = routing.board_page(ws, router, limit=2)
    filled.set_first_page(page.rows, page.total)
    assert filled.canFetchMore()
    filled.fetchMore()
    assert asked == [2] and not filled.canFetchMore()  # one request at a time
    filled.add_page(2, routing.board_page(ws, router, offset=2).rows)
    assert filled.rowCount() == 3 and not filled.canFetchMore()
    qtmodeltester.check(filled, force_py=True)
    qtmodeltester.check(
        PagedRowsModel(BOARD_COLUMNS, lambda r: r.case_id, asked.append), force_py=True
    )
