"""月度运营报告 as the team lead works it: from 统计报表, by keys and buttons, then the database."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from hall_desk.services.workstation import Workstation
from hall_desk.ui.monthly_report import MonthlyReportDialog
from hall_desk.ui.reports_workspace import ReportsWorkspace
from tests.services.monthly_helpers import LEAD, demo_month_home
from tests.ui.actions import click, settle
from tests.ui.conftest import type_text


@pytest.fixture
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workstation]:
    ws = demo_month_home(tmp_path_factory, "monthly-ui")
    yield ws
    ws.close()


@pytest.fixture
def dialog(qtbot, home: Workstation) -> MonthlyReportDialog:  # type: ignore[no-untyped-def]
    page = ReportsWorkspace(home, LEAD)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    click(qtbot, page.monthly_button)
    found = page.monthly_dialog
    qtbot.waitExposed(found)
    found.activateWindow()
    qtbot.waitUntil(found.isActiveWindow)
    settle(qtbot)
    return found


def events(ws: Workstation, kind: str) -> list[str]:
    con = sqlite3.connect(ws.home.db_path)
    try:
        return [p for (p,) in con.execute("SELECT payload FROM events WHERE kind = ?", (kind,))]
    finally:
        con.close()


def flat(text: str) -> str:
    return "".join(text.split())


def test_last_month_is_chosen_and_its_draft_state_said(dialog) -> None:
    assert dialog.month.currentText() == "2026 年 11 月"
    assert "草稿" in dialog.status.text()
    assert "可于 2026-12-03 起发布" in dialog.status.text()
    assert dialog.summary.text().startswith("2026 年 11 月共 21 个工作日，受理环节办件")


def test_sections_typed_saved_previewed_published_exported(
    qtbot, dialog, home, tmp_path: Path, monkeypatch
) -> None:
    dialog.problems.setFocus()
    type_text(qtbot, dialog.problems, "周一上午等候时间偏长")
    qtbot.keyClick(dialog.problems, Qt.Key.Key_Tab)
    assert dialog.plan.hasFocus()
    type_text(qtbot, dialog.plan, "增设一个综合窗口")
    click(qtbot, dialog.save_button)
    assert dialog.message.text() == "已保存"
    assert any("周一上午等候时间偏长" in p for p in events(home, "monthly_report.text_saved"))

    click(qtbot, dialog.preview_button)
    preview = dialog.preview
    assert preview is not None and preview.isVisible()
    text = flat("".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf.data)).pages))
    assert "运营报告（草稿）" in text and "周一上午等候时间偏长" in text
    preview.close()

    click(qtbot, dialog.publish_button)
    box = dialog.confirm
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "已发布" in dialog.status.text()
    assert not dialog.problems.isEnabled() and not dialog.publish_button.isEnabled()
    assert len(events(home, "monthly_report.published")) == 1

    out = tmp_path / "运营报告.pdf"
    monkeypatch.setattr(
        "hall_desk.ui.monthly_report.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(out), ""),
    )
    click(qtbot, dialog.export_button)
    assert "已导出 运营报告.pdf" in dialog.message.text()
    pdf_text = flat(PdfReader(out).pages[0].extract_text())
    assert "已发布" in pdf_text and "（草稿）" not in pdf_text
    rows = {
        r[1]: r[2]
        for r in load_workbook(out.with_suffix(".xlsx")).active.iter_rows(values_only=True)
    }
    assert rows["SHA-256"] in pdf_text
    dialog.close()


def test_a_refusal_is_said_in_the_dialog(qtbot, dialog) -> None:
    dialog.problems.setFocus()
    type_text(qtbot, dialog.problems, "长" * 4100)
    click(qtbot, dialog.save_button)
    assert dialog.problems.hasFocus()
    assert "4000" in "".join(label.text() for label in dialog.errors.labels.values())
    dialog.close()
