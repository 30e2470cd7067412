"""设置 → 用户 → 重设所选用户的密码: the admin picks the user, types the new password twice."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTabWidget

from hall_desk.services import users
from hall_desk.services.users import LoginRefused
from hall_desk.ui.settings_dialog import SettingsDialog
from tests.conftest import STAFF_PASSWORD
from tests.ui.actions import click, settle
from tests.ui.test_orphans_wired import audit_actions, cell, click_tab

NEW = "reset2026ok"


def test_an_admin_resets_a_users_password_from_the_users_tab(qtbot, ws, admin, clerk) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click_tab(qtbot, dialog.findChild(QTabWidget, "tabs"), "用户与角色")
    reset = dialog.findChild(QPushButton, "resetPasswordButton")

    click(qtbot, reset)  # nobody chosen yet
    assert dialog.users_error.isVisible() and "请先在表中选择用户" in dialog.users_error.text()

    table, model = dialog.users_table, dialog.users_model
    row = next(r for r in range(model.rowCount()) if cell(model, r, "用户名") == "clerk1")
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(model.index(row, 0)).center(),
    )
    click(qtbot, reset)
    asked = dialog.reset_dialog
    qtbot.waitExposed(asked)
    assert "王晓燕" in asked.windowTitle() and "clerk1" in asked.windowTitle()
    new, confirm = asked.inputs["password"], asked.inputs["confirm"]
    assert asked.focusWidget() is new

    # A confirmation that differs: said beside it, nothing changed.
    qtbot.keyClicks(new, NEW)
    qtbot.keyClicks(confirm, "reset2026no")
    qtbot.keyClick(confirm, Qt.Key.Key_Return)
    settle(qtbot)
    assert asked.isVisible()
    assert asked.errors.labels["confirm"].isVisible()
    assert "不一致" in asked.errors.labels["confirm"].text()
    assert users.login(ws, "clerk1", STAFF_PASSWORD).username == "clerk1"

    confirm.clear()
    qtbot.keyClicks(confirm, NEW)
    click(qtbot, asked.ok)
    qtbot.waitUntil(lambda: not shiboken6.isValid(asked) or not asked.isVisible())
    assert "已重设 王晓燕（clerk1）的密码" in dialog.users_error.text()
    assert dialog.users_error.isVisible()
    assert audit_actions(ws)[-1] == "user.password_reset"
    assert users.login(ws, "clerk1", NEW).username == "clerk1"
    with pytest.raises(LoginRefused):
        users.login(ws, "clerk1", STAFF_PASSWORD)
