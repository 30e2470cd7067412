"""The applicant's rating screen (好差评评价屏): full screen on the window's second display.

It waits on an idle face ("请对本次服务进行评价"), asks when the clerk finishes a service, shows
who served and what was done with five large buttons, asks a 差评 for its reasons, thanks the
applicant and goes back to the idle face. Nobody answering within the set time is recorded as
未评价, never as a good rating. Nothing is pre-selected and no button is the default: the
applicant is never pressed towards an answer (国办发〔2019〕51号).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QScreen
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.ratings import LEVELS_HIGH_TO_LOW, Level
from hall_desk.domain.roles import Actor
from hall_desk.services import ratings
from hall_desk.services.ratings import RatingResult, RatingTarget
from hall_desk.services.settings import rating_timeout
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity
from hall_desk.ui.ops import Op
from hall_desk.ui.words import word

THANKS_MS = 4000  # the thanks stay this long before the idle face returns
NOTE_MAX = 100

IDLE, ASK, REASONS, THANKS = range(4)


class RatingScreen(QWidget):
    """`finished(outcome)`: "given", "unrated" or "refused" once an asked rating is settled."""

    finished = Signal(str)

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.ws = ws
        self.actor = actor
        self.setObjectName("ratingScreen")
        self.setWindowTitle(self.tr("服务评价"))
        self.target: RatingTarget | None = None
        self.level: Level | None = None
        self.remaining = 0
        self.pages = QStackedWidget()
        QVBoxLayout(self).addWidget(self.pages)
        self.pages.addWidget(self._idle_page())
        self.pages.addWidget(self._ask_page())
        self.pages.addWidget(self._reasons_page())
        self.pages.addWidget(self._thanks_page())
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._count_down)
        self.back_to_idle = QTimer(self)
        self.back_to_idle.setSingleShot(True)
        self.back_to_idle.timeout.connect(self.show_idle)
        self.show_idle()

    # -- faces -----------------------------------------------------------------------------------
    @staticmethod
    def _font(widget: QWidget, points: int) -> None:
        font = QFont(widget.font())
        font.setPointSize(points)
        widget.setFont(font)

    def _big(self, text: str = "", points: int = 28, name: str = "") -> QLabel:
        label = QLabel(text)
        self._font(label, points)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        if name:
            label.setObjectName(name)
        return label

    def _idle_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self._big(self.tr("请对本次服务进行评价"), 40, "idlePrompt"))
        self.idle_who = self._big("", 22, "idleWho")
        layout.addWidget(self.idle_who)
        layout.addStretch(1)
        return page

    def _ask_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.who = self._big("", 24, "servedBy")
        self.what = self._big("", 24, "servedWhat")
        self.question = self._big(self.tr("您对本次服务满意吗？请点击一项"), 30, "question")
        layout.addWidget(self.who)
        layout.addWidget(self.what)
        layout.addStretch(1)
        layout.addWidget(self.question)
        row = QHBoxLayout()
        self.level_buttons: dict[Level, QPushButton] = {}
        for level in LEVELS_HIGH_TO_LOW:
            button = QPushButton(word(level.label))
            button.setObjectName(f"level{int(level)}Button")
            button.setAccessibleName(word(level.label))
            button.setAutoDefault(False)
            button.setMinimumHeight(140)
            button.clicked.connect(lambda _checked=False, lv=level: self.choose(lv))
            row.addWidget(button)
            self.level_buttons[level] = button
        layout.addLayout(row)
        layout.addStretch(1)
        self.countdown = self._big("", 16, "countdown")
        layout.addWidget(self.countdown)
        return page

    def _reasons_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = self.tr("请告诉我们哪里做得不好（可多选），我们会认真整改")
        layout.addWidget(self._big(title, 26, "reasonsTitle"))
        self.reason_grid = QGridLayout()
        layout.addLayout(self.reason_grid)
        self.reason_boxes: list[QCheckBox] = []
        self.note = QLineEdit()
        self.note.setObjectName("ratingNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(self.tr("其他意见（选填）"))
        self.note.setAccessibleName(self.tr("其他意见"))
        self._font(self.note, 20)
        self.note.setMinimumHeight(60)
        layout.addWidget(self.note)
        self.reasons_error = self._big("", 18, "reasonsError")
        layout.addWidget(self.reasons_error)
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("返回重选"))
        self.back_button.setObjectName("backButton")
        self.submit_button = QPushButton(self.tr("提交评价"))
        self.submit_button.setObjectName("submitRatingButton")
        for button in (self.back_button, self.submit_button):
            button.setAutoDefault(False)
            button.setMinimumHeight(90)
            self._font(button, 24)
            row.addWidget(button)
        layout.addLayout(row)
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(ASK))
        self.submit_button.clicked.connect(self.submit)
        return page

    def _thanks_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.thanks = self._big("", 40, "thanks")
        layout.addWidget(self.thanks)
        layout.addStretch(1)
        return page

    # -- placing ---------------------------------------------------------------------------------
    def place_on(self, screen: QScreen) -> None:
        """Full screen on the applicant's display, never over the clerk's."""
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    # -- the asking ------------------------------------------------------------------------------
    def _window(self) -> str:
        """The counter's name: the clerk's own window, else the workstation's."""
        return self.actor.window or self.ws.config.window

    def _who_text(self, target: RatingTarget) -> str:
        window = target.window or self._window()
        return self.tr("{window}　工作人员：{name}（工号 {staff}）").format(
            window=window, name=target.staff_name, staff=target.staff
        )

    def show_idle(self) -> None:
        self.tick.stop()
        self.target = None
        self.level = None
        self.idle_who.setText(self._window())
        self.pages.setCurrentIndex(IDLE)

    def asking(self) -> bool:
        return self.target is not None and self.pages.currentIndex() in (ASK, REASONS)

    def ask(self, target: RatingTarget, large: bool = False) -> None:
        """Asks the applicant to rate `target`; `large`: a green-channel applicant's large print."""
        self.back_to_idle.stop()
        self.target = target
        self.level = None
        self.who.setText(self._who_text(target))
        self.what.setText(self.tr("本次办理：{what}").format(what=target.what))
        self._set_large(large)
        self._fill_reasons()
        self.remaining = rating_timeout(self.ws)
        self._show_countdown()
        self.tick.start()
        self.pages.setCurrentIndex(ASK)

    def _set_large(self, large: bool) -> None:
        points = 34 if large else 24
        for button in self.level_buttons.values():
            self._font(button, points)
            button.setMinimumHeight(200 if large else 140)
        for label in (self.who, self.what):
            self._font(label, 30 if large else 24)
        self.setProperty("largePrint", large)

    def _fill_reasons(self) -> None:
        for box in self.reason_boxes:
            self.reason_grid.removeWidget(box)
            box.hide()  # gone from the face now, not when the event loop next deletes it
            box.deleteLater()
        self.reason_boxes = []
        for i, reason in enumerate(ratings.bad_reasons(self.ws)):
            box = QCheckBox(reason)
            self._font(box, 20)
            box.setMinimumHeight(60)
            self.reason_grid.addWidget(box, i // 2, i % 2)
            self.reason_boxes.append(box)
        self.note.clear()
        self.reasons_error.clear()

    def _count_down(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.tick.stop()
            self._unrated()
            return
        self._show_countdown()

    def _show_countdown(self) -> None:
        self.countdown.setText(self.tr("{n} 秒后未评价将记为「未评价」").format(n=self.remaining))

    def choose(self, level: Level) -> Op[object] | None:
        if self.target is None:
            return None
        self.level = level
        if level.is_bad:
            self.pages.setCurrentIndex(REASONS)
            return None
        return self._send(level, [], "")

    def submit(self) -> Op[object] | None:
        if self.level is None:
            return None
        chosen = [box.text() for box in self.reason_boxes if box.isChecked()]
        return self._send(self.level, chosen, self.note.text())

    def _send(self, level: Level, reasons: list[str], note: str) -> Op[object] | None:
        target = self.target
        if target is None:
            return None
        ws, actor = self.ws, self.actor
        self.tick.stop()

        def record() -> RatingResult:
            return ratings.rate(
                ws, actor, target.kind, target.ref, level, reasons=reasons, note=note
            )

        return (
            Op(self, record, touches=[Entity.RATING, Entity.TICKET])
            .busy(*self.level_buttons.values(), self.submit_button, self.back_button)
            .refused(lambda error: self._refused(target, error))
            .success(lambda _result: self._thank(target, self.tr("感谢您的评价！"), "given"))
            .run()
        )

    def _refused(self, target: RatingTarget, error: HallDeskError) -> None:
        if self.target is not target:
            return
        # A field the applicant can fix stays on the reasons page; anything else (the service
        # was rated meanwhile) is not the applicant's to solve: thank them and close the ask.
        if self.pages.currentIndex() == REASONS and getattr(error, "field", "") in (
            "reasons",
            "note",
        ):
            self.reasons_error.setText("⚠ " + error.message)
            self.tick.start()
            return
        self._thank(target, self.tr("感谢您的参与"), "refused")

    def _unrated(self) -> Op[object] | None:
        target = self.target
        if target is None:
            return None
        ws, actor = self.ws, self.actor
        return (
            Op(
                self,
                lambda: ratings.record_unrated(ws, actor, target.kind, target.ref),
                touches=[Entity.RATING],
            )
            .refused(lambda _error: self._settle(target, "refused"))
            .success(lambda _id: self._settle(target, "unrated"))
            .run()
        )

    def give_up(self) -> Op[object] | None:
        """The clerk moved on to the next service before this one was rated: 未评价."""
        self.tick.stop()
        return self._unrated() if self.asking() else None

    # A reply may come back after the clerk has already asked about the next service: it then
    # settles its own rating and leaves the new question on the screen.
    def _settle(self, target: RatingTarget, outcome: str) -> None:
        if self.target is target:
            self.show_idle()
        self.finished.emit(outcome)

    def _thank(self, target: RatingTarget, text: str, outcome: str) -> None:
        if self.target is not target:
            self.finished.emit(outcome)
            return
        self.thanks.setText(text)
        self.pages.setCurrentIndex(THANKS)
        self.target = None
        self.back_to_idle.start(THANKS_MS)
        self.finished.emit(outcome)
