"""The queue (取号/叫号): one function per action of the kiosk and of a window.

The live state is in the hall's shared database (`LiveHall`: PostgreSQL in production, the
SQLite shared file on one machine), so that every window and the kiosk see one queue. Each
action is one transaction there; then the workstation that acted records it as a local queue.*
event (with its audit entry) carrying the ticket as the shared row now stands, so the queue's
history syncs, re-folds and is audited like every other record. 叫号 returns once the shared
commit is made and leaves that local record to the workstation's recorder (queue_recorder.py):
every action first waits for the records still pending (`_settle`), so the history keeps the
order of the steps, and a record that failed, like one a crash prevented, is reconciled then.

Concurrency. A call locks its window's row and the day rows of the window's queues (in code
order: two windows never wait on each other crosswise), then picks from the waiting tickets
with `FOR UPDATE SKIP LOCKED`. Calls of one queue therefore take turns for the few statements
that decide the next number (the green streak is a per-queue count, and the calling order must
not depend on who won a race); calls of different queues run side by side, and a ticket
another action holds (a leave, a transfer) is passed over rather than waited on. On the SQLite
file every write transaction is BEGIN IMMEDIATE: one at a time.

When the shared database is out of reach every action raises `QueueUnavailable` and changes
nothing on either side; nothing here is on the path of an intake, which never waits for it.
"""

from __future__ import annotations

import threading
import uuid
import weakref
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, func, select, text, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from hall_desk.domain.assistance import AssistanceFlag
from hall_desk.domain.errors import HallDeskError, PermissionDenied, ValidationError
from hall_desk.domain.identity import mask_resident_id, parse_resident_id
from hall_desk.domain.queue import (
    ACTIVE_STATES,
    AT_WINDOW_STATES,
    DEFAULT_SERVICE_S,
    DEFAULT_SETTINGS,
    WINDOW_KEY,
    CallingRules,
    Candidate,
    Priority,
    QueueAction,
    QueueSettings,
    QueueSpec,
    TicketState,
    after,
    choose,
    estimate_wait_s,
    priority_for,
    recall_outcome,
    window_from_code,
)
from hall_desk.domain.roles import SYSTEM_ACTOR, Actor, Permission
from hall_desk.domain.text import clean_text
from hall_desk.services import queue_call
from hall_desk.services.queue_recorder import Recorder
from hall_desk.services.settings import emit_hall_setting
from hall_desk.services.workstation import Workstation
from hall_desk.store import faults
from hall_desk.store.models_queue import QueueTicketRow
from hall_desk.store.shared_queue import (
    shared_queue_days as days_t,
)
from hall_desk.store.shared_queue import (
    shared_queue_tickets as tickets_t,
)
from hall_desk.store.shared_queue import (
    shared_queue_windows as windows_t,
)

NOTIFY_CHANNEL = "hall_queue"  # PostgreSQL LISTEN/NOTIFY: the display hears each change
SETTINGS_KEY = "queues"  # the hall setting holding QueueSettings
REASON_MAX = 100
NO_WINDOW = "本工作站不叫号：系统设置中的叫号窗口号为空"
RECENT_SERVICE = 20  # finished visits the service-time estimate averages
_CALLER_PERMISSIONS = (Permission.INTAKE, Permission.CONSULT, Permission.DELIVER)
VISIT_KINDS = ("case", "consultation", "delivery", "ticket")

T = TypeVar("T")


class QueueUnavailable(HallDeskError):
    """The shared database cannot be reached: the queue is down, the rest of the program is not."""


class QueueBusy(HallDeskError):
    """The SQLite shared file stayed locked by other windows' steps past the busy timeout: the
    queue is up, this step changed nothing and may simply be pressed again."""


class LiveHall(Protocol):
    """What the queue needs of the shared database (sync/shared.SharedDatabase gives it)."""

    @property
    def is_postgres(self) -> bool: ...

    def live(self) -> AbstractContextManager[Connection]: ...

    def live_statement(self) -> AbstractContextManager[Connection]: ...


# --- what the window and the kiosk see ----------------------------------------------------------


@dataclass(frozen=True)
class QueueTicket:
    id: str
    label: str
    queue: str
    priority: Priority
    state: TicketState
    issued_at: datetime
    called_at: datetime | None
    window: str
    recalls: int
    id_masked: str
    visit_kind: str
    visit_id: str
    reason: str
    target_window: str
    flags: str = ""  # the 帮您办 flags; "help": 需要帮助 was pressed at the kiosk

    @property
    def needs_help(self) -> bool:
        return "help" in self.flags.split(",")

    @property
    def wait_s(self) -> float | None:
        """Call − issue, in seconds (None until called)."""
        return None if self.called_at is None else (self.called_at - self.issued_at).total_seconds()

    @classmethod
    def of(cls, row: Any) -> QueueTicket:
        m = row._mapping
        return cls(
            id=m["id"],
            label=m["label"],
            queue=m["queue"],
            priority=Priority(m["priority"]),
            state=TicketState(m["state"]),
            issued_at=datetime.fromisoformat(m["issued_at"]),
            called_at=datetime.fromisoformat(m["called_at"]) if m["called_at"] else None,
            window=m["window"],
            recalls=m["recalls"],
            id_masked=m["id_masked"],
            visit_kind=m["visit_kind"],
            visit_id=m["visit_id"],
            reason=m["reason"],
            target_window=m["target_window"],
            flags=m["flags"],
        )


@dataclass(frozen=True)
class Issued:
    """What the kiosk prints: the ticket, its queue, people ahead and the estimated wait."""

    ticket: QueueTicket
    queue_name: str
    ahead: int
    estimate_s: float
    hall: str


@dataclass(frozen=True)
class WindowStatus:
    window: str
    queues: tuple[str, ...]
    paused: bool
    pause_reason: str
    current: QueueTicket | None
    parked: tuple[QueueTicket, ...]
    waiting: dict[str, int]  # per queue code


@dataclass(frozen=True)
class Board:
    """What the hall display shows: the latest call of each window, recent calls, waiting."""

    latest: dict[str, QueueTicket]  # window → its latest call today
    recent: tuple[QueueTicket, ...]  # newest first
    waiting: dict[str, int]
    change: int  # grows with every call (the display repaints and speaks on a change)


@dataclass(frozen=True)
class Outcome:
    """A window's action: the ticket it acted on, and what became of it."""

    ticket: QueueTicket
    action: QueueAction


# --- settings and identity ----------------------------------------------------------------------


def settings_of(ws: Workstation) -> QueueSettings:
    raw = ws.hall_setting(SETTINGS_KEY)
    if not raw:
        return DEFAULT_SETTINGS
    return QueueSettings.parse(raw)


def save_settings(ws: Workstation, actor: Actor, settings: QueueSettings) -> None:
    """The hall's queues (every workstation of the hall uses them after its next sync)."""
    actor.require(Permission.MANAGE_SETTINGS)
    settings.check()
    with ws.transaction(actor) as tx:
        emit_hall_setting(tx, SETTINGS_KEY, settings.encode())
        tx.audit(
            "queue.settings",
            SETTINGS_KEY,
            {
                "queues": [q.code for q in settings.queues],
                "green_ratio": settings.green_ratio,
                "recall_limit": settings.recall_limit,
                "repeat": settings.repeat,
            },
        )


def save_queue(
    ws: Workstation,
    actor: Actor,
    spec: QueueSpec,
    replacing: str = "",
    rules: CallingRules | None = None,
) -> None:
    """设置 → 叫号队列: one queue added, or the queue `replacing` changed (its code too), and
    the hall-wide calling `rules` if given, checked with the others; refused whole, nothing
    written."""
    current = settings_of(ws)
    if rules is not None:
        current = current.with_rules(rules)
    if replacing and replacing not in {q.code for q in current.queues}:
        raise ValidationError(
            "code", f"没有代码为「{replacing}」的队列（可能已被删除），请重新选择"
        )
    queues = (
        tuple(spec if q.code == replacing else q for q in current.queues)
        if replacing
        else (*current.queues, spec)
    )
    save_settings(ws, actor, replace(current, queues=queues))


def remove_queue(ws: Workstation, actor: Actor, code: str) -> None:
    """A queue no longer offered at the kiosk (today's tickets in it are still called)."""
    current = settings_of(ws)
    queues = tuple(q for q in current.queues if q.code != code)
    if len(queues) == len(current.queues):
        raise ValidationError("code", f"没有代码为「{code}」的队列")
    if not queues:
        raise ValidationError("code", "至少须设一个队列：最后一个队列不能删除")
    save_settings(ws, actor, replace(current, queues=queues))


def window_of(ws: Workstation) -> str:
    """This workstation's window number as the hall calls it (3 → 叫到 3 号窗口): the one set
    in 设置 (HomeConfig.extra[WINDOW_KEY]), else the number in the workstation's code. Set
    empty, the workstation calls no numbers: every window action is refused here, before the
    shared database is touched."""
    if WINDOW_KEY not in ws.config.extra:
        return window_from_code(ws.code)
    value = str(ws.config.extra[WINDOW_KEY] or "")
    if not value:
        raise ValidationError(WINDOW_KEY, NO_WINDOW)
    return value


def calls_here(ws: Workstation) -> bool:
    """Whether this workstation calls numbers at all (its window number is not set empty)."""
    return WINDOW_KEY not in ws.config.extra or bool(ws.config.extra[WINDOW_KEY])


def _may_call(actor: Actor) -> None:
    if not any(actor.may(p) for p in _CALLER_PERMISSIONS):
        raise PermissionDenied(f"{actor.display_name}（{actor.role.label}）无权叫号")


# --- the shared transaction ---------------------------------------------------------------------


def _live(hall: LiveHall, work: Callable[[Connection], T], *, one_statement: bool = False) -> T:
    """One transaction on the shared database; any failure of the database itself becomes
    QueueUnavailable (the transaction rolled back: nothing changed). `one_statement`: `work`
    runs a single statement, committed by the server as it ends (hall.live_statement)."""
    try:
        with hall.live_statement() if one_statement else hall.live() as conn:
            return work(conn)
    except sa_exc.IntegrityError as exc:
        raise ValidationError("ticket", "取号冲突（另一台取号机同时取号），请重试") from exc
    except (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.DBAPIError) as exc:
        if not hall.is_postgres and "database is locked" in _detail(exc):
            raise QueueBusy(
                "其他窗口正在叫号或取号，共享数据库正忙：本次未做任何改动，请稍后再按一次"
            ) from exc
        raise QueueUnavailable(
            f"共享数据库暂时无法连接，叫号与取号不可用（{_detail(exc)}）；办件、咨询等业务不受影响"
        ) from exc


def _detail(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    line = str(orig).strip().splitlines()
    return line[0] if line else type(orig).__name__


def _notify(conn: Connection, hall: LiveHall, what: str) -> None:
    if hall.is_postgres:
        conn.execute(
            text("SELECT pg_notify(:channel, :what)"), {"channel": NOTIFY_CHANNEL, "what": what}
        )


def _insert(hall: LiveHall, table: Any) -> Any:
    return (pg_insert if hall.is_postgres else sqlite_insert)(table)


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def _row(conn: Connection, ticket_id: str, *, lock: bool = True) -> Any:
    query = select(tickets_t).where(tickets_t.c.id == ticket_id)
    return conn.execute(query.with_for_update() if lock else query).one()


def _change(conn: Connection, ticket_id: str, **values: Any) -> Any:
    """Sets `values` on the ticket (its change count +1) and returns the row as it now is."""
    return conn.execute(
        update(tickets_t)
        .where(tickets_t.c.id == ticket_id)
        .values(version=tickets_t.c.version + 1, **values)
        .returning(*tickets_t.columns)
    ).one()


def _payload(row: Any) -> dict[str, Any]:
    return {"set": dict(row._mapping)}


def _record(
    ws: Workstation,
    actor: Actor,
    steps: Sequence[tuple[str, Any]],
    audit: tuple[str, str, dict[str, Any]],
    window_event: tuple[str, str, str] | None = None,
) -> int:
    """The local side of one action: its queue.* events and one audit entry, one transaction.
    A step whose row the local fold already holds at that change count (or later) is not
    written again: a step reconciled while its record waited, or recorded and then reconciled,
    is in the history once. Checked inside the write transaction (BEGIN IMMEDIATE: one writer
    at a time), so two writers cannot both pass it. Returns the steps written. When it fails
    the step is on the shared database only: the window's next action reconciles it."""
    try:
        return _write_steps(ws, actor, steps, audit, window_event)
    except BaseException:
        _RECONCILED.pop(ws, None)
        raise


def _write_steps(
    ws: Workstation,
    actor: Actor,
    steps: Sequence[tuple[str, Any]],
    audit: tuple[str, str, dict[str, Any]],
    window_event: tuple[str, str, str] | None,
) -> int:
    with ws.transaction(actor) as tx:
        ids = [row._mapping["id"] for _, row in steps]
        held = (
            dict(
                tx.session.execute(
                    select(QueueTicketRow.id, QueueTicketRow.version).where(
                        QueueTicketRow.id.in_(ids)
                    )
                ).all()
            )
            if ids
            else {}
        )
        new = [
            (k, r) for k, r in steps if (held.get(r._mapping["id"]) or 0) < r._mapping["version"]
        ]
        if not new and window_event is None:
            return 0
        for kind, row in new:
            tx.emit(kind, "queue_ticket", row._mapping["id"], _payload(row))
        if window_event is not None:
            kind, window, reason = window_event
            tx.emit(kind, "queue_window", window, {"reason": reason})
        tx.audit(*audit)
        return len(new)


def _record_later(
    ws: Workstation,
    actor: Actor,
    steps: Sequence[tuple[str, Any]],
    audit: tuple[str, str, dict[str, Any]],
) -> None:
    """`_record` on the workstation's recorder: the caller has its answer without waiting for
    the local write (queue_recorder.py). A failure is told to the next action's `_settle`."""

    def job() -> None:
        faults.pause_point("queue.after_shared_commit")
        _record(ws, actor, steps, audit)

    _recorder(ws).submit(job)


def _recorder(ws: Workstation) -> Recorder:
    with _RECORDERS_LOCK:
        recorder = _RECORDERS.get(ws)
        if recorder is None:
            recorder = _RECORDERS[ws] = Recorder(ws.code)
            ws.before_close(recorder.close)
        return recorder


def flush_records(ws: Workstation) -> None:
    """Waits until this workstation's queue steps are in its local history (a failed one is
    reconciled by the next action)."""
    if _recorder(ws).flush():
        _RECONCILED.pop(ws, None)


def _settle(ws: Workstation, hall: LiveHall, window: str, day: str) -> None:
    """Before a window's action: the steps of its earlier actions recorded first (the local
    history keeps their order), and whatever the shared database holds and the history lacks
    (a crash, a failed record) reconciled, so the action's own record follows them."""
    flush_records(ws)
    _reconcile(ws, hall, window, day)


def _next_working_day(ws: Workstation, day: date) -> date:
    return ws.calendar().next_working_day(day + timedelta(days=1))


def _day_label(day: date) -> str:
    return f"{day.month} 月 {day.day} 日"


# --- 取号 -----------------------------------------------------------------------------------------


def issue(
    ws: Workstation,
    actor: Actor,
    hall: LiveHall,
    queue: str,
    *,
    flags: Iterable[AssistanceFlag] = (),
    needs_help: bool = False,
    id_number: str = "",
) -> Issued:
    """A new number in `queue` (the kiosk's one tap). Refused, with the next working day, when
    the queue's quota is reached, its range is used up, or its estimated wait would pass its
    closing time (号池不堆号); refused when the same ID number already holds a place in it."""
    settings = settings_of(ws)
    spec = settings.queue(queue)
    now = ws.now()
    today = now.date()
    flag_set = frozenset(flags)
    priority = priority_for(flag_set, needs_help)
    index = cipher = masked = ""
    if id_number.strip():
        number = parse_resident_id(id_number, today=today, field="id_number").number
        index = ws.key.blind_index("id_number", number)
        cipher = ws.key.encrypt("id_number", number)
        masked = mask_resident_id(number)
    if now.time() < spec.opens:
        raise ValidationError("queue", f"{spec.name}今日 {spec.opens:%H:%M} 开始取号，请稍候")
    if now.time() >= spec.closes:
        raise ValidationError(
            "queue",
            f"{spec.name}今日取号已结束（{spec.closes:%H:%M}），"
            f"请于下一个工作日 {_day_label(_next_working_day(ws, today))} 再来",
        )

    def work(conn: Connection) -> tuple[Any, int, float]:
        day = today.isoformat()
        conn.execute(
            _insert(hall, days_t)
            .values(day=day, queue=spec.code, last_number=spec.first - 1)
            .on_conflict_do_nothing()
        )
        state = conn.execute(
            select(days_t).where(days_t.c.day == day, days_t.c.queue == spec.code).with_for_update()
        ).one()
        later = f"请于下一个工作日 {_day_label(_next_working_day(ws, today))} 再来"
        if state.issued >= spec.quota:
            raise ValidationError(
                "queue", f"{spec.name}今日号已发完（每日限 {spec.quota} 个），{later}"
            )
        number = state.last_number + 1
        if number > spec.last:
            # Never wrap: a second A001 the same day would call two people to one number.
            raise ValidationError(
                "queue",
                f"{spec.name}今日号段（{spec.label(spec.first)}–{spec.label(spec.last)}）"
                f"已用完，{later}",
            )
        if index:
            held = conn.scalar(
                select(tickets_t.c.label).where(
                    tickets_t.c.day == day,
                    tickets_t.c.queue == spec.code,
                    tickets_t.c.id_index == index,
                    tickets_t.c.state.in_([s.value for s in ACTIVE_STATES]),
                )
            )
            if held is not None:
                raise ValidationError(
                    "id_number", f"该证件今日在{spec.name}已有未办结的号 {held}，无须重复取号"
                )
        ahead = _waiting_ahead(conn, day, spec.code, priority)
        service_s = _mean_service_s(conn, day, spec.code)
        open_windows = _open_windows(conn, day, spec.code, settings)
        estimate = estimate_wait_s(ahead, service_s, open_windows)
        closing = datetime.combine(today, spec.closes, tzinfo=now.tzinfo)
        if now + timedelta(seconds=estimate) > closing:
            raise ValidationError(
                "queue",
                f"{spec.name}前面还有 {ahead} 人，预计等候约 {round(estimate / 60)} 分钟，"
                f"将超过今日 {spec.closes:%H:%M} 的办理时间；{later}",
            )
        ticket_id = str(uuid.uuid4())
        conn.execute(
            tickets_t.insert().values(
                id=ticket_id,
                day=day,
                queue=spec.code,
                label=spec.label(number),
                priority=priority.value,
                flags=",".join(
                    [f.value for f in AssistanceFlag if f in flag_set] + (["help"] * needs_help)
                ),
                state=TicketState.WAITING.value,
                issued_at=_iso(now),
                issued_ms=_ms(now),
                id_cipher=cipher,
                id_index=index,
                id_masked=masked,
                issued_by=ws.code,
            )
        )
        conn.execute(
            update(days_t)
            .where(days_t.c.day == day, days_t.c.queue == spec.code)
            .values(last_number=number, issued=days_t.c.issued + 1)
        )
        _notify(conn, hall, f"issued {spec.code}")
        return _row(conn, ticket_id, lock=False), ahead, estimate

    flush_records(ws)  # a window that also issues: its earlier steps first
    row, ahead, estimate = _live(hall, work)
    ticket = QueueTicket.of(row)
    _record(
        ws,
        actor,
        [("queue.issued", row)],
        ("queue.issue", ticket.label, {"queue": spec.code, "priority": priority.value}),
    )
    return Issued(ticket, spec.name, ahead, estimate, ws.hall)


def _waiting_ahead(conn: Connection, day: str, queue: str, priority: Priority) -> int:
    query = select(func.count()).where(
        tickets_t.c.day == day,
        tickets_t.c.queue == queue,
        tickets_t.c.state == TicketState.WAITING.value,
    )
    if priority is Priority.GREEN:
        query = query.where(tickets_t.c.priority == Priority.GREEN.value)
    return int(conn.scalar(query) or 0)


def _mean_service_s(conn: Connection, day: str, queue: str) -> float:
    recent = (
        select((tickets_t.c.finished_ms - tickets_t.c.called_ms).label("service"))
        .where(
            tickets_t.c.day == day,
            tickets_t.c.queue == queue,
            tickets_t.c.state == TicketState.DONE.value,
            tickets_t.c.called_ms.is_not(None),
            tickets_t.c.finished_ms.is_not(None),
        )
        .order_by(tickets_t.c.finished_ms.desc())
        .limit(RECENT_SERVICE)
        .subquery()
    )
    value = conn.scalar(select(func.avg(recent.c.service)))
    return float(value) / 1000 if value is not None else float(DEFAULT_SERVICE_S)


def _open_windows(conn: Connection, day: str, queue: str, settings: QueueSettings) -> int:
    rows = conn.execute(
        select(windows_t.c.window, windows_t.c.queues).where(
            windows_t.c.day == day, windows_t.c.paused.is_(False)
        )
    ).all()
    return sum(1 for r in rows if queue in r.queues.split(","))


# --- 叫号 -----------------------------------------------------------------------------------------


def _window_row(
    conn: Connection,
    hall: LiveHall,
    ws: Workstation,
    window: str,
    now: datetime,
    queues: Sequence[str],
) -> Any:
    """This window's row, locked (made on its first action; its queues and day refreshed):
    one statement, as every round trip here is paid by every window calling at once. The
    upsert's update takes the row lock (PostgreSQL), the file's write lock is held (SQLite)."""
    values = {
        "workstation": ws.code,
        "queues": ",".join(queues),
        "day": now.date().isoformat(),
        "updated_ms": _ms(now),
    }
    return conn.execute(
        _insert(hall, windows_t)
        .values(window=window, **values)
        .on_conflict_do_update(index_elements=[windows_t.c.window], set_=values)
        .returning(*windows_t.columns)
    ).one()


def _current(conn: Connection, window_row: Any, day: str) -> Any | None:
    if not window_row.current:
        return None
    row = conn.execute(
        select(tickets_t).where(tickets_t.c.id == window_row.current).with_for_update()
    ).one_or_none()
    if row is None or row.day != day or TicketState(row.state) not in AT_WINDOW_STATES:
        return None
    return row


def call_next(ws: Workstation, actor: Actor, hall: LiveHall) -> QueueTicket | None:
    """叫号: ends the window's current visit (完成) and calls the next ticket of its queues by
    the calling rule; None when nobody waits. A paused window cannot call. Returns once the
    shared database has committed the call; the local record is written just after, on the
    workstation's recorder (`flush_records` waits for it; the next action and closing do)."""
    _may_call(actor)
    settings = settings_of(ws)
    window = window_of(ws)
    queues = sorted(q.code for q in settings.queues_of(window))
    if not queues:
        raise ValidationError("window", f"{window} 号窗口不服务任何队列：请管理员在队列设置中指定")
    _settle(ws, hall, window, ws.today().isoformat())
    now = ws.now()
    day = now.date().isoformat()

    def work(conn: Connection) -> tuple[Any | None, Any | None]:
        win = _window_row(conn, hall, ws, window, now, queues)
        if win.paused:
            raise ValidationError("window", "本窗口已暂停叫号：请先「恢复窗口」")
        ended = None
        if win.current:
            # Ends the current visit (完成) if it is still at the window, in one statement.
            ended = conn.execute(
                update(tickets_t)
                .where(
                    tickets_t.c.id == win.current,
                    tickets_t.c.day == day,
                    tickets_t.c.state.in_([s.value for s in AT_WINDOW_STATES]),
                )
                .values(
                    state=TicketState.DONE.value,
                    finished_ms=_ms(now),
                    version=tickets_t.c.version + 1,
                )
                .returning(*tickets_t.columns)
            ).one_or_none()
        states = {
            r.queue: r
            for r in conn.execute(
                select(days_t)
                .where(days_t.c.day == day, days_t.c.queue.in_(queues))
                .order_by(days_t.c.queue)
                .with_for_update()
            )
        }
        waiting: list[Candidate] = []
        for code in states:
            for priority in Priority:
                found = conn.execute(
                    select(tickets_t)
                    .where(
                        tickets_t.c.day == day,
                        tickets_t.c.queue == code,
                        tickets_t.c.state == TicketState.WAITING.value,
                        tickets_t.c.priority == priority.value,
                        tickets_t.c.target_window.in_(("", window)),
                    )
                    .order_by(tickets_t.c.issued_ms, tickets_t.c.label)
                    .limit(1)
                    .with_for_update(skip_locked=True)
                ).one_or_none()
                if found is not None:
                    waiting.append(
                        Candidate(found.id, code, found.label, priority, found.issued_ms)
                    )
        choice = choose(
            waiting, {c: s.green_streak for c, s in states.items()}, settings.green_ratio
        )
        called = None
        if choice is not None:
            picked = choice.ticket
            calls = states[picked.queue].calls + 1
            conn.execute(
                update(days_t)
                .where(days_t.c.day == day, days_t.c.queue == picked.queue)
                .values(calls=calls, green_streak=choice.streak)
            )
            called = _change(
                conn,
                picked.id,
                state=TicketState.CALLED.value,
                called_at=_iso(now),
                called_ms=_ms(now),
                window=window,
                recalls=0,
                call_seq=calls,
                called_by=actor.username,
            )
        conn.execute(
            update(windows_t)
            .where(windows_t.c.window == window)
            .values(current=called.id if called is not None else "")
        )
        _notify(conn, hall, f"called {window}")
        return ended, called

    if hall.is_postgres:
        ended, called = _call_postgres(ws, actor, hall, settings, window, queues, now)
    else:
        ended, called = _live(hall, work)
    # The call is made and the number known: the window announces it now, and its local
    # record (two events, the audit entry, two fsyncs) follows on the recorder's thread.
    steps = []
    if ended is not None:
        steps.append(("queue.finished", ended))
    if called is not None:
        steps.append(("queue.called", called))
    if steps:
        label = called.label if called is not None else ended.label
        _record_later(ws, actor, steps, ("queue.call", label, {"window": window}))
    return QueueTicket.of(called) if called is not None else None


# The kind of the step that leaves a ticket in each state: what reconciliation records.
_KIND_OF_STATE = {
    TicketState.CALLED: "queue.called",
    TicketState.SERVING: "queue.started",
    TicketState.DONE: "queue.finished",
    TicketState.NO_SHOW: "queue.no_show",
    TicketState.LEFT: "queue.left",
    TicketState.PARKED: "queue.parked",
    TicketState.TRANSFERRED: "queue.transferred",
}
# Workstation → the day its window was last reconciled (once per program run and day, and
# again after a local write failed: a crash is the next run).
_RECONCILED: weakref.WeakKeyDictionary[Workstation, str] = weakref.WeakKeyDictionary()
# The bar's status and a call may both be the first action, on two worker threads: one passes.
_RECONCILING = threading.Lock()
# Workstation → its recorder of queue steps (queue_recorder.py), made on its first call.
_RECORDERS: weakref.WeakKeyDictionary[Workstation, Recorder] = weakref.WeakKeyDictionary()
_RECORDERS_LOCK = threading.Lock()


def _reconcile(ws: Workstation, hall: LiveHall, window: str, day: str) -> int:
    """Records what this window did on the shared database whose local event was lost (the
    program stopped between the shared commit and its local write): each of the window's
    tickets today that the shared row shows ahead of the local copy (its change count, the
    `version`) gets one event carrying the row as it now stands. The local fold then holds
    that version, so a second pass finds nothing: each lost step is recorded once. Recorded
    by the system (who made the step is in the row: called_by)."""
    if _RECONCILED.get(ws) == day:
        return 0
    _recorder(ws).flush()  # a record still waiting is not a lost step
    with _RECONCILING:
        if _RECONCILED.get(ws) == day:
            return 0
        count = _record_lost_steps(ws, hall, window, day)
        _RECONCILED[ws] = day
        return count


def _record_lost_steps(ws: Workstation, hall: LiveHall, window: str, day: str) -> int:
    rows = _live(
        hall,
        lambda conn: conn.execute(
            select(tickets_t)
            .where(tickets_t.c.day == day, tickets_t.c.window == window)
            .order_by(tickets_t.c.called_ms, tickets_t.c.call_seq)  # recorded in calling order
        ).all(),
    )
    with ws.reading() as session:
        local = dict(
            session.execute(
                select(QueueTicketRow.id, QueueTicketRow.version).where(
                    QueueTicketRow.id.in_([r.id for r in rows])
                )
            ).all()
        )
    behind = [
        r for r in rows if local.get(r.id, 0) < r.version and TicketState(r.state) in _KIND_OF_STATE
    ]
    if not behind:
        return 0
    return _record(
        ws,
        SYSTEM_ACTOR,
        [(_KIND_OF_STATE[TicketState(r.state)], r) for r in behind],
        ("queue.reconcile", window, {"tickets": [r.label for r in behind]}),
    )


def _call_postgres(
    ws: Workstation,
    actor: Actor,
    hall: LiveHall,
    settings: QueueSettings,
    window: str,
    queues: Sequence[str],
    now: datetime,
) -> tuple[Any | None, Any | None]:
    """The same call as call_next's step-by-step `work`, in one statement (queue_call.py)."""
    result = _live(
        hall,
        lambda conn: queue_call.call_in_one_statement(
            conn,
            window=window,
            workstation=ws.code,
            queues=queues,
            day=now.date().isoformat(),
            now_ms=_ms(now),
            now_iso=_iso(now),
            username=actor.username,
            ratio=settings.green_ratio,
            channel=NOTIFY_CHANNEL,
        ),
        one_statement=True,
    )
    if result.paused:
        raise ValidationError("window", "本窗口已暂停叫号：请先「恢复窗口」")
    return result.ended, result.called


def _at_window(
    ws: Workstation,
    actor: Actor,
    hall: LiveHall,
    action: QueueAction,
    change: Callable[[Connection, Any, datetime], dict[str, Any]] | None = None,
    *,
    keeps_window: bool = True,
) -> Outcome:
    """An action on the window's current ticket: checked against the ticket's state, one
    shared transaction, then its local event."""
    _may_call(actor)
    settings = settings_of(ws)
    window = window_of(ws)
    queues = sorted(q.code for q in settings.queues_of(window))
    _settle(ws, hall, window, ws.today().isoformat())
    now = ws.now()
    day = now.date().isoformat()

    def work(conn: Connection) -> tuple[Any, QueueAction]:
        win = _window_row(conn, hall, ws, window, now, queues)
        current = _current(conn, win, day)
        if current is None:
            raise ValidationError("ticket", f"本窗口当前没有呼叫中的号，不能{action.label}")
        done = action
        if action is QueueAction.RECALL:
            done = recall_outcome(current.recalls, settings.recall_limit)
        state = after(current.label, TicketState(current.state), done)
        values: dict[str, Any] = {"state": state.value}
        if done is QueueAction.RECALL:
            values["recalls"] = current.recalls + 1
        elif done is QueueAction.FINISH:
            values["finished_ms"] = _ms(now)
        if change is not None:
            values |= change(conn, current, now)
        row = _change(conn, current.id, **values)
        if state not in AT_WINDOW_STATES or not keeps_window:
            conn.execute(update(windows_t).where(windows_t.c.window == window).values(current=""))
        _notify(conn, hall, f"{done.value} {window}")
        return row, done

    row, done = _live(hall, work)
    kind = {
        QueueAction.RECALL: "queue.recalled",
        QueueAction.NO_SHOW: "queue.no_show",
        QueueAction.START: "queue.started",
        QueueAction.FINISH: "queue.finished",
        QueueAction.LEAVE: "queue.left",
        QueueAction.PARK: "queue.parked",
    }[done]
    ticket = QueueTicket.of(row)
    _record(ws, actor, [(kind, row)], (f"queue.{done.value}", ticket.label, {"window": window}))
    return Outcome(ticket, done)


def recall(ws: Workstation, actor: Actor, hall: LiveHall) -> Outcome:
    """重呼: calls the current ticket again; once the recall limit is used up, 过号 instead."""
    return _at_window(ws, actor, hall, QueueAction.RECALL)


def no_show(ws: Workstation, actor: Actor, hall: LiveHall) -> Outcome:
    """过号: the called person did not come."""
    return _at_window(ws, actor, hall, QueueAction.NO_SHOW)


def start(ws: Workstation, actor: Actor, hall: LiveHall) -> Outcome:
    """办理中: the called person is at the window."""
    return _at_window(ws, actor, hall, QueueAction.START)


def finish(ws: Workstation, actor: Actor, hall: LiveHall) -> Outcome:
    """完成: the visit is over (叫号 does this too for the visit it ends)."""
    return _at_window(ws, actor, hall, QueueAction.FINISH)


def leave(ws: Workstation, actor: Actor, hall: LiveHall) -> Outcome:
    """离开: the person gave up."""
    return _at_window(ws, actor, hall, QueueAction.LEAVE)


def _reason(raw: str, required: bool = True) -> str:
    reason = clean_text(raw, "reason", "原因", max_len=REASON_MAX)
    if required and not reason:
        raise ValidationError("reason", "请填写原因")
    return reason


def park(ws: Workstation, actor: Actor, hall: LiveHall, reason: str) -> Outcome:
    """挂起 with a reason (e.g. 回去取材料): the ticket waits aside at this window."""
    why = _reason(reason)
    return _at_window(ws, actor, hall, QueueAction.PARK, lambda c, r, n: {"reason": why})


def link_visit(ws: Workstation, actor: Actor, hall: LiveHall, kind: str, visit_id: str) -> Outcome:
    """The visit (case, consultation, delivery, ticket) started from the called number: its
    rating and its wait belong to one visit. A called ticket becomes 办理中."""
    if kind not in VISIT_KINDS:
        raise ValidationError("visit_kind", f"未知的业务类型「{kind}」")

    def change(conn: Connection, row: Any, now: datetime) -> dict[str, Any]:
        return {"visit_kind": kind, "visit_id": visit_id, "state": TicketState.SERVING.value}

    _may_call(actor)
    settings = settings_of(ws)
    window = window_of(ws)
    queues = sorted(q.code for q in settings.queues_of(window))
    _settle(ws, hall, window, ws.today().isoformat())
    now = ws.now()
    day = now.date().isoformat()

    def work(conn: Connection) -> Any:
        win = _window_row(conn, hall, ws, window, now, queues)
        current = _current(conn, win, day)
        if current is None:
            raise ValidationError("ticket", "本窗口当前没有呼叫中的号")
        return _change(conn, current.id, **change(conn, current, now))

    row = _live(hall, work)
    ticket = QueueTicket.of(row)
    _record(
        ws,
        actor,
        [("queue.linked", row)],
        ("queue.link", ticket.label, {"visit_kind": kind, "visit_id": visit_id}),
    )
    return Outcome(ticket, QueueAction.START)


def resume(ws: Workstation, actor: Actor, hall: LiveHall, ticket_id: str) -> Outcome:
    """恢复 a parked ticket of this window: it is called to the window again."""
    _may_call(actor)
    settings = settings_of(ws)
    window = window_of(ws)
    queues = sorted(q.code for q in settings.queues_of(window))
    _settle(ws, hall, window, ws.today().isoformat())
    now = ws.now()
    day = now.date().isoformat()

    def work(conn: Connection) -> Any:
        win = _window_row(conn, hall, ws, window, now, queues)
        if _current(conn, win, day) is not None:
            raise ValidationError("ticket", "请先办结、过号或挂起当前的号，再恢复挂起的号")
        row = conn.execute(
            select(tickets_t).where(tickets_t.c.id == ticket_id).with_for_update()
        ).one_or_none()
        if row is None or row.day != day:
            raise ValidationError("ticket", "没有这个挂起的号")
        if row.window != window:
            raise ValidationError("ticket", f"{row.label} 号挂起在 {row.window} 号窗口，不在本窗口")
        state = after(row.label, TicketState(row.state), QueueAction.RESUME)
        changed = _change(conn, row.id, state=state.value, recalls=0)
        conn.execute(update(windows_t).where(windows_t.c.window == window).values(current=row.id))
        _notify(conn, hall, f"resumed {window}")
        return changed

    row = _live(hall, work)
    ticket = QueueTicket.of(row)
    _record(ws, actor, [("queue.resumed", row)], ("queue.resume", ticket.label, {"window": window}))
    return Outcome(ticket, QueueAction.RESUME)


def transfer(
    ws: Workstation,
    actor: Actor,
    hall: LiveHall,
    to_queue: str,
    to_window: str = "",
    reason: str = "",
) -> Outcome:
    """转移 the current ticket to another queue (or one window of it): it waits there with its
    original issue time, so it is not sent to the back of the line; the old ticket is 已转移."""
    _may_call(actor)
    settings = settings_of(ws)
    target = settings.queue(to_queue)
    to_window = to_window.strip()
    if to_window and not target.served_by(to_window):
        raise ValidationError("to_window", f"{to_window} 号窗口不服务{target.name}")
    why = _reason(reason, required=False)
    window = window_of(ws)
    queues = sorted(q.code for q in settings.queues_of(window))
    _settle(ws, hall, window, ws.today().isoformat())
    now = ws.now()
    day = now.date().isoformat()

    def work(conn: Connection) -> tuple[Any, Any]:
        win = _window_row(conn, hall, ws, window, now, queues)
        current = _current(conn, win, day)
        if current is None:
            raise ValidationError("ticket", "本窗口当前没有呼叫中的号，不能转移")
        if current.queue == target.code and to_window in ("", window):
            raise ValidationError("to_queue", "请选择另一个队列或窗口")
        after(current.label, TicketState(current.state), QueueAction.TRANSFER)
        conn.execute(
            _insert(hall, days_t)
            .values(day=day, queue=target.code, last_number=target.first - 1)
            .on_conflict_do_nothing()
        )
        new_id = str(uuid.uuid4())
        copy = {
            k: v
            for k, v in current._mapping.items()
            if k
            in (
                "day",
                "label",
                "priority",
                "flags",
                "issued_at",
                "issued_ms",
                "id_cipher",
                "id_index",
                "id_masked",
                "issued_by",
            )
        }
        old = _change(
            conn,
            current.id,
            state=TicketState.TRANSFERRED.value,
            finished_ms=_ms(now),
            reason=why,
        )
        conn.execute(
            tickets_t.insert().values(
                id=new_id,
                queue=target.code,
                state=TicketState.WAITING.value,
                target_window=to_window,
                transferred_from=current.id,
                reason=why,
                **copy,
            )
        )
        conn.execute(update(windows_t).where(windows_t.c.window == window).values(current=""))
        _notify(conn, hall, f"transferred {window}")
        return old, _row(conn, new_id, lock=False)

    old, new = _live(hall, work)
    ticket = QueueTicket.of(new)
    _record(
        ws,
        actor,
        [("queue.transferred", old), ("queue.issued", new)],
        ("queue.transfer", ticket.label, {"to_queue": target.code, "to_window": to_window}),
    )
    return Outcome(ticket, QueueAction.TRANSFER)


def _pause(ws: Workstation, actor: Actor, hall: LiveHall, paused: bool, reason: str) -> None:
    _may_call(actor)
    why = _reason(reason, required=False)
    settings = settings_of(ws)
    window = window_of(ws)
    queues = sorted(q.code for q in settings.queues_of(window))
    _settle(ws, hall, window, ws.today().isoformat())
    now = ws.now()

    def work(conn: Connection) -> None:
        win = _window_row(conn, hall, ws, window, now, queues)
        if win.paused == paused:
            raise ValidationError("window", "本窗口已暂停" if paused else "本窗口未暂停")
        conn.execute(
            update(windows_t)
            .where(windows_t.c.window == window)
            .values(paused=paused, pause_reason=why if paused else "")
        )
        _notify(conn, hall, f"paused {window}")

    _live(hall, work)
    kind = "queue.window_paused" if paused else "queue.window_resumed"
    _record(
        ws,
        actor,
        [],
        (kind.replace("queue.window_", "queue.window."), window, {"reason": why}),
        window_event=(kind, window, why),
    )


def pause_window(ws: Workstation, actor: Actor, hall: LiveHall, reason: str = "") -> None:
    """暂停窗口: this window stops calling (and no longer counts as open for the estimate)."""
    _pause(ws, actor, hall, True, reason)


def resume_window(ws: Workstation, actor: Actor, hall: LiveHall) -> None:
    _pause(ws, actor, hall, False, "")


# --- what is shown ------------------------------------------------------------------------------


def _waiting_counts(conn: Connection, day: str) -> dict[str, int]:
    rows = conn.execute(
        select(tickets_t.c.queue, func.count())
        .where(tickets_t.c.day == day, tickets_t.c.state == TicketState.WAITING.value)
        .group_by(tickets_t.c.queue)
    ).all()
    return {q: int(n) for q, n in rows}


def status(ws: Workstation, hall: LiveHall) -> WindowStatus:
    """The window's bar: its current ticket, parked tickets, paused or not, waiting per queue."""
    settings = settings_of(ws)
    window = window_of(ws)
    queues = tuple(sorted(q.code for q in settings.queues_of(window)))
    day = ws.today().isoformat()
    _reconcile(ws, hall, window, day)  # the window's start: steps a crash left unrecorded

    def work(conn: Connection) -> WindowStatus:
        win = conn.execute(select(windows_t).where(windows_t.c.window == window)).one_or_none()
        current = None
        if win is not None and win.current:
            row = conn.execute(select(tickets_t).where(tickets_t.c.id == win.current)).one_or_none()
            if row is not None and row.day == day and TicketState(row.state) in AT_WINDOW_STATES:
                current = QueueTicket.of(row)
        parked = tuple(
            QueueTicket.of(r)
            for r in conn.execute(
                select(tickets_t)
                .where(
                    tickets_t.c.day == day,
                    tickets_t.c.window == window,
                    tickets_t.c.state == TicketState.PARKED.value,
                )
                .order_by(tickets_t.c.issued_ms)
            )
        )
        waiting = _waiting_counts(conn, day)
        return WindowStatus(
            window,
            queues,
            bool(win.paused) if win is not None else False,
            win.pause_reason if win is not None else "",
            current,
            parked,
            {q: waiting.get(q, 0) for q in queues},
        )

    return _live(hall, work)


def board(hall: LiveHall, day: date, recent: int = 8) -> Board:
    """The display's content for `day`."""
    iso = day.isoformat()

    def work(conn: Connection) -> Board:
        called = conn.execute(
            select(tickets_t)
            .where(tickets_t.c.day == iso, tickets_t.c.called_ms.is_not(None))
            .order_by(tickets_t.c.called_ms.desc(), tickets_t.c.version.desc())
            .limit(60)
        ).all()
        latest: dict[str, QueueTicket] = {}
        for r in called:
            if r.window and r.window not in latest:
                latest[r.window] = QueueTicket.of(r)
        # Every call and recall bumps a version: their sum is a change counter.
        change = conn.scalar(
            select(func.coalesce(func.sum(days_t.c.calls), 0)).where(days_t.c.day == iso)
        )
        recalls = conn.scalar(
            select(func.coalesce(func.sum(tickets_t.c.recalls), 0)).where(tickets_t.c.day == iso)
        )
        return Board(
            latest,
            tuple(QueueTicket.of(r) for r in called[:recent]),
            _waiting_counts(conn, iso),
            int(change or 0) + int(recalls or 0),
        )

    return _live(hall, work)


def waiting_now(hall: LiveHall, day: date) -> dict[str, int]:
    """People waiting per queue now (the dashboard's 当前等候)."""
    return _live(hall, lambda conn: _waiting_counts(conn, day.isoformat()))
