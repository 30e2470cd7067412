"""The 叫号 bar of a window: its current ticket and the queue actions, each on a function key.

Every action goes through the shared database (services/queue.py via sync/queue_link.py); when
that is away the bar says so in words and the rest of the window works as before.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.queue import Priority, TicketState
from hall_desk.domain.roles import Actor
from hall_desk.services import queue
from hall_desk.services.workstation import Workstation
from hall_desk.sync.queue_link import QueueLink
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.ops import Op, queue_pool
from hall_desk.ui.widgets import set_role

# (key, button text, shortcut)
ACTIONS = (
    ("call", QT_TRANSLATE_NOOP("QueueBar", "叫号"), "F5"),
    ("recall", QT_TRANSLATE_NOOP("QueueBar", "重呼"), "F6"),
    ("no_show", QT_TRANSLATE_NOOP("QueueBar", "过号"), "F7"),
    ("transfer", QT_TRANSLATE_NOOP("QueueBar", "转移"), "F8"),
    ("park", QT_TRANSLATE_NOOP("QueueBar", "挂起"), "F9"),
    ("resume", QT_TRANSLATE_NOOP("QueueBar", "恢复"), "F10"),
    ("pause", QT_TRANSLATE_NOOP("QueueBar", "暂停窗口"), "F11"),
)


class QueueBar(QFrame):
    """Shows 当前号 and waiting counts; 叫号 F5, 重呼 F6, 过号 F7, 转移 F8, 挂起 F9, 恢复 F10,
    暂停窗口/恢复窗口 F11."""

    changed = Signal()

    def __init__(
        self,
        ws: Workstation,
        actor: Actor,
        link: QueueLink | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("queueBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Never what makes the window wider than the screen: the message gives way first.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.ws = ws
        self.actor = actor
        self.link = link or QueueLink(ws)
        self.status: queue.WindowStatus | None = None
        self.retired = False
        # Two rows: what is called now (never cut short), then the actions.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(8, 4, 8, 4)
        rows.setSpacing(2)
        top = QHBoxLayout()
        row = QHBoxLayout()
        rows.addLayout(top)
        rows.addLayout(row)
        self.window_label = QLabel()
        self.window_label.setObjectName("queueWindow")
        self.current = QLabel(self.tr("当前：—"))
        self.current.setObjectName("queueCurrent")
        self.current.setAccessibleName(self.tr("当前号"))
        font = self.current.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.current.setFont(font)
        self.waiting = QLabel()
        self.waiting.setObjectName("queueWaiting")
        top.addWidget(self.window_label)
        top.addWidget(self.current)
        top.addWidget(self.waiting)
        self.buttons: dict[str, QPushButton] = {}
        self.target = QComboBox()
        self.target.setObjectName("queueTransferTarget")
        self.target.setAccessibleName(self.tr("转至队列"))
        self.reason = QLineEdit()
        self.reason.setObjectName("queueReason")
        self.reason.setAccessibleName(self.tr("挂起或转移原因"))
        self.reason.setPlaceholderText(self.tr("原因（挂起必填）"))
        self.reason.setMinimumWidth(160)
        self.parked = QComboBox()
        self.parked.setObjectName("queueParked")
        self.parked.setAccessibleName(self.tr("挂起的号"))
        for key, text, shortcut in ACTIONS:
            button = QPushButton(f"{self.tr(text)} {shortcut}")
            button.setObjectName(f"queue_{key}")
            button.setToolTip(f"{self.tr(text)}（{shortcut}）")
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = button
            if key == "transfer":
                row.addWidget(self.target)
            if key == "park":
                row.addWidget(self.reason)
            if key == "resume":
                row.addWidget(self.parked)
            row.addWidget(button)
            sc = QShortcut(QKeySequence(shortcut), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(lambda k=key: self.act(k))
        self.message = QLabel()
        self.message.setObjectName("queueMessage")
        top.addWidget(self.message, 1)
        row.addStretch(1)
        # The status is read once at start (a window restarted with a number still called shows
        # it before any key), on the queue's own worker like every other read of it.
        self.refresh()
        if not self.link.configured:
            self._unavailable(self.tr("本工作站未设置共享数据库：叫号不可用（办件不受影响）"))
        # The window number and the hall's queues are settings: a change in 设置 shows at once.
        self.follower = Follower(self, [Entity.SETTINGS], self.refresh)

    # -- actions ------------------------------------------------------------------------------
    def act(self, key: str) -> None:
        button = self.buttons[key]
        if not button.isEnabled() or not queue.calls_here(self.ws):
            return
        ws, actor, link = self.ws, self.actor, self.link
        if key == "call":
            work = lambda: queue.call_next(ws, actor, link)  # noqa: E731
        elif key == "recall":
            work = lambda: queue.recall(ws, actor, link)  # noqa: E731
        elif key == "no_show":
            work = lambda: queue.no_show(ws, actor, link)  # noqa: E731
        elif key == "transfer":
            target, reason = str(self.target.currentData()), self.reason.text()
            work = lambda: queue.transfer(ws, actor, link, target, reason=reason)  # noqa: E731
        elif key == "park":
            reason = self.reason.text()
            work = lambda: queue.park(ws, actor, link, reason)  # noqa: E731
        elif key == "resume":
            ticket_id = str(self.parked.currentData() or "")
            work = lambda: queue.resume(ws, actor, link, ticket_id)  # noqa: E731
        else:
            paused = self.status is not None and self.status.paused
            if paused:
                work = lambda: queue.resume_window(ws, actor, link)  # noqa: E731
            else:
                reason = self.reason.text()
                work = lambda: queue.pause_window(ws, actor, link, reason)  # noqa: E731

        def done(result: object) -> None:
            self.reason.clear()
            self._said(result)
            self.refresh()

        Op(self, lambda: (work(), queue.status(ws, link))[1], touches=[Entity.QUEUE]).busy(
            button
        ).refused(self._refused).success(lambda status: (self._show(status), done(status))).run(
            on=queue_pool()
        )

    def link_visit(self, kind: str, visit_id: str) -> None:
        """A visit started while a number is called belongs to it (its rating, its wait).
        Asked of the shared database, not of what the bar last showed (a window restarted
        with a number still called has shown nothing yet); a number that already has its
        visit keeps it."""
        if not queue.calls_here(self.ws) or not self.link.configured:
            return
        ws, actor, link = self.ws, self.actor, self.link

        def work() -> queue.WindowStatus:
            now = queue.status(ws, link)
            if now.current is None or now.current.visit_id:
                return now
            queue.link_visit(ws, actor, link, kind, visit_id)
            return queue.status(ws, link)

        Op(self, work, touches=[Entity.QUEUE]).refused(self._refused).success(self._show).run(
            on=queue_pool()
        )

    def refresh(self) -> None:
        """Re-reads the window number and the queues (either may have changed in 设置), then
        the window's status from the shared database."""
        if self.retired:
            return
        self._reread()
        if not queue.calls_here(self.ws) or not self.link.configured:
            return
        ws, link = self.ws, self.link
        Op(self, lambda: queue.status(ws, link)).refused(self._refused).success(self._show).run(
            on=queue_pool()
        )

    def _reread(self) -> None:
        chosen = self.target.currentData()
        self.target.clear()
        for spec in queue.settings_of(self.ws).queues:
            self.target.addItem(f"{spec.code} {spec.name}", spec.code)
        self.target.setCurrentIndex(max(0, self.target.findData(chosen)))
        if not queue.calls_here(self.ws):
            self.status = None
            self.window_label.setText(self.tr("本工作站不叫号"))
            self._unavailable(self.tr("系统设置中的叫号窗口号为空：本工作站不叫号"))
            self.refresh_buttons()
            return
        window = queue.window_of(self.ws)
        if self.status is not None and self.status.window != window:
            self.status = None  # another window's ticket is not this one's
            self.current.setText(self.tr("当前：—"))
        self.window_label.setText(self.tr("%1 号窗口").replace("%1", window))
        self.refresh_buttons()

    # -- showing ------------------------------------------------------------------------------
    def _said(self, _result: object) -> None:
        current = self.status.current if self.status is not None else None
        if current is None:
            self._say(self.tr("没有正在呼叫的号"), "")
        elif current.recalls:
            self._say(
                self.tr("已重呼 %1 号（第 %2 次）")
                .replace("%1", current.label)
                .replace("%2", str(current.recalls)),
                "",
            )

    def _say(self, text: str, role: str) -> None:
        self.message.setText(text)
        set_role(self.message, role)

    def _refused(self, error: HallDeskError) -> None:
        if isinstance(error, queue.QueueUnavailable):
            self._unavailable(error.message)
        else:
            self._say("⚠ " + error.message, "error")
            self.refresh_buttons()

    def _unavailable(self, message: str) -> None:
        self.current.setText(self.tr("当前：—"))
        self.waiting.setText(self.tr("⚠ 叫号不可用"))
        self._say(message, "warning")

    def _show(self, status: queue.WindowStatus) -> None:
        self.status = status
        current = status.current
        if current is None:
            self.current.setText(self.tr("当前：—"))
        else:
            mark = self.tr("【绿色通道】") if current.priority is Priority.GREEN else ""
            if current.needs_help:
                mark = self.tr("【绿色通道·需要帮助，请帮您办岗协助】")
            self.current.setText(
                self.tr("当前：%1 %2%3")
                .replace("%1", current.label)
                .replace("%2", current.state.label)
                .replace("%3", mark)
            )
        counts = "  ".join(
            self.tr("%1 %2 人").replace("%1", q).replace("%2", str(n))
            for q, n in status.waiting.items()
        )
        paused = self.tr("（窗口已暂停）") if status.paused else ""
        self.waiting.setText(
            self.tr("等候：%1%2").replace("%1", counts or "—").replace("%2", paused)
        )
        self.parked.clear()
        for ticket in status.parked:
            self.parked.addItem(f"{ticket.label} {ticket.reason}", ticket.id)
        self.buttons["pause"].setText(
            (self.tr("恢复窗口") if status.paused else self.tr("暂停窗口")) + " F11"
        )
        if self.message.property("role") == "warning":
            self._say("", "")
        self.refresh_buttons()

    def refresh_buttons(self) -> None:
        if not queue.calls_here(self.ws):
            for button in self.buttons.values():
                button.setEnabled(False)
            return
        self.buttons["pause"].setEnabled(True)
        status = self.status
        current = status.current if status is not None else None
        at_window = current is not None and current.state in (
            TicketState.CALLED,
            TicketState.SERVING,
        )
        self.buttons["call"].setEnabled(status is None or not status.paused)
        for key in ("recall", "no_show"):
            self.buttons[key].setEnabled(
                current is not None and current.state is TicketState.CALLED
            )
        for key in ("transfer", "park"):
            self.buttons[key].setEnabled(at_window)
        self.buttons["resume"].setEnabled(bool(status and status.parked) and not at_window)

    def close_link(self) -> None:
        self.link.close()

    def retire(self) -> None:
        """The bar is going (the shared address changed in 设置): its link closes on the queue's
        worker, after any action still using it there."""
        self.retired = True  # a 设置 change announced in the same breath reads nothing more
        queue_pool().start(self.link.close)
        self.deleteLater()
