"""Driving the window as a person does: clicks and keys on real widgets, then waiting until the
action that they started off the GUI thread is back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QTabWidget, QWidget

from hall_desk.ui import ops


def settle(qtbot, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    """Waits until every action started from the window has finished and shown its result."""
    qtbot.waitUntil(lambda: ops.running() == 0, timeout=timeout)


def click(qtbot, button: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    """A left click on the real button, then the action it started."""
    assert button.isVisible() and button.isEnabled(), f"{button.text()} cannot be clicked"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)


def enter(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Types into the field (as a scanner does: the text, then Enter) and waits for the action."""
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    settle(qtbot)


def fill(qtbot, edit: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replaces the field's text by typing it: select all, then the keys (Chinese as an IME)."""
    from tests.ui.conftest import type_text

    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def click_tab(qtbot, tabs: QTabWidget, label: str) -> None:  # type: ignore[no-untyped-def]
    """A click on the tab of that label (its page may be built only now it is shown)."""
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == label)
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
