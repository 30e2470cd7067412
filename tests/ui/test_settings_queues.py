"""设置 → 叫号队列 driven with keys and clicks: a new queue typed in, refused beside its field,
then saved as the hall's; an existing queue changed from the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from hall_desk.services import queue
from hall_desk.ui.forms import child
from hall_desk.ui.queue_settings import QueueSettingsTab
from hall_desk.ui.settings_dialog import SettingsDialog
from tests.ui.actions import click, fill
from tests.ui.test_routing_delivery_workspaces import open_tab


def _spin(qtbot, spin, value: int) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, str(value))


def open_queues_tab(qtbot, ws, admin) -> QueueSettingsTab:  # type: ignore[no-untyped-def]
    """设置 opened as the admin opens it, the 叫号队列 tab clicked."""
    dialog = SettingsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    open_tab(qtbot, child(dialog.form, QTabWidget, "tabs"), "叫号队列")
    return dialog.queues


def test_a_queue_is_added_and_changed_in_settings(qtbot, ws, admin) -> None:  # type: ignore[no-untyped-def]
    tab = open_queues_tab(qtbot, ws, admin)
    assert tab.model.rowCount() == 4
    assert tab.name.text() == "综合受理"  # the first queue is shown
    click(qtbot, tab.new_button)
    assert QApplication.focusWidget() is tab.code and tab.code.text() == ""
    qtbot.keyClicks(tab.code, "e")
    fill(qtbot, tab.name, "预约取件")
    fill(qtbot, tab.windows, "7，x")
    _spin(qtbot, tab.quota, 50)
    _spin(qtbot, tab.first, 1)
    _spin(qtbot, tab.last, 50)
    click(qtbot, tab.save_button)
    windows_error = tab.errors.labels["windows"]
    assert windows_error.isVisible() and "叫号窗口号应为 1–999" in windows_error.text()
    assert QApplication.focusWidget() is tab.windows
    assert [q.code for q in queue.settings_of(ws).queues] == ["A", "B", "C", "D"]
    fill(qtbot, tab.windows, "8，7")
    click(qtbot, tab.save_button)
    assert not windows_error.isVisible()
    assert tab.message.text() == "已保存队列 E 预约取件 及全大厅叫号规则"
    added = queue.settings_of(ws).queue("E")
    assert (added.windows, added.quota, added.first, added.last) == (("7", "8"), 50, 1, 50)
    assert tab.model.rowCount() == 5
    # An existing queue, chosen in the list with the keyboard: a bad range is refused there.
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert tab.code.text() == "A" and tab.name.text() == "综合受理"
    _spin(qtbot, tab.first, 500)
    _spin(qtbot, tab.last, 20)
    click(qtbot, tab.save_button)
    range_error = tab.errors.labels["range"]
    assert range_error.isVisible() and "起号不大于止号" in range_error.text()
    assert queue.settings_of(ws).queue("A").first == 1
    _spin(qtbot, tab.first, 1)
    _spin(qtbot, tab.last, 200)
    click(qtbot, tab.save_button)
    assert queue.settings_of(ws).queue("A").last == 200
    assert tab.model.index(0, 4).data() == "A001–A200"
