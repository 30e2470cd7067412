"""人员与巡查 figures of the lead's dashboard, for a chosen day.

Definitions (the tests recount each with hand-written SQL):

- open findings: findings found on or before the day whose state is not 复查通过 (closed), as
  they stand now; of them *overdue*: still 待整改 (open) with a fix deadline before the day.
- overdue action items: meeting action items not done whose deadline is before the day.
- missing meetings: working days from the first of the day's month through the day before
  without a 晨会, and weeks of that span already over without a 周例会 (domain/meetings.py);
  the day itself is not counted, its meeting may still be recorded.
- unanswered sheets: published 绩效考评 sheets whose staff member neither confirmed nor objected
  by the day before (their respond-by date is before the day): the lead reminds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from hall_desk.domain.evaluation import SheetState
from hall_desk.domain.inspections import FindingState
from hall_desk.domain.meetings import MissingMeeting
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services import meetings
from hall_desk.services.workstation import Workstation
from hall_desk.store.models_staff import EvaluationRow, FindingRow, MeetingActionRow


@dataclass(frozen=True)
class UnansweredSheet:
    month: str
    staff: str
    staff_name: str
    respond_by: date

    @property
    def text(self) -> str:
        return (
            f"{self.staff_name}（{self.staff}）{self.month} 考评表逾期未确认"
            f"（应于 {self.respond_by:%Y-%m-%d} 前确认或提出异议）"
        )


@dataclass(frozen=True)
class StaffFigures:
    day: date
    open_findings: int
    overdue_findings: int
    overdue_actions: int
    missing: tuple[MissingMeeting, ...]
    unanswered: tuple[UnansweredSheet, ...] = ()

    @property
    def missing_meetings(self) -> int:
        return len(self.missing)


def staff_figures(ws: Workstation, actor: Actor, day: date) -> StaffFigures:
    actor.require(Permission.REPORTS)
    f, a = FindingRow, MeetingActionRow
    with ws.reading() as s:
        open_findings = s.scalar(
            select(func.count())
            .select_from(f)
            .where(f.found_on <= day, f.state != FindingState.CLOSED.value)
        )
        overdue_findings = s.scalar(
            select(func.count())
            .select_from(f)
            .where(f.found_on <= day, f.state == FindingState.OPEN.value, f.fix_deadline < day)
        )
        overdue_actions = s.scalar(
            select(func.count()).select_from(a).where(a.done_on.is_(None), a.deadline < day)
        )
        e = EvaluationRow
        unanswered = tuple(
            UnansweredSheet(row.month, row.staff, row.staff_name, row.respond_by)
            for row in s.execute(
                select(e.month, e.staff, e.staff_name, e.respond_by)
                .where(e.state == SheetState.PUBLISHED.value, e.respond_by < day)
                .order_by(e.month, e.staff)
            )
        )
    first = day.replace(day=1)
    missing = meetings.missing(ws, first, day - timedelta(days=1)) if day > first else []
    return StaffFigures(
        day,
        int(open_findings or 0),
        int(overdue_findings or 0),
        int(overdue_actions or 0),
        tuple(missing),
        unanswered,
    )
