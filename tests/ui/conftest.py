"""GUI fixtures: one QApplication (pytest-qt's), a home with a few cases, logged-in actors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hall_desk.domain.roles import Actor
from hall_desk.services import intake
from hall_desk.services.intake import IntakeResult
from hall_desk.services.workstation import Workstation
from hall_desk.ui import appearance
from hall_desk.ui.app import application
from hall_desk.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.services.helpers import draft_for, person, resident_id

FOOD = "011050007001"


@pytest.fixture(autouse=True)
def _app(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    app = application()
    yield
    # Each test starts from the default look.
    appearance.apply_theme(app, "light")
    appearance.apply_font_scale(app, 1.0)


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
