"""Read models and papers reached from the window: 交接单 reprints, 材料袋标签, the mailing list,
folders 预审 sent back, green-channel cases."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTabWidget
from sqlalchemy import select

from hall_desk.domain.assistance import Assistance, AssistanceFlag
from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.services import delivery, intake, routing
from hall_desk.services.delivery import MailDraft
from hall_desk.store.models import AuditEntry
from hall_desk.ui.delivery_workspace import DeliveryWorkspace
from hall_desk.ui.intake_workspace import IntakeWorkspace
from hall_desk.ui.printing import PdfPreviewDialog
from hall_desk.ui.routing_workspace import RoutingWorkspace
from tests.services.helpers import draft_for, person, resident_id
from tests.ui.actions import click_tab, settle
from tests.ui.conftest import type_text

FOOD = "011050007001"
BUSINESS = "011050001001"  # 个体工商户设立登记: immediate, pickup or mail


def pdf_text(preview: PdfPreviewDialog) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf.data)).pages)


def pages(preview: PdfPreviewDialog) -> int:
    return len(PdfReader(io.BytesIO(preview.pdf.data)).pages)


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # the papers are built off the GUI thread


def cell(model, row: int, column: str) -> str:  # type: ignore[no-untyped-def]
    for c in range(model.columnCount()):
        if model.headerData(c, Qt.Orientation.Horizontal) == column:
            return str(model.data(model.index(row, c)))
    raise AssertionError(f"no column {column}")


def accepted(ws, clerk, n: int, **kw):  # type: ignore[no-untyped-def]
    return [
        intake.accept(
            ws, clerk, draft_for(ws, [FOOD], person(number=resident_id(seq=f"{600 + i}"), **kw))
        )
        for i in range(n)
    ]


def audit_actions(ws) -> list[str]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


@pytest.fixture
def routing_page(qtbot, ws, router) -> RoutingWorkspace:  # type: ignore[no-untyped-def]
    page = RoutingWorkspace(ws, router)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


# --- 交接单 and labels at the routing post ---------------------------------------------------


def test_sheets_tab_lists_the_newest_sheet_and_reprints_it(
    qtbot, ws, clerk, router, routing_page
) -> None:
    cases = accepted(ws, clerk, 2)
    refs = [c.case_no for c in cases]
    first = routing.collect(ws, router, refs, giver="王晓燕").sheet
    routing.pass_prereview(ws, router, refs)
    sent = routing.dispatch(
        ws, router, "科尔沁左翼中旗市场监督管理局", refs, receiver="审批科李明"
    ).sheet
    assert first is not None and sent is not None
    click_tab(qtbot, routing_page, "交接单与标签")
    papers = routing_page.papers
    assert papers.model.rowCount() == 2
    assert cell(papers.model, 0, "交接单号") == sent.sheet_no  # newest first, selected
    assert cell(papers.model, 0, "接收人") == "审批科李明"
    assert cell(papers.model, 0, "件数") == "2"
    assert cell(papers.model, 1, "交接单号") == first.sheet_no

    click(qtbot, papers.reprint)
    preview = papers.preview
    assert preview is not None and preview.isVisible()
    assert preview.windowTitle().endswith(f"交接单 {sent.sheet_no}（重印）")
    text = pdf_text(preview)
    assert sent.sheet_no in text and refs[0] in text and refs[1] in text
    assert "审批科李明" in text
    preview.close()

    # The filter keeps only the collections.
    papers.move.setFocus()
    papers.move.setCurrentIndex(papers.move.findText("收取材料袋"))
    assert papers.model.rowCount() == 1
    assert cell(papers.model, 0, "交接单号") == first.sheet_no


def test_labels_of_a_collection_sheet_carry_each_barcode_number(
    qtbot, ws, clerk, router, routing_page
) -> None:
    cases = accepted(ws, clerk, 2)
    refs = [c.case_no for c in cases]
    routing.collect(ws, router, refs, giver="王晓燕")
    click_tab(qtbot, routing_page, "交接单与标签")
    papers = routing_page.papers
    click(qtbot, papers.sheet_labels)
    preview = papers.preview
    assert preview is not None and pages(preview) == 2
    text = pdf_text(preview)
    assert all(f"受理编号：{ref}" in text for ref in refs)
    assert "办结期限" in text and "市场监督管理局" in text
    preview.close()


def test_label_for_a_typed_number_and_an_unknown_one(qtbot, ws, clerk, routing_page) -> None:
    (case,) = accepted(ws, clerk, 1)
    click_tab(qtbot, routing_page, "交接单与标签")
    papers = routing_page.papers
    assert not papers.reprint.isEnabled()  # no sheets yet
    papers.label_refs.setFocus()
    qtbot.keyClicks(papers.label_refs, "20991231-W01-9999")
    qtbot.keyClick(papers.label_refs, Qt.Key.Key_Return)
    settle(qtbot)
    assert papers.message.isVisible() and "20991231-W01-9999" in papers.message.text()
    assert papers.label_refs.text() == "20991231-W01-9999", "kept to be corrected"
    assert papers.preview is None
    papers.label_refs.clear()
    qtbot.keyClicks(papers.label_refs, case.case_no)
    click(qtbot, papers.print_labels)
    assert papers.preview is not None and case.case_no in pdf_text(papers.preview)
    assert not papers.message.isVisible() and papers.label_refs.text() == ""
    papers.preview.close()


# --- a label at intake -----------------------------------------------------------------------


def test_intake_label_button_after_a_keyboard_accept(qtbot, ws, clerk) -> None:
    from tests.ui.test_intake_workspace import choose, fill_person, press, tick_all_materials

    page = IntakeWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    qtbot.waitExposed(page)
    form = page.form
    page.activateWindow()
    form.item_search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.item_search)
    choose(qtbot, form, FOOD)
    fill_person(qtbot, form, resident_id(seq="651"))
    tick_all_materials(qtbot, form)
    press(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    assert form.result is not None and form.label_button.isVisible()
    click(qtbot, form.label_button)
    assert f"受理编号：{form.result.case_no}" in pdf_text(form.label_preview)
    form.label_preview.close()


def test_no_label_button_for_a_refusal(qtbot, ws, clerk) -> None:
    from tests.ui.test_intake_workspace import choose, fill_person, press

    page = IntakeWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    qtbot.waitExposed(page)
    form = page.form
    page.activateWindow()
    form.item_search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.item_search)
    choose(qtbot, form, FOOD)
    fill_person(qtbot, form, resident_id(seq="652"))
    form.reason.setFocus()
    type_text(qtbot, form.reason, "申请事项不属于本中心受理范围")
    press(qtbot, form.decision_buttons[CaseEvent.REFUSE])
    assert form.result is not None and form.result.state.value == "refused"
    assert form.result_box.isVisible() and not form.label_button.isVisible()


# --- the courier's mailing list ---------------------------------------------------------------


def test_delivery_prints_the_days_mailing_list_for_the_courier(qtbot, ws, clerk) -> None:
    posted = []
    for i, (name, tracking) in enumerate(
        (("包海龙", "EA123456789CN"), ("乌日娜", "EA223456789CN"))
    ):
        ready = intake.complete_at_window(
            ws, clerk, draft_for(ws, [BUSINESS], person(number=resident_id(seq=f"{700 + i}")))
        )
        draft = MailDraft(
            recipient=name,
            phone="13904751234",
            address="科尔沁左翼中旗保康镇民主街12号",
            carrier="EMS",
            tracking_no=tracking,
        )
        posted.append(delivery.mail(ws, clerk, ready.case_no, draft))
    page = DeliveryWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    bar = page.mailing
    assert bar.chosen_day() == ws.today()
    click(qtbot, bar.button)
    preview = bar.preview
    assert preview is not None and preview.isVisible()
    text = pdf_text(preview)
    assert "批量邮寄清单" in text and "共 2 件" in text
    for result in posted:
        assert result.case_no in text and result.tracking_no in text
    # In full for the courier: the address, not the mask.
    assert "保康镇民主街12号" in text and "13904751234" in text
    assert audit_actions(ws)[-1].startswith("delivery.")
    preview.close()


def test_mailing_list_of_a_day_without_mail_says_so(qtbot, ws, clerk) -> None:
    page = DeliveryWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.show()
    bar = page.mailing
    bar.day.setFocus()
    qtbot.keyClick(bar.day, Qt.Key.Key_Down)  # the day before
    click(qtbot, bar.button)
    assert bar.preview is None
    day = bar.chosen_day().isoformat()
    assert bar.message.isVisible() and bar.message.text() == f"⚠ {day} 没有邮寄记录"


# --- folders 预审 sent back -------------------------------------------------------------------


def test_clerk_sees_the_folders_returned_with_the_reason_and_takes_one_to_supplement(
    qtbot, ws, clerk, router
) -> None:
    cases = accepted(ws, clerk, 2)
    refs = [c.case_no for c in cases]
    routing.collect(ws, router, refs, giver="王晓燕")
    routing.return_for_supplement(ws, router, refs[1], "营业执照复印件不清晰，请重新提供")
    page = IntakeWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    click_tab(qtbot, page, "预审退回")
    settle(qtbot)  # the queue is read off the GUI thread
    panel = page.returned
    assert panel.model.rowCount() == 1
    assert cell(panel.model, 0, "受理编号") == refs[1]
    assert cell(panel.model, 0, "退回原因") == "营业执照复印件不清晰，请重新提供"
    assert cell(panel.model, 0, "退回人") == "赵志刚"
    assert "预审退回待补正 1 件" in panel.summary.text()

    click(qtbot, panel.take)
    settle(qtbot)  # the lookup runs off the GUI thread
    assert page.supplement.isVisible()  # its tab is the one shown
    assert page.supplement.lookup.text() == refs[1]
    assert refs[1] in page.supplement.summary.text()
    assert "待补正" in page.supplement.summary.text()


def test_returned_list_is_the_clerks_own_unless_asked_for_all(
    qtbot, ws, clerk, router, admin
) -> None:
    from hall_desk.domain.roles import Role
    from hall_desk.services import users
    from tests.conftest import STAFF_PASSWORD

    other = users.create_user(
        ws, admin, "clerk2", "包玉兰", Role.CLERK, STAFF_PASSWORD, "综合窗口2"
    )
    (mine,) = accepted(ws, clerk, 1)
    theirs = intake.accept(ws, other, draft_for(ws, [FOOD], person(number=resident_id(seq="690"))))
    routing.collect(ws, router, [mine.case_no, theirs.case_no], giver="王晓燕")
    for case in (mine, theirs):
        routing.return_for_supplement(ws, router, case.case_no, "申请表缺少签字")
    page = IntakeWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.show()
    click_tab(qtbot, page, "预审退回")
    settle(qtbot)
    panel = page.returned
    assert [cell(panel.model, r, "受理编号") for r in range(panel.model.rowCount())] == [
        mine.case_no
    ]
    qtbot.mouseClick(panel.everyone, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert panel.everyone.isChecked()
    assert {cell(panel.model, r, "受理编号") for r in range(panel.model.rowCount())} == {
        mine.case_no,
        theirs.case_no,
    }


def test_no_returned_folders_says_so(qtbot, ws, clerk) -> None:
    page = IntakeWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.show()
    click_tab(qtbot, page, "预审退回")
    settle(qtbot)
    assert page.returned.summary.text() == "没有预审退回的材料袋"
    assert not page.returned.take.isEnabled()


# --- the team lead's green-channel list ---------------------------------------------------------


def test_lead_sees_the_days_green_channel_cases_and_opens_one(qtbot, ws, clerk) -> None:
    import sqlite3

    from hall_desk.domain.assistance import ServiceMode
    from hall_desk.domain.roles import Actor, Role
    from hall_desk.ui.reports_workspace import ReportsWorkspace

    helped = []
    for i, flag in enumerate((AssistanceFlag.ELDERLY, AssistanceFlag.DISABLED)):
        draft = draft_for(ws, [FOOD], person(number=resident_id(seq=f"{800 + i}"), name="包玉兰"))
        draft.assistance = Assistance(frozenset({flag}), ServiceMode.FULL, helper="白玉兰")
        helped.append(intake.accept(ws, clerk, draft))
    accepted(ws, clerk, 1)  # an ordinary case the list must leave out
    page = ReportsWorkspace(ws, Actor("lead", "白玉兰", Role.LEAD))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    click_tab(qtbot, page.tabs, "♿ 绿色通道（2）")
    con = sqlite3.connect(ws.home.db_path)
    try:
        (direct,) = con.execute(
            "SELECT count(*) FROM cases WHERE green_channel AND created_on = ?",
            (ws.today().isoformat(),),
        ).fetchone()
    finally:
        con.close()
    assert page.green.rowCount() == direct == 2
    assert {cell(page.green, r, "受理编号") for r in range(2)} == {h.case_no for h in helped}
    flags = {cell(page.green, r, "帮办对象") for r in range(2)}
    assert any("老年人" in f for f in flags) and any("残疾人" in f for f in flags)
    assert cell(page.green, 0, "帮办人") == "白玉兰"
    assert cell(page.green, 0, "受理人") == "王晓燕"

    view = page.green_view
    view.setFocus()
    view.selectRow(0)
    with qtbot.waitSignal(page.open_case_requested) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [page.green.rows[0].case_id]


# --- 工具 → 修改密码 ----------------------------------------------------------------------------


def test_anyone_changes_their_own_password_from_the_tools_menu(qtbot, ws, clerk) -> None:
    from hall_desk.domain.errors import HallDeskError
    from hall_desk.services import users
    from hall_desk.ui.main_window import MainWindow
    from tests.conftest import STAFF_PASSWORD

    main = MainWindow(ws, clerk)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    menu = next(a.menu() for a in main.menuBar().actions() if a.text() == "工具(&T)")
    entry = next(a for a in menu.actions() if a.text() == "修改密码…")
    entry.trigger()
    dialog = main.password_dialog
    qtbot.waitExposed(dialog)
    old, new, confirm = (dialog.inputs[f] for f in ("old_password", "password", "confirm"))
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)

    # Wrong old password and a confirmation that differs: both said beside their fields.
    qtbot.keyClicks(old, "wrong-pass1")
    qtbot.keyClicks(new, "newpass2026")
    qtbot.keyClicks(confirm, "newpass2027")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    errors = {f: dialog.errors.labels[f] for f in ("old_password", "password", "confirm")}
    assert errors["old_password"].isVisible() and "原密码不正确" in errors["old_password"].text()
    assert errors["confirm"].isVisible() and "不一致" in errors["confirm"].text()
    assert not errors["password"].isVisible()
    assert dialog.isVisible() and dialog.focusWidget() is old
    assert users.login(ws, "clerk1", STAFF_PASSWORD).username == "clerk1"

    for edit in (old, new, confirm):
        edit.clear()
    qtbot.keyClicks(old, STAFF_PASSWORD)
    qtbot.keyClicks(new, "short1")
    qtbot.keyClicks(confirm, "short1")
    qtbot.keyClick(confirm, Qt.Key.Key_Return)
    assert errors["password"].isVisible() and "至少" in errors["password"].text()
    assert not errors["old_password"].isVisible()

    for edit in (new, confirm):
        edit.clear()
    qtbot.keyClicks(new, "newpass2026")
    qtbot.keyClicks(confirm, "newpass2026")
    qtbot.keyClick(confirm, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert main.statusBar().currentMessage() == "密码已修改"
    assert users.login(ws, "clerk1", "newpass2026").username == "clerk1"
    with pytest.raises(HallDeskError):
        users.login(ws, "clerk1", STAFF_PASSWORD)
    assert "user.password_change" in audit_actions(ws)


# --- 设置 → 工作日历: a year declared fully entered -----------------------------------------------


def test_admin_declares_a_year_covered_and_its_due_dates_stop_being_estimated(
    qtbot, ws, admin
) -> None:
    from hall_desk.services import calendar as calendar_service
    from hall_desk.ui.settings_dialog import SettingsDialog

    year = 2090  # far past the built-in schedule: estimated until the hall declares it
    assert calendar_service.due_date(ws, date(year, 3, 2), 5).estimated
    dialog = SettingsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tabs = dialog.form.findChild(QTabWidget)
    click_tab(qtbot, tabs, "工作日历")
    assert "尚无声明" in dialog.covered_label.text()
    spin = dialog.covered_year
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(year))
    type_text(qtbot, dialog.covered_note, "已按通知录入全年节假日")
    declare = dialog.findChild(QPushButton, "declareYearButton")
    click(qtbot, declare)
    assert not dialog.year_error.isVisible()
    assert f"已声明全部录入的年份：{year}" in dialog.covered_label.text()
    assert calendar_service.covered_years(ws) == [year]
    assert not calendar_service.due_date(ws, date(year, 3, 2), 5).estimated

    withdraw = dialog.findChild(QPushButton, "withdrawYearButton")
    click(qtbot, withdraw)
    assert calendar_service.covered_years(ws) == []
    assert "尚无声明" in dialog.covered_label.text()
    click(qtbot, withdraw)
    assert dialog.year_error.isVisible() and f"{year} 年没有声明过" in dialog.year_error.text()
