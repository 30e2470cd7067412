"""The paper of 材料流转 after the fact: recent 交接单 to reprint, and 材料袋标签 for their folders
or for any case typed in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor
from hall_desk.services import routing
from hall_desk.services.routing import Move, SheetSummary
from hall_desk.services.workstation import Workstation
from hall_desk.ui.models import ID_ROLE, Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.printing import PdfPreviewDialog, open_preview
from hall_desk.ui.widgets import error_label, say, table_view
from hall_desk.ui.words import word

SHEET_MOVES = [Move.COLLECT, Move.DISPATCH, Move.RECEIVE_BACK, Move.TO_DELIVERY]

SHEET_COLUMNS: list[Column[SheetSummary]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "交接单号"), lambda s: s.sheet_no),
    Column(QT_TRANSLATE_NOOP("RowsModel", "环节"), lambda s: word(s.move.label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "件数"), lambda s: s.case_count, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "交出"), lambda s: word(s.from_label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "接收"), lambda s: word(s.to_label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "交出人"), lambda s: s.giver),
    Column(QT_TRANSLATE_NOOP("RowsModel", "接收人"), lambda s: s.receiver),
    Column(QT_TRANSLATE_NOOP("RowsModel", "时间"), lambda s: s.at),
]


class SheetsPanel(QWidget):
    """交接单 of the last days, newest first: reprint one, or print its folders' labels."""

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.preview: PdfPreviewDialog | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        caption = QLabel(self.tr("环节(&H)："))
        self.move = QComboBox()
        self.move.setObjectName("sheetMoveFilter")
        self.move.setAccessibleName(self.tr("交接单环节"))
        self.move.addItem(self.tr("全部"), "")
        for move in SHEET_MOVES:
            self.move.addItem(word(move.label), move.value)
        caption.setBuddy(self.move)
        row.addWidget(caption)
        row.addWidget(self.move)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = RowsModel(SHEET_COLUMNS, lambda s: s.id, parent=self)
        self.table = table_view(self.model, self.tr("交接单"))
        self.table.setObjectName("sheetsTable")
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.reprint = QPushButton(self.tr("重印交接单(&J)…"))
        self.reprint.setObjectName("reprintSheetButton")
        self.sheet_labels = QPushButton(self.tr("打印本单材料袋标签(&L)…"))
        self.sheet_labels.setObjectName("sheetLabelsButton")
        buttons.addWidget(self.reprint)
        buttons.addWidget(self.sheet_labels)
        buttons.addSpacing(20)
        label_caption = QLabel(self.tr("按受理编号打印标签(&N)："))
        self.label_refs = QLineEdit()
        self.label_refs.setObjectName("labelCases")
        self.label_refs.setAccessibleName(self.tr("要打印标签的受理编号"))
        self.label_refs.setPlaceholderText(self.tr("可扫码，多个编号用空格或逗号分开"))
        label_caption.setBuddy(self.label_refs)
        self.print_labels = QPushButton(self.tr("打印标签(&B)…"))
        self.print_labels.setObjectName("printLabelsButton")
        buttons.addWidget(label_caption)
        buttons.addWidget(self.label_refs, 1)
        buttons.addWidget(self.print_labels)
        layout.addLayout(buttons)
        self.message = error_label(self)
        self.message.setObjectName("sheetsMessage")
        layout.addWidget(self.message)
        self.move.currentIndexChanged.connect(lambda _i: self.refresh())
        self.reprint.clicked.connect(self.reprint_sheet)
        self.table.activated.connect(lambda _index: self.reprint_sheet())
        self.sheet_labels.clicked.connect(self.labels_of_sheet)
        self.print_labels.clicked.connect(self.labels_of_typed)
        self.label_refs.returnPressed.connect(self.labels_of_typed)
        self.refresh()

    def refresh(self) -> None:
        value = str(self.move.currentData() or "")
        try:
            rows = routing.sheets(self.ws, self.actor, move=Move(value) if value else None)
        except HallDeskError as exc:
            self._say(f"⚠ {exc.message}", True)
            return
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        for button in (self.reprint, self.sheet_labels):
            button.setEnabled(bool(rows))

    def _chosen(self) -> SheetSummary | None:
        index = self.table.currentIndex()
        if not index.isValid():
            self._say("⚠ " + self.tr("请先在表中选择交接单"), True)
            return None
        sheet_id = self.model.data(index, ID_ROLE)
        return next((s for s in self.model.rows if s.id == sheet_id), None)

    def _say(self, text: str, error: bool) -> None:
        say(self.message, text, error=error)

    def _paper(
        self,
        build: Callable[[], bytes],
        title: str,
        *busy: QWidget,
        after: Callable[[], object] | None = None,
    ) -> Op[bytes]:
        """The paper is built (reportlab) off the GUI thread: the post keeps answering and `busy`
        stays disabled until the preview opens; a refusal is said below the table."""

        def show(data: bytes) -> None:
            if after is not None:
                after()
            self.message.setVisible(False)
            self.preview = open_preview(self, self.ws.config.extra.get("printer"), data, title)

        return (
            Op(self, build)
            .busy(*busy)
            .refused(lambda exc: self._say(f"⚠ {exc.message}", True))
            .success(show)
            .run()
        )

    def reprint_sheet(self) -> Op[bytes] | None:
        if not self.reprint.isEnabled():
            return None  # Enter or a double-click on the table while a reprint is being built
        sheet = self._chosen()
        if sheet is None:
            return None
        from hall_desk.reports.routing_docs import build_handover_sheet

        ws, actor = self.ws, self.actor
        return self._paper(
            lambda: build_handover_sheet(ws, actor, sheet.id),
            self.tr("交接单 {no}（重印）").format(no=sheet.sheet_no),
            self.reprint,
        )

    def labels_of_sheet(self) -> Op[bytes] | None:
        sheet = self._chosen()
        if sheet is None:
            return None
        from hall_desk.reports.routing_docs import build_folder_labels

        ws, actor = self.ws, self.actor

        def build() -> bytes:
            lines = routing.handover_sheet(ws, actor, sheet.id).lines
            return build_folder_labels(ws, actor, [line.case_no for line in lines])

        return self._paper(
            build, self.tr("材料袋标签 {what}").format(what=sheet.sheet_no), self.sheet_labels
        )

    def labels_of_typed(self) -> Op[bytes]:
        from hall_desk.reports.routing_docs import build_folder_labels

        ws, actor = self.ws, self.actor
        refs = [r for r in self.label_refs.text().replace(",", " ").replace("，", " ").split()]
        # The numbers typed stay until their labels are made: a refusal leaves them to correct.
        return self._paper(
            lambda: build_folder_labels(ws, actor, refs),
            self.tr("材料袋标签 {what}").format(what="、".join(refs)),
            self.print_labels,
            self.label_refs,
            after=self.label_refs.clear,
        )
