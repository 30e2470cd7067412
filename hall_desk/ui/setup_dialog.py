"""First start: create this workstation's home (a new hall, or joining one with its key file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import HallDeskError, StorageError, ValidationError, ValidationErrors
from hall_desk.domain.roles import SYSTEM_ACTOR, Role
from hall_desk.services import users
from hall_desk.services.home import Home, normalize_workstation_code
from hall_desk.services.setup import init_home
from hall_desk.services.workstation import Workstation
from hall_desk.ui.forms import child, load_form
from hall_desk.ui.widgets import FieldErrors

HALL_FIELDS = ("hall", "workstation", "window", "key")


class SetupDialog(QDialog):
    """With `ws` given, only the admin account is asked (a home created without one)."""

    def __init__(
        self, home: Home, ws: Workstation | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.home = home
        self.ws = ws
        self.setWindowTitle(self.tr("设置管理员账户") if ws else self.tr("首次设置 — hall-desk"))
        self.setMinimumWidth(600)
        self.form = load_form("setup", self)
        QVBoxLayout(self).addWidget(self.form)
        self.edits = {
            name: child(self.form, QLineEdit, f"{name}Edit")
            for name in (
                "hall",
                "workstation",
                "window",
                "key",
                "admin",
                "adminName",
                "password",
                "confirm",
            )
        }
        labels = {
            f: child(self.form, QLabel, f"{f}Error")
            for f in ("hall", "workstation", "key", "username", "display_name", "password")
        }
        self.errors = FieldErrors(labels, child(self.form, QLabel, "generalError"), self)
        self.join = child(self.form, QRadioButton, "joinHallRadio")
        self.join.toggled.connect(self._mode_changed)
        child(self.form, QPushButton, "keyBrowse").clicked.connect(self._browse_key)
        buttons = child(self.form, QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        if ws is not None:
            for name in ("introLabel",):
                child(self.form, QLabel, name).setText(
                    self.tr("{hall}（工作站 {code}）还没有管理员账户，请先设置。").format(
                        hall=ws.hall, code=ws.code
                    )
                )
            for name in HALL_FIELDS:
                self.edits[name].setVisible(False)
                child(self.form, QLabel, f"{name}Label").setVisible(False)
            for radio in ("newHallRadio", "joinHallRadio"):
                child(self.form, QRadioButton, radio).setVisible(False)
            child(self.form, QPushButton, "keyBrowse").setVisible(False)
        self._mode_changed(False)
        self.created: Workstation | None = None

    def _check_all(self, admin: tuple[str, str, str]) -> None:
        """Every problem of the form at once, so the clerk fixes them in one pass."""
        problems: list[ValidationError] = []
        checks = [lambda: users.check_new_user(*admin)]
        if self.edits["password"].text() != self.edits["confirm"].text():
            problems.append(ValidationError("password", self.tr("两次输入的密码不一致")))
        if self.ws is None:
            if not self.edits["hall"].text().strip():
                problems.append(ValidationError("hall", self.tr("请填写政务服务中心名称")))
            checks.append(lambda: normalize_workstation_code(self.edits["workstation"].text()))
        for check in checks:
            try:
                check()
            except ValidationError as exc:
                if not any(p.field == exc.field for p in problems):
                    problems.append(exc)
        if problems:
            raise ValidationErrors(problems)

    def _mode_changed(self, joining: bool) -> None:
        show_key = joining and self.ws is None
        for widget in (
            self.edits["key"],
            child(self.form, QLabel, "keyLabel"),
            child(self.form, QPushButton, "keyBrowse"),
        ):
            widget.setVisible(show_key)

    def _browse_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择大厅密钥文件"), "", self.tr("大厅密钥 (*.key);;所有文件 (*)")
        )
        if path:
            self.edits["key"].setText(path)

    def submit(self) -> None:
        e = self.edits
        inputs = {
            "hall": e["hall"],
            "workstation": e["workstation"],
            "key": e["key"],
            "username": e["admin"],
            "display_name": e["adminName"],
            "password": e["password"],
        }
        try:
            admin = (
                e["admin"].text(),
                e["adminName"].text() or self.tr("系统管理员"),
                e["password"].text(),
            )
            self._check_all(admin)
            if self.ws is not None:
                users.create_user(self.ws, SYSTEM_ACTOR, admin[0], admin[1], Role.ADMIN, admin[2])
                self.created = self.ws
            else:
                key_file = Path(e["key"].text().strip()) if self.join.isChecked() else None
                if self.join.isChecked() and not e["key"].text().strip():
                    raise ValidationError("key", self.tr("加入已有大厅须选择该大厅导出的密钥文件"))
                try:
                    self.created = init_home(
                        self.home,
                        hall=e["hall"].text(),
                        workstation=e["workstation"].text(),
                        window=e["window"].text(),
                        hall_key_file=key_file,
                        admin=admin,
                    )
                except StorageError as exc:
                    raise ValidationError("key" if key_file else "home", exc.message) from exc
        except HallDeskError as exc:
            self.errors.show(exc, inputs)
            return
        self.accept()
