"""One sync at a time for each home in this program, and whether one is running now."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from hall_desk.services.workstation import Workstation
from hall_desk.sync.errors import SyncBusy

_running: set[str] = set()
_running_lock = threading.Lock()


@contextmanager
def exclusive(ws: Workstation) -> Iterator[None]:
    key = str(ws.home.path.resolve())
    with _running_lock:
        if key in _running:
            raise SyncBusy("本工作站正在同步，请等待当前同步完成")
        _running.add(key)
    try:
        yield
    finally:
        with _running_lock:
            _running.discard(key)


def is_running(ws: Workstation) -> bool:
    with _running_lock:
        return str(ws.home.path.resolve()) in _running
