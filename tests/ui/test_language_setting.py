"""设置 → 界面语言: English chosen in the dialog rebuilds the window in English at once, 中文
brings it back, and the choice saved in the workstation's config is applied at the next start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel

from hall_desk.ui import language
from hall_desk.ui.forms import child
from hall_desk.ui.main_window import MainWindow
from hall_desk.ui.settings_dialog import SettingsDialog
from tests.conftest import ADMIN_PASSWORD
from tests.ui.test_switch_user import Step, _activate, _log_in, _login_dialog, _main_of, _run_script
from tests.ui.test_switch_user import _visible as visible
from tests.ui.test_translations import ENGLISH, compile_qm

FIND_ZH, FIND_EN = "查找办件(&K)：", "Find case (&K):"


def _labels(window: MainWindow) -> set[str]:
    return {label.text() for label in window.findChildren(QLabel)}


def _settings() -> SettingsDialog | None:
    found = visible(SettingsDialog)
    return found[0] if found else None  # type: ignore[return-value]


def _choose(qtbot, label: str):  # type: ignore[no-untyped-def]
    """Picks `label` in 界面语言 with the keyboard and presses 保存."""

    def act(dialog: object) -> None:
        assert isinstance(dialog, SettingsDialog)
        combo = child(dialog.form, QComboBox, "languageCombo")
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Home)
        for _ in range(combo.count()):
            if combo.currentText() == label:
                break
            qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentText() == label
        save = child(dialog.form, QDialogButtonBox, "buttons").button(
            QDialogButtonBox.StandardButton.Save
        )
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    return act


def _in(text: str):  # type: ignore[no-untyped-def]
    def find() -> MainWindow | None:
        window = _main_of("admin")()
        return window if window is not None and text in _labels(window) else None

    return find


def _open_settings(qtbot, seen: list[MainWindow]):  # type: ignore[no-untyped-def]
    def act(window: object) -> None:
        assert isinstance(window, MainWindow)
        seen.append(window)
        _activate(qtbot, window)
        window.findChild(QAction, "settingsAction").trigger()  # 工具 → 系统设置…

    return act


def test_english_is_chosen_in_settings_and_applied_at_once(  # type: ignore[no-untyped-def]
    qtbot, ws, tmp_path, monkeypatch
) -> None:
    compile_qm(tmp_path, "hall_desk_en", ENGLISH)
    monkeypatch.setattr(language, "translations_dir", lambda: tmp_path)
    home = ws.home
    ws.close()
    seen: list[MainWindow] = []
    steps: list[Step] = [
        ("login", _login_dialog, _log_in(qtbot, "admin", ADMIN_PASSWORD)),
        ("Chinese window", _in(FIND_ZH), _open_settings(qtbot, seen)),
        ("settings", _settings, _choose(qtbot, "English")),
        ("English window", _in(FIND_EN), _open_settings(qtbot, seen)),
        ("settings again", _settings, _choose(qtbot, "中文")),
        ("Chinese again", _in(FIND_ZH), lambda w: w.close()),  # type: ignore[union-attr]
    ]
    done = _run_script(qtbot, home, steps)
    assert done == [name for name, _, _ in steps]
    assert seen[0] is not seen[1], "the window was rebuilt, not relabelled"
    assert home.load_config().extra["language"] == "zh"


def test_the_saved_choice_is_applied_at_start_up(qtbot, ws, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    compile_qm(tmp_path, "hall_desk_en", ENGLISH)
    monkeypatch.setattr(language, "translations_dir", lambda: tmp_path)
    ws.config.extra["language"] = "en"
    ws.home.save_config(ws.config)
    home = ws.home
    ws.close()
    steps: list[Step] = [
        ("login", _login_dialog, _log_in(qtbot, "admin", ADMIN_PASSWORD)),
        ("English window", _in(FIND_EN), lambda w: w.close()),  # type: ignore[union-attr]
    ]
    assert _run_script(qtbot, home, steps) == [name for name, _, _ in steps]
