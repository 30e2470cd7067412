"""At 1366×768 and 150 % text, whatever has the focus in the long intake form, and the result
of a decision, are on screen: Alt jumps, Tab, the decision and 下一位 scroll to them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.ui import appearance
from hall_desk.ui.main_window import MainWindow
from tests.services.helpers import resident_id
from tests.ui.actions import settle
from tests.ui.conftest import type_text

FOOD = "011050007001"


@pytest.fixture
def desk(qtbot, ws, clerk) -> MainWindow:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    appearance.apply_font_scale(app, 1.5)  # the conftest puts it back after the test
    main = MainWindow(ws, clerk)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    assert main.show_workspace("intake")
    main.intake.form.item_search.setFocus()
    return main


def on_screen(main: MainWindow, widget: QWidget) -> bool:
    """The whole widget lies inside the part of the form the scroll area shows."""
    viewport = main.intake.scroll.viewport()
    if not widget.isVisible():
        return False
    rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return viewport.rect().contains(rect)


def alt(qtbot, key: Qt.Key) -> QWidget:  # type: ignore[no-untyped-def]
    """Alt+key as the clerk presses it; the widget that has the focus afterwards."""
    qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
    return QApplication.focusWidget()


def wait_on_screen(qtbot, main: MainWindow, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: on_screen(main, widget), timeout=2000)


def test_the_form_is_longer_than_the_screen(desk) -> None:  # type: ignore[no-untyped-def]
    # Otherwise the rest proves nothing.
    scroll = desk.intake.scroll
    assert scroll.widget().height() > scroll.viewport().height() * 1.5
    assert not on_screen(desk, desk.intake.form.decision_buttons[CaseEvent.ACCEPT])


def test_alt_jumps_tab_the_decision_and_next_applicant_stay_on_screen(qtbot, desk) -> None:  # type: ignore[no-untyped-def]
    form = desk.intake.form
    scroll = desk.intake.scroll
    qtbot.keyClicks(form.item_search, FOOD)
    qtbot.keyClick(form.item_search, Qt.Key.Key_Return)
    assert form.materials.rowCount() >= 4

    # Down to the decision's fields by their mnemonics: each lands on screen.
    assert alt(qtbot, Qt.Key.Key_I) is form.id_number
    wait_on_screen(qtbot, desk, form.id_number)
    qtbot.keyClicks(form.id_number, resident_id())
    assert alt(qtbot, Qt.Key.Key_M) is form.name
    type_text(qtbot, form.name, "包海龙")
    assert alt(qtbot, Qt.Key.Key_P) is form.phone
    wait_on_screen(qtbot, desk, form.phone)
    qtbot.keyClicks(form.phone, "13904751234")

    # Tab on to the materials, tick them all.
    for _ in range(30):
        if QApplication.focusWidget() is form.materials:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.materials
    wait_on_screen(qtbot, desk, form.materials.viewport())
    for _ in range(form.materials.rowCount()):
        qtbot.keyClick(form.materials, Qt.Key.Key_Space)
        qtbot.keyClick(form.materials, Qt.Key.Key_Down)

    # Back up by Alt: the field at the top of the form comes back into view.
    assert alt(qtbot, Qt.Key.Key_E) is form.kind
    wait_on_screen(qtbot, desk, form.kind)
    assert not on_screen(desk, form.decision_buttons[CaseEvent.ACCEPT])

    # The decision, from up there: the result (number and due date) is what the clerk sees.
    assert form.decision_buttons[CaseEvent.ACCEPT].text().startswith("受理(&S)")
    alt(qtbot, Qt.Key.Key_S)  # a mnemonic clicks its button a moment later, as it shows
    qtbot.waitUntil(lambda: form.result is not None, timeout=5000)
    settle(qtbot)
    wait_on_screen(qtbot, desk, form.result_box)
    assert form.result.case_no in form.result_label.text()
    assert "办结期限" in form.result_label.text()
    assert on_screen(desk, form.result_label) and on_screen(desk, form.print_button)
    assert scroll.verticalScrollBar().value() > 0

    # 下一位: the empty form, with 查找事项 focused and in sight at the top.
    alt(qtbot, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: form.result is None and form.item_search.hasFocus(), timeout=5000)
    wait_on_screen(qtbot, desk, form.item_search)
    assert form.item_search.text() == "" and not form.result_box.isVisible()


def test_a_refusal_brings_the_first_bad_field_back_into_view(qtbot, desk) -> None:  # type: ignore[no-untyped-def]
    form = desk.intake.form
    qtbot.keyClicks(form.item_search, FOOD)
    qtbot.keyClick(form.item_search, Qt.Key.Key_Return)
    refuse = form.decision_buttons[CaseEvent.REFUSE]
    # Tab down to 不予受理 (the scroll area follows Tab) and press it: no applicant yet.
    for _ in range(40):
        if QApplication.focusWidget() is refuse:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert refuse.hasFocus() and not on_screen(desk, form.id_number)
    qtbot.keyClick(refuse, Qt.Key.Key_Space)
    settle(qtbot)
    assert form.result is None
    assert QApplication.focusWidget() is form.id_number
    wait_on_screen(qtbot, desk, form.id_number)
    assert form.error_labels["id_number"].isVisible()
    wait_on_screen(qtbot, desk, form.error_labels["id_number"])
