"""Sync in the window: the status-bar line, 立即同步 with a progress bar, the nightly timer,
and the catch-up at start-up (the conflicts are ui/sync_conflicts.py).

The status bar is on screen at every start: it imports the sync's status only; the sync engine
(the pull, the validation of every event kind) is imported when a sync runs."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor
from hall_desk.services.workstation import Workstation
from hall_desk.sync.schedule import next_scheduled
from hall_desk.sync.status import sync_status
from hall_desk.ui.background import BackgroundTask
from hall_desk.ui.changes import EVERYTHING, announce
from hall_desk.ui.sync_summary import summary as sync_summary
from hall_desk.ui.widgets import ElidedLabel, set_role

if TYPE_CHECKING:
    from hall_desk.sync.run import SyncProgress, SyncReport

CHECK_MS = 60_000
LEVEL_MARK = {"ok": "", "warning": "⚠ ", "error": "✖ "}


class SyncPanel(QObject):
    """Owns the status-bar widgets; one sync at a time, always off the GUI thread."""

    finished = Signal(object)  # SyncReport
    failed = Signal(str)

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.task: BackgroundTask | None = None
        # Whole whenever the status bar has the room; on a narrower window it ends in "…"
        # rather than widening the window past the screen (the tooltip has it all).
        self.label = ElidedLabel()
        self.label.setObjectName("status_sync")
        self.button = QPushButton(self.tr("立即同步"))
        self.button.setObjectName("syncNowButton")
        self.button.setAccessibleName(self.tr("立即同步"))
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setMaximumWidth(180)
        self.progress.setVisible(False)
        self.button.clicked.connect(self.sync_now)
        # Checked every minute: the nightly run fires when its time has come and gone.
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.tick)
        self.next_run = self._next_run()
        self.timer.start()
        # Not refreshed here: the status bar that owns the panel refreshes it once it is placed
        # (counting the unsent events twice at start-up grew with a never-synced home).

    def widgets(self) -> list[QWidget]:
        return [self.label, self.progress, self.button]

    def _next_run(self) -> datetime | None:
        try:
            # Wall-clock local time, as the admin typed the nightly time.
            return next_scheduled(self.ws.config.sync_time, self.ws.now().replace(tzinfo=None))
        except HallDeskError:
            return None

    def refresh(self) -> str:
        status = sync_status(self.ws)
        text = LEVEL_MARK[status.level] + self.tr("同步：") + sync_summary(status)
        self.label.setText(text)
        self.label.setToolTip("\n".join(status.lines()))
        set_role(
            self.label, {"ok": "", "warning": "nearDeadline", "error": "overdue"}[status.level]
        )
        self.button.setEnabled(status.configured and self.task is None)
        return text

    def catch_up_at_startup(self) -> bool:
        """Last night's sync was missed (the program was closed): run it now."""
        from hall_desk.sync.status import due_at_startup

        if self.ws.config.shared_url and due_at_startup(self.ws):
            return self.sync_now()
        return False

    def tick(self) -> None:
        now = self.ws.now().replace(tzinfo=None)
        if self.next_run is not None and now >= self.next_run.replace(tzinfo=None):
            self.next_run = self._next_run()
            if self.ws.config.shared_url:
                self.sync_now()
                return
        self.refresh()

    def sync_now(self) -> bool:
        if self.task is not None or not self.ws.config.shared_url:
            return False
        from hall_desk.sync.run import sync_once

        ws, actor = self.ws, self.actor

        def work(report):  # type: ignore[no-untyped-def]
            def on_progress(p: SyncProgress) -> None:
                report(p.done, p.total, p.text)

            return sync_once(ws, actor, progress=on_progress)

        self.task = BackgroundTask(work, self)
        self.task.progress.connect(self._on_progress)
        self.task.finished.connect(self._on_finished)
        self.task.failed.connect(self._on_failed)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.button.setEnabled(False)
        self.label.setText(self.tr("同步：正在同步…"))
        self.task.start()
        return True

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.progress.setFormat(text)
        self.label.setText(self.tr("同步：{step}").format(step=text))

    def _done(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.refresh()

    def _on_finished(self, report: SyncReport) -> None:
        self._done()
        # A pull may bring any kind of record from the other windows: every open view refreshes.
        announce(EVERYTHING)
        self.finished.emit(report)

    def _on_failed(self, message: str, trace: str) -> None:
        if trace:
            from hall_desk.ui.errors import log

            log.error("sync failed\n%s", trace)
        self._done()
        self.label.setText("✖ " + self.tr("同步失败：{reason}").format(reason=message))
        set_role(self.label, "overdue")
        self.failed.emit(message)
