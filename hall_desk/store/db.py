"""Opening the local SQLite database safely: pragmas, BEGIN IMMEDIATE writes, migrations."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PureWindowsPath

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from hall_desk.domain.errors import StorageError
from hall_desk.store.files import create_private

BUSY_TIMEOUT_MS = 10_000
MOUNTS_FILE = Path("/proc/mounts")
NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smbfs",
    "smb3",
    "ncpfs",
    "afs",
    "9p",
    "fuse.sshfs",
    "davfs",
    "fuse.davfs2",
    "glusterfs",
    "ceph",
}


def _network_mount_type(path: Path) -> str | None:
    """The filesystem type if `path` lies on a network mount (Linux), else None."""
    try:
        mounts = MOUNTS_FILE.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    target = str(path.resolve())
    best: tuple[int, str] | None = None
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), parts[2])
    if best and best[1] in NETWORK_FILESYSTEMS:
        return best[1]
    return None


def _windows_drive_is_remote(path: str) -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    drive = PureWindowsPath(path).drive
    if not drive:
        return False
    drive_remote = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)


def refuse_network_path(path: str | os.PathLike[str]) -> None:
    """SQLite's WAL needs shared memory on one host: a database on a network share corrupts."""
    text_path = os.fspath(path)
    if text_path.startswith(("\\\\", "//")):
        raise StorageError(
            f"数据库不能放在网络共享路径上（{text_path}）：SQLite 在网络文件系统上加锁不可靠，"
            f"会损坏数据。请使用本机磁盘上的路径，或使用 PostgreSQL 共享库。"
        )
    if _windows_drive_is_remote(text_path):
        raise StorageError(
            f"数据库不能放在映射的网络驱动器上（{text_path}）：SQLite 在网络文件系统上加锁不可靠。"
            f"请使用本机磁盘，或使用 PostgreSQL 共享库。"
        )
    fs = _network_mount_type(Path(text_path).parent)
    if fs:
        raise StorageError(
            f"数据库所在目录位于网络文件系统（{fs}）上：SQLite 在网络文件系统上加锁不可靠。"
            f"请使用本机磁盘，或使用 PostgreSQL 共享库。"
        )


def _sqlite_engine(path: Path, *, immediate: bool) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not the driver, decide when transactions begin (pysqlite recipe).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # Writers take the lock up front, so two writers never deadlock on upgrade.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Database:
    """The local database: a writer engine (BEGIN IMMEDIATE) and a reader engine (BEGIN)."""

    def __init__(self, path: Path) -> None:
        refuse_network_path(path)
        self.path = path
        if not path.exists() and path.parent.is_dir():
            # SQLite gives its -wal and -shm files the database file's mode: owner-only too.
            create_private(path).close()
        self.write_engine = _sqlite_engine(path, immediate=True)
        self.read_engine = _sqlite_engine(path, immediate=False)
        self._writer = sessionmaker(self.write_engine, expire_on_commit=False)
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One atomic unit: commits at the end of the block, rolls back on any exception."""
        with self._writer() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    def close(self) -> None:
        self.write_engine.dispose()
        self.read_engine.dispose()

    def integrity_check(self) -> str:
        with self.read_engine.connect() as conn:
            return str(conn.execute(text("PRAGMA integrity_check")).scalar())
