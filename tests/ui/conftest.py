"""GUI fixtures: one QApplication (pytest-qt's), a home with a few cases, logged-in actors.

Every GUI test must leave nothing behind: no window still open or never deleted, no QThread
still running, no task still running on the thread pool (`_no_leaks`). A leaked window keeps its
workstation's database open and gets the next test's events; a leaked thread writes into a home
that pytest is deleting.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterator
from logging.handlers import RotatingFileHandler

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QThread, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from hall_desk.domain.roles import Actor
from hall_desk.services import intake
from hall_desk.services.intake import IntakeResult
from hall_desk.services.workstation import Workstation
from hall_desk.ui import appearance, errors, language
from hall_desk.ui.app import application
from hall_desk.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.services.helpers import draft_for, person, resident_id
from tests.ui.gated import Gated

FOOD = "011050007001"
# How long a test's background work may take to wind down after the test before it is a leak.
SETTLE_MS = 5000


def _flush_deletes() -> None:
    """Runs the deleteLater()s that closing the test's widgets queued."""
    for _ in range(2):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def _new_windows(before: set[int]) -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if shiboken6.getCppPointer(w)[0] not in before and shiboken6.isValid(w)
    ]


def _describe(widget: QWidget) -> str:
    title = widget.windowTitle()
    name = widget.objectName()
    return (
        f"{type(widget).__name__}"
        + (f" {name!r}" if name else "")
        + (f" 「{title}」" if title else "")
        + (" (visible)" if widget.isVisible() else " (hidden, never deleted)")
    )


@pytest.fixture(autouse=True)
def _no_leaks(qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:  # type: ignore[no-untyped-def]
    before = {shiboken6.getCppPointer(w)[0] for w in QApplication.topLevelWidgets()}
    threads: list[weakref.ref[QThread]] = []
    start_thread = QThread.start

    def recording_start(self: QThread, *args: object) -> None:
        threads.append(weakref.ref(self))
        start_thread(self, *args)

    monkeypatch.setattr(QThread, "start", recording_start)
    yield
    pool = QThreadPool.globalInstance()
    problems = []
    if not pool.waitForDone(SETTLE_MS):
        problems.append(f"{pool.activeThreadCount()} task(s) still running on the thread pool")
    for ref in threads:
        thread = ref()
        if thread is not None and shiboken6.isValid(thread) and thread.isRunning():
            problems.append(f"QThread {type(thread).__name__} {thread.objectName()!r} running")
            thread.quit()
            thread.wait(SETTLE_MS)
    _flush_deletes()
    leaked = _new_windows(before)
    if leaked:
        # Widgets held only by reference cycles go with a full collection (too slow to run
        # after every test, so only when something is left).
        del leaked
        gc.collect()
        _flush_deletes()
        leaked = _new_windows(before)
    problems += [f"window left open: {_describe(w)}" for w in leaked]
    for w in leaked:  # so that one leak fails one test, not every test after it
        w.close()
        w.deleteLater()
    _flush_deletes()
    if problems:
        pytest.fail("the test left things behind:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture(autouse=True)
def _app(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    app = application()
    # In Chinese, the source language, whatever the machine's locale.
    language.apply(app, language.CHINESE)
    # Each test starts from the default look, as the program's windows do (the theme is set
    # before the first of them): set only after each test, the first test of a run had no
    # style sheet at all, and everything the theme colours (refusals in red) was drawn black.
    appearance.apply_theme(app, "light")
    appearance.apply_font_scale(app, 1.0)
    yield
    language.apply(app, language.CHINESE)
    # A desk that did not close (or a test that set up logging) leaves no handler behind: the
    # next test's error dialog must name its own log.
    for handler in list(errors.log.handlers):
        if isinstance(handler, RotatingFileHandler):
            errors.log.removeHandler(handler)
            handler.close()


@pytest.fixture
def cases(ws: Workstation, clerk: Actor) -> list[IntakeResult]:
    made = []
    for i, name in enumerate(["包海龙", "包玉兰", "乌日娜"]):
        applicant = person(
            number=resident_id(seq=f"{200 + i}"), name=name, phone=f"1390475{1000 + i:04d}"
        )
        made.append(intake.accept(ws, clerk, draft_for(ws, [FOOD], applicant), on=TODAY))
    return made


@pytest.fixture
def window(qtbot, ws: Workstation, admin: Actor) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(ws, admin)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Types like a clerk: ASCII as key presses, Chinese as an input method commits it."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for chunk in _chunks(text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def _chunks(text: str) -> list[str]:
    out: list[str] = []
    for ch in text:
        if out and out[-1].isascii() == ch.isascii():
            out[-1] += ch
        else:
            out.append(ch)
    return out


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[object, str], Gated]]:
    """`gate(module, "name")` holds each call of `module.name` in its worker until released;
    whatever the test's outcome, every call is let go at the end (a held worker would hold the
    next test's actions up behind it)."""
    made: list[Gated] = []

    def make(module: object, name: str) -> Gated:
        gated = Gated(getattr(module, name))
        monkeypatch.setattr(module, name, gated)
        made.append(gated)
        return gated

    yield make
    for gated in made:
        gated.release_all()
