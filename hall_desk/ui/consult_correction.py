"""更正咨询登记: one consultation of the day, its fields as logged, and why it is corrected."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.roles import Actor
from hall_desk.services import consultations
from hall_desk.services.consultations import (
    Channel,
    ConsultationDraft,
    LoggedConsultation,
    Outcome,
)
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity
from hall_desk.ui.ops import Op
from hall_desk.ui.widgets import FieldErrors, error_label
from hall_desk.ui.words import word


class CorrectConsultationDialog(QDialog):
    """The fields come filled as logged; the phone is retyped only to change it."""

    def __init__(
        self,
        ws: Workstation,
        actor: Actor,
        logged: LoggedConsultation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.logged = logged
        self.changed: list[str] = []
        self.setWindowTitle(
            self.tr("更正咨询登记 — {time} {topic}").format(time=logged.time, topic=logged.topic)
        )
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        labels: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}

        def row(name: str, caption: str, widget: QWidget, accessible: str) -> None:
            widget.setObjectName(f"correct_{name}")
            widget.setAccessibleName(accessible)
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, widget)
            error = error_label(self)
            form.addRow("", error)
            labels[name] = error
            self.inputs[name] = widget

        self.topic = QLineEdit(logged.topic)
        row("topic", self.tr("咨询内容(&Q)："), self.topic, self.tr("咨询内容"))
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(word(channel.label), channel.value)
        self.channel.setCurrentIndex(self.channel.findData(logged.channel.value))
        row("channel", self.tr("渠道(&D)："), self.channel, self.tr("咨询渠道"))
        self.outcome = QComboBox()
        for outcome in Outcome:
            self.outcome.addItem(word(outcome.label), outcome.value)
        self.outcome.setCurrentIndex(self.outcome.findData(logged.outcome.value))
        row("outcome", self.tr("处理结果(&J)："), self.outcome, self.tr("处理结果"))
        self.guided_window = QLineEdit(logged.guided_window)
        row(
            "guided_window",
            self.tr("引导到的窗口(&Y)："),
            self.guided_window,
            self.tr("引导到的窗口"),
        )
        self.applicant_name = QLineEdit(logged.applicant_name)
        row("applicant_name", self.tr("咨询人(&M)："), self.applicant_name, self.tr("咨询人姓名"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(
            self.tr("不修改（现为 {masked}）").format(masked=logged.phone_masked)
            if logged.phone_masked
            else self.tr("未登记电话")
        )
        row("phone", self.tr("联系电话(&P)："), self.phone, self.tr("咨询人联系电话"))
        self.note = QLineEdit(logged.note)
        row("note", self.tr("备注(&B)："), self.note, self.tr("备注"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("如：渠道登记错了，是电话咨询"))
        row("reason", self.tr("更正原因(&R)："), self.reason, self.tr("更正原因"))
        general = error_label(self)
        layout.addWidget(general)
        self.errors = FieldErrors(labels, general, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(self.tr("保存更正"))
        self.save_button.setObjectName("saveCorrectionButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.topic.setFocus()

    def submit(self) -> Op[list[str]]:
        draft = ConsultationDraft(
            topic=self.topic.text(),
            channel=str(self.channel.currentData()),
            outcome=str(self.outcome.currentData()),
            guided_window=self.guided_window.text(),
            applicant_name=self.applicant_name.text(),
            phone=self.phone.text(),
            note=self.note.text(),
        )
        ws, actor, consultation_id, reason = self.ws, self.actor, self.logged.id, self.reason.text()
        return (
            Op(
                self,
                lambda: consultations.correct_consultation(
                    ws, actor, consultation_id, draft, reason
                ),
                touches=[Entity.CONSULTATION],
            )
            .busy(self.buttons)
            .fields(self.errors, self.inputs)
            .success(self._saved)
            .run()
        )

    def _saved(self, changed: list[str]) -> None:
        self.changed = changed
        self.accept()
