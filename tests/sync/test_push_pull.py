"""Push and pull between workstations of one hall, on PostgreSQL and on a shared SQLite file."""

from __future__ import annotations

import threading
import time
import uuid

import pytest
from sqlalchemy import delete, func, select

from hall_desk.domain.clock import Timestamp
from hall_desk.domain.lifecycle import CaseState
from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services import case_clock, intake
from hall_desk.store import faults as store_faults
from hall_desk.store.models import CaseRow, Event, User
from hall_desk.store.models_intake import ApplicantRow
from hall_desk.store.models_sync import SyncFieldHistory, SyncPeer
from hall_desk.sync import (
    SyncBusy,
    SyncError,
    SyncOptions,
    SyncProgress,
    faults,
    pull,
    sync_once,
    sync_status,
)
from hall_desk.sync.history import applicant_history, recompute_all
from hall_desk.sync.pull import apply_pulled
from hall_desk.sync.shared import SharedDatabase, parse_location
from hall_desk.sync.validate import CORRUPT, Incoming
from tests.services.helpers import all_materials
from tests.sync.helpers import (
    DAY,
    FOOD,
    applicant,
    bulk_cases,
    clerk,
    converge,
    draft,
    first_syncs,
    local_events,
    projections,
    raw_event,
    shared_events_set,
    shared_rows,
    signed,
    sync,
)


def test_cases_travel_with_their_original_events_and_converge(hall, shared_url):
    w1, w2, w3 = hall.ws("W1"), hall.ws("W2"), hall.ws("W3")
    accepted = intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(1)), on=DAY)
    waiting = intake.request_supplement(
        w1, clerk(w1), draft(w1, [FOOD], applicant(2), complete=False), on=DAY
    )
    first = sync(w1, shared_url)
    assert first.pushed == len(local_events(w1)) and first.pulled == 0
    report = sync(w2, shared_url)
    assert report.pulled == first.pushed
    with w2.reading() as s:
        case = s.get(CaseRow, waiting.case_id)
        assert case is not None and case.state == CaseState.AWAITING_SUPPLEMENT
    # The applicant brings the supplement to another window; that window finishes the round.
    intake.receive_supplement(w2, clerk(w2), waiting.case_no, all_materials(w2, [FOOD]), on=DAY)
    case_clock.pause_clock(w2, clerk(w2), accepted.case_no, "hearing", on=DAY, note="举行听证")
    converge([w1, w2, w3], shared_url)

    assert projections(w1) == projections(w2) == projections(w3)
    assert local_events(w1) == local_events(w2) == local_events(w3) == shared_events_set(shared_url)
    with w1.reading() as s:
        case = s.get(CaseRow, waiting.case_id)
        assert case is not None and case.state == CaseState.ACCEPTED and case.workstation == "W1"
        paused = s.get(CaseRow, accepted.case_id)
        assert paused is not None and paused.paused_since == DAY
    # Clocks absorbed what they saw: the next local event sorts after every pulled one.
    newest = max(Timestamp.decode(e[3]) for e in local_events(w3))  # type: ignore[arg-type]
    assert w3.clock.last >= newest


def test_pulled_events_are_never_pushed_back(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(3)), on=DAY)
    sync(w1, shared_url)
    before = len(shared_rows(shared_url))
    pulled = sync(w2, shared_url)
    own_w2 = sum(1 for e in local_events(w2) if e[1] == "W2")
    assert pulled.pushed == own_w2
    again = sync(w2, shared_url)
    assert (again.pushed, again.pulled) == (0, 0)
    rows = shared_rows(shared_url)
    assert len(rows) == before + own_w2
    ids = [r[1] for r in rows]
    assert len(ids) == len(set(ids)), "every event is in the shared database once"


def _cursor(ws):  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        peer = s.scalars(select(SyncPeer)).one()
        return peer.pull_cursor, peer.cursor_event_id


def test_a_push_that_nobody_interleaves_moves_the_pull_cursor_past_its_own_rows(hall, shared_url):
    w1 = hall.ws("W1")
    bulk_cases(w1, 20, start=800)
    report = sync(w1, shared_url, push_batch=15)
    rows = shared_rows(shared_url)
    assert report.pushed == len(rows) > 2 * 15
    # Only its own rows after the cursor: it stands on the last of them, as a pull would.
    assert _cursor(w1) == (rows[-1][0], rows[-1][1])
    again = sync(w1, shared_url)
    assert (again.pushed, again.pulled) == (0, 0)


def test_rows_another_workstation_pushes_between_two_batches_are_still_pulled(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    first_syncs(shared_url, w1, w2)
    before = len(shared_rows(shared_url))
    shared_before = {r[1] for r in shared_rows(shared_url)}  # ids already shared
    bulk_cases(w1, 20, start=820)
    bulk_cases(w2, 3, start=850)
    theirs = {e for e in local_events(w2) if e[1] == "W2" and e[0] not in shared_before}
    cut_in: list[int] = []

    def after_each_batch(p: SyncProgress) -> None:
        # W2 syncs once W1's first batch is in: its rows land between W1's batches.
        if p.phase == "push" and p.done and not cut_in:
            cut_in.append(sync(w2, shared_url).pushed)

    sync_once(
        w1,
        SYSTEM_ACTOR,
        shared_url,
        after_each_batch,
        options=SyncOptions(push_batch=15, pull_batch=15),
    )
    assert cut_in == [len(theirs)]
    rows = shared_rows(shared_url)
    origins = [r[2] for r in rows[before:]]
    assert origins.index("W2") > 0 and "W1" in origins[origins.index("W2") :], "interleaved"
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert theirs <= local_events(w1), "the cursor never stepped over W2's rows"
    assert _cursor(w1) == (rows[-1][0], rows[-1][1])


def test_same_push_batch_twice_changes_nothing(hall, shared_url):
    from hall_desk.sync.push import _send

    w1 = hall.ws("W1")
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(4)), on=DAY)
    shared = SharedDatabase(parse_location(shared_url))
    try:
        info = shared.prepare(w1.key.fingerprint, w1.hall, w1.now())
        with w1.reading() as s:
            rows = s.execute(
                select(
                    Event.id,
                    Event.origin,
                    Event.seq,
                    Event.hlc,
                    Event.actor,
                    Event.kind,
                    Event.entity_type,
                    Event.entity_id,
                    Event.payload,
                    Event.mac,
                ).order_by(Event.seq)
            ).all()
        assert _send(shared, info.identity, "W1", rows) == len(rows)
        first = shared_rows(shared_url)
        assert _send(shared, info.identity, "W1", rows) == 0
        assert _send(shared, info.identity, "W1", rows[2:5]) == 0
        assert shared_rows(shared_url) == first
    finally:
        shared.close()


def _own_rows(ws):  # type: ignore[no-untyped-def]
    """The workstation's events as push reads them: (*EVENT_COLUMNS) tuples in seq order."""
    from hall_desk.sync.push import _LOCAL_COLUMNS

    with ws.reading() as s:
        return [tuple(r) for r in s.execute(select(*_LOCAL_COLUMNS).order_by(Event.seq))]


def test_a_batch_partly_there_adds_only_the_rest_after_the_top(hall, shared_url):
    from hall_desk.sync.push import _send

    w1 = hall.ws("W1")
    for n in range(2):
        intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(40 + n)), on=DAY)
    rows = _own_rows(w1)
    shared = SharedDatabase(parse_location(shared_url))
    try:
        info = shared.prepare(w1.key.fingerprint, w1.hall, w1.now())
        assert _send(shared, info.identity, "W1", rows[:3]) == 3
        # A repeated batch that overlaps what is there: the rest only, after the top position.
        assert _send(shared, info.identity, "W1", rows[1:]) == len(rows) - 3
    finally:
        shared.close()
    there = shared_rows(shared_url)
    assert [r[0] for r in there] == list(range(1, len(rows) + 1)), "positions gap-free, in order"
    assert [r[1:] for r in there] == rows


def test_another_event_under_an_own_seq_stops_the_push_and_writes_nothing(hall, shared_url):
    from hall_desk.sync.push import _send

    w1 = hall.ws("W1")
    for n in range(2):
        intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(50 + n)), on=DAY)
    rows = _own_rows(w1)
    shared = SharedDatabase(parse_location(shared_url))
    try:
        info = shared.prepare(w1.key.fingerprint, w1.hall, w1.now())
        assert _send(shared, info.identity, "W1", rows[:2]) == 2
        # Another machine under the same code (or an old backup) sent its own third event.
        with shared.writing() as conn:
            other = (str(uuid.uuid4()), *rows[2][1:])
            shared.insert_events(conn, [other], after=shared.max_position(conn))
        before = shared_rows(shared_url)
        with pytest.raises(SyncError, match="第 3 号的另一条事件"):
            _send(shared, info.identity, "W1", rows)
    finally:
        shared.close()
    assert shared_rows(shared_url) == before, "nothing of the refused batch was written"


def test_same_pull_batch_applied_twice_changes_nothing(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(5)), on=DAY)
    sync(w1, shared_url)
    sync(w2, shared_url)
    with w2.reading() as s:
        identity = s.scalars(select(SyncPeer.identity)).one()
    batch = [
        Incoming(position, *rest)  # type: ignore[arg-type]
        for position, *rest in shared_rows(shared_url)
        if rest[1] == "W1"
    ]
    before = (projections(w2), local_events(w2))
    out = apply_pulled(
        w2, batch, identity=identity, cursor=None, now_ms=w2.clock.now().ms, margin_ms=600_000
    )
    assert out.applied == [] and out.refused == []
    assert (projections(w2), local_events(w2)) == before


def test_a_new_workstation_folds_the_quick_way_and_a_wrong_guess_the_careful_one(
    hall, shared_url, monkeypatch
):
    """A batch none of whose events the log holds folds at once, entities new to the log added
    unread (`_fold_at_once`). Here the log was emptied under its tables (the file edited): every
    entity has rows but no event, the guess is wrong, and the batch is taken the careful way
    instead (the log searched, the rows read), landing exactly as it did before."""
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(5)), on=DAY)
    intake.request_supplement(
        w1, clerk(w1), draft(w1, [FOOD], applicant(6), complete=False), on=DAY
    )
    sync(w1, shared_url)
    searched: list[int] = []
    real_local = pull._local
    monkeypatch.setattr(
        pull, "_local", lambda s, events: searched.append(len(events)) or real_local(s, events)
    )
    sync(w2, shared_url)
    assert searched == [], "a new workstation's batches went in at once"
    with w2.reading() as s:
        identity = s.scalars(select(SyncPeer.identity)).one()
    before = (projections(w2), local_events(w2))
    with w2.db.write() as s:
        s.execute(delete(Event).where(Event.origin == "W1"))
    batch = [
        Incoming(position, *rest)  # type: ignore[arg-type]
        for position, *rest in shared_rows(shared_url)
        if rest[1] == "W1"
    ]
    out = apply_pulled(
        w2, batch, identity=identity, cursor=None, now_ms=w2.clock.now().ms, margin_ms=600_000
    )
    assert searched == [len(batch)], "the wrong guess was taken the careful way"
    assert len(out.applied) == len(batch) and out.refused == []
    assert (projections(w2), local_events(w2)) == before


_USER = {
    "set": {
        "display_name": "王芳",
        "role": "clerk",
        "password_hash": "",
        "window": "",
        "active": True,
    }
}


def test_an_event_reusing_a_taken_origin_and_seq_is_refused_beside_the_rest(hall, shared_url):
    """A workstation restored from an old backup numbers new events with seqs already used: the
    local log holds (W1, seq) under another event, so the newcomer is refused, while the batch's
    events already here are skipped and its genuinely new one still lands."""
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(7)), on=DAY)
    sync(w1, shared_url)
    sync(w2, shared_url)
    with w2.reading() as s:
        identity = s.scalars(select(SyncPeer.identity)).one()
    known = [
        Incoming(position, *rest)  # type: ignore[arg-type]
        for position, *rest in shared_rows(shared_url)
        if rest[1] == "W1"
    ]
    top = max(ev.seq for ev in known)
    taken = next(ev for ev in known if ev.seq == 2)
    reused = raw_event(w1, 2, "user.created", "user", "clerk-reused", _USER)
    fresh = raw_event(w1, top + 1, "user.created", "user", "clerk-fresh", _USER)
    reused = signed({**reused, "origin": "W1"}, w1.key)
    fresh = signed({**fresh, "origin": "W1"}, w1.key)
    batch = [*known, Incoming(900, **reused), Incoming(901, **fresh)]  # type: ignore[arg-type]
    out = apply_pulled(
        w2, batch, identity=identity, cursor=None, now_ms=w2.clock.now().ms, margin_ms=600_000
    )
    assert [ev.id for ev in out.applied] == [fresh["id"]]
    assert [(ev.id, r.code) for ev, r in out.refused] == [(reused["id"], CORRUPT)]
    assert "第 2 号事件在本机已有另一条不同的记录" in out.refused[0][1].reason
    with w2.reading() as s:
        assert s.scalar(select(Event.id).where(Event.origin == "W1", Event.seq == 2)) == taken.id
        assert s.get(User, "clerk-fresh") is not None and s.get(User, "clerk-reused") is None


def test_latest_phone_wins_by_clock_and_the_overwritten_one_is_kept(hall, shared_url):
    """The same applicant recorded at two windows with different phones: no silent overwrite."""
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    first_syncs(shared_url, w1, w2)
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(6, phone_no=1111)), on=DAY)
    # W2 records the same person later (higher HLC) with a new phone, before seeing W1's record.
    intake.accept(w2, clerk(w2), draft(w2, [FOOD], applicant(6, phone_no=2222)), on=DAY)
    # The older record arrives late at W2 and early at W1: both end with the later phone.
    sync(w2, shared_url)
    sync(w1, shared_url)
    sync(w2, shared_url)
    assert projections(w1) == projections(w2)
    with w1.reading() as s:
        row = s.scalars(select(ApplicantRow)).one()
        assert row.phone_masked == "139****2222"
        assert w1.key.decrypt("phone", row.phone_cipher) == "13904752222"
        kept = s.scalars(select(SyncFieldHistory)).all()
    assert [(k.field, k.old_masked, k.old_origin, k.new_origin) for k in kept] == [
        ("phone", "139****1111", "W1", "W2")
    ]
    assert w1.key.decrypt("phone", kept[0].old_value) == "13904751111"
    with w2.reading() as s:
        kept2 = s.scalars(select(SyncFieldHistory)).all()
    assert [(k.new_event_id, k.old_event_id) for k in kept2] == [
        (k.new_event_id, k.old_event_id) for k in kept
    ]
    changes = applicant_history(w1, clerk(w1), kept[0].entity_id)
    assert [(c.label, c.old_masked) for c in changes] == [("联系电话", "139****1111")]
    # The history is a function of the log: recomputed from scratch, it comes out the same.
    with w2.db.write() as s:
        s.execute(delete(SyncFieldHistory))
        assert recompute_all(s, w2.key) == 1
        assert [(k.new_event_id, k.old_value) for k in s.scalars(select(SyncFieldHistory))] == [
            (kept2[0].new_event_id, kept2[0].old_value)
        ]


def test_a_replaced_shared_database_makes_everyone_start_over(hall, shared_url, tmp_path):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(7)), on=DAY)
    converge([w1, w2], shared_url)
    everything = shared_events_set(shared_url)
    replacement = tmp_path / "replacement"
    replacement.mkdir()
    new_url = str(replacement / "hall-shared.sqlite3")
    report = sync(w2, new_url)
    assert "更换" in report.reset_reason
    assert report.pushed == sum(1 for e in local_events(w2) if e[1] == "W2")
    report = sync(w1, new_url)
    assert report.pushed == sum(1 for e in local_events(w1) if e[1] == "W1")
    assert report.pulled == 0  # all of W2's events were here already
    assert shared_events_set(new_url) == everything
    # And back to the first one: its marks are still right, nothing is sent again.
    back = sync(w1, shared_url)
    assert (back.pushed, back.pulled, back.reset_reason) == (0, 0, "")


def test_a_restored_backup_is_noticed_and_refilled(hall, shared_url, tmp_path):
    import shutil

    from tests.sync.conftest import pg_copy_database, pg_drop_database

    w1, w2 = hall.ws("W1"), hall.ws("W2")
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(8)), on=DAY)
    converge([w1, w2], shared_url)
    is_pg = "://" in shared_url
    if is_pg:
        backup_url = pg_copy_database(shared_url, f"hd_backup_{uuid.uuid4().hex[:12]}")
    else:
        shutil.copy(shared_url, tmp_path / "backup.sqlite3")
    # After the backup: more work everywhere, synced.
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(9)), on=DAY)
    intake.accept(w2, clerk(w2), draft(w2, [FOOD], applicant(10)), on=DAY)
    converge([w1, w2], shared_url)
    everything = shared_events_set(shared_url)
    # The shared database is restored from the backup (same identity, older content).
    if is_pg:
        from sqlalchemy.engine import make_url

        name = make_url(shared_url).database
        pg_copy_database(backup_url, name)
        pg_drop_database(make_url(backup_url).database)
    else:
        shutil.copy(tmp_path / "backup.sqlite3", shared_url)
        for suffix in ("-wal", "-shm"):
            (tmp_path / "shared" / f"hall-shared.sqlite3{suffix}").unlink(missing_ok=True)
    assert shared_events_set(shared_url) < everything
    report = sync(w1, shared_url)
    assert "备份" in report.reset_reason
    # W1 refills it with everything it holds: its own events, and W2's later ones put back as
    # missing rows. W2 then finds its marks in place again, or starts over: nothing is lost.
    assert report.healed > 0
    assert shared_events_set(shared_url) == everything
    sync(w2, shared_url)
    converge([w1, w2], shared_url)
    assert shared_events_set(shared_url) == everything == local_events(w1) == local_events(w2)
    ids = [r[1] for r in shared_rows(shared_url)]
    assert len(ids) == len(set(ids))


def test_sync_runs_in_a_worker_thread_with_progress(hall, shared_url):
    w1 = hall.ws("W1")
    for n in range(3):
        intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(20 + n)), on=DAY)
    seen: list[SyncProgress] = []
    result: dict[str, object] = {}

    def work() -> None:
        try:
            result["report"] = sync_once(w1, SYSTEM_ACTOR, shared_url, seen.append)
        except BaseException as exc:
            result["error"] = exc

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert not worker.is_alive() and "error" not in result
    phases = [p.phase for p in seen]
    assert phases[0] == "connect" and phases[-1] == "done"
    assert "push" in phases and "pull" in phases
    push = [p for p in seen if p.phase == "push"]
    assert push[-1].done == push[-1].total == result["report"].pushed  # type: ignore[attr-defined]
    assert sync_status(w1).unsent == 0


def test_a_second_sync_of_the_same_workstation_is_refused_while_one_runs(
    hall, shared_url, tmp_path, monkeypatch
):
    w1 = hall.ws("W1")
    resume = tmp_path / "resume"
    monkeypatch.setenv(faults.PAUSE_ENV, "push.after_commit")
    monkeypatch.setenv(faults.RESUME_ENV, str(resume))
    monkeypatch.setattr(store_faults, "_arrivals", type(store_faults._arrivals)())
    worker = threading.Thread(target=lambda: sync(w1, shared_url))
    worker.start()
    try:
        for _ in range(500):
            if sync_status(w1).running:
                break
            time.sleep(0.01)
        with pytest.raises(SyncBusy, match="正在同步"):
            sync(w1, shared_url)
        assert "正在同步" in sync_status(w1).summary()
    finally:
        resume.touch()
        worker.join(60)
    assert not sync_status(w1).running
    with w1.reading() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == len(shared_rows(shared_url))
