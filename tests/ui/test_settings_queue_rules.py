"""设置 → 叫号队列's hall-wide calling rules typed with keys (the label's Alt key, the number,
Enter), saved with the queue, and then what the hall does with them: the green-channel ratio in
the calling order, the recall limit making 过号, the display's voice; a value out of range
refused beside its box, nothing written; numbers typed and not yet saved kept over a queue's
delete."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QSpinBox

from hall_desk.domain.assistance import AssistanceFlag
from hall_desk.domain.queue import Priority, QueueAction
from hall_desk.services import queue
from hall_desk.sync.queue_link import QueueLink
from hall_desk.ui.display import Announcer, DisplayWindow
from hall_desk.ui.queue_settings import QueueSettingsTab
from tests.ui.actions import click, settle
from tests.ui.looks import drawn_in, role_colour
from tests.ui.queue_hall import open_all_day
from tests.ui.test_settings_queues import open_queues_tab


@pytest.fixture
def hall(ws, admin, tmp_path: Path) -> Iterator[QueueLink]:  # type: ignore[no-untyped-def]
    """Window 2 on the SQLite shared file, every queue open all day."""
    ws.config.extra[queue.WINDOW_KEY] = "2"
    open_all_day(ws, admin)
    link = QueueLink(ws, str(tmp_path / "hall-shared.sqlite3"))
    yield link
    link.close()


def _type_rule(qtbot, tab: QueueSettingsTab, key: Qt.Key, value: int) -> QSpinBox:  # type: ignore[no-untyped-def]
    """Alt + the label's letter, the number over the old one, Enter: as a clerk sets it."""
    qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
    spin = QApplication.focusWidget()
    assert isinstance(spin, QSpinBox) and tab.isAncestorOf(spin)
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    settle(qtbot)
    return spin


def _stored_rules(ws) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The hall's queue setting as the local database holds it, read without the program."""
    con = sqlite3.connect(ws.home.db_path)
    try:
        (raw,) = con.execute("SELECT value FROM hall_settings WHERE key = 'queues'").fetchone()
        (events,) = con.execute("SELECT count(*) FROM events").fetchone()
    finally:
        con.close()
    stored = json.loads(raw)
    return {k: stored[k] for k in ("green_ratio", "recall_limit", "repeat")} | {"events": events}


def test_the_rules_follow_the_queue_fields_in_keyboard_order(qtbot, ws, admin, hall) -> None:  # type: ignore[no-untyped-def]
    tab = open_queues_tab(qtbot, ws, admin)
    assert (tab.green_ratio.value(), tab.recall_limit.value(), tab.repeat.value()) == (2, 3, 2)
    tab.closes.setFocus()
    for _ in range(3):  # Tab first walks the time's own sections (hour, minute)
        if QApplication.focusWidget() is not tab.closes:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    reached = [QApplication.focusWidget()]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [tab.green_ratio, tab.recall_limit, tab.repeat, tab.new_button]
    captions = {label.buddy(): label.text() for label in tab.findChildren(QLabel) if label.buddy()}
    assert captions[tab.green_ratio] == "绿色通道连续优先(&G)："
    assert captions[tab.recall_limit] == "重呼次数上限(&L)："
    assert captions[tab.repeat] == "语音播报次数(&P)："


def test_a_green_ratio_of_one_calls_green_and_normal_in_turn(qtbot, ws, admin, hall) -> None:  # type: ignore[no-untyped-def]
    tab = open_queues_tab(qtbot, ws, admin)
    tab.name.setFocus()
    spin = _type_rule(qtbot, tab, Qt.Key.Key_G, 1)
    assert spin is tab.green_ratio
    assert tab.message.text() == "已保存队列 A 综合受理 及全大厅叫号规则"
    assert _stored_rules(ws)["green_ratio"] == 1
    for flags in ([AssistanceFlag.ELDERLY],) * 3 + ([],) * 3:
        queue.issue(ws, admin, hall, "A", flags=flags)
    called = [queue.call_next(ws, admin, hall) for _ in range(6)]
    # At the default ratio 2 the order would be G, G, N, G, N, N.
    assert [t.priority for t in called if t is not None] == [Priority.GREEN, Priority.NORMAL] * 3
    assert [t.label for t in called if t is not None] == [
        "A001",
        "A004",
        "A002",
        "A005",
        "A003",
        "A006",
    ]
    queue.flush_records(ws)


def test_a_recall_limit_of_one_makes_the_second_recall_a_no_show(qtbot, ws, admin, hall) -> None:  # type: ignore[no-untyped-def]
    tab = open_queues_tab(qtbot, ws, admin)
    tab.name.setFocus()
    assert _type_rule(qtbot, tab, Qt.Key.Key_L, 1) is tab.recall_limit
    assert _stored_rules(ws)["recall_limit"] == 1
    queue.issue(ws, admin, hall, "A")
    queue.call_next(ws, admin, hall)
    assert queue.recall(ws, admin, hall).action is QueueAction.RECALL
    assert queue.recall(ws, admin, hall).action is QueueAction.NO_SHOW
    queue.flush_records(ws)
    con = sqlite3.connect(hall.url)
    try:
        rows = con.execute("SELECT label, state, recalls FROM hall_queue_tickets").fetchall()
    finally:
        con.close()
    assert rows == [("A001", "no_show", 1)]


def test_the_display_says_each_call_as_often_as_set(qtbot, ws, admin, hall) -> None:  # type: ignore[no-untyped-def]
    tab = open_queues_tab(qtbot, ws, admin)
    tab.name.setFocus()
    assert _type_rule(qtbot, tab, Qt.Key.Key_P, 3) is tab.repeat
    assert _stored_rules(ws)["repeat"] == 3
    said: list[str] = []
    announcer = Announcer(None, chime=lambda: None, gap_ms=10)
    announcer.spoken.connect(said.append)
    display = DisplayWindow(ws, hall, announcer)
    qtbot.addWidget(display)
    display.show()
    display.start()
    settle(qtbot)
    queue.issue(ws, admin, hall, "A")
    queue.call_next(ws, admin, hall)
    qtbot.waitUntil(lambda: len(said) == 3, timeout=4000)
    qtbot.wait(200)  # and not a fourth time
    assert said == ["请 A 零 零 一 号 到 2 号窗口"] * 3
    display.stop()
    queue.flush_records(ws)
    settle(qtbot)


def test_a_rule_out_of_range_is_refused_beside_its_box(qtbot, ws, admin, hall) -> None:  # type: ignore[no-untyped-def]
    before = _stored_rules(ws)
    tab = open_queues_tab(qtbot, ws, admin)
    tab.name.setFocus()
    _type_rule(qtbot, tab, Qt.Key.Key_L, 0)
    error = tab.errors.labels["recall_limit"]
    assert error.isVisible() and error.text() == "⚠ 重呼次数上限须为 1–10"
    # Red as refusals are everywhere: the theme's colour for the role, on screen.
    red = role_colour("fieldError")
    assert error.property("role") == "fieldError"
    assert error.palette().color(error.foregroundRole()) == red
    assert drawn_in(error, red)
    assert QApplication.focusWidget() is tab.recall_limit
    assert not tab.errors.labels["green_ratio"].isVisible()
    assert _stored_rules(ws) == before  # nothing written, not even the queue
    # Two wrong at once: each beside its own box, the focus on the first.
    tab.green_ratio.setFocus()
    _type_rule(qtbot, tab, Qt.Key.Key_G, 11)
    assert tab.errors.labels["green_ratio"].text() == "⚠ 绿色通道连续优先次数须为 1–10"
    assert tab.errors.labels["recall_limit"].text() == "⚠ 重呼次数上限须为 1–10"
    assert QApplication.focusWidget() is tab.green_ratio
    assert _stored_rules(ws) == before
    _type_rule(qtbot, tab, Qt.Key.Key_G, 4)
    assert not tab.errors.labels["green_ratio"].isVisible()
    _type_rule(qtbot, tab, Qt.Key.Key_L, 5)
    assert not error.isVisible()
    stored = _stored_rules(ws)
    assert (stored["green_ratio"], stored["recall_limit"], stored["repeat"]) == (4, 5, 2)
    assert queue.settings_of(ws).queue("A").name == "综合受理"  # the queue saved unchanged


def test_rules_typed_before_a_queue_is_deleted_are_kept(qtbot, ws, admin) -> None:  # type: ignore[no-untyped-def]
    tab = open_queues_tab(qtbot, ws, admin)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert tab.code.text() == "D"
    # A new recall limit typed, not saved (no Enter), then the chosen queue deleted.
    qtbot.keyClick(tab.table, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is tab.recall_limit
    qtbot.keyClick(tab.recall_limit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(tab.recall_limit, "5")
    click(qtbot, tab.remove_button)
    assert [q.code for q in queue.settings_of(ws).queues] == ["A", "B", "C"]
    assert tab.model.rowCount() == 3 and tab.code.text() == "A"
    # The hall's rules are not the queue's: the number typed is still there, said to be unsaved,
    # and the delete did not write it.
    assert tab.recall_limit.value() == 5
    assert tab.message.text() == (
        "已删除队列 D。叫号规则的修改尚未保存：按「保存队列及叫号规则」保存"
    )
    assert _stored_rules(ws)["recall_limit"] == 3
    click(qtbot, tab.save_button)
    assert _stored_rules(ws)["recall_limit"] == 5
    assert tab.message.text() == "已保存队列 A 综合受理 及全大厅叫号规则"
    # With nothing typed in the rules, a delete says only that.
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    click(qtbot, tab.remove_button)
    assert tab.message.text() == "已删除队列 C"
    assert [q.code for q in queue.settings_of(ws).queues] == ["A", "B"]
