"""A window's (or the kiosk's, or the display's) link to the live queue on the shared database.

Opened lazily, on the first queue action: a workstation whose shared database is away still
starts, and every queue action says so (services.queue.QueueUnavailable) instead of waiting.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from hall_desk.domain.errors import HallDeskError, StorageError
from hall_desk.services.credentials import passfile
from hall_desk.services.queue import QueueUnavailable
from hall_desk.services.workstation import Workstation
from hall_desk.sync.shared import Location, SharedDatabase, parse_location

QUEUE_CONNECT_TIMEOUT_S = 3  # a window waits this long at most before it says the queue is away


class QueueLink:
    """Satisfies services.queue.LiveHall; `close()` when the window closes."""

    def __init__(self, ws: Workstation, url: str | None = None) -> None:
        self.ws = ws
        self.url = (url if url is not None else ws.config.shared_url or "").strip()
        self._location: Location | None = None
        self._shared: SharedDatabase | None = None

    @property
    def configured(self) -> bool:
        return bool(self.url)

    def require_configured(self) -> None:
        """The kiosk and the display exist only for the queue: without the address, refuse."""
        if not self.url:
            raise StorageError(
                "本工作站未设置共享数据库：取号机与叫号显示屏需要大厅的共享数据库"
                "（hall-desk sync --shared 地址，或在系统设置中填写）"
            )

    @property
    def is_postgres(self) -> bool:
        return self._where().is_postgres

    @property
    def notify_url(self) -> str:
        """The PostgreSQL address to LISTEN on for the queue's changes, as libpq takes it; ""
        on the SQLite file (no NOTIFY there), or when the address is missing or wrong (then
        every read says why)."""
        try:
            where = self._where()
        except HallDeskError:
            return ""
        return where.given if where.is_postgres else ""

    def _where(self) -> Location:
        if not self.url:
            raise QueueUnavailable(
                "本工作站未设置共享数据库：叫号与取号不可用（办件、咨询等业务不受影响）"
            )
        if self._location is None:
            try:
                self._location = parse_location(self.url)
            except HallDeskError as exc:
                raise QueueUnavailable(f"共享数据库地址无效：{exc.message}") from exc
        return self._location

    def _open(self) -> SharedDatabase:
        if self._shared is None:
            location = self._where()
            try:
                shared = SharedDatabase(
                    location,
                    application=f"hall-desk queue {self.ws.code}",
                    passfile=passfile(self.ws.home),
                    connect_timeout_s=QUEUE_CONNECT_TIMEOUT_S,
                    live=True,
                )
            except HallDeskError as exc:
                raise QueueUnavailable(exc.message) from exc
            try:
                shared.prepare(self.ws.key.fingerprint, self.ws.hall, self.ws.now())
            except HallDeskError as exc:
                shared.close()
                raise QueueUnavailable(f"叫号与取号不可用：{exc.message}") from exc
            self._shared = shared
        return self._shared

    @contextmanager
    def live(self) -> Iterator[Connection]:
        with self._open().live() as conn:
            yield conn

    @contextmanager
    def live_statement(self) -> Iterator[Connection]:
        with self._open().live_statement() as conn:
            yield conn

    def close(self) -> None:
        if self._shared is not None:
            self._shared.close()
            self._shared = None
