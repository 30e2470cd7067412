"""设置 → 叫号窗口号: typed in its box, refused beside it when it is no window number, and the
叫号 bar of the open main window follows the saved number at once (and calls for it)."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit

from hall_desk.domain.queue import DEFAULT_SETTINGS, QueueSettings, QueueSpec, TicketState
from hall_desk.services import queue
from hall_desk.sync.queue_link import QueueLink
from hall_desk.ui.forms import child
from hall_desk.ui.main_window import MainWindow
from hall_desk.ui.settings_dialog import SettingsDialog
from tests.conftest import next_morning, running_clock
from tests.ui.actions import click, fill, settle


def _all_day(spec: QueueSpec, **changes: object) -> QueueSpec:
    return QueueSpec(
        spec.code,
        spec.name,
        opens=time(0, 0),
        closes=time(23, 59),
        **changes,  # type: ignore[arg-type]
    )


def test_the_window_number_typed_in_settings_is_the_one_the_bar_calls_for(
    qtbot, ws, admin, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ws.wall = running_clock(next_morning())  # hours from closing, whenever the suite runs
    ws.config.shared_url = str(tmp_path / "hall-shared.sqlite3")
    ws.config.extra[queue.WINDOW_KEY] = "2"
    ws.home.save_config(ws.config)
    # Queue A is served by window 5 only: window 2 has nobody to call.
    first, *rest = DEFAULT_SETTINGS.queues
    queues = (_all_day(first, windows=("5",)), *(_all_day(q) for q in rest))
    queue.save_settings(ws, admin, QueueSettings(queues))
    kiosk = QueueLink(ws)
    issued = queue.issue(ws, admin, kiosk, "A")
    main = MainWindow(ws, admin)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    bar = main.queue_bar
    assert bar is not None
    assert bar.window_label.text() == "2 号窗口"

    dialog = SettingsDialog(ws, admin, main)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = child(dialog.form, QLineEdit, "queueWindowEdit")
    error = child(dialog.form, QLabel, "queue_windowError")
    assert edit.text() == "2"
    save = child(dialog.form, QDialogButtonBox, "buttons").button(
        QDialogButtonBox.StandardButton.Save
    )
    fill(qtbot, edit, "5号")
    click(qtbot, save)
    assert dialog.isVisible()
    assert error.isVisible()
    assert "叫号窗口号应为 1–999 的数字" in error.text() and "「5号」" in error.text()
    assert QApplication.focusWidget() is edit
    assert ws.home.load_config().extra[queue.WINDOW_KEY] == "2"
    assert bar.window_label.text() == "2 号窗口"

    fill(qtbot, edit, "5")
    click(qtbot, save)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    settle(qtbot)
    assert ws.home.load_config().extra[queue.WINDOW_KEY] == "5"
    assert bar.window_label.text() == "5 号窗口"

    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    qtbot.keyClick(QApplication.focusWidget() or main, Qt.Key.Key_F5)
    settle(qtbot)
    assert bar.current.text() == f"当前：{issued.ticket.label} 已呼叫"
    status = queue.status(ws, kiosk)
    assert status.window == "5"
    assert status.current is not None and status.current.window == "5"

    # Emptied, the workstation calls no numbers: the bar says so and its keys do nothing.
    again = SettingsDialog(ws, admin, main)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    edit = child(again.form, QLineEdit, "queueWindowEdit")
    assert edit.text() == "5"
    fill(qtbot, edit, "")
    click(
        qtbot,
        child(again.form, QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Save),
    )
    qtbot.waitUntil(lambda: again.result() == QDialog.DialogCode.Accepted)
    settle(qtbot)
    assert bar.window_label.text() == "本工作站不叫号"
    assert not bar.buttons["call"].isEnabled()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    qtbot.keyClick(QApplication.focusWidget() or main, Qt.Key.Key_F7)
    settle(qtbot)
    latest = queue.board(kiosk, ws.today()).latest["5"]
    assert (latest.label, latest.state) == (issued.ticket.label, TicketState.CALLED)
    main.close()
    kiosk.close()
