"""材料流转 and 统一出件 driven as the staff drive them: a scanner typing into the scan field,
clicks on the real buttons, then what the screen says and what the database holds."""

from __future__ import annotations

import io
import sqlite3
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QTabWidget

from hall_desk.services import intake, routing
from hall_desk.ui.delivery_workspace import DeliveryWorkspace
from hall_desk.ui.routing_workspace import RoutingWorkspace
from tests.services.helpers import draft_for, person, resident_id
from tests.ui.actions import click, enter, fill, settle

FOOD = "011050007001"
BUSINESS = "011050001001"  # 个体工商户设立登记: immediate, pickup or mail
SAMR = "科尔沁左翼中旗市场监督管理局"


def sql(ws, query: str, *params: Any) -> list[tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    """The database as it is on disk, read without the program's own code."""
    con = sqlite3.connect(ws.home.db_path)
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


def pick(qtbot, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chooses an entry with the keyboard: Home, then Down until it shows."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, f"{text} is not offered"


def open_tab(qtbot, tabs: QTabWidget, label: str) -> None:  # type: ignore[no-untyped-def]
    bar = tabs.tabBar()
    for i in range(tabs.count()):
        if tabs.tabText(i) == label:
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
            assert tabs.currentIndex() == i
            return
    raise AssertionError(f"no tab {label}")


def lines(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def cell(view, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    model = view.model()
    return str(model.data(model.index(row, column)))


@pytest.fixture
def accepted(ws, clerk) -> list:  # type: ignore[no-untyped-def]
    return [
        intake.accept(
            ws, clerk, draft_for(ws, [FOOD], person(number=resident_id(seq=f"{400 + i}")))
        )
        for i in range(2)
    ]


@pytest.fixture
def routing_page(qtbot, ws, router) -> RoutingWorkspace:  # type: ignore[no-untyped-def]
    page = RoutingWorkspace(ws, router)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def scan(qtbot, panel, text: str) -> None:  # type: ignore[no-untyped-def]
    enter(qtbot, panel.scan, text)


def test_scan_collect_and_refuse_unknown_without_breaking_the_list(
    qtbot, routing_page, ws, accepted
) -> None:
    panel = routing_page.scan
    fill(qtbot, panel.person, "王晓燕")
    scan(qtbot, panel, accepted[0].case_no)
    assert "已加入" in panel.message.text() and "本批 1 件" in panel.message.text()
    scan(qtbot, panel, "20991231-W01-9999")
    assert panel.message.text().startswith("✖")
    scan(qtbot, panel, accepted[0].case_no)  # twice
    assert panel.message.text().startswith("✖") and panel.listed() == [accepted[0].case_no]
    scan(qtbot, panel, accepted[1].case_no)
    shown = lines(panel.lines)
    # Each refusal stays as its own line; only the ✓ lines are in the batch.
    assert [line[0] for line in shown] == ["✓", "✖", "✖", "✓"]
    assert accepted[0].case_no in shown[0] and accepted[1].case_no in shown[3]
    assert "20991231-W01-9999" in shown[1] and "重复扫描" in shown[2]
    click(qtbot, panel.confirm)
    assert "收取材料袋：2 件已办理" in panel.message.text() and panel.lines.count() == 0
    stations = sql(ws, "SELECT station FROM cases ORDER BY case_no")
    assert stations == [("routing",), ("routing",)]
    assert sql(ws, "SELECT count(*) FROM handoffs WHERE giver = ?", "王晓燕")[0][0] == 2


def test_scans_typed_faster_than_they_are_checked_all_land_in_order(
    qtbot, routing_page, accepted
) -> None:
    panel = routing_page.scan
    panel.scan.setFocus()
    for case in accepted:  # a scanner does not wait for the screen
        qtbot.keyClicks(panel.scan, case.case_no)
        qtbot.keyClick(panel.scan, Qt.Key.Key_Return)
    settle(qtbot)
    shown = lines(panel.lines)
    assert len(shown) == 2
    assert accepted[0].case_no in shown[0] and accepted[1].case_no in shown[1]
    assert panel.listed() == [c.case_no for c in accepted]


def test_an_empty_batch_is_refused_aloud(qtbot, routing_page) -> None:
    click(qtbot, routing_page.scan.confirm)
    assert "本批还没有材料袋" in routing_page.scan.message.text()


def test_dispatch_batch_prints_a_handover_sheet(qtbot, routing_page, ws, router, accepted) -> None:
    refs = [c.case_no for c in accepted]
    routing.collect(ws, router, refs, giver="王晓燕")
    routing.pass_prereview(ws, router, refs)
    panel = routing_page.scan
    pick(qtbot, panel.move, "移交审批部门")
    pick(qtbot, panel.department, SAMR)
    fill(qtbot, panel.person, "审批科李明")
    for ref in refs:
        scan(qtbot, panel, ref)
    assert not panel.print_sheet.isEnabled()
    click(qtbot, panel.confirm)
    assert "移交审批部门：2 件已办理，交接单" in panel.message.text()
    click(qtbot, panel.print_sheet)
    preview = panel.preview
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf.data)).pages)
    assert "交接单" in text and refs[0] in text and "市场监督管理局" in text
    preview.close()
    assert sql(ws, "SELECT count(*) FROM handover_sheets WHERE receiver = ?", "审批科李明") == [
        (1,)
    ]
    open_tab(qtbot, routing_page, "材料袋位置")
    settle(qtbot)  # the board reads its first page off the GUI thread
    board = routing_page.board
    assert board.model.rowCount() == 2 and "共 2 件在途" in board.summary.text()
    assert {cell(board.table, r, 2) for r in range(2)} == set(refs)
    assert all("市场监督管理局" in cell(board.table, r, 4) for r in range(2))


def test_wrong_station_is_refused_with_its_location(qtbot, routing_page, accepted) -> None:
    panel = routing_page.scan
    pick(qtbot, panel.move, "送出件窗口")
    scan(qtbot, panel, accepted[0].case_no)
    assert panel.listed() == []
    assert panel.message.text().startswith("✖") and "窗口" in panel.message.text()
    assert lines(panel.lines) == [panel.message.text()]


def test_receive_back_with_one_denial_sends_both_towards_delivery(
    qtbot, routing_page, ws, router, accepted
) -> None:
    refs = [c.case_no for c in accepted]
    routing.collect(ws, router, refs, giver="王晓燕")
    routing.pass_prereview(ws, router, refs)
    routing.dispatch(ws, router, SAMR, refs, receiver="审批科李明")
    panel = routing_page.scan
    pick(qtbot, panel.move, "接收审批结果")
    pick(qtbot, panel.department, SAMR)
    fill(qtbot, panel.person, "审批科李明")
    for ref in refs:
        scan(qtbot, panel, ref)
    second = panel.lines.item(1)
    qtbot.mouseClick(
        panel.lines.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.lines.visualItemRect(second).center(),
    )
    deny = panel.findChild(type(panel.confirm), "denySelectedButton")
    click(qtbot, deny)
    assert "请先填写不予许可理由" in panel.message.text()
    fill(qtbot, panel.deny_reason, "经营场所不符合要求")
    click(qtbot, deny)
    assert lines(panel.lines)[1] == f"✖ 不予许可：{refs[1]}（经营场所不符合要求）"
    click(qtbot, panel.confirm)
    assert "接收审批结果：2 件已办理" in panel.message.text()
    rows = dict(sql(ws, "SELECT case_no, state FROM cases"))
    assert rows == {refs[0]: "concluded", refs[1]: "denied"}
    assert sql(ws, "SELECT reason FROM cases WHERE case_no = ?", refs[1]) == [
        ("经营场所不符合要求",)
    ]


def test_prereview_return_goes_back_to_the_window(
    qtbot, routing_page, ws, router, accepted
) -> None:
    routing.collect(ws, router, [accepted[0].case_no], giver="王晓燕")
    returns = routing_page.returns
    fill(qtbot, returns.case_ref, accepted[0].case_no)
    fill(qtbot, returns.reasons, "缺")
    click(qtbot, returns.button)
    assert "至少 4 个字" in returns.message.text()
    assert sql(ws, "SELECT state FROM cases WHERE id = ?", accepted[0].case_id) == [("prereview",)]
    fill(qtbot, returns.reasons, "营业执照复印件不清晰")
    click(qtbot, returns.button)
    assert f"{accepted[0].case_no} 已退回" in returns.message.text()
    assert returns.case_ref.text() == ""
    assert sql(ws, "SELECT state FROM cases WHERE id = ?", accepted[0].case_id) == [
        ("awaiting_supplement",)
    ]


@pytest.fixture
def ready(ws, clerk):  # type: ignore[no-untyped-def]
    ws.today = lambda: date.today()  # type: ignore[method-assign]
    return intake.complete_at_window(
        ws, clerk, draft_for(ws, [BUSINESS], person(number=resident_id(seq="777")))
    )


@pytest.fixture
def desk(qtbot, ws, clerk, ready) -> DeliveryWorkspace:  # type: ignore[no-untyped-def]
    page = DeliveryWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_pickup_by_the_applicant_checks_the_id(qtbot, ws, desk, ready) -> None:
    assert desk.model.rowCount() == 1 and cell(desk.table, 0, 1) == ready.case_no
    assert ready.case_no in desk.selected.text()
    assert not desk.receipt.isEnabled()
    enter(qtbot, desk.presented_id, resident_id(seq="778"))  # Enter hands out, as the button
    assert desk.message.text().startswith("⚠") and desk.model.rowCount() == 1
    assert sql(ws, "SELECT count(*) FROM deliveries") == [(0,)]
    fill(qtbot, desk.presented_id, resident_id(seq="777"))
    click(qtbot, desk.pickup_button)
    assert f"已出件：{ready.case_no}" in desk.message.text()
    assert desk.model.rowCount() == 0 and "没有待出件" in desk.selected.text()
    assert desk.presented_id.text() == ""
    assert sql(ws, "SELECT method, recipient_kind FROM deliveries") == [("pickup", "applicant")]
    click(qtbot, desk.receipt)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(desk.preview.pdf.data)).pages)
    assert ready.case_no in text
    desk.preview.close()


def test_nothing_selected_nothing_handed_out(qtbot, ws, desk) -> None:
    fill(qtbot, desk.query, "没有这个人")
    assert desk.model.rowCount() == 0
    click(qtbot, desk.pickup_button)
    assert "请先在待出件中选择办件" in desk.message.text()


def test_mail_needs_a_valid_tracking_number_and_comes_back_when_returned(
    qtbot, ws, desk, ready
) -> None:
    open_tab(qtbot, desk.tabs, "邮寄")
    click(qtbot, desk.fill_button)
    assert desk.recipient.text() and desk.mail_address.text() is not None
    fill(qtbot, desk.tracking, "123")
    click(qtbot, desk.mail_button)
    assert "运单号「123」格式不对" in desk.message.text()
    assert sql(ws, "SELECT count(*) FROM deliveries") == [(0,)]
    fill(qtbot, desk.tracking, "EA123456789CN")
    click(qtbot, desk.mail_button)
    assert f"已出件：{ready.case_no}" in desk.message.text() and desk.model.rowCount() == 0
    assert sql(ws, "SELECT method, tracking_no FROM deliveries") == [("mail", "EA123456789CN")]

    open_tab(qtbot, desk.tabs, "邮件退回")
    fill(qtbot, desk.returned_case, ready.case_no)
    fill(qtbot, desk.return_reason, "收件人地址不详")
    click(qtbot, desk.return_button)
    assert "已登记退回" in desk.message.text() and desk.returned_case.text() == ""
    assert desk.model.rowCount() == 1 and cell(desk.table, 0, 1) == ready.case_no
    assert sql(ws, "SELECT return_reason FROM deliveries") == [("收件人地址不详",)]


def test_proxy_pickup(qtbot, ws, desk) -> None:
    open_tab(qtbot, desk.tabs, "代领")
    proxy_id = resident_id(birth="19900101", seq="888")
    fill(qtbot, desk.proxy_name, "包玉兰")
    fill(qtbot, desk.proxy_id, proxy_id)
    fill(qtbot, desk.proxy_note, "授权委托书（申请人签字）")
    click(qtbot, desk.proxy_button)
    assert "已出件" in desk.message.text() and "包玉兰" in desk.message.text()
    ((name, masked, kind),) = sql(
        ws, "SELECT recipient_name, recipient_id_masked, recipient_kind FROM deliveries"
    )
    assert name == "包玉兰" and kind == "proxy" and proxy_id not in masked


def test_a_case_concluded_at_the_routing_post_shows_at_the_delivery_desk(
    qtbot, ws, clerk, router, routing_page, accepted
) -> None:
    """The two desks open side by side: the delivery queue refreshes without 刷新."""
    refs = [accepted[0].case_no]
    routing.collect(ws, router, refs, giver="王晓燕")
    routing.pass_prereview(ws, router, refs)
    routing.dispatch(ws, router, SAMR, refs, receiver="审批科李明")
    routing.receive_back(
        ws, router, SAMR, [routing.Decision(refs[0], approved=True)], giver="审批科李明"
    )
    desk = DeliveryWorkspace(ws, clerk)
    qtbot.addWidget(desk)
    desk.show()
    assert desk.model.rowCount() == 0
    panel = routing_page.scan
    pick(qtbot, panel.move, "送出件窗口")
    fill(qtbot, panel.person, "出件窗口包玉兰")
    scan(qtbot, panel, refs[0])
    click(qtbot, panel.confirm)
    assert "送出件窗口：1 件已办理" in panel.message.text()
    assert desk.model.rowCount() == 1 and cell(desk.table, 0, 1) == refs[0]
