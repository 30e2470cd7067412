"""Demo tickets through the ticket services: every class, channel and state, some overdue, some
reopened, some excluded, the same for the same seed.

The steps of past days are replayed on a clock set to each step's moment (`ws.wall` for the
duration of the step only; the hybrid clock keeps its own reading, so event order stays true).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from hall_desk.domain.calendar import WorkingCalendar
from hall_desk.domain.clock import SettableClock
from hall_desk.domain.roles import Actor
from hall_desk.domain.tickets import BbcsKind, Channel, TicketClass, Tier
from hall_desk.services import tickets
from hall_desk.services.tickets import TicketDraft
from hall_desk.services.workstation import Workstation

# Where a demo ticket stops: cycled so that a few days of data hold each of them.
TARGETS = (
    "registered",
    "analysed",
    "dispatched",
    "handling",
    "paused",
    "answered",
    "checked",
    "archived",
    "excluded",
    "reopened",
    "overdue",
    "extended",
)
PROBLEMS = {
    TicketClass.COMPLAINT: [
        "办理营业执照变更跑了三次还没办成",
        "窗口工作人员解释不清，让反复补材料",
        "网上申报后窗口说系统里查不到",
        "符合条件的社保转移窗口不予受理",
    ],
    TicketClass.SUGGESTION: [
        "建议增加周六上午延时服务",
        "建议在大厅增设复印机",
        "建议取号机增加语音提示",
    ],
    TicketClass.CONSULTATION: [
        "个体户注销需要先清税吗",
        "不动产登记能否异地办理",
        "老年人优待证在哪个窗口办",
    ],
    TicketClass.PRAISE: [
        "工作人员耐心细致，一次就办成了",
        "帮办代办服务周到，为老人节省了时间",
    ],
}
ANSWERS = [
    "已协调部门后台当日办结，请到出件窗口领取",
    "经核实系材料要求理解不一致，已统一口径并为您办理",
    "您的建议已采纳，将于下月起实行",
    "已电话告知办理流程和所需材料",
]


@dataclass
class _Ticket:
    number: str
    cls: TicketClass
    target: str
    day: date
    due: date | None


def generate_tickets(ws: Workstation, staff: dict[str, Actor], days: list[date], seed: int) -> int:
    """Tickets registered on the given working days (in order); returns how many."""
    if not days:
        return 0
    rng = random.Random(f"{seed}:tickets")
    calendar = ws.calendar()
    clerk, lead = staff["clerk1"], staff["lead"]
    handlers = [staff["clerk2"], staff["clerk3"]]
    end = days[-1]
    real = ws.wall
    replay = SettableClock(datetime.combine(days[0], time(9)).astimezone())
    classes = list(TicketClass)
    channels = list(Channel)
    made: list[_Ticket] = []

    def at(day: date, minute: int) -> None:
        replay.set(datetime.combine(day, time(9)).astimezone() + timedelta(minutes=minute))

    ws.wall = replay
    try:
        n = 0
        for day in days[:-1] if len(days) > 1 else days:
            for _ in range(rng.choice((1, 1, 2))):
                cls = classes[n % len(classes)]
                target = TARGETS[n % len(TARGETS)] if cls is not TicketClass.PRAISE else "praise"
                channel = channels[n % len(channels)]
                n += 1
                at(day, rng.randint(0, 420))
                made.append(_register(ws, clerk, rng, cls, channel, target, day))
        for index, ticket in enumerate(made):
            _advance(ws, ticket, rng, calendar, end, at, clerk, lead, handlers[index % 2])
    finally:
        ws.wall = real
    return len(made)


def _register(
    ws: Workstation,
    clerk: Actor,
    rng: random.Random,
    cls: TicketClass,
    channel: Channel,
    target: str,
    day: date,
) -> _Ticket:
    anonymous = cls is not TicketClass.PRAISE and rng.random() < 0.2
    tier = (
        Tier.ON_THE_SPOT
        if target == "overdue" or cls is TicketClass.CONSULTATION
        else rng.choice([Tier.COMPLEX, Tier.COMPLEX, Tier.SPECIAL, Tier.ESCALATED])
    )
    if target == "extended":
        tier = Tier.SPECIAL
    complaint = cls is TicketClass.COMPLAINT
    kind = rng.choice([BbcsKind.NOT_ACCEPTED, BbcsKind.MANY_TRIPS, BbcsKind.POLICY, BbcsKind.OTHER])
    result = tickets.register(
        ws,
        clerk,
        TicketDraft(
            ticket_class=cls.value,
            channel=channel.value,
            description=rng.choice(PROBLEMS[cls]),
            tier=tier.value,
            bbcs_kind=kind.value if complaint else "",
            external_no=f"GD{day:%Y%m%d}{rng.randint(1000, 9999)}"
            if channel is Channel.HOTLINE_12345
            else "",
            anonymous=anonymous,
            reporter_name="" if anonymous else rng.choice(["包海龙", "白玉梅", "乌日娜", "韩志强"]),
            phone="" if anonymous else f"139{rng.randint(0, 99_999_999):08d}",
            staff=rng.choice(["clerk2", "clerk3"])
            if complaint or cls is TicketClass.PRAISE
            else "",
        ),
    )
    return _Ticket(result.ticket_no, cls, target, day, result.due_date)


# 核查结论 of the demo's complaints by their number (no draw on the random stream): most 属实,
# some 部分属实, one in five 不属实.
DEMO_FINDINGS = ("substantiated", "substantiated", "partly", "substantiated", "unfounded")


def _advance(
    ws: Workstation,
    t: _Ticket,
    rng: random.Random,
    calendar: WorkingCalendar,
    end: date,
    at: Callable[[date, int], None],
    clerk: Actor,
    lead: Actor,
    handler: Actor,
) -> None:
    """The ticket's steps up to its target, each on a later working day than the last (never
    past `end`); the overdue ones are left open past their due day."""
    day = t.day
    minute = 450

    def step(later: int = 1) -> None:
        nonlocal day, minute
        for _ in range(later):
            if calendar.next_working_day(day) <= end:
                day = calendar.next_working_day(day)
                minute = rng.randint(0, 60)
        minute += rng.randint(5, 60)
        at(day, minute)

    n = t.number
    if t.target == "praise":
        if rng.random() < 0.7:
            step(0)
            tickets.archive(ws, lead, n, "已通报表扬")
        return
    if t.target == "registered":
        return
    if t.target == "excluded":
        step(0)
        tickets.exclude(ws, lead, n, "petition", "反映事项已进入信访程序，告知由信访部门办理")
        return
    step(0)
    tickets.analyse(ws, clerk, n, "窗口对材料要求理解不一致，需部门后台核实")
    if t.target in ("analysed",):
        return
    step(rng.randint(0, 1))
    if t.target == "extended":
        assert t.due is not None
        later = calendar.due_date(t.due, 5, "G").day
        tickets.extend(ws, lead, n, later, "需部门后台实地核查")
    tickets.dispatch(ws, clerk, n, "window", handler.window or "综合窗口2")
    if t.target in ("dispatched", "overdue", "extended"):
        return
    step(rng.randint(0, 1))
    tickets.progress(ws, handler, n, "已联系反映人了解情况")
    if t.target == "handling":
        return
    if t.target == "paused":
        step(0)
        tickets.pause(ws, handler, n, "等待反映人补充营业执照复印件")
        return
    step(rng.randint(0, 2))
    tickets.answer(ws, handler, n, rng.choice(ANSWERS), rng.choice(["phone", "in_person"]))
    if t.target == "answered":
        return
    step(rng.randint(0, 1))
    finding = DEMO_FINDINGS[int(n.rsplit("-", 1)[1]) % len(DEMO_FINDINGS)]
    tickets.check(
        ws,
        lead,
        n,
        "已核查",
        "" if _anonymous(ws, lead, n) else "satisfied",
        finding if t.cls == "complaint" else "",
    )
    if t.target == "checked":
        return
    step(0)
    tickets.archive(ws, lead, n)
    if t.target == "reopened":
        step(1)
        tickets.reopen(ws, lead, n, "反映人来电称问题仍未解决")


def _anonymous(ws: Workstation, actor: Actor, number: str) -> bool:
    from hall_desk.services.ticket_views import detail

    return detail(ws, actor, number).anonymous
