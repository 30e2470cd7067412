"""登记: a ticket keyed in at the keyboard in under a minute (Tab between fields, Ctrl+Enter)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import ValidationError
from hall_desk.domain.roles import Actor
from hall_desk.domain.tickets import BbcsKind, Channel, TicketClass, Tier
from hall_desk.services import ticket_views, tickets
from hall_desk.services.tickets import TicketDraft, TicketResult
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity
from hall_desk.ui.ops import Op
from hall_desk.ui.widgets import FieldErrors, error_label
from hall_desk.ui.words import word


def combo(name: str, options: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for value, text in options:
        box.addItem(text, value)
    return box


def staff_combo(ws: Workstation, actor: Actor, name: str, empty: str) -> QComboBox:
    box = combo(name, [("", empty)])
    for member in ticket_views.staff_members(ws, actor):
        box.addItem(f"{member.display_name}（{member.window or member.username}）", member.username)
    return box


class TicketRegisterForm(QWidget):
    registered = Signal(str)  # the new ticket's number
    recorded = Signal(str)  # the new ticket's id: the visit of a called number (叫号)

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        self.error_labels: dict[str, QLabel] = {}

        def row(name: str, label: str, widget: QWidget) -> None:
            widget.setObjectName(name)
            widget.setAccessibleName(label.split("(")[0].rstrip("：:"))
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            err = error_label(self)
            form.addRow("", err)
            self.error_labels[name] = err

        self.ticket_class = combo("ticket_class", [(c.value, word(c.label)) for c in TicketClass])
        row("ticket_class", self.tr("类别(&L)："), self.ticket_class)
        self.channel = combo("channel", [(c.value, word(c.label)) for c in Channel])
        self.channel.setCurrentIndex(1)  # 办不成事窗口: this workspace's own window
        row("channel", self.tr("渠道(&Q)："), self.channel)
        self.external_no = QLineEdit()
        self.external_no.setPlaceholderText(self.tr("12345 转办时填写平台工单号"))
        row("external_no", self.tr("12345 工单号："), self.external_no)
        self.bbcs_kind = combo(
            "bbcs_kind",
            [("", self.tr("（非办不成事）")), *[(k.value, word(k.label)) for k in BbcsKind]],
        )
        self.bbcs_kind.setCurrentIndex(2)  # 多次往返未办成: the most common
        row("bbcs_kind", self.tr("办不成事类型(&B)："), self.bbcs_kind)
        self.tier = combo("tier", [(t.value, word(t.label)) for t in Tier])
        self.tier.setCurrentIndex(1)
        row("tier", self.tr("办理层级(&J)："), self.tier)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)
        row("description", self.tr("反映内容(&N)："), self.description)
        self.anonymous = QCheckBox(self.tr("匿名反映(&M)"))
        self.anonymous.setObjectName("anonymous")
        form.addRow("", self.anonymous)
        self.reporter_name = QLineEdit()
        row("reporter_name", self.tr("反映人姓名(&X)："), self.reporter_name)
        self.phone = QLineEdit()
        row("phone", self.tr("联系电话(&D)："), self.phone)
        self.case_ref = QLineEdit()
        self.case_ref.setPlaceholderText(self.tr("涉及办件的受理编号（可不填）"))
        row("case_ref", self.tr("涉及办件："), self.case_ref)
        self.staff = staff_combo(ws, actor, "staff", self.tr("（不涉及具体人员）"))
        row("staff", self.tr("涉及工作人员(&G)："), self.staff)
        self.window = QLineEdit()
        row("window", self.tr("涉及窗口："), self.window)
        self.received_at = QLineEdit()
        self.received_at.setPlaceholderText(self.tr("补登时填写，如 2026-11-24 09:30；不填为现在"))
        row("received_at", self.tr("接收时间："), self.received_at)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("登记(&R)  Ctrl+Enter"))
        self.save_button.setObjectName("registerTicketButton")
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.general_error = error_label(self)
        outer.addWidget(self.general_error)
        self.message = QLabel()
        self.message.setObjectName("registerMessage")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        outer.addStretch(1)
        self.errors = FieldErrors(self.error_labels, self.general_error, self)
        self.anonymous.toggled.connect(self._anonymous)
        self.save_button.clicked.connect(self.register)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.register)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.register)

    def _anonymous(self, on: bool) -> None:
        for edit in (self.reporter_name, self.phone):
            edit.setEnabled(not on)
            if on:
                edit.clear()

    def _received(self) -> datetime | None:
        text = self.received_at.text().strip()
        if not text:
            return None
        try:
            return datetime.strptime(text, "%Y-%m-%d %H:%M").astimezone()
        except ValueError:
            raise ValidationError(
                "received_at", self.tr("接收时间应写成 年-月-日 时:分，如 2026-11-24 09:30")
            ) from None

    def draft(self) -> TicketDraft:
        return TicketDraft(
            ticket_class=str(self.ticket_class.currentData()),
            channel=str(self.channel.currentData()),
            description=self.description.toPlainText(),
            tier=str(self.tier.currentData()),
            bbcs_kind=str(self.bbcs_kind.currentData()),
            external_no=self.external_no.text(),
            anonymous=self.anonymous.isChecked(),
            reporter_name=self.reporter_name.text(),
            phone=self.phone.text(),
            case_ref=self.case_ref.text(),
            window=self.window.text(),
            staff=str(self.staff.currentData()),
            received_at=self._received(),
        )

    def register(self) -> Op[TicketResult] | None:
        try:
            draft = self.draft()
        except ValidationError as exc:
            self.errors.show(exc, {"received_at": self.received_at})
            return None
        ws, actor = self.ws, self.actor
        inputs: dict[str, QWidget] = {
            name: getattr(self, name)
            for name in (
                "ticket_class",
                "channel",
                "external_no",
                "bbcs_kind",
                "tier",
                "description",
                "reporter_name",
                "phone",
                "case_ref",
                "staff",
                "window",
                "received_at",
            )
        }
        return (
            Op(self, lambda: tickets.register(ws, actor, draft), touches=[Entity.TICKET])
            .busy(self.save_button)
            .fields(self.errors, inputs)
            .success(self._registered)
            .run()
        )

    def _registered(self, result: TicketResult) -> None:
        due = (
            self.tr("办理期限 {day}").format(day=result.due_date.isoformat())
            if result.due_date
            else self.tr("无办理期限")
        )
        self.message.setText(
            self.tr("已登记 {number}，{due}").format(number=result.ticket_no, due=due)
        )
        for edit in (
            self.external_no,
            self.reporter_name,
            self.phone,
            self.case_ref,
            self.window,
            self.received_at,
        ):
            edit.clear()
        self.description.clear()
        self.anonymous.setChecked(False)
        self.staff.setCurrentIndex(0)
        self.ticket_class.setFocus()
        self.registered.emit(result.ticket_no)
        self.recorded.emit(result.ticket_id)
