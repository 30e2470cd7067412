"""The status bar's one-line sync summary, in the window's language.

The sync layer words the same facts in Chinese for `hall-desk sync --status`
(SyncStatus.summary); the window builds its line from the fields so that an English window
reads English. In Chinese the two agree word for word (tests/ui/test_english.py checks it).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from hall_desk.sync.status import SyncStatus


def when(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "—"
    local, ref = moment.astimezone(), now.astimezone()
    if local.date() == ref.date():
        return QCoreApplication.translate("SyncSummary", "今天 {time}").format(
            time=f"{local:%H:%M}"
        )
    if local.date() == (ref - timedelta(days=1)).date():
        return QCoreApplication.translate("SyncSummary", "昨天 {time}").format(
            time=f"{local:%H:%M}"
        )
    return f"{local:%Y-%m-%d %H:%M}"


def age_text(age: timedelta) -> str:
    minutes = int(age.total_seconds() // 60)
    if minutes < 1:
        return QCoreApplication.translate("SyncSummary", "不到 1 分钟")
    if minutes < 60:
        return QCoreApplication.translate("SyncSummary", "{n} 分钟").format(n=minutes)
    if minutes < 48 * 60:
        return QCoreApplication.translate("SyncSummary", "{n} 小时").format(n=minutes // 60)
    return QCoreApplication.translate("SyncSummary", "{n} 天").format(n=minutes // (24 * 60))


def summary(status: SyncStatus) -> str:
    """What SyncStatus.summary says, translated."""
    if status.running:
        head = QCoreApplication.translate("SyncSummary", "正在同步…")
    elif status.failing:
        head = (
            QCoreApplication.translate("SyncSummary", "上次同步未完成")
            if status.interrupted is not None
            else QCoreApplication.translate("SyncSummary", "同步失败")
        )
    elif not status.configured:
        head = QCoreApplication.translate("SyncSummary", "未配置共享数据库")
    elif status.last_success is not None:
        done = status.last_success.finished_at or status.last_success.started_at
        head = QCoreApplication.translate("SyncSummary", "上次同步 {when}").format(
            when=when(done, status.now)
        )
    else:
        head = QCoreApplication.translate("SyncSummary", "尚未同步")
    parts = [head]
    if status.unsent:
        age = status.oldest_unsent_age
        parts.append(
            QCoreApplication.translate("SyncSummary", "未同步 {n} 条").format(n=status.unsent)
            + (
                QCoreApplication.translate("SyncSummary", "（最早 {age}前）").format(
                    age=age_text(age)
                )
                if age
                else ""
            )
        )
    if status.open_conflicts:
        parts.append(
            QCoreApplication.translate("SyncSummary", "冲突待处理 {n} 条").format(
                n=status.open_conflicts
            )
        )
    if status.refused_events:
        parts.append(
            QCoreApplication.translate("SyncSummary", "拒收 {n} 条").format(n=status.refused_events)
        )
    if status.notices:
        parts.append(
            QCoreApplication.translate("SyncSummary", "共享库异常 {n} 项").format(
                n=len(status.notices)
            )
        )
    if status.clock_notices:
        # The notice itself comes worded by the sync layer; its first clause only, as there.
        first = status.clock_notices[0].split("：", 1)[0].split("（", 1)[0]
        parts.append(
            QCoreApplication.translate("SyncSummary", "时钟有误：{notice}").format(notice=first)
        )
    return " · ".join(parts)
