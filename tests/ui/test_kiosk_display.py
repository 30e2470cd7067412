"""The kiosk and the hall display driven as people do: taps on the kiosk print a ticket (or
say why not); a call at a window reaches the display and its voice, announcements queued."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from hall_desk.domain.clock import SettableClock
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import queue
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.sync.queue_link import QueueLink
from hall_desk.ui.display import Announcer, DisplayWindow, choose_engine, speech_engine
from hall_desk.ui.kiosk import KioskWindow
from tests.conftest import make_home, next_morning
from tests.ui.actions import click, settle

CLERK = Actor("clerk1", "王晓燕", Role.CLERK)


@pytest.fixture
def hall(tmp_path: Path):  # type: ignore[no-untyped-def]
    make_home(tmp_path / "home").close()
    clock = SettableClock(next_morning().replace(hour=9, minute=0, second=0, microsecond=0))
    ws = Workstation(Home(tmp_path / "home"), clock)
    ws.config.extra[queue.WINDOW_KEY] = "3"
    link = QueueLink(ws, str(tmp_path / "hall-shared.sqlite3"))
    yield ws, link, clock
    link.close()
    ws.close()


def _shown(qtbot, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1280, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_one_tap_prints_a_ticket_and_help_gives_a_green_one(qtbot, hall) -> None:  # type: ignore[no-untyped-def]
    ws, link, clock = hall
    printed: list[bytes] = []
    kiosk = _shown(qtbot, KioskWindow(ws, link, printer=printed.append))
    click(qtbot, kiosk.buttons["A"])
    qtbot.waitUntil(lambda: len(printed) == 1)
    assert "您的号码：A001" in kiosk.result.text()
    assert "您前面还有 0 人" in kiosk.result.text()
    text = PdfReader(io.BytesIO(printed[0])).pages[0].extract_text()
    assert "A001" in text and "综合受理" in text and ws.hall in text
    clock.advance(timedelta(seconds=20))
    click(qtbot, kiosk.help)
    qtbot.waitUntil(lambda: len(printed) == 2)
    assert "您的号码：A002" in kiosk.result.text()
    assert "绿色通道：已通知帮您办工作人员" in kiosk.result.text()
    assert "绿色通道" in PdfReader(io.BytesIO(printed[1])).pages[0].extract_text()


def test_the_kiosk_refuses_rather_than_print_a_number_that_does_not_exist(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ws = make_home(tmp_path / "home")
    link = QueueLink(ws, "postgresql://nobody@127.0.0.1:1/none")
    printed: list[bytes] = []
    try:
        kiosk = _shown(qtbot, KioskWindow(ws, link, printer=printed.append))
        click(qtbot, kiosk.buttons["B"])
        assert kiosk.result.text().startswith("⚠ 未出号：")
        assert printed == []
    finally:
        link.close()
        ws.close()


def test_a_call_reaches_the_display_and_is_said_with_digits_one_by_one(qtbot, hall) -> None:  # type: ignore[no-untyped-def]
    ws, link, _clock = hall
    queue.issue(ws, CLERK, link, "A")
    queue.issue(ws, CLERK, link, "A")
    chimes: list[int] = []
    said: list[str] = []
    announcer = Announcer(None, repeat=2, chime=lambda: chimes.append(1), gap_ms=10)
    announcer.spoken.connect(said.append)
    display = _shown(qtbot, DisplayWindow(ws, link, announcer))
    display.start()
    settle(qtbot)
    assert "综合受理 2" in display.waiting.text()
    queue.call_next(ws, CLERK, link)
    qtbot.waitUntil(lambda: len(said) == 2, timeout=3000)  # within the poll, twice
    assert said == ["请 A 零 零 一 号 到 3 号窗口"] * 2 and len(chimes) == 2
    assert display.window_labels["3"].text() == "3 号窗口：A001"
    assert display.latest.text() == "请 A001 号到 3 号窗口办理"
    queue.recall(ws, CLERK, link)  # a recall is said again
    qtbot.waitUntil(lambda: len(said) == 4, timeout=3000)
    display.stop()
    settle(qtbot)


class FakeSpeech(QObject):
    """Speaks for 40 ms per text, as an engine does: Speaking, then Ready."""

    class State:
        def __init__(self, name: str) -> None:
            self.name = name

    stateChanged = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.speaking = False
        self.overlaps = 0
        self.texts: list[str] = []

    def say(self, text: str) -> None:
        if self.speaking:
            self.overlaps += 1
        self.speaking = True
        self.texts.append(text)
        self.stateChanged.emit(self.State("Speaking"))
        QTimer.singleShot(40, self._done)

    def _done(self) -> None:
        self.speaking = False
        self.stateChanged.emit(self.State("Ready"))


def test_announcements_queue_and_never_overlap(qtbot) -> None:  # type: ignore[no-untyped-def]
    engine = FakeSpeech()
    announcer = Announcer(engine, repeat=2, gap_ms=5)
    for text in ("一", "二", "三"):
        announcer.announce(text)  # three calls at once
    qtbot.waitUntil(lambda: len(engine.texts) == 6 and not engine.speaking, timeout=3000)
    assert engine.texts == ["一", "一", "二", "二", "三", "三"]
    assert engine.overlaps == 0
    assert QApplication.instance() is not None


@pytest.mark.parametrize("command", ["kiosk", "display"])
def test_the_screens_need_the_shared_database(tmp_path, capsys, command) -> None:  # type: ignore[no-untyped-def]
    from hall_desk.cli import main

    make_home(tmp_path / "home").close()
    assert main(["--home", str(tmp_path / "home"), command]) == 1
    assert "未设置共享数据库：取号机与叫号显示屏需要大厅的共享数据库" in capsys.readouterr().err


def test_announcements_through_qts_own_speech_engine(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Qt's text-to-speech module with its mock engine (it speaks silently, taking time per
    word as a real engine does): the display's announcer says each call twice, in order, and
    never starts one while the engine is still speaking."""
    tts = pytest.importorskip(
        "PySide6.QtTextToSpeech", reason="Qt's text-to-speech needs libpulse0 on Linux"
    )
    engine = speech_engine("mock")
    assert engine is not None and engine.engine() == "mock"
    speaking = tts.QTextToSpeech.State.Speaking
    starts: list[tuple[str, bool]] = []
    announcer = Announcer(engine, repeat=2, gap_ms=5)
    announcer.spoken.connect(lambda text: starts.append((text, engine.state() == speaking)))
    busy_at_start: list[bool] = []
    original_say = engine.say

    def say(text: str) -> None:
        busy_at_start.append(engine.state() == speaking)
        original_say(text)

    engine.say = say  # type: ignore[method-assign]
    announcer.announce("请 A 零 零 一 号 到 3 号窗口")
    announcer.announce("请 B 零 零 二 号 到 5 号窗口")
    qtbot.waitUntil(lambda: len(starts) == 4 and not announcer.speaking, timeout=10_000)
    assert [text for text, _ in starts] == ["请 A 零 零 一 号 到 3 号窗口"] * 2 + [
        "请 B 零 零 二 号 到 5 号窗口"
    ] * 2
    assert busy_at_start == [False] * 4, "no announcement starts over another"


def test_the_silent_mock_engine_is_never_chosen_for_a_real_display() -> None:
    assert choose_engine(["mock", "speechd"]) == "speechd"
    assert choose_engine(["mock"]) == "", "no real engine: chime and text"
    assert choose_engine(["mock", "sapi"], "mock") == "mock"
    assert choose_engine(["speechd"], "sapi") == ""
