"""No key does two things in one window: every mnemonic and shortcut, each window and workspace."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenuBar,
    QStackedWidget,
    QTabBar,
    QWidget,
)

from hall_desk.services import consultations
from hall_desk.services.consultations import ConsultationDraft
from hall_desk.ui.main_window import WORKSPACES, MainWindow

Entry = tuple[str, str]  # (key, what it belongs to)


def _mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def _own(widget: QWidget) -> list[Entry]:
    """The keys this widget itself answers to (not its children's)."""
    out: list[Entry] = []
    if isinstance(widget, QAbstractButton) and _mnemonic(widget.text()):
        out.append((_mnemonic(widget.text()), f"button 「{widget.text()}」"))
    if isinstance(widget, QLabel) and widget.buddy() is not None and _mnemonic(widget.text()):
        out.append((_mnemonic(widget.text()), f"label 「{widget.text()}」"))
    if isinstance(widget, QGroupBox) and widget.isCheckable() and _mnemonic(widget.title()):
        out.append((_mnemonic(widget.title()), f"group 「{widget.title()}」"))
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            if _mnemonic(widget.tabText(i)):
                out.append((_mnemonic(widget.tabText(i)), f"tab 「{widget.tabText(i)}」"))
    if isinstance(widget, QMenuBar):
        for action in widget.actions():
            if _mnemonic(action.text()):
                out.append((_mnemonic(action.text()), f"menu 「{action.text()}」"))
    for action in widget.actions():
        for key in action.shortcuts():
            out.append((key.toString(), f"action 「{action.text()}」"))
    for shortcut in widget.findChildren(QShortcut):
        if shortcut.parent() is widget:
            keys = shortcut.keys()  # QShortcut's key sequences, not a dict's
            for key in keys:
                out.append((key.toString(), f"shortcut of {type(widget).__name__}"))
    return out


def scopes(widget: QWidget) -> list[list[Entry]]:
    """Every set of keys that can be live at once: one page of each stack at a time."""
    result = [_own(widget)]
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.isWindow():
            continue  # a dialog of its own is a scope of its own
        if isinstance(child, QStackedWidget):
            alternatives = [s for i in range(child.count()) for s in scopes(child.widget(i))]
            alternatives = alternatives or [[]]
        else:
            alternatives = scopes(child)
        result = [r + a for r in result for a in alternatives]
    return result


def duplicates(window: QWidget) -> list[str]:
    found: set[str] = set()
    for scope in scopes(window):
        counts = Counter(key for key, _ in scope)
        for key, n in counts.items():
            if n > 1:
                owners = sorted({what for k, what in scope if k == key})
                found.add(f"{key}: " + "，".join(owners))
    return sorted(found)


def test_the_walk_finds_a_duplicate(qtbot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    layout = QVBoxLayout(page)
    layout.addWidget(QPushButton("打印(&P)"))
    label = QLabel("电话(&P)：")
    edit = QLabel()
    label.setBuddy(edit)
    layout.addWidget(label)
    layout.addWidget(edit)
    assert duplicates(page) == ["Alt+P: button 「打印(&P)」，label 「电话(&P)：」"]


def test_main_window_with_every_workspace_has_no_duplicate_key(qtbot, ws, admin, cases) -> None:
    for n in range(6):  # six recent topics: Alt+1…6 on the consultation page
        consultations.log_consultation(ws, admin, ConsultationDraft(topic=f"咨询主题{n}"))
    main = MainWindow(ws, admin, open_settings=lambda: None)
    qtbot.addWidget(main)
    main.show()
    for workspace in WORKSPACES:
        assert main.show_workspace(workspace.key), workspace.key
    assert len(main.consult.recent_buttons) == 6
    found = duplicates(main)
    assert found == [], "\n".join(found)


def _dialogs(ws, admin, cases):  # type: ignore[no-untyped-def]
    from hall_desk.ui.case_view import CaseView
    from hall_desk.ui.login import LoginDialog
    from hall_desk.ui.main_window import SearchResults
    from hall_desk.ui.password_dialog import ChangePasswordDialog
    from hall_desk.ui.settings_dialog import SettingsDialog
    from hall_desk.ui.setup_dialog import SetupDialog
    from hall_desk.ui.sync_conflicts import ConflictsDialog

    yield LoginDialog(ws)
    yield ChangePasswordDialog(ws, admin)
    yield CaseView(ws, admin, cases[0].case_id)
    yield ConflictsDialog(ws, admin)
    yield SetupDialog(ws.home, ws)
    yield SettingsDialog(ws, admin)
    from hall_desk.services.cases import search_cases

    yield SearchResults(search_cases(ws, "包"))
    from hall_desk.services.users import list_users
    from hall_desk.ui.consult_correction import CorrectConsultationDialog
    from hall_desk.ui.password_dialog import ResetPasswordDialog

    yield ResetPasswordDialog(ws, admin, list_users(ws, admin)[0])
    consultations.log_consultation(ws, admin, ConsultationDraft(topic="社保卡补办"))
    (logged,) = consultations.consultations_on(ws, admin, ws.today())
    yield CorrectConsultationDialog(ws, admin, logged)


def test_every_dialog_has_no_duplicate_key(qtbot, ws, admin, cases) -> None:
    found = []
    for dialog in _dialogs(ws, admin, cases):
        qtbot.addWidget(dialog)
        found += [f"{type(dialog).__name__} {d}" for d in duplicates(dialog)]
    assert found == [], "\n".join(found)
