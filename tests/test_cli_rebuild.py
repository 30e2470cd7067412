"""`hall-desk rebuild`: every projection re-derived from the events, as a scheduler runs it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hall_desk.domain.roles import Actor, Role
from hall_desk.services import intake, users
from tests.conftest import STAFF_PASSWORD, make_home
from tests.services.helpers import draft_for, person, resident_id
from tests.test_cli import _isolated_user_data, db_of, query, run_cli, show  # noqa: F401

FOOD = "011050007001"


def _home_with_cases(path: Path) -> list[str]:
    ws = make_home(path)
    try:
        clerk = users.create_user(
            ws,
            Actor("admin", "张建国", Role.ADMIN),
            "clerk1",
            "王晓燕",
            Role.CLERK,
            STAFF_PASSWORD,
            "综合窗口1",
        )
        return [
            intake.accept(
                ws, clerk, draft_for(ws, [FOOD], person(number=resident_id(seq=f"{500 + i}")))
            ).case_no
            for i in range(2)
        ]
    finally:
        ws.close()


def test_rebuild_restores_a_tampered_projection_and_says_how_many_events(tmp_path: Path) -> None:
    home = tmp_path / "home"
    case_nos = _home_with_cases(home)
    db = db_of(home)
    before = query(db, "SELECT case_no, state, applicant_name, due_date FROM cases ORDER BY 1")
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE cases SET state = 'delivered', applicant_name = '改过'")
        con.execute("DELETE FROM case_materials")
    con.close()
    events = query(db, "SELECT count(*) FROM events")[0][0]

    result = run_cli("rebuild", home=home)

    assert result.returncode == 0, show(result)
    assert result.stdout.strip() == f"已由事件重新生成全部数据表：重放 {events} 条事件"
    assert query(db, "SELECT case_no, state, applicant_name, due_date FROM cases ORDER BY 1") == (
        before
    )
    assert [r[0] for r in before] == sorted(case_nos)
    assert query(db, "SELECT count(*) FROM case_materials")[0][0] > 0
    assert query(db, "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1") == [
        ("projections.rebuild",)
    ]
    assert run_cli("audit", "verify", home=home).returncode == 0


def test_rebuild_on_an_uninitialised_home_is_refused_in_chinese(tmp_path: Path) -> None:
    home = tmp_path / "nothing"
    result = run_cli("rebuild", home=home)
    assert result.returncode == 1, show(result)
    assert "尚未初始化" in result.stderr and "hall-desk init" in result.stderr
    assert result.stdout == ""
    assert not home.exists()


def test_an_edited_event_is_reported_by_audit_verify_and_left_out_by_rebuild(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    case_nos = _home_with_cases(home)
    db = db_of(home)
    (event_id, case_id) = query(
        db,
        "SELECT e.id, e.entity_id FROM events e JOIN cases c ON c.id = e.entity_id"
        " WHERE e.kind = 'case.accepted' AND c.case_no = ?",
        [case_nos[0]],
    )[0]
    con = sqlite3.connect(db)
    with con:
        # The payload and the actor, as a tamperer with the file (and no hall key) edits them.
        con.execute(
            "UPDATE events SET actor = 'admin', payload = replace(payload, ?, ?) WHERE id = ?",
            ("clerk1", "admin", event_id),
        )
    con.close()

    verify = run_cli("audit", "verify", home=home)
    assert verify.returncode == 1, show(verify)
    assert verify.stdout == "" and "留痕链已被破坏" not in verify.stderr  # entries untouched
    assert "事件记录被改动" in verify.stderr and event_id in verify.stderr
    assert "校验码不符" in verify.stderr

    rebuilt = run_cli("rebuild", home=home)
    assert rebuilt.returncode == 1, show(rebuilt)
    assert "1 条事件校验码不符" in rebuilt.stderr and event_id in rebuilt.stderr
    assert query(db, "SELECT count(*) FROM cases WHERE id = ?", [case_id]) == [(0,)]
    assert query(db, "SELECT case_no FROM cases") == [(case_nos[1],)]


def test_a_rebuild_reports_how_far_its_replay_is(tmp_path: Path, monkeypatch) -> None:
    """A large hall's rebuild takes minutes: it reports events replayed of all, batch by batch,
    and the command line draws it like a sync (SyncProgress with the phase 'rebuild')."""
    import io

    from hall_desk.services.home import Home
    from hall_desk.services.integrity import rebuild_projections
    from hall_desk.services.progress_output import ProgressOutput
    from hall_desk.services.workstation import Workstation
    from hall_desk.store import projections
    from hall_desk.sync.command import sync_steps
    from hall_desk.sync.run import SyncProgress, phase_progress

    home = tmp_path / "home"
    _home_with_cases(home)
    events = query(db_of(home), "SELECT count(*) FROM events")[0][0]
    monkeypatch.setattr(projections, "REBUILD_BATCH", 3)
    seen: list[tuple[int, int]] = []
    admin = Actor("admin", "张建国", Role.ADMIN)
    with Workstation(Home(home)) as ws:
        rebuilt = rebuild_projections(ws, admin, lambda done, total: seen.append((done, total)))
    assert rebuilt.events == events > 5
    assert seen[0] == (0, events) and seen[-1] == (events, events)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert (3, events) in seen and (6, events) in seen

    out = io.StringIO()
    shown = ProgressOutput(out, terminal=True)
    report = phase_progress(sync_steps(shown), "rebuild")
    report(0, events)
    report(events, events)
    shown.close()
    assert f"重放事件 {events:,}/{events:,} 条" in out.getvalue()
    assert SyncProgress("rebuild", 10, 40, seconds=1.0).text.startswith("重放事件 10/40 条")
