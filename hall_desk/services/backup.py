"""Backups: SQLite's online backup of the local database, checked before it is kept."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from hall_desk.domain.errors import StorageError
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services.home import check_output_path
from hall_desk.services.workstation import Workstation
from hall_desk.store.files import create_private


def backup(ws: Workstation, actor: Actor, out: Path) -> int:
    """Copies the live database (readers and writers may go on) and verifies the copy.

    A backup holds the whole hall's records: it is the admin's to take."""
    actor.require(Permission.MANAGE_SETTINGS)
    out = out.expanduser()
    check_output_path(out)
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)  # a killed earlier backup's leftover
    create_private(tmp).close()
    src = sqlite3.connect(ws.home.db_path)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            result = dst.execute("PRAGMA integrity_check").fetchone()[0]
            # The copy stands alone: no WAL file travels with it.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    if result != "ok":
        tmp.unlink(missing_ok=True)
        raise StorageError(f"备份校验失败：{result}")
    os.replace(tmp, out)
    with ws.transaction(actor) as tx:
        tx.audit("backup.create", str(out), {"bytes": out.stat().st_size})
    return out.stat().st_size
