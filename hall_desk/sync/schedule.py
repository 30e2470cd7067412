"""When the nightly sync is due, and whether last night's was missed (pure; no clock reads)."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from hall_desk.domain.errors import ValidationError

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_sync_time(text: str) -> time:
    match = _HHMM.match(text.strip())
    if not match:
        raise ValidationError("sync_time", f"同步时间「{text}」无效：应为 HH:MM，例如 02:00")
    return time(int(match.group(1)), int(match.group(2)))


def _local_naive(moment: datetime) -> datetime:
    """Compare in the machine's local wall time: the schedule is a local time of day."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def last_scheduled(sync_time: str, now: datetime) -> datetime:
    """The most recent scheduled moment at or before `now` (local wall time, naive)."""
    at = parse_sync_time(sync_time)
    local = _local_naive(now)
    today = datetime.combine(local.date(), at)
    return today if today <= local else today - timedelta(days=1)


def next_scheduled(sync_time: str, now: datetime) -> datetime:
    """The next scheduled moment strictly after `now` (local wall time, naive)."""
    return last_scheduled(sync_time, now) + timedelta(days=1)


def missed_scheduled_sync(sync_time: str, last_success: datetime | None, now: datetime) -> bool:
    """True when no sync succeeded since the most recent scheduled moment (sync at start-up)."""
    if last_success is None:
        return True
    return _local_naive(last_success) < last_scheduled(sync_time, now)
