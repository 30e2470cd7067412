"""办不成事/投诉台账: every ticket received between two dates, ledgered by class, one row each.

Tickets refused as 涉法涉诉涉访 stay in the file with their reason (the ledger shows they were
received and why they were not handled), marked 不予受理 in 当前状态. Phones are masked.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.tickets import (
    AnswerMethod,
    BbcsKind,
    Callback,
    Channel,
    DispatchTo,
    ExcludedMatter,
    TicketClass,
    TicketState,
    Tier,
    finding_shown,
)
from hall_desk.reports.xlsx import Ledger
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import User
from hall_desk.store.models_tickets import TicketRow

TITLE = "办不成事/投诉台账"
COLUMNS: list[tuple[str, float]] = [
    ("工单编号", 22),
    ("类别", 6),
    ("办不成事类型", 16),
    ("反映渠道", 11),
    ("12345 工单号", 16),
    ("接收日期", 11),
    ("反映人", 10),
    ("联系电话", 15),
    ("涉及工作人员", 10),
    ("涉及窗口", 12),
    ("涉及办件", 20),
    ("反映内容", 36),
    ("办理层级", 14),
    ("办理期限", 11),
    ("原因分析", 30),
    ("交办对象", 18),
    ("答复方式", 9),
    ("答复日期", 11),
    ("答复内容", 36),
    ("核查人", 9),
    ("回访结果", 9),
    ("核查结论", 9),
    ("归档日期", 11),
    ("曾超期", 7),
    ("重开", 5),
    ("当前状态", 14),
    ("不予受理理由", 30),
    ("登记人", 9),
]


def _label(enum: type, value: str) -> str:
    return enum(value).label if value else ""


def build(ws: Workstation, actor: Actor, start: date, end: date, *, unmask: bool) -> Ledger:
    """Tickets whose receipt day lies in [start, end], by class then number."""
    actor.require(Permission.REPORTS)
    if unmask:
        actor.require(Permission.UNMASK)
    order = {c.value: i for i, c in enumerate(TicketClass)}
    with ws.reading() as s:
        names = dict(s.execute(select(User.username, User.display_name)).all())
        found = list(
            s.scalars(
                select(TicketRow).where(
                    TicketRow.received_on >= start, TicketRow.received_on <= end
                )
            )
        )
        for row in found:
            s.expunge(row)
    found.sort(key=lambda t: (order.get(t.ticket_class, 9), t.ticket_no))
    key = ws.key
    rows: list[list[object]] = []
    for t in found:
        if t.anonymous:
            phone: object = "匿名"
        elif unmask and t.phone_cipher:
            phone = key.decrypt("phone", t.phone_cipher)
        else:
            phone = t.phone_masked
        dispatch = (
            f"{DispatchTo(t.dispatch_kind).label}：{t.dispatch_to}" if t.dispatch_kind else ""
        )
        excluded = (
            f"{ExcludedMatter(t.excluded_matter).label}：{t.reason}" if t.excluded_matter else ""
        )
        rows.append(
            [
                None if v == "" else v
                for v in [
                    t.ticket_no,
                    _label(TicketClass, t.ticket_class),
                    _label(BbcsKind, t.bbcs_kind),
                    _label(Channel, t.channel),
                    t.external_no,
                    t.received_on,
                    "匿名" if t.anonymous else t.reporter_name,
                    phone,
                    t.staff_name,
                    t.window,
                    t.case_no,
                    t.description,
                    _label(Tier, t.tier),
                    t.due_date,
                    t.cause,
                    dispatch,
                    _label(AnswerMethod, t.answer_method),
                    t.answered_on,
                    t.answer,
                    names.get(t.checked_by, t.checked_by),
                    _label(Callback, t.callback),
                    finding_shown(t.ticket_class, t.source, t.finding, t.checked_on is not None),
                    t.closed_on,
                    "是" if t.overdue_ever else "否",
                    "是" if t.reopened else "否",
                    TicketState(t.state).label,
                    excluded,
                    names.get(t.registered_by, t.registered_by),
                ]
            ]
        )
    return Ledger(TITLE, [h for h, _ in COLUMNS], [w for _, w in COLUMNS], rows)
