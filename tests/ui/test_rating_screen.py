"""好差评 at the window: the applicant's screen on a second display (run in a process with two
virtual screens), and on a one-screen workstation no rating window and 窗口代录 only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
)
from sqlalchemy import select

from hall_desk.domain.errors import ValidationError
from hall_desk.services import consultations, ratings, settings
from hall_desk.services.consultations import ConsultationDraft
from hall_desk.services.home import Home
from hall_desk.store.models import Event
from hall_desk.store.models_ratings import RatingRow
from hall_desk.ui.forms import child
from hall_desk.ui.main_window import MainWindow
from hall_desk.ui.rating_proxy import ProxyRatingDialog
from hall_desk.ui.settings_dialog import SettingsDialog
from tests.ui.actions import click, fill, settle
from tests.ui.conftest import type_text

ROOT = Path(__file__).resolve().parents[2]
# The offscreen platform orders its screens by name and makes the first the primary one: the
# clerk's display is DP-1, the applicant's HDMI-1 (as a PC with a second monitor names them).
SCREENS = {
    "screens": [
        {"name": "DP-1", "x": 0, "y": 0, "width": 1600, "height": 900, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1},
        {"name": "HDMI-1", "x": 1600, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1},
    ]
}  # fmt: skip


def test_the_rating_screen_on_two_virtual_screens(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
         str(ROOT / "tests" / "ui" / "two_screens.py")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "7 passed" in run.stdout and "skipped" not in run.stdout, run.stdout[-2000:]


def test_one_screen_shows_no_rating_window(qtbot, ws, clerk) -> None:
    window = MainWindow(ws, clerk)
    qtbot.addWidget(window)
    window.show()
    assert window.rating is not None and window.rating.screen is None
    window.close()


def _consulted(ws, clerk, topic: str = "社保卡补办") -> str:  # type: ignore[no-untyped-def]
    return consultations.log_consultation(ws, clerk, ConsultationDraft(topic=topic))


def test_a_rating_keyed_in_at_the_window_needs_a_reason(qtbot, ws, clerk) -> None:
    consulted = _consulted(ws, clerk)
    window = MainWindow(ws, clerk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(ProxyRatingDialog) is not None)
    dialog = window.findChild(ProxyRatingDialog)
    assert dialog.isVisible()
    settle(qtbot)  # the services of today are read off the GUI thread
    assert dialog.services.count() == 1 and "咨询：社保卡补办" in dialog.services.item(0).text()
    dialog.level.setFocus()
    qtbot.keyClick(dialog.level, Qt.Key.Key_Down)  # 非常满意
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    click(qtbot, save)
    assert dialog.error_labels["proxy_reason"].isVisible()
    assert "窗口代录须写明原因" in dialog.error_labels["proxy_reason"].text()
    with ws.reading() as s:
        assert s.scalars(select(RatingRow)).all() == []
    dialog.proxy_reason.setFocus()
    type_text(qtbot, dialog.proxy_reason, "申请人视力不便，请求代录")
    click(qtbot, save)
    settle(qtbot)
    with ws.reading() as s:
        [row] = s.scalars(select(RatingRow)).all()
    assert (row.rated_kind, row.record_id, row.level, row.channel) == (
        "consultation",
        consulted,
        5,
        "proxy",
    )
    assert row.proxy_reason == "申请人视力不便，请求代录"
    window.close()


def test_the_screen_and_its_waiting_time_are_chosen_in_settings(qtbot, ws, admin) -> None:
    dialog = SettingsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = child(dialog.form, QComboBox, "ratingScreenCombo")
    spin = child(dialog.form, QSpinBox, "ratingTimeoutSpin")
    assert combo.currentText() == "自动（第二块显示器，没有则不用）" and spin.value() == 60
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # 无
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "30")
    buttons = child(dialog.form, QDialogButtonBox, "buttons")
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    saved = Home(ws.home.path).load_config().extra
    assert saved[settings.RATING_SCREEN] == "none" and saved[settings.RATING_TIMEOUT] == 30
    assert settings.rating_timeout(ws) == 30


def test_a_waiting_time_out_of_range_is_refused_and_saves_nothing(ws, admin) -> None:
    for bad in (5, 601, True, "30"):
        with pytest.raises(ValidationError) as refused:
            settings.update_settings(ws, admin, rating_timeout_seconds=bad)
        assert refused.value.message == "评价等待时间应为 10–600 秒"
    assert settings.RATING_TIMEOUT not in Home(ws.home.path).load_config().extra
    assert settings.rating_timeout(ws) == 60


def test_the_halls_rectification_period_and_reasons_are_set_in_settings(qtbot, ws, admin) -> None:
    def setting_events() -> list[str]:
        with ws.reading() as s:
            return list(
                s.scalars(select(Event.entity_id).where(Event.kind == "hall.setting_changed"))
            )

    dialog = SettingsDialog(ws, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    days = child(dialog.form, QSpinBox, "rectifyDaysSpin")
    reasons = child(dialog.form, QPlainTextEdit, "badReasonsEdit")
    assert days.value() == 5 and reasons.toPlainText().splitlines()[0] == "等候时间过长"
    buttons = child(dialog.form, QDialogButtonBox, "buttons")
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    before = setting_events()
    fill(qtbot, reasons, "")
    click(qtbot, save)
    error = child(dialog.form, QLabel, "rating_bad_reasonsError")
    assert error.isVisible() and "差评原因应有 1–20 条" in error.text()
    assert setting_events() == before, "a refusal writes nothing"
    days.setFocus()
    qtbot.keyClick(days, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(days, "7")
    fill(qtbot, reasons, "排队太久")
    qtbot.keyClick(reasons, Qt.Key.Key_Return)
    type_text(qtbot, reasons, "态度生硬")
    click(qtbot, save)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert ratings.rectify_days(ws) == 7
    assert ratings.bad_reasons(ws) == ["排队太久", "态度生硬"]
    assert sorted(setting_events()[len(before) :]) == ["rating_bad_reasons", "rating_rectify_days"]
    again = SettingsDialog(ws, admin)
    qtbot.addWidget(again)
    again.show()
    published = setting_events()
    click(
        qtbot,
        child(again.form, QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Save),
    )
    assert setting_events() == published, "saved as shown: nothing sent again"
