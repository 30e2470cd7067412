"""The main window: navigation rail by role, workspaces, global search, status bar, idle lock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.deadline import DeadlineFlag
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services import cases, users
from hall_desk.services.cases import CaseHit
from hall_desk.services.settings import save_appearance
from hall_desk.services.workstation import Workstation
from hall_desk.ui import app_filter, appearance
from hall_desk.ui.changes import EVERYTHING, Entity, Follower
from hall_desk.ui.later import LaterPage
from hall_desk.ui.lock import IdleWatcher, LockGuard, LockPage
from hall_desk.ui.models import ID_ROLE, Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.rating_desk import RatingDesk
from hall_desk.ui.sync_panel import SyncPanel
from hall_desk.ui.time_words import deadline
from hall_desk.ui.widgets import ElidedLabel, set_role
from hall_desk.ui.words import word

if TYPE_CHECKING:
    # Imported where used: the queue bar (the live queue, the sync package, the shared
    # database's tables) only with a shared address, the print preview (QtPdf) at the first
    # print, the sync conflicts (the sync engine's conflict rules) when the lead opens them, a
    # case's view when one is opened. The first screen needs none of them.
    from hall_desk.ui.case_view import CaseView
    from hall_desk.ui.queue_bar import QueueBar
    from hall_desk.ui.sync_conflicts import ConflictsDialog


@dataclass(frozen=True)
class Workspace:
    """`label` and `coming` are source strings (context "Workspace"): show them translated."""

    key: str
    label: str
    permission: Permission
    coming: str  # what the workspace will hold, said honestly until it is built

    @property
    def shown_label(self) -> str:
        return QCoreApplication.translate("Workspace", self.label)

    @property
    def shown_coming(self) -> str:
        return QCoreApplication.translate("Workspace", self.coming) if self.coming else ""


WORKSPACES = [
    Workspace(
        "intake",
        QT_TRANSLATE_NOOP("Workspace", "综合受理"),
        Permission.INTAKE,
        QT_TRANSLATE_NOOP(
            "Workspace",
            "选择事项或一件事，录入申请人，核对材料清单，受理、容缺受理、一次性告知补正或不予受理，并打印通知书。",
        ),
    ),
    Workspace(
        "consult",
        QT_TRANSLATE_NOOP("Workspace", "咨询登记"),
        Permission.CONSULT,
        QT_TRANSLATE_NOOP(
            "Workspace", "快速登记现场和电话咨询，常用主题一键录入，转入受理时记录首问负责人。"
        ),
    ),
    Workspace(
        "routing",
        QT_TRANSLATE_NOOP("Workspace", "材料流转"),
        Permission.ROUTE,
        QT_TRANSLATE_NOOP(
            "Workspace",
            "扫码收取材料袋、预审、按部门批量移交并打印交接单，随时掌握每个材料袋的位置和剩余期限。",
        ),
    ),
    Workspace(
        "delivery",
        QT_TRANSLATE_NOOP("Workspace", "统一出件"),
        Permission.DELIVER,
        QT_TRANSLATE_NOOP(
            "Workspace", "待出件队列，本人或代领核验身份后领取，邮寄登记运单号，出件台账。"
        ),
    ),
    Workspace(
        "tickets",
        QT_TRANSLATE_NOOP("Workspace", "办不成事/投诉"),
        Permission.TICKETS,
        QT_TRANSLATE_NOOP(
            "Workspace", "办不成事反映、投诉、建议、表扬和好差评的登记、派单、限期解决与核查。"
        ),
    ),
    Workspace(
        "reports",
        QT_TRANSLATE_NOOP("Workspace", "统计报表"),
        Permission.REPORTS,
        QT_TRANSLATE_NOOP(
            "Workspace", "当日概况、超期和临近期限办件、每日工作汇总、月度报表和各类台账导出。"
        ),
    ),
    Workspace(
        "staff",
        QT_TRANSLATE_NOOP("Workspace", "人员与巡查"),
        Permission.STAFF,
        QT_TRANSLATE_NOOP(
            "Workspace",
            "晨会、周例会和待办事项，现场巡查与整改复查，月度绩效考评的计算、审核、发布和打印。",
        ),
    ),
    Workspace("admin", QT_TRANSLATE_NOOP("Workspace", "系统管理"), Permission.MANAGE_SETTINGS, ""),
]


def _green_channel(hit: CaseHit) -> str:
    return QCoreApplication.translate("RowsModel", "♿ 帮您办") if hit.green_channel else ""


def _deadline_words(hit: CaseHit) -> str:
    """Overdue and near the deadline said in words (and marked), never colour alone."""
    status = hit.deadline
    if status.flag in (DeadlineFlag.OVERDUE, DeadlineFlag.NEAR):
        return f"⚠ {deadline(status.text)}"
    return deadline(status.text) if status.flag != DeadlineFlag.DONE else ""


HIT_COLUMNS: list[Column[CaseHit]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "受理编号"), lambda h: h.case_no),
    Column(QT_TRANSLATE_NOOP("RowsModel", "事项"), lambda h: h.title),
    Column(QT_TRANSLATE_NOOP("RowsModel", "申请人"), lambda h: h.applicant_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "证件号码"), lambda h: h.applicant_id_masked),
    Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda h: word(h.state.label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "办结期限"), lambda h: h.due_date),
    Column(QT_TRANSLATE_NOOP("RowsModel", "期限"), _deadline_words),
    Column(QT_TRANSLATE_NOOP("RowsModel", "绿色通道"), _green_channel),
]


class Placeholder(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        title = QLabel(workspace.shown_label)
        set_role(title, "pageTitle")
        layout.addWidget(title)
        text = QLabel(
            self.tr("本工作区尚在建设中，下一版本提供：{coming}").format(
                coming=workspace.shown_coming
            )
        )
        text.setWordWrap(True)
        text.setObjectName("placeholderText")
        layout.addWidget(text)
        layout.addStretch(1)


class SearchResults(QDialog):
    """Several cases matched: pick one with the arrows and Enter."""

    def __init__(self, hits: list[CaseHit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("找到 {count} 个办件").format(count=len(hits)))
        self.model = RowsModel(HIT_COLUMNS, lambda h: h.id, hits, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.table.selectRow(0)
        self.table.activated.connect(lambda _index: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.resize(900, 420)

    def chosen_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.data(index, ID_ROLE) if index.isValid() else None

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    switch_user_requested = Signal()

    def __init__(
        self, ws: Workstation, actor: Actor, open_settings: Callable[[], None] | None = None
    ) -> None:
        super().__init__()
        self.ws = ws
        self.actor = actor
        self.open_settings = open_settings
        self.case_views: list[CaseView] = []
        self.hidden_while_locked: list[QWidget] = []
        self.enabled_before_lock: list[QAction] = []
        self.setWindowTitle(f"{ws.hall} — hall-desk")
        self.resize(1200, 780)

        # Built in one go: no input can reach it meanwhile (app_filter.unwatched).
        with app_filter.unwatched(self):
            self._build()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        # 好差评: the applicant's screen on the second display, for those who serve at a window.
        self.rating: RatingDesk | None = None
        if any(
            self.actor.may(p) for p in (Permission.INTAKE, Permission.CONSULT, Permission.DELIVER)
        ):
            self.rating = RatingDesk(self.ws, self.actor, self)

        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        work = QWidget()
        row = QHBoxLayout(work)
        row.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget()
        self.nav.setObjectName("navRail")
        self.nav.setAccessibleName(self.tr("工作区导航"))
        self.nav.setFixedWidth(170)
        self.workspaces = QStackedWidget()
        row.addWidget(self.nav)
        right = QVBoxLayout()
        right.addLayout(self._search_bar())
        right.addWidget(self.workspaces, 1)
        self.right = right
        self.queue_bar: QueueBar | None = None
        self._place_queue_bar()
        # An address typed in 设置 brings the bar (or takes it away) without a restart.
        Follower(self, [Entity.SETTINGS], self._place_queue_bar)
        row.addLayout(right, 1)
        self.pages.addWidget(work)
        for workspace in WORKSPACES:
            if not self.actor.may(workspace.permission):
                continue
            item = QListWidgetItem(workspace.shown_label)
            item.setData(ID_ROLE, workspace.key)
            self.nav.addItem(item)
            # Built on first visit: start-up pays only for the page the person sees first.
            shell = LaterPage(lambda w=workspace: self._built_workspace(w))
            shell.setProperty("workspace", workspace.key)
            self.workspaces.addWidget(shell)
        self.built: dict[str, QWidget] = {}
        self.nav.currentRowChanged.connect(self._enter_workspace)
        self.nav.setCurrentRow(0)

        # Built at the first lock.
        self._lock_guard: LockGuard | None = None
        self._lock_place = LaterPage(self._build_lock_page)
        self.pages.addWidget(self._lock_place)

        self._status_bar()
        self._actions()
        self.idle = IdleWatcher(max(1, self.ws.config.idle_lock_minutes) * 60_000, self)
        self.idle.idle.connect(self.lock)

    def _build_lock_page(self) -> LockPage:
        page = LockPage(self.ws, self.actor)
        page.unlocked.connect(self.unlock)
        page.switch_user.connect(self.switch_user_requested)
        self._lock_guard = LockGuard(page)
        return page

    @property
    def lock_page(self) -> LockPage:
        page = self._lock_place.page()
        assert isinstance(page, LockPage)
        return page

    @property
    def lock_guard(self) -> LockGuard:
        self._lock_place.page()  # the guard is made with the page it guards
        assert self._lock_guard is not None
        return self._lock_guard

    def _search_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        label = QLabel(self.tr("查找办件(&K)："))
        self.search = QLineEdit()
        self.search.setObjectName("globalSearch")
        self.search.setAccessibleName(self.tr("查找办件"))
        self.search.setPlaceholderText(
            self.tr("受理编号、证件号码、电话或姓名，扫码枪可直接扫入（Ctrl+K）")
        )
        self.search.setClearButtonEnabled(True)
        label.setBuddy(self.search)
        self.search.returnPressed.connect(self.run_search)
        self.search_message = QLabel()
        self.search_message.setObjectName("searchMessage")
        bar.addWidget(label)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.search_message)
        return bar

    def _enter_workspace(self, row: int) -> None:
        shell = self.workspaces.widget(row)
        if not isinstance(shell, LaterPage):
            return
        shell.page()  # built now, to take the focus whoever opened it gives it
        self.workspaces.setCurrentIndex(row)

    def _built_workspace(self, workspace: Workspace) -> QWidget:
        page = self._build_workspace(workspace)
        self.built[workspace.key] = page
        return page

    def _build_workspace(self, workspace: Workspace) -> QWidget:
        if workspace.key == "intake":
            from hall_desk.ui.intake_workspace import IntakeWorkspace

            self.intake = IntakeWorkspace(self.ws, self.actor)
            self.intake.print_requested.connect(self.print_intake_notice)
            self.intake.form.open_case_requested.connect(self.open_case)
            self._rated(self.intake.form.service_finished)
            self._visit(self.intake.form.decided, "case", lambda r: r.case_id)
            return self.intake
        if workspace.key == "consult":
            from hall_desk.ui.consult_workspace import ConsultWorkspace

            self.consult = ConsultWorkspace(self.ws, self.actor)
            self.consult.to_intake.connect(self.continue_at_intake)
            self._rated(self.consult.service_finished)
            self._visit(self.consult.service_finished, "consultation", lambda _k, i, _l: i)
            return self.consult
        if workspace.key == "routing":
            from hall_desk.ui.routing_workspace import RoutingWorkspace

            self.routing = RoutingWorkspace(self.ws, self.actor)
            self.routing.scan.open_case_requested.connect(self.open_case)
            self.routing.board.open_case_requested.connect(self.open_case)
            return self.routing
        if workspace.key == "delivery":
            from hall_desk.ui.delivery_workspace import DeliveryWorkspace

            self.delivery = DeliveryWorkspace(self.ws, self.actor)
            self.delivery.open_case_requested.connect(self.open_case)
            self._rated(self.delivery.service_finished)  # a pickup: a posted one has no visit
            self._visit(self.delivery.service_finished, "delivery", lambda _k, i, _l: i)
            return self.delivery
        if workspace.key == "reports":
            from hall_desk.ui.reports_workspace import ReportsWorkspace

            self.reports = ReportsWorkspace(self.ws, self.actor)
            self.reports.open_case_requested.connect(self.open_case)
            return self.reports
        if workspace.key == "staff":
            from hall_desk.ui.staff_workspace import StaffWorkspace

            self.staff = StaffWorkspace(self.ws, self.actor)
            self.staff.evaluations.open_case_requested.connect(self.open_case)
            self.staff.evaluations.open_ticket_requested.connect(self.open_ticket)
            return self.staff
        if workspace.key == "tickets":
            from hall_desk.ui.tickets_workspace import TicketsWorkspace

            self.tickets = TicketsWorkspace(self.ws, self.actor)
            self._visit(self.tickets.register.recorded, "ticket", lambda i: i)
            return self.tickets
        if workspace.key != "admin":
            return Placeholder(workspace)
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(workspace.shown_label)
        set_role(title, "pageTitle")
        layout.addWidget(title)
        settings = QPushButton(self.tr("系统设置(&S)…"))
        settings.setObjectName("openSettingsButton")
        settings.clicked.connect(lambda: self.open_settings() if self.open_settings else None)
        layout.addWidget(settings)
        layout.addWidget(
            QLabel(self.tr("大厅与工作站、自动锁定、同步、打印、工作日历、事项库、用户与角色。"))
        )
        layout.addStretch(1)
        return page

    def _place_queue_bar(self) -> None:
        """The 叫号 bar, above the workspaces, while the workstation has a shared address and the
        person serves at a window. The live queue needs the hall's shared database; when that is
        away, the bar says so and the rest of the window works as before."""
        url = (self.ws.config.shared_url or "").strip()
        callers = (Permission.INTAKE, Permission.CONSULT, Permission.DELIVER)
        wanted = bool(url) and any(self.actor.may(p) for p in callers)
        bar = self.queue_bar
        if bar is not None and wanted and bar.link.url == url:
            return  # the same address: the bar follows 设置 itself (window number, queues)
        if bar is not None:
            self.right.removeWidget(bar)
            self.queue_bar = None
            bar.retire()
        if wanted:
            from hall_desk.ui.queue_bar import QueueBar

            self.queue_bar = QueueBar(self.ws, self.actor)
            self.right.insertWidget(self.right.indexOf(self.workspaces), self.queue_bar)
            if self.isVisible():  # into a shown window: shown now, not on a later turn
                self.queue_bar.show()

    def _visit(self, started: SignalInstance, kind: str, visit_id: Callable[..., str]) -> None:
        """A visit recorded while this window has a number called becomes that number's visit
        (its rating and its wait are one visit's). The link runs on the queue's own worker:
        the visit is saved already, and a shared database that is away only says so."""
        # The bar of the moment: it comes and goes with the shared address.
        started.connect(
            lambda *args: (
                self.queue_bar is not None and self.queue_bar.link_visit(kind, visit_id(*args))
            )
        )

    def _rated(self, finished: SignalInstance) -> None:
        if self.rating is not None:
            finished.connect(self.rating.service_finished)

    def _status_bar(self) -> None:
        bar = self.statusBar()
        self.status_labels: dict[str, QLabel] = {}
        # The hall's name (also in the title bar) takes what room is left, and gives way
        # first; the rest stay whole.
        hall = ElidedLabel()
        hall.setObjectName("status_hall")
        hall.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_labels["hall"] = hall
        bar.addWidget(hall, 1)
        for key in ("workstation", "user", "database"):
            label = QLabel()
            label.setObjectName(f"status_{key}")
            self.status_labels[key] = label
            bar.addPermanentWidget(label)
        self.sync = SyncPanel(self.ws, self.actor, self)
        self.status_labels["sync"] = self.sync.label
        for widget in self.sync.widgets():
            bar.addPermanentWidget(widget)
        self.refresh_status()
        # The unsent count and the database size follow every action, wherever it was made.
        Follower(self.status_labels["database"], EVERYTHING, self.refresh_status)

    def refresh_status(self) -> None:
        s = self.status_labels
        s["hall"].setText(self.ws.hall)
        window = f" · {self.ws.config.window}" if self.ws.config.window else ""
        s["workstation"].setText(
            self.tr("工作站 {code}{window}").format(code=self.ws.code, window=window)
        )
        s["user"].setText(
            self.tr("{name}（{role}）").format(
                name=self.actor.display_name, role=word(self.actor.role.label)
            )
        )
        size_mb = self.ws.home.db_path.stat().st_size / 1_048_576
        s["database"].setText(self.tr("数据库正常（{size:.1f} MB）").format(size=size_mb))
        self.sync.refresh()

    def open_my_evaluation(self) -> None:
        from hall_desk.ui.my_evaluation import MyEvaluationDialog

        dialog = MyEvaluationDialog(self.ws, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.my_evaluation = dialog
        dialog.open()

    def _actions(self) -> None:
        def action(
            text: str, shortcuts: list[QKeySequence | str], slot: Callable[[], None], name: str
        ) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcuts([QKeySequence(s) for s in shortcuts])
            act.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        view = self.menuBar().addMenu(self.tr("视图(&V)"))
        view.addAction(
            action(self.tr("查找办件"), ["Ctrl+K"], self.focus_search, "focusSearchAction")
        )
        view.addSeparator()
        view.addAction(
            action(
                self.tr("放大字体"),
                [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
                lambda: self.zoom(+1),
                "zoomInAction",
            )
        )
        view.addAction(
            action(
                self.tr("缩小字体"),
                [QKeySequence.StandardKey.ZoomOut],
                lambda: self.zoom(-1),
                "zoomOutAction",
            )
        )
        view.addAction(
            action(self.tr("恢复字体大小"), ["Ctrl+0"], lambda: self.zoom(0), "zoomResetAction")
        )
        view.addSeparator()
        # Ctrl+1…9: the workspaces in the rail's order, in this window only (not over a case
        # view or a dialog of its own).
        go = view.addMenu(self.tr("切换工作区"))
        for row in range(min(9, self.nav.count())):
            item = self.nav.item(row)
            key = f"Ctrl+{row + 1}"
            act = action(
                item.text(),
                [key],
                lambda _checked=False, r=row: self.go_to_workspace(r),
                f"workspace{row + 1}Action",
            )
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            go.addAction(act)
            item.setToolTip(key)
        themes = view.addMenu(self.tr("主题"))
        for key in appearance.THEMES:
            themes.addAction(
                action(
                    appearance.theme_label(key),
                    [],
                    # triggered(bool) must not arrive as the theme's name.
                    lambda _checked=False, k=key: self.set_theme(k),
                    f"theme_{key}",
                )
            )
        tools = self.menuBar().addMenu(self.tr("工具(&T)"))
        tools.addAction(action(self.tr("锁定"), ["Ctrl+L"], self.lock, "lockAction"))
        tools.addAction(
            action(self.tr("切换用户…"), [], self.switch_user_requested.emit, "switchUserAction")
        )
        tools.addAction(action(self.tr("立即同步"), [], self.sync.sync_now, "syncNowAction"))
        tools.addAction(
            action(self.tr("修改密码…"), [], self.change_password, "changePasswordAction")
        )
        if self.rating is not None:
            tools.addAction(
                action(
                    self.tr("窗口代录评价…"), ["Ctrl+E"], self.record_rating, "proxyRatingAction"
                )
            )
            tools.addAction(action(self.tr("我的评价…"), [], self.my_ratings, "myRatingsAction"))
        tools.addAction(
            action(self.tr("我的绩效考评…"), [], self.open_my_evaluation, "myEvaluationAction")
        )
        if self.actor.may(Permission.REPORTS):
            tools.addAction(
                action(self.tr("同步冲突…"), [], self.open_conflicts, "conflictsAction")
            )
        if self.actor.may(Permission.MANAGE_SETTINGS) and self.open_settings:
            tools.addAction(action(self.tr("系统设置…"), [], self.open_settings, "settingsAction"))

    def record_rating(self) -> QDialog:
        from hall_desk.ui.rating_proxy import ProxyRatingDialog

        dialog = ProxyRatingDialog(self.ws, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def my_ratings(self) -> QDialog:
        from hall_desk.ui.ratings_page import MyRatingsDialog

        dialog = MyRatingsDialog(self.ws, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def change_password(self) -> QDialog:
        from hall_desk.ui.password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ws, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("密码已修改"), 5000))
        self.password_dialog = dialog
        dialog.open()
        return dialog

    def open_conflicts(self) -> ConflictsDialog:
        from hall_desk.ui.sync_conflicts import ConflictsDialog

        dialog = ConflictsDialog(self.ws, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conflicts_dialog = dialog
        dialog.open()
        return dialog

    # -- behaviour -----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self) -> CaseView | SearchResults | None:
        text = self.search.text().strip()
        if not text:
            return None
        hits = cases.search_cases(self.ws, text)
        if not hits:
            self.search_message.setText(self.tr("⚠ 没有找到「{text}」对应的办件").format(text=text))
            return None
        self.search_message.setText(
            self.tr("找到 {count} 个办件").format(count=len(hits)) if len(hits) > 1 else ""
        )
        if len(hits) == 1:
            return self.open_case(hits[0].id)
        chooser = SearchResults(hits, self)
        chooser.accepted.connect(lambda: self._open_chosen(chooser))
        self.search_results = chooser
        chooser.open()
        return chooser

    def _open_chosen(self, chooser: SearchResults) -> None:
        chosen = chooser.chosen_id()
        if chosen:
            self.open_case(chosen)

    def current_workspace(self) -> QWidget | None:
        shell = self.workspaces.currentWidget()
        return self.built.get(str(shell.property("workspace"))) if shell is not None else None

    def go_to_workspace(self, row: int) -> None:
        """To the workspace in this row of the rail, with the focus on its first field."""
        self.nav.setCurrentRow(row)
        page = self.current_workspace()
        if page is None:
            return
        # The first field in Tab order (the window's chain, which a page built later joins
        # at its own place). Tab bars and the scroll area around a form are skipped: the
        # clerk wants to type.
        widget = self.nextInFocusChain()
        while widget is not self:
            if (
                widget is not page  # isAncestorOf counts the page itself
                and page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and not isinstance(widget, (QTabBar, QScrollArea))
            ):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()

    def show_workspace(self, key: str) -> bool:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(ID_ROLE) == key:
                self.nav.setCurrentRow(row)
                return True
        return False

    def continue_at_intake(
        self, consultation_id: str, item_code: str, name: str = "", phone: str = ""
    ) -> None:
        """咨询 → 受理 at the same desk; the consulting clerk stays first responder."""
        if self.show_workspace("intake"):
            self.intake.setCurrentIndex(0)
            form = self.intake.form
            form.start_from_consultation(consultation_id, item_code, name, phone)
            # The consultation's page is hidden now: the next keys (the ID number) go here.
            form.id_number.setFocus()

    def print_intake_notice(
        self, case_id: str, button: QWidget | None = None
    ) -> Op[tuple[str, bytes]]:
        """The notice is built (reportlab) off the GUI thread; `button`, the one pressed, stays
        disabled until the preview opens."""
        from hall_desk.reports.notices import intake_notice

        ws, actor = self.ws, self.actor

        def show(made: tuple[str, bytes]) -> None:
            title, data = made
            from hall_desk.ui.printing import open_preview

            self.notice_preview = open_preview(self, ws.config.extra.get("printer"), data, title)

        op = Op(self, lambda: intake_notice(ws, actor, case_id)).success(show)
        return (op.busy(button) if button is not None else op).run()

    def open_ticket(self, ticket_no: str) -> None:
        """A ticket named elsewhere (the evidence of an evaluation) shown in its list."""
        if self.show_workspace("tickets"):
            self.tickets.tabs.setCurrentWidget(self.tickets.desk)
            self.tickets.desk.select(ticket_no)

    def open_case(self, case_id: str) -> CaseView:
        from hall_desk.ui.case_view import CaseView

        view = CaseView(self.ws, self.actor, case_id, self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.destroyed.connect(
            lambda _=None, v=view: self.case_views.remove(v) if v in self.case_views else None
        )
        self.case_views.append(view)
        view.show()
        self.search.selectAll()
        return view

    def zoom(self, direction: int) -> float:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        current = float(self.ws.config.extra.get("font_scale", 1.0))
        scale = 1.0 if direction == 0 else current + direction * appearance.STEP
        scale = appearance.apply_font_scale(app, scale)
        save_appearance(self.ws, font_scale=scale)
        self.statusBar().showMessage(
            self.tr("字体大小：{percent}%").format(percent=round(scale * 100)), 3000
        )
        return scale

    def set_theme(self, name: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        applied = appearance.apply_theme(app, name)
        save_appearance(self.ws, theme=applied)

    @property
    def locked(self) -> bool:
        return self.pages.currentWidget() is self._lock_place

    def lock(self) -> None:
        if self.locked:
            return
        # Open dialogs (a case with an unmasked number…) hide too, and come back on unlock.
        self.hidden_while_locked = [
            w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()
        ]
        for widget in self.hidden_while_locked:
            widget.hide()
        self.pages.setCurrentWidget(self._lock_place)
        self.menuBar().setEnabled(False)
        self.enabled_before_lock = [act for act in self.actions() if act.isEnabled()]
        for act in self.enabled_before_lock:
            act.setEnabled(False)
        self.lock_guard.engage()
        self.lock_page.password.setFocus()
        users.prepare_check()

    def allow_while_locked(self, window: QWidget) -> None:
        """A window asked over the lock (the login of 切换用户) takes input like the lock page."""
        self.lock_guard.allow(window)

    def unlock(self) -> None:
        self.lock_guard.release()
        self.pages.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        for act in self.enabled_before_lock:
            act.setEnabled(True)
        self.enabled_before_lock = []
        for widget in self.hidden_while_locked:
            widget.show()
        self.hidden_while_locked = []
        self.idle.timer.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.stop()
        if self.rating is not None:
            self.rating.close()
        if self.queue_bar is not None:
            self.queue_bar.close_link()
        if "reports" in self.built:
            self.reports.waiting_now.close_link()
        if self._lock_place.is_built:
            self.lock_guard.release()
        for view in list(self.case_views):
            view.close()
        super().closeEvent(event)
