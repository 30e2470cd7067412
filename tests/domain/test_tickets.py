"""The ticket's steps, written out by hand: every (state, step) pair is allowed or refused here."""

from __future__ import annotations

from datetime import date

import pytest

from hall_desk.domain.deadline import DeadlineFlag
from hall_desk.domain.tickets import (
    Step,
    TicketClass,
    TicketState,
    Tier,
    next_state,
    urgency,
)

S = TicketState
# state → {step: state after}; every pair not listed is refused.
EXPECTED: dict[str, dict[str, str]] = {
    "registered": {"analysed": "analysed", "excluded": "excluded", "extended": "registered"},
    "analysed": {"dispatched": "dispatched", "excluded": "excluded", "extended": "analysed"},
    "dispatched": {
        "progressed": "handling",
        "paused": "paused",
        "answered": "answered",
        "extended": "dispatched",
        "dispatched": "dispatched",
    },
    "handling": {
        "progressed": "handling",
        "paused": "paused",
        "answered": "answered",
        "extended": "handling",
        "dispatched": "dispatched",
    },
    "paused": {"progressed": "paused", "resumed": "handling"},
    "answered": {"checked": "checked", "check_failed": "handling"},
    "checked": {"archived": "archived", "supervised": "checked"},
    "archived": {"reopened": "handling"},
    "excluded": {},
}


@pytest.mark.parametrize("state", list(TicketState))
@pytest.mark.parametrize("step", list(Step))
def test_every_pair_of_state_and_step(state, step):
    for cls in (TicketClass.COMPLAINT, TicketClass.SUGGESTION, TicketClass.CONSULTATION):
        wanted = EXPECTED[state.value].get(step.value)
        got = next_state(state, step, cls)
        assert (got.value if got else None) == wanted, (state, step, cls)


def test_praise_is_registered_and_filed_and_nothing_else():
    for state in TicketState:
        for step in Step:
            got = next_state(state, step, TicketClass.PRAISE)
            if (state, step) == (S.REGISTERED, Step.ARCHIVE):
                assert got is S.ARCHIVED
            else:
                assert got is None, (state, step)


def test_tiers_say_their_working_days():
    assert [t.working_days for t in Tier] == [0, 5, 10, None]
    assert [t.label for t in Tier] == [
        "当场解决",
        "复杂问题（5 个工作日）",
        "特殊问题（10 个工作日）",
        "提级（营商环境办）",
    ]


TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("state", "due", "remaining", "ever", "flag", "text"),
    [
        (S.HANDLING, date(2026, 11, 20), -2, False, DeadlineFlag.OVERDUE, "已超期 2 个工作日"),
        (S.HANDLING, TODAY, 0, False, DeadlineFlag.NEAR, "今日到期"),
        (
            S.DISPATCHED,
            date(2026, 11, 25),
            1,
            False,
            DeadlineFlag.NEAR,
            "临近期限：剩余 1 个工作日",
        ),
        (S.ANALYSED, date(2026, 12, 1), 5, False, DeadlineFlag.OK, "剩余 5 个工作日"),
        (S.PAUSED, date(2026, 11, 20), -2, False, DeadlineFlag.PAUSED, "计时暂停（等待反映人）"),
        (S.ANSWERED, date(2026, 11, 20), -2, True, DeadlineFlag.DONE, "已答复，待核查（曾超期）"),
        (S.ARCHIVED, date(2026, 11, 20), -2, True, DeadlineFlag.DONE, "已归档（曾超期）"),
        (S.HANDLING, date(2026, 12, 1), 5, True, DeadlineFlag.OK, "剩余 5 个工作日（曾超期）"),
    ],
)
def test_the_mark_is_in_words(state, due, remaining, ever, flag, text):
    mark = urgency(state, due, TODAY, remaining, overdue_ever=ever)
    assert (mark.flag, mark.text) == (flag, text)


def test_no_deadline_marks():
    assert urgency(S.REGISTERED, None, TODAY, None, tier=Tier.ESCALATED).text == (
        "已提级，由营商环境办督办"
    )
    assert urgency(S.REGISTERED, None, TODAY, None, tier=Tier.COMPLEX).text == "无办理期限"


def test_urgency_orders_overdue_first():
    marks = [
        urgency(S.ARCHIVED, None, TODAY, None),
        urgency(S.HANDLING, date(2026, 12, 1), TODAY, 5),
        urgency(S.HANDLING, TODAY, TODAY, 0),
        urgency(S.HANDLING, date(2026, 11, 20), TODAY, -2),
    ]
    assert [m.flag for m in sorted(marks, key=lambda m: m.order)] == [
        DeadlineFlag.OVERDUE,
        DeadlineFlag.NEAR,
        DeadlineFlag.OK,
        DeadlineFlag.DONE,
    ]
