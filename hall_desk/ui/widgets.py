"""Building blocks of every screen: errors beside fields, marks that are never colour alone."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QWidget,
)

from hall_desk.domain.errors import HallDeskError, ValidationError, ValidationErrors


def set_role(label: QLabel, role: str) -> None:
    """Re-style a label by role (the theme colours roles; the text always says it too)."""
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


class FieldErrors(QObject):
    """Maps service field names to the error labels shown beside the inputs."""

    def __init__(
        self, labels: dict[str, QLabel], fallback: QLabel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.labels = labels
        self.fallback = fallback
        self.clear()

    def clear(self) -> None:
        for label in {*self.labels.values(), self.fallback}:
            label.clear()
            label.setVisible(False)

    def show(self, error: HallDeskError, inputs: dict[str, QWidget] | None = None) -> None:
        """Shows every message of the error beside its field and focuses the first bad input."""
        self.clear()
        errors: Iterable[HallDeskError] = (
            error.errors if isinstance(error, ValidationErrors) else [error]
        )
        first: QWidget | None = None
        texts: dict[QLabel, list[str]] = {}
        for err in errors:
            field = err.field if isinstance(err, ValidationError) else ""
            texts.setdefault(self.labels.get(field, self.fallback), []).append(f"⚠ {err.message}")
            if first is None and inputs and field in inputs:
                first = inputs[field]
        for label, lines in texts.items():
            label.setText("\n".join(lines))
            set_role(label, "fieldError")
            label.setVisible(True)
        if first is not None:
            first.setFocus()


def say(label: QLabel, text: str, *, error: bool) -> None:
    """A screen's message line: the text, styled as a refusal or not, shown when not empty."""
    label.setText(text)
    set_role(label, "fieldError" if error else "")
    label.setVisible(bool(text))


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    set_role(label, "fieldError")
    label.setVisible(False)
    return label


def table_view(model: QAbstractItemModel, accessible_name: str = "") -> QTableView:
    """A read-only list of rows: whole-row selection, Tab leaves it, columns fit their text."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    if accessible_name:
        view.setAccessibleName(accessible_name)
    return view


class KeepInView(QObject):
    """Whatever takes the focus inside a long scrolled form is scrolled into view.

    QScrollArea follows Tab by itself, but not a field reached by its Alt mnemonic, a focus
    set by the program (下一位 back to 查找事项) or a part that just appeared (the result):
    those stayed below the fold. Scrolling waits for the layout, which a field that just
    appeared or a form that just shrank changes on the next turn of the event loop.
    """

    MARGIN = 24

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area
        self.target: QWidget | None = None
        self.pending = QTimer(self)
        self.pending.setSingleShot(True)
        self.pending.setInterval(0)
        self.pending.timeout.connect(self._scroll)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.area.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.show(new)

    def show(self, widget: QWidget) -> None:
        """Brings `widget` (a field, or a whole box) into view once the layout has settled."""
        self.target = widget
        self.pending.start()

    def _scroll(self) -> None:
        target, self.target = self.target, None
        if target is None or not target.isVisible():
            return
        content = self.area.widget()
        if content is None or not content.isAncestorOf(target):
            return
        if content.layout() is not None:
            content.layout().activate()
        # The whole widget when it fits (a table, not only its current cell; a box with its
        # buttons); else the part that holds the cursor, as Qt does.
        top_left = target.mapTo(content, QPoint(0, 0))
        w, h = target.width(), target.height()
        viewport = self.area.viewport().size()
        if h + 2 * self.MARGIN <= viewport.height():
            centre = top_left + QPoint(w // 2, h // 2)
            across = min(w // 2 + self.MARGIN, viewport.width() // 2)
            self.area.ensureVisible(centre.x(), centre.y(), across, h // 2 + self.MARGIN)
        else:
            self.area.ensureWidgetVisible(target, self.MARGIN, self.MARGIN)


class NoteEdit(QPlainTextEdit):
    """A short multi-line note that is `lines` lines tall at any text size, the zoom included
    (a fixed pixel height cut the text at 150 %, or wasted the room at 100 %); more lines
    scroll inside. Tab moves on, as in every other field."""

    def __init__(self, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        margin = 2 * (self.frameWidth() + round(self.document().documentMargin()))
        margin += self.contentsMargins().top() + self.contentsMargins().bottom()
        height = self.lines * self.fontMetrics().lineSpacing() + margin
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()


class ElidedLabel(QLabel):
    """One line that gives way when room is short: it shows what fits, ending in "…", and
    the whole text in its tooltip. For what the window says elsewhere too (the hall's name
    is in the title bar), so that the status bar's other parts stay whole at 150 %."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        dots = self.fontMetrics().horizontalAdvance("…")
        return QSize(3 * dots, super().minimumSizeHint().height())

    def paintEvent(self, event: QEvent) -> None:
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )
        painter.drawText(self.contentsRect(), int(self.alignment()), shown)
