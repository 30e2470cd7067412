"""The team lead's conflict list: an applicant's phone changed at two windows shows both values
masked, reveals them only through the audited unmask, and keeps the value the lead picks."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from hall_desk.services import intake
from hall_desk.store.models import AuditEntry
from hall_desk.store.models_intake import ApplicantRow
from hall_desk.sync import list_conflicts
from hall_desk.ui.sync_conflicts import ConflictsDialog
from tests.conftest import make_home
from tests.sync.helpers import DAY, FOOD, applicant, clerk, draft, sync
from tests.ui.actions import click, fill, settle


def test_a_phone_conflict_is_settled_in_the_dialog(qtbot, ws, admin, tmp_path: Path) -> None:
    ws.key.write(tmp_path / "hall.key")
    other = make_home(tmp_path / "w02", "W02", key_file=tmp_path / "hall.key")
    url = str(tmp_path / "shared.sqlite3")
    try:
        who = applicant(80, phone_no=1111)
        intake.accept(ws, clerk(ws), draft(ws, [FOOD], who), on=DAY)
        for station in (ws, other, ws):
            sync(station, url)
        for station, phone in ((ws, "13904752222"), (other, "13904753333")):
            changed = dataclasses.replace(who, phone=phone)
            intake.accept(station, clerk(station), draft(station, [FOOD], changed), on=DAY)
        for station in (ws, other, ws):
            sync(station, url)
    finally:
        other.close()

    dialog = ConflictsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.model.rowCount() == 1
    shown = dialog.model.data(dialog.model.index(0, 2))
    assert "联系电话" in shown and "139****2222" in shown and "139****3333" in shown
    assert "13904752222" not in shown
    assert dialog.keep.count() == 2 and dialog.keep.isEnabled()

    click(qtbot, dialog.reveal_button)
    settle(qtbot)
    assert "13904752222" in dialog.revealed.text() and "13904753333" in dialog.revealed.text()
    with ws.reading() as s:
        audit = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert audit.action == "pii.unmask" and "13904752222" not in audit.detail

    # The lead keeps the value that does not show now (the second choice), by keyboard.
    dialog.keep.setFocus()
    qtbot.keyClick(dialog.keep, Qt.Key.Key_Down)
    kept = dialog.keep.currentData()
    [conflict] = list_conflicts(ws, admin)
    assert kept == conflict.other_event_id
    expected = "13904752222" if "2222" in conflict.other_value_masked else "13904753333"
    fill(qtbot, dialog.note, "已电话核实申请人号码")
    click(qtbot, dialog.resolve_button)
    settle(qtbot)
    assert list_conflicts(ws, admin) == []
    assert dialog.model.rowCount() == 0
    with ws.reading() as s:
        row = s.scalars(select(ApplicantRow)).one()
        assert ws.key.decrypt("phone", row.phone_cipher) == expected
    dialog.close()
