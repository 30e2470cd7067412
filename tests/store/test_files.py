"""Everything the program writes is its owner's alone: the home, database, WAL, backups, exports."""

from __future__ import annotations

import stat

import pytest

from hall_desk.reports.daily import write_daily_summary
from hall_desk.reports.ledgers import export
from hall_desk.services import intake
from hall_desk.services.backup import backup
from hall_desk.store.files import create_private
from tests.conftest import TODAY
from tests.services.helpers import draft_for

FOOD = "011050007001"


def mode(path) -> int:  # type: ignore[no-untyped-def]
    return stat.S_IMODE(path.stat().st_mode)


def test_home_database_and_everything_written_are_owner_only(ws, admin, clerk, tmp_path):
    intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    home = ws.home.path
    assert mode(home) == 0o700
    for name in ("local.sqlite3", "local.sqlite3-wal", "local.sqlite3-shm", "config.json"):
        assert mode(home / name) == 0o600, name
    assert mode(ws.home.key_path) == 0o600

    out = tmp_path / "out"
    out.mkdir()
    backup(ws, admin, out / "backup.sqlite3")
    export(ws, admin, "cases", TODAY, TODAY, out / "cases.xlsx", unmask=True)
    write_daily_summary(ws, admin, TODAY, out / "daily.pdf")
    for name in ("backup.sqlite3", "cases.xlsx", "daily.pdf"):
        assert mode(out / name) == 0o600, name
    assert not list(out.glob("*.part"))


def test_a_private_file_never_replaces_one(tmp_path):
    existing = tmp_path / "ledger.xlsx"
    existing.write_bytes(b"kept")
    with pytest.raises(FileExistsError):
        create_private(existing)
    assert existing.read_bytes() == b"kept"


def test_a_killed_backups_leftover_is_cleaned(ws, admin, tmp_path):
    (tmp_path / "b.sqlite3.part").write_bytes(b"half a backup")
    backup(ws, admin, tmp_path / "b.sqlite3")
    assert not (tmp_path / "b.sqlite3.part").exists()
    assert mode(tmp_path / "b.sqlite3") == 0o600


def test_backups_and_the_hall_key_are_the_admins(ws, admin, clerk, tmp_path):
    tmp_path = tmp_path / "usb"
    tmp_path.mkdir()
    from hall_desk.domain.errors import PermissionDenied
    from hall_desk.services.integrity import verify_audit
    from hall_desk.services.setup import export_hall_key

    before = verify_audit(ws).entries
    with pytest.raises(PermissionDenied):
        backup(ws, clerk, tmp_path / "b.sqlite3")
    with pytest.raises(PermissionDenied):
        export_hall_key(ws, clerk, tmp_path / "hall.key")
    assert list(tmp_path.iterdir()) == [] and verify_audit(ws).entries == before
    export_hall_key(ws, admin, tmp_path / "hall.key")
    assert mode(tmp_path / "hall.key") == 0o600
    with ws.reading() as s:
        from sqlalchemy import select

        from hall_desk.store.models import AuditEntry

        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert (last.action, last.actor) == ("hall_key.export", "admin")
