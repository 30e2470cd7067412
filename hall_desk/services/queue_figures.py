"""The queue's figures over days, from the local history of queue.* events (after a sync it
holds every window's): waits, service times and no-shows by queue, hour and window.

Definitions (each recounted from the table in tests/services/test_queue_figures.py):

- 取号数 issued: tickets issued in the period, transferred copies not counted again
  (`transferred_from = ''`).
- 等候 wait of a ticket: call time − issue time, in seconds (`called_ms − issued_ms`), over the
  tickets that were called and are not 已转移: one wait per visit, up to its last call (a
  transferred ticket keeps its issue time, so its wait runs from the first issue).
- 办理 service: finish − call, in seconds, over tickets 完成.
- 过号 no-shows: tickets in state 过号.
- 平均 mean and 90% p90 (nearest rank) of those seconds; "—" when there is none.
- By hour: the hour of the issue time, as the hall's clock read it. By window: the window that
  made the (last) call; issued tickets not yet called have no window.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_desk.domain.queue import TicketState, mean, p90
from hall_desk.services.workstation import Workstation
from hall_desk.store.models_queue import QueueTicketRow


@dataclass(frozen=True)
class QueueFigure:
    key: str  # queue code, "09" hour, window number, or "合计"
    issued: int
    called: int
    no_shows: int
    wait_mean_s: float | None
    wait_p90_s: float | None
    service_mean_s: float | None
    service_p90_s: float | None


@dataclass(frozen=True)
class QueueFigures:
    start: date
    end: date
    total: QueueFigure
    by_queue: tuple[QueueFigure, ...]
    by_hour: tuple[QueueFigure, ...]
    by_window: tuple[QueueFigure, ...]


def _figure(key: str, rows: list[QueueTicketRow]) -> QueueFigure:
    waits = [
        (r.called_ms - r.issued_ms) / 1000
        for r in rows
        if r.called_ms is not None and r.state != TicketState.TRANSFERRED.value
    ]
    services = [
        (r.finished_ms - r.called_ms) / 1000
        for r in rows
        if r.state == TicketState.DONE.value
        and r.called_ms is not None
        and r.finished_ms is not None
    ]
    return QueueFigure(
        key,
        issued=sum(1 for r in rows if not r.transferred_from),
        called=len(waits),
        no_shows=sum(1 for r in rows if r.state == TicketState.NO_SHOW.value),
        wait_mean_s=mean(waits),
        wait_p90_s=p90(waits),
        service_mean_s=mean(services),
        service_p90_s=p90(services),
    )


def _grouped(
    rows: Iterable[QueueTicketRow], key: Callable[[QueueTicketRow], str]
) -> tuple[QueueFigure, ...]:
    groups: dict[str, list[QueueTicketRow]] = defaultdict(list)
    for r in rows:
        k = key(r)
        if k:
            groups[k].append(r)
    return tuple(_figure(k, groups[k]) for k in sorted(groups))


def queue_figures(ws: Workstation, start: date, end: date) -> QueueFigures:
    with ws.reading() as s:
        return figures_in(s, start, end)


def figures_in(session: Session, start: date, end: date) -> QueueFigures:
    """The figures of [start, end] (issue days) read in an open session (the monthly report's)."""
    rows = list(
        session.scalars(
            select(QueueTicketRow).where(QueueTicketRow.day >= start, QueueTicketRow.day <= end)
        )
    )
    for r in rows:
        session.expunge(r)
    return QueueFigures(
        start,
        end,
        _figure("合计", rows),
        _grouped(rows, lambda r: r.queue),
        _grouped(rows, lambda r: r.issued_at[11:13]),
        _grouped(rows, lambda r: r.window if r.called_ms is not None else ""),
    )
