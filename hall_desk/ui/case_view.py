"""The case view: header, materials, timeline and the folder's journey; unmasking is deliberate
and audited; a special procedure (听证/检验/鉴定…) pauses the case's clock from here."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.assistance import AssistanceFlag, ServiceMode
from hall_desk.domain.catalog import MaterialForm
from hall_desk.domain.deadline import DeadlineFlag
from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.lifecycle import CaseState
from hall_desk.domain.moves import department_roles
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services import case_clock, cases, notice_history, routing
from hall_desk.services.cases import CaseDetail, CaseMaterial, TimelineEntry
from hall_desk.services.routing import Journey, Stop
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.forms import child, load_form
from hall_desk.ui.models import Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.time_words import deadline, dwell
from hall_desk.ui.widgets import FieldErrors, error_label, say, set_role, table_view
from hall_desk.ui.words import list_separator, word, words

if TYPE_CHECKING:
    from hall_desk.ui.printing import PdfPreviewDialog

# Recorded in the audit trail in the source language; a screen showing it may translate it.
UNMASK_REASON = QT_TRANSLATE_NOOP("CaseView", "办件查看")


def _required(m: CaseMaterial) -> str:
    if m.required:
        return QCoreApplication.translate("RowsModel", "必要")
    return QCoreApplication.translate("RowsModel", "非必要")


def _received(m: CaseMaterial) -> str:
    if m.received:
        return QCoreApplication.translate("RowsModel", "已收取")
    if m.deferred:
        return QCoreApplication.translate("RowsModel", "容缺待补")
    return QCoreApplication.translate("RowsModel", "未收取")


MATERIAL_COLUMNS: list[Column[CaseMaterial]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "材料名称"), lambda m: m.name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "形式"), lambda m: word(MaterialForm(m.form).label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "应交份数"), lambda m: m.copies, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "必要"), _required),
    Column(QT_TRANSLATE_NOOP("RowsModel", "收取情况"), _received),
]
TIMELINE_COLUMNS: list[Column[TimelineEntry]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "时间"), lambda e: e.at),
    Column(QT_TRANSLATE_NOOP("RowsModel", "操作"), lambda e: word(e.what)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "经办人"), lambda e: e.who),
    Column(QT_TRANSLATE_NOOP("RowsModel", "工作站"), lambda e: e.workstation),
    Column(QT_TRANSLATE_NOOP("RowsModel", "说明"), lambda e: e.note),
]

JOURNEY_COLUMNS: list[Column[Stop]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "所在位置"), lambda s: word(s.label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "方式"), lambda s: word(s.arrived_by)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "交出人"), lambda s: s.giver),
    Column(QT_TRANSLATE_NOOP("RowsModel", "接收人"), lambda s: s.receiver),
    Column(QT_TRANSLATE_NOOP("RowsModel", "交接单号"), lambda s: s.batch_no),
    Column(QT_TRANSLATE_NOOP("RowsModel", "到达时间"), lambda s: s.since),
    Column(QT_TRANSLATE_NOOP("RowsModel", "停留"), lambda s: dwell(s.dwell)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "说明"), lambda s: s.note),
]


def green_channel_text(flags: str, mode: str, helper: str) -> str:
    kinds = words(AssistanceFlag(f).label for f in flags.split(",") if f)
    if kinds:
        text = QCoreApplication.translate("CaseView", "♿ 帮您办：{kinds}").format(kinds=kinds)
    else:
        text = QCoreApplication.translate("CaseView", "♿ 帮您办")
    if mode:
        text += QCoreApplication.translate("CaseView", "（{mode}）").format(
            mode=word(ServiceMode(mode).label)
        )
    if helper:
        text += QCoreApplication.translate("CaseView", "，帮办人 {helper}").format(helper=helper)
    return text


class CaseView(QDialog):
    def __init__(
        self, ws: Workstation, actor: Actor, case_ref: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.form = load_form("case_view", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.form)
        self.resize(820, 640)
        self.materials = RowsModel(
            MATERIAL_COLUMNS, lambda m: f"{m.case_id}:{m.position}", parent=self
        )
        self.timeline = RowsModel(
            TIMELINE_COLUMNS, lambda e: e.at.isoformat() + e.what, parent=self
        )
        for name, model in (("materialsTable", self.materials), ("timelineTable", self.timeline)):
            table = child(self.form, QTableView, name)
            table.setModel(model)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.message = child(self.form, QLabel, "messageLabel")
        self.message.setVisible(False)
        self.unmask_id = child(self.form, QPushButton, "unmaskIdButton")
        self.unmask_phone = child(self.form, QPushButton, "unmaskPhoneButton")
        may_unmask = actor.may(Permission.UNMASK)
        header = self.form.findChild(QGridLayout, "header")
        assert header is not None
        header.setColumnStretch(1, 1)
        # Where the paper folder is now, in the header: the first question at any desk.
        row = header.rowCount()
        caption = QLabel(self.tr("材料袋位置："))
        caption.setObjectName("whereLabel")
        self.folder_where = QLabel()
        self.folder_where.setObjectName("whereValue")
        self.folder_where.setAccessibleName(self.tr("材料袋位置"))
        self.folder_where.setWordWrap(True)
        self.folder_where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header.addWidget(caption, row, 0)
        header.addWidget(self.folder_where, row, 1, 1, max(1, header.columnCount() - 1))
        for button, field in ((self.unmask_id, "id_number"), (self.unmask_phone, "phone")):
            button.setVisible(may_unmask)
            button.setAutoDefault(False)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, f=field: self.reveal(f))
        child(self.form, QPushButton, "printButton").clicked.connect(self.print_sheet)
        close = child(self.form, QPushButton, "closeButton")
        close.clicked.connect(self.reject)
        close.setDefault(True)
        self.detail: CaseDetail = cases.case_detail(ws, actor, case_ref)
        self.preview: PdfPreviewDialog | None = None
        self.reprint_preview: PdfPreviewDialog | None = None
        self._reprint_row()
        self._journey_tab()
        self.clock_box = self._clock_box()
        outer = self.form.layout()
        assert outer is not None
        # Below the tabs, above the buttons: the pause is an action on this case.
        outer.insertWidget(outer.count() - 1, self.clock_box)
        self.clock_box.setVisible(actor.may(Permission.ROUTE) or actor.may(Permission.INTAKE))
        self._fill()
        # Moved, handed out or paused anywhere in the window: the open case view shows it.
        Follower(self, [Entity.CASE, Entity.SYNC], self.reload)

    def reload(self) -> None:
        self.detail = cases.case_detail(self.ws, self.actor, self.detail.case.id)
        self._fill()

    def value(self, name: str) -> QLabel:
        return child(self.form, QLabel, f"{name}Value")

    def _fill(self) -> None:
        case = self.detail.case
        self.setWindowTitle(self.tr("办件 {case_no}").format(case_no=case.case_no))
        child(self.form, QLabel, "titleLabel").setText(f"{case.title}")
        self.value("caseNo").setText(case.case_no)
        lines = [
            self.tr("{item}（{department}）").format(item=i.item_name, department=i.department)
            for i in self.detail.items
        ]
        roles = department_roles(case)
        if len(roles) > 1:  # 联办: who leads, who assists, in the order the folder visits them
            lines.append(
                self.tr("主办：{lead}；协办：{others}").format(
                    lead=roles[0][0], others=list_separator().join(d for d, _ in roles[1:])
                )
            )
        self.value("items").setText("\n".join(lines))
        kind = self.tr("单位") if case.applicant_kind == "organisation" else self.tr("个人")
        agent = (
            self.tr("；代理人 {name}（{id}）").format(name=case.agent_name, id=case.agent_id_masked)
            if case.agent_name
            else ""
        )
        self.value("applicant").setText(
            self.tr("{name}（{kind}）{agent}").format(
                name=case.applicant_name, kind=kind, agent=agent
            )
        )
        self.value("idNumber").setText(case.applicant_id_masked)
        self.value("phone").setText(case.applicant_phone_masked or "—")
        self.unmask_phone.setEnabled(bool(case.applicant_phone_masked))
        self.value("state").setText(word(CaseState(case.state).label))
        due = self.value("due")
        if case.due_date is None:
            due.setText(
                self.tr("—（未受理或已结束）")
                if case.state != "ready_for_delivery"
                else self.tr("已办结，待出件")
            )
        else:
            status = self.detail.deadline
            due.setText(
                self.tr("{due}　{mark}")
                .format(due=case.due_date.isoformat(), mark=deadline(status.text))
                .rstrip()
            )
            if status.flag == DeadlineFlag.OVERDUE:
                set_role(due, "overdue")
            elif status.flag == DeadlineFlag.NEAR:
                set_role(due, "nearDeadline")
        green = self.value("green")
        if case.green_channel:
            green.setText(
                green_channel_text(
                    case.assistance_flags, case.assistance_mode, case.assistance_helper
                )
            )
            set_role(green, "greenChannel")
        else:
            green.setText(self.tr("否"))
        self.materials.set_rows(self.detail.materials)
        self.timeline.set_rows(self.detail.timeline)
        self._fill_journey()
        self._fill_clock()
        self._fill_notices()

    # -- the folder's journey ----------------------------------------------------------------
    def _journey_tab(self) -> None:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.where = QLabel()
        self.where.setObjectName("journeyWhere")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where)
        self.journey_model = RowsModel(
            JOURNEY_COLUMNS, lambda s: f"{s.station}@{s.since.isoformat()}", parent=self
        )
        self.journey_table = table_view(self.journey_model, self.tr("材料流转记录"))
        self.journey_table.setObjectName("journeyTable")
        layout.addWidget(self.journey_table, 1)
        tabs = child(self.form, QTabWidget, "tabs")
        self.journey_index = tabs.addTab(tab, self.tr("材料流转(&J)"))
        self.journey: Journey | None = None

    def _fill_journey(self) -> None:
        try:
            journey = routing.journey(self.ws, self.actor, self.detail.case.id)
        except HallDeskError as exc:
            self.where.setText(f"⚠ {exc.message}")
            self.folder_where.setText(f"⚠ {exc.message}")
            return
        last = journey.stops[-1] if journey.stops else None
        if last is None or journey.state.is_final:
            self.folder_where.setText(word(journey.station_label))
        else:
            self.folder_where.setText(
                self.tr("{station}，已停留 {dwell}；接收人 {receiver}").format(
                    station=word(journey.station_label),
                    dwell=dwell(last.dwell),
                    receiver=last.receiver or "—",
                )
            )
        self.journey = journey
        self.journey_model.set_rows(journey.stops)
        if last is None:
            self.where.setText(
                self.tr("材料袋现在：{station}").format(station=word(journey.station_label))
            )
        elif journey.state.is_final:
            self.where.setText(
                self.tr("材料袋最后在：{station}（{state}），共经过 {n} 处").format(
                    station=word(journey.station_label),
                    state=word(journey.state_label),
                    n=len(journey.stops),
                )
            )
        else:
            self.where.setText(
                self.tr("材料袋现在：{station}，已停留 {dwell}；接收人 {receiver}").format(
                    station=word(journey.station_label),
                    dwell=dwell(last.dwell),
                    receiver=last.receiver or "—",
                )
            )

    # -- special procedures pause the clock -------------------------------------------------
    def _clock_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("特别程序（暂停计时）"))
        box.setObjectName("clockBox")
        layout = QGridLayout(box)
        self.clock_state = QLabel()
        self.clock_state.setObjectName("clockState")
        self.clock_state.setWordWrap(True)
        layout.addWidget(self.clock_state, 0, 0, 1, 4)
        self.procedure = QComboBox()
        self.procedure.setObjectName("procedureCombo")
        self.procedure.setAccessibleName(self.tr("特别程序"))
        for key, label in case_clock.SPECIAL_PROCEDURES.items():
            self.procedure.addItem(word(label), key)
        procedure_label = QLabel(self.tr("程序(&G)："))
        procedure_label.setBuddy(self.procedure)
        self.pause_note = QLineEdit()
        self.pause_note.setObjectName("pauseNote")
        self.pause_note.setAccessibleName(self.tr("暂停原因"))
        self.pause_note.setPlaceholderText(self.tr("必填，如：送检机构、鉴定事项、听证安排"))
        self.pause_note.setMaxLength(case_clock.MAX_PAUSE_NOTE)
        note_label = QLabel(self.tr("原因(&W)："))
        note_label.setBuddy(self.pause_note)
        self.pause_button = QPushButton(self.tr("暂停计时(&T)"))
        self.pause_button.setObjectName("pauseClockButton")
        self.resume_button = QPushButton(self.tr("恢复计时(&U)"))
        self.resume_button.setObjectName("resumeClockButton")
        for button in (self.pause_button, self.resume_button):
            button.setAutoDefault(False)
        layout.addWidget(procedure_label, 1, 0)
        layout.addWidget(self.procedure, 1, 1)
        layout.addWidget(note_label, 1, 2)
        layout.addWidget(self.pause_note, 1, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.resume_button)
        layout.addLayout(buttons, 3, 0, 1, 4)
        layout.setColumnStretch(3, 1)
        self.procedure_error = error_label(box)
        self.note_error = error_label(box)
        self.clock_error = error_label(box)
        layout.addWidget(self.procedure_error, 2, 0, 1, 2)
        layout.addWidget(self.note_error, 2, 2, 1, 2)
        layout.addWidget(self.clock_error, 4, 0, 1, 4)
        self.clock_errors = FieldErrors(
            {"procedure": self.procedure_error, "note": self.note_error}, self.clock_error, self
        )
        self.pause_note.returnPressed.connect(self.pause_button.click)
        self.pause_button.clicked.connect(self.pause_clock)
        self.resume_button.clicked.connect(self.resume_clock)
        return box

    def _fill_clock(self) -> None:
        case = self.detail.case
        state = CaseState(case.state)
        paused = case.paused_since is not None and state != CaseState.AWAITING_SUPPLEMENT
        if paused:
            self.clock_state.setText(
                self.tr("⏸ 自 {day} 起暂停计时：{reason}").format(
                    day=case.paused_since.isoformat(), reason=case.reason or "—"
                )
            )
        elif state.clock_running:
            self.clock_state.setText(self.tr("计时进行中"))
        else:
            self.clock_state.setText(
                self.tr("办件当前状态为「{state}」，计时未在进行").format(state=word(state.label))
            )
        running = state.clock_running and not paused
        for widget in (self.procedure, self.pause_note, self.pause_button):
            widget.setEnabled(running)
        self.resume_button.setEnabled(paused)

    def _reload(self) -> None:
        self.detail = cases.case_detail(self.ws, self.actor, self.detail.case.id)
        self._fill()

    def pause_clock(self) -> Op[None]:
        ws, actor, case_id = self.ws, self.actor, self.detail.case.id
        procedure, note = str(self.procedure.currentData()), self.pause_note.text()

        def paused(_: None) -> None:
            self.clock_errors.clear()
            self.pause_note.clear()
            self._reload()
            self.resume_button.setFocus()

        return (
            Op(
                self,
                lambda: case_clock.pause_clock(ws, actor, case_id, procedure, note=note),
                touches=[Entity.CASE],
            )
            .busy(self.pause_button, self.procedure, self.pause_note)
            .fields(self.clock_errors, {"procedure": self.procedure, "note": self.pause_note})
            .success(paused)
            .run()
        )

    def resume_clock(self) -> Op[date]:
        ws, actor, case_id = self.ws, self.actor, self.detail.case.id

        def resumed(due: date) -> None:
            self.clock_errors.clear()
            self._reload()
            self.clock_state.setText(
                self.tr("已恢复计时，办结期限顺延至 {due}").format(due=due.isoformat())
            )

        return (
            Op(self, lambda: case_clock.resume_clock(ws, actor, case_id), touches=[Entity.CASE])
            .busy(self.resume_button)
            .fields(self.clock_errors)
            .success(resumed)
            .run()
        )

    def reveal(self, field: str) -> None:
        """Shows the full value in place of the mask; the service audits every reveal."""
        try:
            full = cases.unmask(
                self.ws, self.actor, self.detail.case.id, field, reason=UNMASK_REASON
            )
        except HallDeskError as exc:
            self._say_refused(exc)
            return
        label = self.value("idNumber" if field == "id_number" else "phone")
        label.setText(full)
        button = self.unmask_id if field == "id_number" else self.unmask_phone
        button.setEnabled(False)
        button.setText(self.tr("已显示（已记录）"))

    # -- 补打: any notice the case produced ------------------------------------------------
    def _reprint_row(self) -> None:
        buttons = self.form.findChild(QHBoxLayout, "buttons")
        assert buttons is not None
        label = QLabel(self.tr("通知书(&O)："))
        self.notice_choice = QComboBox()
        self.notice_choice.setObjectName("reprintChoice")
        self.notice_choice.setAccessibleName(self.tr("要补打的通知书"))
        label.setBuddy(self.notice_choice)
        self.reprint_button = QPushButton(self.tr("补打通知书(&R)…"))
        self.reprint_button.setObjectName("reprintButton")
        self.reprint_button.setAutoDefault(False)
        self.reprint_button.clicked.connect(self.reprint)
        # Left of 打印办件信息, after the spacer: the case's own papers side by side.
        for n, widget in enumerate((label, self.notice_choice, self.reprint_button), start=1):
            buttons.insertWidget(n, widget)

    def _fill_notices(self) -> None:
        chosen = self.notice_choice.currentData()
        self.notice_choice.clear()
        for notice in notice_history.issued_notices(self.ws, self.actor, self.detail.case.id):
            self.notice_choice.addItem(
                self.tr("{title}（{day}）").format(
                    title=word(notice.title), day=notice.issued_on.isoformat()
                ),
                notice.event_id,
            )
        index = self.notice_choice.findData(chosen)
        # The newest notice first in reach: that is the one usually lost.
        self.notice_choice.setCurrentIndex(index if index >= 0 else self.notice_choice.count() - 1)
        has_any = self.notice_choice.count() > 0
        self.notice_choice.setEnabled(has_any)
        self.reprint_button.setEnabled(has_any)

    def reprint(self) -> Op[tuple[str, bytes]]:
        """The notice is rebuilt (reportlab) off the GUI thread: the window keeps answering,
        and the button stays pressed until the preview opens."""
        from hall_desk.reports.notices import reprint_notice

        ws, actor, case_id = self.ws, self.actor, self.detail.case.id
        event_id = self.notice_choice.currentData()
        case_no = self.detail.case.case_no

        def show(made: tuple[str, bytes]) -> None:
            title, data = made
            self.message.setVisible(False)
            self.reprint_preview = self._preview(
                data, self.tr("{title} {case_no}").format(title=title, case_no=case_no)
            )

        return (
            Op(self, lambda: reprint_notice(ws, actor, case_id, event_id))
            .busy(self.reprint_button, self.notice_choice)
            .refused(self._say_refused)
            .success(show)
            .run()
        )

    def print_sheet(self) -> Op[bytes]:
        # reportlab loads on first print, not at start-up.
        from hall_desk.reports.case_sheet import build_case_sheet

        ws, actor, case_id = self.ws, self.actor, self.detail.case.id
        case_no = self.detail.case.case_no

        def show(data: bytes) -> None:
            self.preview = self._preview(
                data, self.tr("办件信息单 {case_no}").format(case_no=case_no)
            )

        return (
            Op(self, lambda: build_case_sheet(ws, actor, case_id))
            .busy(child(self.form, QPushButton, "printButton"))
            .refused(self._say_refused)
            .success(show)
            .run()
        )

    def _say_refused(self, exc: HallDeskError) -> None:
        say(self.message, f"⚠ {exc.message}", error=True)

    def _preview(self, data: bytes, title: str) -> PdfPreviewDialog:
        # Imported at the first print: the preview loads QtPdf, which opening a case does not need.
        from hall_desk.ui.printing import open_preview

        return open_preview(self, self.ws.config.extra.get("printer"), data, title)
