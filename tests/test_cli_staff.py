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


def test_demo_data_says_what_it_made_of_the_people_work(seeded: Ran) -> None:  # noqa: F811
    import re

    found = re.search(
        r"人员与巡查：会议 (\d+) 次（缺晨会 (\d+) 天），"
        r"巡查 (\d+) 次、问题 (\d+) 条，考评表 (\d+) 张",
        seeded.result.stdout,
    )
    assert found, show(seeded.result)
    meetings, missed, walks, findings, sheets = (int(g) for g in found.groups())
    db = db_of(seeded.home)
    assert meetings == query(db, "SELECT count(*) FROM meetings")[0][0] > 0
    assert 1 <= missed <= 2
    assert walks == query(db, "SELECT count(*) FROM inspections")[0][0] > 0
    assert findings == query(db, "SELECT count(*) FROM findings")[0][0]
    assert sheets == query(db, "SELECT count(*) FROM evaluations")[0][0] > 0
