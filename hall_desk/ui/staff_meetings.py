"""会议 tab: a meeting recorded at the keyboard, the open action items, the month's missing
meetings."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.meetings import Attendance, MeetingKind
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import meetings
from hall_desk.services.meetings import ActionDraft, AttendeeEntry, MeetingDraft
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.models import ID_ROLE, Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.staff_forms import FormRows, combo, py_date, py_datetime, qdate, qdatetime
from hall_desk.ui.widgets import table_view

ACTION_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "期限"), lambda a: a.deadline),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "逾期"),
        lambda a: QCoreApplication.translate("RowsModel", "⚠ 已逾期") if a.overdue else "",
    ),
    Column(QT_TRANSLATE_NOOP("RowsModel", "负责人"), lambda a: a.owner_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "事项"), lambda a: a.text),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "会议"),
        lambda a: f"{a.held_on:%m-%d} " + a.meeting_kind.label,
    ),
]
MISSING_COLUMNS = [Column(QT_TRANSLATE_NOOP("RowsModel", "缺少的会议"), lambda m: m.text)]


class MeetingTab(QWidget):
    def __init__(self, ws: Workstation, actor: Actor, people: list[Any]) -> None:
        super().__init__()
        self.ws, self.actor, self.people = ws, actor, people
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 3)
        self.form = FormRows()
        f = self.form
        self.kind = f.row(
            "kind",
            self.tr("会议类型(&Q)："),
            combo("meetingKind", [(k.value, k.label) for k in MeetingKind]),
        )
        self.held_at = QDateTimeEdit(qdatetime(ws.now()))
        self.held_at.setObjectName("meetingHeldAt")
        self.held_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        f.row("held_at", self.tr("会议时间(&W)："), self.held_at)
        self.host = combo("meetingHost", [(p.username, p.display_name) for p in people])
        if actor.username in [p.username for p in people]:
            self.host.setCurrentIndex([p.username for p in people].index(actor.username))
        f.row("host", self.tr("主持人(&H)："), self.host)
        box = QGroupBox(self.tr("应到人员与出席情况"))
        grid = QGridLayout(box)
        self.attendance: dict[str, tuple[QComboBox, QLineEdit]] = {}
        statuses = [(a.value, a.label) for a in Attendance]
        for n, p in enumerate(x for x in people if x.role in (Role.CLERK, Role.ROUTER)):
            status = combo(f"attendance_{p.username}", statuses)
            status.setAccessibleName(self.tr("{name} 出席情况").format(name=p.display_name))
            why = QLineEdit()
            why.setObjectName(f"reason_{p.username}")
            why.setAccessibleName(self.tr("{name} 原因或代会人员").format(name=p.display_name))
            why.setPlaceholderText(self.tr("请假、缺席、迟到的原因；代会人员"))
            name = QLabel(p.display_name)
            name.setBuddy(status)
            grid.addWidget(name, n, 0)
            grid.addWidget(status, n, 1)
            grid.addWidget(why, n, 2)
            self.attendance[p.username] = (status, why)
        f.row("attendees", self.tr("出席："), box)
        self.topics = QPlainTextEdit()
        self.topics.setTabChangesFocus(True)
        self.topics.setMaximumHeight(70)
        f.row("topics", self.tr("会议内容(&N)："), self.topics)
        self.decisions = QPlainTextEdit()
        self.decisions.setTabChangesFocus(True)
        self.decisions.setMaximumHeight(60)
        f.row("decisions", self.tr("会议决定(&J)："), self.decisions)
        action = QWidget()
        line = QHBoxLayout(action)
        line.setContentsMargins(0, 0, 0, 0)
        self.action_text = QLineEdit()
        self.action_text.setObjectName("actionText")
        self.action_text.setAccessibleName(self.tr("待办事项"))
        self.action_text.setPlaceholderText(self.tr("待办事项（可空）"))
        self.action_owner = combo(
            "actionOwner",
            [("", self.tr("（负责人）"))] + [(p.username, p.display_name) for p in people],
        )
        self.action_owner.setAccessibleName(self.tr("待办事项负责人"))
        self.action_deadline = QDateEdit(qdate(ws.today()))
        self.action_deadline.setObjectName("actionDeadline")
        self.action_deadline.setAccessibleName(self.tr("待办事项完成期限"))
        self.action_deadline.setDisplayFormat("yyyy-MM-dd")
        line.addWidget(self.action_text, 3)
        line.addWidget(self.action_owner, 1)
        line.addWidget(self.action_deadline, 1)
        f.row("actions.1", self.tr("待办事项(&D)："), action)
        self.late_reason = QLineEdit()
        self.late_reason.setPlaceholderText(self.tr("超过 3 天补录时填写"))
        f.row("late_reason", self.tr("补录原因："), self.late_reason)
        # A refusal about the n-th attendee shows beside the attendance box, its input focused.
        for n, (status, _why) in enumerate(self.attendance.values(), start=1):
            f.error_labels[f"attendees.{n}"] = f.error_labels["attendees"]
            f.inputs[f"attendees.{n}"] = status
        self.errors = f.errors()
        left.addWidget(f)
        buttons = QHBoxLayout()
        self.save = QPushButton(self.tr("保存会议记录(&S)"))
        self.save.setObjectName("saveMeeting")
        self.save.setToolTip(self.tr("Ctrl+Enter"))
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        left.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("meetingMessage")
        left.addWidget(self.message)
        left.addStretch(1)

        right = QVBoxLayout()
        outer.addLayout(right, 2)
        self.action_rows = RowsModel(ACTION_COLUMNS, lambda a: a.id, parent=self)
        self.actions_view = table_view(self.action_rows, self.tr("未完成的待办事项"))
        self.actions_view.setObjectName("openActions")
        caption = QLabel(self.tr("未完成的待办事项(&A)"))
        caption.setBuddy(self.actions_view)
        right.addWidget(caption)
        right.addWidget(self.actions_view, 2)
        self.done = QPushButton(self.tr("标记完成(&F)"))
        self.done.setObjectName("actionDone")
        right.addWidget(self.done)
        self.missing = RowsModel(MISSING_COLUMNS, lambda m: f"{m.kind}:{m.day}", parent=self)
        self.missing_view = table_view(self.missing, self.tr("本月缺少的会议"))
        self.missing_view.setObjectName("missingMeetings")
        right.addWidget(QLabel(self.tr("本月缺少的会议记录")))
        right.addWidget(self.missing_view, 1)

        self.save.clicked.connect(self.submit)
        self.done.clicked.connect(self.mark_done)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        self.refresh()
        Follower(self, [Entity.STAFF, Entity.CALENDAR, Entity.SYNC], self.refresh)

    def draft(self) -> MeetingDraft:
        attendees = []
        for username, (status, why) in self.attendance.items():
            value = str(status.currentData())
            text = why.text()
            attendees.append(
                AttendeeEntry(
                    username,
                    value,
                    reason="" if value == Attendance.SUBSTITUTE else text,
                    substitute=text if value == Attendance.SUBSTITUTE else "",
                )
            )
        actions = []
        if self.action_text.text().strip() or self.action_owner.currentData():
            actions.append(
                ActionDraft(
                    self.action_text.text(),
                    str(self.action_owner.currentData() or ""),
                    py_date(self.action_deadline),
                )
            )
        return MeetingDraft(
            kind=str(self.kind.currentData()),
            held_at=py_datetime(self.held_at),
            host=str(self.host.currentData() or ""),
            attendees=attendees,
            topics=self.topics.toPlainText(),
            decisions=self.decisions.toPlainText(),
            actions=actions,
            late_reason=self.late_reason.text(),
        )

    def submit(self) -> Op[str]:
        ws, actor, draft = self.ws, self.actor, self.draft()
        return (
            Op(self, lambda: meetings.record(ws, actor, draft), touches=[Entity.STAFF])
            .busy(self.save)
            .fields(self.errors, self.form.inputs)
            .success(self._saved)
            .run()
        )

    def _saved(self, _meeting_id: str) -> None:
        kind = MeetingKind(str(self.kind.currentData())).label
        self.message.setText(self.tr("✓ 已保存{kind}记录").format(kind=kind))
        self.topics.clear()
        self.decisions.clear()
        self.action_text.clear()
        self.action_owner.setCurrentIndex(0)
        self.late_reason.clear()
        for status, why in self.attendance.values():
            status.setCurrentIndex(0)
            why.clear()
        self.kind.setFocus()

    def mark_done(self) -> Op[None] | None:
        index = self.actions_view.currentIndex()
        if not index.isValid():
            self.message.setText(self.tr("⚠ 请先在右侧选择一项待办事项"))
            return None
        action_id = str(self.action_rows.data(index, ID_ROLE))
        ws, actor, done_note = self.ws, self.actor, self.tr("已完成")
        return (
            Op(
                self,
                lambda: meetings.mark_action_done(ws, actor, action_id, done_note),
                touches=[Entity.STAFF],
            )
            .busy(self.done)
            .refused(lambda exc: self.message.setText(f"⚠ {exc.message}"))
            .success(lambda _r: self.message.setText(self.tr("✓ 待办事项已标记完成")))
            .run()
        )

    def refresh(self) -> None:
        self.action_rows.set_rows(meetings.actions(self.ws))
        today = self.ws.today()
        first = today.replace(day=1)
        through = date.fromordinal(today.toordinal() - 1)
        self.missing.set_rows(meetings.missing(self.ws, first, through) if through >= first else [])
