"""工具 → 修改密码: anyone changes their own password, proving the old one first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor
from hall_desk.services import users
from hall_desk.services.workstation import Workstation
from hall_desk.ui.widgets import FieldErrors, error_label


class ChangePasswordDialog(QDialog):
    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.setWindowTitle(self.tr("修改密码 — {name}").format(name=actor.display_name))
        # Wide enough that an error beside a field stays on one line.
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("新密码至少 {n} 位，须同时包含字母和数字。").format(n=users.MIN_PASSWORD)
            )
        )
        form = QFormLayout()
        self.inputs: dict[str, QLineEdit] = {}
        labels = {}
        for field, caption, accessible in (
            ("old_password", self.tr("原密码(&O)："), self.tr("原密码")),
            ("password", self.tr("新密码(&N)："), self.tr("新密码")),
            ("confirm", self.tr("确认新密码(&C)："), self.tr("确认新密码")),
        ):
            edit = QLineEdit()
            edit.setObjectName(f"{field}Edit")
            edit.setAccessibleName(accessible)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            label = QLabel(caption)
            label.setBuddy(edit)
            error = error_label(self)
            error.setObjectName(f"{field}Error")
            form.addRow(label, edit)
            form.addRow("", error)
            self.inputs[field] = edit
            labels[field] = error
        layout.addLayout(form)
        general = error_label(self)
        general.setObjectName("passwordGeneralError")
        layout.addWidget(general)
        self.errors = FieldErrors(labels, general, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("修改"))
        ok.setObjectName("changePasswordButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.inputs["old_password"].setFocus()

    def submit(self) -> bool:
        old, new, confirm = (self.inputs[f].text() for f in ("old_password", "password", "confirm"))
        try:
            users.change_own_password(self.ws, self.actor, old, new, confirm)
        except HallDeskError as exc:
            self.errors.show(exc, self.inputs)
            return False
        self.errors.clear()
        self.accept()
        return True
