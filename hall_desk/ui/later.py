"""A page built the first time it is shown or asked for: the window's start pays only for the
pages the person sees (a tab behind the first one, the lock page before the first lock)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hall_desk.ui import app_filter


class LaterPage(QWidget):
    """Holds the page's place (in a tab widget, a stacked widget, a layout); `page()` builds it,
    at the latest when this place is first shown."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self._build = build
        self._page: QWidget | None = None

    @property
    def is_built(self) -> bool:
        return self._page is not None

    def page(self) -> QWidget:
        if self._page is None:
            layout = self.layout()
            assert layout is not None
            with app_filter.unwatched(self):
                self._page = self._build()
                layout.addWidget(self._page)
            # Added to a shown parent, a widget shows only on a later turn of the event loop:
            # until then it could not take the focus whoever asked for the page gives it.
            if self.isVisible():
                self._page.show()
        return self._page

    def showEvent(self, event: QShowEvent) -> None:
        if self._page is None:
            self.page().show()  # this place is being shown: the page with it, now
        super().showEvent(event)
