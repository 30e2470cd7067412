"""工单列表: tickets by urgency with the mark in words, one ticket's timeline, its next step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.roles import Actor
from hall_desk.domain.tickets import (
    AnswerMethod,
    Callback,
    DispatchTo,
    ExcludedMatter,
    Finding,
    Step,
    TicketClass,
    TicketState,
)
from hall_desk.services import ticket_views, tickets
from hall_desk.services.ticket_views import TicketDetail, TicketFilter, TicketLine
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.models import Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.ticket_register import combo, staff_combo
from hall_desk.ui.time_words import deadline
from hall_desk.ui.widgets import FieldErrors, error_label, table_view
from hall_desk.ui.words import word

LINE_COLUMNS: list[Column[TicketLine]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "紧急程度"), lambda t: deadline(t.urgency.text)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "工单编号"), lambda t: t.ticket_no),
    Column(QT_TRANSLATE_NOOP("RowsModel", "类别"), lambda t: word(t.class_label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda t: word(t.state_label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "办理期限"), lambda t: t.due_date),
    Column(QT_TRANSLATE_NOOP("RowsModel", "反映人"), lambda t: t.reporter),
    Column(QT_TRANSLATE_NOOP("RowsModel", "工作人员"), lambda t: t.staff_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "反映内容"), lambda t: t.summary),
]

# Which inputs of the step form each step uses (besides the text).
STEP_INPUTS: dict[Step, tuple[str, ...]] = {
    Step.ANALYSE: ("text",),
    Step.DISPATCH: ("dispatch_kind", "dispatch_to", "text"),
    Step.PROGRESS: ("text",),
    Step.PAUSE: ("text",),
    Step.RESUME: ("text",),
    Step.ANSWER: ("answer_method", "text"),
    Step.CHECK: ("finding", "callback", "text"),
    Step.CHECK_FAILED: ("text",),
    Step.SUPERVISE: ("text",),
    Step.ARCHIVE: ("text",),
    Step.EXCLUDE: ("excluded_matter", "text"),
    Step.EXTEND: ("new_due", "text"),
    Step.REOPEN: ("text",),
}
TEXT_FIELD = {
    Step.ANALYSE: "cause",
    Step.ANSWER: "answer",
    Step.PAUSE: "reason",
    Step.EXCLUDE: "reason",
    Step.EXTEND: "reason",
    Step.REOPEN: "reason",
    Step.CHECK_FAILED: "reason",
}
TEXT_LABEL = {
    Step.ANALYSE: QT_TRANSLATE_NOOP("TicketDesk", "原因分析："),
    Step.DISPATCH: QT_TRANSLATE_NOOP("TicketDesk", "派发说明："),
    Step.PROGRESS: QT_TRANSLATE_NOOP("TicketDesk", "办理进展："),
    Step.PAUSE: QT_TRANSLATE_NOOP("TicketDesk", "暂停原因："),
    Step.RESUME: QT_TRANSLATE_NOOP("TicketDesk", "恢复说明："),
    Step.ANSWER: QT_TRANSLATE_NOOP("TicketDesk", "答复内容："),
    Step.CHECK: QT_TRANSLATE_NOOP("TicketDesk", "核查意见："),
    Step.CHECK_FAILED: QT_TRANSLATE_NOOP("TicketDesk", "不通过理由："),
    Step.SUPERVISE: QT_TRANSLATE_NOOP("TicketDesk", "监督检查意见："),
    Step.ARCHIVE: QT_TRANSLATE_NOOP("TicketDesk", "归档说明："),
    Step.EXCLUDE: QT_TRANSLATE_NOOP("TicketDesk", "不予受理理由："),
    Step.EXTEND: QT_TRANSLATE_NOOP("TicketDesk", "延期理由："),
    Step.REOPEN: QT_TRANSLATE_NOOP("TicketDesk", "重开理由："),
}


class TicketDesk(QWidget):
    """The list with its filters, and the selected ticket's timeline and step form.
    `print_requested(ticket_no, what)`: what is "assignment" (交办单) or "answer" (答复函)."""

    print_requested = Signal(str, str)

    def __init__(
        self,
        ws: Workstation,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        preset: TicketFilter | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.preset = preset
        self.current: TicketDetail | None = None
        outer = QVBoxLayout(self)
        if preset is None:
            outer.addLayout(self._filters())
        self.model: RowsModel[TicketLine] = RowsModel(LINE_COLUMNS, lambda t: t.id, [], self)
        self.table = table_view(self.model, self.tr("工单列表"))
        self.table.setObjectName("ticketTable")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self._detail())
        outer.addWidget(splitter)
        self.count_label = QLabel()
        self.count_label.setObjectName("ticketCount")
        outer.addWidget(self.count_label)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.table.activated.connect(lambda _index: self.step_combo.setFocus())
        self.refresh()
        Follower(self, [Entity.TICKET, Entity.USER], self.refresh)

    # -- filters -------------------------------------------------------------------------------
    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.class_filter = combo(
            "classFilter",
            [("", self.tr("全部类别")), *[(c.value, word(c.label)) for c in TicketClass]],
        )
        self.state_filter = combo(
            "stateFilter",
            [
                ("open", self.tr("未归档")),
                ("", self.tr("全部状态")),
                *[(s.value, word(s.label)) for s in TicketState],
            ],
        )
        self.overdue_filter = QCheckBox(self.tr("已超期(&O)"))
        self.overdue_filter.setObjectName("overdueFilter")
        self.near_filter = QCheckBox(self.tr("临近期限(&E)"))
        self.near_filter.setObjectName("nearFilter")
        self.staff_filter = staff_combo(self.ws, self.actor, "staffFilter", self.tr("全部人员"))
        self.query = QLineEdit()
        self.query.setObjectName("ticketQuery")
        self.query.setPlaceholderText(self.tr("工单编号、反映人或内容"))
        self.query.setAccessibleName(self.tr("查找工单"))
        for widget in (
            self.class_filter,
            self.state_filter,
            self.overdue_filter,
            self.near_filter,
            self.staff_filter,
            self.query,
        ):
            row.addWidget(widget)
        for box in (self.class_filter, self.state_filter, self.staff_filter):
            box.currentIndexChanged.connect(self.refresh)
        for check in (self.overdue_filter, self.near_filter):
            check.toggled.connect(self.refresh)
        self.query.textChanged.connect(self.refresh)
        return row

    def filter(self) -> TicketFilter:
        if self.preset is not None:
            return self.preset
        return TicketFilter(
            ticket_class=str(self.class_filter.currentData()),
            state=str(self.state_filter.currentData()),
            overdue=self.overdue_filter.isChecked(),
            near=self.near_filter.isChecked(),
            staff=str(self.staff_filter.currentData()),
            query=self.query.text(),
        )

    # -- detail and step form --------------------------------------------------------------------
    def _detail(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        left = QVBoxLayout()
        self.header = QLabel()
        self.header.setObjectName("ticketHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.header)
        self.timeline = QListWidget()
        self.timeline.setObjectName("ticketTimeline")
        self.timeline.setAccessibleName(self.tr("办理过程"))
        left.addWidget(self.timeline)
        prints = QHBoxLayout()
        self.print_assignment = QPushButton(self.tr("打印交办单(&P)"))
        self.print_assignment.setObjectName("printAssignmentButton")
        self.print_answer = QPushButton(self.tr("打印答复函(&H)"))
        self.print_answer.setObjectName("printAnswerButton")
        prints.addWidget(self.print_assignment)
        prints.addWidget(self.print_answer)
        prints.addStretch(1)
        left.addLayout(prints)
        layout.addLayout(left, 3)
        layout.addWidget(self._step_form(), 2)
        self.print_assignment.clicked.connect(lambda: self._print("assignment"))
        self.print_answer.clicked.connect(lambda: self._print("answer"))
        return box

    def _step_form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.error_labels: dict[str, QLabel] = {}
        self.rows: dict[str, tuple[QLabel, QWidget]] = {}

        def row(name: str, label: str, widget: QWidget) -> None:
            widget.setObjectName(name)
            widget.setAccessibleName(label.rstrip("："))
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            err = error_label(box)
            form.addRow("", err)
            self.error_labels[name] = err
            self.rows[name] = (caption, widget)

        self.step_combo = QComboBox()
        row("step", self.tr("下一步(&W)："), self.step_combo)
        self.dispatch_kind = combo("dispatch_kind", [(d.value, word(d.label)) for d in DispatchTo])
        row("dispatch_kind", self.tr("派发给："), self.dispatch_kind)
        self.dispatch_to = QComboBox()
        self.dispatch_to.setEditable(True)
        row("dispatch_to", self.tr("派发对象："), self.dispatch_to)
        self.answer_method = combo(
            "answer_method", [(m.value, word(m.label)) for m in AnswerMethod]
        )
        row("answer_method", self.tr("答复方式："), self.answer_method)
        self.finding = combo(
            "finding",
            [("", self.tr("（请选择核查结论）")), *[(f.value, word(f.label)) for f in Finding]],
        )
        row("finding", self.tr("核查结论(&J)："), self.finding)
        self.callback = combo(
            "callback",
            [("", self.tr("（匿名，无回访）")), *[(c.value, word(c.label)) for c in Callback]],
        )
        row("callback", self.tr("回访结果："), self.callback)
        self.excluded_matter = combo(
            "excluded_matter", [(m.value, word(m.label)) for m in ExcludedMatter]
        )
        row("excluded_matter", self.tr("不予受理类别："), self.excluded_matter)
        self.new_due = QDateEdit()
        self.new_due.setCalendarPopup(True)
        self.new_due.setDisplayFormat("yyyy-MM-dd")
        row("new_due", self.tr("新的期限："), self.new_due)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(60)
        row("text", self.tr("说明："), self.text)
        self.go_button = QPushButton(self.tr("执行(&Z)"))
        self.go_button.setObjectName("takeStepButton")
        form.addRow("", self.go_button)
        self.general_error = error_label(box)
        form.addRow("", self.general_error)
        self.step_message = QLabel()
        self.step_message.setObjectName("stepMessage")
        self.step_message.setWordWrap(True)
        form.addRow("", self.step_message)
        self.errors = FieldErrors(self.error_labels, self.general_error, self)
        self.step_combo.currentIndexChanged.connect(self._show_inputs)
        self.dispatch_kind.currentIndexChanged.connect(self._dispatch_targets)
        self.go_button.clicked.connect(self.take_step)
        self._dispatch_targets()
        self._show_inputs()
        return box

    def _dispatch_targets(self) -> None:
        self.dispatch_to.clear()
        if self.dispatch_kind.currentData() == DispatchTo.PERSON.value:
            for member in ticket_views.staff_members(self.ws, self.actor):
                shown = f"{member.display_name}（{member.window or member.username}）"
                self.dispatch_to.addItem(shown, member.username)
        self.dispatch_to.setCurrentIndex(0 if self.dispatch_to.count() else -1)
        if self.dispatch_to.count() == 0:
            self.dispatch_to.setEditText("")

    def _step(self) -> Step | None:
        value = self.step_combo.currentData()
        return Step(value) if value else None

    def _show_inputs(self) -> None:
        step = self._step()
        wanted = STEP_INPUTS.get(step, ()) if step else ()
        if self.current is None or not self.current.finding_needed:
            wanted = tuple(name for name in wanted if name != "finding")
        for name, (caption, widget) in self.rows.items():
            if name == "step":
                continue
            caption.setVisible(name in wanted)
            widget.setVisible(name in wanted)
        if step is not None:
            self.rows["text"][0].setText(QCoreApplication.translate("TicketDesk", TEXT_LABEL[step]))
        self.go_button.setEnabled(step is not None)
        self.errors.clear()

    # -- data ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.current.line.id if self.current else ""
        lines = ticket_views.list_tickets(self.ws, self.actor, self.filter())
        self.model.set_rows(lines)
        self.count_label.setText(self.tr("共 {n} 张工单").format(n=len(lines)))
        row = next((i for i, ln in enumerate(lines) if ln.id == selected), 0 if lines else -1)
        if row >= 0:
            self.table.selectRow(row)
            self._show(lines[row].id)
        else:
            self._show("")

    def select(self, ticket_no: str) -> None:
        for i, line in enumerate(self.model.rows):
            if line.ticket_no == ticket_no:
                self.table.selectRow(i)
                return

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(self.model.row_at(current.row()).id)

    def _show(self, ticket_id: str) -> None:
        if not ticket_id:
            self.current = None
            self.header.setText(self.tr("没有符合条件的工单"))
            self.timeline.clear()
            self.step_combo.clear()
            self._show_inputs()
            return
        shown = ticket_views.detail(self.ws, self.actor, ticket_id)
        same = self.current is not None and self.current.line.id == ticket_id
        self.current = shown
        line = shown.line
        parts = [
            self.tr("{number}　{kind}　{channel}　{tier}").format(
                number=line.ticket_no,
                kind=word(line.class_label),
                channel=word(line.channel_label),
                tier=word(shown.tier_label),
            ),
            self.tr("状态：{state}　{mark}").format(
                state=word(line.state_label), mark=deadline(line.urgency.text)
            ),
            self.tr("反映人：{who}　涉及：{staff}").format(
                who=line.reporter, staff=" ".join(x for x in (line.staff_name, line.window) if x)
            ),
            self.tr("反映内容：{text}").format(text=shown.description),
        ]
        if shown.dispatch:
            parts.append(self.tr("派发：{to}").format(to=shown.dispatch))
        if shown.finding:
            parts.append(self.tr("核查结论：{finding}").format(finding=shown.finding))
        self.header.setText("\n".join(parts))
        self.timeline.clear()
        for st in shown.steps:
            self.timeline.addItem(
                f"{st.at[:16].replace('T', ' ')}　{word(st.label)}　{st.actor}　{st.note}"
            )
        chosen = self._step() if same else None
        self.step_combo.blockSignals(True)
        self.step_combo.clear()
        for step in shown.allowed:
            self.step_combo.addItem(word(step.label), step.value)
        if chosen is not None and chosen in shown.allowed:
            self.step_combo.setCurrentIndex(shown.allowed.index(chosen))
        self.step_combo.blockSignals(False)
        self._show_inputs()
        self.callback.setCurrentIndex(0 if shown.anonymous else 1)
        if not same:
            self.finding.setCurrentIndex(0)  # chosen each time, never taken over by default
        if line.due_date is not None and not same:
            later = line.due_date + timedelta(days=1)
            self.new_due.setDate(QDate(later.year, later.month, later.day))

    # -- actions ---------------------------------------------------------------------------------
    def _call(self, step: Step, number: str) -> Callable[[], object]:
        ws, actor, text = self.ws, self.actor, self.text.toPlainText()
        if step is Step.DISPATCH:
            kind = str(self.dispatch_kind.currentData())
            index = self.dispatch_to.currentIndex()
            typed = self.dispatch_to.currentText()
            data = self.dispatch_to.itemData(index) if index >= 0 else None
            to = str(data) if data and typed == self.dispatch_to.itemText(index) else typed
            return lambda: tickets.dispatch(ws, actor, number, kind, to, text)
        if step is Step.ANSWER:
            method = str(self.answer_method.currentData())
            return lambda: tickets.answer(ws, actor, number, text, method)
        if step is Step.CHECK:
            result = str(self.callback.currentData())
            needed = self.current is not None and self.current.finding_needed
            finding = str(self.finding.currentData() or "") if needed else ""
            return lambda: tickets.check(ws, actor, number, text, result, finding)
        if step is Step.EXCLUDE:
            matter = str(self.excluded_matter.currentData())
            return lambda: tickets.exclude(ws, actor, number, matter, text)
        if step is Step.EXTEND:
            day: date = self.new_due.date().toPython()  # type: ignore[assignment]
            return lambda: tickets.extend(ws, actor, number, day, text)
        simple = {
            Step.ANALYSE: tickets.analyse,
            Step.PROGRESS: tickets.progress,
            Step.PAUSE: tickets.pause,
            Step.RESUME: tickets.resume,
            Step.ARCHIVE: tickets.archive,
            Step.REOPEN: tickets.reopen,
            Step.CHECK_FAILED: tickets.fail_check,
            Step.SUPERVISE: tickets.supervise,
        }[step]
        return lambda: simple(ws, actor, number, text)

    def take_step(self) -> Op[object] | None:
        step = self._step()
        if step is None or self.current is None:
            return None
        number = self.current.line.ticket_no
        inputs: dict[str, QWidget] = {name: w for name, (_c, w) in self.rows.items()}
        inputs[TEXT_FIELD.get(step, "note")] = self.text
        labels = dict(self.error_labels)
        labels[TEXT_FIELD.get(step, "note")] = self.error_labels["text"]
        labels["state"] = labels["checker"] = self.error_labels["step"]
        self.errors.labels = labels
        return (
            Op(self, self._call(step, number), touches=[Entity.TICKET])
            .busy(self.go_button)
            .fields(self.errors, inputs)
            .success(lambda _state: self._taken(step, number))
            .run()
        )

    def _taken(self, step: Step, number: str) -> None:
        self.text.clear()
        if step is Step.CHECK_FAILED:
            done = self.tr("{number}：核查不通过，已退回办理").format(number=number)
        else:
            done = self.tr("{number}：已{step}").format(number=number, step=word(step.label))
        self.step_message.setText(done)
        self.step_combo.setFocus()

    def _print(self, what: str) -> None:
        if self.current is not None:
            self.print_requested.emit(self.current.line.ticket_no, what)
