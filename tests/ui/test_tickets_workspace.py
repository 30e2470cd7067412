"""办不成事/投诉 workspace driven with keys and clicks: register, refuse beside the field, take
steps from the list, the lead's queue, and the printed 交办单."""

from __future__ import annotations

import io
import time
from datetime import timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from hall_desk.domain.tickets import Step
from hall_desk.services import tickets
from hall_desk.store.models_tickets import TicketRow
from hall_desk.ui.ticket_desk import TicketDesk
from hall_desk.ui.tickets_workspace import TicketsWorkspace
from tests.services import tickets_helpers
from tests.services.tickets_helpers import Desk, complaint
from tests.ui.actions import click, settle
from tests.ui.conftest import type_text

desk = tickets_helpers.desk


def _page(qtbot, d: Desk, actor=None) -> TicketsWorkspace:  # type: ignore[no-untyped-def]
    page = TicketsWorkspace(d.ws, actor or d.lead)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def rows(d: Desk) -> list[TicketRow]:
    with d.ws.reading() as s:
        found = list(s.scalars(select(TicketRow).order_by(TicketRow.ticket_no)))
        for row in found:
            s.expunge(row)
        return found


def key(qtbot, widget, k, mod=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, k, mod)


def focus(qtbot) -> object:  # type: ignore[no-untyped-def]
    return QApplication.focusWidget()


def test_a_complaint_is_registered_at_the_keyboard_in_under_a_minute(qtbot, desk) -> None:
    page = _page(qtbot, desk, desk.clerk)
    form = page.register
    started = time.monotonic()
    form.ticket_class.setFocus()
    # 类别, 渠道, 工单号, 办不成事类型, 层级: the defaults (投诉 at this window), Tab past them.
    for _ in range(5):
        key(qtbot, focus(qtbot), Qt.Key.Key_Tab)
    assert focus(qtbot) is form.description
    type_text(qtbot, form.description, "办理个体工商户变更跑了三次还没办成")
    key(qtbot, form.description, Qt.Key.Key_Tab)
    key(qtbot, form.anonymous, Qt.Key.Key_Tab)
    assert focus(qtbot) is form.reporter_name
    type_text(qtbot, form.reporter_name, "包海龙")
    key(qtbot, form.reporter_name, Qt.Key.Key_Tab)
    type_text(qtbot, form.phone, "13904751234")
    key(qtbot, form.phone, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert time.monotonic() - started < 60
    (row,) = rows(desk)
    assert (row.ticket_class, row.channel, row.bbcs_kind, row.tier) == (
        "complaint",
        "bbcs_window",
        "many_trips",
        "complex",
    )
    assert row.reporter_name == "包海龙" and row.phone_masked == "139****1234"
    assert form.message.text() == "已登记 FK20261124-W01-0001，办理期限 2026-12-01"
    assert focus(qtbot) is form.ticket_class and form.description.toPlainText() == ""


def test_a_real_name_reporter_without_a_phone_is_refused_beside_the_field(qtbot, desk) -> None:
    page = _page(qtbot, desk, desk.clerk)
    form = page.register
    type_text(qtbot, form.description, "窗口人员态度生硬")
    type_text(qtbot, form.reporter_name, "包海龙")
    click(qtbot, form.save_button)
    assert form.error_labels["phone"].text() == "⚠ 实名反映须留有效的联系电话，或选择匿名"
    assert focus(qtbot) is form.phone
    assert rows(desk) == []
    form.anonymous.setFocus()
    key(qtbot, form.anonymous, Qt.Key.Key_Space)
    assert form.anonymous.isChecked() and not form.phone.isEnabled()
    click(qtbot, form.save_button)
    shown = {k: v.text() for k, v in form.error_labels.items() if v.text()}
    assert [r.anonymous for r in rows(desk)] == [True], (shown, form.general_error.text())


def _choose(qtbot, desk_page: TicketDesk, step: Step) -> None:  # type: ignore[no-untyped-def]
    box = desk_page.step_combo
    box.setFocus()
    key(qtbot, box, Qt.Key.Key_Home)
    while box.currentData() != step.value:
        before = box.currentIndex()
        key(qtbot, box, Qt.Key.Key_Down)
        assert box.currentIndex() != before, f"{step.label} is not offered"


def _step(qtbot, page: TicketDesk, step: Step, text: str = "") -> None:  # type: ignore[no-untyped-def]
    _choose(qtbot, page, step)
    if text:
        page.text.setFocus()
        type_text(qtbot, page.text, text)
    click(qtbot, page.go_button)


def test_steps_from_the_list_then_the_leads_queue_and_a_refused_check(qtbot, desk) -> None:
    number = tickets.register(desk.ws, desk.clerk, complaint()).ticket_no
    page = _page(qtbot, desk, desk.lead)
    page.tabs.setCurrentIndex(1)
    board = page.desk
    assert board.model.rows[0].ticket_no == number
    assert board.model.rows[0].urgency.text == "剩余 5 个工作日"
    _step(qtbot, board, Step.ANALYSE, "材料要求理解不一致")
    _choose(qtbot, board, Step.DISPATCH)
    board.dispatch_kind.setFocus()
    key(qtbot, board.dispatch_kind, Qt.Key.Key_End)  # 人员
    board.dispatch_to.setCurrentIndex(board.dispatch_to.findData("lead1"))
    click(qtbot, board.go_button)
    assert board.step_message.text() == f"{number}：已派发工单"
    _choose(qtbot, board, Step.ANSWER)
    type_text(qtbot, board.text, "已为您办结变更登记")
    click(qtbot, board.go_button)
    assert [
        board.timeline.item(i).text().split("　")[1] for i in range(board.timeline.count())
    ] == [
        "登记",
        "分析原因",
        "派发工单",
        "答复",
    ]
    queue = page.queue
    assert queue is not None
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: [r.ticket_no for r in queue.model.rows] == [number])
    _choose(qtbot, queue, Step.CHECK)
    click(qtbot, queue.go_button)
    assert queue.error_labels["step"].text() == "⚠ 核查须由办理人以外的人员进行，办理人本人不能核查"
    assert rows(desk)[0].state == "answered"


def test_the_second_lead_checks_from_the_queue(qtbot, desk) -> None:
    number = tickets.register(desk.ws, desk.clerk, complaint()).ticket_no
    tickets.analyse(desk.ws, desk.clerk, number, "材料要求不一致")
    tickets.dispatch(desk.ws, desk.clerk, number, "person", "clerk2")
    tickets.answer(desk.ws, desk.handler, number, "已办结", "phone")
    page = _page(qtbot, desk, desk.lead2)
    page.tabs.setCurrentIndex(2)
    queue = page.queue
    assert queue is not None and [r.ticket_no for r in queue.model.rows] == [number]
    _choose(qtbot, queue, Step.CHECK)
    assert queue.finding.isVisible() and queue.finding.currentData() == ""
    queue.callback.setFocus()
    key(qtbot, queue.callback, Qt.Key.Key_Home)
    key(qtbot, queue.callback, Qt.Key.Key_Down)  # 满意
    events = desk.counts()
    click(qtbot, queue.go_button)
    # A complaint's 核查结论 is asked for beside its field, the focus on it, nothing written.
    assert queue.error_labels["finding"].text() == "⚠ 投诉须填写核查结论：属实、部分属实或不属实"
    assert focus(qtbot) is queue.finding
    assert desk.counts() == events and rows(desk)[0].state == "answered"
    key(qtbot, queue.finding, Qt.Key.Key_Down)  # 属实
    key(qtbot, queue.finding, Qt.Key.Key_Down)  # 部分属实
    assert queue.finding.currentText() == "部分属实"
    key(qtbot, queue.finding, Qt.Key.Key_Tab)
    assert focus(qtbot) is queue.callback
    click(qtbot, queue.go_button)
    assert queue.model.rows == []
    row = rows(desk)[0]
    assert (row.state, row.checked_by, row.callback, row.finding) == (
        "checked",
        "lead2",
        "satisfied",
        "partly",
    )


def test_a_suggestion_is_checked_without_a_finding(qtbot, desk) -> None:
    number = tickets.register(
        desk.ws, desk.clerk, complaint(ticket_class="suggestion", bbcs_kind="")
    ).ticket_no
    tickets.analyse(desk.ws, desk.clerk, number, "窗口指引不清")
    tickets.dispatch(desk.ws, desk.clerk, number, "person", "clerk2")
    tickets.answer(desk.ws, desk.handler, number, "已增设指引牌", "phone")
    page = _page(qtbot, desk, desk.lead2)
    page.tabs.setCurrentIndex(2)
    queue = page.queue
    assert queue is not None
    _choose(qtbot, queue, Step.CHECK)
    assert not queue.finding.isVisible()
    click(qtbot, queue.go_button)
    row = rows(desk)[0]
    assert (row.state, row.finding) == ("checked", "")


def test_filters_by_class_and_overdue(qtbot, desk) -> None:
    tickets.register(desk.ws, desk.clerk, complaint(tier="on_the_spot"))
    suggestion = tickets.register(
        desk.ws, desk.clerk, complaint(ticket_class="suggestion", bbcs_kind="")
    ).ticket_no
    desk.clock.advance(timedelta(days=1))
    page = _page(qtbot, desk, desk.lead)
    page.tabs.setCurrentIndex(1)
    board = page.desk
    assert [r.urgency.text for r in board.model.rows] == ["已超期 1 个工作日", "剩余 4 个工作日"]
    click(qtbot, board.overdue_filter)
    assert len(board.model.rows) == 1 and board.count_label.text() == "共 1 张工单"
    click(qtbot, board.overdue_filter)
    board.class_filter.setFocus()
    key(qtbot, board.class_filter, Qt.Key.Key_Home)
    key(qtbot, board.class_filter, Qt.Key.Key_Down)
    key(qtbot, board.class_filter, Qt.Key.Key_Down)  # 建议
    assert [r.ticket_no for r in board.model.rows] == [suggestion]


@pytest.mark.parametrize("what", ["assignment", "answer"])
def test_printing_the_papers_from_the_buttons(qtbot, desk, what) -> None:
    number = tickets.register(desk.ws, desk.clerk, complaint()).ticket_no
    tickets.analyse(desk.ws, desk.clerk, number, "材料要求不一致")
    tickets.dispatch(desk.ws, desk.clerk, number, "window", "综合窗口3")
    tickets.answer(desk.ws, desk.clerk, number, "已为您办结变更登记", "written")
    page = _page(qtbot, desk, desk.lead)
    page.tabs.setCurrentIndex(1)
    button = page.desk.print_assignment if what == "assignment" else page.desk.print_answer
    click(qtbot, button)
    preview = page.preview
    assert preview is not None
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf.data)).pages)
    assert number in text.replace("\n", "")
    assert ("交办单" if what == "assignment" else "已为您办结变更登记") in text.replace("\n", "")
    preview.close()


def test_the_dashboard_counts_a_ticket_registered_on_another_page(qtbot, desk) -> None:
    from hall_desk.ui.reports_workspace import ReportsWorkspace

    board = ReportsWorkspace(desk.ws, desk.lead)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitExposed(board)
    assert board.figure_labels["tickets_opened"].text() == "0"
    page = _page(qtbot, desk, desk.clerk)
    form = page.register
    type_text(qtbot, form.description, "取号机经常卡纸")
    form.tier.setFocus()
    key(qtbot, form.tier, Qt.Key.Key_Home)  # 当场解决: due today
    form.anonymous.setFocus()
    key(qtbot, form.anonymous, Qt.Key.Key_Space)
    click(qtbot, form.save_button)
    assert form.message.text().startswith("已登记 FK20261124-W01-0001")
    board.show()
    qtbot.waitUntil(lambda: board.figure_labels["tickets_opened"].text() == "1")
    assert board.figure_labels["tickets_near"].text() == "1"  # due today
    assert board.figure_labels["tickets_overdue"].text() == "0"


def test_a_late_entry_keeps_its_receipt_time_and_a_future_one_is_refused(qtbot, desk) -> None:
    page = _page(qtbot, desk, desk.clerk)
    form = page.register
    type_text(qtbot, form.description, "意见箱：建议增加休息座椅")
    form.anonymous.setFocus()
    key(qtbot, form.anonymous, Qt.Key.Key_Space)
    form.received_at.setFocus()
    type_text(qtbot, form.received_at, "2026-11-24 10:05")
    click(qtbot, form.save_button)
    assert form.error_labels["received_at"].text() == ("⚠ 接收时间不能晚于现在（2026-11-24 10:00）")
    assert focus(qtbot) is form.received_at and rows(desk) == []
    qtbot.keyClick(form.received_at, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, form.received_at, "2026-11-23 16:40")
    click(qtbot, form.save_button)
    (row,) = rows(desk)
    assert row.received_at.startswith("2026-11-23T16:40") and str(row.due_date) == "2026-11-30"


def test_a_failed_check_from_the_queue_sends_the_ticket_back(qtbot, desk) -> None:
    number = tickets.register(desk.ws, desk.clerk, complaint()).ticket_no
    tickets.analyse(desk.ws, desk.clerk, number, "材料要求不一致")
    tickets.dispatch(desk.ws, desk.clerk, number, "person", "clerk2")
    tickets.answer(desk.ws, desk.handler, number, "已办结", "phone")
    page = _page(qtbot, desk, desk.lead2)
    page.tabs.setCurrentIndex(2)
    queue = page.queue
    assert queue is not None
    _choose(qtbot, queue, Step.CHECK_FAILED)
    assert queue.rows["text"][0].text() == "不通过理由："
    assert not queue.rows["callback"][1].isVisible()
    click(qtbot, queue.go_button)
    assert queue.error_labels["text"].text() == "⚠ 核查不通过须写明理由"
    assert rows(desk)[0].state == "answered"
    _step(qtbot, queue, Step.CHECK_FAILED, "回访称仍需再跑一次")
    assert queue.step_message.text() == f"{number}：核查不通过，已退回办理"
    qtbot.waitUntil(lambda: queue.model.rows == [])
    assert rows(desk)[0].state == "handling"
