"""Deadline marks and dwell times, in the window's language.

The domain words a deadline once, in Chinese, for the lists and the printed ledgers
(deadline.classify, tickets.urgency: "剩余 3 个工作日", "已超期（2026-12-01 到期）"…). The window
shows that text through `deadline()`, which recognises each of those shapes and says it again
from the catalog; a text of no known shape (a state's label) goes through `word()`. In Chinese
both read the same (tests/ui/test_english.py walks every shape the domain gives).
"""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hall_desk.ui.words import word

# The domain's shapes, as the catalog's sources: {n} stands for a count, {date} for a day.
SHAPES = (
    QT_TRANSLATE_NOOP("Deadline", "已超期 {n} 个工作日"),
    QT_TRANSLATE_NOOP("Deadline", "临近期限：剩余 {n} 个工作日"),
    QT_TRANSLATE_NOOP("Deadline", "剩余 {n} 个工作日"),
    QT_TRANSLATE_NOOP("Deadline", "已超期（{date} 到期）"),
    QT_TRANSLATE_NOOP("Deadline", "计时暂停（自 {date}）"),
    QT_TRANSLATE_NOOP("Deadline", "今日到期"),
    QT_TRANSLATE_NOOP("Deadline", "补正中，尚未起算"),
    QT_TRANSLATE_NOOP("Deadline", "计时暂停（等待反映人）"),
    QT_TRANSLATE_NOOP("Deadline", "已提级，由营商环境办督办"),
    QT_TRANSLATE_NOOP("Deadline", "无办理期限"),
)
_FIELDS = {"{n}": r"(?P<n>\d+)", "{date}": r"(?P<date>[\d-]+)"}


def _pattern(source: str) -> re.Pattern[str]:
    text = re.escape(source)
    for field, group in _FIELDS.items():
        text = text.replace(re.escape(field), group)
    return re.compile(text)


_COMPILED = [(_pattern(source), source) for source in SHAPES]
# What the domain may add at the end: an estimated count, a ticket that was once late.
SUFFIXES = (QT_TRANSLATE_NOOP("Deadline", "（估算）"), QT_TRANSLATE_NOOP("Deadline", "（曾超期）"))


def deadline(text: str) -> str:
    """A deadline mark as the domain words it, for display."""
    suffix = next((s for s in SUFFIXES if text.endswith(s)), "")
    body = text[: len(text) - len(suffix)] if suffix else text
    shown = word(body)
    for shape, source in _COMPILED:
        match = shape.fullmatch(body)
        if match is not None:
            shown = QCoreApplication.translate("Deadline", source).format(**match.groupdict())
            break
    return shown + (QCoreApplication.translate("Deadline", suffix) if suffix else "")


def dwell(span: timedelta) -> str:
    """How long a folder has stayed (services.common.dwell_text, translated)."""
    minutes = max(0, int(span.total_seconds() // 60))
    if minutes < 1:
        return QCoreApplication.translate("Dwell", "不足 1 分钟")
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days and hours:
        return QCoreApplication.translate("Dwell", "{days} 天 {hours} 小时").format(
            days=days, hours=hours
        )
    if days:
        return QCoreApplication.translate("Dwell", "{days} 天").format(days=days)
    if hours and mins:
        return QCoreApplication.translate("Dwell", "{hours} 小时 {mins} 分").format(
            hours=hours, mins=mins
        )
    if hours:
        return QCoreApplication.translate("Dwell", "{hours} 小时").format(hours=hours)
    return QCoreApplication.translate("Dwell", "{mins} 分钟").format(mins=mins)
