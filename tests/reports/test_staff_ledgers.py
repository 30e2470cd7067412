"""会议台账, 巡查台账 and 绩效考评台账 read back with openpyxl and compared with SQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from hall_desk.reports.ledgers import export
from hall_desk.services.demo import generate
from tests.reports.test_ledgers import records, sheet_of
from tests.services.staff_helpers import Hall, open_hall

START, END = date(2026, 11, 1), date(2026, 11, 30)


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    h = open_hall(tmp_path_factory.mktemp("staff") / "home")
    generate(h.ws, days=20, per_day=3, seed=4, end=date(2026, 11, 27))
    h.at(date(2026, 11, 30), 17)
    yield h
    h.ws.close()


@pytest.fixture
def db(hall: Hall) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(f"file:{hall.ws.home.db_path}?mode=ro", uri=True)
    yield con
    con.close()


def test_meetings_ledger_has_one_row_per_meeting(hall, db, tmp_path: Path) -> None:
    out = tmp_path / "meetings.xlsx"
    rows = export(hall.ws, hall.lead, "meetings", START, END, out)
    found = records(sheet_of(out))
    (count,) = db.execute(
        "SELECT count(*) FROM meetings WHERE held_on BETWEEN '2026-11-01' AND '2026-11-30'"
    ).fetchone()
    assert rows == len(found) == count > 0
    kinds = {r["会议类型"] for r in found}
    assert {"晨会", "周例会"} <= kinds
    (absent,) = db.execute(
        "SELECT count(*) FROM meeting_attendance WHERE status IN ('absent', 'late')"
    ).fetchone()
    listed = sum(str(r["缺席/迟到"] or "").count("（") for r in found)
    assert listed == absent


def test_inspections_ledger_has_a_row_per_finding(hall, db, tmp_path: Path) -> None:
    out = tmp_path / "inspections.xlsx"
    export(hall.ws, hall.lead, "inspections", START, END, out)
    found = records(sheet_of(out))
    (findings,) = db.execute("SELECT count(*) FROM findings").fetchone()
    (clean,) = db.execute("SELECT count(*) FROM inspections WHERE items_failed = 0").fetchone()
    assert len(found) == findings + clean
    assert all(r["巡查人员"] for r in found)
    (fixed,) = db.execute("SELECT count(*) FROM findings WHERE state = 'closed'").fetchone()
    assert sum(1 for r in found if r["状态"] == "复查通过") == fixed


def test_evaluations_ledger_has_a_row_per_sheet_with_its_total(hall, db, tmp_path: Path) -> None:
    out = tmp_path / "evaluations.xlsx"
    export(hall.ws, hall.lead, "evaluations", START, END, out)
    found = records(sheet_of(out))
    sheets = dict(
        db.execute("SELECT staff_name, total FROM evaluations WHERE month = '2026-11'").fetchall()
    )
    assert {r["姓名"]: r["总分"] for r in found} == sheets
    assert all(str(r["名次"]).endswith(f"/{len(sheets)}") for r in found)
