"""设置 → 备份与恢复: the real buttons back up, and restore after a confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QTabWidget
from sqlalchemy import select

from hall_desk.services import intake
from hall_desk.services.home import Home
from hall_desk.services.integrity import verify_audit
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import AuditEntry, CaseRow
from hall_desk.ui.settings_dialog import SettingsDialog
from tests.conftest import TODAY
from tests.services.helpers import draft_for, person, resident_id
from tests.ui.actions import click, settle
from tests.ui.conftest import FOOD
from tests.ui.test_orphans_wired import click_tab


def case_numbers(ws: Workstation) -> set[str]:
    with ws.reading() as s:
        return set(s.scalars(select(CaseRow.case_no)))


class Answers:
    """Presses, in turn, the named button of each message box the dialog opens (they are modal:
    the test's own code does not run while one is open), and keeps what each box said."""

    def __init__(self, qtbot, buttons: list[str]) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.buttons = list(buttons)
        self.texts: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not self.buttons or not box.isVisible():
            return
        wanted = self.buttons.pop(0)
        self.texts.append(box.text())
        button = next(b for b in box.buttons() if b.text() == wanted)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def stop(self) -> None:
        self.timer.stop()


def test_backup_then_restore_from_the_settings_dialog(qtbot, ws, admin, clerk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    def accept_one(n: int) -> None:
        who = person(number=resident_id(seq=f"{300 + n}"), name="包海龙", phone="13904751000")
        intake.accept(ws, clerk, draft_for(ws, [FOOD], who), on=TODAY)

    accept_one(0)
    saved = case_numbers(ws)
    dialog = SettingsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # The system file dialog is native and cannot be driven offscreen: the chooser stands in.
    target = tmp_path / "备份.sqlite3"
    dialog.choose_backup_file = lambda saving: target
    quits: list[bool] = []
    dialog.after_restore = lambda: quits.append(True)
    click_tab(qtbot, dialog.form.findChild(QTabWidget), "备份与恢复")
    click(qtbot, dialog.findChild(QPushButton, "backupButton"))
    assert target.exists()
    assert "已备份到" in dialog.backup_result.text()

    accept_one(1)  # after the backup
    assert len(case_numbers(ws)) == 2

    answers = Answers(qtbot, ["取消"])
    click(qtbot, dialog.findChild(QPushButton, "restoreButton"))
    answers.stop()
    assert answers.texts and "替换本机数据库" in answers.texts[0]
    assert len(case_numbers(ws)) == 2 and not quits  # cancelled: nothing replaced

    answers = Answers(qtbot, ["恢复", "关闭程序"])
    click(qtbot, dialog.findChild(QPushButton, "restoreButton"))
    qtbot.waitUntil(lambda: bool(quits), timeout=10_000)
    settle(qtbot)
    answers.stop()
    assert len(answers.texts) == 2 and "已从备份恢复" in answers.texts[1]
    assert "请重新打开" in answers.texts[1]
    assert not dialog.isVisible()
    home = ws.home
    assert list(home.path.glob("local.sqlite3.before-restore-*"))
    reopened = Workstation(Home(home.path))
    try:
        assert case_numbers(reopened) == saved
        assert verify_audit(reopened).ok
        with reopened.reading() as s:
            assert "backup.restore" in set(s.scalars(select(AuditEntry.action)))
    finally:
        reopened.close()
