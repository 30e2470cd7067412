"""A live queue connection checked as it is taken from the pool, without a round trip if it can.

A window keeps its queue connection all day, and a server restart (or an administrator ending
the session) closes it from the server's side. The next action must then reconnect rather than
fail once, and it must find out before its statement is sent: a statement that fails once sent
may or may not have been committed, so pressing again could call twice.

`pool_pre_ping` finds out by a ping on every checkout: one more round trip on every call, which
under load each window pays in scheduling as much as in network. Here the connection is pinged
only when it cannot be vouched for locally:
- the server has said something while it sat idle (its socket is readable): a restart's
  "terminating connection" and the closed socket come this way, at no cost to look for;
- it has sat idle longer than IDLE_PING_S (a connection dropped silently on the way, by a NAT or
  a firewall that forgot it, shows nothing on the socket);
- the last statement on it failed without the pool having replaced it.
A connection that fails the ping is replaced before the action's statement is sent.
"""

from __future__ import annotations

import contextlib
import select
import time
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy import exc as sa_exc

IDLE_PING_S = 5.0
_USED = "hall_desk_used_at"  # monotonic time the connection was made or last given back
_SUSPECT = "hall_desk_suspect"  # a statement on it failed


def check_on_checkout(engine: Engine) -> None:
    """Installs the check on `engine`'s pool (instead of pool_pre_ping)."""

    def connected(dbapi_conn: Any, record: Any) -> None:
        record.info[_USED] = time.monotonic()

    def checked_in(dbapi_conn: Any, record: Any) -> None:
        if record is not None:
            record.info[_USED] = time.monotonic()

    def checked_out(dbapi_conn: Any, record: Any, proxy: Any) -> None:
        info = record.info
        idle = time.monotonic() - info.get(_USED, float("-inf"))
        if not (info.pop(_SUSPECT, False) or idle > IDLE_PING_S or _server_spoke(dbapi_conn)):
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as exc:  # whatever the driver says: this connection is not usable
            raise sa_exc.DisconnectionError(f"the live connection failed its check: {exc}") from exc

    def failed(context: Any) -> None:
        if context.connection is not None and not context.is_disconnect:
            with contextlib.suppress(Exception):  # a connection already closed needs no mark
                context.connection.info[_SUSPECT] = True

    event.listen(engine, "connect", connected)
    event.listen(engine, "checkin", checked_in)
    event.listen(engine, "checkout", checked_out)
    event.listen(engine, "handle_error", failed)


def _server_spoke(dbapi_conn: Any) -> bool:
    """Whether the server sent anything while the connection was idle (nothing is expected:
    this connection listens to no channel), or the connection is no longer open."""
    if getattr(dbapi_conn, "closed", False) or getattr(dbapi_conn, "broken", False):
        return True
    try:
        readable, _, _ = select.select([dbapi_conn.fileno()], [], [], 0)
    except Exception:  # no socket any more, or the driver's error for a connection it gave up
        return True
    return bool(readable)
