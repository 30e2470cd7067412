"""Meetings, inspections and evaluations converge across workstations: recorded at the lead's
desk (W1), an action item closed and a finding fixed at a window (W2), the month computed at
both; on a shared SQLite file and on PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from hall_desk.domain.roles import Actor, Role
from hall_desk.services import evaluations, inspections, meetings, users
from hall_desk.services.evaluations import sheet_id
from hall_desk.services.inspections import CheckEntry, InspectionDraft
from hall_desk.services.meetings import ActionDraft, AttendeeEntry, MeetingDraft
from hall_desk.store.models_staff import EvaluationRow, FindingRow, MeetingActionRow
from tests.conftest import STAFF_PASSWORD
from tests.sync.conftest import Hall
from tests.sync.helpers import converge, projections

ADMIN = Actor("admin", "张建国", Role.ADMIN)


def test_staff_records_made_at_two_workstations_converge(hall: Hall, shared_url: str) -> None:
    lead_desk, window = hall.ws("W1"), hall.ws("W2")
    clerk = users.create_user(
        lead_desk, ADMIN, "clerk1", "王晓燕", Role.CLERK, STAFF_PASSWORD, "综合窗口1"
    )
    lead = users.create_user(
        lead_desk, ADMIN, "lead1", "李秀兰", Role.LEAD, STAFF_PASSWORD, "班组长"
    )
    today = lead_desk.today()
    held = datetime.combine(today, datetime.min.time()).astimezone() + timedelta(hours=8)
    held = min(held, lead_desk.now())
    meetings.record(
        lead_desk,
        lead,
        MeetingDraft(
            held_at=held,
            host="lead1",
            attendees=[AttendeeEntry("clerk1", "absent", reason="未请假未到会")],
            topics="今日工作安排",
            actions=[ActionDraft("更新办事指南", "clerk1", today + timedelta(days=3))],
        ),
    )
    inspections.record(
        lead_desk,
        lead,
        InspectionDraft(
            inspected_at=held,
            inspectors=["lead1"],
            area="综合受理区",
            items=[
                CheckEntry("conduct", "仪容仪表", False, "未佩戴工牌", "clerk1", "", "minor", today)
            ],
        ),
    )
    converge([lead_desk, window], shared_url)
    [action] = meetings.actions(window)
    meetings.mark_action_done(window, clerk, action.id, "已更新")
    [finding] = inspections.findings(window)
    inspections.record_fix(window, clerk, finding.id, "已佩戴工牌")
    month = f"{today:%Y-%m}"
    # Both desks compute the month before they sync: the same sheet, one per person.
    evaluations.compute_month(lead_desk, lead, month)
    evaluations.compute_month(window, lead, month)
    converge([lead_desk, window], shared_url)
    for ws in (lead_desk, window):
        with ws.reading() as s:
            done = s.get(MeetingActionRow, action.id)
            assert done is not None and done.done_note == "已更新"
            fixed = s.get(FindingRow, finding.id)
            assert fixed is not None and fixed.state == "fixed"
            sheets = s.scalars(select(EvaluationRow).where(EvaluationRow.month == month)).all()
            assert [r.id for r in sheets] == [sheet_id(month, "clerk1")]
    inspections.recheck(lead_desk, lead, finding.id, True, "复查合格")
    evaluations.compute_month(lead_desk, lead, month)
    converge([lead_desk, window], shared_url)
    view = evaluations.sheet_of(window, lead, month, "clerk1")
    assert view.total == 100 - 2 - 2  # an unexcused absence, a minor finding
    assert projections(lead_desk) == projections(window)


def test_the_halls_checklist_reaches_every_workstation(hall: Hall, shared_url: str) -> None:
    lead_desk, window = hall.ws("W1"), hall.ws("W2")
    lead = users.create_user(
        lead_desk, ADMIN, "lead1", "李秀兰", Role.LEAD, STAFF_PASSWORD, "班组长"
    )
    groups = {
        "environment": ["环境卫生"],
        "conduct": ["仪容仪表", "服务用语"],
        "standards": ["一次性告知"],
        "efficiency": ["在岗在位"],
    }
    inspections.save_checklist(lead_desk, lead, groups)
    converge([lead_desk, window], shared_url)
    shown = {g.value: list(items) for g, items in inspections.checklist(window).items()}
    assert shown == groups
