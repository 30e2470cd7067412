"""Settings (admin): hall and workstation, idle lock, sync, printer, calendar, catalog, users,
backup and restore."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.calendar import DayOverride
from hall_desk.domain.errors import HallDeskError, ValidationErrors
from hall_desk.domain.queue import WINDOW_KEY
from hall_desk.domain.ratings import REASONS_SETTING, RECTIFY_SETTING
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import backup as backup_service
from hall_desk.services import calendar as calendar_service
from hall_desk.services import catalog, queue, ratings, users
from hall_desk.services.settings import (
    NO_RATING_SCREEN,
    RATING_SCREEN,
    RATING_TIMEOUT,
    hall_contact,
    rating_timeout,
    update_settings,
)
from hall_desk.services.tickets import reopen_days
from hall_desk.services.users import UserAccount
from hall_desk.services.workstation import Workstation
from hall_desk.ui.changes import Entity
from hall_desk.ui.forms import child, load_form
from hall_desk.ui.models import ID_ROLE, Column, RowsModel
from hall_desk.ui.ops import Op
from hall_desk.ui.progress_line import ProgressLine
from hall_desk.ui.queue_settings import QueueSettingsTab
from hall_desk.ui.widgets import FieldErrors, error_label, say, table_view
from hall_desk.ui.words import word


def _user_state(user: UserAccount) -> str:
    if user.active:
        return QCoreApplication.translate("RowsModel", "启用")
    return QCoreApplication.translate("RowsModel", "已停用")


OVERRIDE_COLUMNS: list[Column[DayOverride]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "日期"), lambda o: o.day),
    Column(QT_TRANSLATE_NOOP("RowsModel", "类型"), lambda o: word(calendar_service.KINDS[o.kind])),
    Column(QT_TRANSLATE_NOOP("RowsModel", "说明"), lambda o: o.note),
]
USER_COLUMNS: list[Column[UserAccount]] = [
    Column(QT_TRANSLATE_NOOP("RowsModel", "用户名"), lambda u: u.username),
    Column(QT_TRANSLATE_NOOP("RowsModel", "姓名"), lambda u: u.display_name),
    Column(QT_TRANSLATE_NOOP("RowsModel", "角色"), lambda u: word(Role(u.role).label)),
    Column(QT_TRANSLATE_NOOP("RowsModel", "窗口"), lambda u: u.window),
    Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), _user_state),
]


class SettingsDialog(QDialog):
    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        self.setWindowTitle(self.tr("系统设置"))
        self.resize(820, 560)
        self.form = load_form("settings", self)
        QVBoxLayout(self).addWidget(self.form)
        f = self.form
        self.hall = child(f, QLineEdit, "hallEdit")
        self.window_name = child(f, QLineEdit, "windowEdit")
        self.queue_window = child(f, QLineEdit, "queueWindowEdit")
        self.idle = child(f, QSpinBox, "idleSpin")
        self.shared = child(f, QLineEdit, "sharedEdit")
        self.sync_time = child(f, QTimeEdit, "syncTimeEdit")
        self.printer = child(f, QComboBox, "printerCombo")
        self.contact_phone = child(f, QLineEdit, "contactPhoneEdit")
        self.hall_address = child(f, QLineEdit, "hallAddressEdit")
        self.reopen_days = child(f, QSpinBox, "reopenDaysSpin")
        self.rating_screen = child(f, QComboBox, "ratingScreenCombo")
        self.rating_timeout = child(f, QSpinBox, "ratingTimeoutSpin")
        self.rectify_days = child(f, QSpinBox, "rectifyDaysSpin")
        self.bad_reasons = child(f, QPlainTextEdit, "badReasonsEdit")
        labels = {
            name: child(f, QLabel, f"{name}Error")
            for name in (
                "hall",
                WINDOW_KEY,
                "idle_lock_minutes",
                "shared_url",
                "sync_time",
                "contact_phone",
                "hall_address",
                "ticket_reopen_days",
                RATING_SCREEN,
                RATING_TIMEOUT,
                RECTIFY_SETTING,
                REASONS_SETTING,
            )
        }
        self.errors = FieldErrors(labels, child(f, QLabel, "generalError"), self)
        buttons = child(f, QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self._load_general()
        self._build_calendar_tab(child(f, QWidget, "calendarTab"))
        self._build_catalog_tab(child(f, QWidget, "catalogTab"))
        self._build_users_tab(child(f, QWidget, "usersTab"))
        self.queues = QueueSettingsTab(ws, actor)
        child(f, QTabWidget, "tabs").addTab(self.queues, self.tr("叫号队列"))
        self._build_backup_tab(child(f, QTabWidget, "tabs"))

    # -- general -------------------------------------------------------------------------------
    def _load_general(self) -> None:
        c = self.ws.config
        self.hall.setText(self.ws.hall)  # the hall's shared name, once synced
        child(self.form, QLabel, "workstationValue").setText(
            self.tr("{code}（编码是受理编号的一部分，不能修改）").format(code=c.workstation)
        )
        self.window_name.setText(c.window)
        self.queue_window.setText(queue.window_of(self.ws) if queue.calls_here(self.ws) else "")
        contact = hall_contact(self.ws)
        self.contact_phone.setText(contact.phone)
        self.hall_address.setText(contact.address)
        self.idle.setValue(c.idle_lock_minutes)
        self.reopen_days.setValue(reopen_days(self.ws))
        self.shared.setText(c.shared_url)
        self.sync_time.setTime(QTime.fromString(c.sync_time, "HH:mm"))
        self.printer.addItem(self.tr("（系统默认打印机）"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        current = str(c.extra.get("printer", ""))
        index = self.printer.findData(current)
        if index < 0 and current:
            self.printer.addItem(self.tr("{printer}（未连接）").format(printer=current), current)
            index = self.printer.count() - 1
        self.printer.setCurrentIndex(max(0, index))
        self._add_language_row()
        self._load_rating_screens()
        self.rating_timeout.setValue(rating_timeout(self.ws))
        self.rectify_days.setValue(ratings.rectify_days(self.ws))
        self.bad_reasons.setPlainText("\n".join(ratings.bad_reasons(self.ws)))

    def _add_language_row(self) -> None:
        # Applied when the dialog closes saved: the window is then rebuilt (ui/language.py).
        self.language = QComboBox(self.form)
        self.language.setObjectName("languageCombo")
        self.language.setAccessibleName(self.tr("界面语言"))
        for label, value in (
            (self.tr("跟随系统"), "system"),
            (self.tr("中文"), "zh"),
            ("English", "en"),  # its own name, in any language
        ):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(
            max(0, self.language.findData(str(self.ws.config.extra.get("language", "system"))))
        )
        label = QLabel(self.tr("界面语言(&G)："), self.form)
        label.setBuddy(self.language)
        rows = self.form.findChild(QFormLayout, "hallForm")
        assert rows is not None
        rows.addRow(label, self.language)

    def _load_rating_screens(self) -> None:
        box = self.rating_screen
        box.addItem(self.tr("自动（第二块显示器，没有则不用）"), "")
        box.addItem(self.tr("无"), NO_RATING_SCREEN)
        for screen in QGuiApplication.screens():
            size = screen.geometry()
            shown = self.tr("{name}（{w}×{h}）").format(
                name=screen.name(), w=size.width(), h=size.height()
            )
            box.addItem(shown, screen.name())
        current = str(self.ws.config.extra.get(RATING_SCREEN, ""))
        index = box.findData(current)
        if index < 0:
            box.addItem(self.tr("{name}（未连接）").format(name=current), current)
            index = box.count() - 1
        box.setCurrentIndex(index)

    def save(self) -> Op[object]:
        ws, actor = self.ws, self.actor
        values = dict(
            hall=self.hall.text(),
            window=self.window_name.text(),
            queue_window=self.queue_window.text(),
            idle_lock_minutes=self.idle.value(),
            shared_url=self.shared.text(),
            sync_time=self.sync_time.time().toString("HH:mm"),
            printer=self.printer.currentData() or "",
            contact_phone=self.contact_phone.text(),
            hall_address=self.hall_address.text(),
            ticket_reopen_days=self.reopen_days.value(),
            rating_screen=self.rating_screen.currentData() or "",
            rating_timeout_seconds=self.rating_timeout.value(),
            rating_rectify_days=self.rectify_days.value(),
            rating_bad_reasons=self.bad_reasons.toPlainText(),
            language=self.language.currentData(),
        )
        inputs: dict[str, QWidget] = {
            "hall": self.hall,
            WINDOW_KEY: self.queue_window,
            "contact_phone": self.contact_phone,
            "hall_address": self.hall_address,
            "ticket_reopen_days": self.reopen_days,
            RATING_SCREEN: self.rating_screen,
            RATING_TIMEOUT: self.rating_timeout,
            RECTIFY_SETTING: self.rectify_days,
            REASONS_SETTING: self.bad_reasons,
            "idle_lock_minutes": self.idle,
            "shared_url": self.shared,
            "sync_time": self.sync_time,
        }

        def refused(exc: HallDeskError) -> None:
            # Bring the tab with the bad value to the front, then mark the field.
            field = getattr(exc, "field", "")
            tabs = child(self.form, QTabWidget, "tabs")
            for i in range(tabs.count()):
                if field in inputs and tabs.widget(i).isAncestorOf(inputs[field]):
                    tabs.setCurrentIndex(i)
            self.errors.show(exc, inputs)

        return (
            Op(self, lambda: update_settings(ws, actor, **values), touches=[Entity.SETTINGS])
            .busy(child(self.form, QDialogButtonBox, "buttons"))
            .refused(refused)
            .success(lambda _result: self.accept())
            .run()
        )

    def _build_calendar_tab(self, tab: QWidget) -> None:
        layout = QVBoxLayout(tab)
        layout.addWidget(
            QLabel(
                self.tr(
                    "法定节假日和调休由程序内置；这里录入本地节日、大厅闭厅日、临时调整，"
                    "或尚未内置年份的全年安排。"
                )
            )
        )
        self.overrides = RowsModel(OVERRIDE_COLUMNS, lambda o: o.day.isoformat(), parent=self)
        self.overrides_table = table_view(self.overrides)
        self.overrides_table.setAccessibleName(self.tr("工作日历例外日"))
        layout.addWidget(self.overrides_table, 1)
        row = QHBoxLayout()
        today = self.ws.today()
        self.override_day = QDateEdit(QDate(today.year, today.month, today.day))
        self.override_day.setCalendarPopup(True)
        self.override_day.setDisplayFormat("yyyy-MM-dd")
        self.override_day.setAccessibleName(self.tr("例外日期"))
        self.override_kind = QComboBox()
        self.override_kind.setAccessibleName(self.tr("例外类型"))
        for key, label in calendar_service.KINDS.items():
            self.override_kind.addItem(word(label), key)
        self.override_note = QLineEdit()
        self.override_note.setPlaceholderText(self.tr("说明，如：那达慕大会闭厅"))
        self.override_note.setAccessibleName(self.tr("例外说明"))
        add = QPushButton(self.tr("添加(&A)"))
        add.setObjectName("addOverrideButton")
        remove = QPushButton(self.tr("删除所选(&D)"))
        remove.setObjectName("removeOverrideButton")
        for widget in (self.override_day, self.override_kind, self.override_note):
            row.addWidget(widget)
        row.addWidget(add)
        row.addWidget(remove)
        layout.addLayout(row)
        self.calendar_error = error_label(tab)
        layout.addWidget(self.calendar_error)
        add.clicked.connect(self.add_override)
        remove.clicked.connect(self.remove_override)
        layout.addWidget(self._years_box())
        self._reload_overrides()

    def _reload_overrides(self) -> None:
        self.overrides.set_rows(calendar_service.list_overrides(self.ws))

    def _years_box(self) -> QGroupBox:
        """A year missing from the built-in schedule: once the hall has typed in all of its
        holidays and adjusted days above, its due dates stop being marked 估算."""
        box = QGroupBox(self.tr("全年安排"))
        layout = QVBoxLayout(box)
        self.covered_label = QLabel()
        self.covered_label.setObjectName("coveredYears")
        self.covered_label.setWordWrap(True)
        layout.addWidget(self.covered_label)
        row = QHBoxLayout()
        caption = QLabel(self.tr("年份(&Y)："))
        self.covered_year = QSpinBox()
        self.covered_year.setObjectName("coveredYearSpin")
        self.covered_year.setAccessibleName(self.tr("年份"))
        self.covered_year.setRange(2000, 2100)
        self.covered_year.setValue(self.ws.today().year + 1)
        caption.setBuddy(self.covered_year)
        self.covered_note = QLineEdit()
        self.covered_note.setObjectName("coveredYearNote")
        self.covered_note.setAccessibleName(self.tr("全年安排说明"))
        self.covered_note.setPlaceholderText(
            self.tr("依据，如：国务院办公厅通知（国办发明电〔2026〕×号）")
        )
        declare = QPushButton(self.tr("声明该年已全部录入(&E)"))
        declare.setObjectName("declareYearButton")
        withdraw = QPushButton(self.tr("撤销声明(&W)"))
        withdraw.setObjectName("withdrawYearButton")
        for widget in (caption, self.covered_year, self.covered_note):
            row.addWidget(widget)
        row.addWidget(declare)
        row.addWidget(withdraw)
        layout.addLayout(row)
        self.year_error = error_label(box)
        self.year_error.setObjectName("coveredYearError")
        layout.addWidget(self.year_error)
        declare.clicked.connect(lambda: self.set_year_covered(True))
        withdraw.clicked.connect(lambda: self.set_year_covered(False))
        self._reload_years()
        return box

    def _reload_years(self) -> None:
        years = calendar_service.covered_years(self.ws)
        if years:
            self.covered_label.setText(
                self.tr("已声明全部录入的年份：{years}（这些年份的办结期限不再标注“估算”）").format(
                    years="、".join(str(y) for y in years)
                )
            )
        else:
            self.covered_label.setText(
                self.tr("尚无声明全部录入的年份：内置安排之外的年份，办结期限标注“估算”。")
            )

    def set_year_covered(self, covered: bool) -> bool:
        year = self.covered_year.value()
        if not covered and year not in calendar_service.covered_years(self.ws):
            self.year_error.setText(self.tr("⚠ {year} 年没有声明过").format(year=year))
            self.year_error.setVisible(True)
            return False
        try:
            calendar_service.set_year_covered(
                self.ws, self.actor, year, covered, self.covered_note.text().strip()
            )
        except HallDeskError as exc:
            self.year_error.setText(f"⚠ {exc.message}")
            self.year_error.setVisible(True)
            return False
        self.year_error.setVisible(False)
        self.covered_note.clear()
        self._reload_years()
        return True

    def add_override(self) -> None:
        qd = self.override_day.date()
        try:
            calendar_service.set_override(
                self.ws,
                self.actor,
                date(qd.year(), qd.month(), qd.day()),
                self.override_kind.currentData(),
                self.override_note.text(),
            )
        except HallDeskError as exc:
            self.calendar_error.setText(f"⚠ {exc.message}")
            self.calendar_error.setVisible(True)
            return
        self.calendar_error.setVisible(False)
        self.override_note.clear()
        self._reload_overrides()

    def remove_override(self) -> None:
        index = self.overrides_table.currentIndex()
        if not index.isValid():
            self.calendar_error.setText(self.tr("⚠ 请先在表中选择要删除的日期"))
            self.calendar_error.setVisible(True)
            return
        day = date.fromisoformat(self.overrides.data(index, ID_ROLE))
        try:
            calendar_service.remove_override(self.ws, self.actor, day)
        except HallDeskError as exc:
            self.calendar_error.setText(f"⚠ {exc.message}")
            self.calendar_error.setVisible(True)
            return
        self._reload_overrides()

    # -- catalog -------------------------------------------------------------------------------
    def _build_catalog_tab(self, tab: QWidget) -> None:
        layout = QVBoxLayout(tab)
        self.catalog_summary = QLabel()
        layout.addWidget(self.catalog_summary)
        row = QHBoxLayout()
        import_button = QPushButton(self.tr("从 Excel 导入(&I)…"))
        import_button.setObjectName("importCatalogButton")
        export_button = QPushButton(self.tr("导出为 Excel(&E)…"))
        export_button.setObjectName("exportCatalogButton")
        row.addWidget(import_button)
        row.addWidget(export_button)
        self.import_button = import_button
        self.catalog_progress = ProgressLine("catalogProgress")
        row.addWidget(self.catalog_progress, 1)
        row.addStretch(1)
        layout.addLayout(row)
        self.catalog_report = QPlainTextEdit()
        self.catalog_report.setReadOnly(True)
        self.catalog_report.setAccessibleName(self.tr("导入结果"))
        layout.addWidget(self.catalog_report, 1)
        import_button.clicked.connect(lambda: self.import_catalog())
        export_button.clicked.connect(lambda: self.export_catalog())
        self._reload_catalog_summary()

    def _reload_catalog_summary(self) -> None:
        items, themes = catalog.load_catalog(self.ws)
        departments = len({i.department for i in items})
        self.catalog_summary.setText(
            self.tr(
                "当前事项库：{items} 项事项，{departments} 个实施部门，{themes} 个一件事。"
                "导入时有任何错误行则全部不导入。"
            ).format(items=len(items), departments=departments, themes=len(themes))
        )

    def import_catalog(self, path: Path | None = None) -> Op[tuple[int, int]] | None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("导入事项库"), "", self.tr("Excel 文件 (*.xlsx)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        ws, actor, source = self.ws, self.actor, path
        self.catalog_report.clear()
        # A whole catalog is thousands of rows read and checked: off the GUI thread, with progress.
        return (
            Op(
                self,
                lambda progress: catalog.import_catalog_xlsx(ws, actor, source, progress),
                touches=[Entity.CATALOG],
            )
            .busy(self.import_button)
            .progress(self.catalog_progress)
            .refused(self._catalog_refused)
            .success(self._catalog_imported)
            .run()
        )

    def _catalog_refused(self, exc: HallDeskError) -> None:
        if isinstance(exc, ValidationErrors):
            self.catalog_report.setPlainText(
                self.tr("未导入。请修改以下各行后重新导入：")
                + "\n"
                + "\n".join(e.message for e in exc.errors)
            )
        else:
            self.catalog_report.setPlainText(
                self.tr("未导入：{message}").format(message=exc.message)
            )

    def _catalog_imported(self, counts: tuple[int, int]) -> None:
        n_items, n_themes = counts
        self.catalog_report.setPlainText(
            self.tr("已导入：事项 {items} 项，一件事 {themes} 个。").format(
                items=n_items, themes=n_themes
            )
        )
        self._reload_catalog_summary()

    def export_catalog(self, path: Path | None = None) -> bool:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出事项库"), self.tr("事项库.xlsx"), self.tr("Excel 文件 (*.xlsx)")
            )
            if not chosen:
                return False
            path = Path(chosen)
        try:
            n = catalog.export_catalog_xlsx(self.ws, path)
        except HallDeskError as exc:
            self.catalog_report.setPlainText(
                self.tr("未导出：{message}").format(message=exc.message)
            )
            return False
        self.catalog_report.setPlainText(
            self.tr("已导出 {count} 项事项到 {path}").format(count=n, path=path)
        )
        return True

    # -- users ---------------------------------------------------------------------------------
    def _build_users_tab(self, tab: QWidget) -> None:
        layout = QVBoxLayout(tab)
        self.users_model = RowsModel(USER_COLUMNS, lambda u: u.username, parent=self)
        self.users_table = table_view(self.users_model)
        self.users_table.setAccessibleName(self.tr("用户列表"))
        layout.addWidget(self.users_table, 1)
        actions = QHBoxLayout()
        for text, name, slot in (
            (self.tr("停用/启用所选"), "toggleUserButton", self.toggle_user),
            (self.tr("解锁所选"), "unlockUserButton", self.unlock_user),
            (self.tr("所选改为下方角色"), "changeRoleButton", self.change_role),
            (self.tr("重设所选用户的密码(&W)…"), "resetPasswordButton", self.reset_password),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            actions.addWidget(button)
        self.user_role = QComboBox()
        self.user_role.setAccessibleName(self.tr("角色"))
        for role in (Role.CLERK, Role.ROUTER, Role.LEAD, Role.ADMIN):
            self.user_role.addItem(word(role.label), role.value)
        actions.addStretch(1)
        layout.addLayout(actions)
        add_form = QFormLayout()
        self.new_username = QLineEdit()
        self.new_username.setAccessibleName(self.tr("新用户名"))
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName(self.tr("新用户姓名"))
        self.new_window = QLineEdit()
        self.new_window.setAccessibleName(self.tr("新用户窗口"))
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setAccessibleName(self.tr("新用户初始密码"))
        add_form.addRow(self.tr("用户名："), self.new_username)
        add_form.addRow(self.tr("姓名："), self.new_name)
        add_form.addRow(self.tr("角色："), self.user_role)
        add_form.addRow(self.tr("窗口："), self.new_window)
        add_form.addRow(self.tr("初始密码："), self.new_password)
        add = QPushButton(self.tr("添加用户(&N)"))
        add.setObjectName("addUserButton")
        add.clicked.connect(self.add_user)
        add_form.addRow("", add)
        layout.addLayout(add_form)
        self.users_error = error_label(tab)
        layout.addWidget(self.users_error)
        self._reload_users()

    def _reload_users(self) -> None:
        self.users_model.set_rows(users.list_users(self.ws, self.actor))

    def _selected_user(self) -> UserAccount | None:
        index = self.users_table.currentIndex()
        return self.users_model.row_at(index.row()) if index.isValid() else None

    def _user_call(self, fn, *args, **kwargs) -> bool:  # type: ignore[no-untyped-def]
        try:
            fn(self.ws, self.actor, *args, **kwargs)
        except HallDeskError as exc:
            self._say_users(f"⚠ {exc.message}")
            return False
        self.users_error.setVisible(False)
        self._reload_users()
        return True

    def add_user(self) -> bool:
        ok = self._user_call(
            users.create_user,
            self.new_username.text(),
            self.new_name.text(),
            self.user_role.currentData(),
            self.new_password.text(),
            self.new_window.text(),
        )
        if ok:
            for edit in (self.new_username, self.new_name, self.new_window, self.new_password):
                edit.clear()
        return ok

    def toggle_user(self) -> bool:
        user = self._selected_user()
        if user is None:
            self._say_users(self.tr("⚠ 请先在表中选择用户"))
            return False
        return self._user_call(users.update_user, user.username, active=not user.active)

    def change_role(self) -> bool:
        user = self._selected_user()
        if user is None:
            self._say_users(self.tr("⚠ 请先在表中选择用户"))
            return False
        return self._user_call(users.update_user, user.username, role=self.user_role.currentData())

    def reset_password(self) -> QDialog | None:
        from hall_desk.ui.password_dialog import ResetPasswordDialog

        user = self._selected_user()
        if user is None:
            self._say_users(self.tr("⚠ 请先在表中选择用户"))
            return None
        dialog = ResetPasswordDialog(self.ws, self.actor, user, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._password_reset(user))
        self.reset_dialog = dialog
        dialog.open()
        return dialog

    def _password_reset(self, user: UserAccount) -> None:
        self._say_users(
            self.tr(
                "已重设 {name}（{username}）的密码，账户如被锁定已一并解锁。"
                "请当面告知本人，并请其登录后在“工具 → 修改密码”中改为自己的密码。"
            ).format(name=user.display_name, username=user.username),
            error=False,
        )

    def _say_users(self, text: str, error: bool = True) -> None:
        say(self.users_error, text, error=error)

    def unlock_user(self) -> bool:
        user = self._selected_user()
        if user is None:
            self._say_users(self.tr("⚠ 请先在表中选择用户"))
            return False
        return self._user_call(users.unlock, user.username)

    # -- backup and restore ----------------------------------------------------------------------
    def _build_backup_tab(self, tabs: QTabWidget) -> None:
        tab = QWidget()
        tab.setObjectName("backupTab")
        tabs.addTab(tab, self.tr("备份与恢复"))
        layout = QVBoxLayout(tab)
        note = QLabel(
            self.tr(
                "备份是本机数据库的完整副本（含全部办件与个人信息，请妥善保管）。"
                "从备份恢复时，当前数据库改名保留在本机目录中；恢复后程序将关闭，"
                "请重新打开，并先同步一次以取回本机在备份之后推送过的记录。"
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("立即备份(&B)…"))
        self.backup_button.setObjectName("backupButton")
        self.restore_button = QPushButton(self.tr("从备份恢复(&R)…"))
        self.restore_button.setObjectName("restoreButton")
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.backup_result = QLabel()
        self.backup_result.setObjectName("backupResult")
        self.backup_result.setWordWrap(True)
        layout.addWidget(self.backup_result)
        layout.addStretch(1)
        # Which file: the system's file dialog; replaceable, since a native dialog cannot be
        # driven by a test.
        self.choose_backup_file: Callable[[bool], Path | None] = self._ask_backup_file
        # What happens once the database was replaced under this running program.
        self.after_restore: Callable[[], object] = QCoreApplication.quit
        self.backup_button.clicked.connect(self.take_backup)
        self.restore_button.clicked.connect(self.restore_backup)

    def _ask_backup_file(self, saving: bool) -> Path | None:
        kinds = self.tr("hall-desk 备份 (*.sqlite3);;所有文件 (*)")
        if saving:
            name = f"hall-desk-{self.ws.code}-{self.ws.today():%Y%m%d}.sqlite3"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("备份到"), name, kinds)
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), "", kinds)
        return Path(chosen) if chosen else None

    def _say_backup(self, exc: HallDeskError) -> None:
        self.backup_result.setText(self.tr("未完成：{message}").format(message=exc.message))

    def take_backup(self) -> Op[int] | None:
        out = self.choose_backup_file(True)
        if out is None:
            return None
        ws, actor = self.ws, self.actor
        return (
            Op(self, lambda: backup_service.backup(ws, actor, out))
            .busy(self.backup_button, self.restore_button)
            .refused(self._say_backup)
            .success(
                lambda size: self.backup_result.setText(
                    self.tr("已备份到 {path}（{kb} KB，完整性校验通过）").format(
                        path=out, kb=size // 1024
                    )
                )
            )
            .run()
        )

    def restore_backup(self) -> Op[backup_service.RestoreResult] | None:
        source = self.choose_backup_file(False)
        if source is None:
            return None
        confirm = QMessageBox(self)
        confirm.setIcon(QMessageBox.Icon.Warning)
        confirm.setWindowTitle(self.tr("从备份恢复"))
        confirm.setText(
            self.tr(
                "用备份 {path} 替换本机数据库？\n当前数据库将改名保留；恢复后程序将关闭，"
                "请重新打开。"
            ).format(path=source)
        )
        go = confirm.addButton(self.tr("恢复"), QMessageBox.ButtonRole.AcceptRole)
        confirm.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        confirm.exec()
        accepted = confirm.clickedButton() is go
        confirm.deleteLater()
        if not accepted:
            return None
        ws, actor = self.ws, self.actor
        return (
            Op(self, lambda: backup_service.restore(ws, actor, source))
            .busy(self.backup_button, self.restore_button)
            .refused(self._say_backup)
            .success(self._restored)
            .run()
        )

    def _restored(self, result: backup_service.RestoreResult) -> None:
        # This window still holds the replaced database's workstation: the simplest correct
        # course is a fresh start, which opens the restored one.
        lines = [self.tr("已从备份恢复，工作站 {code}。").format(code=result.workstation)]
        if result.kept_aside is not None:
            lines.append(self.tr("原数据库已改名保留为 {path}。").format(path=result.kept_aside))
        if result.reclaim_pending:
            lines.append(self.tr("重新打开后请先同步一次，取回本机在备份之后推送过的记录。"))
        lines.append(self.tr("程序现在关闭，请重新打开。"))
        self.backup_result.setText("\n".join(lines))
        self.backup_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        done = QMessageBox(self)
        done.setIcon(QMessageBox.Icon.Information)
        done.setWindowTitle(self.tr("恢复完成"))
        done.setText("\n".join(lines))
        done.addButton(self.tr("关闭程序"), QMessageBox.ButtonRole.AcceptRole)
        done.exec()
        done.deleteLater()
        self.reject()
        self.after_restore()
