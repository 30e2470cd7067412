"""The papers of 材料流转, 统一出件, 办不成事 and 绩效考评 are built (reportlab) off the GUI thread:
while one is being made the window keeps answering and the button pressed stays disabled; the
preview then opens with the right paper, and a refusal is said where that screen says things."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.reports import evaluation_papers, routing_docs, ticket_papers
from hall_desk.services import delivery, intake, routing, tickets
from hall_desk.services.delivery import MailDraft
from hall_desk.ui import errors as error_dialogs
from hall_desk.ui.delivery_workspace import DeliveryWorkspace
from hall_desk.ui.intake_workspace import IntakeWorkspace
from hall_desk.ui.printing import PdfPreviewDialog
from hall_desk.ui.routing_workspace import RoutingWorkspace
from hall_desk.ui.staff_workspace import StaffWorkspace
from hall_desk.ui.tickets_workspace import TicketsWorkspace
from tests.services import staff_helpers, tickets_helpers
from tests.services.helpers import draft_for, person, resident_id
from tests.services.test_evaluations import complaint_about
from tests.services.tickets_helpers import complaint
from tests.ui.actions import click, enter, fill, settle
from tests.ui.gated import answers

FOOD = "011050007001"
BUSINESS = "011050001001"  # 个体工商户设立登记: immediate, pickup or mail

desk = tickets_helpers.desk
hall = staff_helpers.hall


def _text(preview: PdfPreviewDialog | None) -> str:
    assert preview is not None and preview.isVisible()
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf.data)).pages)


def _shown(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)


def _press(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    """A real click that does not wait: the paper it starts is held in its worker."""
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _held(qtbot, gated, *disabled) -> None:  # type: ignore[no-untyped-def]
    """The builder is running in its worker: the window runs its loop meanwhile and the
    widgets of the action wait disabled."""
    qtbot.waitUntil(lambda: gated.calls == 1, timeout=5000)
    assert answers(qtbot)
    assert [w.isEnabled() for w in disabled] == [False] * len(disabled)


def _let_go(qtbot, gated, *enabled) -> None:  # type: ignore[no-untyped-def]
    gated.release_all()
    settle(qtbot)
    assert gated.off_gui_thread() and gated.returned == 1
    assert [w.isEnabled() for w in enabled] == [True] * len(enabled)


def _accepted(ws, clerk, n: int) -> list:  # type: ignore[no-untyped-def]
    return [
        intake.accept(
            ws, clerk, draft_for(ws, [FOOD], person(number=resident_id(seq=f"{820 + i}")))
        )
        for i in range(n)
    ]


@pytest.fixture
def routing_page(qtbot, ws, router) -> RoutingWorkspace:  # type: ignore[no-untyped-def]
    page = RoutingWorkspace(ws, router)
    _shown(qtbot, page)
    return page


def _papers_tab(qtbot, page: RoutingWorkspace):  # type: ignore[no-untyped-def]
    bar = page.tabBar()
    index = next(i for i in range(page.count()) if page.tabText(i) == "交接单与标签")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.currentIndex() == index
    return page.papers


# --- 材料流转 -----------------------------------------------------------------------------------


def test_the_handover_sheet_is_built_while_the_post_keeps_answering(
    qtbot, ws, clerk, routing_page, gate
) -> None:  # type: ignore[no-untyped-def]
    gated = gate(routing_docs, "build_handover_sheet")
    refs = [c.case_no for c in _accepted(ws, clerk, 2)]
    panel = routing_page.scan
    fill(qtbot, panel.person, "王晓燕")
    for ref in refs:
        enter(qtbot, panel.scan, ref)
    click(qtbot, panel.confirm)
    assert "收取材料袋：2 件已办理，交接单" in panel.message.text()
    _press(qtbot, panel.print_sheet)
    _held(qtbot, gated, panel.print_sheet)
    assert panel.preview is None
    _let_go(qtbot, gated, panel.print_sheet)
    text = _text(panel.preview)
    assert panel.last is not None and panel.last.sheet is not None
    assert panel.last.sheet.sheet_no in text and refs[0] in text and refs[1] in text
    assert "王晓燕" in text
    panel.preview.close()


def test_a_sheet_is_reprinted_while_the_post_keeps_answering(
    qtbot, ws, clerk, router, routing_page, gate
) -> None:  # type: ignore[no-untyped-def]
    refs = [c.case_no for c in _accepted(ws, clerk, 2)]
    sheet = routing.collect(ws, router, refs, giver="王晓燕").sheet
    assert sheet is not None
    gated = gate(routing_docs, "build_handover_sheet")
    papers = _papers_tab(qtbot, routing_page)
    _press(qtbot, papers.reprint)
    _held(qtbot, gated, papers.reprint)
    assert papers.preview is None
    _let_go(qtbot, gated, papers.reprint)
    assert papers.preview.windowTitle().endswith(f"交接单 {sheet.sheet_no}（重印）")
    text = _text(papers.preview)
    assert sheet.sheet_no in text and all(ref in text for ref in refs)
    papers.preview.close()


def test_enter_on_the_sheets_while_a_reprint_is_built_starts_no_second_one(
    qtbot, ws, clerk, router, routing_page, gate
) -> None:  # type: ignore[no-untyped-def]
    routing.collect(ws, router, [c.case_no for c in _accepted(ws, clerk, 1)], giver="王晓燕")
    gated = gate(routing_docs, "build_handover_sheet")
    papers = _papers_tab(qtbot, routing_page)
    papers.table.setFocus()
    qtbot.keyClick(papers.table, Qt.Key.Key_Return)
    _held(qtbot, gated, papers.reprint)
    qtbot.keyClick(papers.table, Qt.Key.Key_Return)  # impatient: the first is still building
    qtbot.keyClick(papers.table, Qt.Key.Key_Return)
    _let_go(qtbot, gated, papers.reprint)
    assert gated.calls == 1
    assert papers.preview is not None
    papers.preview.close()


def test_a_refused_reprint_is_said_below_the_sheets(
    qtbot, ws, clerk, router, routing_page, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    routing.collect(ws, router, [c.case_no for c in _accepted(ws, clerk, 1)], giver="王晓燕")

    def refuse(*_args: object) -> bytes:
        raise HallDeskError("该交接单已作废，不能重印")

    monkeypatch.setattr(routing_docs, "build_handover_sheet", refuse)
    papers = _papers_tab(qtbot, routing_page)
    click(qtbot, papers.reprint)
    assert papers.message.isVisible() and papers.message.text() == "⚠ 该交接单已作废，不能重印"
    assert papers.preview is None and papers.reprint.isEnabled(), "it can be tried again"


def test_labels_of_a_typed_number_are_built_while_the_post_keeps_answering(
    qtbot, ws, clerk, routing_page, gate
) -> None:  # type: ignore[no-untyped-def]
    (case,) = _accepted(ws, clerk, 1)
    gated = gate(routing_docs, "build_folder_labels")
    papers = _papers_tab(qtbot, routing_page)
    papers.label_refs.setFocus()
    qtbot.keyClicks(papers.label_refs, case.case_no)
    qtbot.keyClick(papers.label_refs, Qt.Key.Key_Return)  # as a scanner ends its number
    _held(qtbot, gated, papers.print_labels, papers.label_refs)
    assert papers.preview is None and papers.label_refs.text() == case.case_no
    _let_go(qtbot, gated, papers.print_labels, papers.label_refs)
    assert f"受理编号：{case.case_no}" in _text(papers.preview)
    assert papers.label_refs.text() == "" and not papers.message.isVisible()
    papers.preview.close()


def test_the_intake_label_is_built_while_the_window_keeps_answering(qtbot, ws, clerk, gate) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_intake_workspace import choose, fill_person, press, tick_all_materials

    gated = gate(routing_docs, "build_folder_labels")
    page = IntakeWorkspace(ws, clerk)
    _shown(qtbot, page)
    form = page.form
    form.item_search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.item_search)
    choose(qtbot, form, FOOD)
    fill_person(qtbot, form, resident_id(seq="851"))
    tick_all_materials(qtbot, form)
    press(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    assert form.result is not None and form.label_button.isVisible()
    qtbot.keyClick(form.label_button, Qt.Key.Key_Space)
    _held(qtbot, gated, form.label_button)
    assert form.label_preview is None
    _let_go(qtbot, gated, form.label_button)
    assert f"受理编号：{form.result.case_no}" in _text(form.label_preview)
    form.label_preview.close()


# --- 统一出件 -----------------------------------------------------------------------------------


def test_the_pickup_receipt_is_built_while_the_desk_keeps_answering(qtbot, ws, clerk, gate) -> None:  # type: ignore[no-untyped-def]
    ws.today = lambda: date.today()  # type: ignore[method-assign]
    ready = intake.complete_at_window(
        ws, clerk, draft_for(ws, [BUSINESS], person(number=resident_id(seq="877")))
    )
    gated = gate(routing_docs, "build_pickup_receipt")
    page = DeliveryWorkspace(ws, clerk)
    _shown(qtbot, page)
    fill(qtbot, page.presented_id, resident_id(seq="877"))
    click(qtbot, page.pickup_button)
    assert f"已出件：{ready.case_no}" in page.message.text()
    _press(qtbot, page.receipt)
    _held(qtbot, gated, page.receipt)
    assert page.preview is None
    _let_go(qtbot, gated, page.receipt)
    text = _text(page.preview)
    assert ready.case_no in text and "领取" in text
    page.preview.close()


def test_the_mailing_list_is_built_while_the_desk_keeps_answering(qtbot, ws, clerk, gate) -> None:  # type: ignore[no-untyped-def]
    ready = intake.complete_at_window(
        ws, clerk, draft_for(ws, [BUSINESS], person(number=resident_id(seq="878")))
    )
    draft = MailDraft(
        recipient="包海龙",
        phone="13904751234",
        address="科尔沁左翼中旗保康镇民主街12号",
        carrier="EMS",
        tracking_no="EA323456789CN",
    )
    posted = delivery.mail(ws, clerk, ready.case_no, draft)
    gated = gate(routing_docs, "build_mailing_list")
    page = DeliveryWorkspace(ws, clerk)
    _shown(qtbot, page)
    bar = page.mailing
    _press(qtbot, bar.button)
    _held(qtbot, gated, bar.button, bar.day, bar.carrier)
    assert bar.preview is None
    _let_go(qtbot, gated, bar.button, bar.day, bar.carrier)
    text = _text(bar.preview)
    assert "共 1 件" in text and posted.case_no in text and "EA323456789CN" in text
    assert not bar.message.isVisible()
    bar.preview.close()


def test_a_mailing_list_that_crashes_opens_the_error_dialog(
    qtbot, ws, clerk, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    log_path = error_dialogs.setup_logging(tmp_path / "logs")

    def crash(*_args: object, **_kw: object) -> bytes:
        raise KeyError("carrier")

    monkeypatch.setattr(routing_docs, "build_mailing_list", crash)
    page = DeliveryWorkspace(ws, clerk)
    _shown(qtbot, page)
    bar = page.mailing
    try:
        click(qtbot, bar.button)
        dialogs = error_dialogs.open_error_dialogs()
        assert len(dialogs) == 1 and "意外错误" in dialogs[0].text()
        assert "KeyError" in log_path.read_text(encoding="utf-8")
        assert bar.preview is None and not bar.message.isVisible()
        assert bar.button.isEnabled() and bar.day.isEnabled()
        dialogs[0].accept()
        qtbot.waitUntil(lambda: error_dialogs.open_error_dialogs() == [])
    finally:
        for handler in list(error_dialogs.log.handlers):
            if getattr(handler, "baseFilename", "") == str(log_path):
                error_dialogs.log.removeHandler(handler)
                handler.close()


# --- 办不成事/投诉 ------------------------------------------------------------------------------


def _ticket_page(qtbot, d) -> tuple[TicketsWorkspace, str]:  # type: ignore[no-untyped-def]
    number = tickets.register(d.ws, d.clerk, complaint()).ticket_no
    tickets.analyse(d.ws, d.clerk, number, "材料要求不一致")
    tickets.dispatch(d.ws, d.clerk, number, "window", "综合窗口3")
    page = TicketsWorkspace(d.ws, d.lead)
    _shown(qtbot, page)
    page.tabs.setCurrentIndex(1)
    settle(qtbot)
    return page, number


def test_the_assignment_sheet_is_built_while_the_list_keeps_answering(qtbot, desk, gate) -> None:  # type: ignore[no-untyped-def]
    gated = gate(ticket_papers, "assignment_sheet")
    page, number = _ticket_page(qtbot, desk)
    board = page.desk
    _press(qtbot, board.print_assignment)
    _held(qtbot, gated, board.print_assignment, board.print_answer)
    assert page.preview is None
    _let_go(qtbot, gated, board.print_assignment, board.print_answer)
    text = _text(page.preview).replace("\n", "")
    assert "交办单" in text and number in text and "综合窗口3" in text
    page.preview.close()


def test_a_refused_answer_letter_is_said_in_the_ticket_desk(qtbot, desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*_args: object) -> tuple[str, bytes]:
        raise HallDeskError("尚未答复，不能打印答复函")

    monkeypatch.setattr(ticket_papers, "answer_letter", refuse)
    page, _number = _ticket_page(qtbot, desk)
    board = page.desk
    click(qtbot, board.print_answer)
    assert board.general_error.isVisible()
    assert board.general_error.text() == "⚠ 尚未答复，不能打印答复函"
    assert page.preview is None and board.print_answer.isEnabled()


# --- 绩效考评 -----------------------------------------------------------------------------------


def _evaluation_tab(qtbot, h) -> tuple[StaffWorkspace, Any]:  # type: ignore[no-untyped-def]
    complaint_about(h, "clerk1", date(2026, 11, 10))
    h.at(date(2026, 11, 30), 17)
    page = StaffWorkspace(h.ws, h.lead)
    _shown(qtbot, page)
    page.tabs.setCurrentIndex(2)
    tab = page.evaluations
    click(qtbot, tab.compute)
    assert tab.message.text() == "✓ 已按本月数据计算 3 张考评表"
    return page, tab


def test_the_month_summary_is_built_while_the_tab_keeps_answering(qtbot, hall, gate) -> None:  # type: ignore[no-untyped-def]
    gated = gate(evaluation_papers, "month_summary")
    _page, tab = _evaluation_tab(qtbot, hall)  # the page kept: the tab lives in it
    _press(qtbot, tab.print_summary)
    _held(qtbot, gated, tab.print_summary)
    assert tab.preview is None
    _let_go(qtbot, gated, tab.print_summary)
    text = _text(tab.preview).replace(" ", "")
    assert "考评汇总表" in text and "2026-11" in text
    assert all(v.staff_name in text for v in tab.sheets.rows)
    tab.preview.close()


def test_a_persons_sheet_is_built_while_the_tab_keeps_answering(qtbot, hall, gate) -> None:  # type: ignore[no-untyped-def]
    gated = gate(evaluation_papers, "person_sheet")
    _page, tab = _evaluation_tab(qtbot, hall)  # the page kept: the tab lives in it
    row = [v.staff for v in tab.sheets.rows].index("clerk1")
    tab.sheets_view.setFocus()
    tab.sheets_view.selectRow(row)
    _press(qtbot, tab.print_sheet)
    _held(qtbot, gated, tab.print_sheet)
    assert tab.preview is None
    _let_go(qtbot, gated, tab.print_sheet)
    text = _text(tab.preview).replace(" ", "")
    assert "绩效考评表" in text and "王晓燕" in text
    tab.preview.close()


def test_a_refused_summary_is_said_in_the_tab(qtbot, hall, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*_args: object) -> tuple[str, bytes]:
        raise HallDeskError("本月考评表尚未计算")

    _page, tab = _evaluation_tab(qtbot, hall)  # the page kept: the tab lives in it
    monkeypatch.setattr(evaluation_papers, "month_summary", refuse)
    click(qtbot, tab.print_summary)
    assert tab.message.text() == "⚠ 本月考评表尚未计算"
    assert tab.preview is None and tab.print_summary.isEnabled()
