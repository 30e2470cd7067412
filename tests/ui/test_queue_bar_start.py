"""The 叫号 bar reads its window's status once at start, on the queue's worker (a window restarted
with a number still called shows it before any key, and a slow shared database holds nothing
up), and it comes and goes with the shared address typed in 设置, without a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QTabWidget

from hall_desk.domain.roles import Actor
from hall_desk.services import queue
from hall_desk.sync.queue_link import QueueLink
from hall_desk.ui import queue_bar
from hall_desk.ui.forms import child
from hall_desk.ui.main_window import MainWindow
from hall_desk.ui.settings_dialog import SettingsDialog
from tests.sync.queue_helpers import GatedLink
from tests.ui.actions import click, fill, settle
from tests.ui.gated import answers
from tests.ui.queue_hall import open_all_day


def _hall_queues(ws, admin: Actor) -> None:  # type: ignore[no-untyped-def]
    open_all_day(ws, admin)


def _shown(qtbot, main: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)


def test_after_a_restart_the_called_number_shows_before_any_key(
    qtbot, ws, clerk: Actor, admin, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ws.config.shared_url = str(tmp_path / "hall-shared.sqlite3")
    ws.config.extra[queue.WINDOW_KEY] = "2"
    _hall_queues(ws, admin)
    # Before the restart: a number issued and called at window 2.
    before = QueueLink(ws)
    issued = queue.issue(ws, clerk, before, "A")
    queue.call_next(ws, clerk, before)
    before.close()
    # After it, the shared database answers slowly.
    slow = GatedLink(ws, ws.config.shared_url)
    slow.gate.clear()
    monkeypatch.setattr(queue_bar, "QueueLink", lambda _ws: slow)
    try:
        main = MainWindow(ws, clerk)
        _shown(qtbot, main)
        bar = main.queue_bar
        assert bar is not None and bar.isVisible()
        # The window is up and takes the clerk's keys while the bar's read waits.
        assert answers(qtbot)
        form = main.intake.form
        form.item_search.setFocus()
        qtbot.keyClicks(form.item_search, "011050")  # an item code, as a scanner types it
        assert form.item_search.text() == "011050"
        assert bar.current.text() == "当前：—"
    finally:
        slow.gate.set()
    settle(qtbot)
    # No key pressed on the bar: the called number is there, and 重呼/过号 apply to it.
    assert bar.current.text() == f"当前：{issued.ticket.label} 已呼叫"
    assert bar.buttons["recall"].isEnabled() and bar.buttons["no_show"].isEnabled()
    main.close()


def _save_shared_address(qtbot, ws, admin, main: MainWindow, address: str) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ws, admin, main)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = child(dialog.form, QLineEdit, "sharedEdit")
    tabs = dialog.form.findChild(QTabWidget)
    assert tabs is not None
    page = next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(edit))
    tabs.setCurrentIndex(page)  # 同步
    fill(qtbot, edit, address)
    click(
        qtbot,
        child(dialog.form, QDialogButtonBox, "buttons").button(
            QDialogButtonBox.StandardButton.Save
        ),
    )
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    settle(qtbot)


def test_the_bar_comes_and_goes_with_the_shared_address_typed_in_settings(
    qtbot, ws, admin, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    shared = tmp_path / "hall-shared.sqlite3"
    ws.config.extra[queue.WINDOW_KEY] = "2"
    _hall_queues(ws, admin)
    kiosk = QueueLink(ws, str(shared))
    issued = queue.issue(ws, admin, kiosk, "B")
    main = MainWindow(ws, admin)
    _shown(qtbot, main)
    assert main.queue_bar is None and main.findChild(queue_bar.QueueBar) is None

    _save_shared_address(qtbot, ws, admin, main, str(shared))
    bar = main.queue_bar
    assert bar is not None and bar.isVisible()
    assert bar.window_label.text() == "2 号窗口"
    assert bar.waiting.text() == "等候：A 0 人  B 1 人  C 0 人  D 0 人", "read without a key"
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    qtbot.keyClick(QApplication.focusWidget() or main, Qt.Key.Key_F5)
    settle(qtbot)
    assert bar.current.text() == f"当前：{issued.ticket.label} 已呼叫"

    _save_shared_address(qtbot, ws, admin, main, "")
    assert main.queue_bar is None
    qtbot.waitUntil(lambda: main.findChild(queue_bar.QueueBar) is None, timeout=3000)
    # F5 now calls nobody: the next number waits, the called one stays as it was.
    queue.issue(ws, admin, kiosk, "B")
    qtbot.keyClick(QApplication.focusWidget() or main, Qt.Key.Key_F5)
    settle(qtbot)
    status = queue.status(ws, kiosk)
    assert status.current is not None and status.current.label == issued.ticket.label
    assert status.waiting["B"] == 1
    kiosk.close()
    main.close()
