"""In English, the window's own chrome holds no Chinese: every workspace of a demo home, opened
as the administrator (who may open them all), and the main dialogs (settings, sync conflicts,
login). The catalog used is the shipped .ts compiled here, so a message left untranslated there
fails this test. The home's data (catalog items, departments, people, the hall's name) stays
Chinese: it is left out by a short list of the widgets that show it, each with its reason.
"""

from __future__ import annotations

import importlib
import re
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from hall_desk.assets import resources_dir
from hall_desk.domain.deadline import classify, deadline_text
from hall_desk.domain.lifecycle import CaseState
from hall_desk.domain.tickets import TicketState, Tier, urgency
from hall_desk.services.common import dwell_text
from hall_desk.services.demo import generate
from hall_desk.services.demo_queue import generate_queue_days
from hall_desk.sync.status import RunRecord, SyncStatus
from hall_desk.ui import language, words
from hall_desk.ui.app import application
from hall_desk.ui.login import LoginDialog
from hall_desk.ui.main_window import MainWindow
from hall_desk.ui.settings_dialog import SettingsDialog
from hall_desk.ui.sync_summary import summary as sync_summary
from hall_desk.ui.time_words import deadline, dwell
from tests.ui.actions import settle
from tests.ui.test_translations import LRELEASE

# Han characters and the full-width punctuation that comes with them (：（）「」、，。).
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@pytest.fixture
def english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped catalog, compiled as `make qm` does, installed as 设置 → English does."""
    if not LRELEASE.exists():
        pytest.skip("pyside6-lrelease is not in this environment")
    ts = resources_dir() / "translations" / "hall_desk_en.ts"
    qm = tmp_path / "hall_desk_en.qm"
    subprocess.run(
        [str(LRELEASE), "-nounfinished", str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    monkeypatch.setattr(language, "translations_dir", lambda: tmp_path)
    assert language.apply(application(), language.ENGLISH)


def _where(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r}"


def chrome(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every window string in `top` and its children."""
    yield _where(top), top.windowTitle()
    for widget in [top, *top.findChildren(QWidget)]:
        where = _where(widget)
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield where, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield where, widget.itemText(i)
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield where, widget.tabText(i)
        header = (
            widget.horizontalHeader()
            if isinstance(widget, QTableView)
            else widget.header()
            if isinstance(widget, QTreeView)
            else None
        )
        if header is not None and widget.model() is not None:
            for column in range(header.count()):
                text = widget.model().headerData(column, Qt.Orientation.Horizontal)
                yield where, str(text or "")
        if isinstance(widget, QListWidget) and widget.objectName() == "nav":
            for i in range(widget.count()):
                yield where, widget.item(i).text()
        for action in widget.actions():
            yield f"{where} action", action.text()
            menu = action.menu()
            if menu is not None:
                yield f"{where} menu", menu.title()


# Widgets (by object name) that show the home's data, not window words.
DATA_WIDGETS = {
    "status_hall": "the hall's name, as set up",
    "boardDepartment": "the catalog's approving departments",
    "departmentCombo": "the catalog's approving departments",
    "selectedCase": "the applicant's name and the case's result line",
    "ticketHeader": "the reporter's name and words, the window it was sent to",
    "titleLabel": "the case's catalog item (or 一件事) name",
    "itemsValue": "the case's catalog items and their departments",
    "applicantValue": "the applicant's (or agent's) name",
}
# Prefixes of object names for widgets made one per row of the home's data.
DATA_PREFIXES = {
    "check_": "the hall's inspection checklist, edited in settings",
}


def _is_data(where: str) -> bool:
    name = where.split("'")[1] if "'" in where else ""
    return name in DATA_WIDGETS or any(name.startswith(p) for p in DATA_PREFIXES)


def chinese_in(top: QWidget, data: tuple[str, ...]) -> list[str]:
    """Window strings with Chinese left once the home's `data` (names) is taken out."""
    found = set()
    for where, text in chrome(top):
        for value in data:
            text = text.replace(value, "")
        if CHINESE.search(text) and not _is_data(where):
            found.add(f"{where}: {text!r}")
    return sorted(found)


def names(ws) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The hall's, the windows', the staff's and the departments' names: data wherever they
    appear. The longest first, so that a name inside another goes with it."""
    with sqlite3.connect(ws.home.db_path) as con:
        people = [v for row in con.execute("SELECT display_name, window FROM users") for v in row]
        departments = [
            row[0] for row in con.execute("SELECT DISTINCT department FROM service_items")
        ]
    values = {ws.hall, ws.config.window, *people, *departments}
    return tuple(sorted((v for v in values if v), key=len, reverse=True))


@pytest.fixture
def demo(ws, admin):  # type: ignore[no-untyped-def]
    today = ws.today()
    # Two working days ending on the last one up to today: on a weekend or a holiday, days
    # ending today would hold one working day or none, and no case delivered or under way.
    cal = ws.calendar()
    end = today
    while not cal.is_working_day(end):
        end -= timedelta(days=1)
    start = end - timedelta(days=1)
    while not cal.is_working_day(start):
        start -= timedelta(days=1)
    generate(ws, days=(end - start).days + 1, per_day=5, seed=3, end=end)
    generate_queue_days(ws, today - timedelta(days=1), today, 3)
    return ws


def test_every_workspace_is_english(qtbot, demo, admin, english) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo, admin, open_settings=lambda: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    nav = window.nav
    for row in range(nav.count()):
        rect = nav.visualItemRect(nav.item(row))
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        settle(qtbot)
        for tabs in window.findChildren(QTabWidget):
            bar = tabs.tabBar()
            if not bar.isVisible():
                continue
            for i in range(bar.count()):
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
                settle(qtbot)
    found = chinese_in(window, names(demo))
    assert not found, "\n".join(found)


def test_the_main_dialogs_are_english(qtbot, demo, admin, english) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo, admin, open_settings=lambda: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.findChild(QAction, "conflictsAction").trigger()  # 工具 → 同步冲突…
    settle(qtbot)
    conflicts = window.conflicts_dialog
    settings = SettingsDialog(demo, admin, window)
    login = LoginDialog(demo)
    qtbot.addWidget(login)
    found = []
    for dialog in (conflicts, settings, login):
        dialog.show()
        qtbot.waitExposed(dialog)
        settle(qtbot)
        found += chinese_in(dialog, names(demo))
    for dialog in (conflicts, settings, login):
        dialog.close()
    # A case's details, found as a clerk finds them: one delivered, one still on its way.
    with sqlite3.connect(demo.home.db_path) as con:
        delivered, moving = (
            con.execute(f"SELECT max(case_no) FROM cases WHERE state IN ({states})").fetchone()[0]
            for states in ("'delivered'", "'prereview', 'routing', 'under_review'")
        )
    assert delivered and moving
    for case_no in (delivered, moving):
        window.search.setFocus()
        qtbot.keyClicks(window.search, case_no)
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
        settle(qtbot)
        view = window.case_views[-1]
        assert case_no in view.windowTitle()
        found += chinese_in(view, names(demo))
        view.close()
        settle(qtbot)
    # A language is listed by its own name, whatever the window's language (as English is).
    assert found == ["QComboBox 'languageCombo': '中文'"], "\n".join(found)


# Every label the core defines for a value the window shows; words.WORDS must hold them all.
CORE_LABELS = [
    ("hall_desk.services.applicants", "ID_TYPES"),
    ("hall_desk.domain.roles", "ROLE_LABELS"),
    ("hall_desk.domain.roles", "PERMISSION_LABELS"),
    ("hall_desk.domain.lifecycle", "STATE_LABELS"),
    ("hall_desk.domain.lifecycle", "CaseEvent"),
    ("hall_desk.services.cases", "EVENT_LABELS"),
    ("hall_desk.domain.deadline", "FLAG_LABELS"),
    ("hall_desk.domain.calendar", "UNIT_LABELS"),
    ("hall_desk.services.calendar", "KINDS"),
    ("hall_desk.services.case_clock", "SPECIAL_PROCEDURES"),
    ("hall_desk.domain.catalog", "ITEM_KIND_LABELS"),
    ("hall_desk.domain.catalog", "MATERIAL_FORM_LABELS"),
    ("hall_desk.domain.catalog", "DeliveryMethod"),
    ("hall_desk.domain.mailing", "RecipientKind"),
    ("hall_desk.domain.mailing", "CARRIERS"),
    ("hall_desk.domain.stations", "MOVE_LABELS"),
    ("hall_desk.domain.assistance", "AssistanceFlag"),
    ("hall_desk.domain.assistance", "ServiceMode"),
    ("hall_desk.services.consultations", "Channel"),
    ("hall_desk.services.consultations", "Outcome"),
    ("hall_desk.domain.queue", "TicketState"),
    ("hall_desk.domain.queue", "QueueAction"),
    ("hall_desk.domain.queue", "Priority"),
    ("hall_desk.domain.ratings", "LEVEL_LABELS"),
    ("hall_desk.domain.ratings", "RATED_KIND_LABELS"),
    ("hall_desk.domain.ratings", "CHANNEL_LABELS"),
    ("hall_desk.domain.ratings", "RatingState"),
    ("hall_desk.domain.ratings", "AppealState"),
    ("hall_desk.domain.ratings", "RECTIFY_STEPS"),
    ("hall_desk.domain.tickets", "CLASS_LABELS"),
    ("hall_desk.domain.tickets", "CHANNEL_LABELS"),
    ("hall_desk.domain.tickets", "BBCS_LABELS"),
    ("hall_desk.domain.tickets", "TIER_LABELS"),
    ("hall_desk.domain.tickets", "DispatchTo"),
    ("hall_desk.domain.tickets", "ExcludedMatter"),
    ("hall_desk.domain.tickets", "Callback"),
    ("hall_desk.domain.tickets", "FINDING_LABELS"),
    ("hall_desk.domain.tickets", "AnswerMethod"),
    ("hall_desk.domain.tickets", "STATE_LABELS"),
    ("hall_desk.domain.tickets", "STEP_LABELS"),
    ("hall_desk.domain.meetings", "KIND_LABELS"),
    ("hall_desk.domain.meetings", "ATTENDANCE_LABELS"),
    ("hall_desk.domain.inspections", "GROUP_LABELS"),
    ("hall_desk.domain.inspections", "SEVERITY_LABELS"),
    ("hall_desk.domain.inspections", "FindingState"),
    ("hall_desk.domain.inspections", "Escalation"),
    ("hall_desk.domain.evaluation", "EVIDENCE_LABELS"),
    ("hall_desk.domain.evaluation", "SheetState"),
    ("hall_desk.sync.conflicts", "LABELS"),
    ("hall_desk.services.notice_history", "NOTICE_TITLES"),
]


def _labels(module: str, name: str) -> list[str]:
    table = getattr(importlib.import_module(module), name)
    values = table.values() if isinstance(table, dict) else [member.label for member in table]
    return [v for v in values if v]  # AppealState.NONE shows nothing


def test_every_core_label_is_a_word_in_the_catalog() -> None:
    missing = {
        f"{module}.{name}": gaps
        for module, name in CORE_LABELS
        if (gaps := [v for v in _labels(module, name) if v not in words.WORDS])
    }
    assert not missing, missing
    # …and lupdate put each one in the catalog's "Words" context, translated.
    root = ElementTree.parse(resources_dir() / "translations" / "hall_desk_en.ts").getroot()
    catalog = {
        m.findtext("source"): m.find("translation")
        for c in root.iter("context")
        if c.findtext("name") == "Words"
        for m in c.iter("message")
    }
    untranslated = [
        w
        for w in words.WORDS
        if w not in catalog or catalog[w].get("type") == "unfinished" or not catalog[w].text
    ]
    assert not untranslated, untranslated


def _status(**changes: object) -> SyncStatus:
    now = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
    run = RunRecord(now - timedelta(days=1), now - timedelta(days=1), True, 3, 4, 0, 0, "", "")
    base = dict(
        workstation="W01",
        configured=True,
        location="",
        sync_time="22:00",
        now=now,
        unsent=0,
        oldest_unsent_at=None,
        last_success=run,
        last_failure=None,
        interrupted=None,
        running=False,
        failing=False,
        open_conflicts=0,
        refused_events=0,
        missed_schedule=False,
    )
    base.update(changes)
    return SyncStatus(**base)  # type: ignore[arg-type]


SYNC_CASES = [
    {},
    {"configured": False, "last_success": None},
    {"last_success": None},
    {"running": True},
    {"failing": True},
    {"failing": True, "interrupted": _status().last_success},
    {"unsent": 7, "oldest_unsent_at": datetime(2026, 12, 3, 14, 20, tzinfo=UTC)},
    {"unsent": 2, "oldest_unsent_at": datetime(2026, 11, 28, 9, 0, tzinfo=UTC)},
    {"open_conflicts": 2, "refused_events": 1, "notices": ("a", "b")},
]


def test_the_sync_line_reads_as_the_sync_layer_says_it_in_chinese() -> None:
    for changes in SYNC_CASES:
        status = _status(**changes)
        assert sync_summary(status) == status.summary(), changes


def test_the_sync_line_is_english_in_english(english) -> None:  # type: ignore[no-untyped-def]
    for changes in SYNC_CASES:
        text = sync_summary(_status(**changes))
        assert not CHINESE.search(text), text


def _deadline_marks() -> list[str]:
    """Every shape of deadline mark the domain gives (cases and tickets)."""
    today = date(2026, 12, 3)
    marks = [deadline_text(n, estimated) for n in (-2, 0, 2, 9) for estimated in (False, True)]
    for state in CaseState:
        for due, paused in ((None, None), (None, today), (today, today - timedelta(days=1))):
            marks.append(classify(state, due, paused, today, 1).text)
    marks.append(classify(CaseState.ACCEPTED, today - timedelta(days=2), None, today, 0).text)
    for state in TicketState:
        for due, left in ((None, None), (today - timedelta(days=1), -1), (today, 0), (today, 9)):
            for tier in (None, Tier.ESCALATED):
                for late in (False, True):
                    marks.append(
                        urgency(state, due, today, left, overdue_ever=late, tier=tier).text
                    )
    marks.append(urgency(TicketState.REGISTERED, today - timedelta(days=1), today, 0).text)
    return sorted(set(marks) - {""})


SPANS = [timedelta(seconds=30), timedelta(minutes=7), timedelta(hours=2)]
SPANS += [timedelta(hours=6, minutes=39), timedelta(days=1), timedelta(days=1, hours=8)]


def test_deadlines_and_dwell_times_read_as_the_domain_says_them_in_chinese() -> None:
    marks = _deadline_marks()
    assert len(marks) > 15
    assert [deadline(m) for m in marks] == marks
    assert [dwell(s) for s in SPANS] == [dwell_text(s) for s in SPANS]


def test_deadlines_and_dwell_times_are_english_in_english(english) -> None:  # type: ignore[no-untyped-def]
    for text in [deadline(m) for m in _deadline_marks()] + [dwell(s) for s in SPANS]:
        assert not CHINESE.search(text), text
