"""The 叫号 bar driven by its function keys on a real shared file: call, recall, no-show,
park and resume, pause; and what it says when the shared database is away."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hall_desk.domain.clock import SettableClock
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import queue
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.sync.queue_link import QueueLink
from hall_desk.ui.queue_bar import QueueBar
from tests.conftest import make_home, next_morning
from tests.ui.actions import settle
from tests.ui.conftest import type_text

CLERK = Actor("clerk1", "王晓燕", Role.CLERK)


@pytest.fixture
def window(tmp_path: Path):  # type: ignore[no-untyped-def]
    make_home(tmp_path / "home").close()
    clock = SettableClock(next_morning().replace(hour=9, minute=0, second=0, microsecond=0))
    ws = Workstation(Home(tmp_path / "home"), clock)
    ws.config.extra[queue.WINDOW_KEY] = "3"
    link = QueueLink(ws, str(tmp_path / "hall-shared.sqlite3"))
    yield ws, link, clock
    link.close()
    ws.close()


def _bar(qtbot, ws, link) -> QueueBar:  # type: ignore[no-untyped-def]
    bar = QueueBar(ws, CLERK, link)
    qtbot.addWidget(bar)
    bar.resize(1400, 80)
    bar.show()
    qtbot.waitExposed(bar)
    bar.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is bar)
    return bar


def press(qtbot, bar: QueueBar, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget() or bar, key)
    settle(qtbot)


def test_a_window_works_the_queue_from_the_keyboard(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    ws, link, clock = window
    for _ in range(2):
        queue.issue(ws, CLERK, link, "A")
        clock.advance(timedelta(seconds=30))
    bar = _bar(qtbot, ws, link)
    bar.reason.setFocus()
    press(qtbot, bar, Qt.Key.Key_F5)
    assert bar.current.text() == "当前：A001 已呼叫"
    assert "A 1 人" in bar.waiting.text()
    press(qtbot, bar, Qt.Key.Key_F6)
    assert bar.message.text() == "已重呼 A001 号（第 1 次）"
    press(qtbot, bar, Qt.Key.Key_F7)  # 过号
    assert bar.current.text() == "当前：—"
    press(qtbot, bar, Qt.Key.Key_F5)
    assert bar.current.text() == "当前：A002 已呼叫"
    # 挂起 needs a reason: refused in words, then given.
    press(qtbot, bar, Qt.Key.Key_F9)
    assert "请填写原因" in bar.message.text()
    bar.reason.setFocus()
    type_text(qtbot, bar.reason, "回去取材料")
    press(qtbot, bar, Qt.Key.Key_F9)
    assert bar.current.text() == "当前：—"
    assert bar.parked.currentText() == "A002 回去取材料"
    press(qtbot, bar, Qt.Key.Key_F10)
    assert bar.current.text() == "当前：A002 已呼叫"
    press(qtbot, bar, Qt.Key.Key_F11)
    assert "（窗口已暂停）" in bar.waiting.text()
    assert bar.buttons["pause"].text() == "恢复窗口 F11"
    assert not bar.buttons["call"].isEnabled()
    press(qtbot, bar, Qt.Key.Key_F11)
    assert bar.buttons["call"].isEnabled()
    status = queue.status(ws, link)
    assert status.current is not None and status.current.label == "A002"


def test_a_kiosk_help_ticket_says_so_at_the_window(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    ws, link, _clock = window
    queue.issue(ws, CLERK, link, "A", needs_help=True)
    bar = _bar(qtbot, ws, link)
    bar.buttons["call"].setFocus()
    press(qtbot, bar, Qt.Key.Key_F5)
    assert bar.current.text() == "当前：A001 已呼叫【绿色通道·需要帮助，请帮您办岗协助】"


def test_the_bar_says_when_the_shared_database_is_away(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = make_home(tmp_path / "home")
    link = QueueLink(ws, "postgresql://nobody@127.0.0.1:1/none")
    try:
        bar = _bar(qtbot, ws, link)
        bar.buttons["call"].setFocus()
        press(qtbot, bar, Qt.Key.Key_F5)
        assert bar.waiting.text() == "⚠ 叫号不可用"
        assert "叫号与取号不可用：无法连接共享数据库" in bar.message.text()
        assert bar.buttons["call"].isEnabled()  # it can try again
        none = QueueBar(ws, CLERK, QueueLink(ws, ""))
        qtbot.addWidget(none)
        assert "未设置共享数据库" in none.message.text()
    finally:
        link.close()
        ws.close()
