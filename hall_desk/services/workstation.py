"""The running workstation: its home, key, database, clock, and the one-transaction rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from hall_desk.domain.calendar import DayOverride, WorkingCalendar
from hall_desk.domain.catalog import ServiceItem
from hall_desk.domain.clock import SYSTEM_CLOCK, HybridClock, WallClock
from hall_desk.domain.errors import StorageError
from hall_desk.domain.roles import Actor
from hall_desk.services.clock_skew import startup_notice
from hall_desk.services.home import Home, HomeConfig
from hall_desk.store import audit, eventlog
from hall_desk.store.anchor_writer import AnchorWriter
from hall_desk.store.base import KEPT_TABLES
from hall_desk.store.caches import Cache
from hall_desk.store.db import (
    Database,
    disk_full_failure,
    is_writable,
    read_only_message,
    storage_failure,
)
from hall_desk.store.deferred_indexes import make_again_if_set_aside
from hall_desk.store.keys import HallKey
from hall_desk.store.migrate import OpeningProgram, current_revision, head_revision, upgrade
from hall_desk.store.models import (
    CalendarOverrideRow,
    CalendarYearRow,
    HallSettingRow,
    Meta,
)

# Set in meta by a restore: until a sync has taken back this workstation's own events pushed after
# the backup, a new event would reuse a sequence number (and a case number) the hall has seen.
RESTORE_PENDING = "restore_pending"
# How far a clock may be ahead of real time: the bound of this workstation's own hybrid clock,
# and how far ahead of it a peer's timestamp may be before its event is held (sync/validate.py).
DEFAULT_CLOCK_MARGIN = timedelta(minutes=10)
CLOCK_MARGIN_KEY = "sync_clock_margin_minutes"  # in HomeConfig.extra


def clock_margin_of(config: HomeConfig) -> timedelta:
    raw = config.extra.get(CLOCK_MARGIN_KEY)
    if isinstance(raw, int | float) and not isinstance(raw, bool) and raw > 0:
        return timedelta(minutes=float(raw))
    return DEFAULT_CLOCK_MARGIN


def _is_projection_row(obj: object) -> bool:
    # By the table's name: the list of projections (store/tables.py) maps every table, which a
    # transaction that emits nothing (a login) would otherwise pay for at its first row.
    table = getattr(obj, "__tablename__", None)
    return table is not None and table not in KEPT_TABLES


class Tx:
    """One service call's transaction: events, their projections and the audit entry together."""

    def __init__(self, ws: Workstation, session: Session, actor: Actor) -> None:
        self.ws = ws
        self.session = session
        self.actor = actor
        self._seq: int | None = None
        self.events: list[eventlog.AppendedEvent] = []
        self.audited = False
        # What this transaction has written, so no step reads it back from the database (the
        # write lock is held until commit: nobody else moves either): the audit chain's head
        # once read or extended here, each record's newest event stamp, the newest own event.
        self._chain: audit.Anchor | None = None
        self._tips: eventlog.Tips = {}
        self._own: tuple[int, str] | None = None
        # Rows read in this transaction stay in the session's identity map until it ends (it
        # holds them weakly): a bulk path reads the same user, case or rating target again and
        # again, and a second read is then a lookup, not a query. What the transaction writes
        # reaches them: the fold sets (or expires) the rows of the session it wrote.
        self._held: list[object] = []
        event.listen(session, "loaded_as_persistent", self._hold)
        # A service's own notes for the rest of this transaction (e.g. the last case number it
        # gave), by a key of its choosing; gone with the transaction.
        self.memo: dict[tuple[str, str], Any] = {}
        # Inside `folding_together`: the events written and not yet folded, with their freshness,
        # and the records they are about.
        self._unfolded: list[tuple[eventlog.AppendedEvent, bool]] | None = None
        self._unfolded_records: set[tuple[str, str]] = set()

    def _hold(self, _session: Session, obj: object) -> None:
        # Projection rows only: the fold keeps those current. Not events (a rebuild reads the
        # whole log through this session, a page at a time).
        if _is_projection_row(obj):
            self._held.append(obj)

    def emit(
        self,
        kind: str,
        entity_type: str,
        entity_id: str,
        payload: dict[str, Any],
        *,
        fresh: bool = False,
    ) -> eventlog.AppendedEvent:
        """Appends the event and folds it. `fresh`: `entity_id` was made just now for this
        event (a uuid4 for a new handoff, delivery, rating …): neither the log nor the tables
        hold anything of it, so neither is read for it."""
        # Imported at the first event, not with the workstation: the registry and the folds map
        # every projected table, which a command that only reads (`report daily`) never needs.
        from hall_desk.store import event_kinds, projections

        registered = event_kinds.require(kind)
        if self.ws.restore_pending:
            raise StorageError(
                "本工作站刚从备份恢复，须先与共享数据库同步一次（取回本机在备份之后的记录），"
                "才能办理新业务：请管理员执行同步（hall-desk sync 或 同步 → 立即同步）"
            )
        if self._seq is None:
            self._seq = eventlog.next_seq(self.session, self.ws.code)
        else:
            self._seq += 1
        row = eventlog.append(
            self.session,
            origin=self.ws.code,
            clock=self.ws.clock,
            actor=self.actor.username,
            new=eventlog.NewEvent(kind, entity_type, entity_id, registered.stamp(payload)),
            seq=self._seq,
            mac_key=self.ws.key.event_key,
            tips=self._tips,
            fresh=fresh,
        )
        self._own = (row.seq, row.id)
        if self._unfolded is not None:
            self._unfolded.append((row, fresh))
            self._unfolded_records.add((entity_type, entity_id))
        else:
            projections.apply(self.session, row, fresh=fresh)
        self.ws.invalidate(registered.caches)
        self.events.append(row)
        return row

    @contextmanager
    def folding_together(self) -> Iterator[None]:
        """Events emitted in the block are written at once, in order, and folded together when
        it ends (one read of their records' rows per table, one write per table and shape), as
        a pulled batch is: the same tables as folding each in turn.

        For a batch whose steps each concern a record of their own (a routing batch: one case
        and its handoff per line): inside the block nothing may read what these events change
        (a held row still shows what it showed before the block) unless the step first
        `settle`s the record it reads, and an event must not depend on its own record's fold."""
        if self._unfolded is not None:
            yield  # already inside a block: folded when that one ends
            return
        self._unfolded = []
        try:
            yield
            self._fold_unfolded()
        finally:
            self._unfolded = None
            self._unfolded_records.clear()

    @contextmanager
    def acting_as(self, actor: Actor) -> Iterator[None]:
        """One line of a bulk path done by another member of staff (a day's supplements taken
        at three windows, written in one transaction): its events and audit entry name
        `actor`, as its own transaction would have."""
        before, self.actor = self.actor, actor
        try:
            yield
        finally:
            self.actor = before

    def settle(self, entity_type: str, entity_id: str) -> None:
        """Before a step reads a record's rows inside `folding_together` (a bulk intake meeting
        an applicant it recorded a moment ago): when an event about the record waits to be
        folded, everything waiting is folded now, in order, so the read sees what it wrote.
        Elsewhere, and for a record nothing waits for, it does nothing."""
        if (entity_type, entity_id) in self._unfolded_records:
            self._fold_unfolded()

    def _fold_unfolded(self) -> None:
        from hall_desk.store import event_kinds, projections

        unfolded = self._unfolded
        if not unfolded:
            return
        self._unfolded = []
        self._unfolded_records.clear()
        fresh = {(ev.entity_type, ev.entity_id) for ev, new in unfolded if new}
        projections.apply_many(self.session, [ev for ev, _ in unfolded], fresh=fresh)
        for ev, _ in unfolded:
            self.ws.invalidate(event_kinds.require(ev.kind).caches)

    def audit(self, action: str, target: str = "", detail: dict[str, Any] | None = None) -> None:
        self.audited = True
        entry = audit.new_entry(
            self.ws.key.audit_key,
            self._chain_head(),
            workstation=self.ws.code,
            actor=self.actor.username,
            action=action,
            target=target,
            detail=detail,
            at=self.ws.now(),
        )
        audit.insert_entry(self.session, entry)
        self._chain = audit.Anchor(entry.seq, entry.hash)

    def _chain_head(self) -> audit.Anchor:
        """The chain's head: read once, then the entry this transaction appended last."""
        if self._chain is None:
            with self.session.no_autoflush:
                self._chain = audit.head(self.session) or audit.Anchor(0, audit.GENESIS)
        return self._chain

    def anchor(self) -> audit.Anchor | None:
        """What the anchor names after this transaction (as `audit.head(session, origin)`
        would read it), None when it wrote nothing that moves the anchor."""
        if not (self.audited or self.events):
            return None
        chain = self._chain_head()
        own = self._own if self._own is not None else audit.own_tip(self.session, self.ws.code)
        return audit.Anchor(chain.seq, chain.hash, *(own or (0, "")))


class Workstation:
    """Opened from a home; every service function takes it as its first argument."""

    def __init__(
        self, home: Home, wall: WallClock | None = None, *, initialising: bool = False
    ) -> None:
        if home.init_interrupted() and not initialising:
            raise StorageError(
                f"{home.path} 的初始化没有完成（进程曾被中断）：请重新执行 hall-desk init"
            )
        self.home = home
        # The one wall clock of this workstation: services, reports and sync read the time here.
        self.wall = wall or SYSTEM_CLOCK
        self.config: HomeConfig = home.load_config()
        self.key = HallKey.read(home.key_path)
        if not home.db_path.exists():
            # Opening would create an empty database and hide that every record is gone.
            raise StorageError(
                f"本机数据库 {home.db_path} 不存在。为免掩盖数据丢失，程序不会新建空库："
                "请由管理员把最近的备份放回该位置，或清空此目录后用 hall-desk init"
                " 以本大厅密钥重新加入并同步"
            )
        # A read-only home (a disk mounted read-only, a folder without write permission) still
        # opens: what only reads works, whatever writes is refused in words (Database.write).
        self.read_only = not is_writable(home.db_path)
        self.db = Database(home.db_path, read_only=self.read_only)
        # The anchor moves after each commit, written off the commit by its own thread.
        self.anchors = AnchorWriter(home.audit_anchor_path, self.key.audit_key)
        try:
            if self.read_only:
                migrated = False
                self._refuse_old_schema_read_only()
            else:
                # Before the migrations, which may name them: what a pull's load set aside and
                # never made again (the process died during it) is made again first.
                make_again_if_set_aside(self.db)
                migrated = upgrade(
                    self.db.write_engine,
                    program=OpeningProgram(self.key, self.config.workstation, self.now()),
                )
            with self.db.read() as s:
                fingerprint = s.get(Meta, "hall_key_fingerprint")
                last = eventlog.last_timestamp(s)
                own_last = eventlog.last_own_timestamp(s, self.config.workstation)
                self.restore_pending = s.get(Meta, RESTORE_PENDING) is not None
        except DatabaseError as exc:
            self.db.close()
            # A full disk fails the open too (SQLite cannot make its -shm file): not a damage.
            failure = storage_failure(exc, home.db_path) or disk_full_failure(home.db_path)
            if failure is not None:
                raise failure from exc
            raise StorageError(
                f"本机数据库 {home.db_path} 已损坏，无法打开（{exc.orig}）：请由管理员从备份恢复"
            ) from exc
        if fingerprint is not None and fingerprint.value != self.key.fingerprint:
            self.db.close()
            raise StorageError("大厅密钥与本机数据库不匹配：请使用本大厅的密钥文件")
        if migrated:
            self._advance_anchor()
        margin_ms = int(clock_margin_of(self.config).total_seconds() * 1000)
        self.clock = HybridClock(last, self.wall.ms, max_drift_ms=margin_ms)
        # Said in the status bar and by `hall-desk sync` until the program is restarted.
        # Against what this workstation itself recorded last: a peer's clock is the sync's care.
        self.clock_notice = startup_notice(own_last, self.wall.ms(), margin_ms)
        self._calendar: WorkingCalendar | None = None
        self._items: dict[str, ServiceItem] | None = None
        self._hall: dict[str, str] | None = None
        # Work still to be written before the database closes (the queue's local records).
        self._before_close: list[Callable[[], object]] = []

    def _refuse_old_schema_read_only(self) -> None:
        if current_revision(self.db.read_engine) != head_revision():
            self.db.close()
            raise StorageError(
                f"本机数据目录 {self.home.path} 为只读，而数据库须先升级到本程序的版本"
                "（升级需要写入）：请管理员恢复该目录的写权限后再打开"
            )

    def require_writable(self) -> None:
        """Before an action that writes a file and then audits it: refuse first, not half-way."""
        if self.read_only:
            raise StorageError(read_only_message(self.home.db_path))

    def _advance_anchor(self) -> None:
        """A migration may audit what it did (0006: the scrub): the anchor follows it. Only an
        anchor that holds moves forward; a missing or broken one is left for verify to report,
        never blessed here."""
        if not isinstance(self.read_anchor(), audit.Anchor):
            return
        with self.db.read() as s:
            head = audit.head(s)
        if head is not None:
            self.anchors.submit(head)

    def read_anchor(self) -> audit.Anchor | str | None:
        """The anchor file as `audit.read_anchor` gives it, once every anchor this process
        committed is written (raises StorageError when one could not be)."""
        self.anchors.flush()
        return audit.read_anchor(self.home.audit_anchor_path, self.key.audit_key)

    @property
    def code(self) -> str:
        return self.config.workstation

    @property
    def hall(self) -> str:
        """The hall's name as the hall set it (shared, it arrives with a sync); until then the
        name this workstation was set up with."""
        return self.hall_setting("name") or self.config.hall

    def hall_setting(self, key: str) -> str:
        """A setting of the whole hall (its name, 咨询电话, address) as the hall set it; until
        the hall has one, what this workstation kept locally (its set-up name, or the number
        and address an older release saved per workstation)."""
        values = self._hall_values()
        if key in values:
            return values[key]
        return self.config.hall if key == "name" else str(self.config.extra.get(key, ""))

    def has_hall_setting(self, key: str) -> bool:
        """Whether the hall itself has set `key` (not only this workstation's fallback)."""
        return key in self._hall_values()

    def _hall_values(self) -> dict[str, str]:
        if self._hall is None:
            with self.db.read() as s:
                rows = s.execute(select(HallSettingRow.key, HallSettingRow.value)).all()
            self._hall = {key: value for key, value in rows}
        return self._hall

    def invalidate_hall(self) -> None:
        self._hall = None

    def before_close(self, flush: Callable[[], object]) -> None:
        """`flush` runs when the workstation closes, before its database does."""
        self._before_close.append(flush)

    def close(self) -> None:
        try:
            for flush in self._before_close:
                flush()
        finally:
            try:
                self.anchors.close()  # after the flushes above: they commit, and move it too
            finally:
                self.db.close()

    def __enter__(self) -> Workstation:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self, actor: Actor) -> Iterator[Tx]:
        with self.db.write() as session:
            tx = Tx(self, session, actor)
            try:
                yield tx
                # Events without an audit entry move the anchor too: it also covers their tail.
                head = tx.anchor()
            finally:
                # The rows it held go with the transaction: the session and the Tx refer to each
                # other, so they would otherwise wait (a bulk run's thousands of them) for a
                # full cyclic collection, which walks the whole heap.
                tx._held.clear()
        if head is not None:
            # After the commit: an anchor never names an entry the database does not hold.
            # Written in the background (store/anchor_writer.py): until then it is behind.
            self.anchors.submit(head)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.db.read() as session:
            yield session

    def invalidate(self, caches: Iterable[Cache]) -> None:
        """Drop what the registry says a kind of event makes stale."""
        for cache in caches:
            if cache is Cache.CALENDAR:
                self.invalidate_calendar()
            elif cache is Cache.CATALOG:
                self.invalidate_catalog()
            elif cache is Cache.HALL:
                self.invalidate_hall()

    # -- working calendar ---------------------------------------------------------------------
    def invalidate_calendar(self) -> None:
        self._calendar = None

    def calendar(self, session: Session | None = None) -> WorkingCalendar:
        if self._calendar is None:
            if session is None:
                with self.db.read() as s:
                    self._calendar = _load_calendar(s)
            else:
                self._calendar = _load_calendar(session)
        return self._calendar

    # -- catalog ------------------------------------------------------------------------------
    def invalidate_catalog(self) -> None:
        self._items = None

    def catalog_items(self, session: Session) -> dict[str, ServiceItem]:
        """The catalog by code, cached: intake reads it for every case."""
        if self._items is None:
            # Imported here: the catalog's tables are mapped for the commands that read them.
            from hall_desk.store.catalog import all_items

            self._items = {i.code: i for i in all_items(session)}
        return self._items

    def now(self) -> datetime:
        return self.wall.now()

    def today(self) -> date:
        return self.wall.today()

    def moment_on(self, day: date) -> datetime:
        """When something back-dated to `day` happened: now's time of day on that day."""
        now = self.now()
        return now if day == now.date() else datetime.combine(day, now.time()).astimezone()


def each_by_its_clerk(
    ws: Workstation, lines: Sequence[Any], step: Callable[[Tx, Any], Any]
) -> list[Any]:
    """The bulk path's one transaction (demo data, imports): `step(tx, line)` for each line, in
    order, under the line's own `actor` (`Tx.acting_as`), folded together at its end."""
    if not lines:
        return []
    with ws.transaction(lines[0].actor) as tx, tx.folding_together():
        out = []
        for line in lines:
            with tx.acting_as(line.actor):
                out.append(step(tx, line))
        return out


def _load_calendar(session: Session) -> WorkingCalendar:
    overrides = [
        DayOverride(row.day, row.kind, row.note)
        for row in session.scalars(select(CalendarOverrideRow))
    ]
    years = list(session.scalars(select(CalendarYearRow.year)))
    return WorkingCalendar(overrides, years)
