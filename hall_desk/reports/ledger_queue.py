"""排队叫号台账: every queue ticket of the period, one row each, waits and service in minutes
with one decimal (computed from seconds: a 65.5-minute wait reads 65.5)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from hall_desk.domain.queue import Priority, TicketState
from hall_desk.domain.roles import Actor, Permission
from hall_desk.reports.xlsx import Ledger
from hall_desk.services.workstation import Workstation
from hall_desk.store.models_queue import QueueTicketRow

TITLE = "排队叫号台账"
COLUMNS: list[tuple[str, float]] = [
    ("日期", 11),
    ("号码", 8),
    ("队列", 6),
    ("类别", 9),
    ("取号时间", 10),
    ("叫号时间", 10),
    ("窗口", 6),
    ("等候（分钟）", 11),
    ("办理（分钟）", 11),
    ("重呼次数", 8),
    ("状态", 8),
    ("关联业务", 12),
    ("证件号码", 20),
    ("原因", 20),
    ("转自", 6),
]
VISITS = {"case": "办件", "consultation": "咨询", "delivery": "出件", "ticket": "工单"}


def _clock(ms: int | None) -> str:
    return "" if ms is None else datetime.fromtimestamp(ms / 1000).astimezone().strftime("%H:%M:%S")


def build(ws: Workstation, actor: Actor, start: date, end: date, *, unmask: bool) -> Ledger:
    actor.require(Permission.REPORTS)
    if unmask:
        actor.require(Permission.UNMASK)
    with ws.reading() as s:
        found = list(
            s.scalars(
                select(QueueTicketRow)
                .where(QueueTicketRow.day >= start, QueueTicketRow.day <= end)
                .order_by(QueueTicketRow.day, QueueTicketRow.issued_ms, QueueTicketRow.label)
            )
        )
        for r in found:
            s.expunge(r)
    rows: list[list[object]] = []
    for r in found:
        wait = None if r.called_ms is None else round((r.called_ms - r.issued_ms) / 60000, 1)
        service = (
            round((r.finished_ms - r.called_ms) / 60000, 1)
            if r.state == TicketState.DONE.value and r.finished_ms and r.called_ms
            else None
        )
        number = ws.key.decrypt("id_number", r.id_cipher) if unmask and r.id_cipher else r.id_masked
        rows.append(
            [
                None if v == "" else v
                for v in [
                    r.day,
                    r.label,
                    r.queue,
                    Priority(r.priority).label,
                    r.issued_at[11:19],
                    _clock(r.called_ms),
                    r.window,
                    wait,
                    service,
                    r.recalls,
                    TicketState(r.state).label,
                    VISITS.get(r.visit_kind, ""),
                    number,
                    r.reason,
                    "是" if r.transferred_from else "",
                ]
            ]
        )
    return Ledger(TITLE, [h for h, _ in COLUMNS], [w for _, w in COLUMNS], rows)
