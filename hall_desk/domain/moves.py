"""Move rules: which folder may take which move from where it is, and the refusal in words."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Protocol

from hall_desk.domain.errors import TransitionError
from hall_desk.domain.lifecycle import CaseState
from hall_desk.domain.stations import (
    ROUTING,
    Move,
    department_station,
    is_window,
    station_label,
)


class Folder(Protocol):
    """What the rules read of a case (a case row satisfies it)."""

    @property
    def case_no(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def station(self) -> str: ...
    @property
    def station_since(self) -> str | None: ...
    @property
    def window(self) -> str: ...
    @property
    def departments(self) -> str: ...


def case_departments(case: Folder) -> list[str]:
    """The departments of the case's items, in the catalog's order of its items: the first is
    the 主办 department, the others 协办 (联办件, 一件事)."""
    return [d for d in case.departments.split("、") if d]


def department_roles(case: Folder) -> list[tuple[str, str]]:
    """(department, 主办 or 协办) for a case of several departments; one department: 主办."""
    return [(d, "主办" if i == 0 else "协办") for i, d in enumerate(case_departments(case))]


def outstanding_departments(case: Folder, decided: Collection[str]) -> list[str]:
    """The case's departments that have not decided yet, in the order they are to be visited."""
    return [d for d in case_departments(case) if d not in decided]


def outstanding_text(departments: Collection[str]) -> str:
    return "、".join(departments)


def where(case: Folder) -> str:
    return f"「{station_label(case.station, case.window)}」，状态「{CaseState(case.state).label}」"


def refusal_text(case: Folder, action: str, hint: str = "") -> str:
    """Names the case, its station and its state, and the step that cannot be taken."""
    text = f"办件 {case.case_no} 当前在{where(case)}，不能{action}"
    return f"{text}：{hint}" if hint else text


def refuse(case: Folder, action: str, hint: str = "") -> TransitionError:
    return TransitionError(CaseState(case.state).label, action, refusal_text(case, action, hint))


def move_refusal(case: Folder, move: Move, department: str, decided: Collection[str] = ()) -> str:
    """Why `case` cannot take `move` now, or "" when it can. `decided` names the departments
    that have already handed back their result (a case of several goes to each in turn)."""
    state = CaseState(case.state)
    station = case.station
    action = move.label if move != Move.DISPATCH else f"移交「{department}」"
    if move == Move.COLLECT:
        if is_window(station) and state in (CaseState.ACCEPTED, CaseState.ACCEPTED_DEFERRED):
            return ""
        if state == CaseState.AWAITING_SUPPLEMENT:
            return refusal_text(case, action, "补正材料收齐、重新受理后才能收件")
        if state == CaseState.READY_FOR_DELIVERY and is_window(station):
            return refusal_text(case, action, "即办件已办结，请直接出件")
        return refusal_text(case, action)
    if move in (Move.PASS, Move.RETURN):
        if station == ROUTING and state == CaseState.PREREVIEW:
            return ""
        if station == ROUTING and state == CaseState.ROUTING:
            return refusal_text(case, action, "已预审通过")
        return refusal_text(case, action, "只有流转岗收取的材料袋才能预审")
    if move == Move.DISPATCH:
        if station == ROUTING and state == CaseState.ROUTING:
            left = outstanding_departments(case, decided)
            if department not in case_departments(case):
                hint = f"，请移交「{left[0]}」" if left and decided else ""
                return (
                    f"办件 {case.case_no} 的事项由「{case.departments}」办理，"
                    f"不能移交「{department}」{hint}"
                )
            if department in decided:
                rest = f"；尚待审批：{outstanding_text(left)}" if left else ""
                return f"办件 {case.case_no} 的「{department}」已审结，不能再次移交{rest}"
            return ""
        if station == ROUTING and state == CaseState.PREREVIEW:
            return refusal_text(case, action, "尚未预审通过")
        return refusal_text(case, action)
    if move == Move.RECEIVE_BACK:
        if state == CaseState.UNDER_REVIEW and station == department_station(department):
            return ""
        if state == CaseState.UNDER_REVIEW:
            return refusal_text(case, f"从「{department}」接收", "不在该部门")
        return refusal_text(case, f"从「{department}」接收", "办件未移交该部门审批")
    if move == Move.TO_DELIVERY:
        left = outstanding_departments(case, decided) if decided else []
        if left and state in (CaseState.ROUTING, CaseState.CONCLUDED, CaseState.DENIED):
            return departments_outstanding(case, action, left)
        if station == ROUTING and state in (CaseState.CONCLUDED, CaseState.DENIED):
            return ""
        return refusal_text(case, action, "只有已取回审批结果的办件才能送出件窗口")
    raise ValueError(move)


def departments_outstanding(case: Folder, action: str, left: Collection[str]) -> str:
    """A case of several departments is complete only when every one has decided."""
    return (
        f"办件 {case.case_no} 还有「{outstanding_text(left)}」未审批，不能{action}："
        f"联办事项须各部门都审结后才能出件"
    )


def too_early(case: Folder, on: date | None) -> str:
    since = datetime.fromisoformat(case.station_since) if case.station_since else None
    if on is not None and since is not None and on < since.date():
        return (
            f"办件 {case.case_no} 于 {since.date().isoformat()} 才到达"
            f"「{station_label(case.station, case.window)}」，交接日期不能早于该日"
        )
    return ""
