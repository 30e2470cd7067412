"""`hall-desk export ledger meetings|inspections|evaluations` on a demo home: exit 0, the file,
and as many rows as the database holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.test_cli import Ran, _isolated_user_data, db_of, query, run_cli, seeded, show  # noqa: F401

LEDGER = ["export", "ledger", "--from", "2026-11-01", "--to", "2026-11-30"]


@pytest.mark.parametrize(
    ("kind", "title", "sql"),
    [
        ("meetings", "会议台账", "SELECT count(*) FROM meetings"),
        (
            "inspections",
            "巡查台账",
            "SELECT (SELECT count(*) FROM findings)"
            " + (SELECT count(*) FROM inspections WHERE items_failed = 0)",
        ),
        ("evaluations", "绩效考评台账", "SELECT count(*) FROM evaluations WHERE month = '2026-11'"),
    ],
)
def test_the_staff_ledgers_export_from_the_command_line(
    seeded: Ran,  # noqa: F811
    tmp_path: Path,
    kind: str,
    title: str,
    sql: str,
) -> None:
    out = tmp_path / f"{kind}.xlsx"
    result = run_cli(*LEDGER[:2], kind, *LEDGER[2:], "--out", out, home=seeded.home)
    assert result.returncode == 0, show(result)
    [(expected,)] = query(db_of(seeded.home), sql)
    assert result.stdout.strip() == f"{title}已导出：{out}（{expected} 行）"
    sheet = load_workbook(out).active
    assert sheet is not None and sheet.max_row - 1 == expected > 0
