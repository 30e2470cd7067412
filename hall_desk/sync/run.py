"""One sync run: connect, check whose database it is, push, pull, and record the outcome.

`sync_once` blocks; the desktop shell runs it in a worker thread (it opens its own sessions and
touches no widget) and marshals `progress` calls back to the GUI thread itself.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services.credentials import passfile
from hall_desk.services.home import refuse_workstation_database
from hall_desk.services.workstation import Workstation, clock_margin_of
from hall_desk.store.models import Event, Meta
from hall_desk.store.models_sync import SyncPeer, SyncRun
from hall_desk.sync.anchor import publish_anchor
from hall_desk.sync.clock_check import clock_notices, real_time
from hall_desk.sync.errors import SyncError
from hall_desk.sync.gaps import heal_gaps, look_for_gaps
from hall_desk.sync.notices import NOTICES, remember_clock
from hall_desk.sync.pull import PULL_BATCH, now_text, pull_events
from hall_desk.sync.push import (
    PUSH_BATCH,
    push_events,
    seal_due,
    seal_own_unsealed,
    vouch_unsealed,
)
from hall_desk.sync.reclaim import reclaim_own_events
from hall_desk.sync.repush import repush_held_events
from hall_desk.sync.running import exclusive
from hall_desk.sync.scrub import scrub_due, scrub_pulled, scrub_shared
from hall_desk.sync.shared import (
    Location,
    SharedDatabase,
    SharedInfo,
    driver_detail,
    parse_location,
    shared_events,
)


@dataclass(frozen=True)
class SyncProgress:
    """Reported from the worker thread: phase 'connect' | 'push' | 'pull' | 'done'; the same
    shape tells a rebuild's replay ('rebuild') on the command line."""

    phase: str
    done: int
    total: int
    seconds: float = 0.0  # since the phase began

    @property
    def rate(self) -> float:
        """Events a second so far in this phase (0 before the first batch)."""
        return self.done / self.seconds if self.seconds > 0 and self.done else 0.0

    @property
    def seconds_left(self) -> float | None:
        """At this phase's rate so far; None until there is a rate."""
        rate = self.rate
        return max(0.0, (self.total - self.done) / rate) if rate else None

    @property
    def text(self) -> str:
        names = {
            "connect": "连接共享数据库",
            "push": "推送",
            "pull": "拉取",
            "done": "同步完成",
            "rebuild": "重放事件",
        }
        name = names.get(self.phase, self.phase)
        if not self.total:
            return name
        text = f"{name} {self.done:,}/{self.total:,} 条"
        left = self.seconds_left
        if left is not None and self.done < self.total:
            text += f"，每秒 {self.rate:,.0f} 条，约剩 {_duration(left)}"
        return text


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} 秒"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} 分 {seconds} 秒"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} 小时 {minutes} 分"


def phase_progress(
    progress: Callable[[SyncProgress], None], name: str
) -> Callable[[int, int], None]:
    """progress(done, total) for one phase, timed from its first report."""
    started: list[float] = []

    def report(done: int, total: int) -> None:
        if not started:
            started.append(time.monotonic())
        progress(SyncProgress(name, done, total, time.monotonic() - started[0]))

    return report


@dataclass(frozen=True)
class SyncReport:
    location: str  # shown to people: no password
    identity: str
    pushed: int  # own events acknowledged by the shared database in this run
    pulled: int  # others' events applied here
    conflicts: int  # new lifecycle conflicts found
    refused: int  # pulled events refused (clock far ahead, corrupted)
    reset_reason: str  # why the workstation started over ("" when it did not)
    started_at: datetime
    finished_at: datetime
    reclaimed: int = 0  # own events taken back after a restore from backup
    repushed: int = 0  # other origins' events a new or reset shared database got from here
    healed: int = 0  # events deleted from the shared database and put back from here
    notices: tuple[str, ...] = ()  # what the admin must know: holes, an anchor not reached
    clock_notices: tuple[str, ...] = ()  # a clock found wrong, in words for the admin

    @property
    def summary(self) -> str:
        text = f"推送 {self.pushed} 条，拉取 {self.pulled} 条，冲突 {self.conflicts} 条"
        if self.reclaimed:
            text += f"，取回本机在备份之后的记录 {self.reclaimed} 条"
        if self.repushed:
            text += f"，为共享数据库补回其他工作站的记录 {self.repushed} 条"
        if self.healed:
            text += f"，补回共享数据库中被删除的记录 {self.healed} 条"
        return text

    @property
    def seconds(self) -> float:
        return (self.finished_at - self.started_at).total_seconds()


@dataclass(frozen=True)
class SyncOptions:
    push_batch: int = PUSH_BATCH
    pull_batch: int = PULL_BATCH
    clock_margin: timedelta | None = None  # None: the home config's, else 10 minutes
    wall_ms: Callable[[], int] | None = None  # the receiving machine's clock (tests pass one)


def clock_margin(ws: Workstation) -> timedelta:
    return clock_margin_of(ws.config)


# --- bookkeeping -----------------------------------------------------------------------------


def _start_run(ws: Workstation, actor: Actor, location: str) -> int:
    # Without waiting for the disk (store/db.py): a power cut takes the start back only with
    # every mark this run moves after it (those commit so too); the run's end, success or
    # failure, is written durably and makes them all durable.
    with ws.db.write(bulk=True) as s:
        run = SyncRun(started_at=now_text(ws), actor=actor.username, location=location)
        s.add(run)
        s.flush()
        return run.id


def _finish_run(ws: Workstation, run_id: int, report: SyncReport | None, error: str) -> None:
    with ws.db.write() as s:
        run = s.get(SyncRun, run_id)
        if run is None:
            return
        run.finished_at = now_text(ws)
        run.ok = report is not None
        run.error = error
        if report is not None:
            run.identity = report.identity
            run.pushed, run.pulled = report.pushed, report.pulled
            run.conflicts, run.refused = report.conflicts, report.refused
            # The status shows them until the next successful sync says otherwise.
            s.merge(Meta(key=NOTICES, value=json.dumps(list(report.notices), ensure_ascii=False)))


def _bind_peer(ws: Workstation, actor: Actor, shared: SharedDatabase, info: SharedInfo) -> str:
    """Find (or start) this workstation's marks for this shared database; '' or why reset."""
    with ws.db.read() as s:
        peer = s.get(SyncPeer, info.identity)
        previous = s.scalars(
            select(SyncPeer).order_by(SyncPeer.last_seen_at.desc()).limit(1)
        ).first()
        own_acked = (
            s.scalar(select(Event.id).where(Event.origin == ws.code, Event.seq == peer.pushed_seq))
            if peer is not None and peer.pushed_seq
            else None
        )
    reason = ""
    if peer is None:
        if previous is not None:
            reason = (
                f"共享数据库已更换（标识 {previous.identity[:8]} → {info.identity[:8]}）："
                f"已从头重新推送并拉取全部事件"
            )
    else:
        # A restored backup keeps its identity: check that what we last saw is still there.
        t = shared_events.c
        with shared.reading() as conn:
            at_cursor = (
                conn.scalar(select(t.id).where(t.position == peer.pull_cursor))
                if peer.pull_cursor
                else None
            )
            at_pushed = (
                conn.scalar(select(t.id).where(t.origin == ws.code, t.seq == peer.pushed_seq))
                if peer.pushed_seq
                else None
            )
        if peer.pull_cursor and at_cursor != peer.cursor_event_id:
            reason = "共享数据库已从备份恢复或被改动（上次拉取到的事件已不在原位置）"
        elif peer.pushed_seq and at_pushed != own_acked:
            reason = "共享数据库已从备份恢复或被改动（本机已推送的事件不在共享库中）"
        if reason:
            reason += "：已从头重新推送并拉取全部事件"
    if reason:
        with ws.transaction(actor) as tx:
            _mark_peer(ws, tx.session, shared, info, reason)
            tx.audit(
                "sync.reset", shared.location.display, {"identity": info.identity, "reason": reason}
            )
    else:
        # Marks only (a new peer's zeros, when it was seen): like the marks the push moves
        # after them, they commit without waiting for the disk, and a power cut that takes
        # them back leaves the next sync to find what this one found.
        with ws.db.write(bulk=True) as s:
            _mark_peer(ws, s, shared, info, reason)
    return reason


def _mark_peer(
    ws: Workstation, session: Session, shared: SharedDatabase, info: SharedInfo, reason: str
) -> None:
    row = session.get(SyncPeer, info.identity)
    now = now_text(ws)
    if row is None:
        row = SyncPeer(
            identity=info.identity,
            hall_fingerprint=info.hall_fingerprint,
            first_seen_at=now,
            pull_cursor=0,
            cursor_event_id="",
            pushed_seq=0,
            resets=0,
            reset_reason="",
        )
        session.add(row)
    elif reason:
        row.pull_cursor, row.cursor_event_id, row.pushed_seq = 0, "", 0
        row.resets += 1
    row.location = shared.location.display
    row.last_seen_at = now
    if reason:
        row.reset_reason = reason


# --- the run ---------------------------------------------------------------------------------


def sync_once(
    ws: Workstation,
    actor: Actor,
    shared_url: str | None = None,
    progress: Callable[[SyncProgress], None] | None = None,
    *,
    options: SyncOptions | None = None,
) -> SyncReport:
    """Push, then pull; raises SyncError (Chinese reason) when refused or interrupted.

    Safe in a worker thread: it uses its own sessions and the workstation's thread-safe clock.
    A second call for the same workstation while one runs raises SyncBusy.
    """
    opts = options or SyncOptions()
    if shared_url is not None and shared_url.strip() != ws.config.shared_url.strip():
        # Anyone may sync, but only with the target the admin configured: another address would
        # copy the hall's records wherever the person at the keyboard chose.
        actor.require(Permission.MANAGE_SETTINGS)
    raw = shared_url if shared_url is not None else ws.config.shared_url
    report_progress = progress or (lambda _p: None)
    margin = opts.clock_margin or clock_margin(ws)
    wall_ms = opts.wall_ms or ws.wall.ms
    with exclusive(ws):
        started = ws.now()
        try:
            location = _location(raw)
        except HallDeskError as exc:
            # A wrong or missing address is a failed sync too: the status bar must say so.
            _finish_run(ws, _start_run(ws, actor, ""), None, exc.message)
            raise
        run_id = _start_run(ws, actor, location.display)
        try:
            report = _run(ws, actor, location, report_progress, opts, margin, wall_ms, started)
        except HallDeskError as exc:
            _finish_run(ws, run_id, None, exc.message)
            raise
        except sa_exc.SQLAlchemyError as exc:
            # Shared-database errors arrive as SyncError already: this one is local.
            message = f"本机数据库出错：{driver_detail(exc)}"
            _finish_run(ws, run_id, None, message)
            raise SyncError(message) from exc
        except BaseException as exc:
            _finish_run(ws, run_id, None, f"同步意外中止：{type(exc).__name__} {exc}")
            raise
        _finish_run(ws, run_id, report, "")
        report_progress(SyncProgress("done", 1, 1))
        return report


def _location(raw: str | None) -> Location:
    if not raw or not raw.strip():
        raise SyncError("尚未配置共享数据库：请在设置中填写，或执行 hall-desk sync --shared 地址")
    location = parse_location(raw)
    if location.path is not None:
        refuse_workstation_database(location.path)
    return location


def _run(
    ws: Workstation,
    actor: Actor,
    location: Location,
    progress: Callable[[SyncProgress], None],
    opts: SyncOptions,
    margin: timedelta,
    wall_ms: Callable[[], int],
    started: datetime,
) -> SyncReport:
    progress(SyncProgress("connect", 0, 0))
    shared = SharedDatabase(
        location, application=f"hall-desk {ws.code}", passfile=passfile(ws.home)
    )
    try:
        info = shared.prepare(
            ws.key.fingerprint, ws.hall, ws.now(), vouch=lambda conn: vouch_unsealed(ws, conn)
        )
        # What the sync looks at before it writes anything, on one snapshot: whether the scrub
        # and the seal have rows to read, the server's clock, and the holes. These are looked
        # for in the table as the sync found it, before its push, and healed after it
        # (sync/gaps.py).
        with shared.reading() as conn:
            to_scrub = scrub_due(shared, conn)
            to_seal = seal_due(ws, conn)
            server_ms = shared.server_ms(conn)
            look = look_for_gaps(ws, shared, conn)
        # Before anything is pulled from it: rows still in the old shape are scrubbed first.
        if to_scrub:
            scrub_shared(ws, shared)
        # Own rows from before event MACs that the upgrader did not hold: pullers wait for them.
        if to_seal:
            seal_own_unsealed(ws, shared)
        with ws.db.read() as s:
            known = s.get(SyncPeer, info.identity) is not None
        wall_at_start = wall_ms()
        now_ms = real_time(wall_ms, server_ms)
        reset_reason = _bind_peer(ws, actor, shared, info)
        reclaimed = reclaim_own_events(
            ws,
            actor,
            shared,
            info.identity,
            batch_size=opts.pull_batch,
            margin_ms=int(margin.total_seconds() * 1000),
            now_ms=now_ms,
        )
        if reset_reason:
            # Starting over, its push (from seq 1) and a new database's re-push refill rows
            # the look called missing: holes are looked for again after them.
            look = None
        pushed = push_events(
            ws,
            shared,
            info.identity,
            batch_size=opts.push_batch,
            progress=phase_progress(progress, "push"),
        )
        # A shared database that replaced the one this workstation knew (rebuilt from scratch)
        # lacks what only retired workstations made. Not after a restore of the same one: every
        # workstation then starts its pull over, and refills it with its own events.
        repushed = (
            repush_held_events(ws, shared, info.identity, batch_size=opts.push_batch)
            if reset_reason and not known
            else 0
        )
        # Rows deleted from the shared database: put back what this workstation holds.
        gaps = heal_gaps(ws, shared, info.identity, batch_size=opts.push_batch, look=look)
        pulled = pull_events(
            ws,
            shared,
            info.identity,
            batch_size=opts.pull_batch,
            margin_ms=int(margin.total_seconds() * 1000),
            now_ms=now_ms,
            progress=phase_progress(progress, "pull"),
            holes=gaps.holes,
        )
        with ws.db.read() as s:
            peer = s.get(SyncPeer, info.identity)
            pushed_seq = peer.pushed_seq if peer is not None else 0
        anchor_problem = publish_anchor(
            ws, actor, shared, pushed_seq, now_text(ws), pushed=pushed > 0
        )
    finally:
        shared.close()
    scrub_pulled(ws)
    notices = clock_notices(
        ws, wall_at_start, server_ms, pulled.newest, int(margin.total_seconds() * 1000)
    )
    remember_clock(ws, notices)
    return SyncReport(
        location=location.display,
        identity=info.identity,
        pushed=pushed,
        pulled=pulled.pulled,
        conflicts=pulled.conflicts,
        refused=pulled.refused,
        reset_reason=reset_reason,
        started_at=started,
        finished_at=ws.now(),
        reclaimed=reclaimed,
        repushed=repushed,
        healed=gaps.healed,
        notices=(*gaps.notices, *((anchor_problem,) if anchor_problem else ())),
        clock_notices=tuple(notices),
    )
