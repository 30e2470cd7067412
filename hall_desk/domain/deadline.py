"""限时办结 status, defined once: overdue, near the deadline, paused, on time, done.

The dashboard, the daily summary, the routing board and the case view all classify a case
with `classify`; bulk queries use the SQL twin in `hall_desk.store.queries.deadline`, and a
property test keeps the two in agreement.

The rule:

- a case with a result (已办结 / 不予许可 / 待出件) is done; one without a due date has no clock;
- 补正 (待补正) stops the clock;
- a special procedure (听证/检验/鉴定…) stops it only if it began before the due date: paused
  days are (start, end], so a pause from the due day on leaves the due day itself used up, and
  a case that was already late when the pause began stays late;
- a running clock is overdue once the due date is past (a due day over a weekend counts too:
  no working day was lost, but the result is late), near the deadline when at most
  NEAR_DEADLINE_DAYS working days remain, else on time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from hall_desk.domain.lifecycle import CLOCK_STATES, CaseState

NEAR_DEADLINE_DAYS = 3

RESULT_STATES = frozenset({CaseState.CONCLUDED, CaseState.DENIED, CaseState.READY_FOR_DELIVERY})


class DeadlineFlag(StrEnum):
    OVERDUE = "overdue"
    NEAR = "near"
    OK = "ok"
    PAUSED = "paused"
    DONE = "done"
    NONE = "none"

    @property
    def label(self) -> str:
        return FLAG_LABELS[self]


FLAG_LABELS = {
    DeadlineFlag.OVERDUE: "已超期",
    DeadlineFlag.NEAR: "临近期限",
    DeadlineFlag.OK: "正常",
    DeadlineFlag.PAUSED: "计时暂停",
    DeadlineFlag.DONE: "已办结",
    DeadlineFlag.NONE: "未起算",
}

# Most urgent first: the order of the board and of the deadline lists.
FLAG_ORDER = {
    DeadlineFlag.OVERDUE: 0,
    DeadlineFlag.NEAR: 1,
    DeadlineFlag.OK: 2,
    DeadlineFlag.PAUSED: 3,
    DeadlineFlag.NONE: 4,
    DeadlineFlag.DONE: 5,
}


@dataclass(frozen=True)
class DeadlineStatus:
    flag: DeadlineFlag
    remaining_working_days: int | None  # negative when overdue; None unless the clock runs
    text: str  # always words, never colour alone


def clock_counts(state: CaseState, due_date: date | None, paused_since: date | None) -> bool:
    """Whether the clock runs for the deadline figures (the SQL twin: `clock_running`)."""
    if state not in CLOCK_STATES or due_date is None:
        return False
    return paused_since is None or paused_since >= due_date


def is_overdue(
    state: CaseState, due_date: date | None, paused_since: date | None, today: date
) -> bool:
    return clock_counts(state, due_date, paused_since) and due_date is not None and due_date < today


def is_near_deadline(
    state: CaseState,
    due_date: date | None,
    paused_since: date | None,
    today: date,
    remaining_working_days: int,
) -> bool:
    """`remaining_working_days`: the working days in (today, due_date]."""
    return (
        clock_counts(state, due_date, paused_since)
        and due_date is not None
        and due_date >= today
        and remaining_working_days <= NEAR_DEADLINE_DAYS
    )


def deadline_text(remaining: int | None, estimated: bool = False) -> str:
    """Words, not only colour: 已超期 / 临近期限 / 剩余 N 个工作日."""
    if remaining is None:
        return ""
    suffix = "（估算）" if estimated else ""
    if remaining < 0:
        return f"已超期 {-remaining} 个工作日{suffix}"
    if remaining == 0:
        return f"今日到期{suffix}"
    if remaining <= NEAR_DEADLINE_DAYS:
        return f"临近期限：剩余 {remaining} 个工作日{suffix}"
    return f"剩余 {remaining} 个工作日{suffix}"


def classify(
    state: CaseState,
    due_date: date | None,
    paused_since: date | None,
    today: date,
    remaining_working_days: int | None,
    *,
    estimated: bool = False,
) -> DeadlineStatus:
    """The case's deadline status on `today`; `remaining_working_days` is the working days in
    (today, due_date] (negative when the due date is past), needed only when the clock runs."""
    if state in RESULT_STATES:
        return DeadlineStatus(
            DeadlineFlag.DONE, None, "不予许可" if state == CaseState.DENIED else "已办结"
        )
    if state.is_final:
        return DeadlineStatus(DeadlineFlag.DONE, None, state.label)
    if due_date is None:
        text = "补正中，尚未起算" if paused_since is not None else "未起算"
        return DeadlineStatus(DeadlineFlag.NONE, None, text)
    if not clock_counts(state, due_date, paused_since):
        since = f"（自 {paused_since.isoformat()}）" if paused_since is not None else ""
        return DeadlineStatus(DeadlineFlag.PAUSED, None, f"计时暂停{since}")
    assert remaining_working_days is not None, "a running clock needs the remaining days"
    remaining = remaining_working_days
    text = deadline_text(remaining, estimated)
    if due_date < today:
        if remaining >= 0:
            # Past the due day over a weekend or holiday: no working day lost yet, but late.
            text = f"已超期（{due_date.isoformat()} 到期）"
        return DeadlineStatus(DeadlineFlag.OVERDUE, remaining, text)
    if remaining <= NEAR_DEADLINE_DAYS:
        return DeadlineStatus(DeadlineFlag.NEAR, remaining, text)
    return DeadlineStatus(DeadlineFlag.OK, remaining, text)
