"""Test support only: named points where a sync or a queue action can be held so a test can
kill or delay it (here in store/ so that services/ may hold one too).

`HALL_DESK_SYNC_PAUSE_AT=<point>[:<n>]` holds the n-th arrival (default the first) at that
point: the process prints `HALL_DESK_SYNC_PAUSED <point>` on stdout and waits until the file
named by `HALL_DESK_SYNC_RESUME_FILE` exists (at most 60 s). A test then SIGKILLs the process
(crash at a known place) or creates the file (a transaction that commits late). Without the
variable every point is a dictionary lookup and nothing else.

`HALL_DESK_FAIL_AT=<point>[:<n>]` makes the n-th arrival at that point raise InjectedFault
instead (a write that fails there: the disk, a lock), in the process or thread that reached it.

Points: push.mid_copy (half of a batch's rows on their way into the shared table, the rest not),
push.before_commit (shared rows written, shared transaction open), push.after_commit
(shared commit done, local acknowledgement not yet written), pull.before_commit (pulled events
applied to the local database, local transaction open), queue.after_shared_commit (a call
committed on the shared database and answered, its local record not yet written: on the
workstation's queue recorder, services/queue.py `_record_later`), anchor.before_write (a commit
done, the audit anchor that follows it not yet written: store/anchor_writer.py).
"""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

PAUSE_ENV = "HALL_DESK_SYNC_PAUSE_AT"
FAIL_ENV = "HALL_DESK_FAIL_AT"
RESUME_ENV = "HALL_DESK_SYNC_RESUME_FILE"
MARK = "HALL_DESK_SYNC_PAUSED"
MAX_PAUSE_S = 60.0

_arrivals: Counter[str] = Counter()
_failing: Counter[str] = Counter()


class InjectedFault(RuntimeError):
    """Raised at a point named by HALL_DESK_FAIL_AT."""


def _reached(env: str, name: str, arrivals: Counter[str]) -> bool:
    wanted = os.environ.get(env)
    if not wanted:
        return False
    point, _, nth = wanted.partition(":")
    if point != name:
        return False
    arrivals[name] += 1
    return arrivals[name] == (int(nth) if nth else 1)


def pause_point(name: str) -> None:
    if _reached(FAIL_ENV, name, _failing):
        raise InjectedFault(f"fault injected at {name}")
    if not _reached(PAUSE_ENV, name, _arrivals):
        return
    print(f"{MARK} {name}", flush=True)
    resume = os.environ.get(RESUME_ENV)
    deadline = time.monotonic() + MAX_PAUSE_S
    while time.monotonic() < deadline:
        if resume and Path(resume).exists():
            return
        time.sleep(0.02)


def reset() -> None:
    """Counts arrivals afresh (a test that sets a point in its own process)."""
    _arrivals.clear()
    _failing.clear()
