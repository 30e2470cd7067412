"""当前等候 on the lead's dashboard: the people waiting now in each queue, read from the hall's
shared database on the queue's own worker (a server that is slow or away never freezes the
page, nor holds the lead's next action up); when it is away the figure says so, in words.

While shown it follows the other windows and the kiosk as the hall display does
(ui/queue_watch.py: every second, and at once on each NOTIFY on PostgreSQL); hidden, it stops.
"""

from __future__ import annotations

from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from hall_desk.domain.errors import HallDeskError
from hall_desk.services import queue
from hall_desk.services.credentials import passfile
from hall_desk.services.workstation import Workstation
from hall_desk.sync.queue_link import QueueLink
from hall_desk.ui.ops import Op, queue_pool
from hall_desk.ui.queue_watch import CLOSE_WAIT_S, QueueWatch


class WaitingNow(QLabel):
    """ "当前等候：A 综合受理 3 人，B 综合咨询 0 人…" — or "—" and why there is no figure."""

    def __init__(
        self, ws: Workstation, link: QueueLink | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("queueWaitingNow")
        self.setAccessibleName(self.tr("当前等候"))
        # However many queues the hall has, the line never widens the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.ws = ws
        self.link = link or QueueLink(ws)
        self.counts: dict[str, int] | None = None  # the last figure read (None: none)
        self._reading: Op[dict[str, int]] | None = None
        self._again = False
        self.watch = QueueWatch(parent=self)
        self.watch.changed.connect(self._follow)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.link.configured:
            self.watch.start(self.link.notify_url, passfile(self.ws.home))

    def hideEvent(self, event: QHideEvent) -> None:
        self.watch.stop()
        super().hideEvent(event)

    def _follow(self) -> None:
        # A change elsewhere: read, unless a read is on its way already (it sees the change, or
        # the next second's does): a slow server gets one read at a time, not a pile of them.
        if self._reading is None or self._reading.finished:
            self.refresh()

    def refresh(self) -> None:
        if not self.link.configured:
            self._no_figure(
                self.tr("未设共享数据库"), self.tr("本工作站未设置共享数据库，无法读取排队情况")
            )
            return
        if self._reading is not None and not self._reading.finished:
            self._again = True  # one read at a time; the latest wish is read next
            return
        if not self.text():  # only the first read: later ones keep what is shown until done
            self.setText(self.tr("当前等候：读取中…"))
        ws, link = self.ws, self.link
        self._reading = (
            Op(self, lambda: queue.waiting_now(link, ws.today()))
            .refused(self._refused)
            .success(self._show)
            .always(self._read_done)
            .run(on=queue_pool())
        )

    def _read_done(self) -> None:
        if self._again:
            self._again = False
            self._reading = None
            self.refresh()

    def _show(self, waiting: dict[str, int]) -> None:
        queues = queue.settings_of(self.ws).queues
        counts = {q.code: waiting.get(q.code, 0) for q in queues}
        # A queue removed from the settings with people still in it: they wait all the same.
        counts |= {code: n for code, n in waiting.items() if code not in counts}
        self.counts = counts
        names = {q.code: q.name for q in queues}
        # Short enough for the page's top line; the queues' names in the tooltip.
        self.setText(
            self.tr("当前等候：共 %1 人（%2）")
            .replace("%1", str(sum(counts.values())))
            .replace("%2", "，".join(f"{code} {n}" for code, n in counts.items()))
        )
        self.setToolTip(
            "\n".join(
                self.tr("%1 %2 人")
                .replace("%1", f"{code} {names[code]}" if code in names else code)
                .replace("%2", str(n))
                for code, n in counts.items()
            )
        )

    def _refused(self, error: HallDeskError) -> None:
        if isinstance(error, queue.QueueBusy) and self.counts is not None:
            return  # the shared file is busy with the windows' steps: the figure stands a second
        if isinstance(error, queue.QueueUnavailable):
            self._no_figure(
                self.tr("共享数据库连不上"),
                self.tr("共享数据库暂时无法连接，排队人数暂不可知") + "\n" + error.message,
            )
        else:
            self._no_figure(self.tr("未能读取"), error.message)

    def _no_figure(self, short: str, why: str) -> None:
        """ "—" and, short enough for the page's top line at 150 %, why; the whole reason in the
        tooltip."""
        self.counts = None
        self.setText(self.tr("当前等候：—（%1）").replace("%1", short))
        self.setToolTip(why)

    def close_link(self) -> None:
        """Closing: no more reads, the listener's thread ended, the connection closed."""
        self.watch.stop(wait_s=CLOSE_WAIT_S)
        self.link.close()
