"""设置 → 大厅与工作站: the 工单重开期限 typed in its box, saved as the hall's, used by 重开."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QSpinBox
from sqlalchemy import select

from hall_desk.services import tickets
from hall_desk.store.models import HallSettingRow
from hall_desk.ui.forms import child
from hall_desk.ui.settings_dialog import SettingsDialog
from tests.ui.actions import click


def test_the_reopen_days_are_typed_in_settings_and_kept_as_the_halls(qtbot, ws, admin) -> None:
    dialog = SettingsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    spin = child(dialog.form, QSpinBox, "reopenDaysSpin")
    assert spin.value() == 5 and spin.suffix() == " 个工作日"
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "12")
    buttons = child(dialog.form, QDialogButtonBox, "buttons")
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    with ws.reading() as s:
        value = s.scalar(
            select(HallSettingRow.value).where(HallSettingRow.key == "ticket_reopen_days")
        )
    assert value == "12"
    assert tickets.reopen_days(ws) == 12
    again = SettingsDialog(ws, admin)
    qtbot.addWidget(again)
    assert child(again.form, QSpinBox, "reopenDaysSpin").value() == 12
