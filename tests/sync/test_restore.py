"""Restoring a backup: nothing the workstation pushed after the backup is lost, no case number or
event sequence is used twice, and push carries on; a backup also restores onto a new machine."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hall_desk.cli import main
from hall_desk.domain.errors import PermissionDenied, StorageError, ValidationError
from hall_desk.domain.roles import Actor, Role
from hall_desk.services.backup import backup, restore
from hall_desk.services.home import Home
from hall_desk.services.integrity import verify_audit
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import AuditEntry, CaseRow, Event
from tests.sync.conftest import Hall
from tests.sync.helpers import bulk_cases, clerk, sync

ADMIN = Actor("admin", "张建国", Role.ADMIN)


def case_numbers(ws: Workstation) -> set[str]:
    with ws.reading() as s:
        return set(s.scalars(select(CaseRow.case_no)))


def own_max_seq(ws: Workstation) -> int:
    with ws.reading() as s:
        return int(s.scalar(select(func.max(Event.seq)).where(Event.origin == ws.code)) or 0)


def test_restore_takes_back_later_work_and_push_continues(
    hall: Hall, shared_url: str, tmp_path: Path
) -> None:
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    bulk_cases(w1, 3, start=0)
    sync(w1, shared_url)
    saved = tmp_path / "w1.backup.sqlite3"
    backup(w1, ADMIN, saved)
    bulk_cases(w1, 3, start=10)  # after the backup: only the shared database keeps these
    sync(w1, shared_url)
    before = case_numbers(w1)
    seq_before = own_max_seq(w1)
    assert len(before) == 6

    result = restore(w1, ADMIN, saved)
    assert result.workstation == "W1"
    assert result.kept_aside is not None and result.kept_aside.exists()
    assert stat.S_IMODE(os.stat(result.kept_aside).st_mode) == 0o600
    w1 = hall.ws("W1")
    assert len(case_numbers(w1)) == 3
    seq_restored = own_max_seq(w1)
    # Until the workstation has taken its own later work back, it must not number anything new.
    with pytest.raises(StorageError, match="同步"):
        bulk_cases(w1, 1, start=20)

    report = sync(w1, shared_url)
    assert report.reclaimed == seq_before - seq_restored > 0
    assert case_numbers(w1) == before  # nothing lost
    assert own_max_seq(w1) == seq_before
    bulk_cases(w1, 1, start=20)
    (new_no,) = case_numbers(w1) - before
    assert new_no not in before
    assert new_no.endswith("-0007")
    sync(w1, shared_url)  # push continues: no "已停止推送"
    sync(w2, shared_url)
    assert new_no in case_numbers(w2)
    assert before <= case_numbers(w2)
    # The restored chain was re-anchored and the restore itself is on it.
    assert verify_audit(w1).ok
    with w1.reading() as s:
        actions = list(s.scalars(select(AuditEntry.action)))
    assert "backup.restore" in actions


def test_restore_refusals_change_nothing(hall: Hall, tmp_path: Path) -> None:
    w1 = hall.ws("W1")
    garbage = tmp_path / "not-a-backup.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ValidationError, match="不是有效的"):
        restore(w1, ADMIN, garbage)
    with pytest.raises(ValidationError, match="不存在"):
        restore(w1, ADMIN, tmp_path / "missing.sqlite3")
    saved = tmp_path / "w1.sqlite3"
    backup(w1, ADMIN, saved)
    with pytest.raises(PermissionDenied):
        restore(w1, clerk(w1), saved)
    other = hall.ws("X1")
    with pytest.raises(ValidationError, match="大厅密钥不同"):
        restore(other, ADMIN, saved)
    edited = tmp_path / "edited.sqlite3"
    backup(w1, ADMIN, edited)
    with sqlite3.connect(edited) as conn:
        conn.execute("UPDATE audit_log SET actor = 'someone' WHERE seq = 2")
    conn.close()
    with pytest.raises(ValidationError, match="留痕记录已被改动"):
        restore(w1, ADMIN, edited)
    assert not list(w1.home.path.glob("*.restore.part"))
    # Each refusal left the workstation open and untouched.
    bulk_cases(w1, 1, start=0)
    assert verify_audit(w1).ok


def test_backup_restores_onto_a_new_machine(
    hall: Hall, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    w1 = hall.ws("W1")
    bulk_cases(w1, 2, start=0)
    numbers = case_numbers(w1)
    saved = tmp_path / "w1.sqlite3"
    backup(w1, ADMIN, saved)
    w1.close()
    key = hall.templates["W1"].parent / "hall.key"
    new = tmp_path / "new-machine"
    assert main(["--home", str(new), "init", "--hall", "大厅", "--workstation", "W9",
                 "--hall-key", str(key)]) == 0  # fmt: skip
    assert main(["--home", str(new), "restore", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "W1" in out
    restored = Workstation(Home(new))
    try:
        assert restored.code == "W1"  # the backup's workstation code wins
        assert case_numbers(restored) == numbers
        assert verify_audit(restored).ok
    finally:
        restored.close()

    stranger = tmp_path / "other-hall"
    assert main(["--home", str(stranger), "init", "--hall", "别的大厅", "--workstation", "W1"]) == 0
    capsys.readouterr()
    assert main(["--home", str(stranger), "restore", str(saved)]) == 1
    err = capsys.readouterr().err
    assert "大厅密钥不同" in err
    assert "Traceback" not in err


def test_a_shared_database_rebuilt_from_scratch_gets_a_retired_workstations_work(
    hall: Hall, shared_url: str, tmp_path: Path
) -> None:
    from contextlib import nullcontext

    from tests.sync.conftest import fresh_pg_database
    from tests.sync.helpers import converge, first_syncs, own_events, shared_events_set

    w1, w2, w3 = hall.ws("W1"), hall.ws("W2"), hall.ws("W3")
    first_syncs(shared_url, w1, w2, w3)
    bulk_cases(w3, 2, start=40)
    bulk_cases(w1, 1, start=50)
    converge([w1, w2, w3], shared_url)
    retired = own_events(w3)
    w3.close()  # W3 is retired: nobody will ever push its events again
    everything = shared_events_set(shared_url)
    rebuilt_pg = fresh_pg_database() if "://" in shared_url else nullcontext(None)
    with rebuilt_pg as pg:
        rebuilt = pg or str(tmp_path / "rebuilt.sqlite3")
        report = sync(w1, rebuilt)
        assert report.reset_reason
        assert report.repushed == len(retired) + len(own_events(w2))
        report = sync(w2, rebuilt)
        assert report.repushed == 0  # already there: sent again, changed nothing
        assert {e for e in shared_events_set(rebuilt) if e[1] == "W3"} == retired
        assert shared_events_set(rebuilt) == everything


def test_two_restores_keep_both_databases_aside(hall: Hall, tmp_path: Path) -> None:
    from datetime import datetime

    from hall_desk.domain.clock import SettableClock

    w1 = hall.ws("W1")
    saved = tmp_path / "w1.sqlite3"
    backup(w1, ADMIN, saved)
    w1.close()
    home = Home(hall.home("W1"))
    wall = SettableClock(datetime(2026, 12, 2, 9, 30))
    first = restore(home, ADMIN, saved, wall=wall)
    second = restore(home, ADMIN, saved, wall=wall)
    assert first.kept_aside != second.kept_aside
    assert first.kept_aside is not None and first.kept_aside.exists()
    assert second.kept_aside is not None and second.kept_aside.exists()
    assert "20261202-093000" in first.kept_aside.name
