"""Start-up on the qasync loop, the first admin of a home made without one, and settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QTabWidget

from hall_desk.domain.roles import Role
from hall_desk.services import calendar as calendar_service
from hall_desk.services import catalog, users
from hall_desk.services.home import Home
from hall_desk.services.setup import init_home
from hall_desk.ui import app as app_module
from hall_desk.ui.forms import child
from hall_desk.ui.login import LoginDialog
from hall_desk.ui.settings_dialog import SettingsDialog
from hall_desk.ui.setup_dialog import SetupDialog
from tests.conftest import ADMIN_PASSWORD, STAFF_PASSWORD
from tests.ui.actions import click
from tests.ui.looks import drawn_in, role_colour


def test_run_opens_the_main_window_on_the_qasync_loop(qtbot, ws, monkeypatch) -> None:
    home = ws.home
    ws.close()
    seen = []

    def fake_login_exec(dialog: LoginDialog) -> int:
        dialog.username.setText("admin")
        dialog.password.setText(ADMIN_PASSWORD)
        dialog.try_login()
        return int(dialog.result())

    def close_when_shown() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() == ""
        ]
        main = [w for w in windows if type(w).__name__ == "MainWindow"]
        if main:
            seen.append(main[0].windowTitle())
            main[0].close()
        else:
            QTimer.singleShot(50, close_when_shown)

    monkeypatch.setattr(LoginDialog, "exec", fake_login_exec)
    QTimer.singleShot(50, close_when_shown)
    assert app_module.run(home) == 0
    assert seen and "科尔沁左翼中旗政务服务中心" in seen[0]


def test_cancelled_login_ends_the_program_cleanly(qtbot, ws, monkeypatch) -> None:
    home = ws.home
    ws.close()
    monkeypatch.setattr(LoginDialog, "exec", lambda self: int(QDialog.DialogCode.Rejected))
    assert app_module.run(home) == 0


def test_the_first_start_asks_in_the_theme(qtbot, tmp_path: Path, monkeypatch) -> None:
    QApplication.instance().setStyleSheet("")  # a program just started: no theme set yet
    seen: list[bool] = []

    def refused_then_cancelled(dialog: SetupDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        for field in ("password", "confirm"):
            qtbot.keyClicks(dialog.edits[field], "short")
        qtbot.keyClick(dialog.edits["confirm"], Qt.Key.Key_Return)
        error = child(dialog.form, QLabel, "passwordError")
        assert error.isVisible() and "密码至少" in error.text()
        seen.append(drawn_in(error, role_colour("fieldError")))
        dialog.hide()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(SetupDialog, "exec", refused_then_cancelled)
    assert app_module.run(Home(tmp_path / "new-home")) == 0
    assert seen == [True]  # the refusal drawn red, as on every later screen


def test_home_without_admin_asks_for_one(qtbot, tmp_path: Path) -> None:
    ws = init_home(Home(tmp_path / "h"), hall="测试大厅", workstation="W09")
    try:
        assert not users.has_admin(ws)
        dialog = SetupDialog(ws.home, ws)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.edits["hall"].isVisible()
        dialog.edits["adminName"].setText("张建国")
        dialog.edits["password"].setText(ADMIN_PASSWORD)
        dialog.edits["confirm"].setText(ADMIN_PASSWORD)
        dialog.submit()
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert users.login(ws, "admin", ADMIN_PASSWORD).role == Role.ADMIN
    finally:
        ws.close()


def test_settings_refuse_bad_values_beside_the_field(qtbot, ws, admin) -> None:
    dialog = SettingsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = child(dialog.form, QDialogButtonBox, "buttons").button(
        QDialogButtonBox.StandardButton.Save
    )
    dialog.shared.setText("ftp://server/db")
    click(qtbot, ok)
    error = child(dialog.form, QLabel, "shared_urlError")
    assert error.isVisible() and "共享数据库地址" in error.text()
    assert Home(ws.home.path).load_config().shared_url == ""
    dialog.shared.setText("postgresql://hall@10.0.0.5/hall")
    dialog.idle.setValue(5)
    click(qtbot, ok)
    assert dialog.result() == QDialog.DialogCode.Accepted
    config = Home(ws.home.path).load_config()
    assert config.shared_url == "postgresql://hall@10.0.0.5/hall" and config.idle_lock_minutes == 5


def test_settings_calendar_tab_adds_and_removes_a_closure(qtbot, ws, admin) -> None:
    from PySide6.QtCore import QDate

    dialog = SettingsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    child(dialog.form, QTabWidget, "tabs").setCurrentIndex(3)
    dialog.override_day.setDate(QDate(2026, 12, 2))
    dialog.override_note.setText("设备检修闭厅")
    dialog.add_override()
    assert [o.note for o in calendar_service.list_overrides(ws)] == ["设备检修闭厅"]
    assert dialog.overrides.rowCount() == 1
    assert not ws.calendar().is_working_day(__import__("datetime").date(2026, 12, 2))
    dialog.overrides_table.selectRow(0)
    dialog.remove_override()
    assert calendar_service.list_overrides(ws) == []


def test_settings_catalog_import_lists_every_bad_row(qtbot, ws, admin, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "c.xlsx"
    catalog.export_catalog_xlsx(ws, path)
    wb = load_workbook(path)
    wb["事项"]["B3"] = None
    wb["事项"]["G4"] = "Q"
    wb.save(path)
    dialog = SettingsDialog(ws, admin)
    qtbot.addWidget(dialog)
    op = dialog.import_catalog(path)
    assert op is not None
    qtbot.waitUntil(lambda: op.finished)
    report = dialog.catalog_report.toPlainText()
    assert "未导入" in report and "第 3 行" in report and "第 4 行" in report


@pytest.mark.parametrize("good", [True, False])
def test_settings_users_tab_adds_a_user(qtbot, ws, admin, good: bool) -> None:
    dialog = SettingsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_username.setText("clerk9")
    dialog.new_name.setText("其其格")
    dialog.new_password.setText("pass2026word" if good else "short")
    assert dialog.add_user() is good
    names = [u.username for u in users.list_users(ws, admin)]
    assert ("clerk9" in names) is good
    if not good:
        assert "密码" in dialog.users_error.text()


# The main window as the program opens it after login, in a process of its own: what it loaded.
_FIRST_SCREEN = """
import json, sys
from pathlib import Path
from hall_desk.services import users
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.ui.app import application
from hall_desk.ui.main_window import MainWindow
app = application()
ws = Workstation(Home(Path(sys.argv[1])))
window = MainWindow(ws, users.login(ws, "clerk1", sys.argv[2]))
window.show()
app.processEvents()
print(json.dumps(sorted(sys.modules)))
window.close()
ws.close()
"""


def test_the_first_screen_loads_no_queue_print_preview_encryption_or_sync_engine(ws, clerk) -> None:
    """Without a shared address the clerk's first screen needs neither the queue bar (the live
    queue, the shared database's tables and PostgreSQL dialect) nor the print preview (QtPdf)
    nor cryptography (nothing is decrypted before a case is opened); the status bar's sync line
    needs the sync's status, not the engine (the pull, the conflicts, the validation of every
    event kind) nor every table mapped: each of them is resident memory and start-up time the
    window ready figure pays for."""
    home = ws.home.path
    ws.close()
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    ran = subprocess.run(
        [sys.executable, "-c", _FIRST_SCREEN, str(home), STAFF_PASSWORD],
        capture_output=True,
        encoding="utf-8",
        env=env,
        cwd=root,
        timeout=120,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    loaded = set(json.loads(ran.stdout.strip().splitlines()[-1]))
    assert {"hall_desk.ui.main_window", "hall_desk.ui.intake_workspace"} <= loaded
    unneeded = (
        "hall_desk.ui.queue_bar",
        "hall_desk.services.queue",
        "hall_desk.store.shared_queue",
    )
    unneeded += ("sqlalchemy.dialects.postgresql", "psycopg", "PySide6.QtPdf", "cryptography")
    unneeded += ("reportlab", "openpyxl", "alembic")
    unneeded += ("hall_desk.sync.pull", "hall_desk.sync.conflicts", "hall_desk.sync.validate")
    unneeded += ("hall_desk.store.event_kinds", "hall_desk.store.tables")
    assert sorted(m for m in loaded if m.startswith(unneeded)) == []


_WINDOW_MEANWHILE = """
import json, sys
from hall_desk.ui.app import application, import_window_meanwhile, main_window_class
app = application()
before = "hall_desk.ui.main_window" in sys.modules
import_window_meanwhile()
window_class = main_window_class()
print(json.dumps([before, window_class.__module__, "hall_desk.ui.intake_workspace" in sys.modules]))
"""


def test_the_login_screen_comes_up_before_the_window_is_imported_which_is_then_in_time() -> None:
    """The login screen needs none of the main window's modules: they are imported in a thread
    while it waits for the person, quietly (a Qt warning there would be a widget made off the
    GUI thread), and the window's class is there once the password is checked."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    ran = subprocess.run(
        [sys.executable, "-c", _WINDOW_MEANWHILE],
        capture_output=True,
        encoding="utf-8",
        env=env,
        cwd=root,
        timeout=120,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert json.loads(ran.stdout.strip().splitlines()[-1]) == [
        False,
        "hall_desk.ui.main_window",
        True,
    ]
    assert ran.stderr.strip() == ""
