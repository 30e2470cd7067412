"""补正 paperwork at the window, by keyboard: the deadline and each material's requirement typed
onto the 一次性告知书, 份数 counted, 代理人 bringing 授权委托书, a 一件事 not asking for what it
issues, and the 受理通知书 printed once a supplement is complete."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from sqlalchemy import select

from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.reports.notices import intake_notice
from hall_desk.store.models import CaseRow
from hall_desk.store.models_intake import CaseMaterialRow
from hall_desk.ui.intake_workspace import COPIES_COLUMN, REQUIREMENT_COLUMN, IntakeForm
from tests.services.helpers import resident_id
from tests.ui.actions import click, click_tab, settle
from tests.ui.conftest import type_text
from tests.ui.test_intake_workspace import (
    FOOD,
    choose,
    fill_person,
    tab_to,
    tick_all_materials,
)

MISSING = "食品安全管理制度"


@pytest.fixture
def form(qtbot, ws, clerk) -> IntakeForm:  # type: ignore[no-untyped-def]
    from hall_desk.ui.intake_workspace import IntakeWorkspace

    ws.today = lambda: date(2026, 11, 24)  # type: ignore[method-assign]
    page = IntakeWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitExposed(page)
    page.form.item_search.setFocus()
    return page.form


def names(form: IntakeForm) -> list[str]:
    return [form.materials.item(r, 1).text() for r in range(form.materials.rowCount())]


def row_of(form: IntakeForm, name: str) -> int:
    return names(form).index(name)


def edit_cell(qtbot, form: IntakeForm, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Moves there with the arrow keys, F2, types, Enter: as a clerk edits a cell."""
    tab_to(qtbot, form.materials)
    table = form.materials
    while table.currentRow() < row:
        qtbot.keyClick(table, Qt.Key.Key_Down)
    while table.currentRow() > row:
        qtbot.keyClick(table, Qt.Key.Key_Up)
    while table.currentColumn() < column:
        qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table, "F2 opened an editor"
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The view commits and closes its editor on the next turn of the event loop.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def untick(qtbot, form: IntakeForm, name: str) -> None:  # type: ignore[no-untyped-def]
    tab_to(qtbot, form.materials)
    table = form.materials
    table.setCurrentCell(table.currentRow(), 0)
    while table.currentRow() < row_of(form, name):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    while table.currentRow() > row_of(form, name):
        qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert table.item(row_of(form, name), 0).checkState() == Qt.CheckState.Unchecked


def notice_text(data: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).replace("\n", "")


def test_the_supplement_deadline_and_requirement_are_typed_and_printed(qtbot, form, ws, clerk):
    choose(qtbot, form, FOOD)
    fill_person(qtbot, form, resident_id())
    tick_all_materials(qtbot, form)
    untick(qtbot, form, MISSING)
    edit_cell(qtbot, form, row_of(form, MISSING), REQUIREMENT_COLUMN, "须加盖公章的原件")
    assert form.materials.item(row_of(form, MISSING), REQUIREMENT_COLUMN).text() == (
        "须加盖公章的原件"
    )
    tab_to(qtbot, form.supplement_deadline)
    qtbot.keyClicks(form.supplement_deadline, "20261208")  # each section moves on when full
    assert form.supplement_deadline.date().toString("yyyy-MM-dd") == "2026-12-08"
    click(qtbot, form.decision_buttons[CaseEvent.REQUEST_SUPPLEMENT])
    assert form.result is not None
    with ws.reading() as s:
        case = s.get(CaseRow, form.result.case_id)
        assert case.supplement_deadline == date(2026, 12, 8)
    text = notice_text(intake_notice(ws, clerk, form.result.case_id)[1])
    assert "2026年12月8日" in text and "须加盖公章的原件" in text and MISSING in text


def test_a_deadline_not_after_today_is_refused_beside_the_field(qtbot, form, ws):
    choose(qtbot, form, FOOD)
    fill_person(qtbot, form, resident_id())
    form.set_all_received(True)
    untick(qtbot, form, MISSING)
    tab_to(qtbot, form.supplement_deadline)
    qtbot.keyClicks(form.supplement_deadline, "20261124")
    click(qtbot, form.decision_buttons[CaseEvent.REQUEST_SUPPLEMENT])
    assert form.result is None
    assert "补正期限应晚于今天" in form.error_labels["supplement_deadline"].text()


def test_ticking_the_agent_adds_the_letter_of_authorisation(qtbot, form, ws):
    choose(qtbot, form, FOOD)
    fill_person(qtbot, form, resident_id())
    assert "授权委托书" not in names(form)
    form.set_all_received(True)
    tab_to(qtbot, form.has_agent)
    qtbot.keyClick(form.has_agent, Qt.Key.Key_Space)
    assert "授权委托书" in names(form)
    row = row_of(form, "授权委托书")
    assert form.materials.item(row, 0).checkState() == Qt.CheckState.Unchecked
    assert all(
        form.materials.item(r, 0).checkState() == Qt.CheckState.Checked
        for r in range(form.materials.rowCount())
        if r != row
    ), "what was ticked stays ticked"
    tab_to(qtbot, form.agent_name)
    type_text(qtbot, form.agent_name, "白玉兰")
    tab_to(qtbot, form.agent_id)
    qtbot.keyClicks(form.agent_id, resident_id(seq="456"))
    click(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    assert form.result is None and "授权委托书" in form.error_labels["materials"].text()
    form.set_all_received(True)
    click(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    assert form.result is not None
    with ws.reading() as s:
        letter = s.scalars(
            select(CaseMaterialRow).where(CaseMaterialRow.name == "授权委托书")
        ).one()
    assert letter.received and letter.required

    form.reset()
    choose(qtbot, form, FOOD)
    tab_to(qtbot, form.has_agent)
    qtbot.keyClick(form.has_agent, Qt.Key.Key_Space)
    qtbot.keyClick(form.has_agent, Qt.Key.Key_Space)
    assert "授权委托书" not in names(form), "untick the agent and the letter goes"


def test_copies_are_typed_into_the_list(qtbot, form, ws, clerk):
    choose(qtbot, form, FOOD)
    fill_person(qtbot, form, resident_id())
    form.set_all_received(True)
    untick(qtbot, form, "从业人员健康证明")
    edit_cell(qtbot, form, row_of(form, "从业人员健康证明"), COPIES_COLUMN, "3")
    row = row_of(form, "从业人员健康证明")
    assert form.materials.item(row, 0).checkState() == Qt.CheckState.Checked, (
        "counting copies ticks the material"
    )
    assert form.received()["从业人员健康证明"] == 3
    click(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    assert form.result is not None
    with ws.reading() as s:
        counted = s.scalars(
            select(CaseMaterialRow.received_copies).where(
                CaseMaterialRow.name == "从业人员健康证明"
            )
        ).one()
    assert counted == 3


def test_a_bundle_does_not_ask_for_the_licence_it_issues(qtbot, form):
    choose(qtbot, form, FOOD)
    assert "营业执照" in names(form), "食品经营许可 alone needs the licence"
    form.reset()
    choose(qtbot, form, "kbcyd")  # 开办餐饮店一件事: 个体工商户设立登记 issues the licence
    assert form.selection() == ([], "YJS001")
    assert "营业执照" not in names(form)
    assert "经营场所使用证明" in names(form)


def test_after_the_supplement_the_acceptance_notice_is_printed(qtbot, ws, clerk):
    from hall_desk.ui.main_window import MainWindow

    ws.today = lambda: date(2026, 11, 24)  # type: ignore[method-assign]
    main = MainWindow(ws, clerk)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=3000)
    form = main.intake.form
    form.item_search.setFocus()
    choose(qtbot, form, FOOD)
    fill_person(qtbot, form, resident_id())
    form.set_all_received(True)
    untick(qtbot, form, MISSING)
    click(qtbot, form.decision_buttons[CaseEvent.REQUEST_SUPPLEMENT])
    case_no = form.result.case_no
    supplement = main.intake.supplement
    click_tab(qtbot, main.intake, "补正收件/容缺补齐")
    supplement.lookup.setFocus()
    qtbot.keyClicks(supplement.lookup, case_no)
    qtbot.keyClick(supplement.lookup, Qt.Key.Key_Return)
    settle(qtbot)
    assert not supplement.print_button.isVisible()
    qtbot.keyClick(supplement.missing, Qt.Key.Key_Space)
    click(qtbot, supplement.confirm)
    assert supplement.print_button.isVisible()
    assert QApplication.focusWidget() is supplement.print_button
    qtbot.keyClick(supplement.print_button, Qt.Key.Key_Space)
    settle(qtbot)  # the notice is built off the GUI thread
    preview = main.notice_preview
    text = notice_text(preview.pdf.data)
    assert "受理通知书" in text and case_no in text and MISSING in text
    preview.close()
