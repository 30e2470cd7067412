"""Tests for the case lifecycle state machine: labels, paths, refusals, and random walks."""

from __future__ import annotations

from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hall_desk.domain.errors import HallDeskError, TransitionError
from hall_desk.domain.lifecycle import (
    CLOCK_STATES,
    FINAL_STATES,
    STATE_LABELS,
    TRANSITIONS,
    CaseEvent,
    CaseState,
    allowed_events,
    apply,
    can_apply,
    event_for_kind,
    state_label,
)

S = CaseState
E = CaseEvent

ALL_STATES: list[CaseState | None] = [None, *CaseState]
IN_PROCESS = [
    S.ACCEPTED,
    S.ACCEPTED_DEFERRED,
    S.AWAITING_SUPPLEMENT,
    S.PREREVIEW,
    S.ROUTING,
    S.UNDER_REVIEW,
]


def walk(state: CaseState | None, *events: CaseEvent) -> list[CaseState]:
    """Apply `events` in turn; the states visited after each one."""
    visited = []
    for event in events:
        state = apply(state, event)
        visited.append(state)
    return visited


# --- states and labels -----------------------------------------------------------------------


REQUIRED_LABELS = [
    "咨询",
    "已受理",
    "容缺受理",
    "待补正",
    "不予受理",
    "预审",
    "流转中",
    "审批中",
    "已办结",
    "不予许可",
    "待出件",
    "已出件",
    "已撤回",
]


@pytest.mark.parametrize("state", list(CaseState))
def test_every_state_has_a_chinese_label(state: CaseState) -> None:
    label = state.label
    assert label
    assert label == STATE_LABELS[state]
    assert state_label(state) == label
    assert all("\u4e00" <= ch <= "\u9fff" for ch in label), label


def test_state_labels_are_distinct() -> None:
    labels = [s.label for s in CaseState]
    assert len(set(labels)) == len(labels)


def test_required_states_exist() -> None:
    labels = {s.label for s in CaseState}
    missing = [label for label in REQUIRED_LABELS if label not in labels]
    assert missing == []
    assert len(CaseState) == len(REQUIRED_LABELS)


def test_no_state_yet_has_its_own_label() -> None:
    assert state_label(None) == "未受理"
    assert state_label(None) not in STATE_LABELS.values()


@pytest.mark.parametrize("event", list(CaseEvent))
def test_every_event_has_a_transition_and_a_chinese_label(event: CaseEvent) -> None:
    transition = TRANSITIONS[event]
    assert transition.name == event
    assert event.transition is transition
    assert event.label == transition.label
    assert event.label
    assert all("\u4e00" <= ch <= "\u9fff" for ch in event.label), event.label
    assert transition.sources, f"{event} can never happen"
    assert transition.target is not None


def test_transition_table_covers_exactly_the_events() -> None:
    assert set(TRANSITIONS) == set(CaseEvent)


# --- event kinds -----------------------------------------------------------------------------


def test_event_values_are_unique() -> None:
    values = [e.value for e in CaseEvent]
    assert len(set(values)) == len(values)
    assert all(v.startswith("case.") for v in values)


@pytest.mark.parametrize("event", list(CaseEvent))
def test_event_for_kind_round_trips(event: CaseEvent) -> None:
    found = event_for_kind(event.value)
    assert found is event
    assert event_for_kind(str(event)) is event


@pytest.mark.parametrize("kind", ["", "case.unknown", "accepted", "CASE.ACCEPTED", "ticket.opened"])
def test_event_for_unknown_kind_is_none(kind: str) -> None:
    assert event_for_kind(kind) is None


# --- the main paths --------------------------------------------------------------------------


def test_full_promised_path() -> None:
    visited = walk(
        None,
        E.ACCEPT,
        E.START_PREREVIEW,
        E.PASS_PREREVIEW,
        E.DISPATCH,
        E.APPROVE,
        E.SEND_TO_DELIVERY,
        E.DELIVER,
    )
    assert visited == [
        S.ACCEPTED,
        S.PREREVIEW,
        S.ROUTING,
        S.UNDER_REVIEW,
        S.CONCLUDED,
        S.READY_FOR_DELIVERY,
        S.DELIVERED,
    ]
    assert visited[-1].is_final


def test_consultation_then_accept() -> None:
    assert walk(None, E.OPEN_CONSULTATION, E.ACCEPT) == [S.CONSULTING, S.ACCEPTED]


def test_consultation_can_only_be_opened_once() -> None:
    with pytest.raises(TransitionError):
        apply(S.CONSULTING, E.OPEN_CONSULTATION)


def test_supplement_round() -> None:
    visited = walk(
        None,
        E.REQUEST_SUPPLEMENT,
        E.RECEIVE_SUPPLEMENT,
        E.START_PREREVIEW,
        E.PASS_PREREVIEW,
    )
    assert visited == [S.AWAITING_SUPPLEMENT, S.ACCEPTED, S.PREREVIEW, S.ROUTING]


def test_supplement_never_arrives_then_refused() -> None:
    assert walk(S.CONSULTING, E.REQUEST_SUPPLEMENT, E.REFUSE) == [
        S.AWAITING_SUPPLEMENT,
        S.REFUSED,
    ]


def test_deferred_round() -> None:
    assert walk(None, E.ACCEPT_DEFERRED, E.RECEIVE_DEFERRED, E.START_PREREVIEW) == [
        S.ACCEPTED_DEFERRED,
        S.ACCEPTED,
        S.PREREVIEW,
    ]


def test_deferred_case_may_be_prereviewed_before_the_materials_arrive() -> None:
    assert apply(S.ACCEPTED_DEFERRED, E.START_PREREVIEW) is S.PREREVIEW


def test_deferred_materials_only_for_a_deferred_case() -> None:
    for state in ALL_STATES:
        if state is S.ACCEPTED_DEFERRED:
            continue
        with pytest.raises(TransitionError):
            apply(state, E.RECEIVE_DEFERRED)


def test_prereview_return_then_supplement_and_prereview_again() -> None:
    visited = walk(
        None,
        E.ACCEPT,
        E.START_PREREVIEW,
        E.RETURN_FOR_SUPPLEMENT,
        E.RECEIVE_SUPPLEMENT,
        E.START_PREREVIEW,
        E.PASS_PREREVIEW,
    )
    assert visited == [
        S.ACCEPTED,
        S.PREREVIEW,
        S.AWAITING_SUPPLEMENT,
        S.ACCEPTED,
        S.PREREVIEW,
        S.ROUTING,
    ]


def test_deny_path() -> None:
    visited = walk(
        None,
        E.ACCEPT,
        E.START_PREREVIEW,
        E.PASS_PREREVIEW,
        E.DISPATCH,
        E.DENY,
        E.SEND_TO_DELIVERY,
        E.DELIVER,
    )
    assert visited[-4:] == [S.UNDER_REVIEW, S.DENIED, S.READY_FOR_DELIVERY, S.DELIVERED]


@pytest.mark.parametrize("start", [None, S.CONSULTING])
def test_immediate_completion(start: CaseState | None) -> None:
    assert walk(start, E.COMPLETE_AT_WINDOW, E.DELIVER) == [S.READY_FOR_DELIVERY, S.DELIVERED]


@pytest.mark.parametrize("start", [None, S.CONSULTING])
def test_refuse_at_the_window(start: CaseState | None) -> None:
    assert apply(start, E.REFUSE) is S.REFUSED
    assert allowed_events(S.REFUSED) == []


@pytest.mark.parametrize("state", IN_PROCESS)
def test_withdrawal_from_each_in_process_state(state: CaseState) -> None:
    assert can_apply(state, E.WITHDRAW)
    assert E.WITHDRAW in allowed_events(state)
    assert apply(state, E.WITHDRAW) is S.WITHDRAWN


@pytest.mark.parametrize(
    "state",
    [None, S.CONSULTING, S.CONCLUDED, S.DENIED, S.READY_FOR_DELIVERY, *FINAL_STATES],
)
def test_no_withdrawal_outside_the_process(state: CaseState | None) -> None:
    assert not can_apply(state, E.WITHDRAW)
    with pytest.raises(TransitionError):
        apply(state, E.WITHDRAW)


def test_results_cannot_be_approved_twice_or_delivered_before_sent() -> None:
    with pytest.raises(TransitionError):
        apply(S.CONCLUDED, E.APPROVE)
    with pytest.raises(TransitionError):
        apply(S.CONCLUDED, E.DELIVER)
    with pytest.raises(TransitionError):
        apply(S.UNDER_REVIEW, E.DELIVER)


# --- the whole table: every state × every event ----------------------------------------------


@pytest.mark.parametrize("state", ALL_STATES)
@pytest.mark.parametrize("event", list(CaseEvent))
def test_apply_matches_the_table(state: CaseState | None, event: CaseEvent) -> None:
    transition = TRANSITIONS[event]
    allowed = state in transition.sources
    assert can_apply(state, event) is allowed
    assert (event in allowed_events(state)) is allowed
    if allowed:
        assert apply(state, event) is transition.target
        return
    with pytest.raises(TransitionError) as info:
        apply(state, event)
    error = info.value
    assert isinstance(error, HallDeskError)
    assert error.state_label == state_label(state)
    assert error.event_label == transition.label
    message = str(error)
    assert error.message == message
    assert f"「{state_label(state)}」" in message
    assert f"「{transition.label}」" in message


def test_refusal_message_reads_naturally() -> None:
    with pytest.raises(TransitionError) as info:
        apply(S.DELIVERED, E.APPROVE)
    message = str(info.value)
    assert message.startswith("办件当前状态为「已出件」，不能执行「审批办结」")
    assert "审批中" in message  # the state it would have needed


def test_refusal_for_a_case_without_state() -> None:
    with pytest.raises(TransitionError) as info:
        apply(None, E.DELIVER)
    assert "「未受理」" in str(info.value)
    assert "「出件」" in str(info.value)


def test_allowed_events_are_in_declaration_order() -> None:
    order = list(CaseEvent)
    for state in ALL_STATES:
        events = allowed_events(state)
        assert events == sorted(events, key=order.index)


def test_final_states_allow_nothing_but_a_returned_mailing() -> None:
    assert {S.REFUSED, S.DELIVERED, S.WITHDRAWN} == set(FINAL_STATES)
    assert allowed_events(S.REFUSED) == []
    assert allowed_events(S.WITHDRAWN) == []
    assert allowed_events(S.DELIVERED) == [E.MAIL_RETURNED]
    assert apply(S.DELIVERED, E.MAIL_RETURNED) is S.READY_FOR_DELIVERY


@pytest.mark.parametrize(
    "state", [None, S.ACCEPTED, S.UNDER_REVIEW, S.CONCLUDED, S.READY_FOR_DELIVERY, S.REFUSED]
)
def test_a_mailing_returns_only_from_a_delivered_case(state: CaseState | None) -> None:
    with pytest.raises(TransitionError, match="不能执行「邮件退回」（仅限状态：已出件）"):
        apply(state, E.MAIL_RETURNED)


def test_dead_ends_are_refused_and_withdrawn() -> None:
    assert {s for s in CaseState if not allowed_events(s)} == {S.REFUSED, S.WITHDRAWN}


# --- the 限时办结 clock ------------------------------------------------------------------------


def test_clock_states_are_the_in_process_states_except_supplement() -> None:
    assert set(CLOCK_STATES) == {
        S.ACCEPTED,
        S.ACCEPTED_DEFERRED,
        S.PREREVIEW,
        S.ROUTING,
        S.UNDER_REVIEW,
    }


@pytest.mark.parametrize("state", list(CaseState))
def test_clock_running_exactly_in_clock_states(state: CaseState) -> None:
    assert state.clock_running is (state in CLOCK_STATES)


def test_clock_stops_for_supplement_and_results() -> None:
    for state in (
        S.CONSULTING,
        S.AWAITING_SUPPLEMENT,
        S.CONCLUDED,
        S.DENIED,
        S.READY_FOR_DELIVERY,
        *FINAL_STATES,
    ):
        assert not state.clock_running, state
    assert not any(s.is_final for s in CLOCK_STATES)


# --- random walks ----------------------------------------------------------------------------


def _reachable(start: CaseState | None) -> set[CaseState | None]:
    seen: set[CaseState | None] = {start}
    queue: deque[CaseState | None] = deque([start])
    while queue:
        state = queue.popleft()
        for event in allowed_events(state):
            target = apply(state, event)
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def test_every_state_is_reachable_from_a_new_case() -> None:
    assert _reachable(None) == {None, *CaseState}


@pytest.mark.parametrize("state", list(CaseState))
def test_a_final_state_is_reachable_from_every_state(state: CaseState) -> None:
    assert _reachable(state) & set(FINAL_STATES)


@settings(deadline=None, database=None)
@given(choices=st.lists(st.integers(min_value=0, max_value=1_000), max_size=60))
def test_random_walks_never_fail(choices: list[int]) -> None:
    state: CaseState | None = None
    for choice in choices:
        events = allowed_events(state)
        if not events:
            assert state is not None and state.is_final
            break
        event = events[choice % len(events)]
        assert can_apply(state, event)
        new_state = apply(state, event)
        assert new_state is TRANSITIONS[event].target
        state = new_state
    # Wherever the walk stopped, the case can still be brought to an end.
    assert _reachable(state) & set(FINAL_STATES)


@settings(deadline=None, database=None)
@given(st.data())
def test_random_walks_reach_an_end_when_they_keep_going(data: st.DataObject) -> None:
    state: CaseState | None = None
    for _ in range(200):
        events = allowed_events(state)
        if not events:
            break
        event = data.draw(st.sampled_from(events))
        state = apply(state, event)
    else:
        # Loops are possible (补正 → 受理 → 预审 → 退回 …), but an exit always exists.
        assert _reachable(state) & set(FINAL_STATES)
        return
    assert state in FINAL_STATES
