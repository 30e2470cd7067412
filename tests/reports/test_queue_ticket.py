"""The kiosk's 80 mm ticket read back: number, queue, people ahead, wait, time, hall."""

from __future__ import annotations

import io
from datetime import datetime

from pypdf import PdfReader

from hall_desk.domain.queue import Priority, TicketState
from hall_desk.reports.queue_ticket import ticket_pdf
from hall_desk.services.queue import Issued, QueueTicket


def _issued(priority: Priority) -> Issued:
    ticket = QueueTicket(
        id="t1",
        label="A007",
        queue="A",
        priority=priority,
        state=TicketState.WAITING,
        issued_at=datetime(2026, 11, 24, 9, 12, 5).astimezone(),
        called_at=None,
        window="",
        recalls=0,
        id_masked="",
        visit_kind="",
        visit_id="",
        reason="",
        target_window="",
    )
    return Issued(ticket, "综合受理", 6, 1500.0, "科尔沁左翼中旗政务服务中心")


def test_the_ticket_says_what_the_person_needs() -> None:
    reader = PdfReader(io.BytesIO(ticket_pdf(_issued(Priority.GREEN))))
    page = reader.pages[0]
    assert round(float(page.mediabox.width) / 72 * 25.4) == 80
    text = page.extract_text()
    for expected in (
        "科尔沁左翼中旗政务服务中心",
        "综合受理",
        "A007",
        "绿色通道",
        "您前面还有 6 人",
        "预计等候约 25 分钟",
        "2026-11-24 09:12:05",
    ):
        assert expected in text, expected
    normal = PdfReader(io.BytesIO(ticket_pdf(_issued(Priority.NORMAL)))).pages[0].extract_text()
    assert "绿色通道" not in normal
