"""材料流转 and 统一出件 in the window: scanning, refusals aloud, batches, sheets, hand-outs."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from hall_desk.services import intake
from hall_desk.ui.delivery_workspace import DeliveryWorkspace
from hall_desk.ui.routing_workspace import RoutingWorkspace
from tests.services.helpers import draft_for, person, resident_id

FOOD = "011050007001"
BUSINESS = "011050001001"  # 个体工商户设立登记: immediate, pickup or mail


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
    page.show()
    return page


def scan(qtbot, panel, text: str) -> None:  # type: ignore[no-untyped-def]
    panel.scan.setFocus()
    qtbot.keyClicks(panel.scan, text)
    qtbot.keyClick(panel.scan, Qt.Key.Key_Return)


def test_scan_collect_and_refuse_unknown_without_breaking_the_list(
    qtbot, routing_page, accepted
) -> None:
    panel = routing_page.scan
    panel.person.setText("王晓燕")
    scan(qtbot, panel, accepted[0].case_no)
    scan(qtbot, panel, "20991231-W01-9999")
    assert "✖" in panel.message.text()
    scan(qtbot, panel, accepted[0].case_no)  # twice
    scan(qtbot, panel, accepted[1].case_no)
    assert panel.listed() == [accepted[0].case_no, accepted[1].case_no]
    result = panel.confirm_batch()
    assert result is not None and len(result.moved) == 2 and panel.lines.count() == 0


def test_dispatch_batch_prints_a_handover_sheet(qtbot, routing_page, ws, router, accepted) -> None:
    from hall_desk.services import routing

    refs = [c.case_no for c in accepted]
    routing.collect(ws, router, refs, giver="王晓燕")
    routing.pass_prereview(ws, router, refs)
    panel = routing_page.scan
    panel.move.setCurrentIndex(panel.move.findData("dispatch"))
    panel.department.setCurrentText("科尔沁左翼中旗市场监督管理局")
    panel.person.setText("审批科李明")
    for ref in refs:
        scan(qtbot, panel, ref)
    result = panel.confirm_batch()
    assert result is not None and result.sheet is not None and panel.print_sheet.isEnabled()
    preview = panel.preview_sheet()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf.data)).pages)
    assert "交接单" in text and refs[0] in text and "市场监督管理局" in text
    preview.close()
    routing_page.setCurrentWidget(routing_page.board)
    assert routing_page.board.model.rowCount() == 2
    assert "在途" in routing_page.board.summary.text()


def test_wrong_station_is_refused_with_its_location(qtbot, routing_page, accepted) -> None:
    panel = routing_page.scan
    panel.move.setCurrentIndex(panel.move.findData("to_delivery"))
    scan(qtbot, panel, accepted[0].case_no)
    assert (
        panel.lines.count() == 0 and "✖" in panel.message.text() and "窗口" in panel.message.text()
    )


@pytest.fixture
def ready(ws, clerk):  # type: ignore[no-untyped-def]
    ws.today = lambda: date.today()  # type: ignore[method-assign]
    return intake.complete_at_window(
        ws, clerk, draft_for(ws, [BUSINESS], person(number=resident_id(seq="777")))
    )


def test_pickup_by_the_applicant_checks_the_id(qtbot, ws, clerk, ready) -> None:
    page = DeliveryWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 1 and ready.case_no in page.selected.text()
    page.presented_id.setText(resident_id(seq="778"))
    assert page.pickup() is None and "⚠" in page.message.text()
    page.presented_id.setText(resident_id(seq="777"))
    result = page.pickup()
    assert result is not None and page.model.rowCount() == 0
    preview = page.preview_receipt()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf.data)).pages)
    assert ready.case_no in text
    preview.close()


def test_mail_needs_a_valid_tracking_number(qtbot, ws, clerk, ready) -> None:
    page = DeliveryWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.fill_mail()
    page.tracking.setText("123")
    assert page.send_by_mail() is None
    assert "运单号「123」格式不对" in page.message.text()
    page.tracking.setText("EA123456789CN")
    result = page.send_by_mail()
    assert result is not None and result.tracking_no == "EA123456789CN"


def test_receive_back_with_one_denial_sends_both_towards_delivery(
    qtbot, routing_page, ws, router, accepted
) -> None:
    from hall_desk.services import routing
    from hall_desk.store.models import CaseRow

    refs = [c.case_no for c in accepted]
    routing.collect(ws, router, refs, giver="王晓燕")
    routing.pass_prereview(ws, router, refs)
    routing.dispatch(ws, router, "科尔沁左翼中旗市场监督管理局", refs, receiver="审批科李明")
    panel = routing_page.scan
    panel.move.setCurrentIndex(panel.move.findData("receive_back"))
    panel.department.setCurrentText("科尔沁左翼中旗市场监督管理局")
    panel.person.setText("审批科李明")
    for ref in refs:
        scan(qtbot, panel, ref)
    panel.lines.setCurrentRow(1)
    panel.deny_reason.setText("经营场所不符合要求")
    panel.deny_selected()
    result = panel.confirm_batch()
    assert result is not None and len(result.moved) == 2
    with ws.reading() as s:
        states = {s.get(CaseRow, c.case_id).state for c in accepted}
        denied = s.get(CaseRow, accepted[1].case_id)
    assert states == {"concluded", "denied"}
    assert denied is not None and denied.reason == "经营场所不符合要求"


def test_proxy_pickup(qtbot, ws, clerk, ready) -> None:
    page = DeliveryWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.proxy_name.setText("包玉兰")
    page.proxy_id.setText(resident_id(birth="19900101", seq="888"))
    page.proxy_note.setText("授权委托书（申请人签字）")
    result = page.pickup_by_proxy()
    assert result is not None and result.recipient_name == "包玉兰"
    assert resident_id(birth="19900101", seq="888") not in result.recipient_id_masked
