"""The hall the window's queue tests stand in: every queue open all day, and the workstation's
clock at 10:00 tomorrow, hours from closing time, so the kiosk never refuses a ticket because
the suite happens to run just before midnight."""

from __future__ import annotations

from datetime import time

from hall_desk.domain.queue import DEFAULT_SETTINGS, QueueSettings
from hall_desk.domain.roles import Actor
from hall_desk.services import queue
from hall_desk.services.workstation import Workstation
from tests.conftest import next_morning, running_clock


def open_all_day(ws: Workstation, admin: Actor) -> None:
    ws.wall = running_clock(next_morning())
    all_day = tuple(
        type(q)(q.code, q.name, opens=time(0, 0), closes=time(23, 59))
        for q in DEFAULT_SETTINGS.queues
    )
    queue.save_settings(ws, admin, QueueSettings(all_day))
