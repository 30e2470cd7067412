"""Telling the admin, in words, that a clock is wrong: at start-up and at every sync.

What counts as real time: at start-up only this machine's own records are at hand, so the
newest event held here (its hybrid timestamp) is compared with the wall clock; newer by more
than the hall's clock margin means the wall clock runs behind now, or ran ahead when those
records were made and has since been corrected. At a sync, the shared database's server clock
(PostgreSQL `now()`) is the hall's one reference, and both directions can be told apart; a
shared SQLite file has no server, so the newest times the other workstations recorded stand in
(this machine is behind when they are well past its clock, unless theirs run ahead).
"""

from __future__ import annotations

from datetime import datetime

from hall_desk.domain.clock import Timestamp, skew_words


def _at(ms: int) -> str:
    return f"{datetime.fromtimestamp(ms / 1000).astimezone():%Y-%m-%d %H:%M}"


def startup_notice(newest: Timestamp | None, wall_ms: int, margin_ms: int) -> str:
    """'' when the wall clock is not behind the newest record held here."""
    if newest is None or newest.ms - wall_ms <= margin_ms:
        return ""
    return (
        f"本机时钟比本机最新一条记录的时间早 {skew_words(newest.ms - wall_ms)}"
        f"（最新记录 {_at(newest.ms)}，本机时钟 {_at(wall_ms)}）："
        "如果本机时钟曾被调快、现已改正，此后的记录按正确时间记录，其他工作站照常接收；"
        "如果是本机时钟现在慢了，请管理员立即校正系统时间，否则本机的修改会被排在较早的位置"
    )


def server_notice(wall_ms: int, server_ms: int, margin_ms: int) -> str:
    """The wall clock against the shared database server's clock (PostgreSQL)."""
    skew = wall_ms - server_ms
    if skew > margin_ms:
        return (
            f"本机时钟比共享库服务器快 {skew_words(skew)}：请管理员校正本机系统时间。"
            "校正之前本机新产生的记录时间超前，其他工作站会暂缓应用，"
            "校正后本机产生新记录时自动补上"
        )
    if -skew > margin_ms:
        return (
            f"本机时钟比共享库服务器慢 {skew_words(skew)}：请管理员校正本机系统时间。"
            "校正之前，本机与其他工作站同时修改同一项信息时，本机的修改会被当作较早的一次"
            "（申请人信息会列为冲突，由班组长决定）"
        )
    return ""


def peers_notice(wall_ms: int, newest_peer: Timestamp | None, origin: str, margin_ms: int) -> str:
    """Without a server clock: the newest time another workstation recorded (SQLite shared)."""
    if newest_peer is None or newest_peer.ms - wall_ms <= margin_ms:
        return ""
    return (
        f"本机时钟比工作站 {origin} 最新一条记录的时间慢 {skew_words(newest_peer.ms - wall_ms)}"
        f"（该记录 {_at(newest_peer.ms)}，本机时钟 {_at(wall_ms)}）："
        "本机时钟可能慢了，也可能是该工作站的时钟超前，请管理员核对两台机器的系统时间"
    )


def own_drift_notice(newest_own: Timestamp | None, reference_ms: int, margin_ms: int) -> str:
    """Records made here with a timestamp ahead of real time (the clock ran fast)."""
    if newest_own is None or newest_own.ms - reference_ms <= margin_ms:
        return ""
    return (
        f"本机有记录的时间比当前时间超前 {skew_words(newest_own.ms - reference_ms)}"
        f"（最晚 {_at(newest_own.ms)}），本机时钟曾被调快：其他工作站暂缓应用这些记录，"
        "本机按正确时间产生新记录后会自动补上"
    )
