"""运营报告 figures recounted with hand-written SQL over a demo month, and the report's rules.

The home comes from `demo.generate` (intake, consultations, routing, delivery and tickets
through the real services). Each figure of `month_figures` is counted again here straight from
the SQLite file — the intake decision from the events themselves — and compared.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from hall_desk.domain.clock import Timestamp
from hall_desk.domain.errors import PermissionDenied, ValidationError
from hall_desk.services import consultations, monthly
from hall_desk.services.workstation import Workstation
from hall_desk.store.models_sync import SyncConflict
from tests.services.monthly_helpers import (
    BEFORE_PUBLISH_DAY,
    CLERK,
    LEAD,
    MONTH,
    PUBLISH_DAY,
    demo_month_home,
)

FIRST, LAST = "2026-11-01", "2026-11-30"
INTAKE = (
    "case.accepted",
    "case.accepted_deferred",
    "case.supplement_requested",
    "case.refused",
    "case.completed_at_window",
)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workstation]:
    ws = demo_month_home(tmp_path_factory, "monthly-read")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def figures(home: Workstation) -> dict[str, object]:
    return monthly.monthly_report(home, LEAD, MONTH).data["figures"]  # type: ignore[return-value]


@pytest.fixture(scope="module")
def db(home: Workstation) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(f"file:{home.home.db_path}?mode=ro", uri=True)
    yield con
    con.close()


def one(con: sqlite3.Connection, sql: str, *params: object) -> int:
    return int(con.execute(sql, params).fetchone()[0] or 0)


def first_intake_kinds(con: sqlite3.Connection) -> Counter[str]:
    """Each November case's first intake event, from the event log."""
    marks = ",".join("?" * len(INTAKE))
    rows = con.execute(
        f"""
        SELECT c.id, (SELECT e.kind FROM events e
                      WHERE e.entity_type = 'case' AND e.entity_id = c.id
                        AND e.kind IN ({marks})
                      ORDER BY e.hlc LIMIT 1)
        FROM cases c WHERE c.created_on BETWEEN ? AND ?
        """,
        (*INTAKE, FIRST, LAST),
    ).fetchall()
    return Counter(kind for _, kind in rows)


def test_intake_decisions_recounted_from_the_events(figures, db) -> None:
    kinds = first_intake_kinds(db)
    assert figures["intake_total"] == sum(kinds.values()) > 50
    assert figures["accepted"] == kinds["case.accepted"]
    assert figures["accepted_deferred"] == kinds["case.accepted_deferred"]
    assert figures["supplement_requested"] == kinds["case.supplement_requested"]
    assert figures["refused_at_intake"] == kinds["case.refused"]
    assert figures["completed_at_window"] == kinds["case.completed_at_window"]
    per_day = dict(
        db.execute(
            "SELECT created_on, count(*) FROM cases WHERE created_on BETWEEN ? AND ? "
            "GROUP BY created_on",
            (FIRST, LAST),
        ).fetchall()
    )
    printed = dict(figures["cases_per_day"])
    assert {d: n for d, n in printed.items() if n} == per_day
    assert len(printed) == figures["working_days"] == 21  # November 2026 on the hall calendar
    hours = Counter(
        datetime.fromtimestamp(Timestamp.decode(h).ms / 1000).astimezone().hour
        for (h,) in db.execute(
            "SELECT created_hlc FROM cases WHERE created_on BETWEEN ? AND ?", (FIRST, LAST)
        )
    )
    assert dict(map(tuple, figures["cases_by_hour"])) == dict(hours)


def test_supplements_and_refusals_recounted(figures, db) -> None:
    received = db.execute(
        """
        SELECT count(*) FROM cases c WHERE c.accepted_on BETWEEN ? AND ?
          AND (SELECT e.kind FROM events e WHERE e.entity_type='case' AND e.entity_id=c.id
               AND e.kind IN (?,?,?,?,?) ORDER BY e.hlc LIMIT 1) = 'case.supplement_requested'
        """,
        (FIRST, LAST, *INTAKE),
    ).fetchone()[0]
    assert figures["supplements_received"] == received
    rounds = Counter(
        n
        for (n,) in db.execute(
            """
            SELECT count(*) FROM events e JOIN cases c ON c.id = e.entity_id
            WHERE e.entity_type = 'case'
              AND e.kind IN ('case.supplement_requested', 'case.returned_for_supplement')
              AND c.created_on BETWEEN ? AND ?
            GROUP BY e.entity_id
            """,
            (FIRST, LAST),
        )
    )
    assert figures["supplement_rounds"] == [
        ["1 次", rounds[1]],
        ["2 次", rounds[2]],
        ["3 次及以上", sum(v for k, v in rounds.items() if k >= 3)],
    ]
    assert sum(n for _, n in figures["supplement_rounds"]) > 0
    refusals = db.execute(
        "SELECT reason, count(*) FROM cases WHERE created_on BETWEEN ? AND ? "
        "AND state = 'refused' GROUP BY reason ORDER BY count(*) DESC, reason",
        (FIRST, LAST),
    ).fetchall()
    assert [tuple(r) for r in figures["refusals"]] == [
        (r or "（未注明理由）", n) for r, n in refusals
    ]


def test_completion_against_the_stored_due_date(home, figures, db) -> None:
    rows = db.execute(
        """
        SELECT accepted_on, completed_on, due_date, limit_days, limit_unit, pauses FROM cases
        WHERE completed_on BETWEEN ? AND ? AND kind != 'immediate' AND accepted_on IS NOT NULL
        """,
        (FIRST, LAST),
    ).fetchall()
    assert figures["time_limited_completed"] == len(rows) > 10
    with_due = [r for r in rows if r[2] is not None]
    on_time = sum(1 for r in with_due if r[1] <= r[2])
    assert figures["on_time"] == on_time
    assert figures["late"] == len(with_due) - on_time
    assert figures["on_time_rate"] == [on_time, len(with_due)]
    limit = sum(r[3] for r in rows)
    assert figures["average_limit"] == round(limit / len(rows), 1)
    # Used days: (accepted, completed] on the hall's calendar for 工作日 limits.
    cal = home.calendar()
    used = 0
    paused = 0
    for accepted, completed, _due, _limit, unit, pauses in rows:
        a, c = date.fromisoformat(accepted), date.fromisoformat(completed)

        def days(x: date, y: date, unit: str = unit) -> int:
            return cal.working_days_between(x, y) if unit == "G" else (y - x).days

        stopped = sum(
            days(date.fromisoformat(s), date.fromisoformat(e) if e else c)
            for s, e in json.loads(pauses)
        )
        paused += stopped
        used += days(a, c) - stopped
    assert paused > 0  # the demo stops some clocks (special procedures): not counted
    assert figures["speedup"] == [limit - used, limit]
    assert figures["average_used"] == round(used / len(rows), 1)


def test_items_departments_and_themes_recounted(figures, db) -> None:
    items = db.execute(
        """
        SELECT i.item_code, count(DISTINCT i.case_id) n FROM case_items i
        JOIN cases c ON c.id = i.case_id WHERE c.created_on BETWEEN ? AND ?
        GROUP BY i.item_code ORDER BY n DESC, i.item_code
        """,
        (FIRST, LAST),
    ).fetchall()
    assert [(r[0], r[3]) for r in figures["top_items"]] == [tuple(r) for r in items[:10]]
    assert figures["item_count"] == len(items)
    departments = db.execute(
        """
        SELECT i.department, count(DISTINCT i.case_id) n FROM case_items i
        JOIN cases c ON c.id = i.case_id WHERE c.created_on BETWEEN ? AND ?
        GROUP BY i.department ORDER BY n DESC, i.department
        """,
        (FIRST, LAST),
    ).fetchall()
    assert [tuple(r) for r in figures["top_departments"]] == [tuple(r) for r in departments[:10]]
    catalog = {d for (d,) in db.execute("SELECT DISTINCT department FROM service_items")}
    assert set(figures["idle_departments"]) == catalog - {d for d, _ in departments}
    themes = db.execute(
        """
        SELECT t.name, count(*) FROM cases c JOIN themes t ON t.code = c.theme_code
        WHERE c.created_on BETWEEN ? AND ? GROUP BY c.theme_code
        """,
        (FIRST, LAST),
    ).fetchall()
    assert sorted(map(tuple, figures["themes"])) == sorted(map(tuple, themes))


def test_consultations_recounted(figures, db) -> None:
    logged = one(db, 'SELECT count(*) FROM consultations WHERE "on" BETWEEN ? AND ?', FIRST, LAST)
    assert figures["consultations"] == logged > 0
    to_intake = one(
        db,
        """SELECT count(*) FROM consultations WHERE "on" BETWEEN ? AND ? AND outcome='to_intake'""",
        FIRST,
        LAST,
    )
    assert figures["consultation_to_intake"] == [to_intake, logged]
    topics = db.execute(
        """SELECT topic, count(*) n FROM consultations WHERE "on" BETWEEN ? AND ?
           GROUP BY topic ORDER BY n DESC, topic LIMIT 10""",
        (FIRST, LAST),
    ).fetchall()
    assert [tuple(t) for t in figures["consultation_topics"]] == [tuple(t) for t in topics]


def test_routing_and_delivery_recounted(figures, db) -> None:
    for key, move in (("dispatched", "dispatch"), ("returned", "receive_back")):
        n = one(
            db,
            """SELECT count(DISTINCT case_id) FROM handoffs
               WHERE "on" BETWEEN ? AND ? AND move = ?""",
            FIRST,
            LAST,
            move,
        )
        assert figures[key] == n > 0
    kinds = dict(
        db.execute(
            """SELECT recipient_kind, count(*) FROM deliveries WHERE "on" BETWEEN ? AND ?
               GROUP BY recipient_kind""",
            (FIRST, LAST),
        ).fetchall()
    )
    assert figures["deliveries_by_recipient"] == [
        ["本人领取", kinds.get("applicant", 0)],
        ["代领", kinds.get("proxy", 0)],
        ["邮寄", kinds.get("mail", 0)],
    ]
    assert figures["deliveries"] == sum(kinds.values()) > 0
    assert figures["mail_returned"] == one(
        db, "SELECT count(*) FROM deliveries WHERE returned_on BETWEEN ? AND ?", FIRST, LAST
    )
    # Stays at the routing post: a November departure after an arrival with no departure
    # between them.
    stays = one(
        db,
        """
        SELECT count(*) FROM handoffs h WHERE h.from_station = 'routing'
          AND h."on" BETWEEN ? AND ?
          AND EXISTS (SELECT 1 FROM handoffs a WHERE a.case_id = h.case_id
                      AND a.to_station = 'routing' AND a.at < h.at
                      AND NOT EXISTS (SELECT 1 FROM handoffs d WHERE d.case_id = h.case_id
                                      AND d.from_station = 'routing'
                                      AND d.at > a.at AND d.at < h.at))
        """,
        FIRST,
        LAST,
    )
    dwell = {row[0]: row for row in figures["dwell"]}
    assert dwell["流转岗"][1] == stays > 0
    assert dwell["流转岗"][2] <= dwell["流转岗"][3]  # the median never above the 90th percentile


def test_green_channel_recounted(figures, db) -> None:
    rows = db.execute(
        """SELECT assistance_flags, assistance_mode FROM cases
           WHERE created_on BETWEEN ? AND ? AND green_channel""",
        (FIRST, LAST),
    ).fetchall()
    assert figures["green_channel"] == len(rows) > 0
    flags = Counter(f for encoded, _ in rows for f in encoded.split(",") if f)
    labels = dict(
        zip(
            ["elderly", "disabled", "pregnant", "ill", "other"],
            [r[0] for r in figures["green_by_flag"]],
            strict=True,
        )
    )
    assert {labels[k]: v for k, v in flags.items()} == {
        k: v for k, v in figures["green_by_flag"] if v
    }
    modes = Counter(m for _, m in rows)
    assert sum(modes.values()) == sum(n for _, n in figures["green_by_mode"])


def test_tickets_recounted(figures, db) -> None:
    classes = dict(
        db.execute(
            "SELECT ticket_class, count(*) FROM tickets WHERE received_on BETWEEN ? AND ? "
            "GROUP BY ticket_class",
            (FIRST, LAST),
        ).fetchall()
    )
    assert figures["tickets_received"] == sum(classes.values()) > 0
    assert figures["tickets_by_class"] == [
        ["投诉", classes.get("complaint", 0)],
        ["建议", classes.get("suggestion", 0)],
        ["咨询", classes.get("consultation", 0)],
        ["表扬", classes.get("praise", 0)],
    ]
    closed = db.execute(
        "SELECT closed_on, due_date FROM tickets WHERE closed_on BETWEEN ? AND ?", (FIRST, LAST)
    ).fetchall()
    assert figures["tickets_closed"] == len(closed)
    due = [r for r in closed if r[1] is not None]
    assert figures["tickets_on_time"] == [sum(1 for c, d in due if c <= d), len(due)]
    assert figures["tickets_reopened"] == one(
        db,
        """SELECT count(DISTINCT ticket_id) FROM ticket_steps
           WHERE "on" BETWEEN ? AND ? AND step = 'reopened'""",
        FIRST,
        LAST,
    )
    causes = db.execute(
        """SELECT cause, count(*) n FROM tickets WHERE received_on BETWEEN ? AND ?
           AND cause != '' GROUP BY cause HAVING n >= 2 ORDER BY n DESC, cause""",
        (FIRST, LAST),
    ).fetchall()
    assert [tuple(c) for c in figures["repeated_causes"]] == [tuple(c) for c in causes]


def test_every_figure_has_a_definition_printed_in_the_appendix(figures) -> None:
    defined = monthly.definitions()
    for key in monthly.KEY_FIGURES:
        assert key in defined
    for key in ("supplement_rounds", "refusals", "dwell", "late_entries", "change", "themes"):
        assert defined[key].text
    assert "created_on" in defined["intake_total"].text  # continuation lines are joined


def test_ratios_print_numerator_and_denominator() -> None:
    assert monthly.ratio_text([3, 4]) == "3/4（75.0%）"
    assert monthly.ratio_text([0, 0]) == "0/0（—）"


def test_month_on_month_compares_with_october(home) -> None:
    report = monthly.monthly_report(home, LEAD, MONTH)
    previous = report.data["compare"]["previous"]
    assert previous["month"] == "2026-10"
    october = monthly.month_figures(home.reading().__enter__(), home.calendar(), "2026-10")
    assert previous["values"]["intake_total"] == october["intake_total"]
    assert report.data["compare"]["last_year"]["values"] is None  # no data in 2025-11
    rows = {r[0]: r for r in monthly.key_table(report.data)}
    assert rows["受理环节办件"][5] == "—"


@pytest.mark.parametrize("month", [MONTH, "2026-10"])
def test_a_comparison_month_counts_its_key_figures_as_the_whole_month_does(home, month) -> None:
    """A comparison month counts only the parts of its figures that the comparison reads: the
    key figures and what decides whether the month has data, each as the whole month has it."""
    with home.reading() as s:
        part = monthly.comparison_figures(s, home.calendar(s), month)
        whole = monthly.month_figures(s, home.calendar(s), month)
    assert set(monthly.KEY_FIGURES) <= set(part)
    assert {k: whole[k] for k in part} == part
    assert monthly.has_data(part) and part["intake_total"] > 0
    assert len(part) < len(whole)


# --- rules ------------------------------------------------------------------------------------


def test_refusals_of_future_month_bad_month_and_clerk(home) -> None:
    with pytest.raises(ValidationError, match="尚未开始"):
        monthly.monthly_report(home, LEAD, "2027-01")
    with pytest.raises(ValidationError, match="无效"):
        monthly.monthly_report(home, LEAD, "2026-13")
    with pytest.raises(PermissionDenied):
        monthly.monthly_report(home, CLERK, MONTH)


def test_a_month_without_data_says_so_and_is_not_published(home) -> None:
    report = monthly.monthly_report(home, LEAD, "2026-01")
    assert not report.has_data
    assert report.data["summary"] == "2026 年 1 月本中心无业务数据。"
    with pytest.raises(ValidationError, match="没有业务数据"):
        monthly.publish(home, LEAD, "2026-01")


def test_publishing_before_the_third_working_day_is_refused(tmp_path_factory) -> None:
    ws = demo_month_home(tmp_path_factory, "monthly-early", BEFORE_PUBLISH_DAY)
    try:
        with pytest.raises(ValidationError, match="2026-12-03"):
            monthly.publish(ws, LEAD, MONTH)
        with ws.reading() as s:
            assert s.query(monthly.q.MonthlyReportRow).count() == 0  # nothing written
    finally:
        ws.close()


def test_unresolved_conflicts_in_the_month_refuse_publication(tmp_path_factory) -> None:
    ws = demo_month_home(tmp_path_factory, "monthly-conflict")
    try:
        with ws.db.write() as s:
            case_id, case_no = s.execute(
                monthly.q.select(monthly.q.CaseRow.id, monthly.q.CaseRow.case_no).where(
                    monthly.q.CaseRow.created_on == date(2026, 11, 10)
                )
            ).first()
            s.add(
                SyncConflict(
                    event_id="e-conflict",
                    case_id=case_id,
                    case_no=case_no,
                    kind="case.delivered",
                    origin="W02",
                    actor="clerk2",
                    hlc="0000000000001-0000",
                    other_origin="W01",
                    detected_at="2026-12-01T09:00:00+08:00",
                )
            )
        with pytest.raises(ValidationError) as refused:
            monthly.publish(ws, LEAD, MONTH)
        assert "1 个未处理的同步冲突" in refused.value.message
        assert case_no in refused.value.message
        assert monthly.monthly_report(ws, LEAD, MONTH).conflicts[0].case_no == case_no
    finally:
        ws.close()


def test_sections_saved_then_frozen_by_publication(tmp_path_factory) -> None:
    ws = demo_month_home(tmp_path_factory, "monthly-sections")
    try:
        with pytest.raises(ValidationError):
            monthly.save_sections(ws, LEAD, MONTH, "x" * 5000, "")
        monthly.save_sections(ws, LEAD, MONTH, "窗口等候时间偏长，已增设引导岗。", "推广帮办代办。")
        draft = monthly.monthly_report(ws, LEAD, MONTH)
        assert (draft.problems, draft.plan) == (
            "窗口等候时间偏长，已增设引导岗。",
            "推广帮办代办。",
        )
        published = monthly.publish(ws, LEAD, MONTH)
        assert published.problems == "窗口等候时间偏长，已增设引导岗。"
        with pytest.raises(ValidationError, match="已于 2026-12-03 发布"):
            monthly.save_sections(ws, LEAD, MONTH, "改动", "改动")
        with pytest.raises(ValidationError, match="已于"):
            monthly.publish(ws, LEAD, MONTH)
    finally:
        ws.close()


def test_published_figures_stay_and_late_entries_go_to_the_next_report(tmp_path_factory) -> None:
    ws = demo_month_home(tmp_path_factory, "monthly-late")
    try:
        published = monthly.publish(ws, LEAD, MONTH)
        assert published.sha256 == monthly.digest(published.data)
        before = published.data["figures"]["consultations"]
        # A consultation logged back on 20 November reaches the database after publication.
        clerk = ws_clerk(ws)
        consultations.log_consultation(
            ws,
            clerk,
            consultations.ConsultationDraft(
                topic="补录的咨询", channel="onsite", outcome="answered"
            ),
            at=datetime(2026, 11, 20, 9, 30).astimezone(),
        )
        again = monthly.monthly_report(ws, LEAD, MONTH)
        assert again.published
        assert again.sha256 == published.sha256
        assert monthly.canonical(again.data) == monthly.canonical(published.data)
        assert again.data["figures"]["consultations"] == before
        # Rebuilding every projection from the events gives the same frozen report.
        from hall_desk.store import projections

        with ws.db.write() as s:
            projections.rebuild_all(s, ws.key.event_key)
        assert monthly.monthly_report(ws, LEAD, MONTH).sha256 == published.sha256

        december = monthly.monthly_report(ws, LEAD, "2026-12")
        late = december.data["late"]
        assert late["month"] == MONTH and late["count"] == 1
        assert late["events"][0][:2] == ["2026-11-20", "登记咨询"]
        assert ["咨询登记", str(before), str(before + 1)] in late["effects"]
        # December's comparison uses November as published.
        assert december.data["compare"]["previous"]["source"] == "已发布"
        assert december.data["compare"]["previous"]["values"]["consultations"] == before
    finally:
        ws.close()


def ws_clerk(ws: Workstation):  # type: ignore[no-untyped-def]
    from hall_desk.services.demo import ensure_demo_staff

    return ensure_demo_staff(ws)["clerk1"]


def test_published_event_carries_canonical_json(tmp_path_factory) -> None:
    ws = demo_month_home(tmp_path_factory, "monthly-event")
    try:
        published = monthly.publish(ws, LEAD, MONTH)
        con = sqlite3.connect(f"file:{ws.home.db_path}?mode=ro", uri=True)
        (payload,) = con.execute(
            "SELECT payload FROM events WHERE kind = 'monthly_report.published'"
        ).fetchone()
        con.close()
        body = json.loads(payload)
        assert body["figures"] == monthly.canonical(published.data)
        assert body["sha256"] == published.sha256
        assert json.loads(body["known"])  # the event sequence it was counted from
        assert PUBLISH_DAY.date().isoformat() in body["published_at"]
    finally:
        ws.close()
