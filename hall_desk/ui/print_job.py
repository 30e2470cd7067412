"""A PDF (from reportlab) onto a printer or into pixels, one page at a time, on any thread.

Everything here runs in a worker thread: Qt lets a thread paint onto a QImage or a QPrinter as long
as no other thread paints on the same device at once (Qt's "Thread-Support in Qt Modules"), and
QtPdf serialises its calls into pdfium. Nothing here touches a widget.

A printer gets raster pages because Qt cannot draw a PDF's vectors onto a paint device; the
resolution is the printer's own, capped at PRINT_DPI_CAP, and each page is rendered in bands of
BAND_ROWS rows so that memory holds one band, not one page at 1200 dpi (9921 × 14031 px, 557 MB,
as the first version did). Print to file (PDF) needs no raster at all: the reportlab bytes are the
file, vector and a few kilobytes a page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRect,
    QRectF,
    QSize,
    Qt,
    QThreadPool,
)
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from hall_desk.domain.errors import StorageError

# 300 dpi is what office lasers print text at and what a 600-dpi printer upsamples cleanly;
# measured here, an A4 page of text costs about 0.2 s of CPU at 300 dpi, and 0.65 s at 600.
PRINT_DPI_CAP = 300
# 512 rows of an A4 page at 300 dpi: 2480 × 512 × 4 bytes, 5 MB per band (twice that with its
# white paper). Thicker bands walk the page fewer times (pdfium renders the whole page for each)
# but cost more memory than they save time: 1200 rows took the job from 58 to 98 MB above the
# idle window for 25 ms a page.
BAND_ROWS = 512

GREY_CHECK_DPI = 36

Progress = Callable[[int, int], None]

_pool: QThreadPool | None = None


def print_pool() -> QThreadPool:
    """The print jobs' own thread: a long report printing does not hold up a search."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class PdfDocument:
    """PDF bytes loaded into QtPdf (kept alive together with the buffer it reads from).

    Make one per thread: a QPdfDocument is a QObject and belongs to the thread that made it."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        # A QBuffer is random-access: QtPdf loads it at once, not in the background.
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise ValueError(QCoreApplication.translate("PdfDocument", "PDF 无法读取"))

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def pixel_size(self, index: int, dpi: float) -> QSize:
        """The page's size in pixels at `dpi` (PDF sizes are in points, 72 to the inch)."""
        points = self.document.pagePointSize(index)
        return QSize(
            max(1, round(points.width() / 72 * dpi)), max(1, round(points.height() / 72 * dpi))
        )

    def render(self, index: int, size: QSize, rows: QRect | None = None) -> QImage:
        """The page (or the `rows` band of it) scaled to `size`, on white paper.

        QtPdf renders onto transparent pixels; a printer's PDF engine would keep that alpha as a
        soft mask, and a grey conversion would turn it black, so the page is laid onto white."""
        band = rows or QRect(0, 0, size.width(), size.height())
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(size)
        options.setScaledClipRect(band)
        ink = self.document.render(index, band.size(), options)
        paper = QImage(band.size(), QImage.Format.Format_RGB32)
        paper.fill(Qt.GlobalColor.white)
        painter = QPainter(paper)
        painter.drawImage(0, 0, ink)
        painter.end()
        return paper


@dataclass(frozen=True)
class PrintResult:
    pages: int
    dpi: int  # the raster's resolution; 0 when the PDF itself was written
    path: str  # the file written, "" for a printer


def writes_a_file(printer: QPrinter) -> bool:
    """Print to file (PDF): the job is the reportlab bytes themselves."""
    return printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(
        printer.outputFileName()
    )


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The pages (0-based) that the print dialog's range asks for; all of them by default."""
    ranges = printer.pageRanges()
    if ranges.isEmpty():
        return list(range(count))
    return [i for i in range(count) if ranges.contains(i + 1)]


def spool(data: bytes, printer: QPrinter, progress: Progress | None = None) -> PrintResult:
    """The whole print job, in the calling thread: a file gets the PDF, a printer the pages."""
    if writes_a_file(printer) and printer.pageRanges().isEmpty():
        path = Path(printer.outputFileName())
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise StorageError(
                QCoreApplication.translate("PdfDocument", "无法保存到 {path}：{reason}").format(
                    path=path, reason=exc.strerror
                )
            ) from exc
        return PrintResult(PdfDocument(data).page_count, 0, str(path))
    return paint_pages(PdfDocument(data), printer, progress)


def is_grey(pdf: PdfDocument, pages: list[int]) -> bool:
    """Black, white and greys only? Judged on a thumbnail of each page (a few milliseconds): a
    coloured line or stamp leaves tinted pixels even at GREY_CHECK_DPI."""
    for index in pages:
        if not pdf.render(index, pdf.pixel_size(index, GREY_CHECK_DPI)).allGray():
            return False
    return True


def paint_pages(
    pdf: PdfDocument, printer: QPrinter, progress: Progress | None = None
) -> PrintResult:
    """Raster pages at the printer's resolution (capped), band by band, actual size on the paper."""
    pages = chosen_pages(printer, pdf.page_count)
    device_dpi = printer.resolution()
    dpi = min(device_dpi, PRINT_DPI_CAP)
    if is_grey(pdf, pages):
        # One channel instead of three: the print engine compresses a third of the bytes (half
        # the job's time), and the printer gets no colour to mix from black text.
        printer.setColorMode(QPrinter.ColorMode.GrayScale)
    # Coordinates from the paper's corner, not the printable area's: the PDF has its own margins
    # and an official notice keeps its measurements.
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise StorageError(
            QCoreApplication.translate("PdfDocument", "打印机「{name}」无法开始打印").format(
                name=printer.printerName() or printer.outputFileName()
            )
        )
    # Flate, not JPEG, where the engine is Qt's PDF one (CUPS spools through it): text edges stay
    # exact, and a page of text is half the size.
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
    try:
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        for n, index in enumerate(pages):
            if n:
                printer.newPage()
            size = pdf.pixel_size(index, dpi)
            # device pixels per raster pixel; a page larger than the paper is shrunk to fit it
            scale = device_dpi / dpi
            scale = min(scale, paper.width() / size.width(), paper.height() / size.height())
            for top in range(0, size.height(), BAND_ROWS):
                rows = QRect(0, top, size.width(), min(BAND_ROWS, size.height() - top))
                band = pdf.render(index, size, rows)
                target = QRectF(0, top * scale, rows.width() * scale, rows.height() * scale)
                painter.drawImage(target, band)
            if progress is not None:
                progress(n + 1, len(pages))
    finally:
        painter.end()
    return PrintResult(len(pages), dpi, printer.outputFileName())
