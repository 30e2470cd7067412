"""The audit anchor's second copy: kept in the shared database, compared at sync and by verify.

The anchor file beside the database (store/audit.py) goes with the machine: whoever deletes the
tail of the audit chain or of the events can delete or roll back the file too, or put an old
copy of the whole home in place. So at the end of each sync the workstation also publishes its
anchor — its chain's length and head and its newest acknowledged own event, under a MAC of the
hall's audit key that names the workstation — into the shared database, and first holds its
local records against what it published last time: a chain or an event log that no longer
reaches it is reported, and the shared copy is left as it was (it never moves back).

A restore from backup is the one legitimate way back. It is recorded (the restore's audit entry
and `restore_pending`); the sync that takes back the workstation's later events
(`sync/reclaim.py`) marks the anchor for re-establishing, and the next publish replaces the
shared copy, auditing what it superseded, instead of reporting it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, inspect, select
from sqlalchemy.orm import Session

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor
from hall_desk.services.credentials import passfile
from hall_desk.services.workstation import RESTORE_PENDING, Workstation
from hall_desk.store import audit
from hall_desk.store.models import AuditEntry, Event, Meta
from hall_desk.sync.shared import ANCHOR_LOCK, SharedDatabase, parse_location, shared_anchors

# Set in meta by the reclaim after a restore, cleared by the publish that starts over.
REESTABLISH = "shared_anchor_reestablish"


@dataclass(frozen=True)
class Published:
    anchor: audit.Anchor
    mac: str
    published_at: str
    reestablished_at: str


def read_published(conn: Connection, code: str) -> Published | None:
    a = shared_anchors.c
    row = conn.execute(select(shared_anchors).where(a.workstation == code)).first()
    if row is None:
        return None
    return Published(
        audit.Anchor(int(row.audit_seq), row.audit_hash, int(row.event_seq), row.event_id),
        row.mac,
        row.published_at,
        row.reestablished_at,
    )


def compare(session: Session, key: bytes, code: str, published: Published) -> str:
    """'' when the local records still reach the published anchor; else why not, in Chinese."""
    anchor = published.anchor
    if not audit.anchor_ok(key, anchor, published.mac, owner=code):
        return (
            f"共享数据库中本工作站（{code}）的留痕锚点校验码不符：它被改动过，"
            f"或并非由持有大厅密钥的工作站写入"
        )
    problems = []
    if not audit.chain_holds(session, anchor):
        length = int(session.scalar(select(func.max(AuditEntry.seq))) or 0)
        if length < anchor.seq:
            problems.append(
                f"本机留痕记录比本工作站上次同步时存入共享数据库的少：共享库记载至少 "
                f"{anchor.seq} 条，本机现仅有 {length} 条"
            )
        else:
            problems.append(
                f"本机第 {anchor.seq} 条留痕记录与本工作站存入共享数据库的锚点不符（被替换或重写）"
            )
    if anchor.event_seq:
        tip = audit.own_tip(session, code)
        last = tip[0] if tip else 0
        at = session.scalar(
            select(Event.id).where(Event.origin == code, Event.seq == anchor.event_seq)
        )
        if last < anchor.event_seq:
            problems.append(
                f"本机事件比本工作站上次同步时存入共享数据库的少：共享库记载至少到第 "
                f"{anchor.event_seq} 号，本机现仅到第 {last} 号"
            )
        elif at != anchor.event_id:
            problems.append(f"本机第 {anchor.event_seq} 号事件与共享数据库中的锚点不符")
    if not problems:
        return ""
    return (
        "；".join(problems)
        + "（记录末尾被删除，或本机数据库未经 hall-desk restore 换成了旧备份）："
        "请管理员执行 hall-desk audit verify 查看，必要时用 hall-desk restore 恢复最近的备份"
    )


def _local(session: Session, code: str, pushed_seq: int) -> audit.Anchor:
    """The chain's head now, and the newest own event the shared database acknowledged."""
    chain = audit.head(session) or audit.Anchor(0, audit.GENESIS)
    acked = (
        session.scalar(select(Event.id).where(Event.origin == code, Event.seq == pushed_seq))
        if pushed_seq
        else None
    )
    return audit.Anchor(chain.seq, chain.hash, pushed_seq if acked else 0, acked or "")


def _to_write(
    ws: Workstation, published: Published | None, restart: bool, pushed_seq: int
) -> tuple[str, audit.Anchor | None]:
    """(problem, the anchor to write or None when the shared copy needs no change)."""
    with ws.db.read() as s:
        if published is not None and not restart:
            problem = compare(s, ws.key.audit_key, ws.code, published)
            if problem:
                return problem, None
        mine = _local(s, ws.code, pushed_seq)
    if published is not None and not restart:
        held = published.anchor
        if held.seq >= mine.seq and held.event_seq >= mine.event_seq:
            return "", None
    return "", mine


def publish_anchor(
    ws: Workstation,
    actor: Actor,
    shared: SharedDatabase,
    pushed_seq: int,
    at: str,
    *,
    pushed: bool = False,
) -> str:
    """Compare, then move the shared copy forward; '' or the problem (then nothing is written).

    `pushed`: this sync acknowledged own events, so the anchor has moved and is written."""
    key = ws.key.audit_key
    with ws.db.read() as s:
        restart = s.get(Meta, REESTABLISH) is not None
    # Decided on a read first: a sync that only pulled, with nothing new to publish, takes no
    # write lock (on SQLite that would wait for whoever is pushing). After a push the anchor
    # moved: the comparison is made once, under the lock.
    if not pushed:
        with shared.reading() as conn:
            problem, mine = _to_write(ws, read_published(conn, ws.code), restart, pushed_seq)
        if problem or mine is None:
            return problem
    with shared.writing(ANCHOR_LOCK) as conn:
        published = read_published(conn, ws.code)  # again, under the lock
        problem, mine = _to_write(ws, published, restart, pushed_seq)
        if problem or mine is None:
            return problem
        superseded = published if restart else None
        a = shared_anchors.c
        conn.execute(delete(shared_anchors).where(a.workstation == ws.code))
        conn.execute(
            shared_anchors.insert().values(
                workstation=ws.code,
                audit_seq=mine.seq,
                audit_hash=mine.hash,
                event_seq=mine.event_seq,
                event_id=mine.event_id,
                mac=audit.anchor_mac(key, mine, owner=ws.code),
                published_at=at,
                reestablished_at=at
                if restart
                else (published.reestablished_at if published else ""),
            )
        )
    if restart:
        with ws.transaction(actor) as tx:
            mark = tx.session.get(Meta, REESTABLISH)
            if mark is not None:
                tx.session.delete(mark)
            old = superseded.anchor if superseded is not None else None
            tx.audit(
                "sync.anchor_reestablished",
                shared.location.display,
                {
                    "restored_at": mark.value if mark is not None else "",
                    "superseded_audit_seq": old.seq if old else 0,
                    "superseded_event_seq": old.event_seq if old else 0,
                    "audit_seq": mine.seq,
                    "event_seq": mine.event_seq,
                },
            )
    return ""


# --- `hall-desk audit verify`: the same comparison, read only -----------------------------------


@dataclass(frozen=True)
class SharedCheck:
    problem: str = ""  # the local records fall short of the shared anchor
    note: str = ""  # why the comparison was not made (offline, not yet published, …)


def check_against_shared(ws: Workstation) -> SharedCheck:
    """Reads the configured shared database, if any; creates and changes nothing there."""
    raw = ws.config.shared_url.strip()
    if not raw:
        return SharedCheck()
    with ws.reading() as s:
        if s.get(Meta, RESTORE_PENDING) is not None or s.get(Meta, REESTABLISH) is not None:
            return SharedCheck(
                note="本工作站刚从备份恢复：共享数据库中的留痕锚点将在下次同步时重新建立，此次未核对"
            )
    try:
        location = parse_location(raw)
        if location.path is not None and not location.path.is_file():
            return SharedCheck(note=f"共享数据库文件 {location.display} 不存在，未与其中的锚点核对")
        shared = SharedDatabase(
            location, application=f"hall-desk {ws.code}", passfile=passfile(ws.home)
        )
    except HallDeskError as exc:
        return SharedCheck(note=f"未与共享数据库中的锚点核对：{exc.message}")
    try:
        with shared.reading() as conn:
            if not inspect(conn).has_table(shared_anchors.name):
                return SharedCheck(note="共享数据库中尚无留痕锚点（下次同步后建立），未核对")
            published = read_published(conn, ws.code)
    except HallDeskError as exc:
        return SharedCheck(note=f"未能读取共享数据库，未与其中的锚点核对：{exc.message}")
    finally:
        shared.close()
    if published is None:
        return SharedCheck(note="共享数据库中尚无本工作站的留痕锚点（下次同步后建立），未核对")
    with ws.reading() as s:
        return SharedCheck(problem=compare(s, ws.key.audit_key, ws.code, published))
