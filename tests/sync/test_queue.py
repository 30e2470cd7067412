"""The queue on the shared database (PostgreSQL and the SQLite file): issuing, calling, the
calling rule, recall limit, transfer, park, pause, the visit link, and the local history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta

import pytest
from sqlalchemy import func, select, text

from hall_desk.domain.assistance import AssistanceFlag
from hall_desk.domain.clock import SettableClock
from hall_desk.domain.errors import PermissionDenied, ValidationError
from hall_desk.domain.queue import Priority, QueueAction, TicketState
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import queue
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import Event
from hall_desk.store.models_queue import QueueTicketRow
from hall_desk.sync.shared import SharedDatabase
from tests.sync.conftest import Hall
from tests.sync.queue_helpers import FailingHall, one_queue, open_shared, set_window, tickets

CLERK = Actor("clerk1", "王晓燕", Role.CLERK)
ID_NUMBER = "11010519491231002X"


@pytest.fixture
def shared(window: Workstation, shared_url: str) -> Iterator[SharedDatabase]:
    db = open_shared(window, shared_url)
    yield db
    db.close()


def issue(ws: Workstation, shared: SharedDatabase, code: str = "A", **kw: object) -> queue.Issued:
    return queue.issue(ws, CLERK, shared, code, **kw)  # type: ignore[arg-type]


def test_issue_call_and_finish_record_one_visit(
    window: Workstation, shared: SharedDatabase, clock: SettableClock
) -> None:
    first = issue(window, shared)
    second = issue(window, shared)
    assert (first.ticket.label, second.ticket.label) == ("A001", "A002")
    assert (first.ahead, second.ahead) == (0, 1)
    assert first.hall == "科尔沁左翼中旗政务服务中心" and first.queue_name == "综合受理"
    first_call = queue.call_next(window, CLERK, shared)
    assert first_call is not None and first_call.label == "A001"
    bar = queue.status(window, shared)
    assert bar.current is not None and bar.current.label == "A001"
    assert bar.current.state is TicketState.CALLED and bar.current.window == "3"
    assert bar.waiting["A"] == 1
    clock.advance(timedelta(minutes=4))
    linked = queue.link_visit(window, CLERK, shared, "case", "case-1")
    assert linked.ticket.state is TicketState.SERVING
    clock.advance(timedelta(minutes=6))
    called = queue.call_next(window, CLERK, shared)  # ends A001, calls A002
    assert called is not None and called.label == "A002"
    rows = {r.label: r for r in tickets(shared, clock.today().isoformat())}
    assert rows["A001"].state == "done" and rows["A001"].visit_id == "case-1"
    assert (rows["A001"].finished_ms - rows["A001"].called_ms) == 10 * 60 * 1000
    # The local history: every step an event, folded into the local table (the call's record
    # is written just after the call, on the workstation's recorder).
    queue.flush_records(window)
    with window.reading() as s:
        kinds = list(
            s.scalars(
                select(Event.kind).where(Event.entity_type == "queue_ticket").order_by(Event.seq)
            )
        )
        local = {r.label: r for r in s.scalars(select(QueueTicketRow))}
    assert kinds == [
        "queue.issued",
        "queue.issued",
        "queue.called",
        "queue.linked",
        "queue.finished",
        "queue.called",
    ]
    assert local["A001"].state == "done" and local["A001"].visit_kind == "case"
    assert local["A002"].state == "called" and local["A002"].window == "3"


def test_wait_of_65_and_a_half_minutes(
    window: Workstation, shared: SharedDatabase, clock: SettableClock
) -> None:
    issued = issue(window, shared)
    assert issued.ticket.issued_at.time().isoformat() == "09:00:00"
    clock.advance(timedelta(hours=1, minutes=5, seconds=30))
    called = queue.call_next(window, CLERK, shared)
    assert called is not None and called.wait_s == 3930.0  # 65.5 minutes, not "6" nor "65"
    queue.flush_records(window)
    with window.reading() as s:
        row = s.scalars(select(QueueTicketRow)).one()
    assert (row.called_ms - row.issued_ms) / 60000 == 65.5


def test_quota_200_refuses_the_201st(
    window: Workstation, shared: SharedDatabase, clock: SettableClock
) -> None:
    spec = {"quota": 200, "opens": time(0, 0), "closes": time(23, 59)}
    queue.save_settings(window, Actor("admin", "张建国", Role.ADMIN), one_queue(**spec))
    clock.set(clock.now().replace(hour=0, minute=1))  # the estimate leaves the quota to refuse
    for _ in range(200):
        issue(window, shared)
    with pytest.raises(
        ValidationError, match="综合受理今日号已发完（每日限 200 个），请于下一个工作日"
    ):
        issue(window, shared)
    assert len(tickets(shared, clock.today().isoformat())) == 200


def test_range_never_wraps(
    window: Workstation, shared: SharedDatabase, clock: SettableClock
) -> None:
    queue.save_settings(
        window, Actor("admin", "张建国", Role.ADMIN), one_queue(first=998, last=999)
    )
    assert [issue(window, shared).ticket.label for _ in range(2)] == ["A998", "A999"]
    with pytest.raises(ValidationError, match="号段（A998–A999）已用完"):
        issue(window, shared)


def test_estimate_past_closing_refuses_and_offers_the_next_working_day(
    window: Workstation, shared: SharedDatabase, clock: SettableClock
) -> None:
    clock.set(clock.now().replace(hour=16, minute=40))
    # No visit finished yet: 5 minutes each, one window. 5 ahead would end at 17:05.
    for _ in range(5):
        issue(window, shared)
    with pytest.raises(ValidationError, match="前面还有 5 人，预计等候约 25 分钟") as caught:
        issue(window, shared)
    assert "将超过今日 17:00 的办理时间；请于下一个工作日" in caught.value.message
    clock.set(clock.now().replace(hour=17, minute=0))
    with pytest.raises(ValidationError, match="取号已结束"):
        issue(window, shared, "B")


def test_one_waiting_ticket_per_id_number_per_queue(
    window: Workstation, shared: SharedDatabase
) -> None:
    first = issue(window, shared, id_number=ID_NUMBER)
    assert first.ticket.id_masked.startswith("110105") and "*" in first.ticket.id_masked
    with pytest.raises(ValidationError, match="已有未办结的号 A001"):
        issue(window, shared, id_number=ID_NUMBER.lower())
    assert issue(window, shared, "B", id_number=ID_NUMBER).ticket.label == "B001"
    row = tickets(shared, first.ticket.issued_at.date().isoformat())[0]
    assert ID_NUMBER not in str(dict(row._mapping))  # the shared database holds no plaintext
    queue.call_next(window, CLERK, shared)
    queue.finish(window, CLERK, shared)
    assert issue(window, shared, id_number=ID_NUMBER).ticket.label == "A002"


def test_green_green_normal_order_with_ratio_two(
    window: Workstation, shared: SharedDatabase, clock: SettableClock
) -> None:
    for _ in range(3):
        issue(window, shared)  # normals first: they wait longest
        clock.advance(timedelta(seconds=1))
    for _ in range(4):
        issue(window, shared, flags={AssistanceFlag.ELDERLY})
        clock.advance(timedelta(seconds=1))
    issue(window, shared, needs_help=True)
    order = []
    while (called := queue.call_next(window, CLERK, shared)) is not None:
        order.append(called.priority)
    G, N = Priority.GREEN, Priority.NORMAL
    assert order == [G, G, N, G, G, N, G, N]


def test_fourth_recall_with_limit_three_is_no_show(
    window: Workstation, shared: SharedDatabase
) -> None:
    issue(window, shared)
    queue.call_next(window, CLERK, shared)
    outcomes = [queue.recall(window, CLERK, shared) for _ in range(4)]
    assert [o.action for o in outcomes] == [QueueAction.RECALL] * 3 + [QueueAction.NO_SHOW]
    assert outcomes[-1].ticket.state is TicketState.NO_SHOW and outcomes[2].ticket.recalls == 3
    with pytest.raises(ValidationError, match="当前没有呼叫中的号，不能重呼"):
        queue.recall(window, CLERK, shared)
    assert queue.status(window, shared).current is None


def test_transfer_keeps_the_issue_time(
    hall: Hall, window: Workstation, shared: SharedDatabase, clock: SettableClock
) -> None:
    first = issue(window, shared)
    clock.advance(timedelta(minutes=10))
    issue(window, shared, "B")
    queue.call_next(window, CLERK, shared)
    moved = queue.transfer(window, CLERK, shared, "B", reason="需先咨询")
    assert moved.ticket.queue == "B" and moved.ticket.label == "A001"
    assert moved.ticket.issued_at == first.ticket.issued_at
    # In queue B it is ahead of B001, issued ten minutes later.
    nxt = queue.call_next(window, CLERK, shared)
    assert nxt is not None and nxt.label == "A001" and nxt.queue == "B"
    states = sorted((r.queue, r.label, r.state) for r in tickets(shared, clock.today().isoformat()))
    assert states == [
        ("A", "A001", "transferred"),
        ("B", "A001", "called"),
        ("B", "B001", "waiting"),
    ]
    # To one window only: another window of the queue does not get it.
    other = hall.ws("W2", clock)
    set_window(other, "5")
    queue.transfer(window, CLERK, shared, "B", to_window="5")
    called = queue.call_next(window, CLERK, shared)
    assert called is not None and called.label == "B001"
    assert queue.call_next(window, CLERK, shared) is None
    at_five = queue.call_next(other, CLERK, shared)
    assert at_five is not None and at_five.label == "A001"


def test_park_and_resume_with_a_reason(window: Workstation, shared: SharedDatabase) -> None:
    issue(window, shared)
    issue(window, shared)
    queue.call_next(window, CLERK, shared)
    with pytest.raises(ValidationError, match="请填写原因"):
        queue.park(window, CLERK, shared, "  ")
    parked = queue.park(window, CLERK, shared, "回去取户口簿")
    assert parked.ticket.state is TicketState.PARKED and parked.ticket.reason == "回去取户口簿"
    queue.call_next(window, CLERK, shared)  # A002 meanwhile
    with pytest.raises(ValidationError, match="请先办结"):
        queue.resume(window, CLERK, shared, parked.ticket.id)
    queue.finish(window, CLERK, shared)
    bar = queue.status(window, shared)
    assert [t.label for t in bar.parked] == ["A001"]
    back = queue.resume(window, CLERK, shared, parked.ticket.id)
    assert back.ticket.state is TicketState.CALLED
    assert queue.status(window, shared).current.label == "A001"  # type: ignore[union-attr]


def test_a_paused_window_cannot_call(window: Workstation, shared: SharedDatabase) -> None:
    issue(window, shared)
    queue.pause_window(window, CLERK, shared, "午间休息")
    with pytest.raises(ValidationError, match="本窗口已暂停叫号"):
        queue.call_next(window, CLERK, shared)
    assert queue.status(window, shared).paused
    queue.resume_window(window, CLERK, shared)
    assert queue.call_next(window, CLERK, shared) is not None
    with window.reading() as s:
        kinds = set(s.scalars(select(Event.kind).where(Event.entity_type == "queue_window")))
    assert kinds == {"queue.window_paused", "queue.window_resumed"}


def test_a_window_calls_only_from_its_queues(window: Workstation, shared: SharedDatabase) -> None:
    settings = one_queue(windows=("1", "2"))
    queue.save_settings(window, Actor("admin", "张建国", Role.ADMIN), settings)
    issue(window, shared)
    issue(window, shared, "B")
    called = queue.call_next(window, CLERK, shared)  # window 3 serves B, C, D only
    assert called is not None and called.label == "B001"
    assert queue.call_next(window, CLERK, shared) is None


def test_who_may_call(window: Workstation, shared: SharedDatabase) -> None:
    with pytest.raises(PermissionDenied):
        queue.call_next(window, Actor("router", "赵志刚", Role.ROUTER), shared)


def test_shared_database_gone_mid_call_loses_nothing_and_calls_once(
    window: Workstation, shared: SharedDatabase, clock: SettableClock
) -> None:
    issue(window, shared)
    issue(window, shared)
    day = clock.today().isoformat()

    def snapshot() -> list[tuple[object, ...]]:
        return [tuple(r) for r in tickets(shared, day)]

    def local_calls() -> int:
        with window.reading() as s:
            query = select(func.count()).select_from(Event).where(Event.kind == "queue.called")
            return int(s.scalar(query) or 0)

    before = snapshot()
    # The connection drops at each statement of the call in turn, until a call gets through.
    fail_at = 0
    while True:
        fail_at += 1
        failing = FailingHall(shared, fail_at)
        try:
            called = queue.call_next(window, CLERK, failing)
        except queue.QueueUnavailable as exc:
            assert "共享数据库暂时无法连接" in exc.message
            assert snapshot() == before  # the ticket still waits: not lost, not half-called
            assert local_calls() == 0
            continue
        break
    # Each statement was a point of failure: the first action's reconciliation read, then the
    # call's (one statement on PostgreSQL; step by step, in one transaction, on the file).
    assert fail_at >= 3
    assert failing.statements == 1 if shared.is_postgres else failing.statements > 5
    assert called is not None and called.label == "A001"
    rows = {r.label: r for r in tickets(shared, day)}
    assert rows["A001"].state == "called" and rows["A001"].call_seq == 1
    assert rows["A002"].state == "waiting"
    queue.flush_records(window)
    assert local_calls() == 1


def test_unreachable_shared_database_is_a_clear_error(window: Workstation, tmp_path) -> None:
    gone = SharedDatabase(
        __import__("hall_desk.sync.shared", fromlist=["parse_location"]).parse_location(
            "postgresql://nobody@127.0.0.1:1/none"
        ),
        live=True,
        connect_timeout_s=2,
    )
    with pytest.raises(queue.QueueUnavailable, match="办件、咨询等业务不受影响"):
        queue.issue(window, CLERK, gone, "A")
    with window.reading() as s:
        assert s.scalar(select(func.count()).select_from(QueueTicketRow)) == 0
    gone.close()


def test_schema_version_four_has_the_queue_tables(shared: SharedDatabase) -> None:
    with shared.reading() as conn:
        version = conn.scalar(text("SELECT value FROM hall_sync_meta WHERE key = 'schema_version'"))
        assert version == "4"
        assert conn.scalar(text("SELECT count(*) FROM hall_queue_tickets")) == 0


@pytest.mark.postgres
def test_the_display_hears_a_call_by_notify(window: Workstation, pg_url: str) -> None:
    import threading
    import time as clock_time

    from hall_desk.ui.queue_watch import NotifyListener

    shared = open_shared(window, pg_url)
    heard = threading.Event()
    listener = NotifyListener(pg_url.replace("postgresql+psycopg://", "postgresql://"), heard.set)
    listener.start()

    def heard_within(seconds: float) -> bool:
        # Polled with sleeps rather than Event.wait(timeout): timed waits on a condition never
        # return under libfaketime, with which the suite is also run.
        for _ in range(int(seconds / 0.02)):
            if heard.is_set():
                return True
            clock_time.sleep(0.02)
        return heard.is_set()

    try:
        issue(window, shared)
        for _ in range(25):  # the listener connects, then hears the next change
            if heard_within(0.2):
                break
            issue(window, shared, "B")
        assert heard.is_set()
        heard.clear()
        queue.call_next(window, CLERK, shared)
        assert heard_within(2), "a call wakes the display within a second or two"
    finally:
        listener.stopped.set()
        listener.join(5)
        shared.close()


@pytest.mark.postgres
@pytest.mark.parametrize("direction", ["up", "down"])
def test_the_network_cut_at_any_point_of_calls_neither_loses_nor_repeats(
    window: Workstation, pg_url: str, clock: SettableClock, direction: str
) -> None:
    """The connection to PostgreSQL cut after so many bytes, request side or reply side (a
    commit whose answer never came back): each call either happened or did not, and calling
    on afterwards calls every ticket exactly once."""
    from sqlalchemy.engine import make_url

    from hall_desk.sync.shared import parse_location
    from tests.sync.proxy import CuttingProxy

    shared = open_shared(window, pg_url)
    for _ in range(6):
        issue(window, shared)
        clock.advance(timedelta(seconds=1))
    url = make_url(pg_url)
    failures = 0
    for cut_after in range(300, 6000, 350):
        with CuttingProxy(
            url.host or "127.0.0.1", url.port or 5432, cut_after=cut_after, direction=direction
        ) as proxy:
            via = url.set(port=proxy.port).render_as_string(hide_password=False)
            cut = SharedDatabase(parse_location(via), live=True, connect_timeout_s=3)
            try:
                queue.call_next(window, CLERK, cut)
            except queue.QueueUnavailable:
                failures += 1
            finally:
                cut.close()
        rows = tickets(shared, clock.today().isoformat())
        seqs = [r.call_seq for r in rows if r.call_seq is not None]
        assert len(seqs) == len(set(seqs))  # no number given to two calls
        assert len(rows) == 6  # none lost
    assert failures > 0
    while queue.call_next(window, CLERK, shared) is not None:
        pass
    rows = tickets(shared, clock.today().isoformat())
    assert sorted(r.call_seq for r in rows) == list(range(1, 7))  # each called exactly once
    assert all(r.state in ("done", "called") for r in rows)
    shared.close()


def test_a_shared_database_of_schema_3_gains_the_queue_tables(
    window: Workstation, shared_url: str
) -> None:
    from hall_desk.store.shared_queue import shared_queue_metadata
    from hall_desk.sync.shared import shared_meta

    first = open_shared(window, shared_url)
    with first.writing() as conn:  # as the program before the queue left it
        shared_queue_metadata.drop_all(conn)
        conn.execute(
            shared_meta.update().where(shared_meta.c.key == "schema_version").values(value="3")
        )
    first.close()
    again = open_shared(window, shared_url)
    try:
        assert issue(window, again).ticket.label == "A001"
        with again.reading() as conn:
            version = conn.scalar(
                text("SELECT value FROM hall_sync_meta WHERE key = 'schema_version'")
            )
        assert version == "4"
    finally:
        again.close()
