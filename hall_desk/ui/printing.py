"""The printing pipeline: a service makes PDF bytes; this previews, prints or saves them.

The preview shows the pages sharp at the screen's resolution, fitted to the window's width
(ui/page_view.py). 打印… asks Qt's print dialog for the printer, then the job runs on the worker
thread with the dialog busy (ui/print_job.py): a printer gets the pages rendered at its own
resolution, one band at a time; print to file and 另存为 PDF write the PDF itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QAction, QKeySequence, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import HallDeskError
from hall_desk.ui.ops import Op
from hall_desk.ui.page_view import PageView
from hall_desk.ui.print_job import PdfDocument, PrintResult, print_pool, spool
from hall_desk.ui.widgets import set_role

__all__ = ["PdfDocument", "PdfPreviewDialog", "open_preview"]


class PdfPreviewDialog(QDialog):
    """A PDF on screen with 打印…, 另存为 PDF… and the zoom beside it."""

    def __init__(
        self,
        data: bytes,
        title: str,
        parent: QWidget | None = None,
        suggested_name: str = "",
        printer_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印预览 — {title}").format(title=title))
        self.pdf = PdfDocument(data)
        self.suggested_name = suggested_name or f"{title}.pdf"
        # The printer's own resolution (HighResolution), which the job caps (print_job.py).
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(title)
        if printer_name:
            # The workstation's default printer from 设置 → 打印 (Qt falls back if it is gone).
            self.printer.setPrinterName(printer_name)
        if self.pdf.page_count:
            # The paper the document was laid out for (A4 for every hall paper).
            points = self.pdf.document.pagePointSize(0)
            self.printer.setPageSize(
                QPageSize(
                    QSizeF(points), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
                )
            )
        self.job: Op[PrintResult] | None = None
        self.last_print: PrintResult | None = None
        self.print_dialog: QPrintDialog | None = None

        self.view = PageView(data, self)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_action = self._action(
            "printAction", self.tr("打印…"), QKeySequence.StandardKey.Print
        )
        self.print_action.triggered.connect(lambda _checked=False: self.print_document())
        save = self._action("savePdfAction", self.tr("另存为 PDF…"), QKeySequence.StandardKey.Save)
        # triggered(bool) would arrive as the path: the action asks for one instead.
        save.triggered.connect(lambda _checked=False: self.save_as())
        self.save_action = save
        self.toolbar.addSeparator()
        zoom_in = self._action("zoomInAction", self.tr("放大"), QKeySequence.StandardKey.ZoomIn)
        zoom_in.triggered.connect(lambda _checked=False: self.view.zoom_by(1.25))
        zoom_out = self._action("zoomOutAction", self.tr("缩小"), QKeySequence.StandardKey.ZoomOut)
        zoom_out.triggered.connect(lambda _checked=False: self.view.zoom_by(0.8))
        fit_width = self._action("fitWidthAction", self.tr("适合宽度"), QKeySequence("Ctrl+0"))
        fit_width.triggered.connect(lambda _checked=False: self.view.fit_width())
        fit_page = self._action("fitPageAction", self.tr("整页"), QKeySequence("Ctrl+9"))
        fit_page.triggered.connect(lambda _checked=False: self.view.fit_page())
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.toolbar.addWidget(self.zoom_label)
        self.view.zoom_changed.connect(self._show_zoom)
        self.toolbar.addSeparator()
        # What the job or the save did, said beside the buttons (the dialog has no status bar).
        self.save_message = QLabel()
        self.save_message.setObjectName("savePdfMessage")
        self.save_message.setMinimumWidth(280)
        self.toolbar.addWidget(self.save_message)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        self._show_zoom(self.view.zoom)
        self.resize(1100, 820)
        self.view.setFocus()

    def _action(
        self, name: str, text: str, keys: QKeySequence | QKeySequence.StandardKey
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shortcut = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.rstrip('…')} ({shortcut})" if shortcut else text)
        self.toolbar.addAction(action)
        return action

    @property
    def pages_painted(self) -> int:
        """Pages drawn sharp in the preview so far."""
        return len(self.view.painted)

    def _show_zoom(self, zoom: float) -> None:
        pages = self.pdf.page_count
        self.zoom_label.setText(
            self.tr("{percent}% · 共 {pages} 页").format(percent=round(zoom * 100), pages=pages)
        )

    # -- printing ------------------------------------------------------------------------------
    def print_document(self) -> None:
        """Qt's print dialog (printer, copies, pages); the job starts once it is accepted."""
        if self.job is not None:
            return
        dialog = QPrintDialog(self.printer, self)
        dialog.setObjectName("printDialog")
        dialog.setMinMax(1, max(1, self.pdf.page_count))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.start_print)
        dialog.finished.connect(lambda _result: setattr(self, "print_dialog", None))
        self.print_dialog = dialog
        # open() as any dialog here (no nested event loop); PySide's QPrintDialog.open wants a slot.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def start_print(self) -> Op[PrintResult] | None:
        """The job on the worker thread; the dialog stays live and says it is printing."""
        if self.job is not None:
            return None
        data, printer = self.pdf.data, self.printer
        self.save_message.setText(self.tr("正在打印 {pages} 页…").format(pages=self.pdf.page_count))
        set_role(self.save_message, "")
        # Only one thread at a time may paint on the printer: no second job, no change meanwhile.
        self.print_action.setEnabled(False)
        self.job = (
            Op(self, lambda: spool(data, printer))
            .busy(*self._buttons(self.print_action))
            .success(self._printed)
            .refused(self._print_refused)
            .always(self._print_done)
            .run(on=print_pool())
        )
        return self.job

    def _buttons(self, *actions: QAction) -> list[QWidget]:
        return [w for a in actions if (w := self.toolbar.widgetForAction(a)) is not None]

    def _printed(self, result: PrintResult) -> None:
        self.last_print = result
        if result.path:
            text = self.tr("已打印到文件：{name}（{pages} 页）").format(
                name=Path(result.path).name, pages=result.pages
            )
            self.save_message.setToolTip(result.path)
        else:
            text = self.tr("已送往打印机：{pages} 页").format(pages=result.pages)
        self.save_message.setText(text)

    def _print_refused(self, error: HallDeskError) -> None:
        self.save_message.setText(error.message)
        set_role(self.save_message, "fieldError")

    def _print_done(self) -> None:
        self.job = None
        self.print_action.setEnabled(True)

    # -- saving --------------------------------------------------------------------------------
    def save_as(self, path: Path | None = None) -> Path | None:
        """The PDF itself, as the service made it: vector, a few kilobytes a page."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("另存为 PDF"), self.suggested_name, self.tr("PDF 文件 (*.pdf)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            path.write_bytes(self.pdf.data)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("保存失败"),
                self.tr("无法保存到 {path}：{reason}").format(path=path, reason=exc.strerror),
            )
            return None
        self.save_message.setText(self.tr("已保存：{name}").format(name=path.name))
        self.save_message.setToolTip(str(path))
        return path

    def done(self, result: int) -> None:
        # A job already running finishes (it holds the printer); the renders still queued do not.
        self.view.shutdown()
        super().done(result)


def open_preview(
    parent: QWidget, printer_name: object, data: bytes, title: str
) -> PdfPreviewDialog:
    """A built paper shown at once, without blocking the window, on the workstation's printer
    (设置 → 打印: `ws.config.extra.get("printer")`); it is deleted when closed, so a day of
    reprints does not keep a dialog each."""
    preview = PdfPreviewDialog(data, title, parent, printer_name=str(printer_name or ""))
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview
