"""One application-wide "changed" signal: an action names what it touched, open views refresh.

Views do not poll and need no refresh button to see another screen's work: each follows the
kinds of record it shows with a `Follower`, which refreshes it at once when it is on screen and
the next time it is shown otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget


class Entity(StrEnum):
    """The kinds of record an action can touch, as views care about them."""

    CASE = "case"  # intake, supplements, routing moves, deliveries, clock pauses
    CONSULTATION = "consultation"
    USER = "user"
    CATALOG = "catalog"
    CALENDAR = "calendar"
    SETTINGS = "settings"
    TICKET = "ticket"  # 办不成事 / 投诉 / 建议 / 咨询 / 表扬 and their steps
    RATING = "rating"  # 好差评, 未评价, 申诉 and 复核 (a 差评 touches TICKET too: its 整改)
    MONTHLY_REPORT = "monthly_report"  # the lead's sections and publication of a month
    QUEUE = "queue"  # 取号/叫号: the window's current ticket, the queue's waiting
    STAFF = "staff"  # meetings, inspections and findings, evaluations and their schemes
    SYNC = "sync"  # the outbox and the pull cursor; a pull may bring any of the others too


EVERYTHING = frozenset(Entity)


class ChangeHub(QObject):
    """The one hub; `changed` carries a frozenset of `Entity`. Emit only from the GUI thread."""

    changed = Signal(object)

    def announce(self, touched: Iterable[Entity | str]) -> frozenset[Entity]:
        entities = frozenset(Entity(e) for e in touched)
        if entities:
            self.changed.emit(entities)
        return entities


_hub: ChangeHub | None = None


def hub() -> ChangeHub:
    global _hub
    if _hub is None:
        _hub = ChangeHub()
    return _hub


def announce(touched: Iterable[Entity | str]) -> frozenset[Entity]:
    return hub().announce(touched)


class Follower(QObject):
    """Keeps `view` current: calls `refresh` when one of `entities` changed.

    A child of the view, so the connection ends when the view is deleted. A hidden view (a tab
    in the background, a closed page) is only marked stale and refreshes when it is next shown.
    """

    def __init__(
        self, view: QWidget, entities: Iterable[Entity], refresh: Callable[[], object]
    ) -> None:
        super().__init__(view)
        self.view = view
        self.entities = frozenset(entities)
        self.refresh = refresh
        self.stale = False
        hub().changed.connect(self._changed)
        view.installEventFilter(self)

    def _changed(self, touched: frozenset[Entity]) -> None:
        if not touched & self.entities:
            return
        if self.view.isVisible():
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.refresh()
        return False
