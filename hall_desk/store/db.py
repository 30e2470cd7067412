"""Opening the local SQLite database safely: pragmas, BEGIN IMMEDIATE writes, migrations."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PureWindowsPath

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from hall_desk.domain.errors import StorageError
from hall_desk.store.checkpoints import FRAME_BYTES, WAL_AUTOCHECKPOINT_PAGES, Checkpointer
from hall_desk.store.files import create_private

BUSY_TIMEOUT_MS = 10_000
JOURNAL_SIZE_LIMIT_BYTES = 512 * FRAME_BYTES  # ~2 MB, half the background's soft cap
# A bulk write (a pulled batch, `write(bulk=True)`) keeps this much of the file in memory (KiB):
# a batch of 2,000 events touches several MB of index pages, which SQLite's default 2 MB cache
# reads again and again and spills into the WAL before the commit. Given back when it ends.
BULK_CACHE_KIB = 64 * 1024
log = logging.getLogger("hall_desk.store")
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


def _sqlite_engine(path: Path, *, immediate: bool, read_only: str = "") -> Engine:
    """`read_only`: "" (read and write), "ro" (SQLite's read-only mode) or "immutable" (a file
    nobody can change, on a read-only disk: SQLite then needs no -shm file beside it)."""
    if read_only:
        flags = "mode=ro" + ("&immutable=1" if read_only == "immutable" else "")
        engine = create_engine(f"sqlite:///file:{path.absolute()}?{flags}&uri=true", future=True)
    else:
        engine = create_engine(f"sqlite:///{path}", future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not the driver, decide when transactions begin (pysqlite recipe).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not read_only:
            cur.execute("PRAGMA journal_mode=WAL")
            # FULL, not NORMAL: in WAL mode NORMAL syncs the log only at checkpoints, so a power
            # cut could take back intakes the clerk was told were saved (the file stays sound,
            # the last commits are gone). FULL syncs the log at every commit: what committed is
            # on the disk before the commit returns. One fsync of an appended file per commit.
            cur.execute("PRAGMA synchronous=FULL")
            # Checkpoints run in the background (store/checkpoints.py); this bound is its net.
            cur.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
            # When the log starts over after a burst, its file is trimmed back to this.
            cur.execute(f"PRAGMA journal_size_limit={JOURNAL_SIZE_LIMIT_BYTES}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # Writers take the lock up front, so two writers never deadlock on upgrade.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def is_writable(path: Path) -> bool:
    """Whether this process may change the file and create files beside it (the -wal, -shm).

    access(2) answers for the disk too: a read-only mount refuses even the superuser."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def read_only_message(path: Path) -> str:
    return (
        f"本机数据目录 {path.parent} 为只读（磁盘以只读方式挂载，或当前用户没有写权限）："
        "本操作需要写入数据或留痕，未作任何改动。查看类的命令（如 hall-desk audit verify、"
        "calendar due、sync --status）仍可使用；要继续办理业务，请管理员恢复该目录的写权限"
    )


def full_disk_message(path: Path) -> str:
    return (
        f"磁盘空间已满（{path.parent}）：正在写入的这一步未保存（已撤销），数据库完好。"
        "请清理磁盘空间后重试"
    )


def storage_failure(exc: BaseException, path: Path) -> StorageError | None:
    """A Chinese StorageError for a full or read-only disk met by SQLite, else None."""
    detail = str(getattr(exc, "orig", None) or exc).lower()
    if "disk is full" in detail or "no space" in detail:
        return StorageError(full_disk_message(path))
    if "readonly" in detail or "read-only" in detail:
        return StorageError(read_only_message(path))
    return None


# SQLite's shared-memory index (-shm) takes 32 KiB at open: with less free, nothing opens.
_NEEDED_TO_OPEN = 64 * 1024


def disk_full_failure(path: Path) -> StorageError | None:
    """The full-disk StorageError when the disk holding `path` has (almost) no room left."""
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return None
    return StorageError(full_disk_message(path)) if free < _NEEDED_TO_OPEN else None


@contextmanager
def _relaxed(conn: Connection) -> Iterator[None]:
    """A bulk write's settings on `conn` for the block: commits that do not wait for the disk and
    a larger page cache, then FULL and the cache as they were. Set outside any transaction
    (SQLite refuses a safety level changed inside one), on the driver's connection, before
    SQLAlchemy begins (BEGIN IMMEDIATE)."""
    raw = conn.connection.dbapi_connection
    assert raw is not None
    (cache_kib,) = raw.execute("PRAGMA cache_size").fetchone()
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute(f"PRAGMA cache_size={int(cache_kib)}")


class Database:
    """The local database: a writer engine (BEGIN IMMEDIATE) and a reader engine (BEGIN).

    On a home this process cannot write (`read_only`), both engines only read, and `write()`
    refuses in words before anything is attempted."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        refuse_network_path(path)
        self.path = path
        self.read_only = read_only
        if read_only:
            mode = self._read_only_mode(path)
            self.write_engine = self.read_engine = _sqlite_engine(
                path, immediate=False, read_only=mode
            )
        else:
            if not path.exists() and path.parent.is_dir():
                # SQLite gives its -wal and -shm files the database file's mode: owner-only too.
                create_private(path).close()
            self.write_engine = _sqlite_engine(path, immediate=True)
            self.read_engine = _sqlite_engine(path, immediate=False)
        self._writer = sessionmaker(self.write_engine, expire_on_commit=False)
        # Inside `bulk_writes`: the thread that holds a writer connection for the run, and it.
        self._bulk_run: tuple[int, Connection] | None = None
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)
        self.checkpointer = Checkpointer(path)
        if not read_only:
            # Every commit through the writer engine (services, migrations, sync) tells the
            # background checkpoint, which starts with the second (store/checkpoints.py).
            event.listen(self.write_engine, "commit", self._committed)

    def _committed(self, _conn: object) -> None:
        self.checkpointer.committed()

    @staticmethod
    def _read_only_mode(path: Path) -> str:
        """SQLite reads a WAL database read-only when its -shm file can be used; on a read-only
        disk without one the file is opened as immutable, which is exact only when nothing is
        waiting in the -wal file (a clean close leaves none)."""
        wal = Path(f"{path}-wal")
        shm = Path(f"{path}-shm")
        if shm.exists() and os.access(shm, os.W_OK):
            return "ro"
        if wal.exists() and wal.stat().st_size > 0:
            raise StorageError(
                f"本机数据目录 {path.parent} 为只读，且数据库还有未合并的日志（{wal.name}）："
                "只读时无法可靠读取，请管理员恢复该目录的写权限后再打开"
            )
        return "immutable"

    @contextmanager
    def write(self, *, bulk: bool = False) -> Iterator[Session]:
        """One atomic unit: commits at the end of the block, rolls back on any exception.

        `bulk`: a transaction whose content can be fetched again (a pulled batch, with the
        cursor past it): it commits without waiting for the disk (synchronous=NORMAL) and with
        a larger page cache. In WAL mode that is still atomic and never corrupts: a power cut
        may only lose the last such commits whole, and a pull then starts again from the cursor
        they would have moved. Any later ordinary commit (FULL) makes them durable too, since
        the WAL is synced up to its end.

        A full or read-only disk is a StorageError in words (the transaction rolled back)."""
        if self.read_only:
            raise StorageError(read_only_message(self.path))
        run = self._bulk_run
        try:
            if run is not None and run[0] == threading.get_ident():
                with self._writer(bind=run[1]) as session, session.begin():
                    yield session
            elif not bulk:
                with self._writer() as session, session.begin():
                    yield session
            else:
                with self._bulk_writer() as session:
                    yield session
        except OperationalError as exc:
            failure = storage_failure(exc, self.path)
            if failure is None:
                raise
            raise failure from exc

    @contextmanager
    def _bulk_writer(self) -> Iterator[Session]:
        with (
            self.write_engine.connect() as conn,
            _relaxed(conn),
            self._writer(bind=conn) as session,
            session.begin(),
        ):
            yield session

    @contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """A run of write transactions whose content can be made again from its inputs (demo
        data, the bench home): each `write()` of this thread in the block commits as a bulk
        write does, and all of them on one connection held for the run, so the larger page
        cache stays filled from one transaction to the next (a bulk write's own connection
        gives it back at every commit). Writes of other threads are ordinary ones.

        A power cut during the run may take back its last transactions whole, never part of
        one; the first ordinary commit or checkpoint after it makes all of them durable."""
        if self.read_only:
            raise StorageError(read_only_message(self.path))
        if self._bulk_run is not None:
            raise RuntimeError("bulk writes do not nest")
        with self.write_engine.connect() as conn, _relaxed(conn):
            self._bulk_run = (threading.get_ident(), conn)
            try:
                yield
            finally:
                self._bulk_run = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    def close(self) -> None:
        self.checkpointer.stop()
        self.write_engine.dispose()
        self.read_engine.dispose()

    def integrity_check(self) -> str:
        with self.read_engine.connect() as conn:
            return str(conn.execute(text("PRAGMA integrity_check")).scalar())
