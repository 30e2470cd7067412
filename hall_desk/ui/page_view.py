"""The pages of a PDF on screen, sharp at the screen's own resolution × the zoom.

Pages are laid out in one column; only the pages in view (and the next one) are rendered, each in
its own task on a worker thread, and pages scrolled far away are dropped again, so a long report
holds a few screen-sized images, never every page. While a page renders (or re-renders after a
zoom) it shows white, or its previous image stretched, and the window stays live.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, QSizeF, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QScrollArea, QStyle, QWidget

from hall_desk.ui.background import BackgroundTask
from hall_desk.ui.print_job import PdfDocument

GAP = 16  # pixels between pages and around them
KEEP = 2  # pages kept rendered on either side of the ones in view
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0

_pool: QThreadPool | None = None


class _Wanted:
    """What the view still wants rendered; read by the worker, written by the GUI thread."""

    def __init__(self) -> None:
        self.keys: frozenset[tuple[int, int]] = frozenset()
        self.closed = False


def render_pool() -> QThreadPool:
    """One thread for the preview's pages: it never waits behind, or delays, a database action."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class _Sheet(QWidget):
    """The canvas inside the scroll area: the pages, top to bottom."""

    def __init__(self, view: PageView) -> None:
        super().__init__()
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.view.paint_pages(self, event.rect())


class PageView(QScrollArea):
    """Scrollable pages; `fit_width()` on opening, zoom in and out from the toolbar."""

    zoom_changed = Signal(float)

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPageView")
        self.setAccessibleName(self.tr("打印预览页面"))
        self.data = data
        self.page_sizes: list[QSizeF] = self._sizes(data)
        self.zoom = 1.0
        self.fitting: str | None = "width"  # "width", "page", or None once the person zooms
        self.generation = 0  # bumps when the zoom changes: older renders are stale
        self.images: dict[int, QImage] = {}
        self.painted: set[int] = set()  # pages drawn sharp at least once
        self._pending: set[tuple[int, int]] = set()
        self._wanted = _Wanted()
        self._tasks: set[BackgroundTask] = set()
        self.sheet = _Sheet(self)
        self.setWidget(self.sheet)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.request_visible())
        # A resize re-fits once the person stops dragging, not at every pixel.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(120)
        self._refit.timeout.connect(self._apply_fit)
        self._layout()

    @staticmethod
    def _sizes(data: bytes) -> list[QSizeF]:
        pdf = PdfDocument(data)
        return [pdf.document.pagePointSize(i) for i in range(pdf.page_count)]

    # -- geometry ------------------------------------------------------------------------------
    def pixels_per_point(self) -> float:
        """Logical pixels per PDF point: the screen's dots per inch, zoomed."""
        return self.logicalDpiX() / 72 * self.zoom

    def page_size(self, index: int) -> QSize:
        size = self.page_sizes[index] * self.pixels_per_point()
        return QSize(max(1, round(size.width())), max(1, round(size.height())))

    def page_rect(self, index: int) -> QRect:
        top = GAP + sum(self.page_size(i).height() + GAP for i in range(index))
        size = self.page_size(index)
        return QRect(QPoint((self.sheet.width() - size.width()) // 2, top), size)

    def _layout(self) -> None:
        if not self.page_sizes:
            self.sheet.resize(self.viewport().width(), GAP)
            return
        width = max(self.page_size(i).width() for i in range(len(self.page_sizes))) + 2 * GAP
        height = GAP + sum(self.page_size(i).height() + GAP for i in range(len(self.page_sizes)))
        # No wider than the pages: the scroll area centres the sheet in a wider view, and a
        # scroll bar appearing later cannot leave the sheet wider than the view.
        self.sheet.resize(width, height)

    # -- zoom ----------------------------------------------------------------------------------
    def set_zoom(self, zoom: float, fitting: str | None = None) -> None:
        zoom = min(ZOOM_MAX, max(ZOOM_MIN, zoom))
        self.fitting = fitting
        if abs(zoom - self.zoom) < 1e-4:
            self.request_visible()
            return
        # Keep the same place of the document at the top of the view.
        bar = self.verticalScrollBar()
        fraction = bar.value() / max(1, self.sheet.height())
        self.zoom = zoom
        self.generation += 1
        self._wanted.keys = frozenset()
        self._layout()
        bar.setValue(round(fraction * self.sheet.height()))
        self.zoom_changed.emit(zoom)
        self.sheet.update()
        self.request_visible()

    def fit_width(self) -> None:
        if not self.page_sizes:
            return
        widest = max(s.width() for s in self.page_sizes)
        # Room for the vertical scroll bar always: fitted pages are taller than the view, and the
        # bar appearing after the fit would push the page under a horizontal one.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        room = self.width() - 2 * self.frameWidth() - bar - 2 * GAP
        self.set_zoom(room / (widest * self.logicalDpiX() / 72), "width")

    def fit_page(self) -> None:
        if not self.page_sizes:
            return
        size = self.page_sizes[0]
        per_point = self.logicalDpiX() / 72
        room = self.viewport().size() - QSize(2 * GAP, 2 * GAP)
        zoom = min(
            room.width() / (size.width() * per_point), room.height() / (size.height() * per_point)
        )
        self.set_zoom(zoom, "page")

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom * factor, None)

    def _apply_fit(self) -> None:
        if self.fitting == "width":
            self.fit_width()
        elif self.fitting == "page":
            self.fit_page()
        else:
            self._layout()
            self.request_visible()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Fitted at once on opening: the first render is already at the right size.
        self._apply_fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Home and End, as in any document (the scroll area knows only the arrows and pages).
        bar = self.verticalScrollBar()
        if event.key() == Qt.Key.Key_Home:
            bar.setValue(bar.minimum())
        elif event.key() == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit.start()

    # -- rendering -----------------------------------------------------------------------------
    def visible_pages(self) -> list[int]:
        top = self.verticalScrollBar().value()
        shown = QRect(0, top, self.sheet.width(), self.viewport().height())
        return [i for i in range(len(self.page_sizes)) if self.page_rect(i).intersects(shown)]

    def request_visible(self) -> None:
        """Renders what is in view (and one page beyond); forgets pages scrolled far away."""
        if self._wanted.closed or not self.page_sizes:
            return
        shown = self.visible_pages() or [0]
        first, last = shown[0], min(len(self.page_sizes) - 1, shown[-1] + 1)
        wanted = {(self.generation, i) for i in range(first, last + 1)}
        self._wanted.keys = frozenset(wanted)
        for index in list(self.images):
            if index < first - KEEP or index > last + KEEP:
                del self.images[index]
        for key in sorted(wanted, key=lambda k: k[1]):
            fresh = key[1] in self.images and self.images[key[1]].text("generation") == str(key[0])
            if not fresh and key not in self._pending:
                self._start(*key)

    def _start(self, generation: int, index: int) -> None:
        ratio = self.devicePixelRatioF()
        size = self.page_size(index) * ratio
        data, wanted = self.data, self._wanted

        def work(_progress: object) -> tuple[int, int, QImage] | None:
            # Scrolled on, zoomed or closed meanwhile: not worth the render any more.
            if (generation, index) not in wanted.keys or wanted.closed:
                return None
            image = PdfDocument(data).render(index, size)
            image.setDevicePixelRatio(ratio)
            image.setText("generation", str(generation))
            return generation, index, image

        task = BackgroundTask(work)
        self._pending.add((generation, index))
        self._tasks.add(task)
        task.finished.connect(self._rendered)
        task.done.connect(lambda t=task, k=(generation, index): self._task_done(t, k))
        task.start(render_pool())

    def _task_done(self, task: BackgroundTask, key: tuple[int, int]) -> None:
        self._pending.discard(key)
        self._tasks.discard(task)
        task.deleteLater()

    def _rendered(self, result: object) -> None:
        if result is None or self._wanted.closed:
            return
        generation, index, image = result  # type: ignore[misc]
        if generation != self.generation:
            return
        self.images[index] = image
        self.sheet.update(self.page_rect(index))

    def paint_pages(self, sheet: QWidget, exposed: QRect) -> None:
        painter = QPainter(sheet)
        painter.fillRect(exposed, self.palette().dark())
        for index in range(len(self.page_sizes)):
            rect = self.page_rect(index)
            if not rect.intersects(exposed):
                continue
            painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 60))
            painter.fillRect(rect, Qt.GlobalColor.white)
            image = self.images.get(index)
            if image is not None:
                # Until the fresh render arrives, the old one stretched beats a blank page.
                painter.drawImage(rect, image)
                if image.text("generation") == str(self.generation):
                    self.painted.add(index)
        painter.end()

    def shutdown(self) -> None:
        """Queued renders are skipped; the ones running finish into nothing."""
        self._wanted.closed = True
        self._wanted.keys = frozenset()
        self.images.clear()
