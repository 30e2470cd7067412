"""The audit anchor written off the clerk's commit: one thread per workstation writes the
newest anchor handed to it (store/audit.py: `forward`, `put_anchor`).

Why: the anchor's write (a file synced and renamed) came after every commit and set a good
part of an intake's time. It may lag: an anchor behind the database is what a crash between a
commit and its anchor always left, and verify accepts it (the chain still holds the entry the
anchor names; the next write moves it on). It must never be ahead: it is handed over only
after the commit, so it never names an entry the database does not hold.

- `submit(anchor)` after each commit: the anchors waiting are merged into one (each half
  only moves forward), so a burst of commits costs one write, not one each.
- The writer remembers the anchor it wrote last with the file's inode, size and mtime, and
  reads the file again (with its MAC) only when those changed: another program on the same
  home wrote it, or someone replaced it.
- `flush()` before anything in this process reads the anchor file: it waits until every
  anchor submitted so far is written (or failed). `close()` flushes and ends the thread.

The thread waits on a Condition without a timeout (a timed wait never returns where the
clock is faked, libfaketime); each wait ends with a notify from submit, flush or close.
"""

from __future__ import annotations

import errno
import logging
import os
import threading
from pathlib import Path

from hall_desk.domain.errors import StorageError
from hall_desk.store import audit, faults

log = logging.getLogger(__name__)

_DISK_FULL = (errno.ENOSPC, errno.EDQUOT)


class AnchorWriter:
    """The background writer of one home's anchor file."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = path
        self._key = key
        self._cond = threading.Condition()
        self._pending: audit.Anchor | None = None  # the newest anchor not yet taken
        self._writing = False  # an anchor is taken and being written
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._failure: Exception | None = None  # kept for the next flush or close
        # What the writer thread wrote last, with the file's (inode, size, mtime_ns) then.
        self._written: tuple[tuple[int, int, int], audit.Anchor] | None = None
        self.writes = 0  # anchor files written (tests and the bench read it)

    def submit(self, anchor: audit.Anchor) -> None:
        """After a commit: `anchor` is what the database now holds."""
        with self._cond:
            waiting = self._pending
            self._pending = anchor if waiting is None else audit.forward(waiting, anchor) or waiting
            if self._thread is None:
                self._stopping = False  # after a close: a workstation used again
                self._thread = threading.Thread(
                    target=self._run, name=f"audit anchor {self.path}", daemon=True
                )
                self._thread.start()
            self._cond.notify_all()

    def flush(self) -> None:
        """Waits until every anchor submitted so far is written; raises a failure kept since
        the last flush (see `_failed`)."""
        with self._cond:
            while self._pending is not None or self._writing:
                self._cond.wait()
            failure, self._failure = self._failure, None
        if failure is not None:
            raise StorageError(
                f"留痕锚点文件 {self.path} 未能写入（{failure}）：已办理的业务都已保存，"
                "锚点停在此前的位置；请管理员检查数据目录所在磁盘与权限"
            ) from failure

    def close(self) -> None:
        """Writes what is still waiting, ends the thread, then raises a kept failure. A later
        `submit` starts a new thread."""
        with self._cond:
            thread, self._stopping = self._thread, True
            self._cond.notify_all()
        if thread is not None:
            thread.join()  # the thread drains what is waiting, then returns
        self.flush()

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._stopping:
                    self._cond.wait()
                if self._pending is None:
                    self._thread = None  # under the lock: a submit from now on starts another
                    return
                anchor, self._pending, self._writing = self._pending, None, True
            failure: Exception | None = None
            try:
                faults.pause_point("anchor.before_write")
                self._write(anchor)
            except Exception as exc:  # any: the thread must live on to answer flush
                failure = exc
            with self._cond:
                self._writing = False
                if failure is not None:
                    self._failed(failure)
                self._cond.notify_all()

    def _failed(self, exc: Exception) -> None:
        """A full disk is expected and passes: the anchor stays behind until a write fits.

        Anything else is logged and kept, and the next flush or close raises it in words.
        Not the next commit: the clerk's work is committed whatever the anchor does, and a
        saved intake must not be shown as failed. So the clerk goes on (each later commit
        tries the anchor again), and the failure surfaces where the anchor matters: audit
        verify, a restore, closing the workstation, each telling the admin what to check."""
        if isinstance(exc, OSError) and exc.errno in _DISK_FULL:
            log.warning("audit anchor not moved (disk full): %s", exc)
            return
        log.error("audit anchor not written: %s", exc, exc_info=exc)
        if self._failure is None:
            self._failure = exc

    def _write(self, anchor: audit.Anchor) -> None:
        moved = audit.forward(self._current(), anchor)
        if moved is None:
            return
        st = audit.put_anchor(self.path, self._key, moved)
        self._written = ((st.st_ino, st.st_size, st.st_mtime_ns), moved)
        self.writes += 1

    def _current(self) -> audit.Anchor | None:
        """The anchor the file holds: remembered while the file is the one written here;
        otherwise read (a missing or broken file is written over, as before: verify reports a
        broken one until then, and the chain itself still shows what was cut)."""
        if self._written is not None:
            try:
                st = os.stat(self.path)
            except FileNotFoundError:
                st = None
            if st is not None and (st.st_ino, st.st_size, st.st_mtime_ns) == self._written[0]:
                return self._written[1]
        current = audit.read_anchor(self.path, self._key)
        return current if isinstance(current, audit.Anchor) else None
