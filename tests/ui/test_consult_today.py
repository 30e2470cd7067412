"""咨询登记 lists the day's consultations; a wrong one is corrected from the list, keyboard only."""

from __future__ import annotations

import json

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton
from sqlalchemy import select

from hall_desk.domain.roles import Role
from hall_desk.services import consultations, users
from hall_desk.services.consultations import ConsultationDraft
from hall_desk.store.models import AuditEntry, ConsultationRow
from hall_desk.ui.consult_workspace import ConsultWorkspace
from tests.conftest import STAFF_PASSWORD
from tests.ui.actions import settle
from tests.ui.conftest import type_text
from tests.ui.test_orphans_wired import cell


def _page(qtbot, ws, actor) -> ConsultWorkspace:  # type: ignore[no-untyped-def]
    page = ConsultWorkspace(ws, actor)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.topic.setFocus()
    return page


def alt(qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)


def test_log_then_correct_a_consultation_from_the_days_list(qtbot, ws, admin, clerk) -> None:  # type: ignore[no-untyped-def]
    other = users.create_user(ws, admin, "clerk2", "李娜", Role.CLERK, STAFF_PASSWORD)
    consultations.log_consultation(ws, other, ConsultationDraft(topic="不动产登记"))
    page = _page(qtbot, ws, clerk)
    assert page.today_model.rowCount() == 0  # another clerk's is not in this clerk's list
    assert "本人今日咨询（0 条）" in page.today_label.text()

    # Logged by phone, by mistake.
    type_text(qtbot, page.topic, "社保卡丢失怎么补办")
    alt(qtbot, Qt.Key.Key_D)  # 电话(&D): a mnemonic clicks a moment later
    phone = page.findChild(QRadioButton, "radio_phone")
    qtbot.waitUntil(phone.isChecked)
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    settle(qtbot)
    qtbot.waitUntil(lambda: page.today_model.rowCount() == 1)
    assert cell(page.today_model, 0, "咨询内容") == "社保卡丢失怎么补办"
    assert cell(page.today_model, 0, "渠道") == "电话"
    assert "本人今日咨询（1 条）" in page.today_label.text()

    # To the list (Alt+G is the correct button; the list is reached by Tab), Enter corrects.
    page.today_table.setFocus()
    qtbot.keyClick(page.today_table, Qt.Key.Key_Down)
    qtbot.keyClick(page.today_table, Qt.Key.Key_Return)
    dialog = page.correction
    qtbot.waitExposed(dialog)
    assert dialog.topic.text() == "社保卡丢失怎么补办" and dialog.channel.currentText() == "电话"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.topic)

    # Without a reason: refused beside the reason field, nothing changed.
    qtbot.keyClick(dialog.topic, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.channel
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Up)
    assert dialog.channel.currentText() == "现场"
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Return)
    settle(qtbot)
    assert dialog.isVisible() and dialog.errors.labels["reason"].isVisible()
    assert QApplication.focusWidget() is dialog.reason
    with ws.reading() as s:
        assert (
            s.scalars(
                select(ConsultationRow.channel).where(ConsultationRow.clerk == "clerk1")
            ).one()
            == "phone"
        )

    type_text(qtbot, dialog.reason, "渠道登记错了，是现场咨询")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    settle(qtbot)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    qtbot.waitUntil(lambda: cell(page.today_model, 0, "渠道") == "现场")
    assert "已更正" in page.message.text() and "渠道" in page.message.text()
    with ws.reading() as s:
        audit = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert audit is not None and audit.action == "consultation.correct"
    assert json.loads(audit.detail)["reason"] == "渠道登记错了，是现场咨询"


def test_the_correct_button_needs_a_line(qtbot, ws, clerk) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ws, clerk)
    assert not page.correct_button.isEnabled()  # nothing logged today
    consultations.log_consultation(ws, clerk, ConsultationDraft(topic="公积金提取"))
    page.refresh_today()
    assert page.correct_button.isEnabled()
    page.today_table.clearSelection()
    page.today_table.setCurrentIndex(page.today_model.index(-1, -1))
    qtbot.mouseClick(page.correct_button, Qt.MouseButton.LeftButton)
    assert page.today_error.isVisible() and "请先在列表中选择" in page.today_error.text()
