"""Start-up: the QApplication on a qasync loop; setup, login, the main window, switching users."""

from __future__ import annotations

import asyncio
import importlib
import sys
import threading
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from hall_desk.assets import resources_dir
from hall_desk.domain.roles import Actor
from hall_desk.services import users
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.ui import app_filter, appearance, collector, emit_guard, language
from hall_desk.ui.errors import ErrorReporter, setup_logging, teardown_logging
from hall_desk.ui.login import LoginDialog
from hall_desk.ui.ops import wait_for_workers

if TYPE_CHECKING:
    from hall_desk.ui.main_window import MainWindow
    from hall_desk.ui.settings_dialog import SettingsDialog

# The main window's module with the first workspace's (most of the window's own imports: the
# workspaces' services, their tables), imported in a thread while the login screen is up.
WINDOW_MODULES = ("hall_desk.ui.main_window", "hall_desk.ui.intake_workspace")
_window_import: list[threading.Thread] = []
FONT_AFTER_MS = 2000  # the PDF font's preparation starts this long after the window is shown


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv)
    assert isinstance(app, QApplication)
    emit_guard.install()  # before anything emits: PySide6 6.12's emits wear True away
    app.setApplicationName("hall-desk")
    app.setOrganizationName("hall-desk")
    app.setDesktopFileName("hall-desk")  # the desktop entry packaging/hall-desk.desktop
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "hall-desk.png")))
    # This program's own strings, and Qt's (确定/取消/保存, the file and print dialogs) with
    # them: the system's language until the workstation's choice is read.
    if language.current() is None:
        language.apply(app, language.SYSTEM)
    app_filter.install(app)
    collector.install(app)
    # After the translators, so the name is in the window's language.
    language.set_display_name(app)
    return app


def import_window_meanwhile() -> None:
    """Starts importing the main window's modules in a thread, as the login screen opens: the
    login screen comes up without waiting for them, and they are in by the time the password is
    checked (its argon2 runs in a child process while this one waits, see password_check.py).
    Importing defines classes and makes no widget: nothing here touches the GUI."""
    if _window_import or all(name in sys.modules for name in WINDOW_MODULES):
        return

    def work() -> None:
        for name in WINDOW_MODULES:
            importlib.import_module(name)

    thread = threading.Thread(target=work, name="window-import", daemon=True)
    _window_import.append(thread)
    thread.start()


def main_window_class() -> type[MainWindow]:
    """The MainWindow class, once the import started meanwhile is done (an import that failed
    there raises here, in the GUI thread, when tried again)."""
    for thread in _window_import:
        thread.join()
    from hall_desk.ui.main_window import MainWindow

    return MainWindow


def _prepare_pdf_font() -> None:
    # Imported here, on the font's own thread: reportlab is not loaded before the first print.
    from hall_desk.reports import pdf

    pdf.prepare_font()


class Desk:
    """Walks a person from an empty folder to the main window, and back to login on switch."""

    def __init__(self, home: Home) -> None:
        self.home = home
        self.app = application()
        self.ws: Workstation | None = None
        self.window: MainWindow | None = None  # the one on screen
        self.sessions: dict[str, MainWindow] = {}  # username → their window, kept at a switch
        self.dialogs: list[QDialog] = []  # kept referenced while open
        self.reporter = ErrorReporter(setup_logging(home.log_dir))

    def start(self) -> bool:
        """Runs setup and login; False when the person cancelled (the program then exits)."""
        self.reporter.install()
        # The setup dialog is imported when asked for: a home set up with its admin (every
        # start but the first) does without it.
        if not self.home.is_initialised():
            from hall_desk.ui.setup_dialog import SetupDialog

            # No workstation yet to read a theme from: the setup dialog has the default look,
            # not Qt's bare one, in which its refusals would not be red.
            appearance.apply_theme(self.app, "light")
            setup = SetupDialog(self.home)
            if setup.exec() != QDialog.DialogCode.Accepted or setup.created is None:
                return False
            self.ws = setup.created
        else:
            self.ws = Workstation(self.home)
        extra = self.ws.config.extra
        appearance.apply_theme(self.app, str(extra.get("theme", "light")))
        appearance.apply_font_scale(self.app, float(extra.get("font_scale", 1.0)))
        language.apply(self.app, language.choice_of(extra))
        if not users.has_admin(self.ws):
            from hall_desk.ui.setup_dialog import SetupDialog

            first_admin = SetupDialog(self.home, self.ws)
            if first_admin.exec() != QDialog.DialogCode.Accepted:
                return False
        actor = self.login()
        if actor is None:
            return False
        self.show_main(actor)
        return True

    def login(self, username: str = "") -> Actor | None:
        assert self.ws is not None
        dialog = LoginDialog(self.ws, username=username)
        import_window_meanwhile()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.actor

    def show_main(self, actor: Actor) -> MainWindow:
        assert self.ws is not None
        window = main_window_class()(self.ws, actor, open_settings=self.open_settings)
        window.switch_user_requested.connect(self.switch_user)
        self.window = window
        self.sessions[actor.username] = window
        window.show()
        # A Chinese font that must be converted before it can be embedded (Noto CJK) is
        # converted soon, off the GUI thread, rather than at the first print; not before the
        # window is painted: importing reportlab holds the interpreter in turns with the paint.
        QTimer.singleShot(
            FONT_AFTER_MS,
            lambda: threading.Thread(
                target=_prepare_pdf_font, name="pdf-font", daemon=True
            ).start(),
        )
        # Last night's sync missed (the program was closed)? Catch up once the window is up.
        QTimer.singleShot(0, window.sync.catch_up_at_startup)
        return window

    def open_settings(self) -> SettingsDialog | None:
        if self.window is None or self.ws is None:
            return None
        # Imported when first opened: it pulls in the spreadsheet library (catalog import and
        # export), which no one needs for the window to come up.
        from hall_desk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ws, self.window.actor, self.window)
        dialog.finished.connect(lambda _=0, d=dialog: self._settings_closed(d))
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def _settings_closed(self, dialog: SettingsDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        if self.window is not None and language.apply(
            self.app, language.choice_of(self.window.ws.config.extra)
        ):
            self._rebuild_in_new_language()
        if self.window is not None:
            self.window.setWindowTitle(f"{self.window.ws.hall} — hall-desk")
            self.window.idle.set_interval(max(1, self.window.ws.config.idle_lock_minutes) * 60_000)
            self.window.refresh_status()
        dialog.deleteLater()

    def _rebuild_in_new_language(self) -> None:
        """Widgets keep the texts they were built with: the person's window is built anew in the
        new language. Other people's kept (locked) windows are dropped; they get a new one at
        their next login."""
        old = self.window
        assert old is not None
        for window in list(self.sessions.values()):
            if window is not old:
                self._discard(window)
        new = self.show_main(old.actor)
        new.setGeometry(old.geometry())
        self._discard(old)
        self.sessions[new.actor.username] = new

    def switch_user(self) -> None:
        """Someone else takes the window at a shift change.

        The login asks over the locked window, which stays on screen: with no visible window Qt
        would take the program as closed. Each person's window is kept, locked and hidden, with
        whatever they had typed; logging in again brings it back as they left it.
        """
        old = self.window
        if old is None or self.ws is None:
            return
        old.lock()
        dialog = LoginDialog(self.ws, old)
        old.allow_while_locked(dialog)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        actor = dialog.actor
        dialog.deleteLater()
        if not accepted or actor is None:
            old.lock_page.password.setFocus()  # cancelled: the previous user's lock stays
            return
        kept = self.sessions.get(actor.username)
        if kept is not None and kept.actor.role != actor.role:
            # The role changed since that window was made: its workspaces no longer fit.
            self._discard(kept)
            kept = None
        if kept is None:
            self.show_main(actor)
        else:
            self.window = kept
            kept.show()
            kept.unlock()
            kept.activateWindow()
        if self.window is not old:
            old.hide()

    def _discard(self, window: MainWindow) -> None:
        self.sessions.pop(window.actor.username, None)
        window.close()
        window.deleteLater()

    def close(self) -> None:
        # Every kept session's window reads the workstation closed below: none may outlive it.
        for window in list(self.sessions.values()):
            self._discard(window)
        self.window = None
        # An action the clerk started just before closing still completes, or rolls back whole.
        wait_for_workers()
        try:
            if self.ws is not None:
                self.ws.close()  # may raise what its anchor writer kept: the log still closes
        finally:
            self.reporter.uninstall()
            teardown_logging(self.reporter.log_path)


def run(home: Home) -> int:
    """The event loop is qasync's, so later long work can be awaited without freezing."""
    desk = Desk(home)
    try:
        if not desk.start():
            return 0
        app = desk.app
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            closed = asyncio.Event()
            app.lastWindowClosed.connect(closed.set)

            async def until_closed() -> None:
                await closed.wait()

            runner.run(until_closed())
        return 0
    finally:
        desk.close()
