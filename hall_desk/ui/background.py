"""Long work (sync, big reports, imports) off the GUI thread, reporting progress with signals.

The worker function never touches widgets: it gets a `progress(done, total, text)` callable
whose calls arrive in the GUI thread as the `progress` signal.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from contextlib import suppress
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.progress import Progress


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str, str)  # message for the person, traceback for the log ("" for refusals)
    refused = Signal(object)  # the HallDeskError itself, so a form can put it beside its field


class _Runner(QRunnable):
    """One class for every task (a class made per call is freed only by the cycle collector)."""

    def __init__(self, work: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        signals = self.signals

        def progress(done: int, total: int, text: str) -> None:
            _emit(signals, "progress", done, total, text)

        try:
            result = self.work(progress)
        except HallDeskError as exc:
            outcome: tuple[tuple[Any, ...], ...] = ("refused", exc), ("failed", exc.message, "")
        except Exception as exc:
            outcome = (("failed", str(exc) or type(exc).__name__, traceback.format_exc()),)
        else:
            outcome = (("finished", result),)
        for name, *args in outcome:
            _emit(signals, name, *args)


def _emit(signals: _Signals, name: str, *args: Any) -> None:
    """A task deleted while its work ran (its window closed, or it was dropped once its first
    answer came) has nobody left to tell: the signal is dropped, not raised in the worker."""
    if not shiboken6.isValid(signals):
        return
    with suppress(RuntimeError):  # deleted between the check and the emit
        getattr(signals, name).emit(*args)


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
        # Not a child of the task: the worker may still emit through it after the task is gone.
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
        (pool or QThreadPool.globalInstance()).start(_Runner(self.work, self._signals))

    def _finish(self, result: object) -> None:
        self.running = False
        self.finished.emit(result)
        self.done.emit()

    def _fail(self, message: str, trace: str) -> None:
        self.running = False
        self.failed.emit(message, trace)
        self.done.emit()
