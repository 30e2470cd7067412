"""会议 tab: a meeting recorded at the keyboard (several action items, who was expected), the
month's saved meetings with their correction records, the open action items, the month's
missing meetings. A saved meeting changes only by a correction with its reason."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
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

from hall_desk.domain.errors import NotFound
from hall_desk.domain.meetings import Attendance, MeetingKind
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import meetings
from hall_desk.services.meetings import ActionDraft, AttendeeEntry, MeetingDraft
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.models import ID_ROLE, Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.staff_forms import FormRows, combo, py_date, py_datetime, qdate, qdatetime
from hall_desk.ui.widgets import error_label, table_view
from hall_desk.ui.words import word

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
        lambda a: f"{a.held_on:%m-%d} " + word(a.meeting_kind.label),
    ),
]
MISSING_COLUMNS = [Column(QT_TRANSLATE_NOOP("RowsModel", "缺少的会议"), lambda m: m.text)]
MEETING_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "时间"), lambda m: f"{m.held_at:%m-%d %H:%M}"),
    Column(QT_TRANSLATE_NOOP("RowsModel", "会议"), lambda m: word(m.kind.label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "主持人"), lambda m: m.host_name),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "未出席"),
        lambda m: sum(1 for a in m.attendance if a.status != Attendance.PRESENT.value),
        align_right=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "更正"),
        lambda m: (
            QCoreApplication.translate("RowsModel", "更正 {n} 次").format(n=len(m.corrections))
            if m.corrections
            else ""
        ),
    ),
]


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
            combo("meetingKind", [(k.value, word(k.label)) for k in MeetingKind]),
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
        # Each person: expected or not (Space), how they took part, why or who came instead.
        self.attendance: dict[str, tuple[QComboBox, QLineEdit]] = {}
        self.expected: dict[str, QCheckBox] = {}
        statuses = [(a.value, word(a.label)) for a in Attendance]
        for n, p in enumerate(x for x in people if x.role in (Role.CLERK, Role.ROUTER)):
            expected = QCheckBox(p.display_name)
            expected.setObjectName(f"expected_{p.username}")
            expected.setChecked(True)
            expected.setAccessibleName(self.tr("{name} 应到").format(name=p.display_name))
            status = combo(f"attendance_{p.username}", statuses)
            status.setAccessibleName(self.tr("{name} 出席情况").format(name=p.display_name))
            why = QLineEdit()
            why.setObjectName(f"reason_{p.username}")
            why.setAccessibleName(self.tr("{name} 原因或代会人员").format(name=p.display_name))
            why.setPlaceholderText(self.tr("请假、缺席、迟到的原因；代会人员"))
            expected.toggled.connect(lambda on, ws_=(status, why): [w.setEnabled(on) for w in ws_])
            grid.addWidget(expected, n, 0)
            grid.addWidget(status, n, 1)
            grid.addWidget(why, n, 2)
            self.attendance[p.username] = (status, why)
            self.expected[p.username] = expected
        f.row("attendees", self.tr("出席："), box)
        self.topics = QPlainTextEdit()
        self.topics.setTabChangesFocus(True)
        self.topics.setMaximumHeight(70)
        f.row("topics", self.tr("会议内容(&N)："), self.topics)
        self.decisions = QPlainTextEdit()
        self.decisions.setTabChangesFocus(True)
        self.decisions.setMaximumHeight(60)
        f.row("decisions", self.tr("会议决定(&J)："), self.decisions)
        # Action items: one row each, another added with the button (or Ctrl+T).
        self.actions_box = QWidget()
        self.actions_layout = QVBoxLayout(self.actions_box)
        self.actions_layout.setContentsMargins(0, 0, 0, 0)
        self.action_rows_: list[tuple[QLineEdit, QComboBox, QDateEdit, QLabel]] = []
        self.add_action = QPushButton(self.tr("再加一项待办(&Z)"))
        self.add_action.setObjectName("addAction")
        self.add_action.setToolTip(self.tr("Ctrl+T"))
        self.actions_layout.addWidget(self.add_action)
        f.row("actions", self.tr("待办事项(&D)："), self.actions_box)
        self._add_action_row()
        self.late_reason = QLineEdit()
        self.late_reason.setPlaceholderText(self.tr("超过 3 天补录时填写"))
        f.row("late_reason", self.tr("补录原因："), self.late_reason)
        self.correction_reason = QLineEdit()
        self.correction_reason.setObjectName("correctionReason")
        self.correction_reason.setPlaceholderText(self.tr("更正已保存的会议记录时填写"))
        f.row("correction_reason", self.tr("更正理由(&Y)："), self.correction_reason)
        self.correcting: str = ""  # the id of the meeting being corrected, "" for a new one
        self._show_correction_row(False)
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
        self.cancel_correction = QPushButton(self.tr("放弃更正(&X)"))
        self.cancel_correction.setObjectName("cancelCorrection")
        self.cancel_correction.setVisible(False)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_correction)
        buttons.addWidget(self.save)
        left.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("meetingMessage")
        left.addWidget(self.message)
        left.addStretch(1)

        right = QVBoxLayout()
        outer.addLayout(right, 2)
        # The month's saved meetings: the chosen one's record, and its correction.
        month_line = QHBoxLayout()
        month_caption = QLabel(self.tr("会议记录(&R)："))
        self.list_month = QDateEdit(qdate(ws.today()))
        self.list_month.setObjectName("meetingMonth")
        self.list_month.setAccessibleName(self.tr("会议记录月份"))
        self.list_month.setDisplayFormat("yyyy-MM")
        month_line.addWidget(month_caption)
        month_line.addWidget(self.list_month)
        month_line.addStretch(1)
        right.addLayout(month_line)
        self.meeting_rows = RowsModel(MEETING_COLUMNS, lambda m: m.id, parent=self)
        self.meetings_view = table_view(self.meeting_rows, self.tr("会议记录"))
        self.meetings_view.setObjectName("meetingList")
        month_caption.setBuddy(self.meetings_view)
        right.addWidget(self.meetings_view, 2)
        self.meeting_text = QLabel()
        self.meeting_text.setObjectName("meetingDetail")
        self.meeting_text.setWordWrap(True)
        self.meeting_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right.addWidget(self.meeting_text)
        self.correct_button = QPushButton(self.tr("更正所选会议(&G)"))
        self.correct_button.setObjectName("correctMeeting")
        right.addWidget(self.correct_button)
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
        self.add_action.clicked.connect(self._add_action_row)
        self.correct_button.clicked.connect(self.start_correction)
        self.cancel_correction.clicked.connect(self.end_correction)
        self.list_month.dateChanged.connect(lambda _d: self._list_meetings())
        self.meetings_view.selectionModel().currentRowChanged.connect(
            lambda *_a: self._show_meeting()
        )
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        QShortcut(QKeySequence("Ctrl+T"), self, self._add_action_row)
        self.refresh()
        Follower(self, [Entity.STAFF, Entity.CALENDAR, Entity.SYNC], self.refresh)

    def draft(self) -> MeetingDraft:
        attendees = []
        for username, (status, why) in self.attendance.items():
            if not self.expected[username].isChecked():
                continue
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
        for n, (words, owner, deadline, _err) in enumerate(self.action_rows_, start=1):
            # An empty row at the end is no action item; one recorded already always is.
            if words.text().strip() or owner.currentData() or n <= self.kept_actions:
                actions.append(
                    ActionDraft(words.text(), str(owner.currentData() or ""), py_date(deadline))
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

    kept_actions = 0  # action items of the meeting being corrected (never dropped)

    def _add_action_row(self) -> QLineEdit:
        """Another action item row: text, owner, deadline, and its error beneath."""
        n = len(self.action_rows_) + 1
        line = QWidget()
        row = QHBoxLayout(line)
        row.setContentsMargins(0, 0, 0, 0)
        words = QLineEdit()
        words.setObjectName(f"actionText_{n}")
        words.setAccessibleName(self.tr("第 {n} 项待办事项").format(n=n))
        words.setPlaceholderText(self.tr("待办事项（可空）"))
        owner = combo(
            f"actionOwner_{n}",
            [("", self.tr("（负责人）"))] + [(p.username, p.display_name) for p in self.people],
        )
        owner.setAccessibleName(self.tr("第 {n} 项待办事项负责人").format(n=n))
        deadline = QDateEdit(qdate(self.ws.today()))
        deadline.setObjectName(f"actionDeadline_{n}")
        deadline.setAccessibleName(self.tr("第 {n} 项待办事项完成期限").format(n=n))
        deadline.setDisplayFormat("yyyy-MM-dd")
        row.addWidget(words, 3)
        row.addWidget(owner, 1)
        row.addWidget(deadline, 1)
        err = error_label(self)
        self.actions_layout.insertWidget(self.actions_layout.count() - 1, line)
        self.actions_layout.insertWidget(self.actions_layout.count() - 1, err)
        self.form.error_labels[f"actions.{n}"] = err
        self.form.inputs[f"actions.{n}"] = words
        self.action_rows_.append((words, owner, deadline, err))
        # Tab goes from the last row's deadline to the new row, then on to the button.
        previous = self.action_rows_[-2][2] if n > 1 else None
        if previous is not None:
            QWidget.setTabOrder(previous, words)
        QWidget.setTabOrder(words, owner)
        QWidget.setTabOrder(owner, deadline)
        QWidget.setTabOrder(deadline, self.add_action)
        if n > 1:
            words.setFocus()
        return words

    def _reset_actions(self, count: int = 1) -> None:
        while len(self.action_rows_) > count:
            words, owner, deadline, err = self.action_rows_.pop()
            n = len(self.action_rows_) + 1
            del self.form.error_labels[f"actions.{n}"]
            del self.form.inputs[f"actions.{n}"]
            holder = words.parentWidget()
            self.actions_layout.removeWidget(holder)
            self.actions_layout.removeWidget(err)
            holder.deleteLater()
            err.deleteLater()
        while len(self.action_rows_) < count:
            self._add_action_row()
        for words, owner, deadline, _err in self.action_rows_:
            words.clear()
            owner.setCurrentIndex(0)
            deadline.setDate(qdate(self.ws.today()))

    def submit(self) -> Op[str]:
        ws, actor, draft = self.ws, self.actor, self.draft()
        meeting_id, why = self.correcting, self.correction_reason.text()
        if meeting_id:
            work = lambda: meetings.correct(ws, actor, meeting_id, draft, why)  # noqa: E731
        else:
            work = lambda: meetings.record(ws, actor, draft)  # noqa: E731
        return (
            Op(self, work, touches=[Entity.STAFF])
            .busy(self.save)
            .fields(self.errors, self.form.inputs)
            .success(self._saved)
            .run()
        )

    def _saved(self, _id: str) -> None:
        kind = word(MeetingKind(str(self.kind.currentData())).label)
        if self.correcting:
            self.message.setText(self.tr("✓ 已更正{kind}记录，更正记录已留存").format(kind=kind))
        else:
            self.message.setText(self.tr("✓ 已保存{kind}记录").format(kind=kind))
        self.end_correction(keep_message=True)

    def _clear_form(self) -> None:
        self.topics.clear()
        self.decisions.clear()
        self.late_reason.clear()
        self.correction_reason.clear()
        self.kept_actions = 0
        self._reset_actions()
        for username, (status, why) in self.attendance.items():
            self.expected[username].setChecked(True)
            status.setCurrentIndex(0)
            why.clear()

    def _show_correction_row(self, on: bool) -> None:
        for widget in (
            self.correction_reason,
            self.form.layout_.labelForField(self.correction_reason),
        ):
            if widget is not None:
                widget.setVisible(on)

    # -- saved meetings and their correction -----------------------------------------------------
    def _chosen_meeting(self) -> Any:
        index = self.meetings_view.currentIndex()
        return self.meeting_rows.row_at(index.row()) if index.isValid() else None

    def _list_meetings(self) -> None:
        chosen = self._chosen_meeting()
        d = self.list_month.date()
        first = date(d.year(), d.month(), 1)
        last = date.fromordinal(
            (date(d.year() + (d.month() == 12), d.month() % 12 + 1, 1)).toordinal() - 1
        )
        views = meetings.meetings_between(self.ws, first, last)
        self.meeting_rows.set_rows(views)
        for row, view in enumerate(views):
            if chosen is not None and view.id == chosen.id:
                self.meetings_view.selectRow(row)
        self._show_meeting()

    def _show_meeting(self) -> None:
        view = self._chosen_meeting()
        self.correct_button.setEnabled(view is not None)
        if view is None:
            self.meeting_text.setText(self.tr("（选择一次会议查看记录）"))
            return
        parts = [
            f"{view.held_at:%Y-%m-%d %H:%M} {word(view.kind.label)}　"
            + self.tr("主持人：{host}").format(host=view.host_name),
            self.tr("出席：{who}").format(who=view.attendance_text),
            self.tr("会议内容：{text}").format(text=view.topics),
        ]
        if view.decisions:
            parts.append(self.tr("会议决定：{text}").format(text=view.decisions))
        for a in view.actions:
            done = self.tr("（已完成）") if a.done_on else ""
            parts.append(
                self.tr("待办：{text}（{owner}，{deadline} 前）").format(
                    text=a.text, owner=a.owner_name, deadline=a.deadline
                )
                + done
            )
        for c in view.corrections:
            parts.append(
                self.tr("更正 {on}（{by}）：{reason}\n　原：{before}\n　改为：{after}").format(
                    on=c.on,
                    by=c.by,
                    reason=c.reason,
                    before=c.before.replace("\n", "；"),
                    after=c.after.replace("\n", "；"),
                )
            )
        self.meeting_text.setText("\n".join(parts))

    def show_meeting(self, meeting_id: str) -> bool:
        """Selects a meeting in the list (its month shown first): the evidence of a sheet."""
        try:
            view = meetings.meeting(self.ws, meeting_id)
        except NotFound:
            return False
        self.list_month.setDate(qdate(view.held_at.date()))
        self._list_meetings()
        for row, shown in enumerate(self.meeting_rows.rows):
            if shown.id == meeting_id:
                self.meetings_view.selectRow(row)
                self.meetings_view.setFocus()
                return True
        return False

    def start_correction(self) -> None:
        """Loads the chosen meeting into the form: the changes and a reason make a correction."""
        view = self._chosen_meeting()
        if view is None:
            return
        self._clear_form()
        self.correcting = view.id
        self.kind.setCurrentIndex(self.kind.findData(view.kind.value))
        self.held_at.setDateTime(qdatetime(view.held_at.astimezone()))
        self.host.setCurrentIndex(max(0, self.host.findData(view.host)))
        self.topics.setPlainText(view.topics)
        self.decisions.setPlainText(view.decisions)
        took_part = {a.username: a for a in view.attendance}
        for username, (status, why) in self.attendance.items():
            entry = took_part.get(username)
            self.expected[username].setChecked(entry is not None)
            if entry is not None:
                status.setCurrentIndex(max(0, status.findData(entry.status)))
                why.setText(entry.substitute or entry.reason)
        self._reset_actions(max(1, len(view.actions)))
        for (words, owner, deadline, _err), action in zip(
            self.action_rows_, view.actions, strict=False
        ):
            words.setText(action.text)
            owner.setCurrentIndex(max(0, owner.findData(action.owner)))
            deadline.setDate(qdate(action.deadline))
        self.kept_actions = len(view.actions)
        self._show_correction_row(True)
        self.cancel_correction.setVisible(True)
        self.save.setText(self.tr("保存更正(&S)"))
        self.message.setText(
            self.tr("正在更正 {day} 的{kind}记录：改好后写明更正理由再保存").format(
                day=f"{view.held_at:%Y-%m-%d}", kind=word(view.kind.label)
            )
        )
        self.correction_reason.setFocus()

    def end_correction(self, keep_message: bool = False) -> None:
        self.correcting = ""
        self._clear_form()
        self._show_correction_row(False)
        self.cancel_correction.setVisible(False)
        self.save.setText(self.tr("保存会议记录(&S)"))
        self.errors.clear()
        if not keep_message:
            self.message.clear()
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
        self._list_meetings()
        self.action_rows.set_rows(meetings.actions(self.ws))
        today = self.ws.today()
        first = today.replace(day=1)
        through = date.fromordinal(today.toordinal() - 1)
        self.missing.set_rows(meetings.missing(self.ws, first, through) if through >= first else [])
