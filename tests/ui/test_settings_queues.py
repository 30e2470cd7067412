"""设置 → 叫号队列 driven with keys and clicks: a new queue typed in, refused beside its field,
then saved as the hall's; an existing queue changed from the list; its number boxes at 150 %."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QSpinBox,
    QStyle,
    QStyleOptionSpinBox,
    QTabWidget,
    QWidget,
)

from hall_desk.services import queue
from hall_desk.ui import appearance
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


def test_number_boxes_have_room_for_their_arrows_and_values_at_150(qtbot, ws, admin) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    appearance.apply_font_scale(app, 1.5)  # the conftest puts it back before the next test
    tab = open_queues_tab(qtbot, ws, admin)
    boxes = [tab.quota, tab.first, tab.last, tab.opens, tab.closes]
    boxes += [tab.green_ratio, tab.recall_limit, tab.repeat]
    for box in boxes:
        if isinstance(box, QSpinBox):
            box.setValue(box.maximum())  # the widest number it takes
        widest = box.text()
        opt = QStyleOptionSpinBox()
        box.initStyleOption(opt)

        def part(sub: QStyle.SubControl, box: QWidget = box, opt: QStyleOptionSpinBox = opt):  # type: ignore[no-untyped-def]
            return box.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, opt, sub, box)

        metrics = box.fontMetrics()
        for button in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
            rect = part(button)
            assert rect.width() >= metrics.height(), f"{box.accessibleName()}: {rect}"
            # The arrow itself is drawn, not a dot: dark pixels inside the button's edges.
            image = box.grab(rect.adjusted(2, 2, -2, -2)).toImage()
            dark = sum(
                image.pixelColor(x, y).lightness() < 128
                for y in range(image.height())
                for x in range(image.width())
            )
            assert dark >= 10, f"{box.accessibleName()}: {dark} dark pixels"
        # The widest value fits beside them with a digit's room on either side: the field's
        # rectangle includes its margins, and a value that fills it sits edge to edge.
        field = part(QStyle.SubControl.SC_SpinBoxEditField)
        room = metrics.horizontalAdvance(widest) + 2 * metrics.horizontalAdvance("0")
        assert field.width() >= room, f"{box.accessibleName()}: {field.width()} < {room}"
