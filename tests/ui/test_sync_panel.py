"""Sync from the window: the status line, 立即同步 off the GUI thread, the nightly timer,
and the team lead's conflict list."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from hall_desk.services import intake
from hall_desk.services.settings import update_settings
from hall_desk.ui.main_window import MainWindow
from hall_desk.ui.sync_conflicts import ConflictsDialog
from hall_desk.ui.sync_panel import CHECK_MS, SyncPanel
from tests.conftest import TODAY
from tests.services.helpers import draft_for

FOOD = "011050007001"


@pytest.fixture
def window(qtbot, ws, admin, clerk, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    update_settings(ws, admin, shared_url=str(tmp_path / "shared.sqlite3"))
    main = MainWindow(ws, admin)
    qtbot.addWidget(main)
    main.show()
    return main


def test_status_line_says_what_is_unsent(window) -> None:
    text = window.sync.label.text()
    assert "同步" in text and "未同步" in text


def test_sync_now_runs_off_the_gui_thread_and_reports(qtbot, window, tmp_path: Path) -> None:
    panel: SyncPanel = window.sync
    assert panel.button.isEnabled()
    with qtbot.waitSignal(panel.finished, timeout=30_000) as done:
        qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
        assert not panel.button.isEnabled(), "one sync at a time"
        assert "正在同步" in panel.label.text() or "同步：" in panel.label.text()
    report = done.args[0]
    assert report.pushed > 0 and "推送" in report.summary
    assert (tmp_path / "shared.sqlite3").exists()
    assert "上次同步" in panel.label.text() and "未同步" not in panel.label.text()
    assert not panel.progress.isVisible() and panel.button.isEnabled()
    shared = sqlite3.connect(tmp_path / "shared.sqlite3")
    try:
        assert (
            shared.execute("SELECT count(*) FROM hall_sync_events").fetchone()[0] == report.pushed
        )
    finally:
        shared.close()


def test_failure_is_shown_not_silent(qtbot, window, ws, admin, tmp_path: Path) -> None:
    (tmp_path / "not-a-db").mkdir()
    ws.config.shared_url = str(tmp_path / "not-a-db")
    panel: SyncPanel = window.sync
    with qtbot.waitSignal(panel.failed, timeout=30_000):
        qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    assert panel.label.text().startswith("✖") and "同步失败" in panel.label.text()
    assert panel.button.isEnabled(), "the next try is one click away"


def test_nightly_time_triggers_a_sync(qtbot, window) -> None:
    panel: SyncPanel = window.sync
    panel.next_run = window.ws.now().replace(tzinfo=None) - timedelta(minutes=1)
    # The real timer, made quick: nobody presses anything at night.
    panel.timer.setInterval(20)
    with qtbot.waitSignal(panel.finished, timeout=30_000):
        pass
    panel.timer.setInterval(CHECK_MS)
    assert panel.next_run is not None and panel.next_run > window.ws.now().replace(tzinfo=None)


def test_no_shared_database_no_sync(qtbot, ws, admin) -> None:
    main = MainWindow(ws, admin)
    qtbot.addWidget(main)
    main.show()
    assert "未配置" in main.sync.label.text() and not main.sync.button.isEnabled()
    qtbot.mouseClick(main.sync.button, Qt.MouseButton.LeftButton)
    assert main.sync.task is None and not main.sync.progress.isVisible()


def test_conflicts_dialog_says_when_there_is_none(qtbot, window, ws, admin) -> None:
    window.findChild(QAction, "conflictsAction").trigger()
    dialog: ConflictsDialog = window.conflicts_dialog
    qtbot.waitExposed(dialog)
    assert dialog.model.rowCount() == 0
    # Words instead of an empty table, and nothing to press.
    assert dialog.empty.isVisible() and dialog.empty.text() == "没有待处理的冲突"
    assert not dialog.table.isVisible()
    assert not dialog.resolve_button.isEnabled() and not dialog.note.isEnabled()
    dialog.close()
