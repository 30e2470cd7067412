"""每日工作汇总 read back with pypdf: every table row holds the figures a SQL recount gives."""

from __future__ import annotations

import io
import os
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from hall_desk.domain.errors import PermissionDenied, StorageError, ValidationError
from hall_desk.reports import daily
from hall_desk.services.workstation import Tx, Workstation
from tests.command_line import Result, run_in_process
from tests.services.test_dashboard import (
    CLERK,
    END,
    LEAD,
    ROUTER,
    Recount,
    Story,
    routed_home,
)

HALL = "科尔沁左翼中旗政务服务中心"
NOTES = "今日大厅运行平稳。\n下午网络中断十分钟，已恢复；次日复核超期办件。"
STATION_LABELS = {"routing": "流转岗", "delivery": "出件窗口"}
FOOTER_PAGE = re.compile(r"第 \d+ 页 共 \d+ 页")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workstation, Story]]:
    ws, story = routed_home(tmp_path_factory, "daily")
    yield ws, story
    ws.close()


@pytest.fixture(scope="module")
def recount(home: tuple[Workstation, Story]) -> Iterator[Recount]:
    r = Recount(home[0])
    yield r
    r.close()


@pytest.fixture(scope="module")
def summary(home: tuple[Workstation, Story]) -> tuple[bytes, list[str]]:
    data = daily.build_daily_summary(home[0], LEAD, END, notes=NOTES)
    return data, pages_of(data)


def pages_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def is_footer(line: str) -> bool:
    return line == HALL or line.startswith("打印：") or FOOTER_PAGE.fullmatch(line) is not None


def joined(pages: list[str]) -> str:
    """The text without line breaks or page footers: a table row reads as its cells one after
    another."""
    lines = (line.strip() for page in pages for line in page.splitlines())
    return "".join(line for line in lines if not is_footer(line))


def section(text: str, start: str, end: str) -> str:
    assert start in text and end in text, (start, end)
    return text[text.index(start) + len(start) : text.index(end)]


# --- the figures, row by row ----------------------------------------------------------------------


def test_overview_rows_hold_the_recounted_figures(summary, recount: Recount) -> None:
    _, pages = summary
    text = joined(pages)
    channels = recount.consultations(END)
    intake = recount.intake(END).get("", Counter())
    delivered = recount.delivered(END)
    overdue, near = recount.deadlines(END)
    rows = [
        ("咨询登记", sum(channels.values())),
        ("", f"现场 {channels['onsite']}，电话 {channels['phone']}，其他 {channels['other']}"),
        ("受理", intake["accepted"]),
        ("", "材料齐全，当场受理"),
        ("容缺受理", intake["accepted_deferred"]),
        ("", "次要材料容缺，申请人书面承诺补齐"),
        ("一次性告知补正", intake["supplement_requested"]),
        ("", "出具一次性告知书"),
        ("不予受理", intake["refused"]),
        ("", "出具不予受理通知书"),
        ("即办件当场办结", intake["completed_at_window"]),
        ("受理环节合计", sum(intake.values())),
        ("", "以上五项之和"),
        ("补正后受理", recount.supplements_received(END)),
        ("", "补正材料收齐，当日受理"),
        ("移交审批部门", sum(recount.dispatched(END).values())),
        ("部门办结返回", sum(recount.returned(END).values())),
        ("", "含不予许可"),
        ("出件", sum(delivered.values())),
        ("", f"窗口领取 {delivered['pickup']}，邮寄 {delivered['mail']}"),
        ("绿色通道（帮您办）", recount.green(END)[""]),
        ("", "当日登记的帮办办件"),
        ("已超期办件", len(overdue)),
        ("", "截至当日，计时中的办件"),
        ("临近期限办件", len(near)),
        ("", "3 个工作日内到期"),
    ]
    expected = "项目数量说明" + "".join(f"{label}{value}" for label, value in rows)
    assert section(text, "一、当日业务量", "二、按窗口统计") == expected


@pytest.mark.parametrize(
    ("by", "start", "end", "first"),
    [
        ("window", "二、按窗口统计", "三、按人员统计", "窗口"),
        ("clerk", "三、按人员统计", "四、按部门统计", "人员"),
    ],
)
def test_window_and_clerk_tables_hold_the_recounted_figures(
    summary, recount: Recount, by: str, start: str, end: str, first: str
) -> None:
    _, pages = summary
    intake = recount.intake(END, by)
    green = recount.green(END, by)
    consultations = recount.consultations_by(by, END)
    delivered = recount.delivered(END, by)
    names = recount.display_names()
    keys = sorted(k for k in set(intake) | set(consultations) | set(delivered) if k is not None)
    decisions = [
        "accepted",
        "accepted_deferred",
        "supplement_requested",
        "refused",
        "completed_at_window",
    ]
    totals = [0] * 8
    expected = first + "咨询受理容缺受理补正告知不予受理即办办结绿色通道出件"
    for key in keys:
        counts = intake.get(key, Counter())
        cells = [consultations[key], *(counts[d] for d in decisions), green[key], delivered[key]]
        totals = [t + c for t, c in zip(totals, cells, strict=True)]
        expected += str(key if by == "window" else names[key])
        expected += "".join(str(n) for n in cells)
    expected += "合计" + "".join(str(n) for n in totals)
    assert section(joined(pages), start, end) == expected


def test_department_table_holds_the_recounted_figures(summary, recount: Recount) -> None:
    _, pages = summary
    overdue, near = recount.deadlines(END)
    columns = [
        recount.applications_by_department(END),
        recount.dispatched(END),
        recount.returned(END),
        recount.departments_of([r[0] for r in overdue]),
        recount.departments_of([r[0] for r in near]),
    ]
    departments = sorted({d for c in columns for d, n in c.items() if n})
    expected = "实施部门当日申请移交办结返回已超期临近期限"
    for department in departments:
        expected += str(department) + "".join(str(c[department]) for c in columns)
    expected += "注：一件事涉及多个部门的，在每个部门各计一件。"
    assert section(joined(pages), "四、按部门统计", "五、已超期和临近期限办件") == expected


def test_deadline_section_lists_every_case_with_words_and_its_station(
    home, summary, recount: Recount
) -> None:
    ws, _ = home
    _, pages = summary
    part = section(joined(pages), "五、已超期和临近期限办件", "六、当日绿色通道服务")
    overdue, near = recount.deadlines(END)
    counts = f"已超期 {len(overdue)} 件，临近期限（3 个工作日内到期）{len(near)} 件。"
    assert part.startswith(counts)
    assert f"已超期办件清单（共 {len(overdue)} 件）" in part
    assert f"临近期限办件清单（共 {len(near)} 件）" in part
    cal = ws.calendar()
    for rows, mark in ((overdue, "已超期"), (near, "临近期限")):
        for case_no, due, station, window in rows:
            title, applicant, state, green = recount.rows(
                "SELECT title, applicant_name, state, green_channel FROM cases WHERE case_no = ?",
                case_no,
            )[0]
            remaining = cal.working_days_between(END, date.fromisoformat(due))
            if mark == "已超期":
                hint = f"{-remaining} 个工作日" if remaining < 0 else ""
            else:
                hint = "今日到期" if remaining == 0 else f"剩余 {remaining} 个工作日"
            if station == "window":
                where = window
            elif station.startswith("dept:"):
                where = station[5:]
            else:
                where = STATION_LABELS[station]
            state_label = {
                "accepted": "已受理",
                "accepted_deferred": "容缺受理",
                "prereview": "预审",
                "routing": "流转中",
                "under_review": "审批中",
            }[str(state)]
            row = (
                f"{case_no}{title}{applicant}{due}{mark}{hint}"
                f"{'绿色通道' if green else ''}{state_label}{where}"
            )
            assert row in part, f"row of {case_no} not printed as {row!r}"


def test_long_deadline_lists_say_how_many_are_left_out(
    home, recount: Recount, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, _ = home
    overdue, near = recount.deadlines(END)
    limit = min(len(overdue), len(near)) - 1
    assert limit >= 1, "the demo day should have several overdue and near-deadline cases"
    monkeypatch.setattr(daily, "PDF_LIST_LIMIT", limit)
    text = joined(pages_of(daily.build_daily_summary(ws, LEAD, END)))
    left_out = "以下列出最紧迫的 {} 件；完整清单见统计报表或办件台账"
    assert f"已超期办件清单（共 {len(overdue)} 件，{left_out.format(limit)}）" in text
    assert f"临近期限办件清单（共 {len(near)} 件，{left_out.format(limit)}）" in text
    # The most urgent are printed: the earliest due dates.
    for rows in (overdue, near):
        ranked = sorted(rows, key=lambda r: r[1])
        printed = [r[0] for r in rows if r[0] in text]
        assert len(printed) == limit
        assert max(r[1] for r in rows if r[0] in printed) <= ranked[limit][1]


def test_green_channel_cases_of_the_day_are_listed(summary, recount: Recount) -> None:
    _, pages = summary
    part = section(joined(pages), "六、当日绿色通道服务", "七、办不成事与投诉")
    rows = recount.rows(
        "SELECT case_no, applicant_name, title, assistance_helper FROM cases"
        " WHERE created_on = ? AND green_channel = 1 ORDER BY case_no",
        END.isoformat(),
    )
    assert rows
    assert part.startswith(f"共 {len(rows)} 件。")
    for case_no, applicant, title, helper in rows:
        assert f"{case_no}{applicant}{title}" in part
        assert str(helper) in part


def test_header_notes_signature_and_page_numbers(summary) -> None:
    data, pages = summary
    text = joined(pages)
    assert text.startswith("每日工作汇总")
    assert re.search(f"{HALL}\\s*2026年11月27日（星期五）", text)
    assert "九、班组长备注" + NOTES.replace("\n", "") in text
    assert "班组长（签字）" in pages[-1]
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
        assert HALL in page and "白玉兰" in page
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    assert reader.metadata is not None and reader.metadata.title == "每日工作汇总 2026-11-27"


def test_a_closed_day_says_so_and_prints_zeros(home) -> None:
    ws, _ = home
    text = joined(pages_of(daily.build_daily_summary(ws, LEAD, date(2026, 11, 21))))
    assert re.search("2026年11月21日（星期六）\\s*非工作日", text)
    assert "受理0材料齐全" in text
    assert "二、按窗口统计当日无记录。" in text
    assert "六、当日绿色通道服务当日无绿色通道办件。" in text
    assert "九、班组长备注（无）" in text


# --- writing the file -----------------------------------------------------------------------------


def audit_count(ws: Workstation, action: str) -> int:
    con = sqlite3.connect(ws.home.db_path)
    try:
        sql = "SELECT count(*) FROM audit_log WHERE action = ?"
        return int(con.execute(sql, (action,)).fetchone()[0])
    finally:
        con.close()


def test_write_returns_the_page_count_and_is_audited(home, tmp_path: Path) -> None:
    ws, _ = home
    before = audit_count(ws, "report.daily")
    out = tmp_path / "每日汇总.pdf"
    pages = daily.write_daily_summary(ws, LEAD, END, out, notes=NOTES)
    reader = PdfReader(out)
    assert pages == len(reader.pages) >= 2
    assert audit_count(ws, "report.daily") == before + 1
    con = sqlite3.connect(ws.home.db_path)
    try:
        actor, target, detail = con.execute(
            "SELECT actor, target, detail FROM audit_log WHERE action = 'report.daily'"
            " ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    assert (actor, target) == ("lead", "2026-11-27")
    assert f'"pages": {pages}' in detail or f'"pages":{pages}' in detail


def test_write_never_replaces_a_file_and_writes_nothing_when_refused(home, tmp_path: Path) -> None:
    ws, _ = home
    out = tmp_path / "exists.pdf"
    out.write_bytes(b"the lead's signed copy")
    before = audit_count(ws, "report.daily")
    with pytest.raises(ValidationError, match="已存在，不会覆盖"):
        daily.write_daily_summary(ws, LEAD, END, out)
    assert out.read_bytes() == b"the lead's signed copy"
    with pytest.raises(ValidationError, match="不存在"):
        daily.write_daily_summary(ws, LEAD, END, tmp_path / "missing" / "daily.pdf")
    assert not (tmp_path / "missing").exists()
    assert audit_count(ws, "report.daily") == before


def test_a_summary_that_cannot_be_audited_is_not_left_behind(
    home, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, _ = home

    def refuse(*args: object, **kwargs: object) -> None:
        raise StorageError("数据库只读")

    monkeypatch.setattr(Tx, "audit", refuse)
    out = tmp_path / "daily.pdf"
    with pytest.raises(StorageError):
        daily.write_daily_summary(ws, LEAD, END, out)
    assert not out.exists()


@pytest.mark.parametrize("actor", [ROUTER, CLERK], ids=["router", "clerk"])
def test_only_report_roles_get_the_summary(home, tmp_path: Path, actor) -> None:  # type: ignore[no-untyped-def]
    ws, _ = home
    before = audit_count(ws, "report.daily")
    out = tmp_path / "daily.pdf"
    with pytest.raises(PermissionDenied, match="无权执行：统计报表"):
        daily.write_daily_summary(ws, actor, END, out)
    with pytest.raises(PermissionDenied):
        daily.build_daily_summary(ws, actor, END)
    assert not out.exists()
    assert audit_count(ws, "report.daily") == before


# --- the command line -----------------------------------------------------------------------------


def run_cli(home: Path, *args: str | Path) -> Result:
    """`hall-desk --home HOME ARGS…` as a scheduler runs it (no terminal, no input), in this
    process: tests/test_cli.py runs the real child process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HALL_DESK_")}
    return run_in_process(["--home", str(home), *map(str, args)], env)


def test_report_daily_command(home, recount: Recount, tmp_path: Path) -> None:
    ws, _ = home
    out = tmp_path / "daily.pdf"
    result = run_cli(ws.home.path, "report", "daily", "--date", "2026-11-27", "--out", out)
    assert result.returncode == 0, result.stderr
    pages = PdfReader(out).pages
    assert f"每日工作汇总已生成：{out}（{len(pages)} 页）" in result.stdout
    text = joined([p.extract_text() for p in pages])
    intake = recount.intake(END)[""]
    assert f"受理{intake['accepted']}材料齐全，当场受理" in text

    first = out.read_bytes()
    again = run_cli(ws.home.path, "report", "daily", "--date", "2026-11-27", "--out", out)
    assert again.returncode == 1
    assert "已存在，不会覆盖" in again.stderr and again.stderr.startswith("错误：")
    assert "Traceback" not in again.stderr
    assert out.read_bytes() == first

    bad = run_cli(ws.home.path, "report", "daily", "--date", "2026-13-01", "--out", out)
    assert bad.returncode == 2 and "格式应为 YYYY-MM-DD" in bad.stderr
