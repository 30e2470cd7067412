"""办件台账 and 咨询登记台账 read back with openpyxl and compared, row by row, with SQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from hall_desk.domain.errors import PermissionDenied, ValidationError
from hall_desk.domain.stations import station_label
from hall_desk.reports import ledgers, xlsx
from hall_desk.services import consultations, intake
from hall_desk.services.workstation import Workstation
from tests.reports.test_daily import run_cli
from tests.services.helpers import draft_for, person, resident_id
from tests.services.test_dashboard import CLERK, END, INTAKE_KINDS, LEAD, ROUTER, Story, routed_home

START = date(2026, 11, 1)
FOOD = "011050007001"  # 食品经营许可（新办）
PHONE = "13904751234"
CASE_HEADERS = [
    "受理编号",
    "登记日期",
    "受理方式",
    "办理事项",
    "办件类型",
    "实施部门",
    "申请人",
    "申请人类型",
    "证件号码",
    "联系电话",
    "代理人",
    "代理人证件号码",
    "受理日期",
    "办结期限",
    "移交审批日期",
    "办结日期",
    "出件日期",
    "出件方式",
    "当前状态",
    "材料所在岗位",
    "绿色通道",
    "受理人",
    "受理窗口",
    "首问负责人",
    "理由或说明",
]
CASE_DATES = {
    "登记日期": "created_on",
    "受理日期": "accepted_on",
    "办结期限": "due_date",
    "移交审批日期": "dispatched_on",
    "办结日期": "completed_on",
    "出件日期": "delivered_on",
}
CONSULTATION_HEADERS = [
    "登记时间",
    "咨询渠道",
    "咨询内容",
    "事项编码",
    "事项名称",
    "处理结果",
    "引导至窗口",
    "咨询人",
    "联系电话",
    "备注",
    "接待人员",
    "窗口",
    "工作站",
    "转入受理编号",
]
DECISION_LABELS = {
    "accepted": "受理",
    "accepted_deferred": "容缺受理",
    "supplement_requested": "一次性告知补正",
    "refused": "不予受理",
    "completed_at_window": "即办办结",
}
KIND_LABELS = {
    "immediate": "即办件",
    "promised": "承诺件",
    "escalated": "上报件",
    "joint": "联办件",
}
FLAG_LABELS = {
    "elderly": "老年人",
    "disabled": "残疾人",
    "pregnant": "孕妇",
    "ill": "伤病/行动不便",
    "other": "其他特殊群体",
}
MODE_LABELS = {"full": "全程帮办", "guide": "导办", "proxy": "代办", "home": "上门服务"}
STATE_LABELS = {
    "accepted": "已受理",
    "accepted_deferred": "容缺受理",
    "awaiting_supplement": "待补正",
    "refused": "不予受理",
    "prereview": "预审",
    "routing": "流转中",
    "under_review": "审批中",
    "concluded": "已办结",
    "denied": "不予许可",
    "ready_for_delivery": "待出件",
    "delivered": "已出件",
    "withdrawn": "已撤回",
}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workstation, Story]]:
    ws, story = routed_home(tmp_path_factory, "ledgers")
    # Consultations with a phone number, one of them handed over to intake (首问负责).
    with_phone = consultations.log_consultation(
        ws,
        LEAD,
        consultations.ConsultationDraft(
            topic="食品经营许可所需材料", channel="phone", applicant_name="包海龙", phone=PHONE
        ),
        at=datetime(2026, 11, 20, 9, 15).astimezone(),
    )
    draft = draft_for(ws, [FOOD], person(resident_id(seq="777"), name="包海龙", phone=PHONE))
    draft.consultation_id = with_phone
    intake.accept(ws, CLERK, draft, on=date(2026, 11, 20))
    yield ws, story
    ws.close()


@pytest.fixture
def db(home: tuple[Workstation, Story]) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(f"file:{home[0].home.db_path}?mode=ro", uri=True)
    yield con
    con.close()


def sheet_of(path: Path) -> Worksheet:
    sheet = load_workbook(path).active
    assert isinstance(sheet, Worksheet)
    return sheet


def records(sheet: Worksheet) -> list[dict[str, object]]:
    rows = list(sheet.iter_rows(values_only=True))
    headers = [str(h) for h in rows[0]]
    return [dict(zip(headers, r, strict=True)) for r in rows[1:]]


def as_date(value: object) -> date | None:
    """openpyxl reads date cells back as datetimes at midnight."""
    if value is None:
        return None
    assert isinstance(value, datetime), f"{value!r} is not a date cell"
    assert value.time() == datetime.min.time()
    return value.date()


def audits(con: sqlite3.Connection, action: str) -> list[tuple[str, str, str]]:
    return con.execute(
        "SELECT actor, target, detail FROM audit_log WHERE action = ? ORDER BY seq", (action,)
    ).fetchall()


# --- 办件台账 -------------------------------------------------------------------------------------


def test_cases_ledger_is_a_real_spreadsheet(home, db, tmp_path: Path) -> None:
    ws, _ = home
    out = tmp_path / "cases.xlsx"
    count = ledgers.export(ws, LEAD, "cases", START, END, out)
    sheet = sheet_of(out)
    assert sheet.title == "办件台账"
    assert [c.value for c in sheet[1]] == CASE_HEADERS
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
    assert sheet.column_dimensions["A"].width == 20
    assert all(sheet.column_dimensions[c].width >= 9 for c in "ABCDEFGHIJKLMNOPQRSTUVWXY")
    (expected,) = db.execute(
        "SELECT count(*) FROM cases WHERE created_on BETWEEN ? AND ?",
        (START.isoformat(), END.isoformat()),
    ).fetchone()
    assert count == expected == sheet.max_row - 1 > 100
    for header in CASE_DATES:
        column = CASE_HEADERS.index(header) + 1
        cells = [row[0] for row in sheet.iter_rows(min_row=2, min_col=column, max_col=column)]
        filled = [c for c in cells if c.value is not None]
        assert filled, f"no {header} at all"
        assert all(c.is_date and c.number_format == "yyyy-mm-dd" for c in filled), header


def test_cases_ledger_rows_equal_sql(home, db, tmp_path: Path) -> None:
    # Every cell of every row, from the case rows and the intake events read with plain SQL.
    ws, _ = home
    out = tmp_path / "cases.xlsx"
    ledgers.export(ws, LEAD, "cases", START, END, out)
    rows = records(sheet_of(out))
    names = dict(db.execute("SELECT username, display_name FROM users").fetchall())
    # The intake decision straight from the intake events (only they carry created_on).
    decisions = dict(
        db.execute(
            "SELECT entity_id, kind FROM events WHERE entity_type = 'case'"
            " AND json_extract(payload, '$.set.created_on') IS NOT NULL"
        ).fetchall()
    )
    expected = db.execute(
        "SELECT id, case_no, created_on, title, kind, departments, applicant_name,"
        " applicant_kind, applicant_id_masked, applicant_phone_masked, agent_name,"
        " agent_id_masked, accepted_on, due_date, dispatched_on, completed_on, delivered_on,"
        " delivery_method, state, station, window, green_channel, assistance_flags,"
        " assistance_mode, clerk, first_responder, reason, commitment, due_estimated"
        " FROM cases WHERE created_on BETWEEN ? AND ? ORDER BY created_on, case_no",
        (START.isoformat(), END.isoformat()),
    ).fetchall()
    assert [r["受理编号"] for r in rows] == [e[1] for e in expected]
    seen: dict[str, set[object]] = {h: set() for h in CASE_HEADERS}
    for row, e in zip(rows, expected, strict=True):
        (case_id, case_no, created_on, title, kind, departments, applicant) = e[:7]
        (applicant_kind, id_masked, phone_masked, agent, agent_id_masked) = e[7:12]
        (accepted_on, due, dispatched, completed, delivered, method, state) = e[12:19]
        (station, window, green, flags, mode, clerk, first, reason, commitment) = e[19:28]
        estimated = e[28]
        helped = "、".join(FLAG_LABELS[f] for f in flags.split(",") if f)
        note = [reason] if reason else []
        if commitment:
            note.append(f"容缺承诺：{commitment}")
        if estimated:
            note.append("办结期限为估算（该年法定节假日安排尚未录入）")
        want = {
            "受理编号": case_no,
            "登记日期": day(created_on),
            "受理方式": DECISION_LABELS[INTAKE_KINDS[decisions[case_id]]],
            "办理事项": title,
            "办件类型": KIND_LABELS[kind],
            "实施部门": departments,
            "申请人": applicant,
            "申请人类型": {"person": "个人", "organisation": "法人或其他组织"}[applicant_kind],
            "证件号码": id_masked,
            "联系电话": phone_masked or None,
            "代理人": agent or None,
            "代理人证件号码": agent_id_masked or None,
            "受理日期": day(accepted_on),
            "办结期限": day(due),
            "移交审批日期": day(dispatched),
            "办结日期": day(completed),
            "出件日期": day(delivered),
            "出件方式": {"pickup": "窗口领取", "mail": "邮寄", "": None}[method],
            "当前状态": STATE_LABELS[state],
            "材料所在岗位": station_label(station, window),
            "绿色通道": (f"帮您办（{helped}·{MODE_LABELS[mode]}）" if helped else "帮您办")
            if green
            else None,
            "受理人": names[clerk],
            "受理窗口": window or None,
            "首问负责人": names.get(first, first),
            "理由或说明": "；".join(note) or None,
        }
        assert row == want, case_no
        for header, value in row.items():
            seen[header].add(value is None)
    # The demo's month has each column filled somewhere (and the optional ones empty somewhere).
    assert all(False in empty for empty in seen.values()), seen
    assert {h for h, empty in seen.items() if True in empty} >= {
        "代理人",
        "代理人证件号码",
        "出件日期",
        "绿色通道",
        "理由或说明",
    }


def day(value: str | None) -> datetime | None:
    """A date cell as openpyxl reads it back: a datetime at midnight."""
    return datetime.fromisoformat(value) if value else None


@pytest.mark.parametrize("unmask", [False, True])
def test_cases_ledger_cells_equal_openpyxls_rendering_of_the_rows(
    home, tmp_path: Path, unmask: bool
) -> None:
    # Our streamed SpreadsheetML beside the same rows written by openpyxl's own cell objects:
    # every cell read back alike, value, type and number format.
    ws, _ = home
    ledger = ledgers.builder("cases")(ws, LEAD, START, END, unmask=unmask)
    ours = tmp_path / "ours.xlsx"
    xlsx.write(ledger, ours)
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.append(list(ledger.headers))
    for values in ledger.rows:
        sheet.append([reference_value(v) for v in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd"
    reference = tmp_path / "reference.xlsx"
    book.save(reference)
    theirs = cells(sheet_of(reference))
    assert len(theirs) == len(ledger.rows) + 1 > 100
    assert cells(sheet_of(ours)) == theirs


def reference_value(value: object) -> object:
    """A ledger value as a cell holds it: empty text no cell, a flag 是/否, a date a date."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    assert isinstance(value, str | int | float), value
    return value


def cells(sheet: Worksheet) -> list[list[tuple[object, str | None]]]:
    return [
        [(c.value, c.number_format if c.value is not None else None) for c in row]
        for row in sheet.iter_rows()
    ]


def test_cases_ledger_masks_personal_data(home, db, tmp_path: Path) -> None:
    ws, _ = home
    out = tmp_path / "cases.xlsx"
    ledgers.export(ws, LEAD, "cases", START, END, out)
    rows = records(sheet_of(out))
    assert all("*" in str(r["证件号码"]) for r in rows)
    assert all(r["联系电话"] is None or "****" in str(r["联系电话"]) for r in rows)
    plaintext = {
        ws.key.decrypt("id_number", token)
        for (token,) in db.execute("SELECT id_cipher FROM applicants").fetchall()
    }
    cells = {str(v) for r in rows for v in r.values() if v is not None}
    assert not plaintext & cells, "a full ID number reached a masked ledger"
    detail = audits(db, "ledger.export")[-1][2]
    assert '"unmasked":false' in detail.replace(" ", "")


def test_unmasked_cases_ledger_is_decrypted_and_audited(home, db, tmp_path: Path) -> None:
    ws, _ = home
    before = len(audits(db, "ledger.export"))
    out = tmp_path / "cases-full.xlsx"
    count = ledgers.export(ws, LEAD, "cases", START, END, out, unmask=True)
    rows = records(sheet_of(out))
    expected = db.execute(
        "SELECT c.case_no, a.id_cipher, a.phone_cipher, c.agent_id_cipher FROM cases c"
        " JOIN applicants a ON a.id = c.applicant_id"
        " WHERE c.created_on BETWEEN ? AND ? ORDER BY c.created_on, c.case_no",
        (START.isoformat(), END.isoformat()),
    ).fetchall()
    assert len(rows) == len(expected) == count
    agents = 0
    for row, (case_no, id_cipher, phone_cipher, agent_cipher) in zip(rows, expected, strict=True):
        assert row["受理编号"] == case_no
        assert row["证件号码"] == ws.key.decrypt("id_number", id_cipher)
        assert "*" not in str(row["证件号码"])
        phone = ws.key.decrypt("phone", phone_cipher) if phone_cipher else None
        assert row["联系电话"] == phone
        if agent_cipher:
            agents += 1
            assert row["代理人证件号码"] == ws.key.decrypt("id_number", agent_cipher)
    assert agents, "the demo home has cases brought by a proxy"
    entries = audits(db, "ledger.export")
    assert len(entries) == before + 1
    actor, target, detail = entries[-1]
    assert (actor, target) == ("lead", "cases")
    assert '"unmasked":true' in detail.replace(" ", "")
    assert f'"rows":{count}' in detail.replace(" ", "")


# --- 咨询登记台账 ---------------------------------------------------------------------------------


def test_consultations_ledger_rows_equal_sql(home, db, tmp_path: Path) -> None:
    ws, _ = home
    out = tmp_path / "consultations.xlsx"
    count = ledgers.export(ws, LEAD, "consultations", START, END, out)
    sheet = sheet_of(out)
    assert sheet.title == "咨询登记台账"
    assert [c.value for c in sheet[1]] == CONSULTATION_HEADERS
    assert sheet.freeze_panes == "A2"
    rows = records(sheet)
    expected = db.execute(
        "SELECT c.at, c.channel, c.topic, c.outcome, c.clerk, c.window, c.phone_masked, k.case_no"
        " FROM consultations c LEFT JOIN cases k ON k.id = c.case_id"
        ' WHERE c."on" BETWEEN ? AND ? ORDER BY c.at, c.id',
        (START.isoformat(), END.isoformat()),
    ).fetchall()
    assert count == len(rows) == len(expected) > 10
    names = dict(db.execute("SELECT username, display_name FROM users").fetchall())
    channels = {"onsite": "现场", "phone": "电话", "other": "其他"}
    outcomes = {"answered": "已解答", "guided": "引导至窗口", "to_intake": "转入受理"}
    for row, (at, channel, topic, outcome, clerk, window, phone, case_no) in zip(
        rows, expected, strict=True
    ):
        logged = row["登记时间"]
        assert isinstance(logged, datetime)
        assert logged == datetime.fromisoformat(at).replace(tzinfo=None)
        assert row["咨询渠道"] == channels[channel]
        assert row["咨询内容"] == topic and row["处理结果"] == outcomes[outcome]
        assert (row["接待人员"], row["窗口"]) == (names[clerk], window or None)
        assert row["联系电话"] == (phone or None)
        assert row["转入受理编号"] == case_no
    cell = sheet.cell(row=2, column=1)
    assert cell.is_date and cell.number_format == "yyyy-mm-dd hh:mm"
    handed_over = [r for r in rows if r["转入受理编号"]]
    assert len(handed_over) == 1 and handed_over[0]["联系电话"] == "139****1234"


def test_unmasked_consultations_ledger_shows_the_phone_and_is_audited(
    home, db, tmp_path: Path
) -> None:
    ws, _ = home
    out = tmp_path / "consultations-full.xlsx"
    ledgers.export(ws, LEAD, "consultations", START, END, out, unmask=True)
    rows = records(sheet_of(out))
    assert [r["联系电话"] for r in rows if r["联系电话"]] == [PHONE]
    actor, target, detail = audits(db, "ledger.export")[-1]
    assert (actor, target) == ("lead", "consultations")
    assert '"unmasked":true' in detail.replace(" ", "")


# --- refusals -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["cases", "consultations"])
@pytest.mark.parametrize("actor", [ROUTER, CLERK], ids=["router", "clerk"])
@pytest.mark.parametrize("unmask", [False, True], ids=["masked", "unmasked"])
def test_ledgers_need_the_reports_permission(
    home,
    db,
    tmp_path: Path,
    kind: str,
    actor,
    unmask: bool,  # type: ignore[no-untyped-def]
) -> None:
    ws, _ = home
    before = len(audits(db, "ledger.export"))
    out = tmp_path / "ledger.xlsx"
    with pytest.raises(PermissionDenied, match="无权执行：统计报表"):
        ledgers.export(ws, actor, kind, START, END, out, unmask=unmask)
    with pytest.raises(PermissionDenied):
        ledgers.builder(kind)(ws, actor, START, END, unmask=unmask)
    assert not out.exists()
    assert len(audits(db, "ledger.export")) == before


def test_a_lead_without_the_unmask_permission_gets_no_plaintext(
    home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hall_desk.domain import roles

    ws, _ = home
    reduced = {**roles.ROLE_PERMISSIONS}
    reduced[roles.Role.LEAD] = reduced[roles.Role.LEAD] - {roles.Permission.UNMASK}
    monkeypatch.setattr(roles, "ROLE_PERMISSIONS", reduced)
    with pytest.raises(PermissionDenied, match="查看完整证件号码和电话"):
        ledgers.builder("cases")(ws, LEAD, START, END, unmask=True)
    with pytest.raises(PermissionDenied, match="查看完整证件号码和电话"):
        ledgers.builder("consultations")(ws, LEAD, START, END, unmask=True)
    assert ledgers.builder("cases")(ws, LEAD, START, END, unmask=False).rows


def test_existing_file_and_bad_range_are_refused(home, db, tmp_path: Path) -> None:
    ws, _ = home
    before = len(audits(db, "ledger.export"))
    out = tmp_path / "cases.xlsx"
    out.write_bytes(b"last month's ledger")
    with pytest.raises(ValidationError, match="已存在，不会覆盖"):
        ledgers.export(ws, LEAD, "cases", START, END, out)
    assert out.read_bytes() == b"last month's ledger"
    with pytest.raises(ValidationError, match="结束日期不能早于开始日期"):
        ledgers.export(ws, LEAD, "cases", END, START, tmp_path / "other.xlsx")
    assert not (tmp_path / "other.xlsx").exists()
    assert len(audits(db, "ledger.export")) == before


def test_an_empty_range_gives_headers_only(home, tmp_path: Path) -> None:
    ws, _ = home
    out = tmp_path / "empty.xlsx"
    assert ledgers.export(ws, LEAD, "cases", date(2020, 1, 1), date(2020, 1, 31), out) == 0
    sheet = sheet_of(out)
    assert sheet.max_row == 1 and [c.value for c in sheet[1]] == CASE_HEADERS


# --- the command line -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "title", "table", "day_column"),
    [
        ("cases", "办件台账", "cases", "created_on"),
        ("consultations", "咨询登记台账", "consultations", '"on"'),
    ],
)
def test_export_ledger_command(
    home, db, tmp_path: Path, kind: str, title: str, table: str, day_column: str
) -> None:
    ws, _ = home
    out = tmp_path / f"{kind}.xlsx"
    args = ["export", "ledger", kind, "--from", "2026-11-01", "--to", "2026-11-27", "--out", out]
    result = run_cli(ws.home.path, *args)
    assert result.returncode == 0, result.stderr
    (expected,) = db.execute(
        f"SELECT count(*) FROM {table} WHERE {day_column} BETWEEN '2026-11-01' AND '2026-11-27'"
    ).fetchone()
    assert f"{title}已导出：{out}（{expected} 行）" in result.stdout
    assert sheet_of(out).max_row - 1 == expected

    first = out.read_bytes()
    again = run_cli(ws.home.path, *args, "--unmask")
    assert again.returncode == 1
    assert "已存在，不会覆盖" in again.stderr and "Traceback" not in again.stderr
    assert out.read_bytes() == first


def test_export_ledger_command_unmasked_is_audited(home, db, tmp_path: Path) -> None:
    ws, _ = home
    out = tmp_path / "full.xlsx"
    args = ["export", "ledger", "cases", "--from", "2026-11-20", "--to", "2026-11-27"]
    result = run_cli(ws.home.path, *args, "--out", out, "--unmask")
    assert result.returncode == 0, result.stderr
    actor, target, detail = audits(db, "ledger.export")[-1]
    assert actor.startswith("cli:") and target == "cases"
    assert '"unmasked":true' in detail.replace(" ", "")
    assert all("*" not in str(r["证件号码"]) for r in records(sheet_of(out)))
