"""After a big push the shared events table is analysed at once: until autovacuum gets to it,
PostgreSQL guesses a third of the table behind every pull cursor and scans it whole, so the
next (empty) sync would cost as much as a full read."""

from __future__ import annotations

import psycopg
import pytest

from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.sync import push, sync_once
from tests.sync.conftest import _libpq
from tests.sync.helpers import bulk_cases

pytestmark = pytest.mark.postgres


def _analysed(url: str) -> bool:
    with psycopg.connect(_libpq(url)) as conn:
        row = conn.execute(
            "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'hall_sync_events'"
        ).fetchone()
    return row is not None and row[0] is not None


def test_a_push_of_many_events_analyses_the_shared_table(hall, pg_url, monkeypatch):
    w1 = hall.ws("W1")
    bulk_cases(w1, 3, start=700)
    monkeypatch.setattr(push, "ANALYZE_AFTER", 1_000)
    assert sync_once(w1, SYSTEM_ACTOR, pg_url).pushed < 1_000
    assert not _analysed(pg_url), "a small push leaves the statistics to autovacuum"

    bulk_cases(w1, 3, start=710)
    monkeypatch.setattr(push, "ANALYZE_AFTER", 5)
    assert sync_once(w1, SYSTEM_ACTOR, pg_url).pushed >= 5
    assert _analysed(pg_url)


def test_the_analysis_gives_the_planner_the_cursor_columns_and_the_row_count(
    hall, pg_url, monkeypatch
):
    w1 = hall.ws("W1")
    bulk_cases(w1, 3, start=720)
    monkeypatch.setattr(push, "ANALYZE_AFTER", 5)
    pushed = sync_once(w1, SYSTEM_ACTOR, pg_url).pushed
    with psycopg.connect(_libpq(pg_url)) as conn:
        analysed = {
            name
            for (name,) in conn.execute(
                "SELECT attname FROM pg_stats WHERE tablename = 'hall_sync_events'"
            )
        }
        (rows,) = conn.execute(
            "SELECT reltuples FROM pg_class WHERE relname = 'hall_sync_events'"
        ).fetchone()
        (top,) = conn.execute("SELECT max(position) FROM hall_sync_events").fetchone()
        plan = conn.execute(
            f"EXPLAIN (FORMAT JSON) SELECT * FROM hall_sync_events WHERE position > {top}"
        ).fetchone()[0]
    assert {"position", "origin", "seq", "id"} <= analysed
    assert "payload" not in analysed, "no query selects by the payload"
    assert rows >= pushed
    # Behind a cursor at the end the planner expects next to nothing (not a third of the table).
    assert plan[0]["Plan"]["Plan Rows"] <= 2
