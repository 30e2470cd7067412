"""人员与巡查: the team lead's meetings, inspections and monthly evaluations.

Three tabs, each a keyboard-first form over one service call (Ctrl+Enter saves) and the list it
feeds: 会议 with the open action items and the month's missing meetings; 巡查 over the hall's
checklist with the findings and each person's escalation; 绩效考评 with the month's sheets by
rank, the lines of the chosen sheet, a manual adjustment (or a 复核 once published), 审核,
发布 and the two printouts.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.evaluation import BONUS_ITEM, EvidenceKind
from hall_desk.domain.inspections import Severity
from hall_desk.domain.meetings import Attendance, MeetingKind
from hall_desk.domain.roles import Actor, Permission, Role
from hall_desk.services import evaluations, inspections, meetings
from hall_desk.services.inspections import CheckEntry, InspectionDraft
from hall_desk.services.meetings import ActionDraft, AttendeeEntry, MeetingDraft
from hall_desk.services.staff_common import people as staff_people
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.models import ID_ROLE, Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.printing import PdfPreviewDialog
from hall_desk.ui.widgets import FieldErrors, error_label, set_role, table_view


def _combo(name: str, options: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for value, text in options:
        box.addItem(text, value)
    return box


def _py_date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _py_datetime(edit: QDateTimeEdit) -> datetime:
    return edit.dateTime().toPython().astimezone()  # type: ignore[no-any-return, union-attr]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _qdatetime(at: datetime) -> QDateTime:
    return QDateTime(_qdate(at.date()), at.time().replace(second=0, microsecond=0))  # type: ignore[call-overload]


class _Form(QWidget):
    """Rows of label, input and the error beside it; FieldErrors maps service fields to them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.error_labels: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}

    def row(self, field: str, label: str, widget: QWidget) -> QWidget:
        if not widget.objectName():
            widget.setObjectName(field)
        widget.setAccessibleName(label.split("(")[0].rstrip("：:"))
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.layout_.addRow(caption, widget)
        err = error_label(self)
        self.layout_.addRow("", err)
        self.error_labels[field] = err
        self.inputs[field] = widget
        return widget

    def errors(self) -> FieldErrors:
        fallback = error_label(self)
        self.layout_.addRow("", fallback)
        return FieldErrors(self.error_labels, fallback, self)


# --- 会议 ---------------------------------------------------------------------------------------

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
        self.form = _Form()
        f = self.form
        self.kind = f.row(
            "kind",
            self.tr("会议类型(&Q)："),
            _combo("meetingKind", [(k.value, k.label) for k in MeetingKind]),
        )
        self.held_at = QDateTimeEdit(_qdatetime(ws.now()))
        self.held_at.setObjectName("meetingHeldAt")
        self.held_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        f.row("held_at", self.tr("会议时间(&W)："), self.held_at)
        self.host = _combo("meetingHost", [(p.username, p.display_name) for p in people])
        if actor.username in [p.username for p in people]:
            self.host.setCurrentIndex([p.username for p in people].index(actor.username))
        f.row("host", self.tr("主持人(&H)："), self.host)
        box = QGroupBox(self.tr("应到人员与出席情况"))
        grid = QGridLayout(box)
        self.attendance: dict[str, tuple[QComboBox, QLineEdit]] = {}
        statuses = [(a.value, a.label) for a in Attendance]
        for n, p in enumerate(x for x in people if x.role in (Role.CLERK, Role.ROUTER)):
            status = _combo(f"attendance_{p.username}", statuses)
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
        self.action_owner = _combo(
            "actionOwner",
            [("", self.tr("（负责人）"))] + [(p.username, p.display_name) for p in people],
        )
        self.action_owner.setAccessibleName(self.tr("待办事项负责人"))
        self.action_deadline = QDateEdit(_qdate(ws.today()))
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
                    _py_date(self.action_deadline),
                )
            )
        return MeetingDraft(
            kind=str(self.kind.currentData()),
            held_at=_py_datetime(self.held_at),
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


# --- 巡查 ---------------------------------------------------------------------------------------

FINDING_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "日期"), lambda f: f.found_on),
    Column(QT_TRANSLATE_NOOP("RowsModel", "人员/窗口"), lambda f: f.staff_name or f.window),
    Column(QT_TRANSLATE_NOOP("RowsModel", "类别"), lambda f: f.category.label),
    Column(QT_TRANSLATE_NOOP("RowsModel", "问题"), lambda f: f.item),
    Column(QT_TRANSLATE_NOOP("RowsModel", "严重程度"), lambda f: f.severity.label),
    Column(QT_TRANSLATE_NOOP("RowsModel", "整改期限"), lambda f: f.fix_deadline),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "状态"),
        lambda f: (
            (QCoreApplication.translate("RowsModel", "⚠ 逾期 ") if f.overdue else "")
            + f.state.label
        ),
    ),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "30 天内"),
        lambda f: f.escalation.label if f.escalation else "",
    ),
]


class InspectionTab(QWidget):
    def __init__(self, ws: Workstation, actor: Actor, people: list[Any]) -> None:
        super().__init__()
        self.ws, self.actor, self.people = ws, actor, people
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 3)
        self.form = _Form()
        f = self.form
        self.at = QDateTimeEdit(_qdatetime(ws.now()))
        self.at.setObjectName("inspectedAt")
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        f.row("inspected_at", self.tr("巡查时间(&W)："), self.at)
        leads = [p for p in people if p.role in (Role.LEAD, Role.ADMIN)] or people
        self.inspector = _combo("inspector", [(p.username, p.display_name) for p in leads])
        if actor.username in [p.username for p in leads]:
            self.inspector.setCurrentIndex([p.username for p in leads].index(actor.username))
        f.row("inspectors", self.tr("巡查人员(&R)："), self.inspector)
        self.area = QLineEdit()
        self.area.setPlaceholderText(self.tr("如：综合受理区、等候区"))
        f.row("area", self.tr("巡查区域(&E)："), self.area)
        self.window_edit = QLineEdit()
        self.window_edit.setPlaceholderText(self.tr("如：综合窗口3（可空）"))
        f.row("window", self.tr("窗口："), self.window_edit)
        self.late_reason = QLineEdit()
        self.late_reason.setPlaceholderText(self.tr("超过 3 天补录时填写"))
        f.row("late_reason", self.tr("补录原因："), self.late_reason)
        left.addWidget(f)
        self.items: list[
            tuple[CheckEntry, QCheckBox, QComboBox, QComboBox, QDateEdit, QLineEdit, QLabel]
        ] = []
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self._build_checks()
        left.addWidget(self.scroll, 1)
        self.errors = f.errors()
        buttons = QHBoxLayout()
        self.save = QPushButton(self.tr("保存巡查记录(&S)"))
        self.save.setObjectName("saveInspection")
        self.save.setToolTip(self.tr("Ctrl+Enter"))
        self.checklist_button = QPushButton(self.tr("巡查清单(&L)…"))
        self.checklist_button.setObjectName("editChecklist")
        self.checklist_button.clicked.connect(self.edit_checklist)
        buttons.addWidget(self.checklist_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        left.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("inspectionMessage")
        left.addWidget(self.message)

        right = QVBoxLayout()
        outer.addLayout(right, 2)
        self.findings = RowsModel(FINDING_COLUMNS, lambda f: f.id, parent=self)
        self.findings_view = table_view(self.findings, self.tr("巡查问题"))
        self.findings_view.setObjectName("findings")
        caption = QLabel(self.tr("未复查通过的问题(&P)"))
        caption.setBuddy(self.findings_view)
        right.addWidget(caption)
        right.addWidget(self.findings_view, 1)
        fix_line = QHBoxLayout()
        self.fix = QLineEdit()
        self.fix.setObjectName("fixText")
        self.fix.setAccessibleName(self.tr("整改情况或复查意见"))
        self.fix.setPlaceholderText(self.tr("整改情况 / 复查意见"))
        fix_line.addWidget(self.fix, 1)
        self.fix_button = QPushButton(self.tr("登记整改(&G)"))
        self.fix_button.setObjectName("recordFix")
        self.pass_button = QPushButton(self.tr("复查通过(&O)"))
        self.pass_button.setObjectName("recheckPassed")
        fix_line.addWidget(self.fix_button)
        fix_line.addWidget(self.pass_button)
        right.addLayout(fix_line)

        self.save.clicked.connect(self.submit)
        self.fix_button.clicked.connect(self.record_fix)
        self.pass_button.clicked.connect(self.recheck)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        self.refresh()
        Follower(self, [Entity.STAFF, Entity.SYNC], self.refresh)

    def _build_checks(self) -> None:
        """The checklist: each item passes unless unticked; a fail asks who, how serious, by
        when. Built again when the hall changes its checklist."""
        f, ws = self.form, self.ws
        for key in [k for k in f.error_labels if k.startswith("items.")]:
            del f.error_labels[key]
            del f.inputs[key]
        self.items.clear()
        checks = QWidget()
        grid = QGridLayout(checks)
        row = 0
        staff = [("", self.tr("（人员）"))] + [(p.username, p.display_name) for p in self.people]
        for group, names in inspections.checklist(ws).items():
            heading = QLabel(group.label)
            set_role(heading, "sectionTitle")
            grid.addWidget(heading, row, 0, 1, 5)
            row += 1
            for name in names:
                n = len(self.items) + 1
                passed = QCheckBox(name)
                passed.setObjectName(f"check_{n}")
                passed.setChecked(True)
                passed.setAccessibleName(self.tr("{item} 合格").format(item=name))
                who = _combo(f"who_{n}", staff)
                who.setAccessibleName(self.tr("{item} 涉及人员").format(item=name))
                severity = _combo(
                    f"severity_{n}",
                    [("", self.tr("（严重程度）"))] + [(s.value, s.label) for s in Severity],
                )
                severity.setAccessibleName(self.tr("{item} 严重程度").format(item=name))
                deadline = QDateEdit(_qdate(ws.today()))
                deadline.setObjectName(f"deadline_{n}")
                deadline.setDisplayFormat("yyyy-MM-dd")
                deadline.setAccessibleName(self.tr("{item} 整改期限").format(item=name))
                note = QLineEdit()
                note.setObjectName(f"note_{n}")
                note.setAccessibleName(self.tr("{item} 说明").format(item=name))
                note.setPlaceholderText(self.tr("说明"))
                err = error_label(self)
                for w in (who, severity, deadline, note):
                    w.setEnabled(False)
                passed.toggled.connect(
                    lambda ok, ws_=(who, severity, deadline, note): [
                        w.setEnabled(not ok) for w in ws_
                    ]
                )
                grid.addWidget(passed, row, 0)
                grid.addWidget(who, row, 1)
                grid.addWidget(severity, row, 2)
                grid.addWidget(deadline, row, 3)
                grid.addWidget(note, row, 4)
                grid.addWidget(err, row + 1, 0, 1, 5)
                f.error_labels[f"items.{n}"] = err
                f.inputs[f"items.{n}"] = passed
                self.items.append(
                    (CheckEntry(group.value, name), passed, who, severity, deadline, note, err)
                )
                row += 2
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(checks)

    def edit_checklist(self) -> None:
        from hall_desk.ui.checklist_dialog import ChecklistDialog

        dialog = ChecklistDialog(self.ws, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._checklist_saved)
        self.checklist_dialog = dialog
        dialog.open()

    def _checklist_saved(self) -> None:
        self._build_checks()
        self.message.setText(self.tr("✓ 巡查清单已保存：共 {n} 项").format(n=len(self.items)))

    def draft(self) -> InspectionDraft:
        entries = []
        for entry, passed, who, severity, deadline, note, _err in self.items:
            ok = passed.isChecked()
            entries.append(
                CheckEntry(
                    entry.group,
                    entry.item,
                    passed=ok,
                    note="" if ok else note.text(),
                    staff="" if ok else str(who.currentData() or ""),
                    window="" if ok or who.currentData() else self.window_edit.text(),
                    severity="" if ok else str(severity.currentData() or ""),
                    fix_deadline=None if ok else _py_date(deadline),
                )
            )
        return InspectionDraft(
            inspected_at=_py_datetime(self.at),
            inspectors=[str(self.inspector.currentData() or "")],
            area=self.area.text(),
            window=self.window_edit.text(),
            items=entries,
            late_reason=self.late_reason.text(),
        )

    def submit(self) -> Op[str]:
        ws, actor, draft = self.ws, self.actor, self.draft()
        return (
            Op(self, lambda: inspections.record(ws, actor, draft), touches=[Entity.STAFF])
            .busy(self.save)
            .fields(self.errors, self.form.inputs)
            .success(self._saved)
            .run()
        )

    def _saved(self, _inspection_id: str) -> None:
        failed = sum(1 for _e, passed, *_rest in self.items if not passed.isChecked())
        self.message.setText(self.tr("✓ 已保存巡查记录：不合格 {n} 项").format(n=failed))
        for _entry, passed, _who, _sev, _dl, note, _err in self.items:
            passed.setChecked(True)
            note.clear()
        self.at.setFocus()

    def _selected(self) -> str:
        index = self.findings_view.currentIndex()
        return str(self.findings.data(index, ID_ROLE)) if index.isValid() else ""

    def _step(self, work: Any, button: QPushButton, done: str) -> Op[Any] | None:
        finding = self._selected()
        if not finding:
            self.message.setText(self.tr("⚠ 请先在右侧选择一条问题"))
            return None
        text = self.fix.text()
        return (
            Op(self, lambda: work(finding, text), touches=[Entity.STAFF])
            .busy(button)
            .refused(lambda exc: self.message.setText(f"⚠ {exc.message}"))
            .success(lambda _r: (self.message.setText(done), self.fix.clear()))
            .run()
        )

    def record_fix(self) -> Op[Any] | None:
        ws, actor = self.ws, self.actor
        return self._step(
            lambda f, t: inspections.record_fix(ws, actor, f, t),
            self.fix_button,
            self.tr("✓ 已登记整改"),
        )

    def recheck(self) -> Op[Any] | None:
        ws, actor = self.ws, self.actor
        return self._step(
            lambda f, t: inspections.recheck(ws, actor, f, True, t),
            self.pass_button,
            self.tr("✓ 复查通过"),
        )

    def refresh(self) -> None:
        self.findings.set_rows(inspections.findings(self.ws, open_only=True))


# --- 绩效考评 -----------------------------------------------------------------------------------

SHEET_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "名次"), lambda v: v.rank, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "姓名"), lambda v: v.staff_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "窗口"), lambda v: v.window),
    Column(QT_TRANSLATE_NOOP("RowsModel", "总分"), lambda v: v.total, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "等次"), lambda v: v.grade),
    Column(QT_TRANSLATE_NOOP("RowsModel", "业务量"), lambda v: v.workload, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda v: v.state.label),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "备注"),
        lambda v: "；".join(
            x
            for x in (
                QCoreApplication.translate("RowsModel", "★ 服务标兵候选") if v.standout else "",
                QCoreApplication.translate("RowsModel", "连续 {n} 个月末位").format(
                    n=v.bottom_months
                )
                if v.bottom_months > 1
                else "",
                QCoreApplication.translate("RowsModel", "复核 {n} 次").format(n=len(v.reviews))
                if v.reviews
                else "",
            )
            if x
        ),
    ),
]
LINE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "项目"), lambda line: line.item),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "依据"),
        lambda line: (
            (
                QCoreApplication.translate("RowsModel", "【复核】")
                if line.review
                else QCoreApplication.translate("RowsModel", "【人工】")
                if line.manual
                else ""
            )
            + (line.text or line.kind_label)
        ),
    ),
    Column(QT_TRANSLATE_NOOP("RowsModel", "日期"), lambda line: line.on),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "分值"), lambda line: f"{line.points:+d}", align_right=True
    ),
]


class EvaluationTab(QWidget):
    # A line's evidence opened with Enter or a double click: a case in its view, a ticket in
    # the 办不成事/投诉 list.
    open_case_requested = Signal(str)
    open_ticket_requested = Signal(str)

    def __init__(self, ws: Workstation, actor: Actor) -> None:
        super().__init__()
        self.ws, self.actor = ws, actor
        self.preview: PdfPreviewDialog | None = None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        caption = QLabel(self.tr("考评月份(&M)："))
        self.month = QDateEdit(_qdate(ws.today()))
        self.month.setObjectName("evaluationMonth")
        self.month.setAccessibleName(self.tr("考评月份"))
        self.month.setDisplayFormat("yyyy-MM")
        caption.setBuddy(self.month)
        top.addWidget(caption)
        top.addWidget(self.month)
        self.compute = QPushButton(self.tr("按本月数据计算(&C)"))
        self.compute.setObjectName("computeMonth")
        self.check = QPushButton(self.tr("审核(&R)"))
        self.check.setObjectName("checkMonth")
        self.publish = QPushButton(self.tr("发布(&B)"))
        self.publish.setObjectName("publishMonth")
        self.print_sheet = QPushButton(self.tr("打印考评表(&P)"))
        self.print_sheet.setObjectName("printSheet")
        self.print_summary = QPushButton(self.tr("打印汇总表(&U)"))
        self.print_summary.setObjectName("printSummary")
        for b in (self.compute, self.check, self.publish):
            top.addWidget(b)
        top.addStretch(1)
        outer.addLayout(top)
        # The papers and the scheme on a line of their own: at 150 % one line holds not all.
        papers = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("evaluationMessage")
        papers.addWidget(self.message, 1)
        papers.addWidget(self.print_sheet)
        papers.addWidget(self.print_summary)
        self.scheme_button: QPushButton | None = None
        if actor.may(Permission.MANAGE_SETTINGS):
            self.scheme_button = QPushButton(self.tr("考评方案(&E)…"))
            self.scheme_button.setObjectName("editScheme")
            self.scheme_button.clicked.connect(self.edit_scheme)
            papers.addWidget(self.scheme_button)
        outer.addLayout(papers)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        self.sheets = RowsModel(SHEET_COLUMNS, lambda v: v.id, parent=self)
        self.sheets_view = table_view(self.sheets, self.tr("本月考评表"))
        self.sheets_view.setObjectName("sheets")
        body.addWidget(self.sheets_view, 3)
        side = QVBoxLayout()
        body.addLayout(side, 2)
        self.lines = RowsModel(
            LINE_COLUMNS,
            lambda line: f"{line.item}:{line.kind}:{line.ref}:{line.points}",
            parent=self,
        )
        self.lines_view = table_view(self.lines, self.tr("扣分与加分依据"))
        self.lines_view.setObjectName("sheetLines")
        self.lines_view.activated.connect(self._open_evidence)
        side.addWidget(QLabel(self.tr("所选考评表的依据")))
        side.addWidget(self.lines_view, 1)
        self.form = _Form()
        f = self.form
        self.item = _combo("adjustItem", [])
        f.row("item", self.tr("调整项目(&I)："), self.item)
        self.points = QSpinBox()
        self.points.setObjectName("adjustPoints")
        self.points.setRange(-100, 100)
        f.row("points", self.tr("分值(&N)："), self.points)
        self.reason = QLineEdit()
        self.reason.setObjectName("adjustReason")
        f.row("reason", self.tr("理由(&Y)："), self.reason)
        self.evidence = QLineEdit()
        self.evidence.setObjectName("adjustEvidence")
        self.evidence.setPlaceholderText(self.tr("依据编号（可空）：办件、工单或问题的编号"))
        f.row("evidence", self.tr("依据："), self.evidence)
        self.errors = f.errors()
        side.addWidget(f)
        self.adjust = QPushButton(self.tr("人工调整 / 复核(&A)"))
        self.adjust.setObjectName("adjustSheet")
        side.addWidget(self.adjust)

        self.compute.clicked.connect(self.run_compute)
        self.check.clicked.connect(
            lambda: self._month_step(
                evaluations.check_month, self.check, self.tr("✓ 已审核 {n} 张考评表")
            )
        )
        self.publish.clicked.connect(
            lambda: self._month_step(
                evaluations.publish_month, self.publish, self.tr("✓ 已发布，本人应在 {n} 前确认")
            )
        )
        self.adjust.clicked.connect(self.run_adjust)
        self.print_sheet.clicked.connect(self.show_sheet)
        self.print_summary.clicked.connect(self.show_summary)
        self.month.dateChanged.connect(lambda _d: self.refresh())
        self.sheets_view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_lines())
        self.refresh()
        Follower(self, [Entity.STAFF, Entity.SYNC], self.refresh)

    def edit_scheme(self) -> QDialog:
        from hall_desk.ui.scheme_dialog import SchemeDialog

        dialog = SchemeDialog(self.ws, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.message.setText(
                self.tr("✓ 已保存考评方案第 {v} 版：本月重新计算后按新版本计分").format(
                    v=dialog.saved.version if dialog.saved else ""
                )
            )
        )
        self.scheme_dialog = dialog
        dialog.open()
        return dialog

    def month_text(self) -> str:
        return self.month.date().toString("yyyy-MM")

    def _current(self) -> Any:
        index = self.sheets_view.currentIndex()
        return self.sheets.row_at(index.row()) if index.isValid() else None

    def refresh(self) -> None:
        chosen = self._current()
        views = evaluations.sheets(self.ws, self.actor, self.month_text())
        self.sheets.set_rows(views)
        for row, view in enumerate(views):
            if chosen is not None and view.id == chosen.id:
                self.sheets_view.selectRow(row)
        self._show_lines()

    def _open_evidence(self, index: Any) -> None:
        line = self.lines.row_at(index.row())
        if line.kind is EvidenceKind.OVERDUE_CASE:
            self.open_case_requested.emit(line.ref)
        elif line.ref_no.startswith("FK"):
            self.open_ticket_requested.emit(line.ref_no)

    def _show_lines(self) -> None:
        view = self._current()
        self.lines.set_rows(list(view.lines) if view is not None else [])
        self.item.clear()
        if view is not None:
            for name, top, got in view.items:
                self.item.addItem(f"{name}（{got}/{top}）", name)
            self.item.addItem(BONUS_ITEM, BONUS_ITEM)

    def run_compute(self) -> Op[int]:
        ws, actor, month = self.ws, self.actor, self.month_text()
        return (
            Op(self, lambda: evaluations.compute_month(ws, actor, month), touches=[Entity.STAFF])
            .busy(self.compute)
            .refused(lambda exc: self.message.setText(f"⚠ {exc.message}"))
            .success(
                lambda n: self.message.setText(
                    self.tr("✓ 已按本月数据计算 {n} 张考评表").format(n=n)
                )
            )
            .run()
        )

    def _month_step(self, work: Any, button: QPushButton, done: str) -> Op[Any]:
        ws, actor, month = self.ws, self.actor, self.month_text()
        return (
            Op(self, lambda: work(ws, actor, month), touches=[Entity.STAFF])
            .busy(button)
            .refused(lambda exc: self.message.setText(f"⚠ {exc.message}"))
            .success(lambda n: self.message.setText(done.format(n=n)))
            .run()
        )

    def run_adjust(self) -> Op[int] | None:
        view = self._current()
        if view is None:
            self.message.setText(self.tr("⚠ 请先选择一张考评表"))
            return None
        ws, actor = self.ws, self.actor
        item, points = str(self.item.currentData() or ""), self.points.value()
        why, ref = self.reason.text(), self._evidence_id(self.evidence.text(), view)
        work = evaluations.record_review if view.state.is_published else evaluations.adjust
        return (
            Op(
                self,
                lambda: work(ws, actor, view.id, item, points, why, ref),
                touches=[Entity.STAFF],
            )
            .busy(self.adjust)
            .fields(self.errors, self.form.inputs)
            .success(self._adjusted)
            .run()
        )

    @staticmethod
    def _evidence_id(typed: str, view: Any) -> str:
        """A number typed or scanned (FK…, a case number) as the id the sheet's lines cite."""
        typed = typed.strip()
        for line in view.lines:
            if typed and typed in (line.ref_no, line.ref):
                return str(line.ref)
        return typed

    def _adjusted(self, total: int) -> None:
        self.message.setText(self.tr("✓ 已调整，总分 {total}").format(total=total))
        self.reason.clear()
        self.evidence.clear()
        self.points.setValue(0)

    def _preview(self, title: str, data: bytes) -> PdfPreviewDialog:
        preview = PdfPreviewDialog(
            data, title, self, printer_name=str(self.ws.config.extra.get("printer", ""))
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = preview
        preview.open()
        return preview

    def show_sheet(self) -> PdfPreviewDialog | None:
        from hall_desk.reports.evaluation_papers import person_sheet

        view = self._current()
        if view is None:
            self.message.setText(self.tr("⚠ 请先选择一张考评表"))
            return None
        return self._preview(*person_sheet(self.ws, self.actor, view.month, view.staff))

    def show_summary(self) -> PdfPreviewDialog:
        from hall_desk.reports.evaluation_papers import month_summary

        return self._preview(*month_summary(self.ws, self.actor, self.month_text()))


class StaffWorkspace(QWidget):
    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        outer = QVBoxLayout(self)
        title = QLabel(self.tr("人员与巡查"))
        set_role(title, "pageTitle")
        outer.addWidget(title)
        people = staff_people(ws, actor)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("staffTabs")
        self.meetings = MeetingTab(ws, actor, people)
        self.inspections = InspectionTab(ws, actor, people)
        self.evaluations = EvaluationTab(ws, actor)
        self.tabs.addTab(self.meetings, self.tr("会议(&1)"))
        self.tabs.addTab(self.inspections, self.tr("巡查(&2)"))
        self.tabs.addTab(self.evaluations, self.tr("绩效考评(&3)"))
        outer.addWidget(self.tabs, 1)
