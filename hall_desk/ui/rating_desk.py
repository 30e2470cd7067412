"""The main window's side of the applicant's rating screen (ui/rating_screen.py): which display
it goes on, and asking for a rating when the clerk finishes a service.

Light on purpose: every clerk's window has one, and most workstations have no second display,
so the screen itself and the ratings service are imported when a screen is shown or a rating
asked, not with the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from hall_desk.domain.roles import Actor
from hall_desk.services.settings import NO_RATING_SCREEN, RATING_SCREEN
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, hub
from hall_desk.ui.ops import Op

if TYPE_CHECKING:
    from hall_desk.services.ratings import RatingTarget
    from hall_desk.ui.rating_screen import RatingScreen


def chosen_screen(ws: Workstation) -> QScreen | None:
    """The screen the applicant faces, or None: the setting says 无, or names a screen that is
    not connected, or (by default) the workstation has only the clerk's screen."""
    wanted = str(ws.config.extra.get(RATING_SCREEN, ""))
    if wanted == NO_RATING_SCREEN:
        return None
    screens = QGuiApplication.screens()
    if wanted:
        return next((s for s in screens if s.name() == wanted), None)
    primary = QGuiApplication.primaryScreen()
    return next((s for s in screens if s is not primary), None)


class RatingDesk(QObject):
    """The main window's side of the screen: asks when a service is finished, keeps the screen
    on the applicant's display (hidden, never moved onto the clerk's, when that display goes)."""

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.host = parent
        self.screen: RatingScreen | None = None
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(lambda _s: self.place())
        app.screenRemoved.connect(self._screen_removed)
        hub().changed.connect(self._changed)
        self.place()

    def _changed(self, touched: frozenset[Entity]) -> None:
        if Entity.SETTINGS in touched:  # the admin may have chosen another display, or 无
            self.place()

    def place(self) -> RatingScreen | None:
        """Shows the idle face on the chosen display, or closes it when there is none."""
        where = chosen_screen(self.ws)
        if where is None:
            if self.screen is not None:
                self.screen.hide()
            return None
        if self.screen is None:
            from hall_desk.ui.rating_screen import RatingScreen

            self.screen = RatingScreen(self.ws, self.actor)
        if self.screen.screen() is not where or not self.screen.isVisible():
            self.screen.place_on(where)
        return self.screen

    def _screen_removed(self, gone: QScreen) -> None:
        if self.screen is not None and self.screen.screen() is gone:
            self.screen.hide()
        QTimer.singleShot(0, self.place)

    def service_finished(self, kind: str, ref: str, large: bool = False) -> Op[object] | None:
        """Asks the applicant to rate the service just finished (no screen: nothing to do; the
        clerk may key the rating in as 窗口代录)."""
        screen = self.place()
        if screen is None:
            return None
        from hall_desk.services import ratings

        ws = self.ws
        return (
            Op(screen, lambda: ratings.target_for(ws, kind, ref))
            .refused(lambda _error: None)  # a service that cannot be rated here (邮寄) is not asked
            .success(lambda target: self._ask(screen, target, large))
            .run()
        )

    def _ask(self, screen: RatingScreen, target: RatingTarget, large: bool) -> None:
        if screen.asking():
            screen.give_up()
        screen.ask(target, large)

    def close(self) -> None:
        hub().changed.disconnect(self._changed)
        if self.screen is not None:
            self.screen.tick.stop()
            self.screen.close()
            self.screen.deleteLater()
            self.screen = None
