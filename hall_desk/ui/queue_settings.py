"""设置 → 叫号队列: the hall's queues (code letter, name, the windows that serve each, daily
quota, number range, hours), one at a time, and beside them the hall-wide calling rules (green
calls in a row, the recall limit, how often the display says a call), saved together; every
refusal beside its field."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.queue import MAX_NUMBER, CallingRules, QueueSpec, typed_queue
from hall_desk.domain.roles import Actor
from hall_desk.services import queue
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity
from hall_desk.ui.models import Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.widgets import FieldErrors, error_label, set_role, table_view


def _windows(spec: QueueSpec) -> str:
    if not spec.windows:
        return QCoreApplication.translate("RowsModel", "全部窗口")
    return "、".join(spec.windows)


QUEUE_COLUMNS: list[Column[QueueSpec]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "代码"), lambda q: q.code),
    Column(QT_TRANSLATE_NOOP("RowsModel", "名称"), lambda q: q.name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "服务窗口"), _windows),
    Column(QT_TRANSLATE_NOOP("RowsModel", "每日限额"), lambda q: q.quota, align_right=True),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "号段"), lambda q: f"{q.label(q.first)}–{q.label(q.last)}"
    ),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "取号时间"),
        lambda q: f"{q.opens:%H:%M}–{q.closes:%H:%M}",
    ),
]


# What the rule boxes take: wider than the hall may use, so that the service's refusal, which
# names the allowed values, is what a wrong number meets, as for the queue's own numbers.
RULE_MAX = 99
# The least width of a number or time box: its widest value, a suffix and the theme's step
# buttons (which its size hint leaves out) still fit at 150 %.
BOX_WIDTH = 110


def _qtime(value: object) -> QTime:
    return QTime(value.hour, value.minute)  # type: ignore[attr-defined]


class QueueSettingsTab(QWidget):
    """A list of the queues; below it the chosen one's fields and the hall-wide calling rules,
    保存 (both) and 删除此队列."""

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueSettingsTab")
        self.ws = ws
        self.actor = actor
        self.editing = ""  # the code of the queue in the fields ("" a new one)
        self.saved_rules = CallingRules()  # the calling rules as the hall's settings hold them
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "全大厅共用，同步到各工作站。服务窗口填窗口号，如 1,2,3；留空为全部窗口。"
                "号段用完不会从头再来：当日不再发号。"
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.model = RowsModel(QUEUE_COLUMNS, lambda q: q.code, parent=self)
        self.table = table_view(self.model, self.tr("叫号队列"))
        self.table.setObjectName("queueTable")
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        fields_row = QHBoxLayout()
        fields_row.addLayout(form, 3)
        layout.addLayout(fields_row)
        self.code = QLineEdit()
        self.code.setObjectName("queueCodeEdit")
        self.code.setMaxLength(1)
        self.code.setPlaceholderText(self.tr("一个大写字母，如 E"))
        self.name = QLineEdit()
        self.name.setObjectName("queueNameEdit")
        self.windows = QLineEdit()
        self.windows.setObjectName("queueWindowsEdit")
        self.windows.setPlaceholderText(self.tr("如 1,2,3；留空为全部窗口"))
        self.quota = QSpinBox()
        self.quota.setObjectName("queueQuotaSpin")
        self.quota.setRange(0, MAX_NUMBER)
        self.quota.setSuffix(self.tr(" 个"))
        self.first = QSpinBox()
        self.first.setObjectName("queueFirstSpin")
        self.last = QSpinBox()
        self.last.setObjectName("queueLastSpin")
        for spin in (self.first, self.last):
            spin.setRange(0, MAX_NUMBER)
        self.opens = QTimeEdit()
        self.opens.setObjectName("queueOpensEdit")
        self.closes = QTimeEdit()
        self.closes.setObjectName("queueClosesEdit")
        for edit in (self.opens, self.closes):
            edit.setDisplayFormat("HH:mm")
        # A number and a time need a few characters, not the dialog's width: the pairs sit
        # together at the left, as "1 至 999" reads.
        for spin in (self.quota, self.first, self.last, self.opens, self.closes):
            spin.setMinimumWidth(BOX_WIDTH)
            spin.setMaximumWidth(160)
        self.quota.setAlignment(Qt.AlignmentFlag.AlignRight)
        range_row = QHBoxLayout()
        range_row.addWidget(self.first)
        range_row.addWidget(QLabel(self.tr("至")))
        range_row.addWidget(self.last)
        range_row.addStretch(1)
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.opens)
        hours_row.addWidget(QLabel(self.tr("至")))
        hours_row.addWidget(self.closes)
        hours_row.addStretch(1)
        labels: dict[str, QLabel] = {}
        for field, caption, widget, accessible in (
            ("code", self.tr("代码(&C)："), self.code, self.tr("队列代码")),
            ("name", self.tr("名称(&M)："), self.name, self.tr("队列名称")),
            ("windows", self.tr("服务窗口(&W)："), self.windows, self.tr("服务窗口")),
            ("quota", self.tr("每日限额(&Q)："), self.quota, self.tr("每日限额")),
            ("range", self.tr("号段(&R)："), range_row, self.tr("号段起号")),
            ("hours", self.tr("取号时间(&H)："), hours_row, self.tr("开始取号时间")),
        ):
            label = QLabel(caption)
            if isinstance(widget, QWidget):
                widget.setAccessibleName(accessible)
                label.setBuddy(widget)
            else:
                first_of_row = self.first if field == "range" else self.opens
                first_of_row.setAccessibleName(accessible)
                label.setBuddy(first_of_row)
            form.addRow(label, widget)
            labels[field] = error_label(self)
            labels[field].setObjectName(f"queue_{field}Error")
            form.addRow("", labels[field])
        self.last.setAccessibleName(self.tr("号段止号"))
        self.closes.setAccessibleName(self.tr("结束取号时间"))
        rules_box = QGroupBox(self.tr("全大厅叫号规则（各队列共用）"))
        rules_box.setObjectName("queueRulesBox")
        rules_form = QFormLayout(rules_box)
        rules_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        fields_row.addWidget(rules_box, 2, Qt.AlignmentFlag.AlignTop)
        self.green_ratio = QSpinBox()
        self.green_ratio.setObjectName("queueGreenRatioSpin")
        self.recall_limit = QSpinBox()
        self.recall_limit.setObjectName("queueRecallLimitSpin")
        self.repeat = QSpinBox()
        self.repeat.setObjectName("queueRepeatSpin")
        for field, caption, accessible, spin, suffix, hint in (
            (
                "green_ratio",
                self.tr("绿色通道连续优先(&G)："),
                self.tr("绿色通道连续优先次数"),
                self.green_ratio,
                self.tr(" 次"),
                self.tr("绿色通道号与普通号同时等候时，每叫一个普通号之前至多连续叫几个绿色通道号"),
            ),
            (
                "recall_limit",
                self.tr("重呼次数上限(&L)："),
                self.tr("重呼次数上限"),
                self.recall_limit,
                self.tr(" 次"),
                self.tr("同一个号至多重呼几次；再按重呼即为过号"),
            ),
            (
                "repeat",
                self.tr("语音播报次数(&P)："),
                self.tr("语音播报次数"),
                self.repeat,
                self.tr(" 遍"),
                self.tr("叫号显示屏每次叫号念几遍（显示屏所在工作站同步后重新启动即生效）"),
            ),
        ):
            spin.setRange(0, RULE_MAX)
            spin.setSuffix(suffix)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setMinimumWidth(BOX_WIDTH)
            spin.setToolTip(hint)
            spin.setAccessibleName(accessible)
            spin.setAccessibleDescription(hint)
            label = QLabel(caption)
            label.setBuddy(spin)
            label.setToolTip(hint)
            rules_form.addRow(label, spin)
            labels[field] = error_label(self)
            labels[field].setObjectName(f"queue_{field}Error")
            rules_form.addRow(labels[field])
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("新建队列(&N)"))
        self.new_button.setObjectName("newQueueButton")
        self.save_button = QPushButton(self.tr("保存队列及叫号规则(&V)"))
        self.save_button.setObjectName("saveQueueButton")
        self.remove_button = QPushButton(self.tr("删除此队列"))
        self.remove_button.setObjectName("removeQueueButton")
        for button in (self.new_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("queueSettingsMessage")
        self.message.setWordWrap(True)
        general = error_label(self)
        general.setObjectName("queue_generalError")
        layout.addWidget(general)
        layout.addWidget(self.message)
        self.errors = FieldErrors(labels, general, self)
        self.inputs: dict[str, QWidget] = {
            "code": self.code,
            "name": self.name,
            "windows": self.windows,
            "quota": self.quota,
            "range": self.first,
            "hours": self.opens,
            "green_ratio": self.green_ratio,
            "recall_limit": self.recall_limit,
            "repeat": self.repeat,
        }
        # The eye reads the queue's fields, then the rules beside them, then the buttons.
        order = [
            self.table,
            self.code,
            self.name,
            self.windows,
            self.quota,
            self.first,
            self.last,
            self.opens,
            self.closes,
            self.green_ratio,
            self.recall_limit,
            self.repeat,
            self.new_button,
            self.save_button,
            self.remove_button,
        ]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        self.table.selectionModel().currentRowChanged.connect(lambda i, _p: self._chosen(i.row()))
        self._reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the tab's fields saves them, as everywhere else: left to the dialog it would
        # press the dialog's own 保存, which closes it and drops what was typed here.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.save_button.isEnabled():
            event.accept()
            self.save()
            return
        super().keyPressEvent(event)

    def _reload(self, choose: str = "", *, keep_rules: bool = False) -> None:
        settings = queue.settings_of(self.ws)
        self.saved_rules = settings.rules
        if not keep_rules:
            self.green_ratio.setValue(settings.green_ratio)
            self.recall_limit.setValue(settings.recall_limit)
            self.repeat.setValue(settings.repeat)
        queues = list(settings.queues)
        self.model.set_rows(queues)
        codes = [q.code for q in queues]
        row = codes.index(choose) if choose in codes else 0
        if queues:
            self.table.selectRow(row)
            self._chosen(row)

    def _chosen(self, row: int) -> None:
        spec = self.model.row_at(row) if row >= 0 else None
        if spec is None:
            return
        self.editing = spec.code
        self.code.setText(spec.code)
        self.name.setText(spec.name)
        self.windows.setText(",".join(spec.windows))
        self.quota.setValue(spec.quota)
        self.first.setValue(spec.first)
        self.last.setValue(spec.last)
        self.opens.setTime(_qtime(spec.opens))
        self.closes.setTime(_qtime(spec.closes))
        self.errors.clear()
        self.remove_button.setEnabled(True)

    def start_new(self) -> None:
        self.editing = ""
        self.table.clearSelection()
        for edit in (self.code, self.name, self.windows):
            edit.clear()
        self.quota.setValue(300)
        self.first.setValue(1)
        self.last.setValue(999)
        self.opens.setTime(QTime(9, 0))
        self.closes.setTime(QTime(17, 0))
        self.errors.clear()
        self.remove_button.setEnabled(False)
        self.message.setText(self.tr("填写新队列后按「保存队列及叫号规则」"))
        self.code.setFocus()

    def _typed_rules(self) -> CallingRules:
        return CallingRules(
            self.green_ratio.value(), self.recall_limit.value(), self.repeat.value()
        )

    def save(self) -> Op[QueueSpec]:
        ws, actor, replacing = self.ws, self.actor, self.editing
        code, name, windows = self.code.text(), self.name.text(), self.windows.text()
        numbers = (self.quota.value(), self.first.value(), self.last.value())
        opens, closes = self.opens.time().toPython(), self.closes.time().toPython()
        rules = self._typed_rules()

        def work() -> QueueSpec:
            spec = typed_queue(
                code,
                name,
                windows,
                quota=numbers[0],
                first=numbers[1],
                last=numbers[2],
                opens=opens,
                closes=closes,
            )
            queue.save_queue(ws, actor, spec, replacing, rules)
            return spec

        return (
            Op(self, work, touches=[Entity.SETTINGS])
            .busy(self.save_button)
            .fields(self.errors, self.inputs)
            .success(self._saved)
            .run()
        )

    def _saved(self, spec: QueueSpec) -> None:
        self._reload(spec.code)
        self.message.setText(
            self.tr("已保存队列 %1 %2 及全大厅叫号规则")
            .replace("%1", spec.code)
            .replace("%2", spec.name)
        )
        set_role(self.message, "")

    def remove(self) -> Op[None] | None:
        code = self.editing
        if not code:
            return None
        ws, actor = self.ws, self.actor
        return (
            Op(self, lambda: queue.remove_queue(ws, actor, code), touches=[Entity.SETTINGS])
            .busy(self.remove_button)
            .fields(self.errors, self.inputs)
            .success(lambda _r: self._removed(code))
            .run()
        )

    def _removed(self, code: str) -> None:
        # The calling rules are the hall's, not the deleted queue's: what was typed in them
        # stays, as it does when another queue is chosen, and the message says it is not saved
        # yet. A question before the delete would ask about something the delete leaves alone,
        # and reloading them from the database would drop the clerk's numbers without a word.
        self._reload(keep_rules=True)
        if self._typed_rules() == self.saved_rules:
            text = self.tr("已删除队列 %1")
        else:
            text = self.tr("已删除队列 %1。叫号规则的修改尚未保存：按「保存队列及叫号规则」保存")
        self.message.setText(text.replace("%1", code))
