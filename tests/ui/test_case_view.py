"""The case view: pausing the clock for a special procedure, and the folder's journey."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget
from sqlalchemy import select

from hall_desk.services import intake, routing
from hall_desk.store.models import AuditEntry, CaseRow
from hall_desk.ui.case_view import CaseView
from tests.services.helpers import draft_for, person, resident_id
from tests.ui.actions import settle
from tests.ui.conftest import type_text

LONG = "051040003001"  # 最低生活保障审核确认: 20 working days
MARKET = "科尔沁左翼中旗市场监督管理局"
FOOD = "011050007001"


@pytest.fixture
def case(ws, clerk):  # type: ignore[no-untyped-def]
    # Accepted today (the workstation's today), so that a pause "today" is never before it.
    draft = draft_for(ws, [LONG], person(number=resident_id(seq="301"), name="包海龙"))
    return intake.accept(ws, clerk, draft)


def open_view(qtbot, ws, actor, case_id: str) -> CaseView:  # type: ignore[no-untyped-def]
    view = CaseView(ws, actor, case_id)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def row_of(ws, case_id: str) -> CaseRow:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        row = s.get(CaseRow, case_id)
        assert row is not None
        s.expunge(row)
        return row


def cell(model, row: int, column: str) -> str:  # type: ignore[no-untyped-def]
    for c in range(model.columnCount()):
        if model.headerData(c, Qt.Orientation.Horizontal) == column:
            return str(model.data(model.index(row, c)))
    raise AssertionError(f"no column {column}")


def test_clerk_pauses_for_inspection_with_a_reason_and_resumes(qtbot, ws, clerk, case) -> None:
    view = open_view(qtbot, ws, clerk, case.case_id)
    assert view.clock_box.isVisible()
    assert view.clock_state.text() == "计时进行中"
    assert not view.resume_button.isEnabled()

    # Without a reason: refused beside the reason field, nothing written.
    qtbot.mouseClick(view.pause_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.note_error.isVisible() and "暂停原因" in view.note_error.text()
    assert row_of(ws, case.case_id).paused_since is None

    view.procedure.setFocus()
    view.procedure.setCurrentIndex(view.procedure.findText("检验"))
    view.pause_note.setFocus()
    type_text(qtbot, view.pause_note, "送旗质检所检验")
    qtbot.keyClick(view.pause_note, Qt.Key.Key_Return)
    settle(qtbot)

    assert not view.note_error.isVisible()
    today = ws.today()
    assert view.clock_state.text() == f"⏸ 自 {today.isoformat()} 起暂停计时：检验：送旗质检所检验"
    assert view.resume_button.isEnabled() and not view.pause_button.isEnabled()
    row = row_of(ws, case.case_id)
    assert row.paused_since == today and row.reason == "检验：送旗质检所检验"
    due_before = row.due_date

    qtbot.mouseClick(view.resume_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    row = row_of(ws, case.case_id)
    assert row.paused_since is None
    assert row.due_date is not None and due_before is not None and row.due_date >= due_before
    assert view.clock_state.text() == f"已恢复计时，办结期限顺延至 {row.due_date.isoformat()}"
    assert row.due_date.isoformat() in view.value("due").text()
    with ws.reading() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    assert actions[-2:] == ["case.clock_pause", "case.clock_resume"]


def test_pause_refused_for_a_case_waiting_for_supplement(qtbot, ws, clerk) -> None:
    draft = draft_for(ws, [LONG], person(number=resident_id(seq="302")))
    draft.received = {}
    waiting = intake.request_supplement(ws, clerk, draft)
    view = open_view(qtbot, ws, clerk, waiting.case_id)
    assert "待补正" in view.clock_state.text() and "计时未在进行" in view.clock_state.text()
    assert not view.pause_button.isEnabled() and not view.resume_button.isEnabled()


def test_the_routing_post_may_pause_too(qtbot, ws, router, case) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, ws, router, case.case_id)
    assert view.clock_box.isVisible() and view.pause_button.isEnabled()


def test_journey_tab_shows_each_station_the_sheet_and_where_the_folder_is(
    qtbot, ws, clerk, router
) -> None:
    made = intake.accept(ws, clerk, draft_for(ws, [FOOD], person(number=resident_id(seq="303"))))
    routing.collect(ws, router, [made.case_no], giver="王晓燕")
    routing.pass_prereview(ws, router, [made.case_no])
    sent = routing.dispatch(ws, router, MARKET, [made.case_no], receiver="审批科李明")
    assert sent.sheet is not None
    view = open_view(qtbot, ws, clerk, made.case_id)
    tabs = view.form.findChild(QTabWidget, "tabs")
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(view.journey_index).center())
    assert tabs.currentIndex() == view.journey_index
    assert view.journey_table.isVisible()
    model = view.journey_model
    last = model.rowCount() - 1
    assert last >= 2
    assert cell(model, 0, "方式") == "受理"
    assert MARKET in cell(model, last, "所在位置")
    assert cell(model, last, "接收人") == "审批科李明"
    assert cell(model, last, "交接单号") == sent.sheet.sheet_no
    assert cell(model, last, "交出人") == "赵志刚"
    assert view.where.text().startswith(f"材料袋现在：{MARKET}")
    assert "审批科李明" in view.where.text()
