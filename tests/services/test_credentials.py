"""The shared database's password never lands in config.json, a log or the audit trail."""

from __future__ import annotations

import json
import stat

import pytest
from sqlalchemy.engine import make_url

from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services.credentials import passfile
from hall_desk.services.settings import update_settings
from hall_desk.sync.command import run_sync_command
from tests.sync.conftest import fresh_pg_database

SECRET = "s3cr:et\\pw"


def home_text(ws) -> str:  # type: ignore[no-untyped-def]
    """Every byte the home holds outside the password file, as text."""
    return b"".join(
        p.read_bytes()
        for p in ws.home.path.rglob("*")
        if p.is_file() and p.name != passfile(ws.home).name
    ).decode("utf-8", "replace")


def test_settings_keep_the_password_in_the_owner_only_password_file(ws, admin):
    update_settings(ws, admin, shared_url="postgresql://hall:s3cr%3Aet%5Cpw@db.example:5433/hall")
    saved = json.loads(ws.home.config_path.read_text(encoding="utf-8"))
    assert saved["shared_url"] == "postgresql://hall@db.example:5433/hall"
    assert ws.config.shared_url == saved["shared_url"]
    pgpass = passfile(ws.home)
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
    # libpq's format: host:port:database:user:password, with ':' and '\' escaped.
    assert pgpass.read_text(encoding="utf-8") == "db.example:5433:hall:hall:s3cr\\:et\\\\pw\n"
    assert "s3cr" not in home_text(ws)

    # A new password for the same server replaces the old line; another server adds one.
    update_settings(ws, admin, shared_url="postgresql://hall:new@db.example:5433/hall")
    update_settings(ws, admin, shared_url="postgresql://hall:other@10.1.1.1/hall")
    assert pgpass.read_text(encoding="utf-8").splitlines() == [
        "10.1.1.1:5432:hall:hall:other",
        "db.example:5433:hall:hall:new",
    ]


def test_sync_command_remembers_the_address_without_its_password(ws, capsys):
    with fresh_pg_database() as url:
        with_password = make_url(url).set(password=SECRET).render_as_string(hide_password=False)
        assert run_sync_command(ws, SYSTEM_ACTOR, shared=with_password, status_only=False) == 0
        out, err = capsys.readouterr()
        saved = json.loads(ws.home.config_path.read_text(encoding="utf-8"))["shared_url"]
        assert make_url(saved).password is None and make_url(saved).database
        assert "s3cr" not in out + err and "s3cr" not in home_text(ws)
        assert "s3cr\\:et" in passfile(ws.home).read_text(encoding="utf-8")
        # The next run connects with the remembered address and the password file.
        assert run_sync_command(ws, SYSTEM_ACTOR, shared=None, status_only=False) == 0


def test_a_workstations_own_database_is_never_the_shared_one(ws, admin, tmp_path, capsys):
    from hall_desk.domain.errors import ValidationError

    own = str(ws.home.db_path)
    with pytest.raises(ValidationError, match="工作站自己的本地数据库") as refused:
        update_settings(ws, admin, shared_url=own)
    assert refused.value.field == "shared_url"
    assert run_sync_command(ws, SYSTEM_ACTOR, shared=own, status_only=False) == 1
    assert "工作站自己的本地数据库" in capsys.readouterr().err
    assert json.loads(ws.home.config_path.read_text(encoding="utf-8"))["shared_url"] == ""


def test_only_the_admin_chooses_where_the_hall_syncs(ws, admin, clerk, tmp_path):
    from hall_desk.domain.errors import PermissionDenied
    from hall_desk.sync.run import sync_once

    elsewhere = tmp_path / "usb" / "copy.sqlite3"
    elsewhere.parent.mkdir()
    with pytest.raises(PermissionDenied):
        sync_once(ws, clerk, shared_url=str(elsewhere))
    assert not elsewhere.exists()
    # The configured target is anyone's to sync with.
    update_settings(ws, admin, shared_url=str(tmp_path / "hall-shared.sqlite3"))
    assert sync_once(ws, clerk).pushed > 0
