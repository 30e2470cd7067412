"""Intake on a disk that fills up: the case that does not fit is refused in words, nothing of
it is kept, everything before it stays, and intake works again once there is room."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hall_desk.domain.errors import StorageError
from hall_desk.services import intake
from hall_desk.services.integrity import verify_audit, verify_events
from hall_desk.services.workstation import Workstation
from tests.conftest import make_home
from tests.disk import fill, tmpfs
from tests.sync.helpers import DAY, FOOD, applicant, clerk, draft


def _counts(db: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(db)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("cases", "events", "audit_log")
        )
    finally:
        conn.close()


def test_intake_on_a_disk_that_fills_up(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "8m") as disk:
        ws: Workstation = make_home(disk / "home")
        try:
            filler = fill(disk, leave=160 * 1024)
            accepted = 0
            with pytest.raises(StorageError) as refused:
                for n in range(2000):
                    intake.accept(ws, clerk(ws), draft(ws, [FOOD], applicant(n)), on=DAY)
                    accepted += 1
            assert "磁盘空间已满" in refused.value.message and "数据库完好" in refused.value.message
            assert accepted > 0
            db = ws.home.db_path
            cases, events, entries = _counts(db)
            # The refused case left nothing: no row, no event, no audit entry of its own.
            assert cases == accepted
            filler.unlink()
            conn = sqlite3.connect(db)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            finally:
                conn.close()
            assert verify_audit(ws).ok and verify_events(ws).ok
            # With room again, the same intake goes through on the same open workstation.
            result = intake.accept(ws, clerk(ws), draft(ws, [FOOD], applicant(accepted)), on=DAY)
            assert result.case_no
            assert _counts(db)[0] == accepted + 1 and _counts(db)[1] > events
            assert _counts(db)[2] > entries
        finally:
            ws.close()
