"""Following the live queue from a screen: a look at the shared database every second, and on
PostgreSQL a LISTEN on services.queue.NOTIFY_CHANNEL that wakes the screen at each step of any
window or kiosk (the SQLite shared file has no NOTIFY: the second's poll alone). The hall
display and the dashboard's 当前等候 both follow the queue through `QueueWatch`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from hall_desk.services import queue

POLL_MS = 1000
# How long the listener waits for a NOTIFY before it looks whether it was stopped: a stopped
# watch's thread is gone this soon after (closing waits for it).
LISTEN_SLICE_S = 0.25
RETRY_S = 3  # after the server was out of reach, the next LISTEN attempt
CONNECT_TIMEOUT_S = 3
CLOSE_WAIT_S = 2  # closing waits at most this long for the listener's thread to end


class NotifyListener(threading.Thread):
    """LISTEN on PostgreSQL: calls `wake` (from this thread: make it a queued signal) on each
    NOTIFY; reconnects after the server went away; ends soon after `stop()`."""

    def __init__(self, url: str, wake: Callable[[], None], passfile: Any = None) -> None:
        super().__init__(daemon=True, name="queue-listen")
        self.url = url
        self.wake = wake
        self.passfile = str(passfile) if passfile is not None else None
        self.stopped = threading.Event()
        self.listening = threading.Event()  # set while LISTEN is in place (tests, benches)

    def stop(self) -> None:
        self.stopped.set()

    def run(self) -> None:
        try:
            while not self.stopped.is_set():
                self._listen()
        finally:
            self.listening.clear()

    def _listen(self) -> None:
        import psycopg

        extra = {"passfile": self.passfile} if self.passfile else {}
        try:
            with psycopg.connect(
                self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, **extra
            ) as conn:
                conn.execute(f"LISTEN {queue.NOTIFY_CHANNEL}")
                self.listening.set()
                while not self.stopped.is_set():
                    # Ends on its timeout: look at `stopped`, then listen on.
                    for _ in conn.notifies(timeout=LISTEN_SLICE_S, stop_after=None):
                        if self.stopped.is_set():
                            return
                        try:
                            self.wake()
                        except RuntimeError:  # the screen it wakes is gone already
                            self.stopped.set()
                            return
        except psycopg.Error:
            self.listening.clear()
            self.stopped.wait(RETRY_S)


class QueueWatch(QObject):
    """`changed` every POLL_MS while started, and at once on each NOTIFY when started with a
    PostgreSQL address to listen on. The reading itself is the screen's (off the GUI thread)."""

    changed = Signal()
    _heard = Signal()  # emitted on the listener's thread, delivered on this object's

    def __init__(self, interval_ms: int = POLL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.changed)
        self._heard.connect(self._woken)
        self.listener: NotifyListener | None = None

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def start(self, listen_url: str = "", passfile: Any = None) -> None:
        if self.running:
            return
        self.timer.start()
        if listen_url:
            self.listener = NotifyListener(listen_url, self._heard.emit, passfile)
            self.listener.start()

    def stop(self, wait_s: float = 0.0) -> None:
        """Stops the poll and the listener at once; `wait_s` > 0 (closing) also waits that
        long for the listener's thread to end, so that none is left behind."""
        self.timer.stop()
        listener, self.listener = self.listener, None
        if listener is not None:
            listener.stop()
            if wait_s > 0:
                listener.join(wait_s)

    @Slot()
    def _woken(self) -> None:
        if self.running:  # a NOTIFY heard just before stop() arrives after it: not passed on
            self.changed.emit()
