"""The applicant's rating screen on a workstation with two displays (two virtual offscreen
screens: the clerk's and the applicant's). Run by tests/ui/test_rating_screen.py in a process
started with those two screens; not collected on its own (its name does not start with test_).
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.domain.ratings import Level
from hall_desk.services import settings
from hall_desk.store.models_ratings import RatingRow
from hall_desk.store.models_tickets import TicketRow
from hall_desk.ui import rating_screen
from hall_desk.ui.main_window import MainWindow
from hall_desk.ui.rating_screen import ASK, IDLE, REASONS, THANKS, RatingScreen
from tests.services.helpers import resident_id
from tests.ui.actions import click, settle
from tests.ui.conftest import type_text
from tests.ui.test_intake_workspace import FOOD, choose, tab_to, tick_all_materials


@pytest.fixture(autouse=True)
def _two_screens() -> None:
    assert len(QGuiApplication.screens()) == 2, "run with the two-screen offscreen platform"


@pytest.fixture
def main(qtbot, ws, clerk, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rating_screen, "THANKS_MS", 300)
    window = MainWindow(ws, clerk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def applicant_screen() -> object:
    primary = QGuiApplication.primaryScreen()
    return next(s for s in QGuiApplication.screens() if s is not primary)


def screen_of(main: MainWindow) -> RatingScreen:
    assert main.rating is not None and main.rating.screen is not None
    return main.rating.screen


def ratings(ws) -> list[RatingRow]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        found = list(s.scalars(select(RatingRow)))
        for row in found:
            s.expunge(row)
        return found


def log_consultation(qtbot, main: MainWindow, topic: str) -> None:  # type: ignore[no-untyped-def]
    main.show_workspace("consult")
    page = main.consult
    page.topic.setFocus()
    type_text(qtbot, page.topic, topic)
    click(qtbot, page.save_button)
    settle(qtbot)


def test_the_idle_face_waits_full_screen_on_the_applicants_display(qtbot, main) -> None:
    screen = screen_of(main)
    qtbot.waitUntil(screen.isVisible)
    assert screen.screen() is applicant_screen()
    assert screen.geometry() == applicant_screen().geometry()
    assert main.screen() is QGuiApplication.primaryScreen(), "the clerk keeps their own screen"
    assert screen.pages.currentIndex() == IDLE
    assert screen.findChild(QLabel, "idlePrompt").text() == "请对本次服务进行评价"
    assert screen.findChild(QLabel, "idleWho").text() == "综合窗口1"


def test_a_consultation_is_rated_on_the_screen_with_one_touch(qtbot, main, ws) -> None:
    screen = screen_of(main)
    log_consultation(qtbot, main, "社保卡丢失怎么补办")
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == ASK)
    assert screen.who.text() == "综合窗口1　工作人员：王晓燕（工号 clerk1）"
    assert screen.what.text() == "本次办理：咨询：社保卡丢失怎么补办"
    # Nothing is chosen for the applicant: no default button, none focused as the answer.
    assert not any(b.isDefault() or b.autoDefault() for b in screen.level_buttons.values())
    assert [b.text() for b in screen.level_buttons.values()] == [
        "非常满意",
        "满意",
        "基本满意",
        "不满意",
        "非常不满意",
    ]
    click(qtbot, screen.level_buttons[Level.VERY_SATISFIED])
    assert screen.pages.currentIndex() == THANKS and screen.thanks.text() == "感谢您的评价！"
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == IDLE)
    [row] = ratings(ws)
    assert (row.rated_kind, row.level, row.channel, row.state) == (
        "consultation",
        5,
        "screen",
        "given",
    )
    assert row.staff == "clerk1"


def test_a_bad_rating_asks_for_reasons_and_opens_its_rectification(qtbot, main, ws) -> None:
    screen = screen_of(main)
    log_consultation(qtbot, main, "营业执照变更要带什么")
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == ASK)
    click(qtbot, screen.level_buttons[Level.VERY_UNSATISFIED])  # 非常不满意
    assert screen.pages.currentIndex() == REASONS
    boxes = {b.text(): b for b in screen.reason_boxes}
    for reason in ("等候时间过长", "一次性告知不清楚"):  # a touch on the box's words
        box = boxes[reason]
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(20, box.height() // 2))
    assert [b.text() for b in screen.reason_boxes if b.isChecked()] == [
        "等候时间过长",
        "一次性告知不清楚",
    ]
    screen.note.setFocus()
    type_text(qtbot, screen.note, "跑了两次")
    click(qtbot, screen.submit_button)
    assert screen.pages.currentIndex() == THANKS
    [row] = ratings(ws)
    assert row.level == 1 and row.reasons.split("\n") == ["等候时间过长", "一次性告知不清楚"]
    assert row.note == "跑了两次" and row.ticket_no
    with ws.reading() as s:
        ticket = s.scalars(select(TicketRow).where(TicketRow.ticket_no == row.ticket_no)).one()
    assert (ticket.source, ticket.source_ref, ticket.staff) == ("rating", row.id, "clerk1")


def test_no_answer_in_time_is_recorded_as_unrated_never_as_good(
    qtbot, main, ws, monkeypatch
) -> None:
    monkeypatch.setattr(settings, "RATING_TIMEOUT_RANGE", (1, 600))  # a short wait for the test
    ws.config.extra[settings.RATING_TIMEOUT] = 2
    screen = screen_of(main)
    log_consultation(qtbot, main, "公积金提取")
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == ASK)
    assert screen.countdown.text() == "2 秒后未评价将记为「未评价」"
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == IDLE, timeout=6000)
    settle(qtbot)
    [row] = ratings(ws)
    assert (row.state, row.level) == ("unrated", None)


def test_the_next_service_closes_the_unanswered_one_as_unrated(qtbot, main, ws) -> None:
    screen = screen_of(main)
    log_consultation(qtbot, main, "第一个问题")
    qtbot.waitUntil(lambda: screen.what.text() == "本次办理：咨询：第一个问题")
    log_consultation(qtbot, main, "第二个问题")
    qtbot.waitUntil(lambda: screen.what.text() == "本次办理：咨询：第二个问题")
    settle(qtbot)
    assert screen.pages.currentIndex() == ASK, "the new question stays on the screen"
    click(qtbot, screen.level_buttons[Level.VERY_SATISFIED])
    by_state = sorted((r.state, r.level) for r in ratings(ws))
    assert by_state == [("given", 5), ("unrated", None)]


def test_a_green_channel_applicant_gets_large_print(qtbot, main, ws) -> None:
    ws.today = lambda: date(2026, 11, 24)  # type: ignore[method-assign]
    main.show_workspace("intake")
    form = main.intake.form
    form.item_search.setFocus()
    choose(qtbot, form, FOOD)
    tab_to(qtbot, form.id_number)
    qtbot.keyClicks(form.id_number, resident_id(birth="19500303", seq="111"))  # 76 years old
    tab_to(qtbot, form.name)
    type_text(qtbot, form.name, "包海龙")
    tab_to(qtbot, form.phone)
    qtbot.keyClicks(form.phone, "13904751234")
    tick_all_materials(qtbot, form)
    click(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    assert form.result is not None and form.result.green_channel
    screen = screen_of(main)
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == ASK)
    assert screen.property("largePrint") is True
    assert screen.level_buttons[Level.VERY_SATISFIED].font().pointSize() == 34
    assert screen.what.text().startswith("本次办理：受理：")


def test_the_setting_none_keeps_the_second_display_dark(qtbot, ws, clerk) -> None:
    ws.config.extra[settings.RATING_SCREEN] = settings.NO_RATING_SCREEN
    window = MainWindow(ws, clerk)
    qtbot.addWidget(window)
    window.show()
    assert window.rating is not None and window.rating.screen is None
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, RatingScreen)]
    assert not any(w.isVisible() for w in shown)
    window.close()
