"""The window number a workstation calls for, set in 设置 (services.settings.update_settings):
checked there, refused with nothing written, and followed at once by the queue on the shared
database (PostgreSQL and the SQLite file)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from hall_desk.domain.clock import SettableClock
from hall_desk.domain.errors import ValidationError
from hall_desk.domain.queue import DEFAULT_SETTINGS, QueueSettings, QueueSpec
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import queue
from hall_desk.services.settings import update_settings
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import AuditEntry
from hall_desk.sync.shared import SharedDatabase
from tests.conftest import next_morning
from tests.sync.conftest import Hall
from tests.sync.queue_helpers import open_shared, tickets, use_settings

ADMIN = Actor("admin", "张建国", Role.ADMIN)
CLERK = Actor("clerk1", "王晓燕", Role.CLERK)


@pytest.fixture
def window(hall: Hall) -> Workstation:
    clock = SettableClock(next_morning().replace(hour=9, minute=0, second=0, microsecond=0))
    return hall.ws("W1", clock)


@pytest.fixture
def shared(window: Workstation, shared_url: str) -> Iterator[SharedDatabase]:
    db = open_shared(window, shared_url)
    yield db
    db.close()


def _audits(ws: Workstation) -> int:
    with ws.reading() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


@pytest.mark.parametrize(
    "typed",
    ["abc", "0", "1000", "3a", "-2", "3.5", "1 2", "三"],
)
def test_a_window_number_that_is_not_one_to_999_is_refused_and_nothing_written(
    window: Workstation, typed: str
) -> None:
    update_settings(window, ADMIN, queue_window="4")
    on_disk = window.home.config_path.read_bytes()
    audits = _audits(window)
    with pytest.raises(ValidationError) as refused:
        update_settings(window, ADMIN, queue_window=typed, idle_lock_minutes=30)
    assert refused.value.field == queue.WINDOW_KEY
    assert "叫号窗口号应为 1–999 的数字" in refused.value.message
    assert f"「{typed}」" in refused.value.message
    assert window.config.extra[queue.WINDOW_KEY] == "4"
    assert window.config.idle_lock_minutes != 30
    assert window.home.config_path.read_bytes() == on_disk
    assert _audits(window) == audits


@pytest.mark.parametrize(
    ("typed", "kept"), [(" 7 ", "7"), ("007", "7"), ("１２", "12"), ("999", "999")]
)
def test_a_window_number_is_kept_as_the_plain_number(
    window: Workstation, typed: str, kept: str
) -> None:
    update_settings(window, ADMIN, queue_window=typed)
    assert window.config.extra[queue.WINDOW_KEY] == kept
    assert window.home.load_config().extra[queue.WINDOW_KEY] == kept
    assert queue.window_of(window) == kept


def test_the_number_of_the_code_left_as_shown_writes_nothing(window: Workstation) -> None:
    assert queue.window_of(window) == "1"  # from the code W1
    update_settings(window, ADMIN, queue_window="1")
    assert queue.WINDOW_KEY not in window.home.load_config().extra


def test_the_queue_calls_for_the_window_set_in_settings_at_once(
    window: Workstation, shared: SharedDatabase
) -> None:
    only_5 = QueueSpec("A", "综合受理", windows=("5",))
    use_settings(window, QueueSettings((only_5, *DEFAULT_SETTINGS.queues[1:])))
    update_settings(window, ADMIN, queue_window="2")
    queue.issue(window, CLERK, shared, "A")
    assert queue.call_next(window, CLERK, shared) is None  # window 2 does not serve A
    update_settings(window, ADMIN, queue_window="5")
    called = queue.call_next(window, CLERK, shared)
    assert called is not None and called.label == "A001" and called.window == "5"
    assert queue.status(window, shared).window == "5"
    assert queue.status(window, shared).current == called


def test_an_empty_window_number_calls_nothing_and_touches_nothing(
    window: Workstation, shared: SharedDatabase
) -> None:
    queue.issue(window, CLERK, shared, "A")
    update_settings(window, ADMIN, queue_window="")
    assert window.home.load_config().extra[queue.WINDOW_KEY] == ""
    assert not queue.calls_here(window)
    day = window.today().isoformat()
    before = [tuple(r) for r in tickets(shared, day)]
    for act in (
        lambda: queue.call_next(window, CLERK, shared),
        lambda: queue.recall(window, CLERK, shared),
        lambda: queue.pause_window(window, CLERK, shared),
        lambda: queue.status(window, shared),
    ):
        with pytest.raises(ValidationError) as refused:
            act()
        assert refused.value.message == "本工作站不叫号：系统设置中的叫号窗口号为空"
    assert [tuple(r) for r in tickets(shared, day)] == before
    update_settings(window, ADMIN, queue_window="3")
    assert queue.calls_here(window)
    called = queue.call_next(window, CLERK, shared)
    assert called is not None and called.window == "3"
