"""A compiled translation reaches the window: tables, workspaces, themes, tr() texts, start-up."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QLabel

from hall_desk.services import cases as case_service
from hall_desk.ui import app as app_module
from hall_desk.ui import appearance, language
from hall_desk.ui.main_window import HIT_COLUMNS, WORKSPACES, MainWindow
from hall_desk.ui.models import RowsModel

LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"
ENGLISH = {
    "Workspace": {
        "综合受理": "Intake",
        WORKSPACES[4].coming: "Complaints and ratings.",
    },
    "RowsModel": {"受理编号": "Case no."},
    "Application": {"政务服务中心前台": "Service hall front desk"},
    "Theme": {"高对比度": "High contrast"},
    "Placeholder": {"本工作区尚在建设中，下一版本提供：{coming}": "Coming next: {coming}"},
    "MainWindow": {"查找办件(&K)：": "Find case (&K):"},
    "TicketsWorkspace": {"办不成事/投诉": "Complaints desk"},
}


def compile_qm(folder: Path, name: str, texts: dict[str, dict[str, str]]) -> Path:
    """Writes a .ts with these translations and compiles it with pyside6-lrelease."""
    if not LRELEASE.exists():
        pytest.skip("pyside6-lrelease is not in this environment")
    contexts = "".join(
        f"<context><name>{escape(context)}</name>"
        + "".join(
            f"<message><source>{escape(source)}</source>"
            f"<translation>{escape(target)}</translation></message>"
            for source, target in messages.items()
        )
        + "</context>"
        for context, messages in texts.items()
    )
    ts = folder / f"{name}.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS>'
        f'<TS version="2.1" language="en" sourcelanguage="zh_CN">{contexts}</TS>',
        encoding="utf-8",
    )
    qm = folder / f"{name}.qm"
    subprocess.run([str(LRELEASE), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture
def english(tmp_path: Path) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(compile_qm(tmp_path, "hall_desk_en", ENGLISH)))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_the_window_shows_translated_tables_workspaces_and_themes(
    qtbot, ws, admin, cases, english
) -> None:  # type: ignore[no-untyped-def]
    main = MainWindow(ws, admin)
    qtbot.addWidget(main)
    assert main.nav.item(0).text() == "Intake"
    assert WORKSPACES[4].key == "tickets"
    assert main.show_workspace("tickets")
    title = main.current_workspace().findChild(QLabel, "ticketsTitle")
    assert title.text() == "Complaints desk"
    assert any(label.text() == "Find case (&K):" for label in main.findChildren(QLabel))
    themes = {
        a.objectName(): a.text() for a in main.actions() if a.objectName().startswith("theme_")
    }
    assert themes == {"theme_light": "默认", "theme_high_contrast": "High contrast"}

    model = RowsModel(HIT_COLUMNS, lambda h: h.id, case_service.search_cases(ws, "包"))
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Case no."
    assert model.headerData(1, Qt.Orientation.Horizontal) == "事项"  # untranslated: the source
    assert appearance.THEMES["high_contrast"] == "高对比度"  # the table keeps the source text
    assert app_module.application().applicationDisplayName() == "Service hall front desk"


def test_start_up_loads_the_translation_for_the_system_locale(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    compile_qm(tmp_path, "hall_desk_en", ENGLISH)
    monkeypatch.setattr(language, "translations_dir", lambda: tmp_path)
    app = QCoreApplication.instance()
    assert app is not None
    for locale in ("en_US", "en_GB", "en"):
        translator = language.load_translation(app, QLocale(locale))
        assert translator is not None, locale
        assert translator.translate("Workspace", "综合受理") == "Intake"
    # Chinese (the source language) and languages without a file get no translator.
    for locale in ("zh_CN", "zh_TW", "fr_FR"):
        assert language.load_translation(app, QLocale(locale)) is None, locale


def test_the_bundled_translation_folder_is_found_via_the_resources() -> None:
    assert language.translations_dir().is_dir()
    assert (language.translations_dir() / "hall_desk_en.ts").is_file()
