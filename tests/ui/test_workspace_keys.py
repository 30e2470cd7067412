"""Ctrl+1…9 go to the workspaces in the rail's order, with the focus on the first field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hall_desk.ui.main_window import MainWindow
from tests.ui.conftest import type_text

DIGITS = [getattr(Qt.Key, f"Key_{n}") for n in range(10)]


def _open(qtbot, ws, actor) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(ws, actor)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    return main


def ctrl(qtbot, main: MainWindow, n: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(
        QApplication.focusWidget() or main, DIGITS[n], Qt.KeyboardModifier.ControlModifier
    )


def shown(main: MainWindow) -> str:
    return str(main.nav.currentItem().text())


def test_ctrl_and_a_digit_goes_to_that_workspace_ready_to_type(qtbot, ws, admin) -> None:  # type: ignore[no-untyped-def]
    main = _open(qtbot, ws, admin)
    ctrl(qtbot, main, 2)
    assert shown(main) == "咨询登记"
    assert QApplication.focusWidget() is main.consult.topic
    ctrl(qtbot, main, 6)
    assert shown(main) == "统计报表"
    assert main.reports.isAncestorOf(QApplication.focusWidget())
    ctrl(qtbot, main, 1)
    assert shown(main) == "综合受理"
    assert QApplication.focusWidget() is main.intake.form.item_search
    # What the keys are is said where the workspaces are listed, and in the 视图 menu.
    assert [main.nav.item(i).toolTip() for i in range(3)] == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]


@pytest.mark.parametrize("locked", [False, True])
def test_a_digit_past_the_last_workspace_and_the_lock_do_nothing(qtbot, ws, clerk, locked) -> None:  # type: ignore[no-untyped-def]
    main = _open(qtbot, ws, clerk)
    assert main.nav.count() == 3  # 综合受理, 咨询登记, 统一出件
    ctrl(qtbot, main, 3)
    assert shown(main) == "统一出件"
    if locked:
        main.lock()
        ctrl(qtbot, main, 1)
        assert shown(main) == "统一出件" and main.locked
        main.unlock()
    ctrl(qtbot, main, 4)
    assert shown(main) == "统一出件"
    ctrl(qtbot, main, 1)
    assert shown(main) == "综合受理"


def test_a_workspace_built_at_its_key_takes_what_is_typed_next(qtbot, ws, clerk) -> None:  # type: ignore[no-untyped-def]
    """Only the first screen is built with the window; the others at their first visit, by
    their key as well as by the rail."""
    main = _open(qtbot, ws, clerk)
    assert set(main.built) == {"intake"}
    ctrl(qtbot, main, 2)
    assert set(main.built) == {"intake", "consult"} and shown(main) == "咨询登记"
    type_text(qtbot, QApplication.focusWidget(), "yyzz 营业执照")
    assert main.consult.topic.text() == "yyzz 营业执照"
    ctrl(qtbot, main, 3)
    assert shown(main) == "统一出件" and main.delivery.isAncestorOf(QApplication.focusWidget())
