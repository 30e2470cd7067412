"""The hall's calling display (`hall-desk display`): the latest call of each window in large
type, recent calls, people waiting per queue, and the voice.

It reads the shared database every second and, on PostgreSQL, at once on each change
(ui/queue_watch.py). A new call, or a recall, is announced: announcements wait in a queue and
never overlap, each said `repeat` times (the hall's 语音播报次数), the digits read one by one.
Where no text-to-speech engine exists, a chime and the text only.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.queue import Priority, announcement, display_text
from hall_desk.services import queue
from hall_desk.services.workstation import Workstation
from hall_desk.ui.ops import Op
from hall_desk.ui.queue_watch import QueueWatch

DISPLAY_STYLE = """
QWidget#hallDisplay { background: #000000; }
QWidget#hallDisplay QLabel { color: #ffffff; font-size: 24pt; }
QWidget#hallDisplay QLabel#displayLatest { color: #ffd400; font-size: 54pt; font-weight: bold; }
QWidget#hallDisplay QLabel[role="windowCall"] { font-size: 34pt; }
"""


def choose_engine(available: list[str], name: str = "") -> str:
    """The engine to speak with: `name` if available, else the first real one ("" for none);
    Qt's silent "mock" engine only by name."""
    real = [e for e in available if e != "mock"]
    if name:
        return name if name in available else ""
    return real[0] if real else ""


def speech_engine(name: str = "") -> Any | None:
    """Qt's text-to-speech (the PySide6 add-on module) with a Chinese voice where the engine has
    one, or None where the module, a real engine or a working one is missing: then the display
    chimes and shows the text. Qt's "mock" engine says nothing aloud: it is used only when asked
    for by name (the tests)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:  # the add-on module, or the sound library it links (libpulse), missing
        return None
    chosen = choose_engine(QTextToSpeech.availableEngines(), name)
    if not chosen:
        return None
    engine = QTextToSpeech(chosen)
    if engine.state() == QTextToSpeech.State.Error:  # e.g. speech-dispatcher not running
        return None
    chinese = [
        locale
        for locale in engine.availableLocales()
        if locale.language() == QLocale.Language.Chinese
    ]
    if chinese:
        engine.setLocale(chinese[0])
    return engine


class Announcer(QObject):
    """Says each announcement `repeat` times, one after the other, never two at once.

    `engine` is a QTextToSpeech (or anything with say() and a stateChanged signal whose
    "ready" state is `ready_state`); None: chime + text only.
    """

    spoken = Signal(str)  # each time a text is said (or chimed)
    showing = Signal(str)  # the written form of the announcement now being said

    def __init__(
        self,
        engine: Any | None,
        repeat: int = 2,
        chime: Callable[[], None] | None = None,
        gap_ms: int = 600,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.repeat = max(1, repeat)
        self.chime = chime or QApplication.beep
        self.pending: deque[tuple[str, str]] = deque()  # (spoken, written)
        self.current: str | None = None
        self.left = 0
        self.speaking = False
        self.gap = QTimer(self)
        self.gap.setSingleShot(True)
        self.gap.setInterval(gap_ms)
        self.gap.timeout.connect(self._next)
        if engine is not None:
            engine.stateChanged.connect(self._state)

    def announce(self, text: str, written: str = "") -> None:
        self.pending.append((text, written or text))
        if self.current is None and not self.gap.isActive():
            self._next()

    def _next(self) -> None:
        if self.current is not None and self.left > 0:
            self._say(self.current)
            return
        self.current = None
        if not self.pending:
            return
        self.current, written = self.pending.popleft()
        self.left = self.repeat
        self.showing.emit(written)
        self._say(self.current)

    def _say(self, text: str) -> None:
        self.left -= 1
        self.speaking = True
        if self.engine is None:
            self.chime()
            self.spoken.emit(text)
            self._finished()
        else:
            self.engine.say(text)
            self.spoken.emit(text)

    def _state(self, state: Any) -> None:
        # Ready again after speaking: the utterance is over.
        if self.speaking and getattr(state, "name", str(state)).endswith("Ready"):
            self._finished()

    def _finished(self) -> None:
        self.speaking = False
        if self.current is not None and self.left <= 0:
            self.current = None
        self.gap.start()


class DisplayWindow(QWidget):
    def __init__(
        self,
        ws: Workstation,
        link: queue.LiveHall,
        announcer: Announcer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hallDisplay")
        self.setStyleSheet(DISPLAY_STYLE)
        self.setWindowTitle(self.tr("叫号显示屏 — %1").replace("%1", ws.hall))
        self.ws = ws
        self.link = link
        settings = queue.settings_of(ws)
        self.names = {q.code: q.name for q in settings.queues}
        self.announcer = announcer or Announcer(speech_engine(), parent=self)
        # Each call is said as often as the hall set (设置 → 叫号队列), whoever built the voice.
        self.announcer.repeat = settings.repeat
        layout = QVBoxLayout(self)
        title = QLabel(ws.hall)
        layout.addWidget(title)
        self.latest = QLabel(self.tr("请留意叫号"))
        self.latest.setObjectName("displayLatest")
        self.latest.setAccessibleName(self.tr("最新叫号"))
        layout.addWidget(self.latest)
        self.windows = QGridLayout()
        layout.addLayout(self.windows, 1)
        self.window_labels: dict[str, QLabel] = {}
        bottom = QHBoxLayout()
        self.recent = QLabel()
        self.recent.setObjectName("displayRecent")
        self.waiting = QLabel()
        self.waiting.setObjectName("displayWaiting")
        bottom.addWidget(self.recent, 2)
        bottom.addWidget(self.waiting, 1)
        layout.addLayout(bottom)
        self.status = QLabel()
        self.status.setObjectName("displayStatus")
        layout.addWidget(self.status)
        self.announcer.showing.connect(self.latest.setText)
        self.seen: dict[str, tuple[str, int]] = {}  # window → (ticket id, recalls) said
        self.first = True
        self.busy = False
        self.watch = QueueWatch(parent=self)
        self.watch.changed.connect(self.poll)

    def start(self, listen_url: str = "", passfile: Any = None) -> None:
        """Reads now, then follows the queue: every second, and at each NOTIFY heard on
        `listen_url` (the link's notify_url on PostgreSQL)."""
        self.poll()
        self.watch.start(listen_url, passfile)

    def poll(self) -> None:
        if self.busy:
            return
        self.busy = True
        link, day = self.link, self.ws.today()

        def work() -> queue.Board:
            return queue.board(link, day)

        Op(self, work).refused(self._refused).success(self.show_board).always(self._idle).run()

    def _idle(self) -> None:
        self.busy = False

    def _refused(self, error: HallDeskError) -> None:
        self.status.setText(self.tr("⚠ 暂时无法读取叫号信息：%1").replace("%1", error.message))

    def show_board(self, board: queue.Board) -> None:
        self.status.setText("")
        new: list[tuple[str, str]] = []
        for n, (window, ticket) in enumerate(sorted(board.latest.items(), key=_window_order)):
            label = self.window_labels.get(window)
            if label is None:
                label = QLabel()
                label.setProperty("role", "windowCall")
                label.setObjectName(f"displayWindow_{window}")
                self.windows.addWidget(label, n // 3, n % 3)
                self.window_labels[window] = label
            mark = self.tr("（绿色通道）") if ticket.priority is Priority.GREEN else ""
            label.setText(
                self.tr("%1 号窗口：%2%3")
                .replace("%1", window)
                .replace("%2", ticket.label)
                .replace("%3", mark)
            )
            said = (ticket.id, ticket.recalls)
            if self.seen.get(window) != said:
                self.seen[window] = said
                if not self.first:
                    new.append(
                        (announcement(ticket.label, window), display_text(ticket.label, window))
                    )
        self.first = False  # what was called before the display started is not said again
        self.recent.setText(
            self.tr("最近叫号：")
            + "  ".join(f"{t.label}→{t.window}" for t in board.recent if t.window)
        )
        self.waiting.setText(
            self.tr("等候人数：")
            + "  ".join(f"{self.names.get(q, q)} {n}" for q, n in sorted(board.waiting.items()))
        )
        for spoken, written in new:
            self.announcer.announce(spoken, written)

    def stop(self, wait_s: float = 0.0) -> None:
        self.watch.stop(wait_s)


def _window_order(item: tuple[str, Any]) -> tuple[int, str]:
    window = item[0]
    return (int(window), window) if window.isdigit() else (10_000, window)
