"""Demo meetings, inspections and evaluations through their services, the same for the same seed.

Daily 晨会 with one or two missed, a 周例会 each week with an action item, an inspection every
few working days with findings (one person found three times within 30 days, so escalated to
约谈), and each month's evaluation computed from the demo's own work: months that ended before
the last day are checked and published, the last one stays a draft.
The steps of past days run on a clock set to each step's moment, as the demo tickets do.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from hall_desk.domain.clock import SettableClock
from hall_desk.domain.errors import ValidationError
from hall_desk.domain.inspections import DEFAULT_CHECKLIST, CheckGroup, Severity
from hall_desk.domain.meetings import Attendance, MeetingKind
from hall_desk.domain.roles import Actor
from hall_desk.services import evaluations, inspections, meetings
from hall_desk.services.inspections import CheckEntry, InspectionDraft
from hall_desk.services.meetings import ActionDraft, AttendeeEntry, MeetingDraft
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import User
from hall_desk.store.models_staff import EvaluationRow, MeetingRow

TOPICS = [
    "通报昨日办件量和群众反映；提醒容缺受理承诺书要当场签字",
    "强调首问负责和一次性告知；午间不断档安排",
    "近期营业执照变更集中，综合窗口相互补位",
    "讲评上周巡查问题，规范服务用语",
]
ACTIONS = [
    "更新窗口公示的办事指南",
    "整理本周补正件清单并逐一电话回访",
    "检查取号机和评价器是否正常",
    "汇总本月办不成事台账",
]
FIXES = ["已当面纠正并学习服务规范", "已更换工牌并整理台面", "已补齐公示材料"]


@dataclass
class StaffSummary:
    meetings: int = 0
    missed_morning: int = 0
    inspections: int = 0
    findings: int = 0
    sheets: int = 0


def generate_staff(
    ws: Workstation, staff: dict[str, Actor], days: list[date], seed: int
) -> StaffSummary:
    """Meetings and inspections on the given working days (in order), then evaluations."""
    summary = StaffSummary()
    if not days:
        return summary
    rng = random.Random(f"{seed}:staff")
    lead = staff["lead"]
    people = [staff["clerk1"], staff["clerk2"], staff["clerk3"], staff["router"]]
    escalated = staff["clerk2"]
    with ws.reading() as s:
        active = {u.username for u in s.scalars(select(User).where(User.active.is_(True)))}
    missed = (
        set(rng.sample(days, k=min(len(days) - 1, rng.choice((1, 2))))) if len(days) > 2 else set()
    )
    real = ws.wall
    replay = SettableClock(datetime.combine(days[0], time(8, 30)).astimezone())
    ws.wall = replay

    def at(day: date, hour: int, minute: int = 0) -> datetime:
        moment = datetime.combine(day, time(hour, minute)).astimezone()
        replay.set(moment)
        return moment

    try:
        with ws.reading() as s:
            held_before = set(
                s.scalars(
                    select(MeetingRow.held_on).where(
                        MeetingRow.kind == MeetingKind.MORNING.value,
                        MeetingRow.held_on >= days[0],
                        MeetingRow.held_on <= days[-1],
                    )
                )
            )
        for index, day in enumerate(days):
            if day in held_before:
                continue  # demo data made before for these days
            if day in missed:
                summary.missed_morning += 1
            else:
                held = at(day, 8, 30)
                at(day, 8, 50)
                meetings.record(ws, lead, _morning(rng, lead, people, held))
                summary.meetings += 1
            first_of_week = index == 0 or days[index - 1].isocalendar()[:2] != day.isocalendar()[:2]
            if first_of_week:
                held = at(day, 16, 30)
                at(day, 17, 10)
                owner = rng.choice(people)
                actions = []
                if owner.username in active:
                    deadline = ws.calendar().due_date(day, 3, "G").day
                    actions = [ActionDraft(rng.choice(ACTIONS), owner.username, deadline)]
                meetings.record(
                    ws,
                    lead,
                    MeetingDraft(
                        kind=MeetingKind.WEEKLY,
                        held_at=held,
                        host=lead.username,
                        attendees=[AttendeeEntry(p.username) for p in people],
                        topics="本周工作讲评与下周安排",
                        decisions="下周起综合窗口午间轮流值守",
                        actions=actions,
                    ),
                )
                summary.meetings += 1
            if index % 3 == 1 or (len(days) < 3 and index == len(days) - 1):
                _inspect(ws, rng, lead, people, escalated, day, at, summary)
        # Half of the action items and findings are closed on the last day.
        at(days[-1], 17, 30)
        for view in meetings.actions(ws):
            if rng.random() < 0.5:
                owner = next((p for p in [*people, lead] if p.username == view.owner), lead)
                meetings.mark_action_done(ws, owner, view.id, "已完成")
        for finding in inspections.findings(ws, open_only=True):
            if rng.random() < 0.5:
                inspections.record_fix(ws, lead, finding.id, rng.choice(FIXES))
                inspections.recheck(ws, lead, finding.id, True, "复查合格")
        summary.sheets = _evaluate(ws, lead, days)
    finally:
        ws.wall = real
    return summary


def _morning(rng: random.Random, lead: Actor, people: list[Actor], held: datetime) -> MeetingDraft:
    attendees = []
    for p in people:
        roll = rng.random()
        if roll < 0.04:
            attendees.append(AttendeeEntry(p.username, Attendance.ABSENT, reason="未请假未到会"))
        elif roll < 0.08:
            attendees.append(AttendeeEntry(p.username, Attendance.LATE, reason="迟到十分钟"))
        elif roll < 0.12:
            attendees.append(AttendeeEntry(p.username, Attendance.LEAVE, reason="家中有事请假"))
        else:
            attendees.append(AttendeeEntry(p.username))
    return MeetingDraft(
        kind=MeetingKind.MORNING,
        held_at=held,
        host=lead.username,
        attendees=attendees,
        topics=rng.choice(TOPICS),
    )


def _inspect(
    ws: Workstation,
    rng: random.Random,
    lead: Actor,
    people: list[Actor],
    escalated: Actor,
    day: date,
    at: object,
    summary: StaffSummary,
) -> str:
    moment = at(day, 10, rng.randint(0, 50))  # type: ignore[operator]
    at(day, 11, 30)  # type: ignore[operator]
    entries = [
        CheckEntry(g.value, item) for g, items in DEFAULT_CHECKLIST.items() for item in items
    ]
    deadline = ws.calendar().due_date(day, 2, "G").day
    conduct = [i for i, e in enumerate(entries) if e.group == CheckGroup.CONDUCT.value]
    # The same person is found at fault on each of the first three walks: 提醒 → 调岗建议 → 约谈.
    who = escalated if summary.inspections < 3 else rng.choice(people)
    position = conduct[summary.inspections % len(conduct)]
    entries[position] = CheckEntry(
        entries[position].group,
        entries[position].item,
        passed=False,
        note="巡查时发现",
        staff=who.username,
        severity=rng.choice([Severity.MINOR, Severity.MINOR, Severity.MAJOR]).value,
        fix_deadline=deadline,
    )
    if rng.random() < 0.5:
        env = 0
        entries[env] = CheckEntry(
            entries[env].group,
            entries[env].item,
            passed=False,
            note="地面有纸屑",
            window="综合窗口2",
            severity=Severity.MINOR.value,
            fix_deadline=deadline,
        )
    inspection_id = inspections.record(
        ws,
        lead,
        InspectionDraft(
            inspected_at=moment,
            inspectors=[lead.username],
            area="综合受理区",
            items=entries,
        ),
    )
    summary.inspections += 1
    summary.findings += sum(1 for e in entries if not e.passed)
    return inspection_id


def _evaluate(ws: Workstation, lead: Actor, days: list[date]) -> int:
    months = sorted({f"{d:%Y-%m}" for d in days})
    last = f"{days[-1]:%Y-%m}"
    sheets = 0
    for month in months:
        with ws.reading() as s:
            published = s.scalar(
                select(EvaluationRow.id).where(
                    EvaluationRow.month == month, EvaluationRow.published_on.is_not(None)
                )
            )
        if published is not None:
            continue
        made = evaluations.compute_month(ws, lead, month)
        sheets += made
        if made and month != last:
            evaluations.check_month(ws, lead, month)
            # A 差评 of the month still awaiting 复核 or inside its appeal window holds the
            # month back: it stays 已审核, as a hall's would.
            with contextlib.suppress(ValidationError):
                evaluations.publish_month(ws, lead, month)
    return sheets
