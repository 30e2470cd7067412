"""月度运营报告 in 统计报表: choose the month, write the lead's sections, preview, publish, export.

Every action goes through `Op` (off the GUI thread); the figures, their freezing and every
refusal are the services' (`services.monthly`, `reports.monthly`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.progress import Progress
from hall_desk.domain.roles import Actor
from hall_desk.services import monthly
from hall_desk.services.monthly import MonthlyReport
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.ops import Op
from hall_desk.ui.printing import PdfPreviewDialog
from hall_desk.ui.progress_line import ProgressLine
from hall_desk.ui.widgets import FieldErrors, NoteEdit, error_label, say

MONTHS_SHOWN = 24


@dataclass(frozen=True)
class _Preview:
    report: MonthlyReport
    pdf: bytes


class MonthlyReportDialog(QDialog):
    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.report: MonthlyReport | None = None
        self.preview: PdfPreviewDialog | None = None
        self.confirm: QMessageBox | None = None
        self.setWindowTitle(self.tr("月度运营报告"))
        outer = QVBoxLayout(self)
        form = QFormLayout()
        self.month = QComboBox()
        self.month.setObjectName("reportMonth")
        self.month.setAccessibleName(self.tr("报告月份"))
        this_month = monthly.month_of(ws.today())
        for back in range(MONTHS_SHOWN):
            month = monthly.shift(this_month, -back)
            self.month.addItem(monthly.cn_month(month), month)
        self.month.setCurrentIndex(1)  # last month: the one a lead publishes
        month_label = QLabel(self.tr("月份(&M)："))
        month_label.setBuddy(self.month)
        form.addRow(month_label, self.month)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        form.addRow(self.tr("状态："), self.status)
        self.summary = QLabel()
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        form.addRow(self.tr("概况："), self.summary)
        self.problems = NoteEdit(lines=5)
        self.problems.setObjectName("problemsEdit")
        self.problems.setAccessibleName(self.tr("问题与整改"))
        self.plan = NoteEdit(lines=5)
        self.plan.setObjectName("planEdit")
        self.plan.setAccessibleName(self.tr("下月工作计划"))
        labels: dict[str, QLabel] = {}
        for key, edit, text in (
            ("problems", self.problems, self.tr("问题与整改(&W)：")),
            ("plan", self.plan, self.tr("下月工作计划(&J)：")),
        ):
            caption = QLabel(text)
            caption.setBuddy(edit)
            form.addRow(caption, edit)
            labels[key] = error_label(self)
            form.addRow("", labels[key])
        outer.addLayout(form)
        self.message = error_label(self)
        self.message.setObjectName("reportMessage")
        outer.addWidget(self.message)
        labels["month"] = self.message
        self.errors = FieldErrors(labels, self.message, self)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存文字(&S)"))
        self.preview_button = QPushButton(self.tr("预览(&V)…"))
        self.publish_button = QPushButton(self.tr("发布(&P)…"))
        self.export_button = QPushButton(self.tr("导出 PDF 和表格(&E)…"))
        close = QPushButton(self.tr("关闭"))
        for button, name in (
            (self.save_button, "saveSectionsButton"),
            (self.preview_button, "previewMonthlyButton"),
            (self.publish_button, "publishMonthlyButton"),
            (self.export_button, "exportMonthlyButton"),
        ):
            button.setObjectName(name)
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        outer.addLayout(buttons)
        # Counting a busy hall's month and laying it out take many seconds: say how far.
        self.progress_line = ProgressLine("monthlyProgress")
        outer.addWidget(self.progress_line)

        self.save_button.clicked.connect(lambda: self.save_sections())
        self.preview_button.clicked.connect(lambda: self.show_preview())
        self.publish_button.clicked.connect(self.ask_publish)
        self.export_button.clicked.connect(lambda: self.export())
        close.clicked.connect(self.reject)
        self.month.currentIndexChanged.connect(lambda _i: self.load())
        self.resize(720, 520)
        self.load()
        Follower(self, [Entity.MONTHLY_REPORT, Entity.SYNC], self.load)

    def selected_month(self) -> str:
        return str(self.month.currentData())

    def _inputs(self) -> dict[str, QWidget]:
        return {"problems": self.problems, "plan": self.plan, "month": self.month}

    def _say(self, text: str, error: bool = False) -> None:
        say(self.message, text, error=error)

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> Op[MonthlyReport]:
        ws, actor, month = self.ws, self.actor, self.selected_month()
        return (
            Op(self, lambda progress: monthly.monthly_report(ws, actor, month, progress))
            .busy(self.save_button, self.preview_button, self.publish_button, self.export_button)
            .progress(self.progress_line)
            .refused(lambda exc: self._loaded_refusal(exc.message))
            .success(self._loaded)
            .run()
        )

    def _loaded_refusal(self, message: str) -> None:
        self.report = None
        self.status.setText(f"⚠ {message}")
        self.summary.clear()

    def _loaded(self, report: MonthlyReport) -> None:
        if report.month != self.selected_month():
            return  # an older answer for a month no longer chosen
        self.report = report
        self.problems.setPlainText(report.problems)
        self.plan.setPlainText(report.plan)
        frozen = report.published
        for widget in (self.problems, self.plan, self.save_button, self.publish_button):
            widget.setEnabled(not frozen)
        self.status.setText(self._status_text(report))
        self.summary.setText(str(report.data.get("summary", "")))

    def _status_text(self, report: MonthlyReport) -> str:
        if report.published:
            return self.tr("✔ 已发布：{at}，{who}。数据已冻结，只能预览、打印和导出。").format(
                at=report.published_at[:16].replace("T", " "), who=report.publisher
            )
        parts = [self.tr("草稿（未发布）")]
        if not report.has_data:
            parts.append(self.tr("本月没有业务数据"))
        if report.may_publish_from is not None:
            parts.append(
                self.tr("可于 {day} 起发布").format(day=report.may_publish_from.isoformat())
            )
        if report.conflicts:
            listed = "、".join(c.case_no for c in report.conflicts)
            parts.append(
                self.tr("⚠ 有 {n} 个未处理的同步冲突：{cases}").format(
                    n=len(report.conflicts), cases=listed
                )
            )
        return "；".join(parts)

    # -- actions -----------------------------------------------------------------------------
    def save_sections(self) -> Op[None]:
        ws, actor, month = self.ws, self.actor, self.selected_month()
        problems, plan = self.problems.toPlainText(), self.plan.toPlainText()
        return (
            Op(
                self,
                lambda: monthly.save_sections(ws, actor, month, problems, plan),
                touches=[Entity.MONTHLY_REPORT],
            )
            .busy(self.save_button)
            .fields(self.errors, self._inputs())
            .success(lambda _r: self._say(self.tr("已保存")))
            .run()
        )

    def show_preview(self) -> Op[_Preview]:
        from hall_desk.reports.monthly import build_monthly_pdf

        ws, actor, month = self.ws, self.actor, self.selected_month()
        problems, plan = self.problems.toPlainText(), self.plan.toPlainText()

        def build(progress: Progress) -> _Preview:
            found = monthly.monthly_report(ws, actor, month, progress)
            if found.draft:
                # The draft shows the sections as typed, saved or not.
                found = replace(found, problems=problems, plan=plan)
            return _Preview(found, build_monthly_pdf(ws, actor, found, progress))

        self._say(self.tr("正在生成运营报告…"))
        return (
            Op(self, build)
            .busy(self.preview_button)
            .progress(self.progress_line)
            .fields(self.errors, self._inputs())
            .success(self._open_preview)
            .run()
        )

    def _open_preview(self, made: _Preview) -> None:
        self._say("")
        month = made.report.month
        title = self.tr("运营报告 {month}").format(month=month) + (
            self.tr("（草稿）") if made.report.draft else ""
        )
        self.preview = PdfPreviewDialog(
            made.pdf,
            title,
            self,
            suggested_name=self.tr("运营报告_{month}.pdf").format(month=month),
            printer_name=str(self.ws.config.extra.get("printer", "")),
        )
        self.preview.open()

    def ask_publish(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("发布运营报告"),
            self.tr("发布后，{month}的数据与文字将冻结，不能再修改。确定发布？").format(
                month=self.month.currentText()
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("发布(&Y)"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消(&N)"))
        box.accepted.connect(lambda: self.publish())
        self.confirm = box
        box.open()

    def publish(self) -> Op[MonthlyReport]:
        ws, actor, month = self.ws, self.actor, self.selected_month()
        problems, plan = self.problems.toPlainText(), self.plan.toPlainText()
        return (
            Op(
                self,
                lambda progress: monthly.publish(ws, actor, month, problems, plan, progress),
                touches=[Entity.MONTHLY_REPORT],
            )
            .busy(self.publish_button, self.save_button)
            .progress(self.progress_line)
            .fields(self.errors, self._inputs())
            .success(self._published)
            .run()
        )

    def _published(self, report: MonthlyReport) -> None:
        self._loaded(report)
        self._say(self.tr("已发布，数据校验码 {sha}").format(sha=report.sha256[:16] + "…"))

    def export(self) -> Op[object] | None:
        from hall_desk.reports.monthly import write_monthly_report

        month = self.selected_month()
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出运营报告"),
            self.tr("运营报告_{month}.pdf").format(month=month),
            self.tr("PDF 文件 (*.pdf)"),
        )
        if not chosen:
            return None
        out = Path(chosen)
        sheet = out.with_suffix(".xlsx")
        ws, actor = self.ws, self.actor
        self._say(self.tr("正在导出运营报告…"))
        # A published month exports as published; otherwise the draft (publishing is its own
        # button, with its own confirmation).
        return (
            Op(
                self,
                lambda progress: write_monthly_report(
                    ws, actor, month, out, xlsx_out=sheet, draft=True, progress=progress
                ),
            )
            .busy(self.export_button)
            .progress(self.progress_line)
            .fields(self.errors, self._inputs())
            .success(
                lambda done: self._say(
                    self.tr("已导出 {pdf}（{pages} 页）和 {xlsx}").format(
                        pdf=out.name, pages=done.pages, xlsx=sheet.name
                    )
                )
            )
            .run()
        )
