"""Sync in the window: the status-bar line, 立即同步 with a progress bar, the nightly timer,
the catch-up at start-up, and the team lead's list of sync conflicts."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services.workstation import Workstation
from hall_desk.sync.conflicts import (
    Conflict,
    RevealedValues,
    list_conflicts,
    resolve_conflict,
    reveal_values,
)
from hall_desk.sync.run import SyncProgress, SyncReport, sync_once
from hall_desk.sync.schedule import next_scheduled
from hall_desk.sync.status import sync_status
from hall_desk.ui.background import BackgroundTask
from hall_desk.ui.changes import EVERYTHING, Entity, Follower, announce
from hall_desk.ui.models import Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.sync_summary import summary as sync_summary
from hall_desk.ui.widgets import ElidedLabel, error_label, set_role, table_view

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


CONFLICT_COLUMNS: list[Column[Conflict]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "受理编号"), lambda c: c.case_no or "—"),
    Column(QT_TRANSLATE_NOOP("RowsModel", "事项"), lambda c: c.subject),
    Column(QT_TRANSLATE_NOOP("RowsModel", "冲突"), lambda c: c.summary),
    Column(QT_TRANSLATE_NOOP("RowsModel", "处理"), lambda c: c.note),
]
SUMMARY_COLUMN = 2


class ConflictsDialog(QDialog):
    """Steps or applicant details from two workstations that cannot both stand: the lead
    settles them. For an applicant's field both values show masked; 查看完整值 reveals them
    through the audited unmask, and the lead picks the one to keep."""

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.setWindowTitle(self.tr("同步冲突"))
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "以下办件在不同工作站上被同时办理了不能同时成立的步骤，或申请人信息被两个窗口"
                    "在互不知情时改成了不同的值。请核实后写明处理结果；申请人信息须选定保留哪一个值。"
                )
            )
        )
        self.model = RowsModel(CONFLICT_COLUMNS, lambda c: c.event_id, parent=self)
        # Short columns as wide as their text; the long 冲突 summary takes the rest of the
        # width and wraps, its row growing to show it whole (no sideways scrolling).
        self.table = table_view(self.model, self.tr("同步冲突"))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SUMMARY_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("没有待处理的冲突"))
        self.empty.setObjectName("noConflicts")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)
        values = QHBoxLayout()
        keep_caption = QLabel(self.tr("保留(&K)："))
        self.keep = QComboBox()
        self.keep.setObjectName("conflictKeep")
        self.keep.setAccessibleName(self.tr("保留哪一个值"))
        keep_caption.setBuddy(self.keep)
        self.reveal_button = QPushButton(self.tr("查看完整值(&V)"))
        self.reveal_button.setObjectName("revealConflictButton")
        self.reveal_button.setVisible(actor.may(Permission.UNMASK))
        self.reveal_button.clicked.connect(lambda: self.reveal_selected())
        self.revealed = QLabel()
        self.revealed.setObjectName("conflictValues")
        values.addWidget(keep_caption)
        values.addWidget(self.keep, 1)
        values.addWidget(self.reveal_button)
        self.keep_row = [keep_caption, self.keep, self.reveal_button]
        layout.addLayout(values)
        layout.addWidget(self.revealed)
        row = QHBoxLayout()
        caption = QLabel(self.tr("处理结果(&N)："))
        self.note = QLineEdit()
        self.note.setObjectName("conflictNote")
        self.note.setAccessibleName(self.tr("处理结果"))
        caption.setBuddy(self.note)
        resolve = QPushButton(self.tr("标记为已处理(&R)"))
        resolve.setObjectName("resolveConflictButton")
        resolve.clicked.connect(lambda: self.resolve_selected())
        self.resolve_button = resolve
        row.addWidget(caption)
        row.addWidget(self.note, 1)
        row.addWidget(resolve)
        layout.addLayout(row)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.reload()
        # A sync that brings or settles conflicts shows here while the dialog is open.
        Follower(self, [Entity.CASE, Entity.SYNC], self.reload)

    def reload(self) -> None:
        self.model.set_rows(list_conflicts(self.ws, self.actor))
        some = self.model.rowCount() > 0
        # An empty table says nothing: the words say there is nothing to do.
        self.table.setVisible(some)
        self.empty.setVisible(not some)
        self.note.setEnabled(some)
        self.resolve_button.setEnabled(some)
        # A reset model keeps no current row: select one again, and say what it offers.
        if some:
            self.table.selectRow(0)
        self._selected()

    def _current(self) -> Conflict | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _selected(self) -> None:
        conflict = self._current()
        self.keep.clear()
        self.revealed.clear()
        choices = conflict.choices() if conflict is not None else []
        for event_id, words in choices:
            self.keep.addItem(words, event_id)
        for widget in self.keep_row:
            widget.setEnabled(bool(choices))
        self.reveal_button.setVisible(self.actor.may(Permission.UNMASK))

    def reveal_selected(self) -> Op[RevealedValues] | None:
        conflict = self._current()
        if conflict is None or not conflict.field:
            self._say("⚠ " + self.tr("请先选择一条申请人信息冲突"))
            return None
        ws, actor = self.ws, self.actor

        def shown(full: RevealedValues) -> None:
            self.revealed.setText(full.words(conflict))

        return (
            Op(self, lambda: reveal_values(ws, actor, conflict.event_id))
            .busy(self.reveal_button)
            .refused(lambda exc: self._say(f"⚠ {exc.message}"))
            .success(shown)
            .run()
        )

    def resolve_selected(self) -> Op[Conflict] | None:
        index = self.table.currentIndex()
        if not index.isValid():
            self._say("⚠ " + self.tr("请先选择一条冲突"))
            return None
        ws, actor = self.ws, self.actor
        event_id, note = self.model.row_at(index.row()).event_id, self.note.text()
        keep = str(self.keep.currentData() or "")
        return (
            Op(
                self,
                lambda: resolve_conflict(ws, actor, event_id, note, keep=keep),
                touches=[Entity.CASE],
            )
            .busy(self.resolve_button)
            .refused(lambda exc: self._say(f"⚠ {exc.message}"))
            .success(lambda _done: self._resolved())
            .run()
        )

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def _resolved(self) -> None:
        # The list itself is reloaded by the change announcement.
        self.error.setVisible(False)
        self.note.clear()
