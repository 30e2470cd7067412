"""好差评台账 read back with openpyxl: one row per rating of the period, raters masked unless the
team lead asks (audited), duplicates and upheld appeals marked."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from hall_desk.domain.errors import PermissionDenied
from hall_desk.reports import ledgers
from hall_desk.reports.ledger_ratings import COLUMNS
from hall_desk.services import intake, ratings
from hall_desk.store.models import AuditEntry
from tests.reports.test_daily import run_cli
from tests.services import tickets_helpers
from tests.services.helpers import draft_for, person, resident_id
from tests.services.tickets_helpers import Desk

desk = tickets_helpers.desk
FOOD = "011050007001"
DAY = date(2026, 11, 24)
HEADERS = [h for h, _ in COLUMNS]


def _rated(desk: Desk) -> dict[str, str]:
    ws, clerk = desk.ws, desk.handler

    def case(n: int) -> str:
        draft = draft_for(ws, [FOOD], person(resident_id(seq=f"{200 + n}")))
        return intake.accept(ws, clerk, draft).case_no

    good = ratings.rate(ws, clerk, "intake", case(1), 5).rating_id
    bad = ratings.rate(
        ws,
        clerk,
        "intake",
        case(2),
        1,
        reasons=["服务态度不好"],
        note="说话不耐烦",
        rater_name="包海龙",
        rater_phone="13904751234",
    ).rating_id
    proxy = ratings.rate(
        ws, clerk, "intake", case(3), 4, channel="proxy", proxy_reason="申请人请求协助录入"
    ).rating_id
    unrated = ratings.record_unrated(ws, clerk, "intake", case(4))
    ratings.appeal(ws, clerk, bad, "申请人材料不全，已按规定一次性告知")
    ratings.review(ws, desk.lead, bad, True, "调取录像核实，窗口按规定告知")
    return {"good": good, "bad": bad, "proxy": proxy, "unrated": unrated}


def _body(out: Path) -> list[dict[str, object]]:
    values = list(load_workbook(out).active.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(values) if r and r[0] == "评价时间")
    assert list(values[head])[: len(HEADERS)] == HEADERS
    return [dict(zip(HEADERS, r, strict=False)) for r in values[head + 1 :] if r and r[0]]


def test_the_ledger_has_every_rating_masked(desk, tmp_path: Path):
    _rated(desk)
    out = tmp_path / "ratings.xlsx"
    result = run_cli(
        desk.ws.home.path,
        "export",
        "ledger",
        "ratings",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        out,
    )
    assert result.returncode == 0, result.stderr
    body = _body(out)
    assert f"好差评台账已导出：{out}（{len(body)} 行）" in result.stdout
    with sqlite3.connect(desk.ws.home.db_path) as raw:
        (events,) = raw.execute(
            "SELECT count(*) FROM events WHERE kind IN ('rating.given', 'rating.unrated')"
            " AND json_extract(payload, '$.set.rated_on') BETWEEN '2026-11-01' AND '2026-11-30'"
        ).fetchone()
    assert len(body) == events == 4
    results = [r["评价结果"] for r in body]
    assert results == ["非常满意", "非常不满意", "满意", "未评价"]
    bad = body[1]
    assert (bad["评价人"], bad["联系电话"]) == ("包**", "139****1234")
    assert bad["差评原因"] == "服务态度不好" and bad["评价意见"] == "说话不耐烦"
    assert str(bad["整改工单"]).startswith("FK20261124-W01-")
    assert bad["整改状态"] == "已登记"
    assert (bad["申诉"], bad["计入统计"]) == ("申诉成立", "申诉成立（不计差评率）")
    assert bad["复核人"] == "李秀兰"
    assert body[2]["评价渠道"] == "窗口代录" and body[2]["代录原因"] == "申请人请求协助录入"
    assert body[0]["工作人员"] == "刘海涛" and body[0]["窗口"] == "综合窗口3"
    text = repr(list(load_workbook(out).active.iter_rows(values_only=True)))
    assert "13904751234" not in text and "包海龙" not in text


def test_the_rater_in_full_is_the_team_leads_and_audited(desk, tmp_path: Path):
    _rated(desk)
    with pytest.raises(PermissionDenied):
        ledgers.export(desk.ws, desk.handler, "ratings", DAY, DAY, tmp_path / "a.xlsx")
    out = tmp_path / "full.xlsx"
    ledgers.export(desk.ws, desk.lead, "ratings", DAY, DAY, out, unmask=True)
    bad = _body(out)[1]
    assert (bad["评价人"], bad["联系电话"]) == ("包海龙", "13904751234")
    with desk.ws.reading() as s:
        [entry] = s.scalars(select(AuditEntry).where(AuditEntry.action == "ledger.export"))
    assert entry.target == "ratings" and '"unmasked": true' in (entry.detail or "")
