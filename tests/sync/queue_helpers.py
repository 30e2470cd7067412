"""Helpers of the queue tests: a prepared shared database, windows, and seeded tickets."""

from __future__ import annotations

import random
import threading
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy import exc as sa_exc

from hall_desk.domain.queue import DEFAULT_SETTINGS, Priority, QueueSettings, QueueSpec, TicketState
from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services import queue
from hall_desk.services.workstation import Workstation
from hall_desk.store.shared_queue import shared_queue_days, shared_queue_tickets
from hall_desk.sync.queue_link import QueueLink
from hall_desk.sync.shared import SharedDatabase, parse_location


def open_shared(ws: Workstation, url: str) -> SharedDatabase:
    """The shared database at `url`, created/migrated for `ws`'s hall, as a window opens it."""
    shared = SharedDatabase(parse_location(url), live=True)
    shared.prepare(ws.key.fingerprint, ws.hall, ws.now())
    return shared


def set_window(ws: Workstation, window: str) -> None:
    ws.config.extra[queue.WINDOW_KEY] = window


def use_settings(ws: Workstation, settings: QueueSettings) -> None:
    queue.save_settings(ws, SYSTEM_ACTOR, settings)


def one_queue(**changes: Any) -> QueueSettings:
    spec = QueueSpec("A", "综合受理", **changes)
    return QueueSettings((spec, *DEFAULT_SETTINGS.queues[1:]))


def tickets(shared: SharedDatabase, day: str) -> list[Any]:
    with shared.reading() as conn:
        return list(
            conn.execute(
                select(shared_queue_tickets)
                .where(shared_queue_tickets.c.day == day)
                .order_by(shared_queue_tickets.c.issued_ms)
            )
        )


def seed_waiting(
    shared: SharedDatabase, day: str, start: datetime, count: int, green_share: float, seed: int
) -> None:
    """`count` waiting tickets of queue A, one a second from `start`, a share of them green:
    written straight into the shared tables (the setup of the load test; issue() has its own)."""
    rng = random.Random(seed)
    rows = []
    for n in range(1, count + 1):
        at = start + timedelta(seconds=n)
        rows.append(
            {
                "id": str(uuid.uuid4()),
                "day": day,
                "queue": "A",
                "label": f"A{n:04d}",
                "priority": (
                    Priority.GREEN if rng.random() < green_share else Priority.NORMAL
                ).value,
                "state": TicketState.WAITING.value,
                "issued_at": at.isoformat(timespec="milliseconds"),
                "issued_ms": int(at.timestamp() * 1000),
            }
        )
    with shared.live() as conn:
        conn.execute(shared_queue_tickets.insert(), rows)
        conn.execute(
            shared_queue_days.insert().values(day=day, queue="A", last_number=count, issued=count)
        )


class FailingHall:
    """The shared database going away in the middle of an action: the `fail_at`-th statement
    raises the driver's "connection lost" (an OperationalError), the transaction rolls back."""

    def __init__(self, shared: SharedDatabase, fail_at: int) -> None:
        self.shared = shared
        self.fail_at = fail_at
        self.statements = 0

    @property
    def is_postgres(self) -> bool:
        return self.shared.is_postgres

    def live(self) -> AbstractContextManager[Connection]:
        return self._failing(self.shared.live())

    def live_statement(self) -> AbstractContextManager[Connection]:
        return self._failing(self.shared.live_statement())

    @contextmanager
    def _failing(self, opened: AbstractContextManager[Connection]) -> Iterator[Connection]:
        with opened as conn:
            real = conn.execute

            def execute(*args: Any, **kwargs: Any) -> Any:
                self.statements += 1
                if self.statements == self.fail_at:
                    raise sa_exc.OperationalError(
                        "UPDATE", {}, Exception("server closed the connection unexpectedly")
                    )
                return real(*args, **kwargs)

            conn.execute = execute  # type: ignore[method-assign]
            try:
                yield conn
            finally:
                conn.execute = real  # type: ignore[method-assign]


class GatedLink(QueueLink):
    """A shared database that takes its time (a server under load, a slow link): every
    transaction waits until `gate` is set."""

    def __init__(self, ws: Workstation, url: str) -> None:
        super().__init__(ws, url)
        self.gate = threading.Event()
        self.gate.set()

    @contextmanager
    def live(self) -> Iterator[Connection]:
        assert self.gate.wait(20)
        with super().live() as conn:
            yield conn
