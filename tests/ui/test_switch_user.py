"""A shift change at one window, through the real program loop: log in, type, switch, come back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from hall_desk.ui import app as app_module
from hall_desk.ui.login import LoginDialog
from hall_desk.ui.main_window import MainWindow
from tests.conftest import ADMIN_PASSWORD, STAFF_PASSWORD
from tests.ui.conftest import type_text

Step = tuple[str, Callable[[], object], Callable[[object], None]]


def _visible(kind: type) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _login_dialog() -> LoginDialog | None:
    found = _visible(LoginDialog)
    return found[0] if found else None  # type: ignore[return-value]


def _main_of(username: str) -> Callable[[], MainWindow | None]:
    def find() -> MainWindow | None:
        for w in _visible(MainWindow):
            assert isinstance(w, MainWindow)
            if w.actor.username == username and not w.locked and not _login_dialog():
                return w
        return None

    return find


def _activate(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    # Offscreen, nothing activates a window once a modal dialog before it has closed.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def _log_in(qtbot, username: str, password: str) -> Callable[[object], None]:  # type: ignore[no-untyped-def]
    def act(dialog: object) -> None:
        assert isinstance(dialog, LoginDialog)
        dialog.username.setFocus()
        qtbot.keyClick(dialog.username, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.username, username)
        qtbot.keyClicks(dialog.password, password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    return act


def _run_script(qtbot, home, steps: list[Step]) -> list[str]:  # type: ignore[no-untyped-def]
    """Runs the program; each step waits for its widget, then acts. Returns the steps done."""
    done: list[str] = []
    waited = [0]

    def poll() -> None:
        if len(done) == len(steps):
            return
        name, find, act = steps[len(done)]
        found = find()
        QTimer.singleShot(50, poll)  # before acting: a dialog's exec() may not return at once
        if found is not None:
            done.append(name)
            waited[0] = 0
            act(found)
        else:
            waited[0] += 1
            if waited[0] > 200:  # 10 s without the expected window: end the program
                for w in QApplication.topLevelWidgets():
                    w.close()

    QTimer.singleShot(50, poll)
    assert app_module.run(home) == 0
    return done


def test_a_shift_change_keeps_the_program_and_the_unsaved_form(qtbot, ws, clerk) -> None:
    home = ws.home
    ws.close()
    seen: dict[str, str] = {}

    def type_and_switch(window: object) -> None:
        assert isinstance(window, MainWindow)
        form = window.intake.form
        _activate(qtbot, window)
        type_text(qtbot, form.name, "包海龙")
        qtbot.keyClick(form.name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert window.locked
        button = window.lock_page.findChild(QPushButton, "switchUserButton")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the login dialog's exec runs here

    def note_clerk_and_switch_back(window: object) -> None:
        assert isinstance(window, MainWindow)
        _activate(qtbot, window)
        seen["clerk_form"] = window.intake.form.name.text()
        seen["clerk_user"] = window.status_labels["user"].text()
        window.findChild(QAction, "switchUserAction").trigger()  # 工具 → 切换用户…

    def note_admin_and_close(window: object) -> None:
        assert isinstance(window, MainWindow)
        seen["admin_form"] = window.intake.form.name.text()
        window.close()

    steps: list[Step] = [
        ("first login", _login_dialog, _log_in(qtbot, "admin", ADMIN_PASSWORD)),
        ("admin types", _main_of("admin"), type_and_switch),
        ("clerk logs in", _login_dialog, _log_in(qtbot, "clerk1", STAFF_PASSWORD)),
        ("clerk's window", _main_of("clerk1"), note_clerk_and_switch_back),
        ("admin logs in", _login_dialog, _log_in(qtbot, "admin", ADMIN_PASSWORD)),
        ("admin's window", _main_of("admin"), note_admin_and_close),
    ]
    done = _run_script(qtbot, home, steps)
    assert done == [name for name, _, _ in steps], "the program ended during the shift change"
    assert "王晓燕" in seen["clerk_user"]
    assert seen["clerk_form"] == "", "the clerk does not see the admin's applicant"
    assert seen["admin_form"] == "包海龙", "the admin's unsaved form is still there"
