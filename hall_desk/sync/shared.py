"""The hall's shared database: where it is, its schema (created and migrated here), its identity.

Two backends hold the same three tables (meta, events, anchors): PostgreSQL in production
(psycopg 3), and a SQLite file on the same machine for single-machine halls, demos and tests.

Ordering of shared events (how a pull cursor never skips a late commit): every pusher takes
one transaction-level advisory lock (PostgreSQL) or the database write lock (SQLite,
BEGIN IMMEDIATE) before it writes, and assigns `position = max(position) + 1, …` inside that
lock. The lock is released only after the commit is visible, so positions become visible in
increasing order: whatever snapshot a reader takes, the committed positions form a gap-free
prefix of the order, and a reader that has seen position p can never later find a new row
below p. We chose this over reading below `pg_snapshot_xmin` (xid8) because it is the same
rule on both backends, the cursor is a plain number, and pushes are short nightly batches that
lose nothing by taking turns. The max() is read in a statement that runs after the lock is
granted; under READ COMMITTED that statement sees the previous pusher's commit. The unique
position key is the safety net if any of this were ever broken.

A deleted row (a hole in an origin's seq) is put back by whichever workstation holds the event
(`sync/gaps.py`) through the same locked insert: it gets a new position, above every cursor, so
a puller that passed the hole gets the event on its next pull — nothing is lost for good by a
cursor having moved on.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url

from hall_desk.domain.errors import ValidationError
from hall_desk.store.db import Database, refuse_network_path
from hall_desk.store.eventlog import MAC_FIELDS
from hall_desk.sync.errors import SyncError
from hall_desk.sync.live_check import check_on_checkout

SCHEMA_VERSION = 4
MAC_VERSION = 2  # the version that gave events their MAC column
ANCHOR_VERSION = 3  # the version that keeps each workstation's audit anchor here too
QUEUE_VERSION = 4  # the version that holds the live queue (取号/叫号, store/shared_queue.py)
# pg_advisory_xact_lock(int4, int4): a key space of our own, then one key per purpose.
LOCK_SPACE = 0x48445359  # "HDSY"
SCHEMA_LOCK = 1
PUSH_LOCK = 2
ANCHOR_LOCK = 3  # publishing an anchor never waits behind a push (PostgreSQL)
CONNECT_TIMEOUT_S = 10

metadata = MetaData()

shared_meta = Table(
    "hall_sync_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

shared_events = Table(
    "hall_sync_events",
    metadata,
    # Assigned by the pusher inside the lock; the pull cursor is a position.
    Column("position", BigInteger, primary_key=True, autoincrement=False),
    Column("id", String(36), nullable=False, unique=True),
    Column("origin", String(16), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("hlc", String(20), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("entity_type", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("payload", Text, nullable=False),  # as written locally: personal data as ciphertext
    # The event's MAC under the hall's event key (version 2): this database stores events but
    # cannot make or change one; every puller checks it.
    Column("mac", String(64), nullable=False, server_default=""),
    UniqueConstraint("origin", "seq", name="uq_hall_sync_events_origin_seq"),
)

# Each workstation's audit anchor (store/audit.py), as it stood at its last sync: the length and
# head of its audit chain and its newest acknowledged own event, under a MAC of the hall's
# audit key that names the workstation. A local chain or event log found shorter than what it
# already published here was cut (or swapped for an old copy behind the restore command's back).
shared_anchors = Table(
    "hall_sync_anchors",
    metadata,
    Column("workstation", String(16), primary_key=True),
    Column("audit_seq", BigInteger, nullable=False),
    Column("audit_hash", String(64), nullable=False),
    Column("event_seq", BigInteger, nullable=False),
    Column("event_id", String(36), nullable=False),
    Column("mac", String(64), nullable=False),
    Column("published_at", String(32), nullable=False),
    # When a restore from backup last made the workstation start its anchor over ("" never).
    Column("reestablished_at", String(32), nullable=False, server_default=""),
)

EVENT_COLUMNS = (*MAC_FIELDS, "mac")
# What the sync's reads of the events table select by: a cursor's position, an origin's seqs,
# an id (refresh_statistics).
_ANALYSED = ("position", "origin", "seq", "id")  # the fields the MAC covers, then the MAC
_COPY_SQL = "COPY hall_sync_events (position, " + ", ".join(EVENT_COLUMNS) + ") FROM STDIN"
# A pusher's reads under the lock, straight to psycopg (SharedDatabase.push_state).
_MARKS_SQL = "SELECT key, value FROM hall_sync_meta WHERE key = ANY(%s)"
_HELD_SQL = "SELECT seq, id FROM hall_sync_events WHERE origin = %s AND seq BETWEEN %s AND %s"
_TOP_SQL = "SELECT coalesce(max(position), 0) FROM hall_sync_events"


# --- where ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Location:
    """A shared database address: what to connect to, and what to show (never a password)."""

    url: str  # SQLAlchemy URL
    display: str
    path: Path | None = None  # the SQLite file, for the SQLite backend
    given: str = ""  # the PostgreSQL address in the form people write it

    @property
    def is_postgres(self) -> bool:
        return self.path is None

    @property
    def config_value(self) -> str:
        """What the home config remembers: the postgresql:// address, or the file path."""
        return str(self.path) if self.path is not None else self.given


def parse_location(raw: str) -> Location:
    """A PostgreSQL URL (postgresql://…, postgres://…) or the path of a SQLite file here."""
    value = raw.strip()
    if not value:
        raise ValidationError(
            "shared", "请填写共享数据库地址（PostgreSQL 地址或本机 SQLite 文件路径）"
        )
    lower = value.lower()
    if lower.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        try:
            url = make_url(value.replace("postgres://", "postgresql://", 1))
        except (sa_exc.ArgumentError, ValueError) as exc:
            raise ValidationError("shared", f"共享数据库地址格式错误：{exc}") from exc
        url = url.set(drivername="postgresql+psycopg")
        if not url.database:
            raise ValidationError(
                "shared", "PostgreSQL 地址缺少数据库名，例如 postgresql://用户@服务器:5432/hall"
            )
        return Location(
            url=url.render_as_string(hide_password=False),
            display=url.render_as_string(hide_password=True),
            given=url.set(drivername="postgresql").render_as_string(hide_password=False),
        )
    if lower.startswith("sqlite:///"):
        value = value[len("sqlite:///") :]
    elif "://" in value:
        raise ValidationError(
            "shared",
            f"不支持的共享数据库地址「{value.split('://')[0]}://…」："
            f"请使用 postgresql://… 或本机上的 SQLite 文件路径",
        )
    refuse_network_path(value)  # before touching the path: UNC paths are refused as text
    path = Path(value).expanduser().absolute()
    refuse_network_path(path)
    return Location(url=f"sqlite:///{path}", display=str(path), path=path)


@dataclass(frozen=True)
class PushState:
    """What a pusher finds under the writer lock (SharedDatabase.push_state)."""

    identity: str | None
    there: dict[int, str]  # seq → event id, of the seqs being pushed that are there already
    top: int  # the highest position
    marks: dict[str, str]  # the meta values asked for (the scrub's and the seal's marks), if set


# --- who -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SharedInfo:
    identity: str  # random, made when the shared database was created
    hall_fingerprint: str
    hall: str
    schema_version: int
    created_at: str


def _read_meta(conn: Connection) -> dict[str, str] | None:
    if not inspect(conn).has_table(shared_meta.name):
        return None
    return {k: v for k, v in conn.execute(select(shared_meta.c.key, shared_meta.c.value))}


def _info(meta: dict[str, str]) -> SharedInfo:
    try:
        return SharedInfo(
            identity=meta["identity"],
            hall_fingerprint=meta["hall_fingerprint"],
            hall=meta.get("hall", ""),
            schema_version=int(meta["schema_version"]),
            created_at=meta.get("created_at", ""),
        )
    except (KeyError, ValueError) as exc:
        raise SyncError(
            f"共享数据库的标识信息不完整（缺少 {exc}）：它可能不是 hall-desk 的共享库，已拒绝同步"
        ) from exc


# Versioned DDL: step n brings a shared database from version n-1 to n. A newer database than
# SCHEMA_VERSION is refused (an older program must not write into a schema it does not know).
def _create_v1(conn: Connection) -> None:
    # Creates the current tables (a new database has every column already; later steps skip
    # what is there).
    metadata.create_all(conn)


def _add_event_mac(conn: Connection) -> None:
    columns = {c["name"] for c in inspect(conn).get_columns(shared_events.name)}
    if "mac" not in columns:
        conn.execute(
            text("ALTER TABLE hall_sync_events ADD COLUMN mac VARCHAR(64) NOT NULL DEFAULT ''")
        )


def _add_anchors(conn: Connection) -> None:
    shared_anchors.create(conn, checkfirst=True)


def _add_queue(conn: Connection) -> None:
    # Imported here: the queue's tables load SQLAlchemy's PostgreSQL dialect, which the window's
    # sync status (this module) does not otherwise need (store/shared_queue.py).
    from hall_desk.store.shared_queue import shared_queue_metadata

    shared_queue_metadata.create_all(conn)  # checkfirst: a table already there is kept


_STEPS = {1: _create_v1, 2: _add_event_mac, 3: _add_anchors, 4: _add_queue}


class SharedDatabase:
    """One connection target for one sync run; `close()` releases every connection."""

    def __init__(
        self,
        location: Location,
        application: str = "hall-desk",
        passfile: Path | None = None,
        *,
        connect_timeout_s: int = CONNECT_TIMEOUT_S,
        live: bool = False,
    ) -> None:
        self.location = location
        self._engine: Engine | None = None
        self._db: Database | None = None
        self._connected = False  # a failure before the first success is "cannot connect"
        self._background: list[threading.Thread] = []  # refresh_statistics; close() joins
        if location.path is not None:
            if not location.path.parent.is_dir():
                raise SyncError(f"共享数据库所在目录不存在：{location.path.parent}")
            # The local database's recipe fits: WAL on one host, FULL sync, BEGIN IMMEDIATE.
            self._db = Database(location.path)
        else:
            self._connect_args: dict[str, Any] = {
                "connect_timeout": connect_timeout_s,
                "application_name": application[:60],
                # The password is not in the address: libpq reads it from the home's file.
                **({"passfile": str(passfile)} if passfile is not None else {}),
            }
            self._engine = create_engine(
                location.url,
                # One for the sync's own steps, one for the pull's read-ahead, one for the
                # statistics refresh that runs beside them (refresh_statistics).
                pool_size=1,
                max_overflow=2,
                # No column here is an hstore: the dialect need not look the type up (three
                # statements at the first connection, which every sync makes anew).
                use_native_hstore=False,
                connect_args=self._connect_args,
            )
            if live:
                # A window's queue connection lives all day: a server restart must not leave
                # it a dead connection (the next action reconnects instead of failing once),
                # checked without a round trip on every call (live_check.py).
                check_on_checkout(self._engine)

    @property
    def is_postgres(self) -> bool:
        return self._engine is not None

    def close(self) -> None:
        while self._background:
            self._background.pop().join()
        if self._engine is not None:
            self._engine.dispose()
        if self._db is not None:
            self._db.close()

    # -- transactions ---------------------------------------------------------------------
    @contextmanager
    def _failures_explained(self) -> Iterator[None]:
        try:
            yield
        except sa_exc.SQLAlchemyError as exc:
            raise SyncError(
                describe_failure(exc, self.location, connecting=not self._connected)
            ) from exc
        self._connected = True

    @contextmanager
    def writing(self, lock: int = PUSH_LOCK) -> Iterator[Connection]:
        """A write transaction that holds the hall-wide writer lock until it ends."""
        with self._failures_explained(), self._writing(lock) as conn:
            yield conn

    @contextmanager
    def live(self) -> Iterator[Connection]:
        """A transaction of the live queue (services/queue.py): no hall-wide lock (the queue
        locks its own rows); on SQLite, BEGIN IMMEDIATE. Errors are the driver's: the queue
        service names them."""
        if self._engine is not None:
            with self._engine.begin() as conn:
                yield conn
        else:
            assert self._db is not None
            with self._db.write_engine.begin() as conn:
                yield conn

    @contextmanager
    def live_statement(self) -> Iterator[Connection]:
        """One statement of the live queue that the server commits as it ends (autocommit on
        PostgreSQL): a row lock it takes is not held while the client sends COMMIT, which a
        busy machine may be slow to do. On SQLite the same transaction as live()."""
        if self._engine is not None:
            with self._engine.connect() as conn:
                yield conn.execution_options(isolation_level="AUTOCOMMIT")
        else:
            with self.live() as conn:
                yield conn

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read transaction on one snapshot (several statements see the same rows)."""
        with self._failures_explained(), self._reading() as conn:
            yield conn

    @contextmanager
    def _writing(self, lock: int) -> Iterator[Connection]:
        if self._engine is not None:
            with self._engine.begin() as conn:
                conn.execute(
                    text("SELECT pg_advisory_xact_lock(:space, :key)"),
                    {"space": LOCK_SPACE, "key": lock},
                )
                yield conn
        else:
            assert self._db is not None
            with self._db.write_engine.begin() as conn:  # BEGIN IMMEDIATE: the write lock
                yield conn

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        if self._engine is not None:
            with self._engine.connect() as conn:
                conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
                with conn.begin():
                    yield conn
        else:
            assert self._db is not None
            with self._db.read_engine.begin() as conn:  # WAL: one snapshot from the first read
                yield conn

    # -- schema and identity --------------------------------------------------------------
    def prepare(
        self,
        hall_fingerprint: str,
        hall: str,
        now: datetime,
        vouch: Callable[[Connection], object] | None = None,
    ) -> SharedInfo:
        """Create or migrate the schema if needed; refuse a newer schema or another hall's.

        `vouch` runs, under the schema lock, when this call brings the events up to version 2:
        it gives MACs to the rows written before events had them (see `push.vouch_unsealed`).
        """
        with self.reading() as conn:
            meta = _read_meta(conn)
        if meta is None or int(meta.get("schema_version", "0") or 0) < SCHEMA_VERSION:
            with self.writing(SCHEMA_LOCK) as conn:
                meta = _read_meta(conn)  # again, under the lock: another workstation may be here
                if meta is None:
                    if inspect(conn).has_table(shared_events.name):
                        raise SyncError("共享数据库结构不完整（缺少标识表）：请联系管理员检查")
                    _STEPS[1](conn)
                    rows = {
                        "schema_version": "1",
                        "identity": str(uuid.uuid4()),
                        "hall_fingerprint": hall_fingerprint,
                        "hall": hall,
                        "created_at": now.isoformat(timespec="seconds"),
                    }
                    conn.execute(
                        shared_meta.insert(), [{"key": k, "value": v} for k, v in rows.items()]
                    )
                    meta = rows
                info = _info(meta)
                self._check(info, hall_fingerprint)
                for version in range(info.schema_version + 1, SCHEMA_VERSION + 1):
                    _STEPS[version](conn)
                    if version == MAC_VERSION and vouch is not None:
                        vouch(conn)
                    conn.execute(
                        shared_meta.update()
                        .where(shared_meta.c.key == "schema_version")
                        .values(value=str(version))
                    )
                meta = _read_meta(conn) or {}
        info = _info(meta)
        self._check(info, hall_fingerprint)
        return info

    def _check(self, info: SharedInfo, hall_fingerprint: str) -> None:
        if info.schema_version > SCHEMA_VERSION:
            raise SyncError(
                f"共享数据库由更新版本的 hall-desk 创建（共享库结构版本 {info.schema_version}，"
                f"本程序支持到 {SCHEMA_VERSION}）：请先升级本工作站的程序。共享库未作任何修改。"
            )
        if info.hall_fingerprint != hall_fingerprint:
            other = f"「{info.hall}」" if info.hall else ""
            raise SyncError(
                f"共享数据库 {self.location.display} 属于另一个大厅{other}（大厅密钥指纹不符）："
                f"已拒绝同步，两边数据均未改动。请确认共享库地址，或使用本大厅的密钥文件。"
            )

    def server_ms(self, conn: Connection | None = None) -> int | None:
        """The database server's clock (PostgreSQL), the hall's reference; None for SQLite,
        whose "server" is this machine's own clock. In `conn`'s transaction when given."""
        if self._engine is None:
            return None
        if conn is not None:
            return int(conn.scalar(text("SELECT (extract(epoch FROM clock_timestamp()) * 1000)")))
        with self.reading() as own:
            return self.server_ms(own)

    # -- events ---------------------------------------------------------------------------
    def max_position(self, conn: Connection) -> int:
        return int(conn.scalar(select(func.coalesce(func.max(shared_events.c.position), 0))))

    def refresh_statistics(self) -> None:
        """ANALYZE the events table, after a push big enough to outdate the planner's row
        counts: until autovacuum gets to it, PostgreSQL takes a cursor's `position > n` for a
        third of the table and scans it whole, so the next empty sync costs as much as a full
        read. Outside any lock (it only reads a sample); a role that may not ANALYZE leaves it
        to autovacuum. SQLite's planner needs no statistics for these ranged reads.

        Only the columns the sync's reads select by are analysed (the row count comes with any
        of them): the payloads' statistics, which no query uses, were four fifths of the cost.

        It runs on a connection and a thread of its own, beside the rest of the sync (the
        pull, the anchor): the server works on it while this workstation does its own part,
        and `close()` waits for it, so a sync never ends before the statistics are in. The
        connection is made by that thread, outside the pool: the sync's own connection stays
        there for the pull, which would otherwise wait to connect anew."""
        if self._engine is None:
            return
        dialect, url, extra = self._engine.dialect, self._engine.url, self._connect_args

        def analyse() -> None:
            try:
                args, params = dialect.create_connect_args(url)
                raw = dialect.connect(*args, **{**params, **extra})
                try:
                    raw.autocommit = True
                    raw.execute(f"ANALYZE {shared_events.name} ({', '.join(_ANALYSED)})")
                finally:
                    raw.close()
            except dialect.loaded_dbapi.Error:
                pass

        worker = threading.Thread(target=analyse, name="shared statistics", daemon=True)
        self._background.append(worker)
        worker.start()

    def push_state(
        self, conn: Connection, origin: str, first: int, last: int, marks: Sequence[str] = ()
    ) -> PushState:
        """What a pusher reads inside `writing()`, once the lock is granted: the database's
        identity and the meta values named in `marks`, which of `origin`'s seqs first…last it
        holds (seq → event id), and the top position. On PostgreSQL the three statements go in
        one round trip (a pipeline): each still runs after the lock statement, under READ
        COMMITTED on a snapshot of its own, so the top is the previous pusher's committed one."""
        keys = ["identity", *marks]
        if self._engine is None:
            t = shared_events.c
            there = conn.execute(
                select(t.seq, t.id).where(t.origin == origin, t.seq.between(first, last))
            ).all()
            meta = conn.execute(
                select(shared_meta.c.key, shared_meta.c.value).where(shared_meta.c.key.in_(keys))
            ).all()
            values = {str(k): str(v) for k, v in meta}
            return PushState(
                values.pop("identity", None),
                dict(there),  # type: ignore[arg-type]
                self.max_position(conn),
                values,
            )
        raw = conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as meta, raw.cursor() as held, raw.cursor() as top:
            with raw.pipeline():
                meta.execute(_MARKS_SQL, (keys,))
                held.execute(_HELD_SQL, (origin, first, last))
                top.execute(_TOP_SQL)
            values = dict(meta.fetchall())
            return PushState(
                values.pop("identity", None),
                dict(held.fetchall()),
                int(top.fetchone()[0]),  # type: ignore[index]
                values,
            )

    def set_meta(self, conn: Connection, values: dict[str, str]) -> None:
        """Meta values written (inserted or replaced) in one statement, inside `writing()`."""
        if not values:
            return
        rows = ", ".join(f"(:k{n}, :v{n})" for n in range(len(values)))
        params: dict[str, str] = {}
        for n, (key, value) in enumerate(values.items()):
            params[f"k{n}"], params[f"v{n}"] = key, value
        conn.execute(
            text(
                f"INSERT INTO {shared_meta.name} (key, value) VALUES {rows}"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            ),
            params,
        )

    def insert_events(
        self, conn: Connection, rows: Iterable[Sequence[Any]], *, after: int | None = None
    ) -> None:
        """Rows of (position, *EVENT_COLUMNS), inside `writing()`; with `after`, rows of
        (*EVENT_COLUMNS) that take the positions after it, in their order."""
        numbered: Iterable[Sequence[Any]] = (
            rows if after is None else ((after + i, *r) for i, r in enumerate(rows, start=1))
        )
        if self._engine is not None:
            # COPY is the fastest way in; the rows were de-duplicated under the lock already.
            # The numbered tuples live only while COPY writes them: nothing the size of a batch
            # is built beside the rows (a garbage collector's full pass grows with it).
            raw = conn.connection.driver_connection
            assert raw is not None
            with raw.cursor() as cur, cur.copy(_COPY_SQL) as copy:
                for row in numbered:
                    copy.write_row(row)
        else:
            names = ("position", *EVENT_COLUMNS)
            values = [dict(zip(names, r, strict=True)) for r in numbered]
            if values:
                conn.execute(shared_events.insert(), values)


def driver_detail(exc: BaseException) -> str:
    """The first line of what the database driver said (no SQL, no parameters)."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    return text.splitlines()[0] if text else type(orig).__name__


def describe_failure(exc: BaseException, location: Location, *, connecting: bool) -> str:
    """A Chinese reason for a database error, with the driver's own words for the admin."""
    detail = driver_detail(exc)
    if isinstance(exc, sa_exc.OperationalError):
        if "locked" in detail.lower():
            return (
                f"共享数据库文件 {location.display} 正被其他工作站长时间占用："
                f"请稍后再同步（{detail}）"
            )
        if connecting:
            return f"无法连接共享数据库 {location.display}：{detail}"
        return (
            f"与共享数据库 {location.display} 的连接中断：{detail}；未确认的部分下次同步会重新发送"
        )
    if isinstance(exc, sa_exc.IntegrityError):
        return f"共享数据库拒绝写入（数据冲突）：{detail}"
    return f"共享数据库出错（{location.display}）：{detail}"
