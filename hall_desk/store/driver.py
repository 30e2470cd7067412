"""Statements straight to the local SQLite driver, its errors raised as SQLAlchemy raises them.

The bulk paths write every event, audit entry and projection row this way: through SQLAlchemy
each statement cost more than SQLite took to run it. A driver error is wrapped as SQLAlchemy
wraps it (OperationalError for a full or read-only disk, IntegrityError …), so whoever
classifies failures (`Database.write`, the pull) sees the same exceptions either way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

_INFO = "driver_connection"


def cursor(session: Session) -> Any:
    """A driver cursor on the session's connection (inside its transaction). The connection is
    kept for the transaction: asking the session for it each time cost more than most of the
    statements run on it."""
    held = session.info.get(_INFO)
    transaction = session.get_transaction()
    if held is None or transaction is None or held[0] is not transaction:
        conn = session.connection().connection.dbapi_connection
        held = session.info[_INFO] = (session.get_transaction(), conn)
    return held[1].cursor()


def _wrapped(sql: str, params: Any, exc: sqlite3.Error) -> DBAPIError:
    return DBAPIError.instance(sql, params, exc, sqlite3.Error)


def execute(session: Session, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    """Runs one statement; returns its rows (none for a write)."""
    cur = cursor(session)
    try:
        return cur.execute(sql, params).fetchall()  # type: ignore[no-any-return]
    except sqlite3.Error as exc:
        raise _wrapped(sql, params, exc) from exc
    finally:
        cur.close()


def execute_many(session: Session, sql: str, rows: Iterable[Sequence[Any]]) -> None:
    cur = cursor(session)
    try:
        cur.executemany(sql, rows)
    except sqlite3.Error as exc:
        raise _wrapped(sql, None, exc) from exc
    finally:
        cur.close()
