"""Long commands say how far they are on stderr — a bar redrawn in place on a terminal, plain
lines otherwise — while stdout keeps exactly the summary that scripts read."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hall_desk.services import catalog, monthly, progress_output
from tests.catalog_files import big_catalog
from tests.conftest import demo_home
from tests.test_cli import _isolated_user_data, run_cli, show  # noqa: F401

END = date(2026, 11, 27)
CLEAR = "\r\033[K"


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    ws = demo_home(tmp_path / "home", days=8, per_day=12, seed=7, end=END)
    ws.close()
    yield tmp_path / "home"


@pytest.fixture
def every_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a terminal a line comes every 5 s: these runs are shorter, so every call prints."""
    monkeypatch.setattr(progress_output, "LINE_EVERY_S", 0.0)


def drawn(stderr: str) -> list[str]:
    """What a terminal showed, one redraw a line (the bar is redrawn after a carriage return)."""
    return [part.removesuffix("\033[K") for part in stderr.split("\r") if part.strip("\033[K")]


def cases_between(home: Path, first: date, last: date) -> int:
    con = sqlite3.connect(home / "local.sqlite3")
    try:
        query = "SELECT count(*) FROM cases WHERE created_on BETWEEN ? AND ?"
        return int(con.execute(query, (first.isoformat(), last.isoformat())).fetchone()[0])
    finally:
        con.close()


def test_the_monthly_report_draws_counting_layout_and_rows_on_a_terminal(home: Path) -> None:
    pdf, sheet = home.parent / "m.pdf", home.parent / "m.xlsx"
    args = ["report", "monthly", "--month", "2026-11", "--out", pdf, "--xlsx", sheet, "--draft"]
    result = run_cli(*args, home=home, terminal=True)

    assert result.returncode == 0, show(result)
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and lines[0].startswith(f"月度运营报告（草稿）已生成：{pdf}（")
    assert lines[1] == f"数据表格：{sheet}" and lines[2].startswith("数据校验码（SHA-256）：")
    assert "\r" not in result.stdout and "\033" not in result.stdout
    shown = drawn(result.stderr)
    parts = 4 + len(monthly.SECTION_HOOKS)
    counting = [f"正在统计：{n}/{parts} 节" for n in range(parts + 1)]
    assert [s.split(" ", 1)[1] for s in shown[: parts + 1]] == counting
    assert (
        shown[0] == "░" * 24 + " " + counting[0] and shown[parts] == "█" * 24 + " " + counting[-1]
    )
    pages = int(lines[0].rsplit("（", 1)[1].split(" ")[0])
    assert any(s.endswith(f"正在排版：第 {pages} 页") for s in shown)
    assert any(s.endswith(f"正在排版：第 2 遍，第 {pages} 页") for s in shown), (
        "the contents' second pass is told as such"
    )
    rows = load_workbook(sheet).active.max_row - 1
    assert shown[-1] == "█" * 24 + f" 已写入 {rows:,} / {rows:,} 行"
    # The bar never scrolls the terminal and is cleared before the summary.
    assert "\n" not in result.stderr and result.stderr.endswith(CLEAR)


def test_a_ledger_export_prints_plain_lines_without_a_terminal(home: Path, every_line) -> None:  # type: ignore[no-untyped-def]
    out = home.parent / "cases.xlsx"
    first = date(2026, 11, 1)
    result = run_cli(
        "export", "ledger", "cases", "--from", first, "--to", END, "--out", out, home=home
    )

    assert result.returncode == 0, show(result)
    rows = cases_between(home, first, END)
    assert rows > 0
    assert result.stdout == f"办件台账已导出：{out}（{rows} 行）\n"
    lines = result.stderr.splitlines()
    assert lines[0] == "正在读取办件台账…"
    assert lines[1] == f"已写入 0 / {rows:,} 行" and lines[-1] == f"已写入 {rows:,} / {rows:,} 行"
    assert "\r" not in result.stderr and "\033" not in result.stderr


def test_a_short_run_without_a_terminal_prints_no_progress(home: Path) -> None:
    out = home.parent / "cases.xlsx"
    result = run_cli(
        "export", "ledger", "cases", "--from", "2026-11-01", "--to", END, "--out", out, home=home
    )
    assert result.returncode == 0, show(result)
    assert result.stderr == "", "a log file gets a line only every few seconds"


def test_a_catalog_import_tells_rows_read_items_checked_then_the_saving(
    home: Path,
    every_line,  # type: ignore[no-untyped-def]
) -> None:
    exported = home.parent / "catalog.xlsx"
    assert run_cli("catalog", "export", exported, home=home).returncode == 0
    source = home.parent / "big.xlsx"
    items = big_catalog(source, exported, copies=10)
    themes = len(catalog.bundled_catalog().get("themes", []))

    result = run_cli("catalog", "import", source, home=home)

    assert result.returncode == 0, show(result)
    assert result.stdout == f"已导入事项 {items} 项、一件事 {themes} 个\n"
    lines = result.stderr.splitlines()
    read = [line for line in lines if line.startswith("正在读取：")]
    assert read and read[0].startswith("正在读取：500 / ") and read[0].endswith(" 行")
    checked = [line for line in lines if line.startswith("正在检查：")]
    assert checked[0] == f"正在检查：0 / {items:,} 项事项"
    assert checked[-1] == f"正在检查：{items:,} / {items:,} 项事项"
    assert lines[-1] == f"正在导入：事项 {items:,} 项…"
    assert lines.index(read[-1]) < lines.index(checked[0])
