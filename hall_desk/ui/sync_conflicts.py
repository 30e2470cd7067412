"""The team lead's list of sync conflicts: steps or applicant details from two workstations
that cannot both stand, settled here (opened from 工具 → 同步冲突…)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.roles import Actor, Permission
from hall_desk.services.workstation import Workstation
from hall_desk.sync.conflicts import (
    Conflict,
    RevealedValues,
    list_conflicts,
    resolve_conflict,
    reveal_values,
)
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.models import Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.widgets import error_label, table_view

CONFLICT_COLUMNS: list[Column[Conflict]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "受理编号"), lambda c: c.case_no or "—"),
    Column(QT_TRANSLATE_NOOP("RowsModel", "事项"), lambda c: c.subject),
    Column(QT_TRANSLATE_NOOP("RowsModel", "冲突"), lambda c: c.summary),
    Column(QT_TRANSLATE_NOOP("RowsModel", "处理"), lambda c: c.note),
]
SUMMARY_COLUMN = 2


class ConflictsDialog(QDialog):
    """Steps or applicant details from two workstations that cannot both stand: the lead
    settles them. For an applicant's field both values show masked; 查看完整值 reveals them
    through the audited unmask, and the lead picks the one to keep."""

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.setWindowTitle(self.tr("同步冲突"))
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "以下办件在不同工作站上被同时办理了不能同时成立的步骤，或申请人信息被两个窗口"
                    "在互不知情时改成了不同的值。请核实后写明处理结果；申请人信息须选定保留哪一个值。"
                )
            )
        )
        self.model = RowsModel(CONFLICT_COLUMNS, lambda c: c.event_id, parent=self)
        # Short columns as wide as their text; the long 冲突 summary takes the rest of the
        # width and wraps, its row growing to show it whole (no sideways scrolling).
        self.table = table_view(self.model, self.tr("同步冲突"))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SUMMARY_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("没有待处理的冲突"))
        self.empty.setObjectName("noConflicts")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)
        values = QHBoxLayout()
        keep_caption = QLabel(self.tr("保留(&K)："))
        self.keep = QComboBox()
        self.keep.setObjectName("conflictKeep")
        self.keep.setAccessibleName(self.tr("保留哪一个值"))
        keep_caption.setBuddy(self.keep)
        self.reveal_button = QPushButton(self.tr("查看完整值(&V)"))
        self.reveal_button.setObjectName("revealConflictButton")
        self.reveal_button.setVisible(actor.may(Permission.UNMASK))
        self.reveal_button.clicked.connect(lambda: self.reveal_selected())
        self.revealed = QLabel()
        self.revealed.setObjectName("conflictValues")
        values.addWidget(keep_caption)
        values.addWidget(self.keep, 1)
        values.addWidget(self.reveal_button)
        self.keep_row = [keep_caption, self.keep, self.reveal_button]
        layout.addLayout(values)
        layout.addWidget(self.revealed)
        row = QHBoxLayout()
        caption = QLabel(self.tr("处理结果(&N)："))
        self.note = QLineEdit()
        self.note.setObjectName("conflictNote")
        self.note.setAccessibleName(self.tr("处理结果"))
        caption.setBuddy(self.note)
        resolve = QPushButton(self.tr("标记为已处理(&R)"))
        resolve.setObjectName("resolveConflictButton")
        resolve.clicked.connect(lambda: self.resolve_selected())
        self.resolve_button = resolve
        row.addWidget(caption)
        row.addWidget(self.note, 1)
        row.addWidget(resolve)
        layout.addLayout(row)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.reload()
        # A sync that brings or settles conflicts shows here while the dialog is open.
        Follower(self, [Entity.CASE, Entity.SYNC], self.reload)

    def reload(self) -> None:
        self.model.set_rows(list_conflicts(self.ws, self.actor))
        some = self.model.rowCount() > 0
        # An empty table says nothing: the words say there is nothing to do.
        self.table.setVisible(some)
        self.empty.setVisible(not some)
        self.note.setEnabled(some)
        self.resolve_button.setEnabled(some)
        # A reset model keeps no current row: select one again, and say what it offers.
        if some:
            self.table.selectRow(0)
        self._selected()

    def _current(self) -> Conflict | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _selected(self) -> None:
        conflict = self._current()
        self.keep.clear()
        self.revealed.clear()
        choices = conflict.choices() if conflict is not None else []
        for event_id, words in choices:
            self.keep.addItem(words, event_id)
        for widget in self.keep_row:
            widget.setEnabled(bool(choices))
        self.reveal_button.setVisible(self.actor.may(Permission.UNMASK))

    def reveal_selected(self) -> Op[RevealedValues] | None:
        conflict = self._current()
        if conflict is None or not conflict.field:
            self._say("⚠ " + self.tr("请先选择一条申请人信息冲突"))
            return None
        ws, actor = self.ws, self.actor

        def shown(full: RevealedValues) -> None:
            self.revealed.setText(full.words(conflict))

        return (
            Op(self, lambda: reveal_values(ws, actor, conflict.event_id))
            .busy(self.reveal_button)
            .refused(lambda exc: self._say(f"⚠ {exc.message}"))
            .success(shown)
            .run()
        )

    def resolve_selected(self) -> Op[Conflict] | None:
        index = self.table.currentIndex()
        if not index.isValid():
            self._say("⚠ " + self.tr("请先选择一条冲突"))
            return None
        ws, actor = self.ws, self.actor
        event_id, note = self.model.row_at(index.row()).event_id, self.note.text()
        keep = str(self.keep.currentData() or "")
        return (
            Op(
                self,
                lambda: resolve_conflict(ws, actor, event_id, note, keep=keep),
                touches=[Entity.CASE],
            )
            .busy(self.resolve_button)
            .refused(lambda exc: self._say(f"⚠ {exc.message}"))
            .success(lambda _done: self._resolved())
            .run()
        )

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def _resolved(self) -> None:
        # The list itself is reloaded by the change announcement.
        self.error.setVisible(False)
        self.note.clear()
