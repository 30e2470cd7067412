"""The queue's pure rules: states, the calling rule, recall limit, figures, the spoken text."""

from __future__ import annotations

from datetime import datetime

import pytest

from hall_desk.domain.assistance import AssistanceFlag
from hall_desk.domain.errors import ValidationError, ValidationErrors
from hall_desk.domain.queue import (
    DEFAULT_SETTINGS,
    Candidate,
    Priority,
    QueueAction,
    QueueSettings,
    QueueSpec,
    TicketState,
    after,
    announcement,
    call_order,
    choose,
    estimate_wait_s,
    mean,
    minutes_text,
    p90,
    priority_for,
    recall_outcome,
    seconds_between,
    window_from_code,
)

G, N = Priority.GREEN, Priority.NORMAL


def ticket(n: int, priority: Priority, queue: str = "A", at: int | None = None) -> Candidate:
    return Candidate(
        f"id{queue}{n}", queue, f"{queue}{n:03d}", priority, at if at is not None else n
    )


def test_green_two_per_normal_while_both_wait() -> None:
    tickets = [ticket(i, G) for i in range(1, 5)] + [ticket(i, N) for i in range(5, 9)]
    order = [t.priority for t in call_order(tickets, ratio=2)]
    assert order == [G, G, N, G, G, N, N, N]


def test_priority_then_issue_time_and_no_streak_when_no_normal_waits() -> None:
    tickets = [ticket(1, N), ticket(2, G), ticket(3, G), ticket(4, G)]
    labels = [t.label for t in call_order(tickets, ratio=2)]
    assert labels == ["A002", "A003", "A001", "A004"]
    # Only greens waiting: they go one after the other, with no normal owed.
    assert [t.label for t in call_order([ticket(1, G), ticket(2, G), ticket(3, G)])] == [
        "A001",
        "A002",
        "A003",
    ]


def test_a_window_of_two_queues_takes_green_first_then_the_longest_wait() -> None:
    waiting = [ticket(1, N, "A", at=10), ticket(1, N, "B", at=5), ticket(2, G, "B", at=50)]
    first = choose(waiting, {}, 2)
    assert first is not None and first.ticket.label == "B002"
    second = choose([waiting[0], waiting[1]], {"B": first.streak}, 2)
    assert second is not None and second.ticket.label == "B001"  # issued earlier than A001
    assert choose([], {}, 2) is None


def test_ratio_one() -> None:
    tickets = [ticket(i, G) for i in range(1, 4)] + [ticket(i, N) for i in range(4, 7)]
    assert [t.priority for t in call_order(tickets, ratio=1)] == [G, N, G, N, G, N]


def test_recall_limit_three_fourth_recall_is_no_show() -> None:
    outcomes = [recall_outcome(n, 3) for n in range(4)]
    assert outcomes == [QueueAction.RECALL] * 3 + [QueueAction.NO_SHOW]


def test_transitions() -> None:
    assert after("A001", TicketState.WAITING, QueueAction.CALL) is TicketState.CALLED
    assert after("A001", TicketState.PARKED, QueueAction.RESUME) is TicketState.CALLED
    with pytest.raises(ValidationError, match="A001 号当前为「完成」，不能重呼"):
        after("A001", TicketState.DONE, QueueAction.RECALL)


def test_wait_of_65_and_a_half_minutes() -> None:
    issued = datetime(2026, 11, 24, 9, 0, 0)
    called = datetime(2026, 11, 24, 10, 5, 30)
    assert seconds_between(issued, called) == 3930.0
    assert minutes_text(3930.0) == "65.5 分钟"
    assert minutes_text(None) == "—"


def test_mean_and_p90() -> None:
    values = [float(v) for v in range(1, 11)]
    assert mean(values) == 5.5
    assert p90(values) == 9.0
    assert p90([]) is None and mean([]) is None
    assert estimate_wait_s(6, 300, 3) == 600
    assert estimate_wait_s(6, 300, 0) == 1800


def test_announcement_reads_digits_one_by_one() -> None:
    assert announcement("A001", "3") == "请 A 零 零 一 号 到 3 号窗口"
    assert announcement("B120", "12") == "请 B 一 二 零 号 到 12 号窗口"


def test_priority_from_the_assistance_flags() -> None:
    assert priority_for({AssistanceFlag.ELDERLY}) is G
    assert priority_for({AssistanceFlag.PREGNANT}) is G
    assert priority_for({AssistanceFlag.OTHER}) is N
    assert priority_for(set(), needs_help=True) is G
    assert priority_for(set()) is N


def test_settings_round_trip_and_refusals() -> None:
    assert QueueSettings.parse(DEFAULT_SETTINGS.encode()) == DEFAULT_SETTINGS
    spec = QueueSpec("A", "综合受理", quota=200, last=999)
    assert spec.label(7) == "A007"
    assert QueueSpec("A", "x", last=1200).label(7) == "A0007"
    bad = QueueSettings((QueueSpec("AA", "", first=5, last=2, quota=0),), green_ratio=0)
    with pytest.raises(ValidationErrors) as caught:
        bad.check()
    fields = {e.field for e in caught.value.errors}
    assert fields == {"code", "name", "range", "quota", "green_ratio"}
    with pytest.raises(ValidationError):
        QueueSettings.parse("{")


def test_window_number_from_the_workstation_code() -> None:
    assert window_from_code("W03") == "3"
    assert window_from_code("W12") == "12"
    assert window_from_code("KIOSK") == "KIOSK"
