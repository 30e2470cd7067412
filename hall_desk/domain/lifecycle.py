"""The case lifecycle as a pure state machine: states, named events, allowed transitions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hall_desk.domain.errors import TransitionError


class CaseState(StrEnum):
    CONSULTING = "consulting"
    ACCEPTED = "accepted"
    ACCEPTED_DEFERRED = "accepted_deferred"
    AWAITING_SUPPLEMENT = "awaiting_supplement"
    REFUSED = "refused"
    PREREVIEW = "prereview"
    ROUTING = "routing"
    UNDER_REVIEW = "under_review"
    CONCLUDED = "concluded"
    DENIED = "denied"
    READY_FOR_DELIVERY = "ready_for_delivery"
    DELIVERED = "delivered"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATES

    @property
    def clock_running(self) -> bool:
        """Whether the 限时办结 clock runs (it stops for 补正 and once there is a result)."""
        return self in CLOCK_STATES


STATE_LABELS: dict[CaseState, str] = {
    CaseState.CONSULTING: "咨询",
    CaseState.ACCEPTED: "已受理",
    CaseState.ACCEPTED_DEFERRED: "容缺受理",
    CaseState.AWAITING_SUPPLEMENT: "待补正",
    CaseState.REFUSED: "不予受理",
    CaseState.PREREVIEW: "预审",
    CaseState.ROUTING: "流转中",
    CaseState.UNDER_REVIEW: "审批中",
    CaseState.CONCLUDED: "已办结",
    CaseState.DENIED: "不予许可",
    CaseState.READY_FOR_DELIVERY: "待出件",
    CaseState.DELIVERED: "已出件",
    CaseState.WITHDRAWN: "已撤回",
}

# The journey is over in these; a delivered case leaves only if its mailing comes back
# (邮件退回), which puts the result in the delivery queue again.
FINAL_STATES = frozenset({CaseState.REFUSED, CaseState.DELIVERED, CaseState.WITHDRAWN})
CLOCK_STATES = frozenset(
    {
        CaseState.ACCEPTED,
        CaseState.ACCEPTED_DEFERRED,
        CaseState.PREREVIEW,
        CaseState.ROUTING,
        CaseState.UNDER_REVIEW,
    }
)

_S = CaseState
# Before anything is decided a case has no state yet (None) or is an open consultation.
_NEW = (None, _S.CONSULTING)
_IN_PROCESS = (
    _S.ACCEPTED,
    _S.ACCEPTED_DEFERRED,
    _S.AWAITING_SUPPLEMENT,
    _S.PREREVIEW,
    _S.ROUTING,
    _S.UNDER_REVIEW,
)


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[CaseState | None, ...]
    target: CaseState | None  # None: the state does not change (e.g. a note)


class CaseEvent(StrEnum):
    """Every step a case can take; the value is the event kind stored in the event log."""

    OPEN_CONSULTATION = "case.consultation_opened"
    ACCEPT = "case.accepted"
    ACCEPT_DEFERRED = "case.accepted_deferred"
    REQUEST_SUPPLEMENT = "case.supplement_requested"
    REFUSE = "case.refused"
    COMPLETE_AT_WINDOW = "case.completed_at_window"
    RECEIVE_SUPPLEMENT = "case.supplement_received"
    RECEIVE_DEFERRED = "case.deferred_materials_received"
    START_PREREVIEW = "case.prereview_started"
    PASS_PREREVIEW = "case.prereview_passed"
    RETURN_FOR_SUPPLEMENT = "case.returned_for_supplement"
    DISPATCH = "case.dispatched"
    # 联办: one department of several has decided; the folder goes back to the routing post
    # for the next one (the case is complete only when every department has decided).
    DEPARTMENT_DECIDED = "case.department_decided"
    APPROVE = "case.approved"
    DENY = "case.denied"
    SEND_TO_DELIVERY = "case.sent_to_delivery"
    DELIVER = "case.delivered"
    MAIL_RETURNED = "case.mail_returned"
    WITHDRAW = "case.withdrawn"

    @property
    def transition(self) -> Transition:
        return TRANSITIONS[self]

    @property
    def label(self) -> str:
        return TRANSITIONS[self].label


TRANSITIONS: dict[CaseEvent, Transition] = {
    t.name: t  # type: ignore[misc]
    for t in [
        Transition(CaseEvent.OPEN_CONSULTATION, "登记咨询", (None,), _S.CONSULTING),
        Transition(CaseEvent.ACCEPT, "受理", _NEW, _S.ACCEPTED),
        Transition(CaseEvent.ACCEPT_DEFERRED, "容缺受理", _NEW, _S.ACCEPTED_DEFERRED),
        Transition(CaseEvent.REQUEST_SUPPLEMENT, "一次性告知补正", _NEW, _S.AWAITING_SUPPLEMENT),
        Transition(CaseEvent.REFUSE, "不予受理", (*_NEW, _S.AWAITING_SUPPLEMENT), _S.REFUSED),
        Transition(CaseEvent.COMPLETE_AT_WINDOW, "即办办结", _NEW, _S.READY_FOR_DELIVERY),
        Transition(
            CaseEvent.RECEIVE_SUPPLEMENT, "补正材料收齐", (_S.AWAITING_SUPPLEMENT,), _S.ACCEPTED
        ),
        Transition(
            CaseEvent.RECEIVE_DEFERRED, "容缺材料补齐", (_S.ACCEPTED_DEFERRED,), _S.ACCEPTED
        ),
        Transition(
            CaseEvent.START_PREREVIEW,
            "流转岗预审",
            (_S.ACCEPTED, _S.ACCEPTED_DEFERRED),
            _S.PREREVIEW,
        ),
        Transition(CaseEvent.PASS_PREREVIEW, "预审通过", (_S.PREREVIEW,), _S.ROUTING),
        Transition(
            CaseEvent.RETURN_FOR_SUPPLEMENT,
            "预审退回补正",
            (_S.PREREVIEW,),
            _S.AWAITING_SUPPLEMENT,
        ),
        Transition(CaseEvent.DISPATCH, "移交审批部门", (_S.ROUTING,), _S.UNDER_REVIEW),
        Transition(
            CaseEvent.DEPARTMENT_DECIDED, "部门审结（联办待续）", (_S.UNDER_REVIEW,), _S.ROUTING
        ),
        Transition(CaseEvent.APPROVE, "审批办结", (_S.UNDER_REVIEW,), _S.CONCLUDED),
        Transition(CaseEvent.DENY, "不予许可", (_S.UNDER_REVIEW,), _S.DENIED),
        Transition(
            CaseEvent.SEND_TO_DELIVERY,
            "送出件窗口",
            (_S.CONCLUDED, _S.DENIED),
            _S.READY_FOR_DELIVERY,
        ),
        Transition(CaseEvent.DELIVER, "出件", (_S.READY_FOR_DELIVERY,), _S.DELIVERED),
        Transition(CaseEvent.MAIL_RETURNED, "邮件退回", (_S.DELIVERED,), _S.READY_FOR_DELIVERY),
        Transition(CaseEvent.WITHDRAW, "申请人撤回", _IN_PROCESS, _S.WITHDRAWN),
    ]
}

_BY_KIND = {e.value: e for e in CaseEvent}


def event_for_kind(kind: str) -> CaseEvent | None:
    return _BY_KIND.get(kind)


def state_label(state: CaseState | None) -> str:
    return "未受理" if state is None else state.label


def can_apply(state: CaseState | None, event: CaseEvent) -> bool:
    return state in event.transition.sources


def takes_effect(state: CaseState | None, kind: str) -> bool:
    """Whether an event of `kind` changes a case that has reached `state` when its events are
    folded in (HLC, id) order. Every event that is not a lifecycle step does; a step does only
    from a state it is allowed from. A step taken at a workstation that had not yet seen the
    case move on elsewhere (预审通过 there after the folder came back from the department here)
    stays in the log and is recorded as a conflict, but leaves the case where the steps that
    stand have brought it: otherwise the case would fold back to a state its own handoffs and
    department decisions contradict, and no routing or delivery step could take it further."""
    step = event_for_kind(kind)
    return step is None or can_apply(state, step)


def apply(state: CaseState | None, event: CaseEvent) -> CaseState:
    """The state after `event`, or a TransitionError naming the current state and the step."""
    transition = event.transition
    if state not in transition.sources:
        allowed = "、".join(state_label(s) for s in transition.sources)
        raise TransitionError(
            state_label(state),
            transition.label,
            f"办件当前状态为「{state_label(state)}」，不能执行「{transition.label}」"
            f"（仅限状态：{allowed}）",
        )
    assert transition.target is not None
    return transition.target


def allowed_events(state: CaseState | None) -> list[CaseEvent]:
    return [e for e in CaseEvent if state in e.transition.sources]
