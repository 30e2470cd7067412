"""The feedback desk's figures recounted from the events with hand-written SQL; the ledger read
back with openpyxl; demo data with every class, channel and state, the same for a seed."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from hall_desk.domain.tickets import CLOCK_STATES, TICKET_NEAR_DAYS
from hall_desk.reports import ledgers
from hall_desk.reports.ledger_tickets import COLUMNS
from hall_desk.services import tickets
from hall_desk.services.demo import generate
from hall_desk.services.ticket_figures import ticket_figures
from hall_desk.services.ticket_views import list_tickets
from hall_desk.store.models_tickets import TicketRow
from tests.conftest import make_home
from tests.reports.test_daily import run_cli
from tests.services import tickets_helpers
from tests.services.tickets_helpers import START, Desk, checked_the_old_way, complaint

desk = tickets_helpers.desk
END = date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    ws = make_home(tmp_path_factory.mktemp("demo-tickets") / "home")
    summary = generate(ws, days=20, per_day=4, seed=7, end=END)
    yield ws, summary
    ws.close()


def _sql(ws, query: str, *args: object) -> list[tuple]:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(ws.home.db_path)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


class Recount:
    """Each figure from the events table alone (json_extract), or from the tickets' last
    events for the deadline marks, decided in Python with the working calendar."""

    def __init__(self, ws) -> None:  # type: ignore[no-untyped-def]
        self.ws = ws

    def opened(self, day: date) -> Counter[str]:
        return Counter(
            dict(
                _sql(
                    self.ws,
                    "SELECT json_extract(payload, '$.set.ticket_class'), count(*) FROM events"
                    " WHERE kind = 'ticket.registered'"
                    " AND json_extract(payload, '$.set.received_on') = ? GROUP BY 1",
                    day.isoformat(),
                )
            )
        )

    def stepped(self, day: date, *kinds: str) -> int:
        marks = ",".join("?" for _ in kinds)
        ((n,),) = _sql(
            self.ws,
            "SELECT count(DISTINCT entity_id) FROM events"
            f" WHERE kind IN ({marks}) AND json_extract(payload, '$.step.on') = ?",
            *kinds,
            day.isoformat(),
        )
        return int(n)

    def deadlines(self, day: date) -> tuple[int, int]:
        """(overdue, near): each ticket's state and due date as its latest event set them."""
        latest: dict[str, dict[str, object]] = {}
        for entity, state, due, has_due in _sql(
            self.ws,
            "SELECT entity_id, json_extract(payload, '$.set.state'),"
            " json_extract(payload, '$.set.due_date'),"
            " json_type(payload, '$.set.due_date') IS NOT NULL"
            " FROM events WHERE entity_type = 'ticket' ORDER BY hlc, id",
        ):
            now = latest.setdefault(entity, {})
            now["state"] = state
            if has_due:
                now["due"] = due
        cal = self.ws.calendar()
        overdue = near = 0
        for t in latest.values():
            if t["state"] not in CLOCK_STATES or not t.get("due"):
                continue
            due_day = date.fromisoformat(str(t["due"]))
            if due_day < day:
                overdue += 1
            elif cal.working_days_between(day, due_day) <= TICKET_NEAR_DAYS:
                near += 1
        return overdue, near


def test_the_demo_has_every_class_channel_and_state(demo) -> None:
    ws, summary = demo
    with ws.reading() as s:
        # The desk's own tickets: the demo's 差评 open 整改 tickets of their own (source rating).
        rows = list(s.scalars(select(TicketRow).where(TicketRow.source == "desk")))
    assert summary.tickets == len(rows) >= 12
    assert {r.ticket_class for r in rows} == {"complaint", "suggestion", "consultation", "praise"}
    assert {r.channel for r in rows} == {
        "window",
        "bbcs_window",
        "phone",
        "hotline_12345",
        "box",
        "online",
    }
    assert {r.state for r in rows} >= {
        "registered",
        "analysed",
        "dispatched",
        "handling",
        "paused",
        "answered",
        "checked",
        "archived",
        "excluded",
    }
    assert any(r.reopened for r in rows) and any(r.overdue_ever for r in rows)
    assert any(r.excluded_matter for r in rows)
    assert all(r.external_no for r in rows if r.channel == "hotline_12345")


def test_the_demo_is_the_same_for_a_seed(demo, tmp_path: Path) -> None:
    ws, _ = demo
    other = make_home(tmp_path / "again")
    try:
        generate(other, days=20, per_day=4, seed=7, end=END)

        def shape(w):  # type: ignore[no-untyped-def]
            with w.reading() as s:
                return sorted(
                    (r.ticket_no, r.ticket_class, r.channel, r.state, r.due_date, r.description)
                    for r in s.scalars(select(TicketRow))
                )

        assert shape(other) == shape(ws)
    finally:
        other.close()


@pytest.mark.parametrize("offset", [0, 3, 8, 13])
def test_the_days_figures_recounted_from_the_events(demo, offset) -> None:
    ws, _ = demo
    day = END - timedelta(days=offset)
    from hall_desk.domain.roles import Actor, Role

    lead = Actor("admin", "张建国", Role.ADMIN)
    f = ticket_figures(ws, lead, day)
    recount = Recount(ws)
    opened = recount.opened(day)
    assert {c.key: c.count for c in f.opened_by_class if c.count} == dict(opened)
    assert f.opened == sum(opened.values())
    assert f.answered == recount.stepped(day, "ticket.answered")
    assert f.closed == recount.stepped(day, "ticket.archived", "ticket.excluded")
    assert (f.overdue, f.near_deadline) == recount.deadlines(day)


def test_the_figures_count_a_day_of_hand_made_tickets(desk: Desk) -> None:
    ws = desk.ws
    a = tickets.register(ws, desk.clerk, complaint(tier="on_the_spot")).ticket_no
    tickets.register(ws, desk.clerk, complaint(ticket_class="praise", bbcs_kind=""))
    tickets.register(ws, desk.clerk, complaint(ticket_class="praise", bbcs_kind=""))
    b = tickets.register(ws, desk.clerk, complaint()).ticket_no
    tickets.exclude(ws, desk.lead, b, "litigation", "已向人民法院提起诉讼")
    tickets.analyse(ws, desk.clerk, a, "材料要求不一致")
    tickets.dispatch(ws, desk.clerk, a, "window", "综合窗口3")
    f = ticket_figures(ws, desk.lead, desk.clock.today())
    assert (f.opened, f.answered, f.closed, f.overdue, f.near_deadline) == (4, 0, 1, 0, 1)
    assert [(c.label, c.count) for c in f.opened_by_class] == [
        ("投诉", 2),
        ("建议", 0),
        ("咨询", 0),
        ("表扬", 2),
    ]
    assert f.praise_by_staff == (("刘海涛", 2),)
    f = ticket_figures(ws, desk.lead, desk.clock.today() + timedelta(days=1))
    assert (f.opened, f.overdue, f.near_deadline) == (0, 1, 0)


def test_the_tickets_ledger_is_masked_and_read_back(demo, tmp_path: Path) -> None:
    ws, _ = demo
    out = tmp_path / "tickets.xlsx"
    result = run_cli(
        ws.home.path,
        "export",
        "ledger",
        "tickets",
        "--from",
        "2026-11-01",
        "--to",
        END.isoformat(),
        "--out",
        out,
    )
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(out).active
    values = list(sheet.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(values) if r and r[0] == "工单编号")
    headers = [h for h, _ in COLUMNS]
    assert ledgers.KINDS["tickets"] == "办不成事/投诉台账"
    assert list(values[head])[: len(headers)] == headers
    body = [r for r in values[head + 1 :] if r and r[0]]
    numbers = _sql(
        ws,
        "SELECT json_extract(payload, '$.set.ticket_no') FROM events"
        " WHERE kind = 'ticket.registered'"
        " AND json_extract(payload, '$.set.received_on') BETWEEN '2026-11-01' AND ?",
        END.isoformat(),
    )
    assert sorted(r[0] for r in body) == sorted(n for (n,) in numbers)
    assert f"办不成事/投诉台账已导出：{out}（{len(body)} 行）" in result.stdout
    phone = headers.index("联系电话")
    shown = {r[phone] for r in body}
    assert all(p == "匿名" or "****" in str(p) for p in shown)
    state = headers.index("当前状态")
    assert "不予受理" in {r[state] for r in body}
    classes = [r[headers.index("类别")] for r in body]
    assert classes == sorted(classes, key=["投诉", "建议", "咨询", "表扬"].index)
    # 核查结论 beside each checked complaint, as many of each as the table holds.
    finding = headers.index("核查结论")
    shown_findings = Counter(r[finding] for r in body if r[finding])
    stored = _sql(
        ws,
        "SELECT finding, count(*) FROM tickets WHERE finding <> ''"
        " AND received_on BETWEEN '2026-11-01' AND ? GROUP BY finding",
        END.isoformat(),
    )
    labels = {"substantiated": "属实", "partly": "部分属实", "unfounded": "不属实"}
    assert shown_findings == {labels[f]: n for f, n in stored}


def test_the_list_agrees_with_the_figures(demo) -> None:
    from hall_desk.domain.roles import Actor, Role
    from hall_desk.services.ticket_views import TicketFilter

    ws, _ = demo
    lead = Actor("admin", "张建国", Role.ADMIN)
    today = ws.today()
    f = ticket_figures(ws, lead, today)
    assert len(list_tickets(ws, lead, TicketFilter(state="", overdue=True))) == f.overdue
    assert len(list_tickets(ws, lead, TicketFilter(state="", near=True))) == f.near_deadline


def test_the_tickets_ledger_shows_each_complaints_finding(desk: Desk) -> None:
    from hall_desk.reports import ledger_tickets

    ws = desk.ws
    numbers = {}
    for finding in ("substantiated", "partly", "unfounded", ""):
        number = tickets.register(ws, desk.clerk, complaint()).ticket_no
        tickets.analyse(ws, desk.clerk, number, "材料要求不一致")
        tickets.dispatch(ws, desk.clerk, number, "person", "clerk2")
        tickets.answer(ws, desk.handler, number, "已办结", "phone")
        if finding:
            tickets.check(ws, desk.lead, number, callback="satisfied", finding=finding)
        else:
            checked_the_old_way(ws, desk.lead, number)
        numbers[number] = finding
    waiting = tickets.register(ws, desk.clerk, complaint()).ticket_no  # not checked yet
    ledger = ledger_tickets.build(ws, desk.lead, START.date(), START.date(), unmask=False)
    column = ledger.headers.index("核查结论")
    shown = {row[0]: row[column] for row in ledger.rows}
    assert shown == {
        **{
            n: {"substantiated": "属实", "partly": "部分属实", "unfounded": "不属实"}.get(f)
            or "未记核查结论，按属实计"
            for n, f in numbers.items()
        },
        waiting: None,
    }
