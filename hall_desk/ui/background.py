"""Long work (sync, big reports, imports) off the GUI thread, reporting progress with signals.

The worker function never touches widgets: it gets a `progress(done, total, text)` callable
whose calls arrive in the GUI thread as the `progress` signal.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from hall_desk.domain.errors import HallDeskError

Progress = Callable[[int, int, str], None]


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str, str)  # message for the person, traceback for the log ("" for refusals)
    refused = Signal(object)  # the HallDeskError itself, so a form can put it beside its field


class BackgroundTask(QObject):
    """Runs `work(progress)` on Qt's thread pool; keep a reference until `done` fires."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str, str)
    refused = Signal(object)  # arrives just before `failed` when the work refused (HallDeskError)
    done = Signal()

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.running = False
        self._signals = _Signals()
        # Signals cross threads queued: the slots below run in the GUI thread.
        self._signals.progress.connect(self.progress)
        self._signals.refused.connect(self.refused)
        self._signals.finished.connect(self._finish)
        self._signals.failed.connect(self._fail)

    def start(self, pool: QThreadPool | None = None) -> None:
        if self.running:
            return
        self.running = True
        signals, work = self._signals, self.work

        class _Runner(QRunnable):
            def run(self) -> None:
                try:
                    result = work(
                        lambda done, total, text: signals.progress.emit(done, total, text)
                    )
                except HallDeskError as exc:
                    signals.refused.emit(exc)
                    signals.failed.emit(exc.message, "")
                except Exception as exc:
                    signals.failed.emit(str(exc) or type(exc).__name__, traceback.format_exc())
                else:
                    signals.finished.emit(result)

        (pool or QThreadPool.globalInstance()).start(_Runner())

    def _finish(self, result: object) -> None:
        self.running = False
        self.finished.emit(result)
        self.done.emit()

    def _fail(self, message: str, trace: str) -> None:
        self.running = False
        self.failed.emit(message, trace)
        self.done.emit()
