"""One definition of overdue: the board, the dashboard and the case view agree on every case."""

from __future__ import annotations

from datetime import date

from hall_desk.domain.deadline import DeadlineFlag
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import cases, dashboard, intake, routing
from hall_desk.services.case_clock import pause_clock
from tests.services.helpers import draft_for, person, resident_id

FOOD = "011050007001"  # 食品经营许可（新办）: 3 working days
LONG = "051040003001"  # 最低生活保障审核确认: 20 working days
DAY = date(2026, 11, 24)


def test_a_pause_after_the_due_date_leaves_an_overdue_case_overdue_everywhere(ws, clerk):
    lead = Actor("lead", "孟庆华", Role.LEAD)
    late = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=date(2026, 11, 2))
    assert late.due is not None and late.due.day == date(2026, 11, 5)
    pause_clock(ws, clerk, late.case_no, "inspection", on=date(2026, 11, 20), note="样品送检")

    figures = dashboard.day_figures(ws, lead, DAY)
    assert late.case_no in [r.case_no for r in figures.overdue]

    (row,) = [r for r in routing.board(ws, lead, now=ws.moment_on(DAY)).rows]
    assert row.flag == DeadlineFlag.OVERDUE
    assert row.flag_text.startswith("已超期")
    assert routing.board(ws, lead, flagged_only=True, now=ws.moment_on(DAY)).overdue == 1

    detail = cases.case_detail(ws, lead, late.case_no, today=DAY)
    assert detail.deadline.flag == DeadlineFlag.OVERDUE
    assert detail.deadline.text == row.flag_text


def test_a_pause_before_the_due_date_stops_the_clock_everywhere(ws, clerk):
    lead = Actor("lead", "孟庆华", Role.LEAD)
    held = intake.accept(
        ws, clerk, draft_for(ws, [LONG], person(resident_id(seq="201"))), on=date(2026, 11, 2)
    )
    assert held.due is not None and held.due.day > date(2026, 11, 20)
    pause_clock(ws, clerk, held.case_no, "appraisal", on=date(2026, 11, 20), note="房屋鉴定")

    figures = dashboard.day_figures(ws, lead, DAY)
    assert held.case_no not in [r.case_no for r in figures.overdue + figures.near_deadline]
    (row,) = routing.board(ws, lead, now=ws.moment_on(DAY)).rows
    assert row.flag == DeadlineFlag.PAUSED and row.flag_text == "计时暂停（自 2026-11-20）"
    assert routing.board(ws, lead, flagged_only=True, now=ws.moment_on(DAY)).rows == []
    detail = cases.case_detail(ws, lead, held.case_no, today=DAY)
    assert (detail.deadline.flag, detail.deadline.text) == (row.flag, row.flag_text)
