"""Demo queue days: the tickets behind the demo's visits, as the windows would have recorded
them (queue.* events), so the queue's figures and ledger have a history to show.

Each case of a day was a number of 综合受理 (A), each consultation of 综合咨询 (B); green-channel
cases were green tickets. Waits grow towards the morning peak (about 10:00); a few tickets are
过号 and a few consultations are moved on to 综合受理 (transfers keep the issue time). Each
ticket is linked to its visit. Deterministic for a seed.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from hall_desk.domain.queue import DEFAULT_SETTINGS, Priority, TicketState
from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import CaseRow, ConsultationRow
from hall_desk.store.shared_queue import QUEUE_TICKET_COLUMNS

WINDOWS = ("1", "2", "3", "4", "5", "6")
NO_SHOW_SHARE = 0.04
TRANSFER_SHARE = 0.05


@dataclass
class DemoQueueSummary:
    tickets: int = 0
    no_shows: int = 0
    transfers: int = 0


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _blank(ticket_id: str, day: date) -> dict[str, Any]:
    row: dict[str, Any] = {name: "" for name in QUEUE_TICKET_COLUMNS}
    row.update(
        id=ticket_id,
        day=day.isoformat(),
        called_ms=None,
        finished_ms=None,
        recalls=0,
        call_seq=None,
        version=1,
    )
    return row


def _wait_minutes(rng: random.Random, called: datetime) -> float:
    """A few minutes off-peak, up to half an hour around 10:00."""
    hours_from_peak = abs(called.hour + called.minute / 60 - 10.0)
    peak = max(0.0, 28.0 - 14.0 * hours_from_peak)
    return 2.0 + peak * rng.uniform(0.6, 1.1) + rng.uniform(0, 3)


def generate_queue_days(ws: Workstation, start: date, end: date, seed: int) -> DemoQueueSummary:
    rng = random.Random(seed * 7919 + 16)
    with ws.reading() as s:
        cases = s.execute(
            select(CaseRow.id, CaseRow.created_on, CaseRow.green_channel)
            .where(CaseRow.created_on >= start, CaseRow.created_on <= end)
            .order_by(CaseRow.created_on, CaseRow.case_no)
        ).all()
        consultations = s.execute(
            select(ConsultationRow.id, ConsultationRow.on, ConsultationRow.at)
            .where(ConsultationRow.on >= start, ConsultationRow.on <= end)
            .order_by(ConsultationRow.on, ConsultationRow.at)
        ).all()
    visits: dict[date, list[tuple[str, str, str, datetime | None, str]]] = {}
    for case_id, day, green in cases:
        kind = Priority.GREEN.value if green else Priority.NORMAL.value
        visits.setdefault(day, []).append(("A", "case", case_id, None, kind))
    for consultation_id, day, at in consultations:
        moment = datetime.fromisoformat(at) if at else None
        visits.setdefault(day, []).append(("B", "consultation", consultation_id, moment, "normal"))
    summary = DemoQueueSummary()
    names = {q.code: q for q in DEFAULT_SETTINGS.queues}
    for day in sorted(visits):
        numbers = {"A": 0, "B": 0}
        calls = {"A": 0, "B": 0}
        steps: list[tuple[str, dict[str, Any]]] = []
        base = datetime.combine(day, time(8, 30)).astimezone()
        for code, visit_kind, visit_id, moment, priority in visits[day]:
            if moment is None or moment.date() != day:
                minutes = min(500.0, max(0.0, rng.triangular(0, 500, 90)))
                moment = base + timedelta(minutes=minutes)
            called = moment if moment.tzinfo else moment.astimezone()
            issued = called - timedelta(minutes=_wait_minutes(rng, called))
            if issued < base - timedelta(minutes=20):
                issued = base - timedelta(minutes=20)
            window = rng.choice(WINDOWS)
            if rng.random() < NO_SHOW_SHARE:
                steps += _no_show(rng, day, code, names, numbers, calls, issued, window)
                summary.tickets += 1
                summary.no_shows += 1
            numbers[code] += 1
            row = _blank(str(uuid.uuid4()), day)
            row.update(
                queue=code,
                label=names[code].label(numbers[code]),
                priority=priority,
                state=TicketState.WAITING.value,
                issued_at=issued.isoformat(timespec="milliseconds"),
                issued_ms=_ms(issued),
                issued_by=ws.code,
            )
            steps.append(("queue.issued", dict(row)))
            summary.tickets += 1
            transfer = code == "B" and rng.random() < TRANSFER_SHARE
            calls[code] += 1
            row.update(
                state=TicketState.CALLED.value,
                called_at=called.isoformat(timespec="milliseconds"),
                called_ms=_ms(called),
                window=window,
                call_seq=calls[code],
                called_by="demo",
                version=row["version"] + 1,
            )
            steps.append(("queue.called", dict(row)))
            served = called + timedelta(minutes=rng.uniform(3, 14))
            if transfer:
                summary.transfers += 1
                row.update(
                    state=TicketState.TRANSFERRED.value,
                    finished_ms=_ms(served),
                    reason="咨询后转综合受理",
                    version=row["version"] + 1,
                )
                steps.append(("queue.transferred", dict(row)))
                copy = {**row, "id": str(uuid.uuid4()), "queue": "A", "transferred_from": row["id"]}
                later = served + timedelta(minutes=rng.uniform(2, 15))
                calls["A"] += 1
                copy.update(
                    state=TicketState.WAITING.value,
                    version=1,
                    called_ms=None,
                    called_at="",
                    finished_ms=None,
                    window="",
                    call_seq=None,
                )
                steps.append(("queue.issued", dict(copy)))
                copy.update(
                    state=TicketState.DONE.value,
                    called_at=later.isoformat(timespec="milliseconds"),
                    called_ms=_ms(later),
                    finished_ms=_ms(later + timedelta(minutes=rng.uniform(5, 15))),
                    window=rng.choice(WINDOWS),
                    call_seq=calls["A"],
                    visit_kind=visit_kind,
                    visit_id=visit_id,
                    version=2,
                )
                steps.append(("queue.finished", dict(copy)))
                continue
            row.update(
                state=TicketState.DONE.value,
                finished_ms=_ms(served),
                visit_kind=visit_kind,
                visit_id=visit_id,
                version=row["version"] + 1,
            )
            steps.append(("queue.finished", dict(row)))
        with ws.transaction(SYSTEM_ACTOR) as tx:
            for kind, values in steps:
                tx.emit(kind, "queue_ticket", values["id"], {"set": values})
            tx.audit("demo.queue", day.isoformat(), {"events": len(steps)})
    return summary


def _no_show(
    rng: random.Random,
    day: date,
    code: str,
    names: dict[str, Any],
    numbers: dict[str, int],
    calls: dict[str, int],
    before: datetime,
    window: str,
) -> list[tuple[str, dict[str, Any]]]:
    """Someone who took a number just before and was not there when called."""
    numbers[code] += 1
    calls[code] += 1
    issued = before - timedelta(minutes=rng.uniform(1, 5))
    called = before - timedelta(minutes=rng.uniform(0, 1))
    row = _blank(str(uuid.uuid4()), day)
    row.update(
        queue=code,
        label=names[code].label(numbers[code]),
        priority=Priority.NORMAL.value,
        state=TicketState.WAITING.value,
        issued_at=issued.isoformat(timespec="milliseconds"),
        issued_ms=_ms(issued),
    )
    out = [("queue.issued", dict(row))]
    row.update(
        state=TicketState.NO_SHOW.value,
        called_at=called.isoformat(timespec="milliseconds"),
        called_ms=_ms(called),
        window=window,
        recalls=3,
        call_seq=calls[code],
        called_by="demo",
        version=2,
    )
    out.append(("queue.no_show", dict(row)))
    return out
