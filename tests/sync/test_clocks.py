"""Wrong clocks: found at start-up and at every sync, said in words, and the outcome follows real
time — a clock set ahead and corrected is accepted again; a clock behind does not make a later
edit lose silently."""

from __future__ import annotations

import dataclasses
import os
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from hall_desk.domain.clock import SettableClock, Timestamp
from hall_desk.services import case_clock, intake
from hall_desk.store.models import CaseRow, Event
from hall_desk.store.models_intake import ApplicantRow
from hall_desk.sync import list_conflicts, sync_status
from hall_desk.sync.shared import SharedDatabase, parse_location
from tests.command_line import run_in_process
from tests.sync.helpers import (
    DAY,
    FOOD,
    LEAD,
    applicant,
    clerk,
    converge,
    draft,
    projections,
    sync,
)

MARGIN_MS = 10 * 60_000


def _real_now(url: str) -> datetime:
    """Real time as the hall knows it: the PostgreSQL server's clock, or this machine's."""
    shared = SharedDatabase(parse_location(url))
    try:
        server = shared.server_ms()
    finally:
        shared.close()
    if server is None:
        return datetime.now().astimezone()
    return datetime.fromtimestamp(server / 1000).astimezone()


def _case_count(ws) -> int:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return int(s.scalar(select(func.count()).select_from(CaseRow)) or 0)


def _stamp(ws, entity_id: str) -> list[Timestamp]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return [
            Timestamp.decode(h)
            for h in s.scalars(
                select(Event.hlc).where(Event.entity_id == entity_id).order_by(Event.seq)
            )
        ]


@pytest.mark.parametrize("ahead", [timedelta(days=1), timedelta(days=3650)], ids=["day", "decade"])
def test_a_clock_set_ahead_then_corrected_is_accepted_again(hall, shared_url, ahead):
    real = _real_now(shared_url)
    w1_wall, w2_wall = SettableClock(real), SettableClock(real)
    w1, w2 = hall.ws("W1", w1_wall), hall.ws("W2", w2_wall)
    converge([w1, w2], shared_url)
    # W1's clock is set ahead; what it records meanwhile carries that time.
    w1_wall.set(real + ahead)
    early = intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(70)), on=DAY)
    sync(w1, shared_url)
    held = sync(w2, shared_url)
    assert held.refused >= 2 and _case_count(w2) == 0, "held while its clock is wrong"
    assert w2.clock.now().ms < (real + timedelta(minutes=10)).timestamp() * 1000
    # The admin corrects W1's clock; work goes on, also on the case taken in meanwhile.
    w1_wall.set(real + timedelta(hours=1))
    w2_wall.set(real + timedelta(hours=1))
    case_clock.pause_clock(w1, clerk(w1), early.case_no, "hearing", on=DAY, note="举行听证")
    later = intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(71)), on=DAY)
    # New work carries the real time again, except where it follows the early case's steps.
    [accepted] = _stamp(w1, later.case_id)
    assert abs(accepted.ms - w1_wall.ms()) < 1000
    early_stamps = _stamp(w1, early.case_id)
    assert early_stamps == sorted(early_stamps), "a record's steps stay in order"
    sync(w1, shared_url)
    report = sync(w2, shared_url)
    assert report.refused == 0
    assert _case_count(w2) == 2, "the later work and the held work both landed"
    assert sync_status(w2).refused_events == 0
    # Paused after it was accepted, on both: the steps folded in the order they were taken.
    assert projections(w1)["cases"] == projections(w2)["cases"]
    # W2's clock did not follow W1's old, wrong time.
    assert w2.clock.now().ms < w2_wall.ms() + MARGIN_MS


def test_a_clock_a_day_behind_is_reported_and_a_later_edit_is_not_lost(hall, shared_url):
    real = _real_now(shared_url)
    w1_wall, w2_wall = SettableClock(real), SettableClock(real)
    w1, w2 = hall.ws("W1", w1_wall), hall.ws("W2", w2_wall)
    who = applicant(72, phone_no=1111)
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], who), on=DAY)
    converge([w1, w2], shared_url)
    # W2's clock is set back a day. W1 changes the phone; a minute later (in real time) W2
    # changes it too, without having seen W1's change.
    w2_wall.set(real - timedelta(days=1) + timedelta(minutes=1))
    intake.accept(
        w1, clerk(w1), draft(w1, [FOOD], dataclasses.replace(who, phone="13904752222")), on=DAY
    )
    intake.accept(
        w2, clerk(w2), draft(w2, [FOOD], dataclasses.replace(who, phone="13904753333")), on=DAY
    )
    sync(w1, shared_url)
    behind = sync(w2, shared_url)
    said = " ".join(behind.clock_notices)
    if "://" in shared_url:
        assert "本机时钟比共享库服务器慢 1 天" in said
    else:
        assert "本机时钟比工作站 W1 最新一条记录的时间慢 1 天" in said
    assert "请管理员" in said
    status = sync_status(w2)
    assert any(line.startswith("时钟：本机时钟比") for line in status.lines())
    assert "时钟有误" in status.summary() and status.level == "warning"
    sync(w1, shared_url)
    # The later edit did not silently lose: both values are before the lead.
    [c] = list_conflicts(w1, LEAD)
    assert c.field == "phone"
    assert {c.value_masked, c.other_value_masked} == {"139****2222", "139****3333"}
    # Corrected, W2 takes W1's change too and shows the same conflict; the notice goes.
    corrected = _real_now(shared_url) + timedelta(minutes=2)
    w2_wall.set(corrected)
    w1_wall.set(corrected)
    fixed = sync(w2, shared_url)
    # (What start-up said stays until a restart; under libfaketime the test homes' records
    # are ahead of the PostgreSQL server's real clock, and start-up says so.)
    since_start = (w2.clock_notice,) if w2.clock_notice else ()
    assert fixed.clock_notices == since_start
    assert [x.event_id for x in list_conflicts(w2, LEAD)] == [c.event_id]
    assert sync_status(w2).clock_notices == since_start
    with w1.reading() as s1, w2.reading() as s2:
        assert (
            s1.scalars(select(ApplicantRow.phone_index)).one()
            == s2.scalars(select(ApplicantRow.phone_index)).one()
        )


def test_the_clock_is_checked_at_start_up(hall, tmp_path):
    url = str(tmp_path / "shared.sqlite3")
    real = datetime.now().astimezone()
    wall = SettableClock(real + timedelta(days=1))
    w1 = hall.ws("W1", wall)
    assert w1.clock_notice == ""
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(73)), on=DAY)
    home = w1.home.path
    w1.close()
    # Restarted after the admin put the clock right.
    w1 = hall.ws("W1", SettableClock(real))
    notice = w1.clock_notice
    assert notice.startswith("本机时钟比本机最新一条记录的时间早 1 天")
    assert "如果本机时钟曾被调快、现已改正" in notice and "请管理员立即校正" in notice
    status = sync_status(w1)
    assert f"时钟：{notice}" in status.lines()
    assert "时钟有误：本机时钟比本机最新一条记录的时间早 1 天" in status.summary()
    # The first event after the restart carries the real time, not the old one.
    again = intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(74)), on=DAY)
    [stamp] = _stamp(w1, again.case_id)
    assert abs(stamp.ms - real.timestamp() * 1000) < 1000
    report = sync(w1, url)
    assert notice in report.clock_notices
    w1.close()
    # The command line says it too (here the machine's real clock is the one corrected).
    env = {k: v for k, v in os.environ.items() if not k.startswith("HALL_DESK_")}
    out = run_in_process(["--home", str(home), "sync", "--status"], env)
    assert out.returncode == 0, out.stderr
    assert "时钟：本机时钟比本机最新一条记录的时间早 1 天" in out.stdout
