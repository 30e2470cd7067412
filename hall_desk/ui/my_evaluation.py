"""我的绩效考评: a staff member reads their published monthly sheets, line by line, and confirms
or objects (with a reason) within the 3 working days the publication gave them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.roles import Actor
from hall_desk.services import evaluations
from hall_desk.services.evaluations import SheetView
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity
from hall_desk.ui.models import Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.widgets import FieldErrors, error_label, table_view
from hall_desk.ui.words import word

MONTH_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "月份"), lambda v: v.month),
    Column(QT_TRANSLATE_NOOP("RowsModel", "总分"), lambda v: v.total, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "等次"), lambda v: v.grade),
    Column(QT_TRANSLATE_NOOP("RowsModel", "名次"), lambda v: f"{v.rank}/{v.of}"),
    Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda v: word(v.state.label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "确认期限"), lambda v: v.respond_by),
]
LINE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "项目"), lambda line: line.item),
    Column(QT_TRANSLATE_NOOP("RowsModel", "依据"), lambda line: line.text or line.kind_label),
    Column(QT_TRANSLATE_NOOP("RowsModel", "日期"), lambda line: line.on),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "分值"), lambda line: f"{line.points:+d}", align_right=True
    ),
]


class MyEvaluationDialog(QDialog):
    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.actor = ws, actor
        self.setWindowTitle(self.tr("我的绩效考评"))
        self.resize(760, 520)
        outer = QVBoxLayout(self)
        self.months = RowsModel(MONTH_COLUMNS, lambda v: v.id, parent=self)
        self.months_view = table_view(self.months, self.tr("已发布的考评"))
        self.months_view.setObjectName("mySheets")
        caption = QLabel(self.tr("已发布的考评(&M)"))
        caption.setBuddy(self.months_view)
        outer.addWidget(caption)
        outer.addWidget(self.months_view, 1)
        self.lines = RowsModel(LINE_COLUMNS, lambda line: f"{line.item}:{line.ref}", parent=self)
        self.lines_view = table_view(self.lines, self.tr("扣分与加分依据"))
        self.lines_view.setObjectName("myLines")
        outer.addWidget(QLabel(self.tr("扣分与加分依据")))
        outer.addWidget(self.lines_view, 1)
        row = QHBoxLayout()
        label = QLabel(self.tr("异议理由(&R)："))
        self.reason = QLineEdit()
        self.reason.setObjectName("objectionReason")
        label.setBuddy(self.reason)
        row.addWidget(label)
        row.addWidget(self.reason, 1)
        outer.addLayout(row)
        self.reason_error = error_label(self)
        outer.addWidget(self.reason_error)
        general = error_label(self)
        outer.addWidget(general)
        self.errors = FieldErrors({"objection": self.reason_error}, general, self)
        buttons = QHBoxLayout()
        self.confirm = QPushButton(self.tr("确认无异议(&C)"))
        self.confirm.setObjectName("confirmSheet")
        self.object = QPushButton(self.tr("提出异议(&O)"))
        self.object.setObjectName("objectSheet")
        close = QPushButton(self.tr("关闭"))
        buttons.addStretch(1)
        for b in (self.confirm, self.object, close):
            buttons.addWidget(b)
        outer.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("myEvaluationMessage")
        outer.addWidget(self.message)
        close.clicked.connect(self.reject)
        self.confirm.clicked.connect(lambda: self._answer(None))
        self.object.clicked.connect(lambda: self._answer(self.reason.text()))
        self.months_view.selectionModel().currentRowChanged.connect(lambda *_a: self._show())
        self.refresh()

    def _current(self) -> SheetView | None:
        index = self.months_view.currentIndex()
        return self.months.row_at(index.row()) if index.isValid() else None

    def refresh(self) -> None:
        self.months.set_rows(evaluations.my_sheets(self.ws, self.actor))
        if self.months.rows:
            self.months_view.selectRow(0)
        else:
            self.message.setText(self.tr("还没有已发布的考评"))
        self._show()

    def _show(self) -> None:
        view = self._current()
        self.lines.set_rows(list(view.lines) if view is not None else [])

    def _answer(self, objection: str | None) -> Op[Any] | None:
        view = self._current()
        if view is None:
            return None
        ws, actor = self.ws, self.actor
        if objection is None:
            work: Any = lambda: evaluations.confirm(ws, actor, view.id)  # noqa: E731
            done = self.tr("✓ 已确认 {month} 的考评").format(month=view.month)
        else:
            work = lambda: evaluations.object_to(ws, actor, view.id, objection)  # noqa: E731
            done = self.tr("✓ 已对 {month} 的考评提出异议，班组长将复核").format(month=view.month)
        return (
            Op(self, work, touches=[Entity.STAFF])
            .busy(self.confirm, self.object)
            .fields(self.errors, {"objection": self.reason})
            .success(lambda _r: (self.message.setText(done), self.refresh()))
            .run()
        )
