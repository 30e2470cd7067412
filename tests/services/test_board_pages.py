"""The routing board a page at a time: the pages follow on in the board's order, and the
counts of the whole board are recounted with hand-written SQL."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from hall_desk.domain.assistance import Assistance, AssistanceFlag
from hall_desk.domain.deadline import FLAG_ORDER
from hall_desk.services import intake, routing
from tests.conftest import TODAY
from tests.services.helpers import draft_for, person, resident_id
from tests.services.test_routing import (
    CARD,
    LABOUR,
    MARKET,
    accept,
    at,
    to_delivery,
    to_department,
    to_routing,
)

NOW = at(date(2026, 11, 26), 10)
BOARD_STATES = (
    "('accepted', 'accepted_deferred', 'awaiting_supplement', 'prereview', 'routing',"
    " 'under_review', 'concluded', 'denied', 'ready_for_delivery')"
)


def sql(ws, query: str, *params: Any) -> list[tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(ws.home.db_path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def _hall(ws, clerk, router) -> list[str]:  # type: ignore[no-untyped-def]
    """Folders in every part of the board: late, near, relaxed, at the post, at a department,
    back for delivery, and one of the green channel."""
    late = [accept(ws, clerk, on=date(2026, 11, 19), n=n) for n in (1, 2)]
    near = [accept(ws, clerk, n=n) for n in (3, 4)]
    relaxed = [accept(ws, clerk, code=CARD, n=n) for n in (5, 6, 7)]
    green_draft = draft_for(ws, [CARD], person(resident_id(seq="190"), name="白玉兰"))
    green_draft.assistance = Assistance(frozenset({AssistanceFlag.ELDERLY}))
    green = intake.accept(ws, clerk, green_draft, on=TODAY).case_no
    to_routing(ws, router, near[1])
    to_department(ws, router, LABOUR, relaxed[0])
    to_delivery(ws, router, MARKET, accept(ws, clerk, n=8))
    return [*late, *near, *relaxed, green]


def test_pages_follow_on_in_the_boards_order(ws, clerk, router) -> None:
    _hall(ws, clerk, router)
    whole = routing.board(ws, router, now=NOW).rows
    paged: list[str] = []
    offset = 0
    while True:
        page = routing.board_page(ws, router, offset=offset, limit=3, now=NOW)
        assert page.total == len(whole) and len(page.rows) <= 3
        paged += [r.case_no for r in page.rows]
        offset += len(page.rows)
        if not page.more:
            break
    assert paged == [r.case_no for r in whole]
    # The order the board promises: green channel, the most urgent flag, the nearest due
    # date among running clocks, the longest waiting, the case number.
    expected = sorted(
        whole,
        key=lambda r: (
            not r.green_channel,
            FLAG_ORDER[r.flag],
            r.due_date if r.remaining_working_days is not None else date.max,
            r.since,
            r.case_no,
        ),
    )
    assert [r.case_no for r in whole] == [r.case_no for r in expected]
    assert whole[0].green_channel


def test_the_counts_are_of_the_whole_board(ws, clerk, router) -> None:
    _hall(ws, clerk, router)
    page = routing.board_page(ws, router, limit=2, now=NOW)
    ((total,),) = sql(
        ws,
        "SELECT count(*) FROM cases WHERE state IN ('accepted', 'accepted_deferred',"
        " 'awaiting_supplement', 'prereview', 'routing', 'under_review', 'concluded', 'denied',"
        " 'ready_for_delivery')",
    )
    clock = (
        "state IN ('accepted', 'accepted_deferred', 'prereview', 'routing', 'under_review')"
        " AND due_date IS NOT NULL AND (paused_since IS NULL OR paused_since >= due_date)"
    )
    ((overdue,),) = sql(ws, f"SELECT count(*) FROM cases WHERE {clock} AND due_date < '2026-11-26'")
    # 临近期限 on Thursday 26 November: due by Tuesday 1 December (three working days on).
    ((near,),) = sql(
        ws,
        f"SELECT count(*) FROM cases WHERE {clock} AND due_date BETWEEN '2026-11-26'"
        " AND '2026-12-01'",
    )
    assert (page.total, page.overdue, page.near) == (total, overdue, near)
    assert (overdue, near) == (2, 2) and len(page.rows) == 2 and page.more

    flagged = routing.board_page(ws, router, flagged_only=True, now=NOW)
    assert flagged.total == overdue + near == len(flagged.rows)
    at_labour = routing.board_page(ws, router, involving=LABOUR, now=NOW)
    ((labour,),) = sql(
        ws,
        "SELECT count(DISTINCT c.id) FROM cases c JOIN case_items i ON i.case_id = c.id"
        f" WHERE i.department = ? AND c.state IN {BOARD_STATES}",
        LABOUR,
    )
    assert at_labour.total == len(at_labour.rows) == labour == 4


def test_a_page_past_the_end_is_empty(ws, clerk, router) -> None:
    accept(ws, clerk)
    page = routing.board_page(ws, router, offset=5, now=NOW)
    assert (page.rows, page.total, page.more) == ([], 1, False)
