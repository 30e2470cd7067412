"""The printing pipeline: a service makes PDF bytes; this previews, prints or saves them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QAction, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QToolBar, QWidget


class PdfDocument:
    """PDF bytes loaded into QtPdf (kept alive together with the buffer it reads from)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise ValueError(QCoreApplication.translate("PdfDocument", "PDF 无法读取"))

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def paint(self, printer: QPrinter) -> int:
        """Renders every page at the printer's resolution; returns the pages painted."""
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            dpi = printer.resolution()
            for index in range(self.page_count):
                if index:
                    printer.newPage()
                size_pt = self.document.pagePointSize(index)
                target = QSize(
                    round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi)
                )
                image = self.document.render(index, target)
                page = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                # Fit the page into the printable area, keeping its proportions.
                scaled = target.scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(page.topLeft(), scaled), image)
            return self.page_count
        finally:
            painter.end()


class PdfPreviewDialog(QPrintPreviewDialog):
    """Qt's print preview over a PDF, with 另存为 PDF beside the print button."""

    def __init__(
        self,
        data: bytes,
        title: str,
        parent: QWidget | None = None,
        suggested_name: str = "",
        printer_name: str = "",
    ) -> None:
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(title)
        if printer_name:
            # The workstation's default printer from 设置 → 打印 (Qt falls back if it is gone).
            self.printer.setPrinterName(printer_name)
        super().__init__(self.printer, parent)
        self.setWindowTitle(self.tr("打印预览 — {title}").format(title=title))
        self.pdf = PdfDocument(data)
        self.pages_painted = 0
        self.suggested_name = suggested_name or f"{title}.pdf"
        self.paintRequested.connect(self._paint)
        save = QAction(self.tr("另存为 PDF…"), self)
        save.setObjectName("savePdfAction")
        # triggered(bool) would arrive as the path: the action asks for one instead.
        save.triggered.connect(lambda _checked=False: self.save_as())
        # Where the file went, said beside the button (the preview has no status bar).
        self.save_message = QLabel()
        self.save_message.setObjectName("savePdfMessage")
        self.save_message.setMinimumWidth(280)
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(save)
            toolbar.addWidget(self.save_message)
        else:
            self.addAction(save)
        # Wide enough that the toolbar does not fold 另存为 PDF behind its overflow arrow.
        self.resize(max(self.width(), 1100), max(self.height(), 760))

    def _paint(self, printer: QPrinter) -> None:
        self.pages_painted = self.pdf.paint(printer)

    def save_as(self, path: Path | None = None) -> Path | None:
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
