"""绩效考评 tab: the month's sheets by rank, the chosen sheet's lines, adjustment or 复核, 审核,
发布, the printouts and (for the admin) the scheme."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.evaluation import BONUS_ITEM
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services import evaluations
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.models import Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.printing import PdfPreviewDialog, open_preview
from hall_desk.ui.staff_forms import FormRows, combo, qdate
from hall_desk.ui.widgets import table_view
from hall_desk.ui.words import word

SHEET_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "名次"), lambda v: v.rank, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "姓名"), lambda v: v.staff_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "窗口"), lambda v: v.window),
    Column(QT_TRANSLATE_NOOP("RowsModel", "总分"), lambda v: v.total, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "等次"), lambda v: v.grade),
    Column(QT_TRANSLATE_NOOP("RowsModel", "业务量"), lambda v: v.workload, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda v: word(v.state.label)),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "备注"),
        lambda v: "；".join(
            x
            for x in (
                QCoreApplication.translate("RowsModel", "★ 服务标兵候选") if v.standout else "",
                QCoreApplication.translate("RowsModel", "连续 {n} 个月末位").format(
                    n=v.bottom_months
                )
                if v.bottom_months > 1
                else "",
                QCoreApplication.translate("RowsModel", "复核 {n} 次").format(n=len(v.reviews))
                if v.reviews
                else "",
            )
            if x
        ),
    ),
]
LINE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "项目"), lambda line: line.item),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "依据"),
        lambda line: (
            (
                QCoreApplication.translate("RowsModel", "【复核】")
                if line.review
                else QCoreApplication.translate("RowsModel", "【人工】")
                if line.manual
                else ""
            )
            + (line.text or line.kind_label)
        ),
    ),
    Column(QT_TRANSLATE_NOOP("RowsModel", "日期"), lambda line: line.on),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "分值"), lambda line: f"{line.points:+d}", align_right=True
    ),
]


class EvaluationTab(QWidget):
    # A line's evidence opened with Enter or a double click: a case in its view, a ticket in
    # the 办不成事/投诉 list, a finding or a meeting in its tab; a rating opens here, read-only.
    open_case_requested = Signal(str)
    open_ticket_requested = Signal(str)
    open_finding_requested = Signal(str)
    open_meeting_requested = Signal(str)

    def __init__(self, ws: Workstation, actor: Actor) -> None:
        super().__init__()
        self.ws, self.actor = ws, actor
        self.preview: PdfPreviewDialog | None = None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        caption = QLabel(self.tr("考评月份(&M)："))
        self.month = QDateEdit(qdate(ws.today()))
        self.month.setObjectName("evaluationMonth")
        self.month.setAccessibleName(self.tr("考评月份"))
        self.month.setDisplayFormat("yyyy-MM")
        caption.setBuddy(self.month)
        top.addWidget(caption)
        top.addWidget(self.month)
        self.compute = QPushButton(self.tr("按本月数据计算(&C)"))
        self.compute.setObjectName("computeMonth")
        self.check = QPushButton(self.tr("审核(&R)"))
        self.check.setObjectName("checkMonth")
        self.publish = QPushButton(self.tr("发布(&B)"))
        self.publish.setObjectName("publishMonth")
        self.print_sheet = QPushButton(self.tr("打印考评表(&P)"))
        self.print_sheet.setObjectName("printSheet")
        self.print_summary = QPushButton(self.tr("打印汇总表(&U)"))
        self.print_summary.setObjectName("printSummary")
        for b in (self.compute, self.check, self.publish):
            top.addWidget(b)
        top.addStretch(1)
        outer.addLayout(top)
        # The papers and the scheme on a line of their own: at 150 % one line holds not all.
        papers = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("evaluationMessage")
        papers.addWidget(self.message, 1)
        papers.addWidget(self.print_sheet)
        papers.addWidget(self.print_summary)
        self.scheme_button: QPushButton | None = None
        if actor.may(Permission.MANAGE_SETTINGS):
            self.scheme_button = QPushButton(self.tr("考评方案(&E)…"))
            self.scheme_button.setObjectName("editScheme")
            self.scheme_button.clicked.connect(self.edit_scheme)
            papers.addWidget(self.scheme_button)
        outer.addLayout(papers)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        self.sheets = RowsModel(SHEET_COLUMNS, lambda v: v.id, parent=self)
        self.sheets_view = table_view(self.sheets, self.tr("本月考评表"))
        self.sheets_view.setObjectName("sheets")
        body.addWidget(self.sheets_view, 3)
        side = QVBoxLayout()
        body.addLayout(side, 2)
        self.lines = RowsModel(
            LINE_COLUMNS,
            lambda line: f"{line.item}:{line.kind}:{line.ref}:{line.points}",
            parent=self,
        )
        self.lines_view = table_view(self.lines, self.tr("扣分与加分依据"))
        self.lines_view.setObjectName("sheetLines")
        self.lines_view.activated.connect(self._open_evidence)
        side.addWidget(QLabel(self.tr("所选考评表的依据")))
        side.addWidget(self.lines_view, 1)
        self.form = FormRows()
        f = self.form
        self.item = combo("adjustItem", [])
        f.row("item", self.tr("调整项目(&I)："), self.item)
        self.points = QSpinBox()
        self.points.setObjectName("adjustPoints")
        self.points.setRange(-100, 100)
        f.row("points", self.tr("分值(&N)："), self.points)
        self.reason = QLineEdit()
        self.reason.setObjectName("adjustReason")
        f.row("reason", self.tr("理由(&Y)："), self.reason)
        self.evidence = QLineEdit()
        self.evidence.setObjectName("adjustEvidence")
        self.evidence.setPlaceholderText(self.tr("依据编号（可空）：办件、工单或问题的编号"))
        f.row("evidence", self.tr("依据："), self.evidence)
        self.errors = f.errors()
        side.addWidget(f)
        self.adjust = QPushButton(self.tr("人工调整 / 复核(&A)"))
        self.adjust.setObjectName("adjustSheet")
        side.addWidget(self.adjust)

        self.compute.clicked.connect(self.run_compute)
        self.check.clicked.connect(
            lambda: self._month_step(
                evaluations.check_month, self.check, self.tr("✓ 已审核 {n} 张考评表")
            )
        )
        self.publish.clicked.connect(
            lambda: self._month_step(
                evaluations.publish_month, self.publish, self.tr("✓ 已发布，本人应在 {n} 前确认")
            )
        )
        self.adjust.clicked.connect(self.run_adjust)
        self.print_sheet.clicked.connect(self.show_sheet)
        self.print_summary.clicked.connect(self.show_summary)
        self.month.dateChanged.connect(lambda _d: self.refresh())
        self.sheets_view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_lines())
        self.refresh()
        Follower(self, [Entity.STAFF, Entity.SYNC], self.refresh)

    def edit_scheme(self) -> QDialog:
        from hall_desk.ui.scheme_dialog import SchemeDialog

        dialog = SchemeDialog(self.ws, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.message.setText(
                self.tr("✓ 已保存考评方案第 {v} 版：本月重新计算后按新版本计分").format(
                    v=dialog.saved.version if dialog.saved else ""
                )
            )
        )
        self.scheme_dialog = dialog
        dialog.open()
        return dialog

    def month_text(self) -> str:
        return self.month.date().toString("yyyy-MM")

    def _current(self) -> Any:
        index = self.sheets_view.currentIndex()
        return self.sheets.row_at(index.row()) if index.isValid() else None

    def refresh(self) -> None:
        chosen = self._current()
        views = evaluations.sheets(self.ws, self.actor, self.month_text())
        self.sheets.set_rows(views)
        for row, view in enumerate(views):
            if chosen is not None and view.id == chosen.id:
                self.sheets_view.selectRow(row)
        self._show_lines()

    def _open_evidence(self, index: Any) -> None:
        line = self.lines.row_at(index.row())
        source = evaluations.evidence_source(self.ws, self.actor, line.ref) if line.ref else None
        if source is None:
            self.message.setText(
                self.tr("ⓘ 该项依据为本月业务数据统计或人工调整，没有单独的记录可打开")
            )
            return
        what, key = source
        if what == "rating":
            self.show_rating(key)
            return
        signal = {
            "case": self.open_case_requested,
            "ticket": self.open_ticket_requested,
            "finding": self.open_finding_requested,
            "meeting": self.open_meeting_requested,
        }[what]
        signal.emit(key)

    def show_rating(self, rating_id: str) -> QDialog:
        from hall_desk.services import ratings
        from hall_desk.ui.ratings_page import RatingRecordDialog

        dialog = RatingRecordDialog(ratings.rating_of(self.ws, self.actor, rating_id), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rating_dialog = dialog
        dialog.open()
        return dialog

    def _show_lines(self) -> None:
        view = self._current()
        self.lines.set_rows(list(view.lines) if view is not None else [])
        self.item.clear()
        if view is not None:
            for name, top, got in view.items:
                self.item.addItem(f"{name}（{got}/{top}）", name)
            self.item.addItem(BONUS_ITEM, BONUS_ITEM)

    def run_compute(self) -> Op[int]:
        ws, actor, month = self.ws, self.actor, self.month_text()
        return (
            Op(self, lambda: evaluations.compute_month(ws, actor, month), touches=[Entity.STAFF])
            .busy(self.compute)
            .refused(lambda exc: self.message.setText(f"⚠ {exc.message}"))
            .success(
                lambda n: self.message.setText(
                    self.tr("✓ 已按本月数据计算 {n} 张考评表").format(n=n)
                )
            )
            .run()
        )

    def _month_step(self, work: Any, button: QPushButton, done: str) -> Op[Any]:
        ws, actor, month = self.ws, self.actor, self.month_text()
        return (
            Op(self, lambda: work(ws, actor, month), touches=[Entity.STAFF])
            .busy(button)
            .refused(lambda exc: self.message.setText(f"⚠ {exc.message}"))
            .success(lambda n: self.message.setText(done.format(n=n)))
            .run()
        )

    def run_adjust(self) -> Op[int] | None:
        view = self._current()
        if view is None:
            self.message.setText(self.tr("⚠ 请先选择一张考评表"))
            return None
        ws, actor = self.ws, self.actor
        item, points = str(self.item.currentData() or ""), self.points.value()
        why, ref = self.reason.text(), self._evidence_id(self.evidence.text(), view)
        work = evaluations.record_review if view.state.is_published else evaluations.adjust
        return (
            Op(
                self,
                lambda: work(ws, actor, view.id, item, points, why, ref),
                touches=[Entity.STAFF],
            )
            .busy(self.adjust)
            .fields(self.errors, self.form.inputs)
            .success(self._adjusted)
            .run()
        )

    @staticmethod
    def _evidence_id(typed: str, view: Any) -> str:
        """A number typed or scanned (FK…, a case number) as the id the sheet's lines cite."""
        typed = typed.strip()
        for line in view.lines:
            if typed and typed in (line.ref_no, line.ref):
                return str(line.ref)
        return typed

    def _adjusted(self, total: int) -> None:
        self.message.setText(self.tr("✓ 已调整，总分 {total}").format(total=total))
        self.reason.clear()
        self.evidence.clear()
        self.points.setValue(0)

    def _paper(
        self, build: Callable[[], tuple[str, bytes]], button: QWidget
    ) -> Op[tuple[str, bytes]]:
        """The paper is built (reportlab) off the GUI thread: the tab keeps answering, `button`
        stays disabled until the preview opens; a refusal is said in the tab's message line."""

        def show(made: tuple[str, bytes]) -> None:
            title, data = made
            self.preview = open_preview(self, self.ws.config.extra.get("printer"), data, title)

        return (
            Op(self, build)
            .busy(button)
            .refused(lambda exc: self.message.setText(f"⚠ {exc.message}"))
            .success(show)
            .run()
        )

    def show_sheet(self) -> Op[tuple[str, bytes]] | None:
        from hall_desk.reports.evaluation_papers import person_sheet

        view = self._current()
        if view is None:
            self.message.setText(self.tr("⚠ 请先选择一张考评表"))
            return None
        ws, actor, month, staff = self.ws, self.actor, view.month, view.staff
        return self._paper(lambda: person_sheet(ws, actor, month, staff), self.print_sheet)

    def show_summary(self) -> Op[tuple[str, bytes]]:
        from hall_desk.reports.evaluation_papers import month_summary

        ws, actor, month = self.ws, self.actor, self.month_text()
        return self._paper(lambda: month_summary(ws, actor, month), self.print_summary)
