"""Idle auto-lock: after N quiet minutes the window locks for the same user, forms intact."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor
from hall_desk.services import users
from hall_desk.services.workstation import Workstation
from hall_desk.ui import app_filter
from hall_desk.ui.widgets import error_label, set_role


class IdleWatcher(QObject):
    """Watches the whole application's input; `idle` fires after `interval_ms` without any."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.idle)
        app = QApplication.instance()
        assert app is not None
        timer = self.timer

        def restart() -> None:
            timer.start()

        # The program's one application-wide filter tells of the input (app_filter.py); a
        # watcher gone with its window is told no more.
        self._restart = restart
        self._told = app_filter.install(app).on_input
        self._told.append(restart)
        told = self._told
        self.destroyed.connect(lambda *_: restart in told and told.remove(restart))
        self.timer.start()

    def set_interval(self, interval_ms: int) -> None:
        self.timer.setInterval(interval_ms)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self._restart in self._told:
            self._told.remove(self._restart)


# Everything a person can do to a widget: while locked, these reach only the lock page.
INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.Shortcut,
    QEvent.Type.InputMethod,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.ContextMenu,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.DragEnter,
    QEvent.Type.Drop,
}


class LockGuard(QObject):
    """While its window is locked and on screen, input reaches the lock page and nothing else.

    Hiding the work page is not enough: its application-wide shortcuts still fire, a hidden
    field still takes focus and keys, and a window that comes up during the lock (a dialog, a
    message) would take clicks. So every input event anywhere in the program is looked at.
    """

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.allowed: list[QWidget] = []  # e.g. the login of 切换用户, asked over the lock
        self.active = False

    def engage(self) -> None:
        if not self.active:
            app = QApplication.instance()
            assert app is not None
            app.installEventFilter(self)
            self.active = True

    def release(self) -> None:
        if self.active:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self.active = False
        self.allowed = []

    def allow(self, window: QWidget) -> None:
        self.allowed.append(window)

    def _may_take_input(self, target: QObject) -> bool:
        # A shortcut is delivered to its QAction or QShortcut: judge it by the widget it serves.
        while target is not None and not isinstance(target, QWidget):
            target = target.parent()
        if target is None:
            return False  # an action of the window (its menus, Ctrl+K…)
        if target is self.page or self.page.isAncestorOf(target):
            return True
        window = target.window()
        return any(shiboken6.isValid(w) and w is window for w in self.allowed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in INPUT or not self.page.window().isVisible():
            return False  # a kept, hidden session's lock does not hold the one on screen
        return not self._may_take_input(watched)


class LockPage(QWidget):
    """Shown in place of the workspaces: the same user unlocks, or someone else logs in."""

    unlocked = Signal()
    switch_user = Signal()

    def __init__(self, ws: Workstation, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor = actor
        # A narrow centred column: a full-width password field looks like a search bar.
        page = QHBoxLayout(self)
        column = QWidget()
        column.setMaximumWidth(640)
        page.addStretch(1)
        page.addWidget(column, 3)
        page.addStretch(1)
        outer = QVBoxLayout(column)
        outer.addStretch(1)
        title = QLabel(
            self.tr("已锁定：{name}（{username}）").format(
                name=actor.display_name, username=actor.username
            )
        )
        set_role(title, "pageTitle")
        outer.addWidget(title)
        outer.addWidget(
            QLabel(
                self.tr(
                    "为保护群众个人信息，闲置后自动锁定。请输入密码解锁，未保存的填写内容都还在。"
                )
            )
        )
        row = QHBoxLayout()
        label = QLabel(self.tr("密码(&P)："))
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("解锁密码"))
        label.setBuddy(self.password)
        row.addWidget(label)
        row.addWidget(self.password, 1)
        unlock = QPushButton(self.tr("解锁(&U)"))
        unlock.setObjectName("unlockButton")
        unlock.setDefault(True)
        row.addWidget(unlock)
        switch = QPushButton(self.tr("切换用户(&S)…"))
        switch.setObjectName("switchUserButton")
        row.addWidget(switch)
        outer.addLayout(row)
        self.error = error_label(self)
        outer.addWidget(self.error)
        outer.addStretch(2)
        unlock.clicked.connect(self.try_unlock)
        self.password.returnPressed.connect(self.try_unlock)
        switch.clicked.connect(self.switch_user)

    def try_unlock(self) -> None:
        try:
            users.login(self.ws, self.actor.username, self.password.text())
        except HallDeskError as exc:
            self.error.setText(f"⚠ {exc.message}")
            self.error.setVisible(True)
            self.password.clear()
            users.prepare_check()  # for the next try
            return
        self.password.clear()
        self.error.setVisible(False)
        self.unlocked.emit()
