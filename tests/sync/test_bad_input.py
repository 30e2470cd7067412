"""Bad input is refused clearly and loses nothing: another hall, newer schema, corrupt events."""

from __future__ import annotations

import json
import time
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from hall_desk.domain.clock import HybridClock, Timestamp, uuid7
from hall_desk.domain.errors import StorageError, ValidationError
from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services import intake
from hall_desk.store.keys import HallKey
from hall_desk.store.models import Event
from hall_desk.store.models_sync import SyncPeer, SyncRefusedEvent
from hall_desk.sync import SyncError, sync_once, sync_status
from hall_desk.sync.shared import SharedDatabase, parse_location, shared_meta
from hall_desk.sync.validate import CLOCK_AHEAD, CORRUPT
from tests.sync.helpers import (
    DAY,
    FOOD,
    applicant,
    clerk,
    converge,
    draft,
    insert_shared_rows,
    local_events,
    projections,
    shared_rows,
    signed,
    sync,
)


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def test_a_shared_database_of_another_hall_is_refused(hall, shared_url):
    other = hall.ws("X1")
    sync(other, shared_url)
    before = shared_rows(shared_url)
    w1 = hall.ws("W1")
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(40)), on=DAY)
    unsent = sync_status(w1).unsent
    events = local_events(w1)
    with pytest.raises(SyncError, match="另一个大厅") as refused:
        sync(w1, shared_url)
    assert "password" not in refused.value.message
    assert shared_rows(shared_url) == before, "nothing was written to the other hall's database"
    assert local_events(w1) == events
    status = sync_status(w1)
    assert status.unsent == unsent and status.failing and status.level == "error"
    assert status.last_failure is not None and "另一个大厅" in status.last_failure.error
    assert "同步失败" in status.summary()


def test_a_newer_shared_schema_is_refused_untouched(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    sync(w1, shared_url)
    shared = SharedDatabase(parse_location(shared_url))
    try:
        with shared.writing() as conn:
            conn.execute(
                update(shared_meta).where(shared_meta.c.key == "schema_version").values(value="7")
            )
    finally:
        shared.close()
    before = shared_rows(shared_url)
    with pytest.raises(SyncError, match=r"更新版本.*结构版本 7"):
        sync(w2, shared_url)
    assert shared_rows(shared_url) == before


def test_network_share_and_unknown_addresses_are_refused(hall):
    w1 = hall.ws("W1")
    with pytest.raises(StorageError, match="网络共享"):
        sync_once(w1, SYSTEM_ACTOR, r"\\fileserver\hall\shared.sqlite3")
    with pytest.raises(ValidationError, match="不支持"):
        parse_location("mysql://root@server/hall")
    with pytest.raises(SyncError, match="尚未配置"):
        sync_once(w1, SYSTEM_ACTOR)
    status = sync_status(w1)
    assert status.last_failure is not None and "尚未配置" in status.last_failure.error


def test_address_parsing_hides_passwords():
    loc = parse_location("postgres://hall:s3cret@db.example:5433/hall")
    assert loc.url.startswith("postgresql+psycopg://hall:s3cret@")
    assert "s3cret" not in loc.display and loc.is_postgres
    assert loc.config_value == "postgresql://hall:s3cret@db.example:5433/hall"


def _raw(origin: str, seq: int, payload: str, **fields: object) -> dict[str, object]:
    ts = Timestamp(_now_ms() - 1000, seq)
    row: dict[str, object] = {
        "id": str(uuid7(ts)),
        "origin": origin,
        "seq": seq,
        "hlc": ts.encode(),
        "actor": "intruder",
        "kind": "case.accepted",
        "entity_type": "case",
        "entity_id": str(uuid.uuid4()),
        "payload": payload,
    }
    row.update(fields)
    return row


def _insert_shared(url: str, rows: list[dict[str, object]], key: HallKey) -> None:
    """Written by a workstation of the hall (with the key) whose data is bad."""
    insert_shared_rows(url, [signed(r, key) for r in rows])


def test_corrupted_events_are_refused_and_reported_the_rest_lands(hall, shared_url, capsys):
    from hall_desk.sync.command import run_sync_command

    w1, w2 = hall.ws("W1"), hall.ws("W2")
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(41)), on=DAY)
    sync(w1, shared_url)
    bad = [
        _raw("W9", 1, "{not json"),
        _raw("W9", 2, json.dumps({"set": {"no_such_column": 1}})),
        _raw("W9", 3, json.dumps(["a", "list"])),
        _raw(
            "W9",
            4,
            json.dumps({"set": {"phone_cipher": "13904759999"}}),
            kind="applicant.recorded",
            entity_type="applicant",
        ),
        _raw("W9", 5, json.dumps({"set": {"created_on": "31/12/2026"}})),
        _raw("W9", 6, "{}", hlc="yesterday"),
    ]
    newer_program = _raw("W9", 7, json.dumps({"whatever": 1}), kind="routing.from_the_future")
    _insert_shared(shared_url, [*bad, newer_program], w1.key)
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(42)), on=DAY)
    sync(w1, shared_url)

    assert run_sync_command(w2, SYSTEM_ACTOR, shared=shared_url, status_only=False) == 0
    out, err = capsys.readouterr()
    own_w1 = sum(1 for e in local_events(w1) if e[1] == "W1")
    own_w2 = sum(1 for e in local_events(w2) if e[1] == "W2")
    assert out.strip() == f"推送 {own_w2} 条，拉取 {own_w1 + 1} 条，冲突 0 条"
    assert "6 条事件" in err and "拒收" in err
    with w2.reading() as s:
        refused = {r.event_id: r for r in s.scalars(select(SyncRefusedEvent))}
        assert set(refused) == {str(r["id"]) for r in bad}
        assert all(r.reason_code == CORRUPT and r.reason for r in refused.values())
        assert all(r.payload == "" for r in refused.values()), "corrupt content is not kept"
        assert "不是有效的 JSON" in refused[str(bad[0]["id"])].reason
        assert "no_such_column" in refused[str(bad[1]["id"])].reason
        assert "不是密文" in refused[str(bad[3]["id"])].reason
        # A date that is not a date is refused by its kind's declared shape, before any fold.
        assert "created_on" in refused[str(bad[4]["id"])].reason
        assert "不是日期" in refused[str(bad[4]["id"])].reason
        assert "时间戳" in refused[str(bad[5]["id"])].reason
        kept = s.get(Event, str(newer_program["id"]))
        assert kept is not None, "an unknown kind from a newer program is kept for later"
        peer = s.scalars(select(SyncPeer)).one()
        assert peer.pull_cursor == len(shared_rows(shared_url))
    status = sync_status(w2)
    assert status.refused_events == 6 and status.level == "warning"
    assert "拒收 6 条" in status.summary()
    # The cursor went past them: the next sync neither re-reads nor re-reports them.
    again = sync(w2, shared_url)
    assert (again.pulled, again.refused) == (0, 0)
    real_w1 = {e for e in local_events(w2) if e[1] == "W1"}
    assert real_w1 == {e for e in local_events(w1) if e[1] == "W1"}
    assert projections(w1)["cases"] == projections(w2)["cases"]


def test_an_event_from_a_clock_far_ahead_is_refused_until_its_time_comes(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    converge([w1, w2], shared_url)
    ahead = 3_600_000  # W1's clock runs an hour fast
    w1.clock = HybridClock(w1.clock.last, wall_ms=lambda: _now_ms() + ahead)
    result = intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(43)), on=DAY)
    sync(w1, shared_url)
    report = sync(w2, shared_url)
    fast = [e for e in local_events(w1) if Timestamp.decode(str(e[3])).ms > _now_ms() + 60_000]
    assert report.refused == len(fast) >= 2 and report.pulled == 0
    with w2.reading() as s:
        assert s.scalar(select(func.count()).where(Event.entity_id == result.case_id)) == 0
        reasons = s.scalars(select(SyncRefusedEvent.reason_code)).all()
        assert set(reasons) == {CLOCK_AHEAD}
        assert "比本机时钟超前" in s.scalars(select(SyncRefusedEvent.reason)).first()
    # The future did not leak into W2's clock: its next events still sort at the real time.
    assert w2.clock.last.ms < _now_ms() + 60_000
    # Not re-pulled, but retried once the receiving clock reaches that time.
    assert sync(w2, shared_url).refused == 0
    later = sync(w2, shared_url, wall_ms=lambda: _now_ms() + 2 * ahead)
    assert later.pulled == len(fast)
    assert sync_status(w2).refused_events == 0
    assert {e for e in local_events(w2) if e[1] == "W1"} == {
        e for e in local_events(w1) if e[1] == "W1"
    }


def test_the_clock_margin_is_configurable(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    w1.clock = HybridClock(w1.clock.last, wall_ms=lambda: _now_ms() + 30 * 60_000)
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(44)), on=DAY)
    sync(w1, shared_url)
    w2.config.extra["sync_clock_margin_minutes"] = 45
    assert sync(w2, shared_url).refused == 0
    assert sync(w1, shared_url, clock_margin=timedelta(minutes=1)).refused == 0  # nothing new
