"""设置 → 大厅与工作站: the hall's 咨询电话 and address, typed, checked, published as the hall's,
audited, printed."""

from __future__ import annotations

import io
import json

from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit
from sqlalchemy import select

from hall_desk.reports.notices import intake_notice
from hall_desk.services import intake
from hall_desk.services.home import Home
from hall_desk.store.models import AuditEntry, HallSettingRow
from hall_desk.ui.forms import child
from hall_desk.ui.settings_dialog import SettingsDialog
from tests.conftest import TODAY
from tests.services.helpers import draft_for
from tests.ui.actions import click, fill

FOOD = "011050007001"


def _save_button(dialog: SettingsDialog):  # type: ignore[no-untyped-def]
    return child(dialog.form, QDialogButtonBox, "buttons").button(
        QDialogButtonBox.StandardButton.Save
    )


def test_the_halls_phone_and_address_are_set_in_settings_and_print(qtbot, ws, admin, clerk):
    dialog = SettingsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    phone = child(dialog.form, QLineEdit, "contactPhoneEdit")
    address = child(dialog.form, QLineEdit, "hallAddressEdit")
    fill(qtbot, phone, "请拨打热线")
    click(qtbot, _save_button(dialog))
    error = child(dialog.form, QLabel, "contact_phoneError")
    assert error.isVisible() and "咨询电话只能包含数字" in error.text()
    assert not ws.has_hall_setting("contact_phone"), "nothing saved"
    assert "contact_phone" not in Home(ws.home.path).load_config().extra

    fill(qtbot, phone, "0475-5212345")
    fill(qtbot, address, "科左中旗保康镇新华街 12 号")
    click(qtbot, _save_button(dialog))
    assert dialog.result() == QDialog.DialogCode.Accepted
    # The hall's, not this workstation's: in its settings table (they travel by sync).
    with ws.reading() as s:
        shared = dict(s.execute(select(HallSettingRow.key, HallSettingRow.value)).all())
    assert shared["contact_phone"] == "0475-5212345"
    assert shared["hall_address"] == "科左中旗保康镇新华街 12 号"
    assert "contact_phone" not in Home(ws.home.path).load_config().extra
    with ws.reading() as s:
        entry = (
            s.query(AuditEntry)
            .filter(AuditEntry.action == "settings.update")
            .order_by(AuditEntry.seq.desc())
            .first()
        )
    assert entry is not None
    assert json.loads(entry.detail)["contact_phone"] == "0475-5212345"

    case = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    _, data = intake_notice(ws, clerk, case.case_id)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "咨询电话：0475-5212345" in text and "科左中旗保康镇新华街 12 号" in text

    again = SettingsDialog(ws, admin)
    qtbot.addWidget(again)
    assert child(again.form, QLineEdit, "contactPhoneEdit").text() == "0475-5212345"


def test_a_control_character_in_the_address_is_refused(qtbot, ws, admin):
    dialog = SettingsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    address = child(dialog.form, QLineEdit, "hallAddressEdit")
    address.setText("新华街\u202e12 号")  # pasted: a right-to-left override
    click(qtbot, _save_button(dialog))
    error = child(dialog.form, QLabel, "hall_addressError")
    assert error.isVisible() and "大厅地址" in error.text()
