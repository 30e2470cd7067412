"""The shared database's password: kept where PostgreSQL's own clients keep it, never in config.

The address in config.json (and in every log and audit entry) carries no password; the password
goes to a libpq password file in the home, owner-only, which the connection is pointed at.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from hall_desk.services.home import Home
from hall_desk.store.files import create_private

PASSFILE_NAME = "pgpass.conf"
POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def passfile(home: Home) -> Path:
    return home.path / PASSFILE_NAME


def _escape(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def without_password(url: str, home: Home) -> str:
    """The address to remember; a password in it moves to the home's password file."""
    if not url.strip().lower().startswith(POSTGRES_SCHEMES):
        return url
    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        return url  # the caller's own check reports the malformed address
    if not parsed.password:
        return url
    entry = ":".join(
        _escape(str(part))
        for part in (
            parsed.host or "localhost",
            parsed.port or 5432,
            parsed.database or "*",
            parsed.username or "*",
            parsed.password,
        )
    )
    _store(passfile(home), entry)
    # URL.set() reads None as "leave as is"; the URL is a named tuple, so replace the field.
    return parsed._replace(password=None).render_as_string(hide_password=False)


def _store(path: Path, entry: str) -> None:
    """One line per host:port:database:user; a new password for the same target replaces it."""
    target = entry.rsplit(":", 1)[0] + ":"
    lines: list[str] = []
    if path.exists():
        lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith(target)
        ]
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    with create_private(tmp) as fh:
        fh.write(("\n".join([entry, *lines]) + "\n").encode("utf-8"))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
