"""办不成事 and 投诉/建议/咨询/表扬 tickets: their vocabulary, steps, deadlines and urgency.

A ticket follows 登记 → 分析原因 → 派发工单 → 办理 → 答复 → 结果核查 → 监督检查 → 归档, with the
side branches 不予受理, 延期, 暂停/恢复, 核查不通过 (back to 办理 with the reason) and 重开.
The allowed steps are the hand-written table `TRANSITIONS`; nothing else moves a ticket. Pure
rules only: the service reads the time and the calendar and passes them in.

The deadline rule (what osTicket and others got wrong, and this must not):
- the due date is computed once, at registration, from the tier on the hall's working calendar;
  afterwards only a logged 延期 sets a new one, a 恢复 moves it by exactly the working days the
  clock stood still, and a 重开 gives the reopened work a fresh period from the reopening day
  (so reopening never starts an alarm at once);
- the clock stops at 答复 (the reporter has the answer); "was ever overdue" (`overdue_ever`) is
  set by the first step taken late, or by the answer given late, and never cleared;
- 表扬 and 提级 tickets have no deadline of the hall's own.

`source` says where a ticket came from: the feedback desk today; a 差评 will open its own
整改 ticket with source "rating" and the rating's id as `source_ref`, on the same machinery.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from hall_desk.domain.deadline import DeadlineFlag, deadline_text

# Working days after closing within which a ticket may be reopened (a setting, this default).
REOPEN_DAYS = 5
REOPEN_DAYS_MAX = 30
# A ticket's period is days, not months: it is 临近期限 when due today or on the next working day.
TICKET_NEAR_DAYS = 1
NUMBER_PREFIX = "FK"  # 反馈: distinct from case numbers, which start with the date
MIN_TICKET_REASON = 4  # characters of a 不予受理 or 延期 reason


class TicketClass(StrEnum):
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    CONSULTATION = "consultation"
    PRAISE = "praise"

    @property
    def label(self) -> str:
        return CLASS_LABELS[self]


CLASS_LABELS = {
    TicketClass.COMPLAINT: "投诉",
    TicketClass.SUGGESTION: "建议",
    TicketClass.CONSULTATION: "咨询",
    TicketClass.PRAISE: "表扬",
}


class Channel(StrEnum):
    WINDOW = "window"
    BBCS_WINDOW = "bbcs_window"
    PHONE = "phone"
    HOTLINE_12345 = "hotline_12345"
    BOX = "box"
    ONLINE = "online"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS = {
    Channel.WINDOW: "窗口",
    Channel.BBCS_WINDOW: "办不成事窗口",
    Channel.PHONE: "电话",
    Channel.HOTLINE_12345: "12345 转办",
    Channel.BOX: "意见箱",
    Channel.ONLINE: "二维码/线上",
}


class BbcsKind(StrEnum):
    """办不成事: what kind of thing could not be done."""

    NOT_ACCEPTED = "not_accepted"
    MANY_TRIPS = "many_trips"
    CONDUCT = "conduct"
    POLICY = "policy"
    OTHER = "other"

    @property
    def label(self) -> str:
        return BBCS_LABELS[self]


BBCS_LABELS = {
    BbcsKind.NOT_ACCEPTED: "符合条件未受理或未办结",
    BbcsKind.MANY_TRIPS: "多次往返未办成",
    BbcsKind.CONDUCT: "工作人员作风",
    BbcsKind.POLICY: "政策原因",
    BbcsKind.OTHER: "其他",
}


class Tier(StrEnum):
    ON_THE_SPOT = "on_the_spot"
    COMPLEX = "complex"
    SPECIAL = "special"
    ESCALATED = "escalated"

    @property
    def label(self) -> str:
        return TIER_LABELS[self]

    @property
    def working_days(self) -> int | None:
        """The period in working days after the receipt day; None: no deadline of the hall's."""
        return TIER_DAYS[self]


TIER_LABELS = {
    Tier.ON_THE_SPOT: "当场解决",
    Tier.COMPLEX: "复杂问题（5 个工作日）",
    Tier.SPECIAL: "特殊问题（10 个工作日）",
    Tier.ESCALATED: "提级（营商环境办）",
}
TIER_DAYS: dict[Tier, int | None] = {
    Tier.ON_THE_SPOT: 0,  # the receipt day itself
    Tier.COMPLEX: 5,
    Tier.SPECIAL: 10,
    Tier.ESCALATED: None,  # the business-environment office sets and follows its own period
}


class Source(StrEnum):
    DESK = "desk"  # reported at a window, by phone, 12345, the box or online
    RATING = "rating"  # a 差评's 整改 (built on this machinery later)


class DispatchTo(StrEnum):
    WINDOW = "window"
    DEPARTMENT = "department"
    PERSON = "person"

    @property
    def label(self) -> str:
        return {"window": "窗口", "department": "部门后台", "person": "人员"}[self.value]


class ExcludedMatter(StrEnum):
    """涉法涉诉涉访: handled by their own procedures, not by the 办不成事 ledger."""

    LITIGATION = "litigation"
    REVIEW = "review"
    PETITION = "petition"

    @property
    def label(self) -> str:
        return {"litigation": "涉诉", "review": "涉法（行政复议）", "petition": "涉访"}[self.value]


class Callback(StrEnum):
    """回访: what a real-name reporter said of the result."""

    SATISFIED = "satisfied"
    BASICALLY = "basically"
    UNSATISFIED = "unsatisfied"

    @property
    def label(self) -> str:
        return {"satisfied": "满意", "basically": "基本满意", "unsatisfied": "不满意"}[self.value]


class Finding(StrEnum):
    """核查结论 of a complaint at 结果核查: whether what was complained of was so."""

    SUBSTANTIATED = "substantiated"
    PARTLY = "partly"
    UNFOUNDED = "unfounded"

    @property
    def label(self) -> str:
        return FINDING_LABELS[self]

    @property
    def counts_against(self) -> bool:
        """属实 and 部分属实 count against the staff member named; 不属实 does not."""
        return self is not Finding.UNFOUNDED


FINDING_LABELS = {
    Finding.SUBSTANTIATED: "属实",
    Finding.PARTLY: "部分属实",
    Finding.UNFOUNDED: "不属实",
}
# A complaint checked before findings were recorded carries none: it counts as 属实, and says so.
NO_FINDING_TEXT = "未记核查结论，按属实计"


def finding_shown(ticket_class: str, source: str, finding: str, checked: bool) -> str:
    """The finding as lists, ledgers and papers show it: its label; for a complaint checked
    before findings were recorded, how it is counted; "" when none is needed or not yet."""
    if finding:
        return Finding(finding).label
    if checked and needs_finding(TicketClass(ticket_class), Source(source)):
        return NO_FINDING_TEXT
    return ""


def needs_finding(ticket_class: TicketClass, source: Source) -> bool:
    """A complaint from the desk needs a finding at 结果核查. A 差评's 整改 ticket does not: the
    rating itself is the evidence, and its appeal and 复核 decide whether it stands."""
    return ticket_class is TicketClass.COMPLAINT and source is Source.DESK


class AnswerMethod(StrEnum):
    PHONE = "phone"
    IN_PERSON = "in_person"
    WRITTEN = "written"
    SMS = "sms"
    PLATFORM = "platform"  # back through the 12345 platform

    @property
    def label(self) -> str:
        return {
            "phone": "电话",
            "in_person": "当面",
            "written": "书面",
            "sms": "短信",
            "platform": "12345 平台回复",
        }[self.value]


class TicketState(StrEnum):
    REGISTERED = "registered"
    ANALYSED = "analysed"
    DISPATCHED = "dispatched"
    HANDLING = "handling"
    PAUSED = "paused"
    ANSWERED = "answered"
    CHECKED = "checked"
    ARCHIVED = "archived"
    EXCLUDED = "excluded"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]

    @property
    def is_closed(self) -> bool:
        return self in (TicketState.ARCHIVED, TicketState.EXCLUDED)


STATE_LABELS = {
    TicketState.REGISTERED: "已登记",
    TicketState.ANALYSED: "已分析原因",
    TicketState.DISPATCHED: "已派发",
    TicketState.HANDLING: "办理中",
    TicketState.PAUSED: "暂停（等待反映人）",
    TicketState.ANSWERED: "已答复，待核查",
    TicketState.CHECKED: "已核查",
    TicketState.ARCHIVED: "已归档",
    TicketState.EXCLUDED: "不予受理",
}

# The clock runs in these states (before the answer, not paused).
CLOCK_STATES = frozenset(
    {
        TicketState.REGISTERED,
        TicketState.ANALYSED,
        TicketState.DISPATCHED,
        TicketState.HANDLING,
    }
)
OPEN_STATES = frozenset(s for s in TicketState if not s.is_closed)


class Step(StrEnum):
    """Each step is one event kind (`ticket.<value>`)."""

    REGISTER = "registered"
    ANALYSE = "analysed"
    DISPATCH = "dispatched"
    PROGRESS = "progressed"
    PAUSE = "paused"
    RESUME = "resumed"
    ANSWER = "answered"
    CHECK = "checked"
    CHECK_FAILED = "check_failed"
    SUPERVISE = "supervised"
    ARCHIVE = "archived"
    EXCLUDE = "excluded"
    EXTEND = "extended"
    REOPEN = "reopened"

    @property
    def label(self) -> str:
        return STEP_LABELS[self]

    @property
    def kind(self) -> str:
        return f"ticket.{self.value}"


STEP_LABELS = {
    Step.REGISTER: "登记",
    Step.ANALYSE: "分析原因",
    Step.DISPATCH: "派发工单",
    Step.PROGRESS: "办理进展",
    Step.PAUSE: "暂停（等待反映人）",
    Step.RESUME: "恢复办理",
    Step.ANSWER: "答复",
    Step.CHECK: "结果核查",
    Step.CHECK_FAILED: "核查不通过（退回办理）",
    Step.SUPERVISE: "监督检查",
    Step.ARCHIVE: "归档",
    Step.EXCLUDE: "不予受理",
    Step.EXTEND: "延期",
    Step.REOPEN: "重开",
}

_S = TicketState
# (state, step) → state after it. Written out by hand: a reader sees every allowed move here.
TRANSITIONS: dict[tuple[TicketState, Step], TicketState] = {
    (_S.REGISTERED, Step.ANALYSE): _S.ANALYSED,
    (_S.REGISTERED, Step.EXCLUDE): _S.EXCLUDED,
    (_S.REGISTERED, Step.EXTEND): _S.REGISTERED,
    (_S.ANALYSED, Step.DISPATCH): _S.DISPATCHED,
    (_S.ANALYSED, Step.EXCLUDE): _S.EXCLUDED,
    (_S.ANALYSED, Step.EXTEND): _S.ANALYSED,
    (_S.DISPATCHED, Step.PROGRESS): _S.HANDLING,
    (_S.DISPATCHED, Step.PAUSE): _S.PAUSED,
    (_S.DISPATCHED, Step.ANSWER): _S.ANSWERED,
    (_S.DISPATCHED, Step.EXTEND): _S.DISPATCHED,
    (_S.DISPATCHED, Step.DISPATCH): _S.DISPATCHED,  # sent on to someone else
    (_S.HANDLING, Step.PROGRESS): _S.HANDLING,
    (_S.HANDLING, Step.PAUSE): _S.PAUSED,
    (_S.HANDLING, Step.ANSWER): _S.ANSWERED,
    (_S.HANDLING, Step.EXTEND): _S.HANDLING,
    (_S.HANDLING, Step.DISPATCH): _S.DISPATCHED,
    (_S.PAUSED, Step.PROGRESS): _S.PAUSED,  # a note while waiting keeps the clock stopped
    (_S.PAUSED, Step.RESUME): _S.HANDLING,
    (_S.ANSWERED, Step.CHECK): _S.CHECKED,
    # Not put right: the answer is set aside and the work goes on against the same deadline.
    (_S.ANSWERED, Step.CHECK_FAILED): _S.HANDLING,
    # 监督检查: the lead's look at a checked ticket before it is filed (optional, may repeat).
    (_S.CHECKED, Step.SUPERVISE): _S.CHECKED,
    (_S.CHECKED, Step.ARCHIVE): _S.ARCHIVED,
    (_S.ARCHIVED, Step.REOPEN): _S.HANDLING,
}
# 表扬 asks nothing of anyone: it is registered, counted for the staff member named, and filed.
PRAISE_TRANSITIONS: dict[tuple[TicketState, Step], TicketState] = {
    (_S.REGISTERED, Step.ARCHIVE): _S.ARCHIVED,
}

# Steps that decide about the ticket rather than work on it: the team lead's (Permission.TICKETS).
LEAD_STEPS = frozenset(
    {
        Step.EXCLUDE,
        Step.EXTEND,
        Step.CHECK,
        Step.CHECK_FAILED,
        Step.SUPERVISE,
        Step.ARCHIVE,
        Step.REOPEN,
    }
)


def next_state(state: TicketState, step: Step, ticket_class: TicketClass) -> TicketState | None:
    """The state after `step`, or None when the step is not allowed from `state`."""
    if ticket_class is TicketClass.PRAISE:
        return PRAISE_TRANSITIONS.get((state, step))
    return TRANSITIONS.get((state, step))


def allowed_steps(state: TicketState, ticket_class: TicketClass) -> list[Step]:
    table = PRAISE_TRANSITIONS if ticket_class is TicketClass.PRAISE else TRANSITIONS
    return [step for (s, step) in table if s is state]


def has_deadline(ticket_class: TicketClass, tier: Tier) -> bool:
    return ticket_class is not TicketClass.PRAISE and tier.working_days is not None


def clock_counts(state: TicketState, due_date: date | None) -> bool:
    """Whether the ticket's clock runs (the SQL twin: store/queries/tickets.clock_running)."""
    return state in CLOCK_STATES and due_date is not None


@dataclass(frozen=True)
class TicketUrgency:
    flag: DeadlineFlag
    remaining_working_days: int | None
    text: str  # always words, never colour alone
    order: int  # sort key: most urgent first


def urgency(
    state: TicketState,
    due_date: date | None,
    today: date,
    remaining_working_days: int | None,
    *,
    overdue_ever: bool = False,
    tier: Tier | None = None,
) -> TicketUrgency:
    """The mark a list shows; `remaining_working_days`: working days in (today, due_date]."""
    late = "（曾超期）" if overdue_ever else ""
    if state.is_closed:
        return TicketUrgency(DeadlineFlag.DONE, None, state.label + late, 7)
    if state in (TicketState.ANSWERED, TicketState.CHECKED):
        return TicketUrgency(DeadlineFlag.DONE, None, state.label + late, 4)
    if state is TicketState.PAUSED:
        return TicketUrgency(DeadlineFlag.PAUSED, None, "计时暂停（等待反映人）" + late, 5)
    if due_date is None:
        text = "已提级，由营商环境办督办" if tier is Tier.ESCALATED else "无办理期限"
        return TicketUrgency(DeadlineFlag.NONE, None, text, 6)
    assert remaining_working_days is not None, "a running clock needs the remaining days"
    remaining = remaining_working_days
    if due_date < today:
        text = deadline_text(remaining) if remaining < 0 else f"已超期（{due_date} 到期）"
        return TicketUrgency(DeadlineFlag.OVERDUE, remaining, text, 0)
    if remaining <= TICKET_NEAR_DAYS:
        text = "今日到期" if remaining == 0 else f"临近期限：剩余 {remaining} 个工作日"
        return TicketUrgency(DeadlineFlag.NEAR, remaining, text + late, 1)
    return TicketUrgency(DeadlineFlag.OK, remaining, f"剩余 {remaining} 个工作日" + late, 2)


def is_late(due_date: date | None, on: date) -> bool:
    """A step taken (or an answer given) on `on`, with the clock running, is late after due."""
    return due_date is not None and on > due_date
