"""The monthly report's 好差评, 队伍 and 排队 sections recounted with hand-written SQL over the
demo month, and their place in the frozen figures of a published month."""

from __future__ import annotations

import io
import math
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from hall_desk.reports import monthly as report
from hall_desk.services import meetings, monthly
from hall_desk.services.workstation import Workstation
from tests.services.monthly_helpers import LEAD, MONTH, demo_month_home

FIRST, LAST = "2026-11-01", "2026-11-30"
LEVELS = ("非常满意", "满意", "基本满意", "不满意", "非常不满意")
CHANNELS = {"screen": "评价屏", "proxy": "窗口代录", "imported": "二维码/线上"}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workstation]:
    ws = demo_month_home(tmp_path_factory, "monthly-sections")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def found(home: Workstation) -> monthly.MonthlyReport:
    return monthly.monthly_report(home, LEAD, MONTH)


@pytest.fixture(scope="module")
def db(home: Workstation) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(f"file:{home.home.db_path}?mode=ro", uri=True)
    yield con
    con.close()


def one(con: sqlite3.Connection, sql: str, *params: object) -> int:
    return int(con.execute(sql, params).fetchone()[0] or 0)


def rows_of(section: dict[str, Any]) -> dict[str, Any]:
    return dict(section["rows"])


def table(section: dict[str, Any], title: str) -> list[list[Any]]:
    return next(t["rows"] for t in section["tables"] if t["title"] == title)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- 好差评 -------------------------------------------------------------------------------------

RATED = "FROM ratings WHERE duplicate_of = '' AND rated_on BETWEEN ? AND ?"


def test_ratings_recounted(found, db) -> None:
    section = found.data["extra"]["ratings"]
    r = rows_of(section)
    given = one(db, f"SELECT count(*) {RATED} AND state = 'given'", FIRST, LAST)
    unrated = one(db, f"SELECT count(*) {RATED} AND state = 'unrated'", FIRST, LAST)
    top = one(db, f"SELECT count(*) {RATED} AND state = 'given' AND level >= 3", FIRST, LAST)
    bad = one(db, f"SELECT count(*) {RATED} AND state = 'given' AND level <= 2", FIRST, LAST)

    def appealed(state: str) -> int:
        return one(
            db,
            f"SELECT count(*) {RATED} AND state = 'given' AND level <= 2 AND appeal_state = ?",
            FIRST,
            LAST,
            state,
        )

    upheld = appealed("upheld")
    assert given > 100 and bad > 0 and unrated > 0  # the demo month has all of them
    assert r["已评价"] == given and r["未评价"] == unrated
    assert r["评价率"] == [given, given + unrated]
    assert r["满意率"] == [top, given]
    assert r["差评"] == bad and r["差评率（原始）"] == [bad, given]
    assert r["申诉成立"] == upheld
    assert r["差评率（扣除申诉成立）"] == [bad - upheld, given - upheld]
    assert r["申诉不成立"] == appealed("rejected")
    assert r["申诉待复核"] == appealed("pending")
    assert r["重复评价（不计）"] == one(
        db,
        "SELECT count(*) FROM ratings WHERE duplicate_of != '' AND rated_on BETWEEN ? AND ?",
        FIRST,
        LAST,
    )
    for name, n, share in table(section, "按评价等级"):
        level = 5 - LEVELS.index(name)
        expected = one(
            db, f"SELECT count(*) {RATED} AND state='given' AND level=?", FIRST, LAST, level
        )
        assert (n, share) == (expected, [expected, given])
    by_channel = dict(table(section, "按评价渠道"))
    for code, name in CHANNELS.items():
        assert by_channel[name] == one(
            db, f"SELECT count(*) {RATED} AND state='given' AND channel=?", FIRST, LAST, code
        )


def test_rectification_tickets_of_bad_ratings_recounted(found, db) -> None:
    r = rows_of(found.data["extra"]["ratings"])
    rating = "FROM tickets WHERE source = 'rating'"
    assert r["差评整改工单"] == one(
        db, f"SELECT count(*) {rating} AND received_on BETWEEN ? AND ?", FIRST, LAST
    )
    closed = f"{rating} AND closed_on BETWEEN ? AND ?"
    assert r["差评整改办结"] == one(db, f"SELECT count(*) {closed}", FIRST, LAST)
    assert r["差评整改按期办结率"] == [
        one(
            db,
            f"SELECT count(*) {closed} AND due_date IS NOT NULL AND closed_on <= due_date",
            FIRST,
            LAST,
        ),
        one(db, f"SELECT count(*) {closed} AND due_date IS NOT NULL", FIRST, LAST),
    ]
    # Every 差评 of the month opened its 整改 ticket the same day (a duplicate's too).
    assert r["差评整改工单"] == one(
        db,
        "SELECT count(*) FROM ratings WHERE rated_on BETWEEN ? AND ? AND level <= 2 "
        "AND ticket_id != ''",
        FIRST,
        LAST,
    )


def test_the_rating_mix_chart_stacks_levels_per_channel(found, db) -> None:
    chart = found.data["extra"]["ratings"]["chart"]
    assert chart["kind"] == "stacked"
    assert chart["categories"] == [*CHANNELS.values(), "合计"]
    assert [name for name, _ in chart["series"]] == list(LEVELS)
    for name, values in chart["series"]:
        level = 5 - LEVELS.index(name)
        for code, value in zip(CHANNELS, values, strict=False):
            assert value == one(
                db,
                f"SELECT count(*) {RATED} AND state='given' AND level=? AND channel=?",
                FIRST,
                LAST,
                level,
                code,
            )
        assert values[-1] == sum(values[:-1])


# --- 队伍 ---------------------------------------------------------------------------------------


def test_evaluations_recounted(found, db) -> None:
    section = found.data["extra"]["staff"]
    r = rows_of(section)
    sheets = db.execute(
        "SELECT staff_name, total, grade, state FROM evaluations WHERE month = ?", (MONTH,)
    ).fetchall()
    assert sheets and r["考评表"] == len(sheets)
    published = sum(1 for *_, st in sheets if st in ("published", "confirmed", "objected"))
    assert r["考评表已发布"] == [published, len(sheets)]
    assert dict(table(section, "考评等级")) == dict(Counter(g for _, _, g, _ in sheets))
    # 服务标兵: the top 20% by total (at least one), equal totals sharing a place.
    places = max(1, math.floor(len(sheets) * 0.2))
    ordered = sorted((t for _, t, _, _ in sheets), reverse=True)
    best = sorted(
        ([n, t] for n, t, _, _ in sheets if ordered.index(t) + 1 <= places),
        key=lambda p: (-p[1], p[0]),
    )
    assert r["服务标兵候选"] == len(best)
    assert sorted(table(section, "服务标兵候选"), key=lambda p: (-p[1], p[0])) == best


def test_inspections_and_findings_recounted(found, db) -> None:
    section = found.data["extra"]["staff"]
    r = rows_of(section)
    held = "FROM inspections WHERE inspected_on BETWEEN ? AND ?"
    assert r["巡查"] == one(db, f"SELECT count(*) {held}", FIRST, LAST) > 0
    assert r["巡查检查项"] == one(db, f"SELECT sum(items_total) {held}", FIRST, LAST)
    assert r["巡查不合格项"] == one(db, f"SELECT sum(items_failed) {held}", FIRST, LAST)
    found_in = "FROM findings WHERE found_on BETWEEN ? AND ?"
    assert r["巡查问题"] == one(db, f"SELECT count(*) {found_in}", FIRST, LAST) > 0
    assert r["问题未闭环"] == one(
        db, f"SELECT count(*) {found_in} AND state != 'closed'", FIRST, LAST
    )
    assert r["问题逾期未整改"] == one(
        db,
        f"SELECT count(*) {found_in} AND state = 'open' AND fix_deadline <= ?",
        FIRST,
        LAST,
        LAST,
    )
    groups = {
        "服务环境": "environment",
        "行为规范": "conduct",
        "服务标准": "standards",
        "服务效率": "efficiency",
    }
    for name, n in table(section, "巡查问题按类别"):
        assert n == one(
            db, f"SELECT count(*) {found_in} AND category = ?", FIRST, LAST, groups[name]
        )
    # Escalation: the person's findings within the 30 days ending on the finding's day.
    counts = db.execute(
        f"""SELECT (SELECT count(*) FROM findings g WHERE g.staff = f.staff
                    AND g.found_on BETWEEN date(f.found_on, '-29 days') AND f.found_on)
            {found_in.replace("FROM findings", "FROM findings f")} AND f.staff != ''""",
        (FIRST, LAST),
    ).fetchall()
    expected = Counter("提醒" if n == 1 else "调岗建议" if n == 2 else "约谈" for (n,) in counts)
    assert dict(table(section, "问题升级")) == {
        k: expected.get(k, 0) for k in ("提醒", "调岗建议", "约谈")
    }


def test_meetings_held_against_expected_name_the_missing(home, found, db) -> None:
    section = found.data["extra"]["staff"]
    r = rows_of(section)
    cal = home.calendar()
    days = [date(2026, 11, 1) + timedelta(days=n) for n in range(30)]
    working = [d for d in days if cal.is_working_day(d)]
    held = {
        date.fromisoformat(d)
        for (d,) in db.execute(
            "SELECT held_on FROM meetings WHERE kind = 'morning' AND held_on BETWEEN ? AND ?",
            (FIRST, LAST),
        )
    }
    missing = [d for d in working if d not in held]
    assert r["晨会"] == [len(working) - len(missing), len(working)]
    # Weeks owe a 周例会 to the month of their last working day.
    mondays = sorted({d - timedelta(days=d.weekday()) for d in working})
    due = [
        m
        for m in mondays
        if max(d for d in (m + timedelta(days=i) for i in range(7)) if cal.is_working_day(d))
        <= date(2026, 11, 30)
    ]
    weekly = {
        date.fromisoformat(d) - timedelta(days=date.fromisoformat(d).weekday())
        for (d,) in db.execute("SELECT held_on FROM meetings WHERE kind = 'weekly'")
    }
    assert r["周例会"] == [sum(1 for m in due if m in weekly), len(due)]
    listed = table(section, "缺少的会议记录") if missing or set(due) - weekly else []
    assert [d for d, kind in listed if kind == "晨会"] == [d.isoformat() for d in missing]
    assert missing == [date(2026, 11, 6)]  # the demo skipped one 晨会
    assert r["其他会议"] == one(
        db,
        "SELECT count(*) FROM meetings WHERE kind NOT IN ('morning', 'weekly') "
        "AND held_on BETWEEN ? AND ?",
        FIRST,
        LAST,
    )


# --- 排队 ---------------------------------------------------------------------------------------


def _p90(values: list[float]) -> float | None:
    ordered = sorted(values)
    return ordered[max(math.ceil(0.9 * len(ordered)) - 1, 0)] if ordered else None


def _minutes(values: list[float], p90: bool = False) -> float | None:
    if not values:
        return None
    seconds = _p90(values) if p90 else sum(values) / len(values)
    assert seconds is not None
    return round(seconds / 60, 1)


def test_queue_recounted_by_queue(found, db) -> None:
    section = found.data["extra"]["queue"]
    by_queue = {row[0].split()[0]: row[1:] for row in table(section, "按队列")}
    codes = [
        c
        for (c,) in db.execute(
            "SELECT DISTINCT queue FROM queue_tickets WHERE day BETWEEN ? AND ? ORDER BY queue",
            (FIRST, LAST),
        )
    ]
    assert codes and list(by_queue) == [*codes, "合计"]
    for code in [*codes, "合计"]:
        where = "day BETWEEN ? AND ?" + ("" if code == "合计" else " AND queue = ?")
        args = (FIRST, LAST) if code == "合计" else (FIRST, LAST, code)
        issued = one(
            db, f"SELECT count(*) FROM queue_tickets WHERE {where} AND transferred_from = ''", *args
        )
        waits = [
            w / 1000
            for (w,) in db.execute(
                f"SELECT called_ms - issued_ms FROM queue_tickets WHERE {where} "
                "AND called_ms IS NOT NULL AND state != 'transferred'",
                args,
            )
        ]
        services = [
            w / 1000
            for (w,) in db.execute(
                f"SELECT finished_ms - called_ms FROM queue_tickets WHERE {where} "
                "AND state = 'done' AND called_ms IS NOT NULL AND finished_ms IS NOT NULL",
                args,
            )
        ]
        no_shows = one(
            db, f"SELECT count(*) FROM queue_tickets WHERE {where} AND state = 'no_show'", *args
        )
        assert by_queue[code] == [
            issued,
            len(waits),
            no_shows,
            _minutes(waits),
            _minutes(waits, p90=True),
            _minutes(services),
            _minutes(services, p90=True),
        ], code
    r = rows_of(section)
    total = by_queue["合计"]
    assert [r["取号"], r["叫号"], r["过号"], r["平均等候（分钟）"], r["等候 P90（分钟）"]] == total[
        :5
    ]
    assert r["取号"] > 100 and r["过号"] > 0


# --- the report ---------------------------------------------------------------------------------


def test_sections_print_with_their_definitions_and_chart(home, found) -> None:
    pages = [
        p.extract_text()
        for p in PdfReader(io.BytesIO(report.build_monthly_pdf(home, LEAD, found))).pages
    ]
    text = flat("".join(pages))
    for title in ("好差评", "队伍", "排队"):
        assert re.search(f"[一二三四五六七八九十]、{title}", text), title
    assert "好差评等级构成（条，按评价渠道）" in text
    # Nine sections with data, then the lead's two and the appendix: numbered in Chinese.
    assert "十、问题与整改" in text and "十一、下月工作计划" in text and "十二、附录" in text
    ratings = rows_of(found.data["extra"]["ratings"])
    assert flat(f"评价率 {monthly.ratio_text(ratings['评价率'])}") in text
    appendix = text[text.rindex("附录：指标定义") :]
    for section in found.data["extra"].values():
        defined = section["definitions"]
        for name, _ in section["rows"]:
            assert name in defined, f"{section['title']}：{name} has no definition"
        for name, definition in defined.items():
            assert flat(f"{name}：{definition}") in appendix


def test_the_xlsx_carries_the_sections_and_the_same_sha256(home, tmp_path) -> None:
    out, sheet = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    done = report.write_monthly_report(home, LEAD, MONTH, out, xlsx_out=sheet, draft=True)
    rows = [list(r) for r in load_workbook(sheet).active.iter_rows(values_only=True)]
    assert any(r[:3] == ["报告", "SHA-256", done.sha256] for r in rows)
    assert done.sha256 in flat("".join(p.extract_text() for p in PdfReader(out).pages))
    again = monthly.monthly_report(home, LEAD, MONTH)
    r = rows_of(again.data["extra"]["ratings"])
    assert ["好差评", "已评价", r["已评价"], None] in rows or [
        "好差评",
        "已评价",
        r["已评价"],
        "",
    ] in rows
    assert any(row[0] == "排队：按队列" and row[1] == "合计" for row in rows)
    assert any(row[0] == "队伍：缺少的会议记录" and row[1] == "2026-11-06" for row in rows)


# --- frozen months ------------------------------------------------------------------------------


def test_a_month_published_before_the_sections_existed_keeps_its_figures(
    tmp_path_factory, monkeypatch
) -> None:
    ws = demo_month_home(tmp_path_factory, "monthly-sections-old")
    try:
        with monkeypatch.context() as m:
            m.setattr(monthly, "SECTION_HOOKS", [])  # the program as it was
            published = monthly.publish(ws, LEAD, MONTH)
        assert published.data["extra"] == {}
        again = monthly.monthly_report(ws, LEAD, MONTH)
        assert monthly.canonical(again.data) == monthly.canonical(published.data)
        assert again.sha256 == published.sha256
        text = flat(
            "".join(
                p.extract_text()
                for p in PdfReader(io.BytesIO(report.build_monthly_pdf(ws, LEAD, again))).pages
            )
        )
        assert "好差评等级构成" not in text and "、排队" not in text
        # A draft of the next month has them.
        december = monthly.monthly_report(ws, LEAD, "2026-12")
        assert set(december.data["extra"]) <= {"ratings", "staff", "queue"}
    finally:
        ws.close()


def test_a_late_meeting_leaves_the_published_month_and_is_listed_next_month(
    tmp_path_factory,
) -> None:
    ws = demo_month_home(tmp_path_factory, "monthly-sections-late")
    try:
        published = monthly.publish(ws, LEAD, MONTH)
        before = rows_of(published.data["extra"]["staff"])["晨会"]
        attendee = meetings.AttendeeEntry("clerk1")
        meetings.record(
            ws,
            LEAD,
            meetings.MeetingDraft(
                kind="morning",
                host="lead",
                held_at=datetime(2026, 11, 6, 8, 30).astimezone(),
                attendees=[attendee],
                topics="补登 11 月 6 日晨会",
                late_reason="纸质记录补录入系统",
            ),
        )
        again = monthly.monthly_report(ws, LEAD, MONTH)
        assert again.sha256 == published.sha256
        assert rows_of(again.data["extra"]["staff"])["晨会"] == before
        late = monthly.monthly_report(ws, LEAD, "2026-12").data["late"]
        assert late["count"] == 1 and late["events"][0][:2] == ["2026-11-06", "会议"]
        assert [
            "队伍：晨会",
            monthly.ratio_text(before),
            monthly.ratio_text([before[0] + 1, before[1]]),
        ] in late["effects"]
    finally:
        ws.close()
