"""The window clerk's queue of folders 预审 sent back for 补正, each with the reason given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor
from hall_desk.services import routing
from hall_desk.services.routing import BoardRow, Move
from hall_desk.services.workstation import Workstation
from hall_desk.ui.models import ID_ROLE, Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.widgets import error_label, set_role, table_view


@dataclass(frozen=True)
class ReturnedFolder:
    row: BoardRow
    reason: str
    returned_by: str
    returned_at: datetime | None


RETURNED_COLUMNS: list[Column[ReturnedFolder]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "受理编号"), lambda r: r.row.case_no),
    Column(QT_TRANSLATE_NOOP("RowsModel", "绿色通道"), lambda r: r.row.green_text),
    Column(QT_TRANSLATE_NOOP("RowsModel", "事项"), lambda r: r.row.title),
    Column(QT_TRANSLATE_NOOP("RowsModel", "申请人"), lambda r: r.row.applicant_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "退回人"), lambda r: r.returned_by),
    Column(QT_TRANSLATE_NOOP("RowsModel", "退回时间"), lambda r: r.returned_at),
    # Last: the column that stretches holds the longest text.
    Column(QT_TRANSLATE_NOOP("RowsModel", "退回原因"), lambda r: r.reason),
]


class ReturnedFoldersPanel(QWidget):
    """Enter on a row (or the button) takes the case to 补正收件."""

    supplement_requested = Signal(str)  # case number

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("returnedSummary")
        self.everyone = QCheckBox(self.tr("显示所有窗口的(&A)"))
        self.everyone.setObjectName("returnedEveryone")
        refresh = QPushButton(self.tr("刷新(&R)"))
        refresh.setObjectName("returnedRefresh")
        row.addWidget(self.summary, 1)
        row.addWidget(self.everyone)
        row.addWidget(refresh)
        layout.addLayout(row)
        self.model = RowsModel(RETURNED_COLUMNS, lambda r: r.row.case_no, parent=self)
        self.table = table_view(self.model, self.tr("预审退回的材料袋"))
        self.table.setObjectName("returnedTable")
        layout.addWidget(self.table, 1)
        self.take = QPushButton(self.tr("办理补正收件(&O)"))
        self.take.setObjectName("takeSupplementButton")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take)
        layout.addLayout(buttons)
        self.message = error_label(self)
        layout.addWidget(self.message)
        refresh.clicked.connect(self.refresh)
        self.everyone.toggled.connect(lambda _on: self.refresh())
        self.take.clicked.connect(self._take_current)
        self.table.activated.connect(
            lambda index: self.supplement_requested.emit(self.model.data(index, ID_ROLE))
        )

    def showEvent(self, event: QShowEvent) -> None:
        # Read whenever it comes into view (its tab chosen, its window back): never a list
        # from the last time, and nothing read while nobody looks.
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> Op[list[ReturnedFolder]]:
        """Read off the GUI thread: the window comes up before its queue, which reads each
        returned folder's journey for the reason given."""
        ws, actor, everyone = self.ws, self.actor, self.everyone.isChecked()
        return (
            Op(self, lambda: returned_folders(ws, actor, everyone=everyone))
            .refused(self._refused)
            .success(self._show)
            .run()
        )

    def _refused(self, exc: HallDeskError) -> None:
        self.message.setText(f"⚠ {exc.message}")
        self.message.setVisible(True)

    def _show(self, folders: list[ReturnedFolder]) -> None:
        self.message.setVisible(False)
        self.model.set_rows(folders)
        if folders:
            self.table.selectRow(0)
            self.summary.setText(
                self.tr("预审退回待补正 {n} 件：请通知申请人补齐材料").format(n=len(folders))
            )
            set_role(self.summary, "nearDeadline")
        else:
            self.summary.setText(self.tr("没有预审退回的材料袋"))
            set_role(self.summary, "")
        self.take.setEnabled(bool(folders))

    def _take_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.supplement_requested.emit(self.model.data(index, ID_ROLE))


def returned_folders(ws: Workstation, actor: Actor, *, everyone: bool) -> list[ReturnedFolder]:
    """The returned folders with the reason each was sent back with: the last stop that a
    退回 brought (the reason travels with the return handoff)."""
    folders = []
    for row in routing.returned_for_supplement(ws, actor, everyone=everyone):
        stops = routing.journey(ws, actor, row.case_id).stops
        back = next((s for s in reversed(stops) if s.arrived_by == Move.RETURN.label), None)
        folders.append(
            ReturnedFolder(row, "", "", None)
            if back is None
            else ReturnedFolder(row, back.note, back.giver, back.since)
        )
    return folders
