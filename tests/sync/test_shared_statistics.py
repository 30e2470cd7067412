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
