"""Sync from the window: the status line, 立即同步 off the GUI thread, the nightly timer,
and the team lead's conflict list."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hall_desk.services import intake
from hall_desk.services.settings import update_settings
from hall_desk.ui.main_window import MainWindow
from hall_desk.ui.sync_panel import ConflictsDialog, SyncPanel
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
    with qtbot.waitSignal(panel.finished, timeout=30_000) as done:
        assert panel.sync_now()
        assert not panel.button.isEnabled(), "one sync at a time"
    report = done.args[0]
    assert report.pushed > 0 and "推送" in report.summary
    assert (tmp_path / "shared.sqlite3").exists()
    assert "上次同步" in panel.label.text() and "未同步" not in panel.label.text()
    assert not panel.progress.isVisible() and panel.button.isEnabled()


def test_failure_is_shown_not_silent(qtbot, window, ws, admin, tmp_path: Path) -> None:
    (tmp_path / "not-a-db").mkdir()
    ws.config.shared_url = str(tmp_path / "not-a-db")
    panel: SyncPanel = window.sync
    with qtbot.waitSignal(panel.failed, timeout=30_000):
        panel.sync_now()
    assert panel.label.text().startswith("✖") and "同步失败" in panel.label.text()


def test_nightly_time_triggers_a_sync(qtbot, window) -> None:
    panel: SyncPanel = window.sync
    panel.next_run = datetime.now() - timedelta(minutes=1)
    with qtbot.waitSignal(panel.finished, timeout=30_000):
        panel.tick()
    assert panel.next_run is not None and panel.next_run > datetime.now()


def test_no_shared_database_no_sync(qtbot, ws, admin) -> None:
    main = MainWindow(ws, admin)
    qtbot.addWidget(main)
    assert not main.sync.sync_now()
    assert "未配置" in main.sync.label.text() and not main.sync.button.isEnabled()


def test_conflicts_dialog_lists_and_refuses_without_selection(qtbot, window, ws, admin) -> None:
    dialog = ConflictsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 0
    assert dialog.resolve_selected() is None and "请先选择" in dialog.error.text()
