"""Each workstation's audit anchor is also kept in the shared database, where the local machine
cannot roll it back: a local chain or event log shorter than what it published is reported; a
restore made with the restore command starts the shared copy over instead."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from hall_desk.cli import main
from hall_desk.domain.roles import Actor, Role
from hall_desk.services.backup import backup, restore
from hall_desk.services.workstation import Workstation
from hall_desk.store import audit
from hall_desk.store.models import AuditEntry, Event
from hall_desk.sync import sync_status
from hall_desk.sync.shared import (
    SCHEMA_VERSION,
    SharedDatabase,
    parse_location,
    shared_anchors,
    shared_meta,
)
from tests.sync.conftest import Hall
from tests.sync.helpers import bulk_cases, sync

ADMIN = Actor("admin", "张建国", Role.ADMIN)


def _published(url: str, code: str):  # type: ignore[no-untyped-def]
    shared = SharedDatabase(parse_location(url))
    try:
        with shared.reading() as conn:
            return conn.execute(
                select(shared_anchors).where(shared_anchors.c.workstation == code)
            ).first()
    finally:
        shared.close()


def _chain_length(ws: Workstation) -> int:
    with ws.reading() as s:
        return int(s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1)))


def _own_top(ws: Workstation) -> tuple[int, str]:
    with ws.reading() as s:
        row = s.execute(
            select(Event.seq, Event.id)
            .where(Event.origin == ws.code)
            .order_by(Event.seq.desc())
            .limit(1)
        ).one()
    return int(row.seq), row.id


def _configure(ws: Workstation, url: str) -> None:
    """As `hall-desk sync --shared URL` leaves it: the address remembered for audit verify."""
    ws.config.shared_url = parse_location(url).config_value
    ws.home.save_config(ws.config)


def _audit_verify(home: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--home", str(home), "audit", "verify"])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_each_sync_publishes_the_anchor_and_it_holds(hall: Hall, shared_url: str, capsys) -> None:
    w1 = hall.ws("W1")
    bulk_cases(w1, 2, start=0)
    report = sync(w1, shared_url)
    row = _published(shared_url, "W1")
    assert row is not None and report.notices == ()
    assert row.audit_seq == _chain_length(w1)
    assert (row.event_seq, row.event_id) == _own_top(w1)
    anchor = audit.Anchor(row.audit_seq, row.audit_hash, row.event_seq, row.event_id)
    assert audit.anchor_ok(w1.key.audit_key, anchor, row.mac, owner="W1")
    assert not audit.anchor_ok(w1.key.audit_key, anchor, row.mac, owner="W2")
    bulk_cases(w1, 1, start=5)
    sync(w1, shared_url)
    assert _published(shared_url, "W1").event_seq == _own_top(w1)[0]  # moved forward

    _configure(w1, shared_url)
    code, out, err = _audit_verify(w1.home.path, capsys)
    assert code == 0 and err == "" and "与共享数据库中的留痕锚点核对一致" in out


def test_an_old_copy_put_back_behind_the_restore_command_is_reported(
    hall: Hall, shared_url: str, tmp_path: Path, capsys
) -> None:
    """The database and its anchor file copied back together: the local anchor agrees with the
    old chain, only the shared copy remembers that more was there."""
    w1 = hall.ws("W1")
    bulk_cases(w1, 2, start=0)
    sync(w1, shared_url)
    w1.close()
    old = tmp_path / "old-home"
    shutil.copytree(w1.home.path, old)
    w1 = hall.ws("W1")
    bulk_cases(w1, 2, start=10)
    sync(w1, shared_url)
    published = _published(shared_url, "W1")
    w1.close()
    for name in ("local.sqlite3", "audit.anchor"):
        shutil.copy2(old / name, w1.home.path / name)
    for leftover in ("local.sqlite3-wal", "local.sqlite3-shm"):
        (w1.home.path / leftover).unlink(missing_ok=True)
        if (old / leftover).exists():
            shutil.copy2(old / leftover, w1.home.path / leftover)
    w1 = hall.ws("W1")
    _configure(w1, shared_url)

    code, out, err = _audit_verify(w1.home.path, capsys)
    assert code == 1 and out == ""
    assert "与共享数据库中的留痕锚点不符" in err
    assert f"共享库记载至少 {published.audit_seq} 条，本机现仅有" in err
    assert f"共享库记载至少到第 {published.event_seq} 号" in err
    assert "hall-desk restore" in err
    assert "留痕链已被破坏" not in err and "事件记录被改动" not in err  # locally all agrees

    report = sync(w1, shared_url)
    (notice,) = report.notices
    assert "本机留痕记录比本工作站上次同步时存入共享数据库的少" in notice
    assert _published(shared_url, "W1") == published  # never moved back
    status = sync_status(w1)
    assert status.level == "warning" and any("存入共享数据库的少" in x for x in status.lines())


def test_a_forged_shared_anchor_is_reported(hall: Hall, shared_url: str) -> None:
    w1 = hall.ws("W1")
    bulk_cases(w1, 1, start=0)
    sync(w1, shared_url)
    shared = SharedDatabase(parse_location(shared_url))
    try:
        with shared.writing() as conn:
            conn.execute(shared_anchors.update().values(audit_seq=1))
    finally:
        shared.close()
    (notice,) = sync(w1, shared_url).notices
    assert "留痕锚点校验码不符" in notice


def test_after_a_restore_the_shared_anchor_starts_over(
    hall: Hall, shared_url: str, tmp_path: Path, capsys
) -> None:
    w1 = hall.ws("W1")
    bulk_cases(w1, 2, start=0)
    sync(w1, shared_url)
    saved = tmp_path / "w1.backup.sqlite3"
    backup(w1, ADMIN, saved)
    bulk_cases(w1, 2, start=10)
    sync(w1, shared_url)
    before = _published(shared_url, "W1")
    _configure(w1, shared_url)
    restore(w1, ADMIN, saved)
    w1 = hall.ws("W1")
    assert _chain_length(w1) < before.audit_seq  # the restored chain is shorter

    code, out, err = _audit_verify(w1.home.path, capsys)
    assert code == 0 and "刚从备份恢复" in out and err == ""

    report = sync(w1, shared_url)
    assert report.reclaimed > 0 and report.notices == ()
    after = _published(shared_url, "W1")
    assert after.reestablished_at and after.event_seq == _own_top(w1)[0] == before.event_seq
    with w1.reading() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "sync.anchor_reestablished")
        ).one()
    assert f'"superseded_audit_seq": {before.audit_seq}' in entry.detail
    code, out, err = _audit_verify(w1.home.path, capsys)
    assert code == 0 and err == "" and "与共享数据库中的留痕锚点核对一致" in out
    # Not reported on any later sync either, and it moves forward again.
    bulk_cases(w1, 1, start=20)
    assert sync(w1, shared_url).notices == ()
    assert _published(shared_url, "W1").event_seq == _own_top(w1)[0]


def test_a_shared_database_of_schema_2_gains_the_anchor_table(hall: Hall, shared_url: str) -> None:
    w1 = hall.ws("W1")
    bulk_cases(w1, 1, start=0)
    sync(w1, shared_url)
    shared = SharedDatabase(parse_location(shared_url))
    try:
        with shared.writing() as conn:  # as the program before anchors left it
            conn.execute(text("DROP TABLE hall_sync_anchors"))
            conn.execute(
                shared_meta.update().where(shared_meta.c.key == "schema_version").values(value="2")
            )
    finally:
        shared.close()
    assert sync(w1, shared_url).notices == ()
    assert _published(shared_url, "W1") is not None
    shared = SharedDatabase(parse_location(shared_url))
    try:
        with shared.reading() as conn:
            version = conn.scalar(
                select(shared_meta.c.value).where(shared_meta.c.key == "schema_version")
            )
    finally:
        shared.close()
    assert version == str(SCHEMA_VERSION) == "4"  # 3 the anchors, 4 the queue
