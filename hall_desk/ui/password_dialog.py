"""Passwords: anyone changes their own (工具 → 修改密码, proving the old one first); an admin
resets someone else's (设置 → 用户 → 重设密码)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor
from hall_desk.services import users
from hall_desk.services.users import UserAccount
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity
from hall_desk.ui.ops import Op
from hall_desk.ui.widgets import FieldErrors, error_label


class _PasswordForm(QDialog):
    """Password fields with their errors beside them, and a confirm / cancel pair."""

    def _build(self, title: str, fields: list[tuple[str, str, str]], confirm: str) -> None:
        self.setWindowTitle(title)
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
        for field, caption, accessible in fields:
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
        self.ok: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(confirm)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.inputs[fields[0][0]].setFocus()

    def submit(self) -> object:
        raise NotImplementedError


class ChangePasswordDialog(_PasswordForm):
    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self._build(
            self.tr("修改密码 — {name}").format(name=actor.display_name),
            [
                ("old_password", self.tr("原密码(&O)："), self.tr("原密码")),
                ("password", self.tr("新密码(&N)："), self.tr("新密码")),
                ("confirm", self.tr("确认新密码(&C)："), self.tr("确认新密码")),
            ],
            self.tr("修改"),
        )
        self.ok.setObjectName("changePasswordButton")

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


class ResetPasswordDialog(_PasswordForm):
    """The admin types the new password twice and tells the person; a lock-out goes with it."""

    def __init__(
        self, ws: Workstation, actor: Actor, user: UserAccount, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.user = user
        self._build(
            self.tr("重设密码 — {name}（{username}）").format(
                name=user.display_name, username=user.username
            ),
            [
                ("password", self.tr("新密码(&N)："), self.tr("新密码")),
                ("confirm", self.tr("确认新密码(&C)："), self.tr("确认新密码")),
            ],
            self.tr("重设"),
        )
        self.ok.setObjectName("resetPasswordButton")

    def submit(self) -> Op[None]:
        ws, actor, username = self.ws, self.actor, self.user.username
        new, confirm = self.inputs["password"].text(), self.inputs["confirm"].text()
        return (
            Op(
                self,
                lambda: users.reset_password(ws, actor, username, new, confirm),
                touches=[Entity.USER],
            )
            .busy(self.buttons)
            .fields(self.errors, dict(self.inputs))
            .success(lambda _done: self.accept())
            .run()
        )
