"""The projection tables' secondary indexes set aside while a pull loads a whole hall, and made
again after it.

A new workstation's first pull inserts every row of the hall into tables that carry up to
fifteen indexes each (a case's dates, states and search keys): kept up row by row, they cost
more than the rows themselves, and building each once at the end, from rows already in place,
costs a fraction of that. Only indexes nothing reads during the load are set aside: unique ones
stay (the database itself refuses a duplicate, and the pull counts on that), and so does every
index led by a column the folds find rows by (`kept`): an entity's own columns, the foreign
keys, and what a handler reads ahead by (`fold_rows.batched(by=…)`).

Crash-safe: the statements that make them again are written to `meta` in the same transaction
that drops them, and removed in the one that makes them again. A process that dies in between
(killed, a power cut) leaves the statements there, and the next open of the database makes the
indexes again before anything else (`make_again_if_set_aside`), so no workstation ever runs on
without them. Searches during the load itself read the tables without those indexes: slower,
over records still arriving.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping

from sqlalchemy.orm import Session

from hall_desk.store import driver
from hall_desk.store.db import Database

log = logging.getLogger("hall_desk.store")

MARKER = "deferred_indexes"  # in meta: the statements making the indexes again, a JSON list
# The one shape of statement set aside and run again: an index of plain columns, nothing else.
# What `meta` holds is run at every open, and anyone who can write the file could put any
# statement there (an ATTACH makes a file wherever the clerk's account may write); a statement
# of this shape can only make an index.
_PLAIN_INDEX = re.compile(r'^CREATE INDEX "?\w+"? ON "?\w+"? \([\w", ]+\)$', re.ASCII)


def _if_missing(sql: str) -> str:
    """A plain index's statement, harmless when the index is there already."""
    return "CREATE INDEX IF NOT EXISTS " + sql.removeprefix("CREATE INDEX ")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def set_aside(session: Session, tables: Mapping[str, frozenset[str]]) -> int:
    """Drops the secondary indexes of `tables` (name → the columns kept indexed) that are not
    unique and not led by a kept column; returns how many. Their statements go to `meta` first,
    in the caller's transaction, together with any set aside before and not yet made again."""
    found = driver.execute(
        session,
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
    )
    dropping: list[tuple[str, str]] = []
    for name, table, sql in found:
        kept = tables.get(table)
        if kept is None or not _PLAIN_INDEX.match(sql):  # another table's, unique, or partial
            continue
        columns = driver.execute(session, f"PRAGMA index_info({_quoted(name)})")
        leading = next((column for seqno, _cid, column in columns if seqno == 0), None)
        if leading is not None and leading not in kept:
            dropping.append((name, sql))
    if not dropping:
        return 0
    statements = [*_waiting(session), *(sql for _name, sql in dropping)]
    driver.execute(
        session,
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (MARKER, json.dumps(statements, ensure_ascii=False)),
    )
    for name, _sql in dropping:
        driver.execute(session, f"DROP INDEX {_quoted(name)}")
    return len(dropping)


def _waiting(session: Session) -> list[str]:
    rows = driver.execute(session, "SELECT value FROM meta WHERE key = ?", (MARKER,))
    return list(json.loads(rows[0][0])) if rows else []


def make_again(session: Session) -> int:
    """Creates every index set aside that is not there, and forgets them; returns how many
    statements ran. In the caller's transaction."""
    statements = _waiting(session)
    for sql in statements:
        if _PLAIN_INDEX.match(sql):
            driver.execute(session, _if_missing(sql))
        else:
            log.error("not run: a statement set aside that is not a plain index: %.200r", sql)
    if statements:
        driver.execute(session, "DELETE FROM meta WHERE key = ?", (MARKER,))
    return len(statements)


def make_again_if_set_aside(db: Database) -> int:
    """The indexes a load that never finished set aside, made again; 0 (after two lookups) when
    there are none. At every open of a database, before its migrations (they may name those
    indexes), and before every pull that is not a load itself (the one that died may have run
    in another process while this one stayed open)."""
    with db.read() as s:
        # A database being created has no meta table yet, and nothing set aside.
        if not driver.execute(s, "SELECT 1 FROM sqlite_master WHERE name = 'meta'"):
            return 0
        if not driver.execute(s, "SELECT 1 FROM meta WHERE key = ?", (MARKER,)):
            return 0
    with db.write() as s:
        made = make_again(s)
    log.warning("made again %d indexes that a load which did not finish had set aside", made)
    return made
