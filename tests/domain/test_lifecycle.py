"""The case lifecycle checked against the hall's own rules, written out here by hand.

Nothing below is computed from `lifecycle.TRANSITIONS` or `STATE_LABELS`: the expected cells are
literals, so a changed source state, target, label or stored event kind fails a test.
"""

from __future__ import annotations

from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hall_desk.domain.errors import HallDeskError, TransitionError
from hall_desk.domain.lifecycle import (
    CaseEvent,
    CaseState,
    allowed_events,
    apply,
    can_apply,
    event_for_kind,
    state_label,
    takes_effect,
)

S = CaseState
E = CaseEvent

# --- the hall's rules, by hand ----------------------------------------------------------------

# What a person at the counter reads for each state (None: nothing decided yet).
LABELS: dict[CaseState | None, str] = {
    None: "未受理",
    S.CONSULTING: "咨询",
    S.ACCEPTED: "已受理",
    S.ACCEPTED_DEFERRED: "容缺受理",
    S.AWAITING_SUPPLEMENT: "待补正",
    S.REFUSED: "不予受理",
    S.PREREVIEW: "预审",
    S.ROUTING: "流转中",
    S.UNDER_REVIEW: "审批中",
    S.CONCLUDED: "已办结",
    S.DENIED: "不予许可",
    S.READY_FOR_DELIVERY: "待出件",
    S.DELIVERED: "已出件",
    S.WITHDRAWN: "已撤回",
}

# Each step: the name on the button and in the timeline, and the kind stored in the event log
# (stored kinds are data: renaming one would orphan every event already written).
STEPS: dict[CaseEvent, tuple[str, str]] = {
    E.OPEN_CONSULTATION: ("登记咨询", "case.consultation_opened"),
    E.ACCEPT: ("受理", "case.accepted"),
    E.ACCEPT_DEFERRED: ("容缺受理", "case.accepted_deferred"),
    E.REQUEST_SUPPLEMENT: ("一次性告知补正", "case.supplement_requested"),
    E.REFUSE: ("不予受理", "case.refused"),
    E.COMPLETE_AT_WINDOW: ("即办办结", "case.completed_at_window"),
    E.RECEIVE_SUPPLEMENT: ("补正材料收齐", "case.supplement_received"),
    E.RECEIVE_DEFERRED: ("容缺材料补齐", "case.deferred_materials_received"),
    E.START_PREREVIEW: ("流转岗预审", "case.prereview_started"),
    E.PASS_PREREVIEW: ("预审通过", "case.prereview_passed"),
    E.RETURN_FOR_SUPPLEMENT: ("预审退回补正", "case.returned_for_supplement"),
    E.DISPATCH: ("移交审批部门", "case.dispatched"),
    E.DEPARTMENT_DECIDED: ("部门审结（联办待续）", "case.department_decided"),
    E.APPROVE: ("审批办结", "case.approved"),
    E.DENY: ("不予许可", "case.denied"),
    E.SEND_TO_DELIVERY: ("送出件窗口", "case.sent_to_delivery"),
    E.DELIVER: ("出件", "case.delivered"),
    E.MAIL_RETURNED: ("邮件退回", "case.mail_returned"),
    E.WITHDRAW: ("申请人撤回", "case.withdrawn"),
}

# Every step the hall allows, (state before, step) → state after. Any pair not listed is refused.
ALLOWED: dict[tuple[CaseState | None, CaseEvent], CaseState] = {
    # At the window: a walk-in (no state) or an open consultation gets one of the decisions.
    (None, E.OPEN_CONSULTATION): S.CONSULTING,
    (None, E.ACCEPT): S.ACCEPTED,
    (S.CONSULTING, E.ACCEPT): S.ACCEPTED,
    (None, E.ACCEPT_DEFERRED): S.ACCEPTED_DEFERRED,
    (S.CONSULTING, E.ACCEPT_DEFERRED): S.ACCEPTED_DEFERRED,
    (None, E.REQUEST_SUPPLEMENT): S.AWAITING_SUPPLEMENT,
    (S.CONSULTING, E.REQUEST_SUPPLEMENT): S.AWAITING_SUPPLEMENT,
    (None, E.REFUSE): S.REFUSED,
    (S.CONSULTING, E.REFUSE): S.REFUSED,
    (S.AWAITING_SUPPLEMENT, E.REFUSE): S.REFUSED,  # the supplement never came
    (None, E.COMPLETE_AT_WINDOW): S.READY_FOR_DELIVERY,  # 即办件
    (S.CONSULTING, E.COMPLETE_AT_WINDOW): S.READY_FOR_DELIVERY,
    # Missing materials arrive.
    (S.AWAITING_SUPPLEMENT, E.RECEIVE_SUPPLEMENT): S.ACCEPTED,
    (S.ACCEPTED_DEFERRED, E.RECEIVE_DEFERRED): S.ACCEPTED,
    # The routing post; a 容缺 folder may be pre-reviewed before its materials arrive.
    (S.ACCEPTED, E.START_PREREVIEW): S.PREREVIEW,
    (S.ACCEPTED_DEFERRED, E.START_PREREVIEW): S.PREREVIEW,
    (S.PREREVIEW, E.PASS_PREREVIEW): S.ROUTING,
    (S.PREREVIEW, E.RETURN_FOR_SUPPLEMENT): S.AWAITING_SUPPLEMENT,
    (S.ROUTING, E.DISPATCH): S.UNDER_REVIEW,
    # The back office decides; either result goes to the 出件 window.
    # 联办: one department of several has decided, the folder goes on to the next.
    (S.UNDER_REVIEW, E.DEPARTMENT_DECIDED): S.ROUTING,
    (S.UNDER_REVIEW, E.APPROVE): S.CONCLUDED,
    (S.UNDER_REVIEW, E.DENY): S.DENIED,
    (S.CONCLUDED, E.SEND_TO_DELIVERY): S.READY_FOR_DELIVERY,
    (S.DENIED, E.SEND_TO_DELIVERY): S.READY_FOR_DELIVERY,
    (S.READY_FOR_DELIVERY, E.DELIVER): S.DELIVERED,
    # A posted result that comes back undelivered waits at the 出件 window again.
    (S.DELIVERED, E.MAIL_RETURNED): S.READY_FOR_DELIVERY,
    # The applicant may withdraw while the case is in process, not once there is a result.
    (S.ACCEPTED, E.WITHDRAW): S.WITHDRAWN,
    (S.ACCEPTED_DEFERRED, E.WITHDRAW): S.WITHDRAWN,
    (S.AWAITING_SUPPLEMENT, E.WITHDRAW): S.WITHDRAWN,
    (S.PREREVIEW, E.WITHDRAW): S.WITHDRAWN,
    (S.ROUTING, E.WITHDRAW): S.WITHDRAWN,
    (S.UNDER_REVIEW, E.WITHDRAW): S.WITHDRAWN,
}

FINAL = {S.REFUSED, S.DELIVERED, S.WITHDRAWN}

# Whether the 限时办结 clock runs: it stops during 补正 and once there is a result.
CLOCK_RUNS: dict[CaseState, bool] = {
    S.CONSULTING: False,
    S.ACCEPTED: True,
    S.ACCEPTED_DEFERRED: True,
    S.AWAITING_SUPPLEMENT: False,
    S.REFUSED: False,
    S.PREREVIEW: True,
    S.ROUTING: True,
    S.UNDER_REVIEW: True,
    S.CONCLUDED: False,
    S.DENIED: False,
    S.READY_FOR_DELIVERY: False,
    S.DELIVERED: False,
    S.WITHDRAWN: False,
}

ALL_STATES: list[CaseState | None] = list(LABELS)
REFUSED_PAIRS = [(s, e) for s in ALL_STATES for e in STEPS if (s, e) not in ALLOWED]


def test_the_hand_written_tables_name_every_state_and_step() -> None:
    # A new state or step must be added here, with the hall's decision for it.
    assert set(ALL_STATES) == {None, *CaseState}
    assert set(STEPS) == set(CaseEvent)
    assert set(CLOCK_RUNS) == set(CaseState)


# --- labels and stored kinds -------------------------------------------------------------------


@pytest.mark.parametrize(("state", "label"), list(LABELS.items()))
def test_state_label(state: CaseState | None, label: str) -> None:
    assert state_label(state) == label
    if state is not None:
        assert state.label == label


@pytest.mark.parametrize(("event", "label", "kind"), [(e, *v) for e, v in STEPS.items()])
def test_step_label_and_stored_kind(event: CaseEvent, label: str, kind: str) -> None:
    assert event.label == label
    assert event.value == kind
    assert event_for_kind(kind) is event


@pytest.mark.parametrize("kind", ["", "case.unknown", "accepted", "CASE.ACCEPTED", "ticket.opened"])
def test_unknown_kind_is_no_step(kind: str) -> None:
    assert event_for_kind(kind) is None


# --- the matrix: what the hall allows, and what it refuses -------------------------------------


@pytest.mark.parametrize(("state", "event", "target"), [(s, e, t) for (s, e), t in ALLOWED.items()])
def test_allowed_step(state: CaseState | None, event: CaseEvent, target: CaseState) -> None:
    assert can_apply(state, event)
    assert event in allowed_events(state)
    assert apply(state, event) is target


@pytest.mark.parametrize(("state", "event"), REFUSED_PAIRS)
def test_refused_step_names_the_state_and_the_step(
    state: CaseState | None, event: CaseEvent
) -> None:
    assert not can_apply(state, event)
    assert event not in allowed_events(state)
    with pytest.raises(TransitionError) as info:
        apply(state, event)
    error = info.value
    assert isinstance(error, HallDeskError)
    assert error.state_label == LABELS[state]
    assert error.event_label == STEPS[event][0]
    step = STEPS[event][0]
    assert str(error).startswith(f"办件当前状态为「{LABELS[state]}」，不能执行「{step}」")


@pytest.mark.parametrize(
    ("state", "event", "message"),
    [
        (
            S.DELIVERED,
            E.APPROVE,
            "办件当前状态为「已出件」，不能执行「审批办结」（仅限状态：审批中）",
        ),
        (None, E.DELIVER, "办件当前状态为「未受理」，不能执行「出件」（仅限状态：待出件）"),
        (
            S.CONCLUDED,
            E.WITHDRAW,
            "办件当前状态为「已办结」，不能执行「申请人撤回」"
            "（仅限状态：已受理、容缺受理、待补正、预审、流转中、审批中）",
        ),
        (
            S.ROUTING,
            E.REFUSE,
            "办件当前状态为「流转中」，不能执行「不予受理」（仅限状态：未受理、咨询、待补正）",
        ),
        (
            S.UNDER_REVIEW,
            E.SEND_TO_DELIVERY,
            "办件当前状态为「审批中」，不能执行「送出件窗口」（仅限状态：已办结、不予许可）",
        ),
        (
            S.CONSULTING,
            E.OPEN_CONSULTATION,
            "办件当前状态为「咨询」，不能执行「登记咨询」（仅限状态：未受理）",
        ),
    ],
)
def test_refusal_messages_read_as_the_counter_shows_them(
    state: CaseState | None, event: CaseEvent, message: str
) -> None:
    with pytest.raises(TransitionError) as info:
        apply(state, event)
    assert str(info.value) == message
    assert info.value.message == message


@pytest.mark.parametrize("state", ALL_STATES)
def test_allowed_steps_are_listed_in_the_order_of_the_buttons(state: CaseState | None) -> None:
    expected = [e for e in STEPS if (state, e) in ALLOWED]
    assert allowed_events(state) == expected


# --- final states and the clock ------------------------------------------------------------------


@pytest.mark.parametrize("state", list(CLOCK_RUNS))
def test_final_states_and_the_clock(state: CaseState) -> None:
    assert state.is_final is (state in FINAL)
    assert state.clock_running is CLOCK_RUNS[state]
    if state in FINAL:
        # Final for the case's business; only a returned mailing reopens 已出件 (to 待出件).
        assert allowed_events(state) == ([E.MAIL_RETURNED] if state is S.DELIVERED else [])


# --- the paths a folder takes through the hall ----------------------------------------------------


def walk(state: CaseState | None, *events: CaseEvent) -> list[CaseState]:
    visited = []
    for event in events:
        state = apply(state, event)
        visited.append(state)
    return visited


def test_promised_case_from_the_window_to_the_applicant() -> None:
    assert walk(
        None,
        E.ACCEPT,
        E.START_PREREVIEW,
        E.PASS_PREREVIEW,
        E.DISPATCH,
        E.APPROVE,
        E.SEND_TO_DELIVERY,
        E.DELIVER,
    ) == [
        S.ACCEPTED,
        S.PREREVIEW,
        S.ROUTING,
        S.UNDER_REVIEW,
        S.CONCLUDED,
        S.READY_FOR_DELIVERY,
        S.DELIVERED,
    ]


def test_prereview_return_then_supplement_and_prereview_again() -> None:
    assert walk(
        None,
        E.ACCEPT,
        E.START_PREREVIEW,
        E.RETURN_FOR_SUPPLEMENT,
        E.RECEIVE_SUPPLEMENT,
        E.START_PREREVIEW,
        E.PASS_PREREVIEW,
    ) == [S.ACCEPTED, S.PREREVIEW, S.AWAITING_SUPPLEMENT, S.ACCEPTED, S.PREREVIEW, S.ROUTING]


def test_denied_result_is_still_handed_out() -> None:
    assert walk(S.UNDER_REVIEW, E.DENY, E.SEND_TO_DELIVERY, E.DELIVER) == [
        S.DENIED,
        S.READY_FOR_DELIVERY,
        S.DELIVERED,
    ]


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
def test_no_case_can_get_stuck(state: CaseState) -> None:
    # Loops exist (补正 → 受理 → 预审 → 退回 …), but from anywhere an end can be reached.
    assert _reachable(state) & FINAL


@settings(deadline=None, database=None)
@given(steps=st.lists(st.sampled_from(list(CaseEvent)), max_size=60))
def test_any_sequence_of_steps_follows_the_hand_written_matrix(steps: list[CaseEvent]) -> None:
    """Clerks press buttons in any order: each press is applied or refused as the matrix says,
    and a refused press leaves the case where it was."""
    state: CaseState | None = None
    for event in steps:
        expected = ALLOWED.get((state, event))
        if expected is None:
            with pytest.raises(TransitionError):
                apply(state, event)
        else:
            state = apply(state, event)
            assert state is expected


def test_a_stale_step_does_not_take_effect_when_folded() -> None:
    """预审通过 taken at a workstation that had not seen the folder come back from the
    department: folded after 审批办结 it leaves the case 已办结; events that are not steps
    (a clock pause, a note) always fold."""
    assert takes_effect(S.PREREVIEW, "case.prereview_passed")
    assert not takes_effect(S.CONCLUDED, "case.prereview_passed")
    assert not takes_effect(S.DELIVERED, "case.delivered")  # handed out twice: the first stands
    assert not takes_effect(S.DELIVERED, "case.withdrawn")
    assert takes_effect(S.CONCLUDED, "case.clock_paused")
    assert takes_effect(None, "case.accepted")
