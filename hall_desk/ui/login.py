"""The login dialog (forms/login.ui); demo homes list their demo accounts."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import users
from hall_desk.services.workstation import Workstation
from hall_desk.ui.forms import child, load_form
from hall_desk.ui.widgets import say
from hall_desk.ui.words import word


class LoginDialog(QDialog):
    def __init__(self, ws: Workstation, parent: QWidget | None = None, username: str = "") -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 — {hall}").format(hall=ws.hall))
        self.form = load_form("login", self)
        QVBoxLayout(self).addWidget(self.form)
        child(self.form, QLabel, "hallLabel").setText(
            self.tr("{hall}\n工作站 {code}").format(hall=ws.hall, code=ws.code)
        )
        self.username = child(self.form, QLineEdit, "usernameEdit")
        self.password = child(self.form, QLineEdit, "passwordEdit")
        self.error = child(self.form, QLabel, "errorLabel")
        self.error.setVisible(False)
        demo = child(self.form, QLabel, "demoLabel")
        demo.setVisible(ws.config.demo)
        if ws.config.demo:
            from hall_desk.services.demo import DEMO_PASSWORD

            #: Between the demo accounts listed on the login dialog.
            accounts = self.tr("，").join(
                self.tr("{username}（{name}·{role}）").format(
                    username=u.username, name=u.display_name, role=word(Role(u.role).label)
                )
                for u in users.demo_accounts(ws)
            )
            demo.setText(
                self.tr("演示数据，可用账户：{accounts}；密码均为 {password}").format(
                    accounts=accounts, password=DEMO_PASSWORD
                )
            )
        buttons = child(self.form, QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        self.username.setText(username)
        (self.password if username else self.username).setFocus()
        users.prepare_check()

    def try_login(self) -> None:
        try:
            self.actor = users.login(self.ws, self.username.text(), self.password.text())
        except HallDeskError as exc:
            say(self.error, f"⚠ {exc.message}", error=True)
            users.prepare_check()  # for the next try
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
