"""统计报表 as the team lead sees it: the figures, the lists, the summary and a ledger."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit

from hall_desk.domain.errors import PermissionDenied
from hall_desk.domain.roles import Actor, Role
from hall_desk.services.demo import generate
from hall_desk.services.workstation import Workstation
from hall_desk.ui.reports_workspace import ReportsWorkspace
from tests.conftest import demo_home
from tests.ui.actions import click
from tests.ui.conftest import type_text

DAY = date(2026, 11, 26)


@pytest.fixture
def lead() -> Actor:
    return Actor("lead", "白玉兰", Role.LEAD)


@pytest.fixture
def demo_ws(tmp_path: Path) -> Iterator[Workstation]:
    ws = demo_home(tmp_path / "demo", days=4, per_day=20, seed=3, end=DAY)
    yield ws
    ws.close()


@pytest.fixture
def page(qtbot, demo_ws, lead) -> ReportsWorkspace:  # type: ignore[no-untyped-def]
    ws = demo_ws
    ws.today = lambda: DAY  # type: ignore[method-assign]
    widget = ReportsWorkspace(ws, lead)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def sql(ws, query: str, *params: object) -> int:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(ws.home.db_path)
    try:
        return int(con.execute(query, params).fetchone()[0])
    finally:
        con.close()


def test_figures_match_a_direct_count(page, demo_ws) -> None:
    consultations = sql(
        demo_ws, 'SELECT count(*) FROM consultations WHERE "on" = ?', DAY.isoformat()
    )
    refused = sql(
        demo_ws,
        "SELECT count(*) FROM cases WHERE created_on = ? AND state = 'refused'",
        DAY.isoformat(),
    )
    assert page.figure_labels["consultations"].text() == str(consultations)
    assert page.figure_labels["refused"].text() == str(refused)
    figures = page.figures
    assert figures is not None
    assert page.figure_labels["overdue"].text() == str(figures.overdue_count)
    assert page.by_clerk.rowCount() == len(figures.by_clerk)


def test_rating_figures_show_their_base(page, demo_ws) -> None:
    given = sql(
        demo_ws,
        "SELECT count(*) FROM ratings WHERE rated_on = ? AND state = 'given' AND duplicate_of = ''",
        DAY.isoformat(),
    )
    bad = sql(
        demo_ws,
        "SELECT count(*) FROM ratings WHERE rated_on = ? AND level <= 2 AND duplicate_of = ''",
        DAY.isoformat(),
    )
    assert given > 0
    labels = page.rating_labels
    assert labels["given"].text() == str(given)
    assert labels["bad"].text() == str(bad)
    assert labels["bad_rate"].text() == f"{100 * bad / given:.1f}%（{bad}/{given}）"
    assert labels["satisfied_rate"].text().endswith(f"/{given}）")
    assert labels["by_level"].text().startswith("非常满意 ")


def test_another_day_chosen_with_the_keyboard(qtbot, page, demo_ws) -> None:
    before = DAY.replace(day=DAY.day - 1)
    page.day.setFocus()
    page.day.setSelectedSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClick(page.day, Qt.Key.Key_Down)
    assert page.selected_day() == before
    expected = sql(demo_ws, 'SELECT count(*) FROM consultations WHERE "on" = ?', before.isoformat())
    assert page.figure_labels["consultations"].text() == str(expected)
    assert page.updated.text().startswith(before.isoformat())


def test_flagged_cases_say_it_in_words_and_open_on_enter(qtbot, page) -> None:
    model = page.near if page.near.rowCount() else page.overdue
    if model.rowCount() == 0:
        pytest.skip("the sample day has no flagged case")
    words = model.data(model.index(0, 0))
    assert "超期" in words or "临近期限" in words
    label = "已超期" if model is page.overdue else "临近期限"
    bar = page.tabs.tabBar()
    index = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == label)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    view = page.tabs.currentWidget()
    view.setFocus()
    view.setCurrentIndex(model.index(0, 1))
    with qtbot.waitSignal(page.open_case_requested) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [model.rows[0].case_id]


def test_daily_summary_preview(qtbot, page) -> None:
    type_text(qtbot, page.notes, "今日系统运行正常")
    click(qtbot, page.summary_button)
    preview = page.preview
    assert preview.isVisible()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf.data)).pages)
    assert "每日工作汇总" in text and "今日系统运行正常" in text
    preview.close()


def test_ledger_export(qtbot, page, demo_ws, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "cases.xlsx"
    # The save dialog is the system's; the clerk's answer is the file name.
    monkeypatch.setattr(
        "hall_desk.ui.reports_workspace.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(out), ""),
    )
    click(qtbot, page.export_button)
    expected = sql(
        demo_ws,
        "SELECT count(*) FROM cases WHERE created_on BETWEEN ? AND ?",
        DAY.replace(day=1).isoformat(),
        DAY.isoformat(),
    )
    assert f"已导出 {expected} 行" in page.documents_message.text()
    assert load_workbook(out).active.max_row == expected + 1
    click(qtbot, page.export_button)
    assert "已存在" in page.documents_message.text()


def test_router_cannot_open_reports(qtbot, ws) -> None:
    with pytest.raises(PermissionDenied):
        from hall_desk.services import dashboard

        dashboard.day_figures(ws, Actor("router", "赵志刚", Role.ROUTER), DAY)


def test_the_day_shows_its_queue_tickets_and_mean_wait(qtbot, ws, lead) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from hall_desk.services.demo_queue import generate_queue_days

    generate(ws, days=2, per_day=10, seed=3, end=DAY)
    generate_queue_days(ws, DAY - timedelta(days=1), DAY, seed=3)
    ws.today = lambda: DAY  # type: ignore[method-assign]
    widget = ReportsWorkspace(ws, lead)
    qtbot.addWidget(widget)
    widget.show()
    issued = sql(
        ws,
        "SELECT count(*) FROM queue_tickets WHERE day = ? AND transferred_from = ''",
        DAY.isoformat(),
    )
    con = sqlite3.connect(ws.home.db_path)
    try:
        [(mean_s,)] = con.execute(
            "SELECT avg((called_ms - issued_ms) / 1000.0) FROM queue_tickets"
            " WHERE day = ? AND called_ms IS NOT NULL AND state <> 'transferred'",
            (DAY.isoformat(),),
        ).fetchall()
    finally:
        con.close()
    assert issued > 0
    assert widget.figure_labels["queue_issued"].text() == str(issued)
    assert widget.figure_labels["queue_wait"].text() == f"{mean_s / 60:.1f}"
    assert "90% 的人不超过" in widget.figure_labels["queue_wait"].toolTip()
