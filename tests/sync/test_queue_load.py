"""Ten windows in ten processes call 1,000 tickets at once: none twice, none skipped, and the
order is the calling rule's (on PostgreSQL and on the SQLite shared file)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from hall_desk.domain.clock import SettableClock
from hall_desk.domain.queue import Candidate, Priority, call_order
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import Event
from tests.conftest import next_morning
from tests.sync.conftest import Hall
from tests.sync.queue_helpers import open_shared, seed_waiting, tickets

WINDOWS = 10
TICKETS = 1000
ROOT = Path(__file__).resolve().parents[2]


def test_ten_windows_call_a_thousand_tickets(hall: Hall, shared_url: str, tmp_path: Path) -> None:
    start = next_morning().replace(hour=8, minute=0, second=0, microsecond=0)
    day = start.date().isoformat()
    first = hall.ws("W1", SettableClock(start))
    shared = open_shared(first, shared_url)
    seed_waiting(shared, day, start, TICKETS, green_share=0.3, seed=16)
    homes = []
    for n in range(1, WINDOWS + 1):
        home = tmp_path / f"window{n}"
        shutil.copytree(hall.home("W1"), home)
        homes.append(home)
    first.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    called_at = start.replace(hour=9).isoformat()
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.sync.child_queue", str(h), shared_url, str(n), called_at],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        for n, h in enumerate(homes, 1)
    ]
    try:
        for child in children:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line.strip() == "READY", child.stderr.read() if child.stderr else line
        for child in children:  # every window starts calling at once
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        outputs = [child.communicate(timeout=120) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    for child, (_out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
    counts = [int(out.split()[1]) for out, _ in outputs]
    p95s = [float(out.split()[2]) for out, _ in outputs]
    print(f"call-next p95 per window (ms, until the called number is known): {p95s}")
    rows = tickets(shared, day)
    shared.close()
    # None skipped, none twice: every ticket called once, by exactly one window.
    assert sum(counts) == TICKETS
    assert all(r.call_seq is not None and r.window for r in rows)
    assert sorted(r.call_seq for r in rows) == list(range(1, TICKETS + 1))
    # Several windows took part (not one window calling everything).
    assert sum(1 for c in counts if c > 0) >= 2
    # The order of the calls is the calling rule's over the tickets that were waiting.
    seeded = [Candidate(r.id, r.queue, r.label, Priority(r.priority), r.issued_ms) for r in rows]
    expected = [c.id for c in call_order(seeded, ratio=2)]
    assert [r.id for r in sorted(rows, key=lambda r: r.call_seq)] == expected
    # Each window's own history holds the calls it made: together, every ticket once.
    local_calls: list[str] = []
    for home in homes:
        with Workstation(Home(home)) as ws, ws.reading() as s:
            local_calls += s.scalars(
                select(Event.entity_id).where(Event.kind == "queue.called")
            ).all()
    assert sorted(local_calls) == sorted(r.id for r in rows)
