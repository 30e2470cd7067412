"""补打 from the case view: every notice the case produced is listed; pressing 补打 previews it
marked 补打 with today's date and the original date, and the reprint is audited."""

from __future__ import annotations

import io
from datetime import date, datetime

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hall_desk.services import intake, routing
from hall_desk.store.models import AuditEntry
from hall_desk.ui.case_view import CaseView
from tests.conftest import running_clock
from tests.services.helpers import draft_for
from tests.ui.actions import click

FOOD = "011050007001"
REASON = "申请书缺法定代表人签字"


def test_each_notice_the_case_produced_is_reprinted_from_the_case_view(
    qtbot, ws, clerk, router
) -> None:  # type: ignore[no-untyped-def]
    draft = draft_for(ws, [FOOD])
    draft.received.pop("食品安全管理制度")
    case_no = intake.request_supplement(ws, clerk, draft, on=date(2026, 11, 24)).case_no
    intake.receive_supplement(ws, clerk, case_no, {"食品安全管理制度": 1}, on=date(2026, 11, 25))
    routing.collect(ws, router, [case_no], at=datetime(2026, 11, 25, 15))
    routing.return_for_supplement(ws, router, case_no, REASON, on=date(2026, 11, 26))
    ws.wall = running_clock(datetime(2026, 12, 2, 9))

    view = CaseView(ws, clerk, case_no)
    qtbot.addWidget(view)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=3000)
    choice = view.notice_choice
    assert [choice.itemText(i) for i in range(choice.count())] == [
        "一次性告知书（2026-11-24）",
        "受理通知书（2026-11-25）",
        "一次性告知书（2026-11-26）",
    ]
    assert choice.currentIndex() == 2, "the newest notice is offered first"

    # Choose the 受理通知书 with the keyboard (Alt+O to the list, Up), then press 补打.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: choice.hasFocus(), timeout=2000)
    qtbot.keyClick(choice, Qt.Key.Key_Up)
    assert choice.currentText() == "受理通知书（2026-11-25）"
    click(qtbot, view.reprint_button)
    preview = view.reprint_preview
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf.data)).pages)
    assert "受理通知书" in text and case_no in text
    assert "补打日期：2026年12月2日" in text and "原通知书日期：2026年11月25日" in text
    assert REASON not in text, "as issued: the 预审 return came later"
    preview.close()
    with ws.reading() as s:
        entry = s.query(AuditEntry).filter(AuditEntry.action == "notice.reprint").one()
    assert entry.target == case_no and entry.actor == clerk.username


def test_a_case_refused_at_once_offers_its_refusal_notice(qtbot, ws, clerk) -> None:  # type: ignore[no-untyped-def]
    draft = draft_for(ws, [FOOD])
    draft.reason = "所申请事项依法不需要取得行政许可"
    case = intake.refuse(ws, clerk, draft)
    view = CaseView(ws, clerk, case.case_id)
    qtbot.addWidget(view)
    view.show()
    assert view.notice_choice.count() == 1
    assert view.notice_choice.currentText().startswith("不予受理通知书")
    click(qtbot, view.reprint_button)
    text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(view.reprint_preview.pdf.data)).pages
    )
    assert draft.reason in text and "补打" in text
    view.reprint_preview.close()
