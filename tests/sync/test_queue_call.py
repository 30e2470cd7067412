"""叫号 as one statement (PostgreSQL) or step by step (the SQLite file): both follow the calling
rule across several queues, and a window killed between the shared commit and its local write
gets the lost steps recorded on its next start, once."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hall_desk.domain.clock import SettableClock
from hall_desk.domain.queue import Candidate, Priority, TicketState, call_order
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import queue
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store import faults
from hall_desk.store.models import AuditEntry, Event
from hall_desk.store.models_queue import QueueTicketRow
from hall_desk.store.shared_queue import shared_queue_days, shared_queue_tickets
from hall_desk.sync.shared import SharedDatabase
from tests.conftest import next_morning
from tests.sync.conftest import Hall
from tests.sync.queue_helpers import open_shared, seed_waiting, set_window, tickets
from tests.sync.test_faults import Child

CLERK = Actor("clerk3", "李敏", Role.CLERK)
ROOT = Path(__file__).resolve().parents[2]


def _seed_two_queues(shared: SharedDatabase, day: str, start: datetime, count: int) -> None:
    """`count` waiting tickets spread over queues A and B, a third of them green, one a second;
    and one ticket of A sent to window 5 only (window 3 must pass it over)."""
    rng = random.Random(7)
    rows = []
    numbers = {"A": 0, "B": 0}
    for n in range(1, count + 2):
        code = rng.choice("AB") if n <= count else "A"
        numbers[code] += 1
        at = start + timedelta(seconds=n)
        rows.append(
            {
                "id": str(uuid.uuid4()),
                "day": day,
                "queue": code,
                "label": f"{code}{numbers[code]:03d}",
                "priority": (Priority.GREEN if rng.random() < 0.35 else Priority.NORMAL).value,
                "state": TicketState.WAITING.value,
                "issued_at": at.isoformat(timespec="milliseconds"),
                "issued_ms": int(at.timestamp() * 1000),
                "target_window": "5" if n > count else "",
            }
        )
    with shared.live() as conn:
        conn.execute(shared_queue_tickets.insert(), rows)
        for code, last in numbers.items():
            conn.execute(
                shared_queue_days.insert().values(
                    day=day, queue=code, last_number=last, issued=last
                )
            )


def test_one_window_over_two_queues_calls_in_the_rule_s_order(hall: Hall, shared_url: str) -> None:
    start = next_morning().replace(hour=8, minute=0, second=0, microsecond=0)
    day = start.date().isoformat()
    clock = SettableClock(start.replace(hour=9))
    ws = hall.ws("W1", clock)
    set_window(ws, "3")
    shared = open_shared(ws, shared_url)
    try:
        _seed_two_queues(shared, day, start, 40)
        order = []
        while (called := queue.call_next(ws, CLERK, shared)) is not None:
            order.append(called.id)
            clock.advance(timedelta(seconds=30))
        rows = tickets(shared, day)
    finally:
        shared.close()
    for_window_5 = [r for r in rows if r.target_window == "5"]
    assert [r.state for r in for_window_5] == ["waiting"]  # not window 3's to call
    waiting = [
        Candidate(r.id, r.queue, r.label, Priority(r.priority), r.issued_ms)
        for r in rows
        if r.target_window == ""
    ]
    assert len(order) == 40
    assert order == [c.id for c in call_order(waiting, ratio=2)]
    # Each queue counts its own calls, 1, 2, 3…; each visit was ended (完成).
    for code in "AB":
        seqs = sorted(r.call_seq for r in rows if r.queue == code and r.call_seq is not None)
        assert seqs == list(range(1, len(seqs) + 1))
    assert sum(1 for r in rows if r.state == "done") == 40  # the last by the call that found none


def _events(ws: Workstation, kind: str, ticket_id: str) -> int:
    with ws.reading() as s:
        query = select(func.count()).where(Event.kind == kind, Event.entity_id == ticket_id)
        return int(s.scalar(query.select_from(Event)) or 0)


def test_killed_after_the_shared_commit_the_next_start_records_the_call_once(
    hall: Hall, shared_url: str, tmp_path: Path
) -> None:
    start = next_morning().replace(hour=8, minute=0, second=0, microsecond=0)
    day = start.date().isoformat()
    first = hall.ws("W1", SettableClock(start))
    shared = open_shared(first, shared_url)
    seed_waiting(shared, day, start, 3, green_share=0.0, seed=1)
    home = tmp_path / "window3"
    shutil.copytree(hall.home("W1"), home)
    first.close()
    # The window's second call: A0001 ended and A0002 called on the shared database, then the
    # program is killed before either is written to its own history.
    env = {**os.environ, "PYTHONPATH": str(ROOT), faults.PAUSE_ENV: "queue.after_shared_commit:2"}
    called_at = start.replace(hour=9).isoformat()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.child_queue", str(home), shared_url, "3", called_at],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    child = Child(proc)
    try:
        child.wait_for("READY")
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
        child.wait_for(f"{faults.MARK} queue.after_shared_commit")
        child.kill()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(30)
        child.reader.join(5)
        for pipe in (proc.stdin, proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
    rows = {r.label: r for r in tickets(shared, day)}
    assert rows["A0001"].state == "done" and rows["A0002"].state == "called"
    assert rows["A0002"].window == "3" and rows["A0003"].state == "waiting"
    first_id, second_id = rows["A0001"].id, rows["A0002"].id

    clock = SettableClock(start.replace(hour=9, minute=5))
    with Workstation(Home(home), clock) as ws:
        set_window(ws, "3")
        assert _events(ws, "queue.called", first_id) == 1  # the first call was written
        assert _events(ws, "queue.finished", first_id) == 0  # the second was not
        assert _events(ws, "queue.called", second_id) == 0
        status = queue.status(ws, shared)  # the window starts again
        assert status.current is not None and status.current.label == "A0002"
        assert _events(ws, "queue.finished", first_id) == 1
        assert _events(ws, "queue.called", second_id) == 1
        with ws.reading() as s:
            local = s.get(QueueTicketRow, second_id)
            assert local is not None and local.state == "called" and local.window == "3"
            assert local.version == rows["A0002"].version
        queue.status(ws, shared)
    with Workstation(Home(home), clock) as ws:  # another start of the program: nothing new
        set_window(ws, "3")
        queue.status(ws, shared)
        assert _events(ws, "queue.called", second_id) == 1
        assert _events(ws, "queue.finished", first_id) == 1
        called = queue.call_next(ws, CLERK, shared)
        assert called is not None and called.label == "A0003"
        queue.flush_records(ws)  # the call's record, written on the recorder
        assert _events(ws, "queue.finished", second_id) == 1
        assert _events(ws, "queue.called", second_id) == 1
    shared.close()


def _history(ws: Workstation) -> list[tuple[str, str]]:
    """The workstation's queue.* events in the order it recorded them: (kind, ticket id)."""
    with ws.reading() as s:
        rows = s.execute(
            select(Event.kind, Event.entity_id)
            .where(Event.kind.like("queue.%"), Event.origin == ws.code)
            .order_by(Event.seq)
        ).all()
    return [(kind, entity) for kind, entity in rows]


def _audited(ws: Workstation, action: str) -> int:
    with ws.reading() as s:
        query = select(func.count()).where(AuditEntry.action == action)
        return int(s.scalar(query.select_from(AuditEntry)) or 0)


def test_a_call_is_answered_before_its_local_record_and_the_next_action_comes_after_it(
    hall: Hall, shared_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = next_morning().replace(hour=8, minute=0, second=0, microsecond=0)
    day = start.date().isoformat()
    ws = hall.ws("W1", SettableClock(start.replace(hour=9)))
    set_window(ws, "3")
    shared = open_shared(ws, shared_url)
    try:
        seed_waiting(shared, day, start, 2, green_share=0.0, seed=1)
        resume = tmp_path / "resume"
        monkeypatch.setenv(faults.PAUSE_ENV, "queue.after_shared_commit")
        monkeypatch.setenv(faults.RESUME_ENV, str(resume))
        faults.reset()
        called = queue.call_next(ws, CLERK, shared)  # its record is held on the recorder
        assert called is not None and called.label == "A0001"
        assert _events(ws, "queue.called", called.id) == 0  # answered, not yet recorded
        # A recall now waits for the call's record: the history keeps the order of the steps.
        # A sleeping thread, not threading.Timer: a timed wait never ends under libfaketime.
        threading.Thread(target=lambda: (time.sleep(0.3), resume.touch()), daemon=True).start()
        queue.recall(ws, CLERK, shared)
        assert _history(ws) == [("queue.called", called.id), ("queue.recalled", called.id)]
        monkeypatch.delenv(faults.PAUSE_ENV)
        following = queue.call_next(ws, CLERK, shared)
        assert following is not None and following.label == "A0002"
        ws.close()  # closing the workstation writes the record still pending
        with Workstation(Home(hall.home("W1")), SettableClock(start.replace(hour=9))) as again:
            assert _history(again)[2:] == [
                ("queue.finished", called.id),
                ("queue.called", following.id),
            ]
            assert _audited(again, "queue.reconcile") == 0
    finally:
        shared.close()


def test_a_record_that_fails_on_the_recorder_is_recorded_once_by_the_next_action(
    hall: Hall, shared_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = next_morning().replace(hour=8, minute=0, second=0, microsecond=0)
    day = start.date().isoformat()
    clock = SettableClock(start.replace(hour=9))
    ws = hall.ws("W1", clock)
    set_window(ws, "3")
    shared = open_shared(ws, shared_url)
    try:
        seed_waiting(shared, day, start, 3, green_share=0.0, seed=1)
        first = queue.call_next(ws, CLERK, shared)
        assert first is not None
        # The second call's local write fails on the recorder (the disk, a lock): the window
        # has its number all the same, and the step is on the shared database only.
        monkeypatch.setenv(faults.FAIL_ENV, "queue.after_shared_commit")
        faults.reset()
        second = queue.call_next(ws, CLERK, shared)
        assert second is not None and second.label == "A0002"
        monkeypatch.delenv(faults.FAIL_ENV)
        # (the recorder's thread has run the failing job once the next action has flushed it)
        clock.advance(timedelta(minutes=1))
        recalled = queue.recall(ws, CLERK, shared)  # the next action: reconciled first
        assert recalled.ticket.id == second.id
        assert _history(ws) == [
            ("queue.called", first.id),
            ("queue.finished", first.id),  # reconciled: the failed record's two steps …
            ("queue.called", second.id),
            ("queue.recalled", second.id),  # … then the recall, in the order they were made
        ]
        assert _audited(ws, "queue.reconcile") == 1
        queue.status(ws, shared)
        third = queue.call_next(ws, CLERK, shared)
        assert third is not None and third.label == "A0003"
        queue.flush_records(ws)
        history = _history(ws)
        assert history.count(("queue.called", second.id)) == 1
        assert history.count(("queue.finished", first.id)) == 1
        assert history[-2:] == [("queue.finished", second.id), ("queue.called", third.id)]
        assert _audited(ws, "queue.reconcile") == 1
        with ws.reading() as s:
            local = s.get(QueueTicketRow, second.id)
            assert local is not None and local.state == "done"
    finally:
        shared.close()
