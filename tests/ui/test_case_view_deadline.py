"""The case view shows the board's deadline words, and opens from a full-width case number."""

from __future__ import annotations

from datetime import date, datetime, time

from hall_desk.domain.roles import Actor, Role
from hall_desk.services import intake, routing
from hall_desk.services.case_clock import pause_clock
from hall_desk.ui.case_view import CaseView
from tests.conftest import TODAY, running_clock
from tests.services.helpers import draft_for

FOOD = "011050007001"  # 食品经营许可（新办）: 3 working days


def test_an_overdue_case_paused_late_reads_overdue_as_on_the_board(qtbot, ws, clerk) -> None:
    ws.wall = running_clock(datetime.combine(TODAY, time(10)))
    lead = Actor("lead", "孟庆华", Role.LEAD)
    late = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=date(2026, 11, 2))
    pause_clock(ws, clerk, late.case_no, "inspection", on=date(2026, 11, 20), note="样品送检")
    (row,) = routing.board(ws, lead).rows
    # As a full-width input method types it: ２０２６１１０２－Ｗ０１－０００１
    typed = "".join(chr(ord(c) + 0xFEE0) for c in late.case_no)
    view = CaseView(ws, lead, typed)
    qtbot.addWidget(view)
    assert view.value("caseNo").text() == late.case_no
    assert view.value("due").text() == f"2026-11-05　{row.flag_text}"
    assert row.flag_text.startswith("已超期")
    assert view.value("due").property("role") == "overdue"
