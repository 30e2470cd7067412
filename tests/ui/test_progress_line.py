"""Long actions show how far they are beside their button — a ledger export, the month's report,
a catalog import — and the progress line is gone once they are done."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTabWidget

from hall_desk.domain.roles import Actor, Role
from hall_desk.reports import xlsx
from hall_desk.services import catalog
from hall_desk.services.workstation import Workstation
from hall_desk.ui import ops
from hall_desk.ui.progress_line import ProgressLine
from hall_desk.ui.reports_workspace import ReportsWorkspace
from hall_desk.ui.settings_dialog import SettingsDialog
from tests.catalog_files import big_catalog
from tests.conftest import demo_home
from tests.ui.actions import click, settle

END = date(2026, 11, 27)
LEAD = Actor("lead", "白玉兰", Role.LEAD)


@dataclass(frozen=True)
class Seen:
    """The line as a person saw it at one of the bar's moves."""

    value: int
    maximum: int
    visible: bool
    text: str
    running: int


def watch(line: ProgressLine) -> list[Seen]:
    seen: list[Seen] = []

    def moved(value: int) -> None:
        seen.append(
            Seen(value, line.bar.maximum(), line.isVisible(), line.text.text(), ops.running())
        )

    line.bar.valueChanged.connect(moved)
    return seen


@pytest.fixture
def demo_ws(tmp_path: Path) -> Iterator[Workstation]:
    ws = demo_home(tmp_path / "demo", days=8, per_day=12, seed=7, end=END)
    ws.today = lambda: END  # type: ignore[method-assign]
    yield ws
    ws.close()


@pytest.fixture
def page(qtbot, demo_ws) -> ReportsWorkspace:  # type: ignore[no-untyped-def]
    widget = ReportsWorkspace(demo_ws, LEAD)
    qtbot.addWidget(widget)
    widget.show()
    settle(qtbot)
    return widget


def test_a_ledger_export_shows_rows_written_then_hides_the_line(
    qtbot, page, tmp_path: Path, monkeypatch
) -> None:
    # Reported every 10 rows instead of 500: the demo month's ledger gives a dozen moves.
    monkeypatch.setattr(xlsx, "ROWS_PER_REPORT", 10)
    out = tmp_path / "cases.xlsx"
    monkeypatch.setattr(
        "hall_desk.ui.reports_workspace.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(out), ""),
    )
    line = page.ledger_progress
    assert not line.isVisible()
    seen = watch(line)

    click(qtbot, page.export_button)

    rows = int(page.documents_message.text().split("已导出 ")[1].split(" 行")[0])
    assert rows > 30 and out.exists()
    during = [s for s in seen if s.running and s.visible]
    assert [s.value for s in during] == sorted(s.value for s in during)
    middle = [s for s in during if 0 < s.value < s.maximum]
    assert len(middle) >= 2, "the bar moves while the rows are written"
    assert middle[0].maximum == rows
    assert middle[0].text == f"已写入 {middle[0].value:,} / {rows:,} 行"
    assert any(s.value == s.maximum == rows for s in during)
    assert not line.isVisible() and line.text.text() == ""
    assert page.export_button.isEnabled()


def test_the_monthly_report_export_counts_then_lays_out_page_by_page(
    qtbot, page, tmp_path: Path, monkeypatch
) -> None:
    click(qtbot, page.monthly_button)
    dialog = page.monthly_dialog
    qtbot.waitExposed(dialog)
    settle(qtbot)
    dialog.month.setCurrentIndex(0)  # the demo's month is this one (November, not yet over)
    settle(qtbot)
    out = tmp_path / "report.pdf"
    monkeypatch.setattr(
        "hall_desk.ui.monthly_report.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(out), ""),
    )
    line = dialog.progress_line
    assert not line.isVisible()
    seen = watch(line)

    click(qtbot, dialog.export_button)

    assert out.exists() and "已导出" in dialog.message.text()
    texts = [s.text for s in seen if s.running and s.visible]
    counting = [t for t in texts if t.startswith("正在统计：")]
    layout = [t for t in texts if t.startswith("正在排版：")]
    assert counting and layout and texts.index(counting[-1]) < texts.index(layout[0])
    assert "正在排版：第 2 页" in layout
    assert any(t.startswith("已写入 ") for t in texts), "the .xlsx beside it"
    assert not line.isVisible()


def test_a_catalog_import_shows_reading_and_checking(
    qtbot, demo_ws, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(catalog, "ROWS_PER_REPORT", 100)
    exported = tmp_path / "catalog.xlsx"
    catalog.export_catalog_xlsx(demo_ws, exported)
    source = tmp_path / "big.xlsx"
    items = big_catalog(source, exported, copies=4)
    monkeypatch.setattr(
        "hall_desk.ui.settings_dialog.QFileDialog.getOpenFileName",
        lambda *args, **kwargs: (str(source), ""),
    )
    dialog = SettingsDialog(demo_ws, Actor("admin", "张建国", Role.ADMIN))
    qtbot.addWidget(dialog)
    dialog.show()
    tabs = dialog.findChild(QTabWidget, "tabs")
    tabs.setCurrentWidget(dialog.findChild(type(tabs.widget(0)), "catalogTab"))
    line = dialog.catalog_progress
    seen = watch(line)

    click(qtbot, dialog.import_button)

    assert dialog.catalog_report.toPlainText().startswith(f"已导入：事项 {items} 项")
    texts = [s.text for s in seen if s.running and s.visible]
    assert any(t.startswith("正在读取：") for t in texts)
    assert f"正在检查：{items:,} / {items:,} 项事项" in texts
    assert not line.isVisible()
