"""Printing as the clerk meets it: the preview sharp and fitted to the window, 打印… through Qt's
print dialog while the window stays live, and files that are the PDF itself."""

from __future__ import annotations

import io
import itertools
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QToolBar
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from hall_desk.ui import print_job
from hall_desk.ui.case_view import CaseView
from hall_desk.ui.forms import child
from hall_desk.ui.page_view import GAP, KEEP
from hall_desk.ui.printing import PdfPreviewDialog
from tests.ui.actions import settle

A4_300DPI = (2480, 3508)  # 595.3 × 841.9 pt at 300 dpi
SHOTS = Path("/tmp") / "hall-desk-printing"


def toolbar_button(preview: PdfPreviewDialog, name: str):  # type: ignore[no-untyped-def]
    toolbar = preview.findChild(QToolBar)
    return toolbar.widgetForAction(preview.findChild(QAction, name))


def open_sheet(qtbot, ws, clerk, case_id: str) -> tuple[CaseView, PdfPreviewDialog]:  # type: ignore[no-untyped-def]
    """The case view's 打印 button, pressed: the one-page 办件信息单 in the preview."""
    view = CaseView(ws, clerk, case_id)
    qtbot.addWidget(view)
    view.show()
    qtbot.mouseClick(child(view.form, QPushButton, "printButton"), Qt.MouseButton.LeftButton)
    settle(qtbot)  # the sheet is built off the GUI thread
    preview = view.preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pages_painted >= 1, timeout=10_000)
    return view, preview


def press_print(qtbot, preview: PdfPreviewDialog) -> None:  # type: ignore[no-untyped-def]
    """打印… on the toolbar, then Enter in Qt's print dialog (its default button is 打印)."""
    qtbot.mouseClick(toolbar_button(preview, "printAction"), Qt.MouseButton.LeftButton)
    dialog = preview.print_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)


def image_sizes(path: Path) -> list[list[tuple[int, int]]]:
    """Per page, the (width, height) of every image drawn on it."""
    sizes = []
    for page in PdfReader(path).pages:
        objects = page["/Resources"].get("/XObject", {})
        found = []
        for ref in objects.values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                found.append((int(xobject["/Width"]), int(xobject["/Height"])))
        sizes.append(found)
    return sizes


def colour_spaces(path: Path) -> set[str]:
    spaces = set()
    for page in PdfReader(path).pages:
        for ref in page["/Resources"].get("/XObject", {}).values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                spaces.add(str(xobject["/ColorSpace"]))
    return spaces


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_print_button_spools_pages_at_the_printer_resolution_while_the_window_stays_live(
    qtbot, ws, clerk, cases, tmp_path, monkeypatch
) -> None:
    view, preview = open_sheet(qtbot, ws, clerk, cases[0].case_id)
    # The test's printer is a file: the job goes down the path a printer's does (Qt's CUPS
    # backend spools through this same PDF engine), not the print-to-file copy.
    monkeypatch.setattr(print_job, "writes_a_file", lambda printer: False)
    spooled = tmp_path / "spool.pdf"
    preview.printer.setOutputFileName(str(spooled))
    printer_dpi = preview.printer.resolution()
    ticks: list[float] = []
    timer = QTimer(preview)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    press_print(qtbot, preview)
    # Busy: the job runs, 打印 waits for it, and the window says so.
    assert preview.job is not None
    assert not toolbar_button(preview, "printAction").isEnabled()
    assert "正在打印" in preview.save_message.text()
    started = time.perf_counter()
    settle(qtbot)
    finished = time.perf_counter()
    timer.stop()
    # The GUI thread kept turning while the pages were rendered and painted elsewhere. Painting
    # a page onto the print engine holds Python's lock for a moment (QPainter does not release
    # it), so the window may pause briefly, but never for the seconds a whole job once took.
    during = [started, *(t for t in ticks if started <= t <= finished), finished]
    longest = max(b - a for a, b in itertools.pairwise(during))
    assert longest < 0.5, (finished - started, longest)
    assert toolbar_button(preview, "printAction").isEnabled()
    assert "已打印到文件" in preview.save_message.text()
    # Each page is its bands at min(printer, 300) dpi, not 9921 × 14031 px at 1200 dpi.
    dpi = min(printer_dpi, print_job.PRINT_DPI_CAP)
    assert dpi == preview.last_print.dpi == 300
    pages = image_sizes(spooled)
    assert len(pages) == preview.pdf.page_count == 1
    widths = {w for w, _h in pages[0]}
    assert widths == {A4_300DPI[0]}
    assert sum(h for _w, h in pages[0]) == A4_300DPI[1]
    assert max(h for _w, h in pages[0]) <= print_job.BAND_ROWS
    # Black on white goes as grey: one channel, not three.
    assert colour_spaces(spooled) == {"/DeviceGray"}
    # What the printer got is the sheet: render it and read it.
    SHOTS.mkdir(exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(spooled), str(SHOTS / "spooled")], check=True
    )
    assert spooled.stat().st_size < 1_000_000
    preview.close()
    view.close()


def test_print_to_file_writes_the_pdf_itself(qtbot, ws, clerk, cases, tmp_path) -> None:
    view, preview = open_sheet(qtbot, ws, clerk, cases[0].case_id)
    target = tmp_path / "办件信息单.pdf"
    preview.printer.setOutputFileName(str(target))
    press_print(qtbot, preview)
    settle(qtbot)
    assert target.read_bytes() == preview.pdf.data
    assert preview.last_print.dpi == 0  # nothing rasterised
    assert target.stat().st_size <= 1_000_000 * preview.pdf.page_count
    text = pdftotext(target)
    assert "办件信息单" in text and cases[0].case_no in text
    preview.close()
    view.close()


def test_save_as_pdf_of_the_daily_summary_is_small_and_reads_back(
    qtbot, ws, clerk, cases, tmp_path, monkeypatch
) -> None:
    from hall_desk.domain.roles import Actor, Role
    from hall_desk.ui.reports_workspace import ReportsWorkspace
    from tests.ui.actions import click

    page = ReportsWorkspace(ws, Actor("lead", "白玉兰", Role.LEAD))
    qtbot.addWidget(page)
    page.show()
    click(qtbot, page.summary_button)
    preview = page.preview
    qtbot.waitUntil(lambda: preview.pages_painted >= 1, timeout=10_000)
    target = tmp_path / "每日工作汇总.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(target), "PDF 文件 (*.pdf)")
    )
    qtbot.mouseClick(toolbar_button(preview, "savePdfAction"), Qt.MouseButton.LeftButton)
    pages = len(PdfReader(target).pages)
    assert target.stat().st_size <= 1_000_000 * pages
    assert "每日工作汇总" in pdftotext(target)
    preview.close()


def test_preview_opens_fitted_to_the_width_and_sharp(qtbot, ws, clerk, cases) -> None:
    view, preview = open_sheet(qtbot, ws, clerk, cases[0].case_id)
    pages = preview.view
    viewport = pages.viewport().width()
    rect = pages.page_rect(0)
    # Fit width: the page takes the view's width less the margins (the scroll bar is outside).
    assert viewport - 2 * GAP - 1 <= rect.width() <= viewport - 2 * GAP
    assert not pages.horizontalScrollBar().isVisible()
    assert rect.width() >= 800, "readable on opening"
    # Sharp: one image pixel per device pixel, not a scaled-down print raster.
    image = pages.images[0]
    ratio = pages.devicePixelRatioF()
    assert image.width() == round(rect.width() * ratio)
    assert image.height() == round(rect.height() * ratio)
    assert f"{round(pages.zoom * 100)}%" in preview.zoom_label.text()
    SHOTS.mkdir(exist_ok=True)
    preview.grab().save(str(SHOTS / "preview.png"))
    # Zoom in from the keyboard: larger, and rendered again at the new size.
    before = rect.width()
    qtbot.keyClick(pages, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert pages.page_rect(0).width() == pytest.approx(before * 1.25, abs=2)
    qtbot.waitUntil(
        lambda: pages.images[0].width() == round(pages.page_rect(0).width() * ratio), timeout=5000
    )
    qtbot.keyClick(pages, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pages.page_rect(0).width() == rect.width()
    preview.close()
    view.close()


def test_a_long_document_holds_only_the_pages_near_the_view(qtbot, tmp_path) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for n in range(1, 31):
        canvas.setFont("Helvetica", 40)
        canvas.drawString(100, 700, f"page {n}")
        canvas.showPage()
    canvas.save()
    preview = PdfPreviewDialog(buffer.getvalue(), "thirty pages")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: preview.pages_painted >= 1, timeout=10_000)
    pages = preview.view
    bar = pages.verticalScrollBar()
    pages.setFocus()
    qtbot.keyClick(pages, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(pages, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.waitUntil(lambda: 29 in pages.painted, timeout=10_000)
    # Kept: the pages in view and a couple either side, never all thirty.
    assert len(pages.images) <= len(pages.visible_pages()) + 1 + 2 * KEEP
    assert 0 not in pages.images
    assert QApplication.focusWidget() is pages
    preview.close()


def test_a_page_in_colour_is_spooled_in_colour(qtbot, tmp_path, monkeypatch) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setFillColorRGB(0.8, 0.1, 0.1)
    canvas.rect(100, 600, 200, 20, fill=1)  # a red bar, as a coloured mark would be
    canvas.showPage()
    canvas.save()
    preview = PdfPreviewDialog(buffer.getvalue(), "colour")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: preview.pages_painted >= 1, timeout=10_000)
    monkeypatch.setattr(print_job, "writes_a_file", lambda printer: False)
    spooled = tmp_path / "colour.pdf"
    preview.printer.setOutputFileName(str(spooled))
    press_print(qtbot, preview)
    settle(qtbot)
    assert colour_spaces(spooled) == {"/DeviceRGB"}
    preview.close()
