"""Backups and restores of the local database, each checked before it is kept or used."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from hall_desk.domain.clock import SYSTEM_CLOCK, WallClock
from hall_desk.domain.errors import StorageError, ValidationError
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services.home import Home, check_output_path
from hall_desk.services.workstation import RESTORE_PENDING, Workstation
from hall_desk.store import audit
from hall_desk.store.db import is_writable, read_only_message, storage_failure
from hall_desk.store.files import OWNER_ONLY, create_private
from hall_desk.store.keys import HallKey
from hall_desk.store.migrate import head_revision, is_known_revision


def backup(ws: Workstation, actor: Actor, out: Path) -> int:
    """Copies the live database (readers and writers may go on) and verifies the copy.

    A backup holds the whole hall's records: it is the admin's to take."""
    actor.require(Permission.MANAGE_SETTINGS)
    ws.require_writable()  # the backup is audited: refused before any file is made
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
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise _copy_failure(exc, out) from exc
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


def _copy_failure(exc: sqlite3.Error, out: Path) -> StorageError:
    """SQLite's own words for a failed copy, made plain: the usual cause is the disk."""
    return storage_failure(exc, out) or StorageError(f"备份未完成（{exc}）：未留下任何文件")


# --- restore ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupFacts:
    """What a checked backup file says about itself."""

    workstation: str
    hall: str
    revision: str | None
    synced: bool  # it knew a shared database


@dataclass(frozen=True)
class RestoreResult:
    workstation: str  # the backup's code, now this home's
    kept_aside: Path | None  # the database the restore replaced (None: there was none)
    reclaim_pending: bool  # the next sync takes back what this workstation pushed after it


def check_backup(path: Path, key: HallKey) -> BackupFacts:
    """Refuses, in words, a file that is not a whole backup of this hall for this program."""
    if not path.is_file():
        raise ValidationError("file", f"备份文件 {path} 不存在")
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ValidationError("file", f"无法打开备份文件 {path}：{exc}") from exc
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise ValidationError("file", f"备份文件 {path} 已损坏（完整性校验：{result}）")
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        # An older program's backup may predate sync: it then knew no shared database.
        synced = "sync_peers" in tables and bool(
            conn.execute("SELECT count(*) FROM sync_peers").fetchone()[0]
        )
    except sqlite3.DatabaseError as exc:
        raise ValidationError("file", f"{path} 不是有效的 hall-desk 备份文件（{exc}）") from exc
    finally:
        conn.close()
    if meta.get("hall_key_fingerprint") != key.fingerprint:
        raise ValidationError(
            "file",
            f"备份文件 {path} 来自另一个大厅（大厅密钥不同），不能恢复到本工作站："
            "请使用本大厅的备份，或用该备份所属大厅的密钥文件"
            " hall-desk init --hall-key 新建目录后恢复",
        )
    if "workstation" not in meta:
        raise ValidationError("file", f"{path} 不是有效的 hall-desk 备份文件（缺少工作站编码）")
    version = revision[0] if revision else None
    if not is_known_revision(version):
        raise ValidationError(
            "file",
            f"备份文件由更新版本的 hall-desk 创建（结构版本 {version}），本程序无法恢复："
            "请先升级本程序",
        )
    return BackupFacts(meta["workstation"], meta.get("hall", ""), version, bool(synced))


def restore(
    target: Workstation | Home, actor: Actor, file: Path, *, wall: WallClock | None = None
) -> RestoreResult:
    """Puts a backup in place of this home's database; the current one is kept aside.

    An open workstation passed in is closed (its database is replaced under it): reopen the
    home afterwards. The restored workstation numbers nothing new until a sync has taken back
    its own events pushed after the backup, so no event sequence or case number is used twice."""
    actor.require(Permission.MANAGE_SETTINGS)
    file = file.expanduser()
    if isinstance(target, Workstation):
        home, key, clock = target.home, target.key, wall or target.wall
    else:
        home, key, clock = target, HallKey.read(target.key_path), wall or SYSTEM_CLOCK
    config = home.load_config()
    if not is_writable(home.db_path):
        raise StorageError(read_only_message(home.db_path))
    if file.absolute() == home.db_path.absolute():
        raise ValidationError("file", "不能把本机正在使用的数据库当作备份恢复")
    facts = check_backup(file, key)
    reclaim = facts.synced or bool(config.shared_url.strip())
    part = home.db_path.with_name(home.db_path.name + ".restore.part")
    part.unlink(missing_ok=True)  # a killed earlier restore's leftover
    create_private(part).close()
    try:
        src = sqlite3.connect(f"{file.absolute().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(part)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                if reclaim:
                    dst.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                        (RESTORE_PENDING, clock.now().isoformat(timespec="seconds")),
                    )
                dst.commit()
            finally:
                dst.close()
        finally:
            src.close()
        with open(part, "rb") as fh:
            os.fsync(fh.fileno())
        # The restore anchors the backup's chain afresh: a chain edited in the file must not be
        # blessed by it. (A backup of an older schema is checked after its migration, by verify.)
        problem = _chain_problem(part, key) if facts.revision == head_revision() else ""
        if problem:
            raise ValidationError(
                "file", f"备份文件 {file} 中的留痕记录已被改动（{problem}），不予恢复"
            )
        if isinstance(target, Workstation):
            # Whoever still holds it must not number anything on the replaced database's
            # memory. Closing writes its last anchors: one that cannot be written stops the
            # restore here, with nothing replaced yet.
            target.restore_pending = True
            target.close()
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    suffix, n = f".before-restore-{stamp}", 1
    while Path(str(home.db_path) + suffix).exists():  # two restores within one second
        n += 1
        suffix = f".before-restore-{stamp}-{n}"
    kept = _keep_aside(home, suffix)
    os.replace(part, home.db_path)
    if facts.workstation != config.workstation:
        # The events in the backup carry its code as their origin: that is who this machine is.
        config.workstation = facts.workstation
        home.save_config(config)
    with Workstation(home, clock) as ws, ws.transaction(actor) as tx:
        tx.audit(
            "backup.restore",
            str(file),
            {
                "kept_aside": kept.name if kept else "",
                "workstation": facts.workstation,
                "reclaim_pending": reclaim,
            },
        )
    return RestoreResult(facts.workstation, kept, reclaim)


def _chain_problem(path: Path, key: HallKey) -> str:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as session:
            report = audit.verify(session, key.audit_key, opener=key.decrypt)
    finally:
        engine.dispose()
    return "" if report.ok else report.problem


def _keep_aside(home: Home, suffix: str) -> Path | None:
    """Renames the current database (with its WAL) and anchor aside, owner-only.

    The restored chain is shorter than the current anchor, which only ever moves forward: the
    old anchor goes aside with the database it described, and the restore writes a new one."""
    kept: Path | None = None
    db = home.db_path
    for name in ("", "-wal", "-shm", "-journal"):
        current = Path(str(db) + name)
        if current.exists():
            aside = Path(str(db) + suffix + name)
            os.replace(current, aside)
            os.chmod(aside, OWNER_ONLY)
            if not name:
                kept = aside
    anchor = home.audit_anchor_path
    if anchor.exists():
        aside = anchor.with_name(anchor.name + suffix)
        os.replace(anchor, aside)
        os.chmod(aside, OWNER_ONLY)
    return kept
