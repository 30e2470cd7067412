"""WAL checkpoints off the clerk's commit: a thread of the program copies the log back into the
database file once the workstation has gone quiet, on a connection of its own.

Why: an intake writes ~45 WAL pages, so SQLite's automatic checkpoint (every 1,000 pages, run
by the commit that crosses the bound, fsync of the database file included) landed on every
~22nd intake and set the intake's p95. The writers' own bound is moved out of the way
(WAL_AUTOCHECKPOINT_PAGES: a safety net should this thread not run) and this thread runs:

- after a burst of commits, once none came for IDLE_POLLS polls: a PASSIVE checkpoint, which
  takes no lock a writer or reader waits for. A clerk pauses between applicants, so the log
  is copied back in that pause and the next commit starts it over from the beginning;
- again at the next poll while the last round left frames behind (a commit came during it);
- when the log file passes SOFT_CAP_PAGES with commits still coming (no pause): a PASSIVE one
  anyway, still beside the commits rather than on them, at most every SOFT_EVERY_POLLS (each
  round syncs the database file, and that competes with the commits' own syncs);
- when the log file passes HARD_CAP_PAGES (PASSIVE rounds cannot catch up with a writer that
  never pauses, so the log is never started over): a RESTART checkpoint, which holds back the
  next commit while it copies what is left (little, after the PASSIVE rounds) and lets the log
  start over. This bounds the log file; journal_size_limit (store/db.py) then trims the file.

The thread starts at the second commit: a process that commits once (a command writing its
audit entry) gains nothing from it, as SQLite copies the log back when the last connection
closes, and would wait at its close for the thread's next look (up to POLL_S).

The thread waits in plain sleeps and counts polls instead of reading a clock: a timed
Event.wait or threading.Timer never returns where the clock is faked (libfaketime).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

log = logging.getLogger("hall_desk.store")

PAGE_BYTES = 4096
FRAME_BYTES = PAGE_BYTES + 24  # a WAL frame: its header and one page
# The writers' own automatic checkpoint: far beyond the caps below, reached only if this
# thread is not running (it could not open its connection).
WAL_AUTOCHECKPOINT_PAGES = 10_000
SOFT_CAP_PAGES = 1_000  # SQLite's own bound: past it, copy back even while commits come
HARD_CAP_PAGES = 4_000  # ~16 MB: past it, hold a commit back once and start the log over
POLL_S = 0.05
IDLE_POLLS = 4  # ~0.2 s without a commit: the burst is over
SOFT_EVERY_POLLS = 10  # ~0.5 s between two rounds while commits keep coming
START_AT_COMMIT = 2  # see the module's docstring
RESTART_BUSY_MS = 2_000  # how long a RESTART waits for the writer and readers before retrying


class Checkpointer:
    """The background checkpoint of one database file; `committed()` after each commit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wal_path = Path(f"{path}-wal")
        self.runs = 0  # checkpoints run, PASSIVE or RESTART (tests and the bench read them)
        self.polls = 0  # looks taken (a test waits for the thread's next look, not for a time)
        self.restarts = 0  # of which RESTART, at the hard cap
        self.failed = False  # the thread could not open its connection
        # Commits came since the last round that copied the whole log back (the bench waits
        # for it to clear before it times anything else on the same disk).
        self.behind = False
        self._commits = 0  # commits told so far; the thread compares it between polls
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self._thread is None and not self._stop.is_set():
                self._thread = threading.Thread(
                    target=self._run, name=f"checkpoint {self.path.name}", daemon=True
                )
                self._thread.start()

    def committed(self) -> None:
        """A write transaction committed (the count needs no lock: only its change matters)."""
        self._commits += 1
        if self._commits >= START_AT_COMMIT:
            self.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout={RESTART_BUSY_MS}")
        except sqlite3.Error as exc:
            self.failed = True
            log.warning("background checkpoint of %s not started: %s", self.path, exc)
            return
        try:
            self._loop(conn)
        finally:
            conn.close()

    def _loop(self, conn: sqlite3.Connection) -> None:
        seen = 0  # the commits before the thread started are in the log too
        quiet = 0  # polls since the last commit
        since_round = 0  # polls since the last round
        while not self._stop.is_set():
            time.sleep(POLL_S)
            self.polls += 1
            if self._commits != seen:
                seen, quiet, self.behind = self._commits, 0, True
            else:
                quiet += 1
            since_round += 1
            if not self.behind:
                continue
            mode = self._round_due(self.wal_pages(), quiet, since_round)
            if mode is not None:
                self.behind = not self.checkpoint(conn, mode)
                since_round = 0

    @staticmethod
    def _round_due(pages: int, quiet: int, since_round: int) -> str | None:
        """The kind of round due now, if any (see the module's docstring)."""
        if pages > HARD_CAP_PAGES:
            return "RESTART"
        pressed = pages > SOFT_CAP_PAGES and since_round >= SOFT_EVERY_POLLS
        return "PASSIVE" if quiet >= IDLE_POLLS or pressed else None

    def wal_pages(self) -> int:
        """Frames the log file holds room for: the file only grows until the log starts over
        (then journal_size_limit trims it), so this is at least the frames not yet copied."""
        try:
            return os.stat(self.wal_path).st_size // FRAME_BYTES
        except OSError:
            return 0

    def checkpoint(self, conn: sqlite3.Connection, mode: str = "PASSIVE") -> bool:
        """One round; True when every frame in the log is now in the database file."""
        try:
            busy, frames, copied = conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        except sqlite3.Error as exc:
            # A busy or failing disk: the next round (or the writers' bound) tries again.
            log.debug("background checkpoint of %s: %s", self.path, exc)
            return False
        self.runs += 1
        self.restarts += mode == "RESTART"
        return not busy and copied >= frames

    def stop(self) -> None:
        """Stops the thread and waits for it (a round in progress finishes first)."""
        with self._lock:
            self._stop.set()
            thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=RESTART_BUSY_MS / 1000 + 10)
