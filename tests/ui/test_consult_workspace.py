"""咨询登记: keyboard logging, recent topics, and a question that becomes an application."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton
from sqlalchemy import select

from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.services import users
from hall_desk.store.models import CaseRow, ConsultationRow
from hall_desk.ui.consult_workspace import ConsultWorkspace
from hall_desk.ui.intake_workspace import IntakeWorkspace
from tests.conftest import STAFF_PASSWORD
from tests.services.helpers import resident_id
from tests.ui.actions import click, settle
from tests.ui.conftest import type_text


@pytest.fixture
def page(qtbot, ws, clerk) -> ConsultWorkspace:  # type: ignore[no-untyped-def]
    widget = ConsultWorkspace(ws, clerk)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.topic.setFocus()
    return widget


def rows(ws) -> list[ConsultationRow]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return list(s.scalars(select(ConsultationRow).order_by(ConsultationRow.at)))


def test_log_a_question_with_the_keyboard(qtbot, page, ws) -> None:
    type_text(qtbot, page.topic, "社保卡丢失怎么补办")
    qtbot.keyClick(page.topic, Qt.Key.Key_Tab)
    page.phone.setFocus()
    qtbot.keyClicks(page.phone, "13904751234")
    page.save_button.setFocus()
    qtbot.keyClick(page.save_button, Qt.Key.Key_Space)
    settle(qtbot)
    logged = rows(ws)
    assert [r.topic for r in logged] == ["社保卡丢失怎么补办"]
    assert logged[0].channel == "onsite" and logged[0].outcome == "answered"
    assert logged[0].phone_masked == "139****1234"
    assert page.topic.text() == "" and "已登记" in page.message.text()


def test_catalog_item_as_topic_and_recent_topics(qtbot, page, ws) -> None:
    qtbot.keyClicks(page.topic, "gtgsh")
    assert page.item_hits.count() >= 1
    qtbot.keyClick(page.topic, Qt.Key.Key_Return)
    assert page.item_code is not None and "个体工商户" in page.topic.text()
    click(qtbot, page.save_button)
    assert rows(ws)[0].item_code == "011050001001"  # 个体工商户设立登记
    assert page.recent_buttons and "个体工商户" in page.recent_buttons[0].text()
    # A button added to a shown page appears once its layout has run.
    qtbot.waitUntil(lambda: page.recent_buttons[0].isVisible())
    click(qtbot, page.recent_buttons[0])
    assert "个体工商户" in page.topic.text()


def test_guided_needs_a_window(qtbot, page, ws) -> None:
    page.topic.setText("办理进度")
    page.findChild(QRadioButton, "radio_guided").setChecked(True)
    click(qtbot, page.save_button)
    assert "窗口" in page.error_labels["guided_window"].text()
    assert QApplication.focusWidget() is page.guided_window
    assert rows(ws) == []


def test_question_becomes_application_with_first_responder(qtbot, page, ws, admin) -> None:
    page.topic.setText("食品经营许可（新办）")
    page.item_code = "011050007001"
    page.findChild(QRadioButton, "radio_to_intake").setChecked(True)
    with qtbot.waitSignal(page.to_intake) as signal:
        click(qtbot, page.save_button)
    consultation_id = page.last_logged
    assert signal.args == [consultation_id, "011050007001", "", ""]
    # Another clerk accepts the application at the intake window.
    other = users.create_user(ws, admin, "clerk2", "包海龙", "clerk", STAFF_PASSWORD)
    ws.today = lambda: date(2026, 11, 24)  # type: ignore[method-assign]
    intake_page = IntakeWorkspace(ws, other)
    qtbot.addWidget(intake_page)
    intake_page.show()
    form = intake_page.form
    form.start_from_consultation(consultation_id, "011050007001")
    assert form.selection() == (["011050007001"], None)
    form.id_number.setText(resident_id())
    form.name.setText("包海龙")
    form.phone.setText("13904751234")
    form.set_all_received(True)
    click(qtbot, form.decision_buttons[CaseEvent.ACCEPT])
    result = form.result
    assert result is not None
    with ws.reading() as s:
        case = s.get(CaseRow, result.case_id)
        consultation = s.get(ConsultationRow, consultation_id)
    assert case is not None and case.first_responder == "clerk1" and case.clerk == "clerk2"
    assert consultation is not None and consultation.case_id == result.case_id


def test_alt_digits_take_recent_topics_and_alt_z_chooses_to_intake(qtbot, ws, clerk) -> None:
    from hall_desk.services import consultations
    from hall_desk.services.consultations import ConsultationDraft

    for n in range(6):
        consultations.log_consultation(ws, clerk, ConsultationDraft(topic=f"常见问题{n}"))
    page = ConsultWorkspace(ws, clerk)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=3000)
    page.topic.setFocus()
    sixth = page.recent_buttons[5].text().split(" ", 1)[1]
    qtbot.keyClick(page.topic, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.topic.text() == sixth, timeout=2000)
    qtbot.keyClick(page.topic, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(
        lambda: page.outcomes.checkedButton().objectName() == "radio_to_intake", timeout=2000
    )
