"""窗口代录: the clerk keys in a rating on the applicant's behalf, only with a written reason.

Allowed when the applicant asked for help (no screen, or they cannot use it); the channel is kept
as 窗口代录 and reported apart from the screen's ratings. The service is picked from the clerk's
own services of today that have no rating yet.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import ValidationError
from hall_desk.domain.ratings import LEVELS_HIGH_TO_LOW, Level, RatingChannel
from hall_desk.domain.roles import Actor
from hall_desk.services import ratings
from hall_desk.services.ratings import RatingResult, RatingTarget
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity
from hall_desk.ui.ops import Op
from hall_desk.ui.widgets import FieldErrors, error_label
from hall_desk.ui.words import word

TARGET_ROLE = Qt.ItemDataRole.UserRole


class ProxyRatingDialog(QDialog):
    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.result_value: RatingResult | None = None
        self.setObjectName("proxyRatingDialog")
        self.setWindowTitle(self.tr("窗口代录评价"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("仅在申请人请求协助时代为录入；评价等级须由申请人本人说出，不得引导。"))
        )
        form = QFormLayout()
        layout.addLayout(form)
        self.error_labels: dict[str, QLabel] = {}

        def row(name: str, label: str, widget: QWidget) -> None:
            widget.setObjectName(name)
            widget.setAccessibleName(label.rstrip("：").split("(")[0])
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            err = error_label(self)
            form.addRow("", err)
            self.error_labels[name] = err

        self.services = QListWidget()
        self.services.setMinimumHeight(120)
        row("ref", self.tr("评价的服务(&F)："), self.services)
        self.level = QComboBox()
        self.level.addItem(self.tr("（请申请人选择）"), 0)
        for level in LEVELS_HIGH_TO_LOW:
            self.level.addItem(word(level.label), int(level))
        row("level", self.tr("评价等级(&L)："), self.level)
        self.reasons_box = QWidget()
        self.reasons_box.setObjectName("reasons")
        grid = QGridLayout(self.reasons_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.reason_checks: list[QCheckBox] = []
        for i, reason in enumerate(ratings.bad_reasons(ws)):
            box = QCheckBox(reason)
            grid.addWidget(box, i // 2, i % 2)
            self.reason_checks.append(box)
        row("reasons", self.tr("差评原因："), self.reasons_box)
        self.proxy_reason = QLineEdit()
        self.proxy_reason.setPlaceholderText(self.tr("如：申请人视力不便，请求窗口代为录入"))
        row("proxy_reason", self.tr("代录原因(&R)："), self.proxy_reason)
        self.note = QLineEdit()
        row("note", self.tr("评价意见："), self.note)
        self.rater_name = QLineEdit()
        self.rater_name.setPlaceholderText(self.tr("实名评价时填写，否则留空"))
        row("rater_name", self.tr("评价人姓名："), self.rater_name)
        self.rater_phone = QLineEdit()
        row("rater_phone", self.tr("联系电话："), self.rater_phone)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        self.errors = FieldErrors(self.error_labels, self.general_error, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存(&S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.level.currentIndexChanged.connect(self._show_reasons)
        self._load_services()
        self._show_reasons()

    def _load_services(self) -> Op[list[RatingTarget]]:
        """Read off the GUI thread: the dialog opens at once; 保存 waits for the list."""
        ws, actor = self.ws, self.actor
        return (
            Op(self, lambda: ratings.pending_targets(ws, actor))
            .busy(self.buttons.button(QDialogButtonBox.StandardButton.Save))
            .fields(self.errors)
            .success(self._show_services)
            .run()
        )

    def _show_services(self, targets: list[RatingTarget]) -> None:
        for target in targets:
            shown = f"{target.at[11:16]}　{target.what}"
            if target.case_no:
                shown += f"（{target.case_no}）"
            item = QListWidgetItem(shown)
            item.setData(TARGET_ROLE, target)
            self.services.addItem(item)
        if self.services.count():
            self.services.setCurrentRow(0)
        else:
            self.general_error.setText(self.tr("今天没有待评价的服务"))
            self.general_error.setVisible(True)

    def _chosen(self) -> RatingTarget | None:
        item = self.services.currentItem()
        return item.data(TARGET_ROLE) if item is not None else None

    def _show_reasons(self) -> None:
        value = int(self.level.currentData() or 0)
        bad = bool(value) and Level(value).is_bad
        self.reasons_box.setVisible(bad)
        if not bad:
            for box in self.reason_checks:
                box.setChecked(False)

    def save(self) -> Op[RatingResult] | None:
        inputs: dict[str, QWidget] = {
            "level": self.level,
            "reasons": self.reasons_box,
            "proxy_reason": self.proxy_reason,
            "note": self.note,
            "rater_name": self.rater_name,
            "rater_phone": self.rater_phone,
            "ref": self.services,
        }
        target = self._chosen()
        if target is None:
            self.errors.show(ValidationError("ref", self.tr("请选择要评价的服务")), inputs)
            return None
        ws, actor = self.ws, self.actor
        level = int(self.level.currentData() or 0)
        reasons = [box.text() for box in self.reason_checks if box.isChecked()]
        proxy_reason, note = self.proxy_reason.text(), self.note.text()
        name, phone = self.rater_name.text(), self.rater_phone.text()

        def record() -> RatingResult:
            return ratings.rate(
                ws,
                actor,
                target.kind,
                target.ref,
                level,
                channel=RatingChannel.PROXY,
                reasons=reasons,
                note=note,
                proxy_reason=proxy_reason,
                rater_name=name,
                rater_phone=phone,
            )

        return (
            Op(self, record, touches=[Entity.RATING, Entity.TICKET])
            .busy(self.buttons)
            .fields(self.errors, inputs)
            .success(self._saved)
            .run()
        )

    def _saved(self, result: RatingResult) -> None:
        self.result_value = result
        self.accept()
