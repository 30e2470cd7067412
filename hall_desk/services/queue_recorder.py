"""The window's local record of its queue steps, written just after the call, off its path.

叫号 is done for the window once the shared database has committed it: the called number is
known and can be announced. Writing the step to the workstation's own history (its events,
their fold, the audit entry and the SQLite commit) takes longer than the
shared statement on a busy machine, so it is handed to this recorder: one thread per
workstation, jobs in the order given (the local history keeps the order of the steps).

A later action of the same workstation flushes it first (services/queue.py `_settle`), so its
own record comes after, and learns there whether a job failed: then the queue's reconciliation
records what the shared database holds and the local history lacks, once (the same path as a
crash between the shared commit and the local write). Closing the workstation flushes it.

The thread is started by the first job and ends when the workstation closes; a job holds the
workstation only until it has run.
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
        self._running = False  # a job is being run
        self._failed = False  # a job failed since the last flush
        self._closed = False
        self._thread: threading.Thread | None = None
        self._cond = threading.Condition()

    def submit(self, job: Callable[[], None]) -> None:
        """Runs `job` after every job submitted before it, on the recorder's thread. Its thread
        is started once and then waits for jobs: starting one per call would make each call
        wait for a new thread to be scheduled, which on a busy machine costs more than the
        shared statement."""
        with self._cond:
            if self._closed:
                raise RuntimeError(
                    "the workstation is closed: its queue steps are no longer recorded"
                )
            self._jobs.append(job)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name=f"queue-recorder-{self._name}", daemon=True
                )
                self._thread.start()
            else:
                self._cond.notify_all()

    def _run(self) -> None:
        _yield_cpu()
        while True:
            with self._cond:
                while not self._jobs and not self._closed:
                    self._cond.wait()
                if not self._jobs:
                    return  # closed, nothing left
                job = self._jobs.popleft()
                self._running = True
            try:
                job()
            except BaseException:  # told to the next flush: never lost silently
                log.exception("queue step not recorded locally (reconciled on the next action)")
                with self._cond:
                    self._failed = True
            finally:
                with self._cond:
                    self._running = False
                    self._cond.notify_all()

    def flush(self) -> bool:
        """Waits until every job submitted so far has run; True when one of them failed since
        the last flush (the caller then has the failed steps reconciled)."""
        with self._cond:
            while self._jobs or self._running:
                self._cond.wait()
            failed, self._failed = self._failed, False
            return failed

    def close(self) -> None:
        """Writes what is pending, then ends the thread (the workstation closes)."""
        self.flush()
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()


def _yield_cpu() -> None:
    """On a busy machine the calls (this window's next one, the other windows', the database
    server's) come before the records: on Linux a thread has a nice value of its own."""
    # Not Linux, or not allowed: the record runs at the program's priority.
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICE)
