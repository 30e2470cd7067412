"""The window's local record of its queue steps, written just after the call, off its path.

叫号 is done for the window once the shared database has committed it: the called number is
known and can be announced. Writing the step to the workstation's own history (its events,
their fold, the audit entry, the SQLite commit and the anchor's fsync) takes longer than the
shared statement on a busy machine, so it is handed to this recorder: one thread per
workstation, jobs in the order given (the local history keeps the order of the steps).

A later action of the same workstation flushes it first (services/queue.py `_settle`), so its
own record comes after, and learns there whether a job failed: then the queue's reconciliation
records what the shared database holds and the local history lacks, once (the same path as a
crash between the shared commit and the local write). Closing the workstation flushes it.

The thread exists only while jobs wait (started by the first, ended when none is left): an idle
workstation holds no thread, and a job holds the workstation only until it has run.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections import deque
from collections.abc import Callable

log = logging.getLogger(__name__)
BACKGROUND_NICE = 10  # the record is background work (Linux: per thread; elsewhere unchanged)


class Recorder:
    def __init__(self, name: str) -> None:
        self._name = name
        self._jobs: deque[Callable[[], None]] = deque()
        self._busy = False  # a thread is running jobs (or about to)
        self._failed = False  # a job failed since the last flush
        self._cond = threading.Condition()

    def submit(self, job: Callable[[], None]) -> None:
        """Runs `job` after every job submitted before it, on the recorder's thread."""
        with self._cond:
            self._jobs.append(job)
            if self._busy:
                return
            self._busy = True
        threading.Thread(target=self._run, name=f"queue-recorder-{self._name}", daemon=True).start()

    def _run(self) -> None:
        _yield_cpu()
        while True:
            with self._cond:
                if not self._jobs:
                    self._busy = False
                    self._cond.notify_all()
                    return
                job = self._jobs[0]
            try:
                job()
            except BaseException:  # told to the next flush: never lost silently
                log.exception("queue step not recorded locally (reconciled on the next action)")
                with self._cond:
                    self._failed = True
            with self._cond:
                self._jobs.popleft()  # only now: a flush waits for the job that is running

    def flush(self) -> bool:
        """Waits until every job submitted so far has run; True when one of them failed since
        the last flush (the caller then has the failed steps reconciled)."""
        with self._cond:
            while self._busy:
                self._cond.wait()
            failed, self._failed = self._failed, False
            return failed


def _yield_cpu() -> None:
    """On a busy machine the calls (this window's next one, the other windows', the database
    server's) come before the records: on Linux a thread has a nice value of its own."""
    # Not Linux, or not allowed: the record runs at the program's priority.
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICE)
