"""One way to run a user action from the window: the service call off the GUI thread, a busy
state while it runs, refusals beside their fields, crashes in the error dialog, and then one
"changed" announcement so that every open view refreshes itself.

    Op(self, lambda: intake.accept(ws, actor, draft), touches=[Entity.CASE])
        .busy(*self.decision_buttons.values())
        .fields(self.errors, inputs)
        .success(self._show_result)
        .run()

The work function runs in a worker thread: it may call services (each opens its own session on
the workstation's database) but must never touch a widget. Every callback runs in the GUI
thread, after the busy state has been lifted.

Long work shows how far it is in a `ProgressLine` beside its button: with `.progress(line)` the
work is called with a `progress(done, total, text)` callable, whose calls reach the line in the
GUI thread:

    Op(self, lambda progress: ledgers.export(ws, actor, …, progress=progress))
        .busy(self.export_button)
        .progress(self.export_progress)
        .run()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from hall_desk.domain.errors import HallDeskError
from hall_desk.ui.background import BackgroundTask
from hall_desk.ui.changes import Entity, announce
from hall_desk.ui.errors import report_crash, show_error_dialog
from hall_desk.ui.progress_line import ProgressLine
from hall_desk.ui.widgets import FieldErrors

T = TypeVar("T")

_pool: QThreadPool | None = None
_queue_pool: QThreadPool | None = None
_running: set[Op[object]] = set()  # referenced until done, or Python collects them mid-flight


def pool() -> QThreadPool:
    """One worker for all actions: they reach the database in the order the person made them."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def queue_pool() -> QThreadPool:
    """One worker for the live queue's actions (services/queue.py): a shared database that is
    slow or away (a connect waits seconds before it gives up) never holds the person's next
    intake up behind it — intake never waits on the queue."""
    global _queue_pool
    if _queue_pool is None:
        _queue_pool = QThreadPool()
        _queue_pool.setMaxThreadCount(1)
    return _queue_pool


def running() -> int:
    """How many actions have not finished yet (tests wait for 0)."""
    return len(_running)


def wait_for_workers(msecs: int = 30_000) -> bool:
    """Blocks until the workers are idle: the database must not close under a running action."""
    return all(p.waitForDone(msecs) for p in (_pool, _queue_pool) if p is not None)


class Op(Generic[T]):
    """One user action; configure with the chained methods, then `run()`."""

    def __init__(
        self,
        parent: QWidget,
        work: Callable[..., T],  # (): T, or (progress): T with .progress()
        touches: Iterable[Entity] | Callable[[T], Iterable[Entity]] = (),
    ) -> None:
        self.parent = parent
        self.work = work
        self.touches = touches
        self._busy: list[QWidget] = []
        self._errors: FieldErrors | None = None
        self._inputs: dict[str, QWidget] = {}
        self._on_success: Callable[[T], object] | None = None
        self._on_refused: Callable[[HallDeskError], object] | None = None
        self._always: Callable[[], object] | None = None
        self._result: T | None = None
        self._refusal: HallDeskError | None = None
        self._trace = ""
        self._focus: QWidget | None = None
        self._line: ProgressLine | None = None
        self.task: BackgroundTask | None = None
        self.finished = False

    # -- configuration -------------------------------------------------------------------------
    def busy(self, *widgets: QWidget) -> Op[T]:
        """Widgets disabled while the action runs (the button pressed, the form it sends)."""
        self._busy.extend(widgets)
        return self

    def progress(self, line: ProgressLine) -> Op[T]:
        """Shows the work's progress in `line` while it runs; the work gets the callable."""
        self._line = line
        return self

    def fields(self, errors: FieldErrors, inputs: dict[str, QWidget] | None = None) -> Op[T]:
        """Refusals go beside their fields; the first bad input gets the focus."""
        self._errors = errors
        self._inputs = dict(inputs or {})
        return self

    def refused(self, handler: Callable[[HallDeskError], object]) -> Op[T]:
        """For screens without per-field labels: they say the refusal their own way."""
        self._on_refused = handler
        return self

    def success(self, handler: Callable[[T], object]) -> Op[T]:
        self._on_success = handler
        return self

    def always(self, handler: Callable[[], object]) -> Op[T]:
        """Runs last, whatever the outcome (a queue of scans moves on to the next one)."""
        self._always = handler
        return self

    # -- running -------------------------------------------------------------------------------
    def run(self, on: QThreadPool | None = None) -> Op[T]:
        """Starts the work on the action worker, or on `on` for work that never reaches the
        database (a print job) and must not hold the person's next action up behind it."""
        work = self.work
        line = self._line
        task = BackgroundTask(work if line is not None else lambda _progress: work())
        if line is not None:
            task.progress.connect(self._progressed)
            line.begin()
        task.finished.connect(self._finished)
        task.refused.connect(self._refused)
        task.failed.connect(self._failed)
        task.done.connect(self._done)
        self.task = task
        _running.add(self)  # type: ignore[arg-type]
        focus = QApplication.focusWidget()
        self._focus = focus if focus in self._busy else None
        self._busy = [w for w in self._busy if w.isEnabled()]
        for widget in self._busy:
            widget.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        task.start(on or pool())
        return self

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self._line is not None and shiboken6.isValid(self._line):
            self._line.step(done, total, text)

    def _finished(self, result: object) -> None:
        self._result = result  # type: ignore[assignment]

    def _refused(self, error: object) -> None:
        assert isinstance(error, HallDeskError)
        self._refusal = error

    def _failed(self, _message: str, trace: str) -> None:
        self._trace = trace

    def _done(self) -> None:
        QGuiApplication.restoreOverrideCursor()
        if self._line is not None and shiboken6.isValid(self._line):
            self._line.end()
        for widget in self._busy:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)
        if self._focus is not None and shiboken6.isValid(self._focus):
            self._focus.setFocus()
        alive = shiboken6.isValid(self.parent)
        try:
            if self._trace:
                report_crash(self._trace, self.parent if alive else None)
            elif self._refusal is not None:
                if alive:
                    self._show_refusal(self._refusal)
            else:
                if self._errors is not None and alive:
                    self._errors.clear()
                touched = (
                    self.touches(self._result)  # type: ignore[arg-type]
                    if callable(self.touches)
                    else self.touches
                )
                # Views refresh first, so that the form's own result is what stays focused.
                announce(touched)
                if self._on_success is not None and alive:
                    self._on_success(self._result)  # type: ignore[arg-type]
        finally:
            self.finished = True
            if self._always is not None and alive:
                self._always()
            _running.discard(self)  # type: ignore[arg-type]
            if self.task is not None:
                self.task.deleteLater()
                self.task = None

    def _show_refusal(self, error: HallDeskError) -> None:
        if self._errors is not None:
            self._errors.show(error, self._inputs)
        elif self._on_refused is not None:
            self._on_refused(error)
        else:
            show_error_dialog(error.message, self.parent)
