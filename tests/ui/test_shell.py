"""The desktop shell driven as a clerk would: keyboard, search, lock, unmask, print, errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from hall_desk.domain.roles import Actor, Role
from hall_desk.services import users
from hall_desk.services.home import Home
from hall_desk.ui.case_view import CaseView
from hall_desk.ui.errors import ErrorReporter, setup_logging
from hall_desk.ui.forms import child
from hall_desk.ui.login import LoginDialog
from hall_desk.ui.main_window import MainWindow, SearchResults
from hall_desk.ui.setup_dialog import SetupDialog
from tests.conftest import ADMIN_PASSWORD, STAFF_PASSWORD
from tests.ui.actions import click
from tests.ui.conftest import type_text


def audit_actions(ws) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(ws.home.db_path)
    try:
        return con.execute("SELECT action, actor FROM audit_log ORDER BY seq").fetchall()
    finally:
        con.close()


# --- first run and login -----------------------------------------------------------------------


def test_first_run_setup_creates_the_home(qtbot, tmp_path: Path) -> None:
    home = Home(tmp_path / "new-home")
    dialog = SetupDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    edits = dialog.edits
    type_text(qtbot, edits["hall"], "科尔沁左翼中旗政务服务中心")
    qtbot.keyClicks(edits["workstation"], "w03")
    type_text(qtbot, edits["window"], "综合窗口3")
    type_text(qtbot, edits["adminName"], "张建国")
    qtbot.keyClicks(edits["password"], ADMIN_PASSWORD)
    qtbot.keyClicks(edits["confirm"], "different1")
    dialog.submit()
    error = child(dialog.form, QLabel, "passwordError")
    assert error.isVisible() and "不一致" in error.text()
    assert not home.is_initialised()
    edits["confirm"].clear()
    qtbot.keyClicks(edits["confirm"], ADMIN_PASSWORD)
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.created is not None
    try:
        assert dialog.created.code == "W03" and dialog.created.config.window == "综合窗口3"
        assert users.login(dialog.created, "admin", ADMIN_PASSWORD).role == Role.ADMIN
    finally:
        dialog.created.close()


def test_setup_shows_each_error_beside_its_field(qtbot, tmp_path: Path) -> None:
    dialog = SetupDialog(Home(tmp_path / "h"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.edits["workstation"], "W-1!")
    qtbot.keyClicks(dialog.edits["password"], "short")
    qtbot.keyClicks(dialog.edits["confirm"], "short")
    dialog.submit()
    assert "密码至少" in child(dialog.form, QLabel, "passwordError").text()
    assert not (tmp_path / "h").exists()
    dialog.edits["password"].setText(ADMIN_PASSWORD)
    dialog.edits["confirm"].setText(ADMIN_PASSWORD)
    dialog.submit()
    assert "工作站编码" in child(dialog.form, QLabel, "workstationError").text()


def test_login_success(qtbot, ws, clerk) -> None:
    dialog = LoginDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "clerk1")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget() or dialog.password, STAFF_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.username == "clerk1"
    assert dialog.result() == dialog.DialogCode.Accepted


def test_login_failure_then_lock_out(qtbot, ws, clerk) -> None:
    dialog = LoginDialog(ws, username="clerk1")
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(4):
        qtbot.keyClicks(dialog.password, "wrong-pass-1")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.actor is None
        assert "用户名或密码错误" in dialog.error.text()
        assert dialog.password.text() == "", "a refused password is cleared"
    qtbot.keyClicks(dialog.password, "wrong-pass-1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "锁定" in dialog.error.text()
    qtbot.keyClicks(dialog.password, STAFF_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is None and "已锁定" in dialog.error.text()


def test_demo_home_lists_demo_accounts_and_others_do_not(qtbot, ws, tmp_path: Path) -> None:
    dialog = LoginDialog(ws)
    qtbot.addWidget(dialog)
    assert not child(dialog.form, QLabel, "demoLabel").isVisible()
    from hall_desk.services.overview import ensure_demo_home
    from hall_desk.services.workstation import Workstation

    home = Home(tmp_path / "demo")
    ensure_demo_home(home, days=2, per_day=5)
    demo_ws = Workstation(home)
    try:
        demo = LoginDialog(demo_ws)
        qtbot.addWidget(demo)
        demo.show()
        text = child(demo.form, QLabel, "demoLabel").text()
        assert "clerk1" in text and "router" in text and "demo2026" in text
    finally:
        demo_ws.close()


# --- navigation, search, case view ------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.ROUTER, ["材料流转"]),
        (Role.CLERK, ["综合受理", "咨询登记", "统一出件"]),
        (
            Role.LEAD,
            [
                "综合受理",
                "咨询登记",
                "材料流转",
                "统一出件",
                "办不成事/投诉",
                "统计报表",
                "人员与巡查",
            ],
        ),
        (
            Role.ADMIN,
            [
                "综合受理",
                "咨询登记",
                "材料流转",
                "统一出件",
                "办不成事/投诉",
                "统计报表",
                "人员与巡查",
                "系统管理",
            ],
        ),
    ],
)
def test_navigation_follows_the_role(qtbot, ws, role, expected) -> None:
    main = MainWindow(ws, Actor("someone", "某人", role))
    qtbot.addWidget(main)
    assert [main.nav.item(i).text() for i in range(main.nav.count())] == expected
    assert main.workspaces.count() == len(expected)


def test_the_tickets_workspace_is_built_not_a_placeholder(window) -> None:
    from hall_desk.ui.tickets_workspace import TicketsWorkspace

    assert window.show_workspace("tickets")
    page = window.workspaces.currentWidget()
    assert page.findChild(TicketsWorkspace) is not None
    assert not [w for w in page.findChildren(QLabel) if w.objectName() == "placeholderText"]


def test_status_bar_shows_hall_workstation_user_database_sync(window) -> None:
    labels = {k: v.text() for k, v in window.status_labels.items()}
    assert labels["hall"] == "科尔沁左翼中旗政务服务中心"
    assert "W01" in labels["workstation"]
    assert "张建国" in labels["user"] and "系统管理员" in labels["user"]
    assert "正常" in labels["database"]
    assert "同步" in labels["sync"]


def test_scanner_input_opens_the_case(qtbot, window, cases) -> None:
    target = cases[1]
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    # A barcode scanner types the number and ends with Enter.
    qtbot.keyClicks(window.search, target.case_no)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.case_views, "one match opens the case at once"
    view = window.case_views[-1]
    assert view.detail.case.case_no == target.case_no
    assert view.value("caseNo").text() == target.case_no
    assert "*" in view.value("idNumber").text()


def test_search_by_id_number_and_name(qtbot, window, cases) -> None:
    from tests.services.helpers import resident_id

    window.search.setText(resident_id(seq="202"))
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.case_views[-1].detail.case.case_no == cases[2].case_no
    window.search.setText("包")
    result = window.run_search()
    assert isinstance(result, SearchResults)
    assert result.model.rowCount() == 2
    qtbot.keyClick(result.table, Qt.Key.Key_Down)
    qtbot.keyClick(result.table, Qt.Key.Key_Return)
    assert window.case_views[-1].detail.case.case_no == result.model.rows[1].case_no


def test_search_without_result_says_so(qtbot, window, cases) -> None:
    window.search.setText("不存在的人")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert "没有找到" in window.search_message.text()
    assert not window.case_views


def test_unmask_is_deliberate_and_audited(qtbot, ws, clerk, cases) -> None:
    view = CaseView(ws, clerk, cases[0].case_id)
    qtbot.addWidget(view)
    view.show()
    assert "*" in view.value("idNumber").text()
    qtbot.mouseClick(view.unmask_id, Qt.MouseButton.LeftButton)
    assert view.value("idNumber").text() == resident_id_of(0)
    assert not view.unmask_id.isEnabled()
    assert ("pii.unmask", "clerk1") in audit_actions(ws)


def resident_id_of(i: int) -> str:
    from tests.services.helpers import resident_id

    return resident_id(seq=f"{200 + i}")


def test_router_cannot_unmask(qtbot, ws, router, cases) -> None:
    view = CaseView(ws, router, cases[0].case_id)
    qtbot.addWidget(view)
    view.show()
    assert not view.unmask_id.isVisible() and not view.unmask_id.isVisibleTo(view)
    before = audit_actions(ws)
    view.reveal("id_number")
    assert "无权" in view.message.text()
    assert audit_actions(ws) == before


def test_case_view_shows_deadline_in_words_and_timeline(qtbot, ws, clerk, cases) -> None:
    view = CaseView(ws, clerk, cases[0].case_id)
    qtbot.addWidget(view)
    view.show()
    due = view.value("due").text()
    assert "2026-11-27" in due and ("超期" in due or "剩余" in due or "到期" in due)
    assert view.timeline.rowCount() == 1 and "受理" in view.timeline.rows[0].what
    assert view.materials.rowCount() >= 3


# --- lock, appearance -----------------------------------------------------------------------------


def test_idle_lock_keeps_what_was_typed(qtbot, window, admin) -> None:
    qtbot.keyClicks(window.search, "20261124-W01")
    window.idle.set_interval(150)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert window.lock_page.isVisible() and not window.search.isVisible()
    qtbot.keyClicks(window.lock_page.password, "wrong-pass-1")
    qtbot.keyClick(window.lock_page.password, Qt.Key.Key_Return)
    assert window.locked and "错误" in window.lock_page.error.text()
    qtbot.keyClicks(window.lock_page.password, ADMIN_PASSWORD)
    qtbot.keyClick(window.lock_page.password, Qt.Key.Key_Return)
    assert not window.locked
    assert window.search.text() == "20261124-W01"


def test_typing_keeps_the_idle_lock_away_until_it_stops(qtbot, window) -> None:
    """The idle clock hears every key through the program's one application-wide filter, also
    in a window built with that filter set aside (app_filter.unwatched)."""
    import time

    window.idle.set_interval(1000)
    started = time.monotonic()
    while time.monotonic() - started < 2.0:  # twice the idle time, a key every 0.2 s
        qtbot.keyClick(window.search, Qt.Key.Key_A)
        qtbot.wait(200)
        assert not window.locked
    assert window.search.text().startswith("aaaa")
    qtbot.waitUntil(lambda: window.locked, timeout=5000)


def test_lock_hides_open_case_and_brings_it_back(qtbot, window, cases) -> None:
    view = window.open_case(cases[0].case_id)
    qtbot.waitExposed(view)
    window.lock()
    assert not view.isVisible()
    window.lock_page.password.setText(ADMIN_PASSWORD)
    window.lock_page.try_unlock()
    assert view.isVisible()


def test_font_scale_and_theme_are_applied_and_remembered(qtbot, window, ws) -> None:
    app = QApplication.instance()
    base = app.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert app.font().pointSizeF() > base
    assert ws.config.extra["font_scale"] == pytest.approx(1.1)
    assert Home(ws.home.path).load_config().extra["font_scale"] == pytest.approx(1.1)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert app.font().pointSizeF() == pytest.approx(base)
    window.set_theme("high_contrast")
    assert "High-contrast" in app.styleSheet()
    assert Home(ws.home.path).load_config().extra["theme"] == "high_contrast"


def test_every_input_has_an_accessible_name(qtbot, window, ws, admin) -> None:
    from hall_desk.ui.settings_dialog import SettingsDialog

    settings = SettingsDialog(ws, admin)
    qtbot.addWidget(settings)
    for root in (window, settings):
        for edit in root.findChildren(QLineEdit):
            if edit.isVisibleTo(root) and edit.objectName() not in ("", "qt_spinbox_lineedit"):
                assert edit.accessibleName(), f"{edit.objectName()} has no accessible name"


# --- printing and errors -------------------------------------------------------------------------


def test_print_preview_renders_the_pdf(qtbot, ws, clerk, cases, tmp_path: Path) -> None:
    view = CaseView(ws, clerk, cases[0].case_id)
    qtbot.addWidget(view)
    view.show()
    click(qtbot, child(view.form, QPushButton, "printButton"))
    preview = view.preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pages_painted >= 1, timeout=10_000)
    text = "".join(
        page.extract_text() for page in PdfReader(__import__("io").BytesIO(preview.pdf.data)).pages
    )
    assert "办件信息单" in text and cases[0].case_no in text and "申请人身份证明" in text
    saved = preview.save_as(tmp_path / "sheet.pdf")
    assert saved is not None and saved.read_bytes() == preview.pdf.data
    preview.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_error_dialog(qtbot, tmp_path: Path) -> None:
    reporter = ErrorReporter(setup_logging(tmp_path / "logs"))
    reporter.install()
    try:
        button = QPushButton("坏按钮")
        qtbot.addWidget(button)
        button.show()

        def broken() -> None:
            raise RuntimeError("数据库文件被移走了")

        button.clicked.connect(broken)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(reporter.dialogs), timeout=3000)
        box = reporter.dialogs[-1]
        assert box.isVisible() and "意外错误" in box.text()
        assert "RuntimeError" in (tmp_path / "logs" / "hall-desk.log").read_text(encoding="utf-8")
        assert button.isVisible(), "the window lives on"
        box.close()
    finally:
        reporter.uninstall()


def test_switch_user_from_lock(qtbot, window) -> None:
    with qtbot.waitSignal(window.switch_user_requested, timeout=1000):
        qtbot.mouseClick(
            window.lock_page.findChild(QPushButton, "switchUserButton"), Qt.MouseButton.LeftButton
        )


def test_users_of_another_role_cannot_open_settings(qtbot, window, ws, clerk) -> None:
    main = MainWindow(ws, clerk)
    qtbot.addWidget(main)
    assert main.findChild(type(main.findChild(QPushButton)), "openSettingsButton") is None


def test_while_locked_only_the_unlock_field_takes_input(qtbot, window, cases) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    # A scanner or a passer-by at the locked window: the search shortcut, a number, Enter.
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    target = QApplication.focusWidget()
    assert target is window.lock_page.password
    qtbot.keyClicks(window.search, cases[0].case_no)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseView)]
    assert window.search.text() == ""
    for name in ("zoomInAction", "lockAction", "switchUserAction", "focusSearchAction"):
        assert not window.findChild(QAction, name).isEnabled(), name
    # A window that comes up during the lock (an error, a sync message) takes no clicks or keys.
    stray = QPushButton("确定")
    qtbot.addWidget(stray)
    pressed = []
    stray.clicked.connect(lambda: pressed.append(True))
    stray.show()
    qtbot.mouseClick(stray, Qt.MouseButton.LeftButton)
    qtbot.keyClick(stray, Qt.Key.Key_Space)
    assert not pressed
    # The unlock field still does.
    qtbot.keyClicks(window.lock_page.password, ADMIN_PASSWORD)
    qtbot.keyClick(window.lock_page.password, Qt.Key.Key_Return)
    assert not window.locked
    assert window.findChild(QAction, "focusSearchAction").isEnabled()
    qtbot.mouseClick(stray, Qt.MouseButton.LeftButton)
    assert pressed


def test_save_as_pdf_from_the_preview_toolbar(
    qtbot, ws, clerk, cases, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QToolBar

    view = CaseView(ws, clerk, cases[0].case_id)
    qtbot.addWidget(view)
    view.show()
    click(qtbot, child(view.form, QPushButton, "printButton"))
    preview = view.preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pages_painted >= 1, timeout=10_000)
    target = tmp_path / "办件信息单.pdf"
    asked = []

    def choose(parent, caption, suggested, filters):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    toolbar = preview.findChild(QToolBar)
    button = toolbar.widgetForAction(preview.findChild(QAction, "savePdfAction"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked and target.read_bytes() == preview.pdf.data
    assert "已保存" in preview.save_message.text()
    preview.close()


def _menu_click(qtbot, menu_bar_or_menu, action) -> None:  # type: ignore[no-untyped-def]
    rect = menu_bar_or_menu.actionGeometry(action)
    qtbot.mouseMove(menu_bar_or_menu, rect.center())
    qtbot.mouseClick(menu_bar_or_menu, Qt.MouseButton.LeftButton, pos=rect.center())


# Menus raise their popups and grab the keyboard; the offscreen platform says it cannot.
@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)
def test_theme_and_font_size_change_the_open_window_at_once(qtbot, window, ws) -> None:
    from PySide6.QtWidgets import QMenu

    from hall_desk.ui import appearance

    app = QApplication.instance()
    appearance.apply_theme(app, "light")  # as at start-up
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    base = window.search.font().pointSizeF()
    for _ in range(3):
        qtbot.keyClick(window.search, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert "130%" in window.statusBar().currentMessage()
    assert window.search.font().pointSizeF() == pytest.approx(base * 1.3, abs=0.1)
    assert window.status_labels["user"].font().pointSizeF() == pytest.approx(base * 1.3, abs=0.1)
    qtbot.keyClick(window.search, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.search.font().pointSizeF() == pytest.approx(base, abs=0.1)
    qtbot.keyClick(window.search, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)

    def rail_corner() -> str:
        image = window.nav.grab().toImage()
        return image.pixelColor(12, image.height() - 12).name()  # inside any focus border

    assert rail_corner() != "#000000"
    # 视图 → 主题 → 高对比度, with the mouse.
    bar = window.menuBar()
    view_menu = next(a for a in bar.actions() if a.text().startswith("视图"))
    _menu_click(qtbot, bar, view_menu)
    menu = view_menu.menu()
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    themes = next(a for a in menu.actions() if a.text() == "主题")
    _menu_click(qtbot, menu, themes)
    submenu = themes.menu()
    assert isinstance(submenu, QMenu)
    qtbot.waitUntil(submenu.isVisible, timeout=3000)
    high = next(a for a in submenu.actions() if a.text() == "高对比度")
    _menu_click(qtbot, submenu, high)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=3000)
    assert rail_corner() == "#000000"
    # The theme did not undo the font size, and both are remembered.
    assert window.search.font().pointSizeF() == pytest.approx(base * 1.1, abs=0.1)
    saved = Home(ws.home.path).load_config().extra
    assert saved["theme"] == "high_contrast" and saved["font_scale"] == pytest.approx(1.1)
