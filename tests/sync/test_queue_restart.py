"""The window's all-day queue connection closed by the server (a restart, an administrator
ending the session): the next call reconnects before its statement is sent, so it neither
fails once nor risks a second call; every ticket is called once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import text

from hall_desk.domain.clock import SettableClock
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import queue
from hall_desk.services.workstation import Workstation
from hall_desk.sync import live_check
from hall_desk.sync.shared import SharedDatabase
from tests.sync.conftest import _admin
from tests.sync.queue_helpers import open_shared, tickets

pytestmark = pytest.mark.postgres
CLERK = Actor("clerk1", "王晓燕", Role.CLERK)


@pytest.fixture
def shared(window: Workstation, pg_url: str) -> Iterator[SharedDatabase]:
    db = open_shared(window, pg_url)
    yield db
    db.close()


def _backend(shared: SharedDatabase) -> int:
    with shared.live() as conn:  # pool_size=1: the connection the window's calls use
        return int(conn.scalar(text("SELECT pg_backend_pid()")))


def _server_ends(pid: int) -> None:
    """What a restart does to the window's session: the server ends it and closes the socket."""
    with _admin() as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,)).fetchone() == (True,)
        gone = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (pid,))
        assert gone.fetchone() == (0,)


@pytest.mark.parametrize("noticed_by", ["socket", "idle"])
def test_the_first_call_after_the_server_ended_the_session_reconnects_and_calls_once(
    window: Workstation,
    shared: SharedDatabase,
    clock: SettableClock,
    monkeypatch: pytest.MonkeyPatch,
    noticed_by: str,
) -> None:
    # "socket": used a moment ago, the closed socket alone tells; "idle": past the idle bound,
    # the ping tells.
    monkeypatch.setattr(live_check, "IDLE_PING_S", 3600.0 if noticed_by == "socket" else 0.0)
    for _ in range(3):
        queue.issue(window, CLERK, shared, "A")
        clock.advance(timedelta(seconds=1))
    assert queue.call_next(window, CLERK, shared) is not None
    before = _backend(shared)
    _server_ends(before)

    called = queue.call_next(window, CLERK, shared)  # no QueueUnavailable: it reconnected

    assert called is not None and called.label == "A002"
    assert _backend(shared) != before
    rows = {r.label: r for r in tickets(shared, clock.today().isoformat())}
    assert (rows["A001"].state, rows["A002"].state, rows["A003"].state) == (
        "done",
        "called",
        "waiting",
    )
    assert sorted(r.call_seq for r in rows.values() if r.call_seq is not None) == [1, 2]
    assert queue.call_next(window, CLERK, shared).label == "A003"  # type: ignore[union-attr]


@pytest.mark.parametrize(("idle_bound_s", "pings"), [(3600.0, 0), (0.0, 1)])
def test_a_call_pings_only_a_connection_idle_past_the_bound(
    window: Workstation,
    shared: SharedDatabase,
    clock: SettableClock,
    monkeypatch: pytest.MonkeyPatch,
    idle_bound_s: float,
    pings: int,
) -> None:
    """A connection used a moment ago costs the call no ping (the round trip pool_pre_ping
    paid on every call); one idle past the bound is pinged once. The real ping runs, counted."""
    queue.issue(window, CLERK, shared, "A")
    queue.issue(window, CLERK, shared, "A")
    assert queue.call_next(window, CLERK, shared) is not None  # settled: next is the call alone
    queue.flush_records(window)
    dialect = shared._engine.dialect  # type: ignore[union-attr]
    real, seen = dialect.do_ping, []

    def counted(dbapi_conn: object) -> bool:
        seen.append(dbapi_conn)
        return real(dbapi_conn)

    monkeypatch.setattr(dialect, "do_ping", counted)
    monkeypatch.setattr(live_check, "IDLE_PING_S", idle_bound_s)
    assert queue.call_next(window, CLERK, shared) is not None
    assert len(seen) == pings
