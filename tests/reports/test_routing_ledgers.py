"""材料流转台账 and 出件台账 as .xlsx read back: Chinese headers, frozen header, real dates,
and exactly as many rows as a direct SQL count gives."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hall_desk.domain.errors import PermissionDenied
from hall_desk.domain.roles import Actor, Role
from hall_desk.reports import ledger_deliveries, ledger_routing, ledgers
from hall_desk.services import delivery, intake, routing, users
from hall_desk.services.routing import Decision
from hall_desk.services.workstation import Workstation
from tests.conftest import STAFF_PASSWORD, TODAY, make_home
from tests.services.helpers import draft_for, person, resident_id

FOOD = "011050007001"
EMPLOYMENT = "201080001001"
MARKET = "科尔沁左翼中旗市场监督管理局"
WED = TODAY + timedelta(days=1)
PROXY_ID = resident_id(birth="19880808", seq="777")
ADDRESS = "内蒙古通辽市科尔沁左翼中旗保康镇团结路88号"


@dataclass(frozen=True)
class Hall:
    ws: Workstation
    admin: Actor
    clerk: Actor
    mailed: str
    picked: str
    immediate: str


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    ws = make_home(tmp_path_factory.mktemp("ledgers") / "home")
    admin = Actor("admin", "张建国", Role.ADMIN)
    clerk = users.create_user(
        ws, admin, "clerk1", "王晓燕", Role.CLERK, STAFF_PASSWORD, "综合窗口1"
    )
    router = users.create_user(ws, admin, "router", "赵志刚", Role.ROUTER, STAFF_PASSWORD, "流转岗")
    mailed = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY).case_no
    picked = intake.accept(
        ws, clerk, draft_for(ws, [FOOD], person(resident_id(seq="102"), name="乌云")), on=TODAY
    ).case_no
    immediate = intake.complete_at_window(
        ws,
        clerk,
        draft_for(ws, [EMPLOYMENT], person(resident_id(seq="103"), name="白玉兰")),
        on=TODAY,
    ).case_no
    both = [mailed, picked]
    routing.collect(ws, router, both, on=TODAY)
    routing.pass_prereview(ws, router, both, on=TODAY)
    routing.dispatch(ws, router, MARKET, both, receiver="刘建军", on=TODAY)
    routing.receive_back(ws, router, MARKET, [Decision(c) for c in both], giver="刘建军", on=WED)
    routing.send_to_delivery(ws, router, both, receiver="王晓燕", on=WED)
    delivery.mail(
        ws,
        clerk,
        mailed,
        delivery.MailDraft("包海龙", "13904751234", ADDRESS, "EMS", "1234567890123"),
        on=WED,
    )
    delivery.pickup_by_proxy(
        ws, clerk, picked, delivery.ProxyDraft("包海龙", PROXY_ID, "授权委托书"), on=WED
    )
    delivery.pickup_by_applicant(ws, clerk, immediate, resident_id(seq="103"), on=TODAY)
    yield Hall(ws, admin, clerk, mailed, picked, immediate)
    ws.close()


def sql_count(ws: Workstation, sql: str, *params: object) -> int:
    con = sqlite3.connect(ws.home.db_path)
    try:
        return int(con.execute(sql, params).fetchone()[0])
    finally:
        con.close()


def read_back(path: Path) -> tuple[list[str], list[list[object]], object, str]:
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    return [str(h) for h in rows[0]], rows[1:], sheet.freeze_panes, sheet["A2"].number_format


def test_the_routing_ledger(hall: Hall, tmp_path: Path) -> None:
    out = tmp_path / "routing.xlsx"
    n = ledgers.export(hall.ws, hall.admin, "routing", TODAY, WED, out)
    headers, rows, frozen, day_format = read_back(out)
    assert headers == [h for h, _ in ledger_routing.HEADERS]
    assert headers[:3] == ["交接日期", "交接时间", "受理编号"] and "移交人" in headers
    assert frozen == "A2" and day_format == "yyyy-mm-dd"
    expected = sql_count(
        hall.ws,
        'SELECT count(*) FROM handoffs WHERE "on" BETWEEN ? AND ?',
        "2026-11-24",
        "2026-11-25",
    )
    assert n == len(rows) == expected == 2 * 4 + 3  # two routed folders, three hand-outs
    assert all(isinstance(r[0], datetime) and isinstance(r[1], datetime) for r in rows)
    first = dict(zip(headers, rows[0], strict=True))
    assert first["交接日期"] == datetime(2026, 11, 24)
    assert (first["流转环节"], first["移出"], first["移入"]) == (
        "收取材料袋",
        "综合窗口1",
        "流转岗",
    )
    assert (first["移交人"], first["接收人"]) == ("王晓燕", "赵志刚")
    assert str(first["交接单号"]).startswith("JJ20261124-W01-")
    assert first["办结期限"] == datetime(2026, 11, 27)

    tuesday_only = ledger_routing.build(hall.ws, hall.admin, TODAY, TODAY, unmask=False)
    assert len(tuesday_only.rows) == sql_count(
        hall.ws, 'SELECT count(*) FROM handoffs WHERE "on" = ?', "2026-11-24"
    )
    assert {r[6] for r in tuesday_only.rows} == {"收取材料袋", "移交审批部门", "窗口领取"}


def test_the_deliveries_ledger_masks_unless_asked(hall: Hall, tmp_path: Path) -> None:
    out = tmp_path / "deliveries.xlsx"
    n = ledgers.export(hall.ws, hall.admin, "deliveries", TODAY, WED, out)
    headers, rows, frozen, day_format = read_back(out)
    assert headers == [h for h, _ in ledger_deliveries.HEADERS]
    assert frozen == "A2" and day_format == "yyyy-mm-dd"
    assert n == len(rows) == sql_count(hall.ws, "SELECT count(*) FROM deliveries") == 3
    by_case = {r[2]: dict(zip(headers, r, strict=True)) for r in rows}
    mailed = by_case[hall.mailed]
    assert (mailed["出件方式"], mailed["快递公司"], mailed["运单号"]) == (
        "邮寄",
        "中国邮政 EMS",
        "1234567890123",
    )
    assert mailed["收件人电话"] == "139****1234" and mailed["邮寄地址"] != ADDRESS
    assert mailed["出件日期"] == datetime(2026, 11, 25)
    proxy = by_case[hall.picked]
    assert (proxy["领取类型"], proxy["领取人/收件人"], proxy["代领授权"]) == (
        "代领",
        "包海龙",
        "授权委托书",
    )
    assert proxy["领取人证件号码"] == f"{PROXY_ID[:6]}**********{PROXY_ID[-2:]}"
    assert by_case[hall.immediate]["领取类型"] == "本人领取"
    raw = out.read_bytes()
    assert PROXY_ID.encode() not in raw

    full = tmp_path / "deliveries-full.xlsx"
    ledgers.export(hall.ws, hall.admin, "deliveries", TODAY, WED, full, unmask=True)
    headers, rows, _, _ = read_back(full)
    by_case = {r[2]: dict(zip(headers, r, strict=True)) for r in rows}
    assert by_case[hall.picked]["领取人证件号码"] == PROXY_ID
    assert by_case[hall.mailed]["邮寄地址"] == ADDRESS
    assert by_case[hall.mailed]["收件人电话"] == "13904751234"


def test_the_deliveries_ledger_filters(hall: Hall) -> None:
    def cases(**kw: str) -> list[object]:
        return [
            r[2]
            for r in ledger_deliveries.build(
                hall.ws, hall.admin, TODAY, WED, unmask=False, **kw
            ).rows
        ]

    assert cases(method="mail") == [hall.mailed]
    assert cases(method="pickup") == [hall.immediate, hall.picked]
    assert cases(item_code=EMPLOYMENT) == [hall.immediate]
    assert cases(department=MARKET) == [hall.mailed, hall.picked]
    assert cases(window="综合窗口2") == []
    only_tuesday = ledger_deliveries.build(hall.ws, hall.admin, TODAY, TODAY, unmask=False)
    assert [r[2] for r in only_tuesday.rows] == [hall.immediate]
    assert only_tuesday.rows[0][0] == date(2026, 11, 24)


def test_exporting_needs_the_reports_permission(hall: Hall, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        ledgers.export(hall.ws, hall.clerk, "routing", TODAY, WED, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
