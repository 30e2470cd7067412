"""统计报表 as the team lead sees it: the figures, the lists, the summary and a ledger."""

from __future__ import annotations

import io
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from hall_desk.domain.errors import PermissionDenied
from hall_desk.domain.roles import Actor, Role
from hall_desk.services.demo import generate
from hall_desk.ui.reports_workspace import ReportsWorkspace

DAY = date(2026, 11, 26)


@pytest.fixture
def lead() -> Actor:
    return Actor("lead", "白玉兰", Role.LEAD)


@pytest.fixture
def page(qtbot, ws, lead) -> ReportsWorkspace:  # type: ignore[no-untyped-def]
    generate(ws, days=4, per_day=20, seed=3, end=DAY)
    ws.today = lambda: DAY  # type: ignore[method-assign]
    widget = ReportsWorkspace(ws, lead)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_figures_match_a_direct_count(page, ws) -> None:
    con = sqlite3.connect(ws.home.db_path)
    try:
        consultations = con.execute(
            'SELECT count(*) FROM consultations WHERE "on" = ?', (DAY.isoformat(),)
        ).fetchone()[0]
        refused = con.execute(
            "SELECT count(*) FROM cases WHERE created_on = ? AND state = 'refused'",
            (DAY.isoformat(),),
        ).fetchone()[0]
    finally:
        con.close()
    assert page.figure_labels["consultations"].text() == str(consultations)
    assert page.figure_labels["refused"].text() == str(refused)
    figures = page.figures
    assert figures is not None
    assert page.figure_labels["overdue"].text() == str(figures.overdue_count)
    assert page.by_clerk.rowCount() == len(figures.by_clerk)


def test_flagged_cases_say_it_in_words_and_open_on_enter(qtbot, page) -> None:
    model = page.near if page.near.rowCount() else page.overdue
    if model.rowCount() == 0:
        pytest.skip("the sample day has no flagged case")
    words = model.data(model.index(0, 0))
    assert "超期" in words or "临近期限" in words
    with qtbot.waitSignal(page.open_case_requested) as opened:
        view = page.tabs.widget(0 if model is page.overdue else 1)
        page.tabs.setCurrentWidget(view)
        view.activated.emit(model.index(0, 1))
    assert opened.args == [model.rows[0].case_id]


def test_daily_summary_preview(page) -> None:
    page.notes.setPlainText("今日系统运行正常")
    preview = page.preview_daily_summary()
    assert preview is not None
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf.data)).pages)
    assert "每日工作汇总" in text and "今日系统运行正常" in text
    preview.close()


def test_ledger_export(page, ws, tmp_path: Path) -> None:
    out = tmp_path / "cases.xlsx"
    rows = page.export_ledger(out)
    con = sqlite3.connect(ws.home.db_path)
    try:
        expected = con.execute(
            "SELECT count(*) FROM cases WHERE created_on BETWEEN ? AND ?",
            (DAY.replace(day=1).isoformat(), DAY.isoformat()),
        ).fetchone()[0]
    finally:
        con.close()
    assert rows == expected
    assert load_workbook(out).active.max_row == expected + 1
    assert page.export_ledger(out) is None and "已存在" in page.documents_message.text()


def test_router_cannot_open_reports(qtbot, ws) -> None:
    with pytest.raises(PermissionDenied):
        from hall_desk.services import dashboard

        dashboard.day_figures(ws, Actor("router", "赵志刚", Role.ROUTER), DAY)
