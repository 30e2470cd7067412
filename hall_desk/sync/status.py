"""Sync health for the status bar and `hall-desk sync --status`: nothing stuck goes unseen.

The status bar reads it at every start: it imports only what it reads (the tables, what the last
sync said, whether one runs), never the sync engine itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from hall_desk.domain.clock import Timestamp
from hall_desk.domain.errors import HallDeskError
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import Event, Meta
from hall_desk.store.models_sync import SyncConflict, SyncPeer, SyncRefusedEvent, SyncRun
from hall_desk.sync.notices import NOTICES, remembered_clock
from hall_desk.sync.running import is_running
from hall_desk.sync.schedule import missed_scheduled_sync
from hall_desk.sync.shared import parse_location

STALE_AFTER = timedelta(hours=36)  # unsent work older than this is a warning


@dataclass(frozen=True)
class RunRecord:
    started_at: datetime
    finished_at: datetime | None
    ok: bool | None
    pushed: int
    pulled: int
    conflicts: int
    refused: int
    error: str
    location: str


@dataclass(frozen=True)
class SyncStatus:
    workstation: str
    configured: bool
    location: str  # the configured shared database, password hidden
    sync_time: str
    now: datetime
    unsent: int
    oldest_unsent_at: datetime | None
    last_success: RunRecord | None
    last_failure: RunRecord | None
    interrupted: RunRecord | None  # started after the last finished run and never finished
    running: bool  # in this program
    failing: bool  # the latest attempt failed or was cut off
    open_conflicts: int
    refused_events: int  # pulled events waiting in quarantine
    missed_schedule: bool
    # From the last successful sync: holes in the shared database, an anchor not reached.
    notices: tuple[str, ...] = ()
    clock_notices: tuple[str, ...] = ()  # a clock found wrong at start-up or the last sync

    @property
    def oldest_unsent_age(self) -> timedelta | None:
        if self.oldest_unsent_at is None:
            return None
        return max(self.now - self.oldest_unsent_at, timedelta(0))

    @property
    def level(self) -> str:
        """'error' | 'warning' | 'ok' — the status bar shows it with text, never colour alone."""
        if self.failing:
            return "error"
        age = self.oldest_unsent_age
        if (
            not self.configured
            or self.open_conflicts
            or self.refused_events
            or self.notices
            or self.clock_notices
            or (age is not None and age > STALE_AFTER)
            or (self.configured and self.missed_schedule)
        ):
            return "warning"
        return "ok"

    def summary(self) -> str:
        """One short line for the status bar."""
        if self.running:
            head = "正在同步…"
        elif self.failing:
            head = "上次同步未完成" if self.interrupted is not None else "同步失败"
        elif not self.configured:
            head = "未配置共享数据库"
        elif self.last_success is not None:
            done = self.last_success.finished_at or self.last_success.started_at
            head = f"上次同步 {_when(done, self.now)}"
        else:
            head = "尚未同步"
        parts = [head]
        if self.unsent:
            age = self.oldest_unsent_age
            parts.append(f"未同步 {self.unsent} 条" + (f"（最早 {_age(age)}前）" if age else ""))
        if self.open_conflicts:
            parts.append(f"冲突待处理 {self.open_conflicts} 条")
        if self.refused_events:
            parts.append(f"拒收 {self.refused_events} 条")
        if self.notices:
            parts.append(f"共享库异常 {len(self.notices)} 项")
        if self.clock_notices:
            # The first clause, without its dates: the status bar is one line.
            head = self.clock_notices[0].split("：", 1)[0].split("（", 1)[0]
            parts.append(f"时钟有误：{head}")
        return " · ".join(parts)

    def lines(self) -> list[str]:
        """The full picture, one fact a line (`hall-desk sync --status`)."""
        out = [f"工作站：{self.workstation}"]
        out.append(f"共享数据库：{self.location or '未配置'}")
        out.append(f"每日同步时间：{self.sync_time}")
        age = self.oldest_unsent_age
        out.append(
            f"未同步事件：{self.unsent} 条"
            + (
                f"，最早一条产生于 {_when(self.oldest_unsent_at, self.now)}（{_age(age)}前）"
                if age is not None and self.oldest_unsent_at
                else ""
            )
        )
        if self.last_success is not None:
            r = self.last_success
            out.append(
                f"上次成功同步：{_when(r.finished_at or r.started_at, self.now)}"
                f"（推送 {r.pushed} 条，拉取 {r.pulled} 条，冲突 {r.conflicts} 条）"
            )
        else:
            out.append("上次成功同步：无")
        if self.last_failure is not None:
            r = self.last_failure
            out.append(
                f"上次失败：{_when(r.finished_at or r.started_at, self.now)}，原因：{r.error}"
            )
        if self.interrupted is not None:
            out.append(
                f"未完成的同步：开始于 {_when(self.interrupted.started_at, self.now)}，"
                f"未正常结束（程序被关闭或进程中断）；下次同步会从中断处继续"
            )
        if self.running:
            out.append("当前：正在同步")
        if self.missed_schedule and self.configured:
            out.append("提示：错过了最近一次定时同步，将在程序启动时补做")
        out.append(f"待处理的同步冲突：{self.open_conflicts} 条")
        out.append(
            "被拒收的事件（时钟超前、内容损坏、尚无校验码或等待被删除的事件补回）："
            f"{self.refused_events} 条"
        )
        out.extend(f"上次同步发现：{notice}" for notice in self.notices)
        out.extend(f"时钟：{notice}" for notice in self.clock_notices)
        return out


def _when(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "—"
    local, ref = moment.astimezone(), now.astimezone()
    if local.date() == ref.date():
        return f"今天 {local:%H:%M}"
    if local.date() == (ref - timedelta(days=1)).date():
        return f"昨天 {local:%H:%M}"
    return f"{local:%Y-%m-%d %H:%M}"


def _age(age: timedelta | None) -> str:
    if age is None:
        return ""
    minutes = int(age.total_seconds() // 60)
    if minutes < 1:
        return "不到 1 分钟"
    if minutes < 60:
        return f"{minutes} 分钟"
    if minutes < 48 * 60:
        return f"{minutes // 60} 小时"
    return f"{minutes // (24 * 60)} 天"


def _parse(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _record(run: SyncRun) -> RunRecord:
    started = _parse(run.started_at)
    assert started is not None
    return RunRecord(
        started_at=started,
        finished_at=_parse(run.finished_at),
        ok=run.ok,
        pushed=run.pushed,
        pulled=run.pulled,
        conflicts=run.conflicts,
        refused=run.refused,
        error=run.error,
        location=run.location,
    )


def sync_status(ws: Workstation, now: datetime | None = None) -> SyncStatus:
    """Reads the local database only (no network): cheap enough for a status-bar timer."""
    now = now or ws.now()
    configured = bool(ws.config.shared_url.strip())
    location = ""
    if configured:
        try:
            location = parse_location(ws.config.shared_url).display
        except HallDeskError as exc:
            location = f"{exc.message}"
    with ws.reading() as s:
        peer = s.scalars(select(SyncPeer).order_by(SyncPeer.last_seen_at.desc()).limit(1)).first()
        pushed_seq = peer.pushed_seq if peer is not None else 0
        # Own events are numbered without gaps: the newest seq tells how many are unsent, from
        # the (origin, seq) index, where a count read every unsent row (every row of a home
        # that never synced) each time the status bar refreshed.
        newest = s.scalar(select(func.max(Event.seq)).where(Event.origin == ws.code)) or 0
        unsent = max(0, int(newest) - pushed_seq)
        oldest_hlc = s.scalar(
            select(Event.hlc).where(Event.origin == ws.code, Event.seq == pushed_seq + 1)
        )
        success = s.scalars(
            select(SyncRun).where(SyncRun.ok.is_(True)).order_by(SyncRun.id.desc()).limit(1)
        ).first()
        failure = s.scalars(
            select(SyncRun).where(SyncRun.ok.is_(False)).order_by(SyncRun.id.desc()).limit(1)
        ).first()
        last_finished = s.scalars(
            select(SyncRun)
            .where(SyncRun.finished_at.is_not(None))
            .order_by(SyncRun.id.desc())
            .limit(1)
        ).first()
        last_finished_id = last_finished.id if last_finished is not None else 0
        open_run = s.scalars(
            select(SyncRun)
            .where(SyncRun.finished_at.is_(None), SyncRun.id > last_finished_id)
            .order_by(SyncRun.id.desc())
            .limit(1)
        ).first()
        conflicts = int(
            s.scalar(
                select(func.count())
                .select_from(SyncConflict)
                .where(SyncConflict.resolved.is_(False))
            )
            or 0
        )
        noticed = s.get(Meta, NOTICES)
        refused = int(
            s.scalar(
                select(func.count())
                .select_from(SyncRefusedEvent)
                .where(SyncRefusedEvent.applied_at.is_(None))
            )
            or 0
        )
    running = is_running(ws)
    interrupted = open_run is not None and not running
    failing = interrupted or (last_finished is not None and last_finished.ok is False)
    last_success = _record(success) if success is not None else None
    oldest = (
        datetime.fromtimestamp(Timestamp.decode(oldest_hlc).ms / 1000).astimezone()
        if oldest_hlc
        else None
    )
    try:
        missed = missed_scheduled_sync(
            ws.config.sync_time,
            (last_success.finished_at or last_success.started_at) if last_success else None,
            now,
        )
    except HallDeskError:
        missed = True
    return SyncStatus(
        workstation=ws.code,
        configured=configured,
        location=location,
        sync_time=ws.config.sync_time,
        now=now,
        unsent=unsent,
        oldest_unsent_at=oldest,
        last_success=last_success,
        last_failure=_record(failure) if failure is not None else None,
        # While this program runs a sync, its open run is not an interruption.
        interrupted=_record(open_run) if open_run is not None and not running else None,
        running=running,
        failing=failing,
        open_conflicts=conflicts,
        refused_events=refused,
        missed_schedule=missed,
        notices=_notices(noticed.value if noticed is not None else ""),
        clock_notices=tuple(remembered_clock(ws)),
    )


def _notices(raw: str) -> tuple[str, ...]:
    try:
        value = json.loads(raw) if raw else []
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def due_at_startup(ws: Workstation, now: datetime | None = None) -> bool:
    """Start-up check of the desktop shell: sync now when last night's run was missed."""
    status = sync_status(ws, now)
    return status.configured and status.missed_schedule and not status.running
