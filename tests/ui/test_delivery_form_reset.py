"""After a mailing the mail form is empty again, another case never inherits the previous
address, and 打印签收单 prints (and names) the hand-out just recorded."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from hall_desk.services import intake
from hall_desk.ui.delivery_workspace import DeliveryWorkspace
from tests.services.helpers import draft_for, person, resident_id
from tests.ui.actions import click, fill
from tests.ui.test_routing_delivery_workspaces import BUSINESS, cell, open_tab, sql


@pytest.fixture
def two_ready(ws, clerk) -> list[str]:  # type: ignore[no-untyped-def]
    ws.today = lambda: date.today()  # type: ignore[method-assign]
    return [
        intake.complete_at_window(
            ws, clerk, draft_for(ws, [BUSINESS], person(number=resident_id(seq=f"{910 + i}")))
        ).case_no
        for i in range(2)
    ]


@pytest.fixture
def desk(qtbot, ws, clerk, two_ready) -> DeliveryWorkspace:  # type: ignore[no-untyped-def]
    page = DeliveryWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def mail_form(desk: DeliveryWorkspace) -> list[str]:
    return [e.text() for e in (desk.recipient, desk.mail_phone, desk.mail_address, desk.tracking)]


def type_mail(qtbot, desk: DeliveryWorkspace, name: str, tracking: str) -> None:  # type: ignore[no-untyped-def]
    fill(qtbot, desk.recipient, name)
    fill(qtbot, desk.mail_phone, "13904751234")
    fill(qtbot, desk.mail_address, "科尔沁左翼中旗保康镇民主街12号")
    fill(qtbot, desk.tracking, tracking)


def test_after_a_mailing_the_form_is_empty_and_the_receipt_is_of_that_mailing(
    qtbot, ws, desk, two_ready
) -> None:
    first, second = two_ready
    open_tab(qtbot, desk.tabs, "邮寄")
    assert cell(desk.table, 0, 1) == first
    type_mail(qtbot, desk, "包海龙", "EA123456789CN")
    click(qtbot, desk.mail_button)
    assert f"已出件：{first}" in desk.message.text()
    assert mail_form(desk) == ["", "", "", ""]
    assert desk.receipt.text() == f"打印签收单（{first}）(&P)…"

    assert cell(desk.table, 0, 1) == second and second in desk.selected.text()
    type_mail(qtbot, desk, "包玉兰", "EA987654321CN")
    click(qtbot, desk.mail_button)
    assert f"已出件：{second}" in desk.message.text()
    assert desk.receipt.text() == f"打印签收单（{second}）(&P)…"
    click(qtbot, desk.receipt)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(desk.preview.pdf.data)).pages)
    desk.preview.close()
    assert second in text and first not in text
    assert sql(ws, "SELECT case_no, tracking_no FROM deliveries ORDER BY case_no") == [
        (first, "EA123456789CN"),
        (second, "EA987654321CN"),
    ]


def test_choosing_another_case_empties_the_mail_form(qtbot, desk, two_ready) -> None:
    open_tab(qtbot, desk.tabs, "邮寄")
    type_mail(qtbot, desk, "包海龙", "EA123456789CN")
    desk.table.setFocus()
    qtbot.keyClick(desk.table, Qt.Key.Key_Down)
    assert two_ready[1] in desk.selected.text()
    assert mail_form(desk) == ["", "", "", ""]
