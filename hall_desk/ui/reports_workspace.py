"""统计报表 workspace: the day at a glance, the signed daily summary, ledgers to Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor
from hall_desk.services import dashboard
from hall_desk.services import staff_figures as people_figures
from hall_desk.services.dashboard import (
    DayFigures,
    DeadlineRow,
    DepartmentFigures,
    GreenChannelRow,
    StaffFigures,
)
from hall_desk.services.queue_figures import queue_figures
from hall_desk.services.ratings import RatingFigures
from hall_desk.services.ticket_figures import ticket_figures
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity, Follower
from hall_desk.ui.models import ID_ROLE, Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.printing import open_preview
from hall_desk.ui.progress_line import ProgressLine
from hall_desk.ui.queue_waiting import WaitingNow
from hall_desk.ui.widgets import NoteEdit, error_label, say, set_role, table_view
from hall_desk.ui.words import comma, ratio, word

# Every kind of record a figure or a list on this page counts.
FIGURES_FROM = [
    Entity.CASE,
    Entity.QUEUE,  # the day's tickets and waits
    Entity.CONSULTATION,
    Entity.CALENDAR,
    Entity.USER,
    Entity.SYNC,
    Entity.TICKET,
    Entity.RATING,
    Entity.STAFF,
]


MISSING_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "缺少的会议记录"), lambda m: m.text),
]


def _deadline_words(row: DeadlineRow) -> str:
    """Words beside every flagged case: the list is never colour alone."""
    if row.overdue:
        return QCoreApplication.translate("RowsModel", "已超期 {n} 个工作日").format(
            n=max(0, -row.remaining_working_days)
        )
    return QCoreApplication.translate("RowsModel", "临近期限：剩余 {n} 个工作日").format(
        n=row.remaining_working_days
    )


def _green(row: DeadlineRow) -> str:
    return QCoreApplication.translate("RowsModel", "♿ 帮您办") if row.green_channel else ""


DEADLINE_COLUMNS: list[Column[DeadlineRow]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "期限"), _deadline_words),
    Column(QT_TRANSLATE_NOOP("RowsModel", "绿色通道"), _green),
    Column(QT_TRANSLATE_NOOP("RowsModel", "受理编号"), lambda r: r.case_no),
    Column(QT_TRANSLATE_NOOP("RowsModel", "事项"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("RowsModel", "申请人"), lambda r: r.applicant_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "办结期限"), lambda r: r.due_date),
    Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda r: word(r.state.label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "所在位置"), lambda r: word(r.station_label)),
]
STAFF_COLUMNS: list[Column[StaffFigures]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "窗口/人员"), lambda r: r.label),
    Column(QT_TRANSLATE_NOOP("RowsModel", "咨询"), lambda r: r.consultations, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "受理"), lambda r: r.intake.accepted, align_right=True),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "容缺受理"),
        lambda r: r.intake.accepted_deferred,
        align_right=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "一次性告知"),
        lambda r: r.intake.supplement_requested,
        align_right=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "不予受理"), lambda r: r.intake.refused, align_right=True
    ),
    Column(
        QT_TRANSLATE_NOOP("RowsModel", "即办办结"),
        lambda r: r.intake.completed_at_window,
        align_right=True,
    ),
    Column(QT_TRANSLATE_NOOP("RowsModel", "绿色通道"), lambda r: r.green_channel, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "出件"), lambda r: r.delivered, align_right=True),
]
DEPARTMENT_COLUMNS: list[Column[DepartmentFigures]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "部门"), lambda r: r.department),
    Column(QT_TRANSLATE_NOOP("RowsModel", "申请"), lambda r: r.applications, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "移交"), lambda r: r.dispatched, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "退回"), lambda r: r.returned, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "超期"), lambda r: r.overdue, align_right=True),
    Column(QT_TRANSLATE_NOOP("RowsModel", "临近期限"), lambda r: r.near_deadline, align_right=True),
]

GREEN_COLUMNS: list[Column[GreenChannelRow]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "受理编号"), lambda r: r.case_no),
    Column(QT_TRANSLATE_NOOP("RowsModel", "事项"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("RowsModel", "申请人"), lambda r: r.applicant_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "帮办对象"), lambda r: r.flags),
    Column(QT_TRANSLATE_NOOP("RowsModel", "服务方式"), lambda r: r.mode),
    Column(QT_TRANSLATE_NOOP("RowsModel", "帮办人"), lambda r: r.helper),
    Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda r: word(r.state_label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "受理人"), lambda r: r.clerk),
    Column(QT_TRANSLATE_NOOP("RowsModel", "窗口"), lambda r: r.window),
]


class ReportsWorkspace(QWidget):
    open_case_requested = Signal(str)

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.figures: DayFigures | None = None
        outer = QVBoxLayout(self)
        # One line for the title, the date and when the figures are from; the figures as
        # name–value pairs, seven to a line: at 150 % on 1366×768 the lists below keep room
        # for eight cases and more.
        top = QHBoxLayout()
        title = QLabel(self.tr("统计报表"))
        set_role(title, "pageTitle")
        top.addWidget(title)
        self.updated = QLabel()
        self.updated.setObjectName("updatedLabel")
        top.addSpacing(12)
        top.addWidget(self.updated)
        # People waiting now: live, from the shared database, read on the queue's worker; in
        # the top line, so that the lists below keep their room.
        self.waiting_now = WaitingNow(ws, parent=self)
        top.addSpacing(12)
        top.addWidget(self.waiting_now, 1)
        caption = QLabel(self.tr("日期(&D)："))
        self.day = QDateEdit(self._qdate(ws.today()))
        self.day.setObjectName("reportDay")
        self.day.setAccessibleName(self.tr("统计日期"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        caption.setBuddy(self.day)
        top.addWidget(caption)
        top.addWidget(self.day)
        refresh = QPushButton(self.tr("刷新(&R)"))
        refresh.setObjectName("refreshButton")
        top.addWidget(refresh)
        outer.addLayout(top)

        self.grid = QGridLayout()
        self.grid.setVerticalSpacing(2)
        self.figure_labels: dict[str, QLabel] = {}
        per_line = 7
        for index, (key, label) in enumerate(self._figure_names()):
            name = QLabel(label)
            value = QLabel("—")
            value.setObjectName(f"figure_{key}")
            value.setAccessibleName(label)
            set_role(value, "pageTitle")
            name.setBuddy(value)
            row, col = index // per_line, (index % per_line) * 2
            self.grid.addWidget(name, row, col)
            self.grid.addWidget(value, row, col + 1)
            self.grid.setColumnStretch(col + 1, 1)
            self.figure_labels[key] = value
        # "—" (no wait yet) is wider than a digit: it takes the room the stretch gives, and
        # never widens the window.
        self.figure_labels["queue_wait"].setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        box = QGroupBox(self.tr("当日概况"))
        box.setLayout(self.grid)
        outer.addWidget(box)

        self.tabs = QTabWidget()
        self.overdue = RowsModel(DEADLINE_COLUMNS, lambda r: r.case_id, parent=self)
        self.near = RowsModel(DEADLINE_COLUMNS, lambda r: r.case_id, parent=self)
        self.by_window = RowsModel(STAFF_COLUMNS, lambda r: r.key, parent=self)
        self.by_clerk = RowsModel(STAFF_COLUMNS, lambda r: r.key, parent=self)
        self.by_department = RowsModel(DEPARTMENT_COLUMNS, lambda r: r.department, parent=self)
        for model, label in (
            (self.overdue, self.tr("已超期")),
            (self.near, self.tr("临近期限")),
            (self.by_window, self.tr("按窗口")),
            (self.by_clerk, self.tr("按人员")),
            (self.by_department, self.tr("按部门")),
        ):
            view = table_view(model)
            view.setAccessibleName(label)
            if model in (self.overdue, self.near):
                view.activated.connect(
                    lambda index, m=model: self.open_case_requested.emit(m.data(index, ID_ROLE))
                )
            self.tabs.addTab(view, label)
        self._green_tab()
        self._ratings_tab()
        self._people_tab()
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self._documents_box())

        refresh.clicked.connect(self.refresh)
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.refresh()
        # Every action at this desk, and every sync, shows here without 刷新 and without polling.
        Follower(self, FIGURES_FROM, self.refresh)

    @staticmethod
    def _qdate(day: date) -> QDate:
        return QDate(day.year, day.month, day.day)

    def selected_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def _figure_names(self) -> list[tuple[str, str]]:
        return [
            ("consultations", self.tr("咨询")),
            ("accepted", self.tr("受理")),
            ("accepted_deferred", self.tr("容缺受理")),
            ("supplement_requested", self.tr("一次性告知")),
            ("refused", self.tr("不予受理")),
            ("completed_at_window", self.tr("即办办结")),
            ("supplements_received", self.tr("补正后受理")),
            ("dispatched", self.tr("移交部门")),
            ("returned", self.tr("部门办结返回")),
            ("pickup", self.tr("窗口领取")),
            ("mail", self.tr("邮寄")),
            ("green_channel", self.tr("绿色通道")),
            ("overdue", self.tr("已超期（件）")),
            ("near_deadline", self.tr("临近期限（件）")),
            ("tickets_opened", self.tr("办不成事/投诉登记")),
            ("tickets_answered", self.tr("工单答复")),
            ("tickets_closed", self.tr("工单办结归档")),
            ("tickets_overdue", self.tr("已超期工单")),
            ("tickets_near", self.tr("临近期限工单")),
            ("queue_issued", self.tr("取号")),
            ("queue_wait", self.tr("平均等候(分)")),
        ]

    def refresh(self) -> DayFigures | None:
        self.waiting_now.refresh()
        try:
            figures = dashboard.day_figures(self.ws, self.actor, self.selected_day())
        except HallDeskError as exc:
            self.updated.setText(f"⚠ {exc.message}")
            return None
        self.figures = figures
        values: dict[str, object] = {
            "consultations": figures.consultations,
            "accepted": figures.intake.accepted,
            "accepted_deferred": figures.intake.accepted_deferred,
            "supplement_requested": figures.intake.supplement_requested,
            "refused": figures.intake.refused,
            "completed_at_window": figures.intake.completed_at_window,
            "supplements_received": figures.supplements_received,
            "dispatched": figures.dispatched,
            "returned": figures.returned,
            "pickup": figures.delivered_via("pickup"),
            "mail": figures.delivered_via("mail"),
            "green_channel": figures.green_channel,
            "overdue": figures.overdue_count,
            "near_deadline": figures.near_deadline_count,
        }
        desk = ticket_figures(self.ws, self.actor, figures.day)
        values |= {
            "tickets_opened": desk.opened,
            "tickets_answered": desk.answered,
            "tickets_closed": desk.closed,
            "tickets_overdue": desk.overdue,
            "tickets_near": desk.near_deadline,
        }
        self.ticket_figures = desk
        self._refresh_ratings(figures.ratings)
        waits = queue_figures(self.ws, figures.day, figures.day).total
        self.queue_figures = waits
        values |= {
            "queue_issued": waits.issued,
            "queue_wait": "—" if waits.wait_mean_s is None else f"{waits.wait_mean_s / 60:.1f}",
        }
        self.figure_labels["queue_wait"].setToolTip(
            self.tr("等候 = 叫号时间 − 取号时间；90% 的人不超过 %1 分钟；过号 %2 张")
            .replace("%1", "—" if waits.wait_p90_s is None else f"{waits.wait_p90_s / 60:.1f}")
            .replace("%2", str(waits.no_shows))
        )
        self._refresh_people(figures.day)
        for key, value in values.items():
            self.figure_labels[key].setText(str(value))
        self.overdue.set_rows(figures.overdue)
        self.near.set_rows(figures.near_deadline)
        self.by_window.set_rows(figures.by_window)
        self.by_clerk.set_rows(figures.by_clerk)
        self.by_department.set_rows(figures.by_department)
        self._refresh_green()
        closed = "" if figures.working_day else self.tr("（非工作日）")
        self.updated.setText(
            self.tr("{day}{closed}，办理后自动更新").format(
                day=figures.day.isoformat(), closed=closed
            )
        )
        return figures

    # -- 好差评 of the day ----------------------------------------------------------------------
    def _ratings_tab(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        self.rating_labels: dict[str, QLabel] = {}
        for key, label in (
            ("given", self.tr("评价")),
            ("unrated", self.tr("未评价（超时未作答）")),
            ("by_level", self.tr("按等级")),
            ("by_channel", self.tr("按渠道")),
            ("bad", self.tr("差评（不满意、非常不满意）")),
            ("bad_rate", self.tr("差评率")),
            ("bad_rate_after_appeals", self.tr("差评率（剔除申诉成立）")),
            ("satisfied_rate", self.tr("满意率")),
        ):
            value = QLabel("—")
            value.setObjectName(f"rating_{key}")
            value.setAccessibleName(label)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
            name = QLabel(self.tr("{label}：").format(label=label))
            name.setBuddy(value)
            form.addRow(name, value)
            self.rating_labels[key] = value
        self.tabs.addTab(page, self.tr("好差评"))

    def _refresh_ratings(self, r: RatingFigures) -> None:
        lv = r.levels
        values = {
            "given": str(r.given),
            "unrated": str(r.unrated),
            "by_level": comma().join(
                f"{word(level.label)} {n}" for level, n in lv.by_level.items()
            ),
            "by_channel": comma().join(f"{word(c.label)} {n}" for c, n in r.by_channel.items()),
            "bad": str(lv.bad),
            # Every ratio with its base: "4.0%（8/200）", "—" when nothing was rated.
            "bad_rate": ratio(lv.bad_rate),
            "bad_rate_after_appeals": self.tr("{rate}（申诉成立 {n} 条）").format(
                rate=ratio(lv.bad_rate_after_appeals), n=lv.upheld
            ),
            "satisfied_rate": ratio(lv.satisfied_rate),
        }
        for key, text in values.items():
            self.rating_labels[key].setText(text)

    # -- 人员与巡查: open findings, overdue action items, missing meetings ---------------------
    def _people_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.people_summary = QLabel()
        self.people_summary.setObjectName("peopleFigures")
        self.people_summary.setWordWrap(True)
        self._people_generation = 0  # bumps with every read: an older reply is stale
        layout.addWidget(self.people_summary)
        self.missing = RowsModel(MISSING_COLUMNS, lambda m: f"{m.kind}:{m.day}", parent=self)
        view = table_view(self.missing, self.tr("本月缺少的会议记录"))
        view.setObjectName("missingMeetingsTable")
        layout.addWidget(view, 1)
        self.people_index = self.tabs.addTab(page, self.tr("人员与巡查"))

    def _refresh_people(self, day: date) -> Op[people_figures.StaffFigures]:
        """Read off the GUI thread (the hall's findings, actions and meetings); a reply for a
        day the page no longer shows, overtaken by a newer read, is dropped."""
        self._people_generation += 1
        generation = self._people_generation
        ws, actor = self.ws, self.actor

        def show(people: people_figures.StaffFigures) -> None:
            if generation == self._people_generation:
                self._show_people(people)

        return (
            Op(self, lambda: people_figures.staff_figures(ws, actor, day))
            .refused(lambda exc: self.people_summary.setText(f"⚠ {exc.message}"))
            .success(show)
            .run()
        )

    def _show_people(self, people: people_figures.StaffFigures) -> None:
        self.staff_figures = people
        self.people_summary.setText(
            self.tr(
                "待整改巡查问题 {open} 条（其中已逾期 {late} 条）；"
                "逾期未完成的会议待办 {actions} 项；本月缺少的会议记录 {missing} 次"
            ).format(
                open=people.open_findings,
                late=people.overdue_findings,
                actions=people.overdue_actions,
                missing=people.missing_meetings,
            )
            + "".join(
                self.tr("\n提醒：{sheet}").format(sheet=sheet.text) for sheet in people.unanswered
            )
        )
        self.missing.set_rows(list(people.missing))
        # The count in the tab's title: seen without opening the tab, and not by colour.
        flagged = (
            people.missing_meetings
            + people.overdue_actions
            + people.overdue_findings
            + len(people.unanswered)
        )
        title = self.tr("人员与巡查")
        self.tabs.setTabText(
            self.people_index,
            self.tr("⚠ 人员与巡查（{n}）").format(n=flagged) if flagged else title,
        )

    # -- 帮您办 cases of the day --------------------------------------------------------------
    def _green_tab(self) -> None:
        self.green = RowsModel(GREEN_COLUMNS, lambda r: r.case_id, parent=self)
        view = table_view(self.green, self.tr("绿色通道办件"))
        view.setObjectName("greenChannelTable")
        view.activated.connect(
            lambda index: self.open_case_requested.emit(self.green.data(index, ID_ROLE))
        )
        self.green_view = view
        self.green_index = self.tabs.addTab(view, self.tr("♿ 绿色通道"))

    def _refresh_green(self) -> None:
        rows = dashboard.green_channel_cases(self.ws, self.actor, self.selected_day())
        self.green.set_rows(rows)
        self.tabs.setTabText(self.green_index, self.tr("♿ 绿色通道（{n}）").format(n=len(rows)))

    # -- documents -----------------------------------------------------------------------------
    def _documents_box(self) -> QWidget:
        # No frame of its own: its room goes to the lists above.
        box = QWidget()
        box.setObjectName("documentsBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        notes_row = QHBoxLayout()
        notes_label = QLabel(self.tr("班组长备注(&B)："))
        self.notes = NoteEdit(lines=2)
        self.notes.setPlaceholderText(self.tr("印在每日工作汇总上"))
        self.notes.setObjectName("leadNotes")
        self.notes.setAccessibleName(self.tr("班组长备注"))
        notes_label.setBuddy(self.notes)
        notes_row.addWidget(notes_label, 0, Qt.AlignmentFlag.AlignTop)
        notes_row.addWidget(self.notes, 1)
        # The summary the notes print on, beside them; the ledgers on a line of their own,
        # so that the page is no wider than 1200 px at 150 %.
        summary = QPushButton(self.tr("每日工作汇总(&S)…"))
        summary.setObjectName("dailySummaryButton")
        summary.clicked.connect(self.preview_daily_summary)
        self.summary_button = summary
        notes_row.addWidget(summary, 0, Qt.AlignmentFlag.AlignTop)
        monthly_button = QPushButton(self.tr("月度运营报告(&O)…"))
        monthly_button.setObjectName("monthlyReportButton")
        monthly_button.clicked.connect(self.open_monthly_report)
        self.monthly_button = monthly_button
        notes_row.addWidget(monthly_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(notes_row)
        row = QHBoxLayout()
        self.ledger_kind = QComboBox()
        self.ledger_kind.setObjectName("ledgerKind")
        self.ledger_kind.setAccessibleName(self.tr("台账类型"))
        for key, label in (
            ("cases", self.tr("办件台账")),
            ("consultations", self.tr("咨询登记台账")),
            ("routing", self.tr("材料流转台账")),
            ("deliveries", self.tr("出件台账")),
        ):
            self.ledger_kind.addItem(label, key)
        row.addWidget(self.ledger_kind)
        self.ledger_from = QDateEdit(self._qdate(self.ws.today().replace(day=1)))
        self.ledger_to = QDateEdit(self._qdate(self.ws.today()))
        for edit, name in (
            (self.ledger_from, self.tr("起始日期")),
            (self.ledger_to, self.tr("截止日期")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            row.addWidget(edit)
        self.unmask = QCheckBox(self.tr("含完整证件号码和电话（记入留痕）"))
        self.unmask.setObjectName("ledgerUnmask")
        row.addWidget(self.unmask)
        export = QPushButton(self.tr("导出台账(&E)…"))
        export.setObjectName("exportLedgerButton")
        export.clicked.connect(lambda: self.export_ledger())
        self.export_button = export
        row.addWidget(export)
        self.ledger_progress = ProgressLine("ledgerProgress")
        row.addWidget(self.ledger_progress, 1)
        row.addStretch(1)
        layout.addLayout(row)
        self.documents_message = error_label(box)
        layout.addWidget(self.documents_message)
        return box

    def open_monthly_report(self) -> None:
        from hall_desk.ui.monthly_report import MonthlyReportDialog

        dialog = MonthlyReportDialog(self.ws, self.actor, self)
        self.monthly_dialog = dialog
        dialog.open()

    def _say(self, text: str, error: bool) -> None:
        say(self.documents_message, text, error=error)

    def preview_daily_summary(self) -> Op[bytes]:
        from hall_desk.reports.daily import build_daily_summary

        ws, actor, day, notes = self.ws, self.actor, self.selected_day(), self.notes.toPlainText()
        return (
            Op(self, lambda: build_daily_summary(ws, actor, day, notes))
            .busy(self.summary_button)
            .refused(lambda exc: self._say(f"⚠ {exc.message}", True))
            .success(lambda data: self._show_summary(day, data))
            .run()
        )

    def _show_summary(self, day: date, data: bytes) -> None:
        title = self.tr("每日工作汇总 {day}").format(day=day.isoformat())
        self.preview = open_preview(self, self.ws.config.extra.get("printer"), data, title)

    def export_ledger(self) -> Op[int] | None:
        from hall_desk.reports.ledgers import KINDS, export

        kind = str(self.ledger_kind.currentData())
        start = self.ledger_from.date()
        end = self.ledger_to.date()
        name = f"{KINDS[kind]}_{start.toString('yyyyMMdd')}-{end.toString('yyyyMMdd')}.xlsx"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出台账"), name, self.tr("Excel 文件 (*.xlsx)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        ws, actor, unmask = self.ws, self.actor, self.unmask.isChecked()
        first = date(start.year(), start.month(), start.day())
        last = date(end.year(), end.month(), end.day())
        return (
            Op(
                self,
                lambda progress: export(
                    ws, actor, kind, first, last, path, unmask=unmask, progress=progress
                ),
            )
            .busy(self.export_button)
            .progress(self.ledger_progress)
            .refused(lambda exc: self._say(f"⚠ {exc.message}", True))
            .success(
                lambda rows: self._say(
                    self.tr("已导出 {rows} 行到 {path}").format(rows=rows, path=path), False
                )
            )
            .run()
        )
