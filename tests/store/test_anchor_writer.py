"""The audit anchor written in the background: it coalesces, never moves back, reads the file
again when someone else wrote it, keeps a failure for the next flush, and a kill between a
commit and its anchor leaves a home that opens and verifies clean."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from hall_desk.domain.errors import StorageError
from hall_desk.services import intake
from hall_desk.services.home import Home
from hall_desk.services.integrity import verify_audit, verify_events
from hall_desk.services.workstation import Workstation
from hall_desk.store import audit, faults
from hall_desk.store.anchor_writer import AnchorWriter
from tests.conftest import TODAY, make_home
from tests.services.helpers import draft_for
from tests.store.crash_child import taking_intakes
from tests.sync.helpers import clerk as clerk_of

KEY = b"k" * 32
FOOD = "011050007001"


def _anchor(seq: int, event_seq: int) -> audit.Anchor:
    return audit.Anchor(seq, f"{seq:064x}", event_seq, f"event-{event_seq}")


def _writer_threads(path: Path) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == f"audit anchor {path}"]


def _sql(db: Path, query: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute(query).fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def paused(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The writer held before its first write until the returned file exists."""
    resume = tmp_path / "resume"
    monkeypatch.setenv(faults.PAUSE_ENV, "anchor.before_write")
    monkeypatch.setenv(faults.RESUME_ENV, str(resume))
    faults.reset()
    yield resume
    faults.reset()


def test_anchors_waiting_behind_a_write_become_one(tmp_path, paused, capsys):
    path = tmp_path / "audit.anchor"
    writer = AnchorWriter(path, KEY)
    try:
        writer.submit(_anchor(1, 1))
        for _ in range(500):  # until the writer holds the first anchor at the pause
            if faults.MARK in capsys.readouterr().out:
                break
            time.sleep(0.01)
        else:
            pytest.fail("the writer never reached its write")
        writer.submit(_anchor(2, 2))
        writer.submit(_anchor(3, 2))
        writer.submit(_anchor(2, 3))  # chain behind, events ahead: each half moves alone
        paused.touch()
        writer.flush()
        assert writer.writes == 2  # the first, then the three waiting as one
        assert audit.read_anchor(path, KEY) == audit.Anchor(3, f"{3:064x}", 3, "event-3")
    finally:
        writer.close()
    assert _writer_threads(path) == []


def test_a_file_another_program_wrote_is_read_again_and_never_moved_back(tmp_path):
    path = tmp_path / "audit.anchor"
    mine, other = AnchorWriter(path, KEY), AnchorWriter(path, KEY)
    try:
        mine.submit(_anchor(5, 3))
        mine.flush()
        other.submit(_anchor(7, 4))  # another program on the same home committed later
        other.flush()
        # What `mine` remembers (5, 3) is no longer the file: trusting it would move the
        # chain's half back from 7 to 6.
        mine.submit(_anchor(6, 5))
        mine.flush()
        assert audit.read_anchor(path, KEY) == audit.Anchor(7, f"{7:064x}", 5, "event-5")
        # Its own file unchanged since, it need not read it: the next write still merges.
        mine.submit(_anchor(8, 4))
        mine.flush()
        assert audit.read_anchor(path, KEY) == audit.Anchor(8, f"{8:064x}", 5, "event-5")
        assert (path.stat().st_mode & 0o777) == 0o600
    finally:
        mine.close()
        other.close()


def test_a_failed_write_is_logged_and_raised_by_the_next_flush_and_close(tmp_path, caplog):
    path = tmp_path / "gone" / "audit.anchor"  # its folder is missing: every write fails
    writer = AnchorWriter(path, KEY)
    with caplog.at_level(logging.ERROR, logger="hall_desk.store.anchor_writer"):
        writer.submit(_anchor(1, 1))
        with pytest.raises(StorageError, match=r"留痕锚点文件.*未能写入") as failed:
            writer.flush()
    assert isinstance(failed.value.__cause__, OSError)
    assert "audit anchor not written" in caplog.text
    writer.flush()  # raised once: the admin has been told
    writer.submit(_anchor(2, 2))
    with pytest.raises(StorageError, match="未能写入"):
        writer.close()
    assert _writer_threads(path) == [] and not path.exists()


def test_truncating_the_chain_is_found_after_a_background_anchor(ws, clerk):
    for _ in range(4):
        intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    assert verify_audit(ws).ok  # flushes the writer first
    assert ws.anchors.writes >= 4
    entries = _sql(ws.home.db_path, "SELECT count(*) FROM audit_log")
    anchor = audit.read_anchor(ws.home.audit_anchor_path, ws.key.audit_key)
    assert isinstance(anchor, audit.Anchor) and anchor.seq == entries
    con = sqlite3.connect(ws.home.db_path)
    with con:
        con.execute("DELETE FROM audit_log WHERE seq > ?", (entries - 2,))
    con.close()
    report = verify_audit(ws)
    assert not report.ok
    assert f"应至少有 {entries} 条，现仅有 {entries - 2} 条" in report.problem


def test_a_kill_between_commit_and_anchor_leaves_a_home_that_verifies(tmp_path):
    make_home(tmp_path / "home").close()
    db = tmp_path / "home" / "local.sqlite3"
    before = _sql(db, "SELECT count(*) FROM audit_log")
    seen = ""
    with taking_intakes(tmp_path / "home", **{faults.PAUSE_ENV: "anchor.before_write"}) as line:
        # The writer holds at its first anchor; the clerk's intakes go on committing.
        while not (faults.MARK in seen and seen.count("SAVED ") >= 2):
            got = line()
            assert got, f"the child stopped: {seen!r}"
            seen += got
    entries = _sql(db, "SELECT count(*) FROM audit_log")
    assert entries >= before + 2
    reopened = Workstation(Home(tmp_path / "home"))
    try:
        anchor = reopened.read_anchor()
        assert isinstance(anchor, audit.Anchor) and anchor.seq == before  # left behind
        assert verify_audit(reopened).ok and verify_events(reopened).ok
        # The next commit moves it on to the whole chain.
        intake.accept(reopened, clerk_of(reopened), draft_for(reopened, [FOOD]), on=TODAY)
        anchor = reopened.read_anchor()
        assert isinstance(anchor, audit.Anchor)
        assert anchor.seq == _sql(db, "SELECT max(seq) FROM audit_log") > entries
        own = _sql(db, f"SELECT max(seq) FROM events WHERE origin = '{reopened.code}'")
        assert anchor.event_seq == own
    finally:
        reopened.close()
    assert _writer_threads(reopened.home.audit_anchor_path) == []
