"""The one way to run an action from the window: off the GUI thread with a busy state, refusals
beside their fields, crashes in the error dialog, and open views refreshed by one signal."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from hall_desk.domain.errors import PermissionDenied, ValidationError, ValidationErrors
from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.domain.roles import Actor, Role
from hall_desk.ui import errors as error_dialogs
from hall_desk.ui.changes import Entity, Follower, hub
from hall_desk.ui.intake_workspace import IntakeWorkspace
from hall_desk.ui.main_window import MainWindow
from hall_desk.ui.ops import Op
from hall_desk.ui.reports_workspace import ReportsWorkspace
from hall_desk.ui.routing_workspace import RoutingWorkspace
from hall_desk.ui.widgets import FieldErrors, error_label
from tests.services.helpers import resident_id
from tests.ui.actions import click, settle
from tests.ui.conftest import type_text

FOOD = "011050007001"
DAY = date(2026, 11, 24)


class Form(QWidget):
    """The smallest screen with an action: two fields, their error labels, one button."""

    def __init__(self, work, touches=()) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        layout = QFormLayout(self)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.labels = {"name": error_label(self), "phone": error_label(self)}
        layout.addRow("姓名：", self.name)
        layout.addRow("", self.labels["name"])
        layout.addRow("电话：", self.phone)
        layout.addRow("", self.labels["phone"])
        self.general = error_label(self)
        layout.addRow(self.general)
        self.button = QPushButton("保存")
        layout.addRow(self.button)
        self.errors = FieldErrors(self.labels, self.general, self)
        self.results: list[object] = []
        self.button.clicked.connect(
            lambda: (
                Op(self, work, touches=touches)
                .busy(self.button)
                .fields(self.errors, {"name": self.name, "phone": self.phone})
                .success(self.results.append)
                .run()
            )
        )


@pytest.fixture
def announced(qtbot) -> list[frozenset[Entity]]:  # type: ignore[no-untyped-def]
    seen: list[frozenset[Entity]] = []
    hub().changed.connect(seen.append)
    yield seen
    hub().changed.disconnect(seen.append)


def show(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_work_runs_off_the_gui_thread_behind_a_busy_state(qtbot, announced) -> None:
    gui = threading.get_ident()
    release = threading.Event()
    ran_in: list[int] = []

    def work() -> str:
        ran_in.append(threading.get_ident())
        assert release.wait(10)
        return "已保存"

    form = show(qtbot, Form(work, touches=[Entity.CASE]))
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(ran_in))
    assert not form.button.isEnabled(), "no second click while the first runs"
    assert QGuiApplication.overrideCursor() is not None
    assert announced == [] and form.results == []
    release.set()
    settle(qtbot)
    assert ran_in[0] != gui
    assert form.button.isEnabled() and QGuiApplication.overrideCursor() is None
    assert form.results == ["已保存"]
    assert announced == [frozenset({Entity.CASE})]


def test_a_refusal_lands_beside_its_field_and_announces_nothing(qtbot, announced) -> None:
    def work() -> None:
        raise ValidationErrors(
            [ValidationError("phone", "电话号码位数不对"), ValidationError("name", "请填写姓名")]
        )

    form = show(qtbot, Form(work, touches=[Entity.CASE]))
    click(qtbot, form.button)
    assert form.labels["phone"].isVisible() and "电话号码位数不对" in form.labels["phone"].text()
    assert form.labels["name"].isVisible() and "请填写姓名" in form.labels["name"].text()
    assert QApplication.focusWidget() is form.phone, "the first bad field has the focus"
    assert error_dialogs.open_error_dialogs() == []
    assert announced == [] and form.results == [] and form.button.isEnabled()


def test_a_refusal_without_a_field_goes_to_the_form_s_general_line(qtbot) -> None:
    def work() -> None:
        raise PermissionDenied("当前用户没有受理权限")

    form = show(qtbot, Form(work))
    click(qtbot, form.button)
    assert "没有受理权限" in form.general.text() and form.general.isVisible()


def test_a_crash_opens_the_error_dialog_and_logs_the_trace(
    qtbot, tmp_path: Path, announced
) -> None:
    log_path = error_dialogs.setup_logging(tmp_path / "logs")

    def work() -> None:
        raise KeyError("station")

    form = show(qtbot, Form(work, touches=[Entity.CASE]))
    try:
        click(qtbot, form.button)
        dialogs = error_dialogs.open_error_dialogs()
        assert len(dialogs) == 1 and dialogs[0].isVisible()
        assert "意外错误" in dialogs[0].text() and str(log_path) in dialogs[0].text()
        assert "KeyError" in log_path.read_text(encoding="utf-8")
        assert not any(label.isVisible() for label in form.labels.values())
        assert announced == [] and form.button.isEnabled()
        dialogs[0].accept()
        qtbot.waitUntil(lambda: error_dialogs.open_error_dialogs() == [])
    finally:
        for handler in list(error_dialogs.log.handlers):
            if getattr(handler, "baseFilename", "") == str(log_path):
                error_dialogs.log.removeHandler(handler)
                handler.close()


def test_a_refusal_on_a_screen_without_fields_opens_the_dialog_with_its_message(qtbot) -> None:
    page = show(qtbot, QPushButton("删除"))

    def work() -> None:
        raise PermissionDenied("当前用户不能删除办件")

    page.clicked.connect(lambda: Op(page, work).busy(page).run())
    click(qtbot, page)
    dialogs = error_dialogs.open_error_dialogs()
    assert len(dialogs) == 1 and dialogs[0].text() == "当前用户不能删除办件"
    dialogs[0].accept()
    qtbot.waitUntil(lambda: error_dialogs.open_error_dialogs() == [])


def test_a_hidden_view_refreshes_when_it_is_shown_again(qtbot) -> None:
    view = show(qtbot, QLabel("0"))
    calls: list[int] = []
    Follower(view, [Entity.CASE], lambda: calls.append(1))
    hub().announce([Entity.CONSULTATION])
    assert calls == []
    hub().announce([Entity.CASE])
    assert calls == [1]
    view.hide()
    hub().announce([Entity.CASE])
    hub().announce([Entity.CASE])
    assert calls == [1], "nothing is read for a view nobody sees"
    view.show()
    assert calls == [1, 1], "once, however many changes it missed"


def accept_a_case(qtbot, intake: IntakeWorkspace) -> str:  # type: ignore[no-untyped-def]
    """A clerk's whole intake, with the keyboard, as in test_intake_workspace."""
    form = intake.form
    form.item_search.setFocus()
    qtbot.keyClicks(form.item_search, FOOD)
    qtbot.keyClick(form.item_search, Qt.Key.Key_Return)
    form.id_number.setFocus()
    qtbot.keyClicks(form.id_number, resident_id())
    form.name.setFocus()
    type_text(qtbot, form.name, "包海龙")
    form.phone.setFocus()
    qtbot.keyClicks(form.phone, "13904751234")
    click(qtbot, intake.form.findChild(QPushButton, "receiveAllButton"))
    click(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    assert form.result is not None and "已受理" in form.result_label.text()
    return form.result.case_no


def test_a_case_accepted_at_intake_shows_on_every_open_view_without_refresh(
    qtbot, ws, clerk, router, admin
) -> None:
    ws.today = lambda: DAY  # type: ignore[method-assign]
    lead = Actor("lead", "白玉兰", Role.LEAD)
    intake = show(qtbot, IntakeWorkspace(ws, clerk))
    routing_page = RoutingWorkspace(ws, router)
    routing_page.setCurrentWidget(routing_page.board)
    show(qtbot, routing_page)
    reports = show(qtbot, ReportsWorkspace(ws, lead))
    window = show(qtbot, MainWindow(ws, admin))
    settle(qtbot)  # the board reads its first page off the GUI thread
    board = routing_page.board
    assert board.model.rowCount() == 0 and "共 0 件在途" in board.summary.text()
    assert reports.figure_labels["accepted"].text() == "0"
    unsent_before = window.sync.label.text()

    case_no = accept_a_case(qtbot, intake)

    # Nobody pressed 刷新 on any of them.
    assert board.model.rowCount() == 1 and "共 1 件在途" in board.summary.text()
    model = board.table.model()
    assert model.data(model.index(0, 2)) == case_no
    assert reports.figure_labels["accepted"].text() == "1"
    assert window.sync.label.text() != unsent_before


def test_the_routing_board_in_a_background_tab_catches_up_when_opened(
    qtbot, ws, clerk, router
) -> None:
    ws.today = lambda: DAY  # type: ignore[method-assign]
    intake = show(qtbot, IntakeWorkspace(ws, clerk))
    routing_page = show(qtbot, RoutingWorkspace(ws, router))
    assert routing_page.currentWidget() is not routing_page.board
    case_no = accept_a_case(qtbot, intake)
    bar = routing_page.tabBar()
    qtbot.mouseClick(
        bar,
        Qt.MouseButton.LeftButton,
        pos=bar.tabRect(routing_page.indexOf(routing_page.board)).center(),
    )
    settle(qtbot)
    model = routing_page.board.table.model()
    assert model.rowCount() == 1 and model.data(model.index(0, 2)) == case_no


def test_an_open_case_view_follows_a_move_made_at_the_routing_post(
    qtbot, ws, clerk, router
) -> None:
    from hall_desk.domain.lifecycle import CaseState
    from hall_desk.services import intake as intake_service
    from hall_desk.ui.case_view import CaseView
    from tests.services.helpers import draft_for, person

    case = intake_service.accept(ws, clerk, draft_for(ws, [FOOD], person()))
    view = show(qtbot, CaseView(ws, clerk, case.case_id))
    assert view.value("state").text() == CaseState.ACCEPTED.label
    routing_page = show(qtbot, RoutingWorkspace(ws, router))
    panel = routing_page.scan
    panel.scan.setFocus()
    qtbot.keyClicks(panel.scan, case.case_no)
    qtbot.keyClick(panel.scan, Qt.Key.Key_Return)
    settle(qtbot)
    click(qtbot, panel.confirm)
    assert view.value("state").text() == CaseState.PREREVIEW.label
