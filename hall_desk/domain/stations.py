"""Stations: where a paper folder (材料袋) can be, in codes and in the hall's words, and its moves.

A folder's station is a short code kept on the case:

    window / window:<name>   the intake window that accepted it
    routing                  the routing post (预审, waiting to be carried)
    dept:<department>        an approving department's back office
    delivery                 the delivery window (统一出件)
    applicant                handed out (in person or by post)
"""

from __future__ import annotations

from enum import StrEnum

WINDOW = "window"
ROUTING = "routing"
DEPT_PREFIX = "dept:"
DELIVERY = "delivery"
APPLICANT = "applicant"


def window_station(window: str = "") -> str:
    return f"{WINDOW}:{window}" if window else WINDOW


def department_station(department: str) -> str:
    return DEPT_PREFIX + department


def is_window(station: str) -> bool:
    return station == WINDOW or station.startswith(WINDOW + ":")


def station_department(station: str) -> str:
    """The department of a `dept:` station, else ""."""
    return station[len(DEPT_PREFIX) :] if station.startswith(DEPT_PREFIX) else ""


def station_label(station: str, window: str = "") -> str:
    """The station in the hall's words; `window` names the case's intake window when known."""
    if is_window(station):
        name = station.partition(":")[2] or window
        return name or "受理窗口"
    if station.startswith(DEPT_PREFIX):
        return station_department(station)
    return {ROUTING: "流转岗", DELIVERY: "出件窗口", APPLICANT: "申请人", "": "—"}.get(
        station, station
    )


class Move(StrEnum):
    COLLECT = "collect"
    PASS = "pass"
    RETURN = "return"
    DISPATCH = "dispatch"
    RECEIVE_BACK = "receive_back"
    TO_DELIVERY = "to_delivery"
    PICKUP = "pickup"
    MAIL = "mail"
    MAIL_RETURNED = "mail_returned"

    @property
    def label(self) -> str:
        return MOVE_LABELS[self]


MOVE_LABELS = {
    Move.COLLECT: "收取材料袋",
    Move.PASS: "预审通过",
    Move.RETURN: "预审退回补正",
    Move.DISPATCH: "移交审批部门",
    Move.RECEIVE_BACK: "接收审批结果",
    Move.TO_DELIVERY: "送出件窗口",
    Move.PICKUP: "窗口领取",
    Move.MAIL: "邮寄送达",
    Move.MAIL_RETURNED: "邮件退回",
}
