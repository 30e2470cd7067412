"""The program's one application-wide event filter: the wheel guard, and the input the idle lock
watches for.

An application's event filter is called for every event of every object, thousands as a window
is built, and each call into Python costs microseconds (PySide wraps the event and its receiver)
whatever the filter then does. So the parts that must see the whole program share one filter
rather than each pay for every event, and it looks at what costs little first: the classes of
the event and of its receiver. An event's type is an enum PySide makes at each call: asked only
of the few events that may matter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QInputEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

# A person at the keyboard, mouse or screen: the idle lock's clock starts again.
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class AppFilter(QObject):
    """Combo boxes and spin boxes take the mouse wheel only once they have the focus; and
    whoever listens in `on_input` hears of every ACTIVITY event.

    Scrolling a long form moves the pointer over the boxes: without the guard, the wheel switched
    证件类型 (and turned the ID check off) on its way down. The wheel goes on to the scroll area
    instead, and a wheel no longer gives them the focus either.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_input: list[Callable[[], None]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QInputEvent):  # every kind of ACTIVITY is one
            if self.on_input and event.type() in ACTIVITY:
                for heard in tuple(self.on_input):
                    heard()
            if isinstance(event, QWheelEvent) and isinstance(watched, QWidget):
                return _wheel_elsewhere(watched, event)
            return False
        if (
            isinstance(watched, (QComboBox, QAbstractSpinBox))
            and event.type() == QEvent.Type.Polish
        ):
            _no_wheel_focus(watched)
        return False


def _no_wheel_focus(box: QWidget) -> None:
    if box.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def _wheel_elsewhere(watched: QWidget, event: QWheelEvent) -> bool:
    """True when the wheel was over a box without the focus: sent to the form around it."""
    box = _wheel_box(watched)
    if box is None or box.hasFocus():
        return False
    area = box.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is not None:
        QApplication.sendEvent(area.viewport(), event)  # the form around it scrolls
    return True


def _wheel_box(widget: QWidget) -> QWidget | None:
    """The combo or spin box the wheel is over (a spin box's line edit belongs to it)."""
    for candidate in (widget, widget.parentWidget()):
        if isinstance(candidate, (QComboBox, QAbstractSpinBox)):
            return candidate
    return None


_installed: list[AppFilter] = []  # one per application, kept referenced
_unwatched = [0]  # how deep in `unwatched` blocks


def install(app: QCoreApplication) -> AppFilter:
    """The application's filter, installed at the first call."""
    if not _installed:
        found = AppFilter(app)
        app.installEventFilter(found)
        _installed.append(found)
    return _installed[0]


@contextmanager
def unwatched(root: QWidget) -> Iterator[None]:
    """Builds `root`'s widgets (a window, a page) without the filter, then gives its boxes the
    focus the filter would have.

    Building a window sends thousands of events (each widget's palette, font and style as it is
    added and polished), every one a call into the filter. No person's input can arrive while
    code builds widgets in one go, without a turn of the event loop: there is nothing to watch.
    """
    app = QCoreApplication.instance()
    watching = _installed[0] if _installed and app is not None else None
    if watching is not None and _unwatched[0] == 0:
        app.removeEventFilter(watching)
    _unwatched[0] += 1
    try:
        yield
    finally:
        _unwatched[0] -= 1
        if watching is not None and _unwatched[0] == 0:
            app.installEventFilter(watching)
        for kind in (QComboBox, QAbstractSpinBox):
            for box in root.findChildren(kind):
                _no_wheel_focus(box)
