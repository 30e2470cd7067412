"""The rows a run of folds changes: read in bulk, changed as plain values, written back together.

Folding through the ORM costs a `Session.get` (with its autoflush) and a flush per event, which
made a new workstation's first pull and the bulk paths (demo data, the bench home) slow. Here a
batch of events reads the rows of every entity it is about in one query per table, the
handlers change plain dicts, and the batch ends with one INSERT, UPDATE or DELETE statement per
table and shape (executemany), parents before children (the tables' foreign keys).

Handlers that take part say so with `@batched` and reach the batch through `of(session)`; one
that reads rows by something other than its entity's id (a rating's record, a meeting's action
items) names them with `@batched(reads=…)`, so the batch reads them ahead for all its events in
one query per table. Any other handler (a kind added without it) still folds through the ORM:
the batch writes what it holds first and forgets what it read, so both ways see the same rows.

Rows are read by one column, or by several together (`("rated_kind", "record_id")`, the
columns of an index, matched as a tuple).

ORM objects of the rows written here that a service holds in its session are expired, so they
reload what the fold wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from operator import itemgetter
from typing import Any, TypeVar, overload

from sqlalchemy import Boolean, Date, Dialect, Integer, String, Table, and_, bindparam, delete
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from hall_desk.store import driver
from hall_desk.store.base import Base
from hall_desk.store.tables import PROJECTION_TABLES, SORTED_TABLES

Key = tuple[Any, ...]
Row = dict[str, Any]
Column = str | tuple[str, ...]  # one column, or several matched together as a tuple
_CHUNK = 500
_INFO = "fold_rows"
# Parents first (the tables' foreign keys), over every table: store/tables.py has imported
# every table module, so no table the batch writes can be missing from the order.
_ORDER: dict[Table, int] = {t: n for n, t in enumerate(SORTED_TABLES)}
_MODEL: dict[Table, type[Base]] = {m.__table__: m for m in PROJECTION_TABLES}  # type: ignore[misc]

F = TypeVar("F", bound=Callable[..., None])
# What a handler will read besides its entity's rows: (table, column(s), value) for one event,
# given the batch (holding the entity's rows already), the event and its payload.
Reads = Callable[["FoldRows", Any, dict[str, Any]], Iterable[tuple[type[Base], Column, Any]]]


Lookup = tuple[type[Base], Column]  # rows of a table found by these columns
_LOOKUPS: list[Lookup] = []


@overload
def batched(
    handler: F,
    *,
    reads: Reads | None = None,
    own_row: bool = False,
    by: tuple[Lookup, ...] = (),
) -> F: ...
@overload
def batched(
    handler: None = None,
    *,
    reads: Reads | None = None,
    own_row: bool = False,
    by: tuple[Lookup, ...] = (),
) -> Callable[[F], F]: ...
def batched(
    handler: F | None = None,
    *,
    reads: Reads | None = None,
    own_row: bool = False,
    by: tuple[Lookup, ...] = (),
) -> F | Callable[[F], F]:
    """Marks a handler that folds through `of(session)` instead of the ORM; `reads` names the
    rows it will look for beyond its entity's, read ahead for the whole batch, and `by` the
    (table, columns) it finds them by other than a primary key or its entity's own columns
    (a bulk load keeps their indexes: store/deferred_indexes.py).

    `own_row`: of its entity's tables the handler reads only the entity's own row; the child
    rows it needs (a case's materials for a material update) it names in `reads`, event by
    event. Without it every child row of every entity in the batch is read ahead: a case's
    items and materials for each of its steps, though most steps never look at them."""
    _LOOKUPS.extend(by)

    def mark(h: F) -> F:
        h.__fold_rows__ = True  # type: ignore[attr-defined]
        h.__fold_reads__ = reads  # type: ignore[attr-defined]
        h.__fold_own_row__ = own_row  # type: ignore[attr-defined]
        return h

    return mark(handler) if handler is not None else mark


def lookups() -> tuple[Lookup, ...]:
    """What the handlers declared with `by=`."""
    return tuple(_LOOKUPS)


def is_batched(handler: Callable[..., None]) -> bool:
    return bool(getattr(handler, "__fold_rows__", False))


def reads_of(handler: Callable[..., None]) -> Reads | None:
    return getattr(handler, "__fold_reads__", None)  # type: ignore[no-any-return]


def reads_own_row(handler: Callable[..., None]) -> bool:
    """Whether the batch may leave the entity's child rows unread for this handler."""
    return bool(getattr(handler, "__fold_own_row__", False))


def _names(column: Column) -> tuple[str, ...]:
    return (column,) if isinstance(column, str) else column


def _value(row: Row, column: Column) -> Any:
    return row[column] if isinstance(column, str) else tuple(row[c] for c in column)


def of(session: Session) -> FoldRows:
    """The batch the session is folding (one is opened for a handler called on its own)."""
    rows = session.info.get(_INFO)
    if rows is None:
        raise RuntimeError("a batched fold handler runs inside projections.apply / apply_many")
    return rows  # type: ignore[no-any-return]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@cache
def _insert_sql(table: Table) -> str:
    names = [c.name for c in table.columns]
    return (
        f"INSERT INTO {_quoted(table.name)} ({', '.join(map(_quoted, names))})"
        f" VALUES ({', '.join('?' for _ in names)})"
    )


@cache
def _update_sql(table: Table, changed: frozenset[str]) -> tuple[str, tuple[str, ...]]:
    """The statement setting the `changed` columns, and the columns its parameters follow (the
    set ones, then the key)."""
    pk = [c.name for c in table.primary_key.columns]
    rest = [c.name for c in table.columns if c.name in changed and c.name not in pk]
    sql = (
        f"UPDATE {_quoted(table.name)} SET {', '.join(f'{_quoted(c)} = ?' for c in rest)}"
        f" WHERE {' AND '.join(f'{_quoted(c)} = ?' for c in pk)}"
    )
    return sql, (*rest, *pk)


@cache
def _reader(table: Table, columns: tuple[str, ...]) -> tuple[Callable[[Row], Any], tuple[int, ...]]:
    """Picks `columns` out of a row as a tuple, and which of them are dates."""
    dates = {c.name for c in table.columns if isinstance(c.type, Date)}
    pick = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
    return pick, tuple(n for n, c in enumerate(columns) if c in dates)


def _values(t: _TableRows, keys: Iterable[Key], columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """The statement's parameters for the rows under `keys`: `columns` of each, dates as text."""
    pick, dates = _reader(t.table, columns)
    rows = t.rows
    if not dates:
        return [pick(rows[key]) for key in keys]
    out = []
    for key in keys:
        values = list(pick(rows[key]))
        for n in dates:
            if isinstance(values[n], date):
                values[n] = values[n].isoformat()
        out.append(tuple(values))
    return out


@cache
def _select_sql(table: Table, column: Column, count: int) -> str:
    """Rows whose (last) column is one of `count` values; the columns before it equal one value
    each, so a composite lookup follows its index."""
    *fixed, last = _names(column)
    where = [f"{_quoted(name)} = ?" for name in fixed]
    where.append(f"{_quoted(last)} IN ({', '.join('?' * count)})")
    names = ", ".join(_quoted(c.name) for c in table.columns)
    return f"SELECT {names} FROM {_quoted(table.name)} WHERE {' AND '.join(where)}"


@cache
def _exists_sql(table: Table, column: str, count: int) -> str:
    return (
        f"SELECT 1 FROM {_quoted(table.name)}"
        f" WHERE {_quoted(column)} IN ({', '.join('?' * count)}) LIMIT 1"
    )


class NotNew(RuntimeError):
    """A row the fold was told is not in the database (`FoldRows.known_new`) is there."""


@cache
def _converters(table: Table, dialect: Dialect) -> tuple[Row, list[tuple[str, Any]]]:
    """What SQLAlchemy would do to values going in (by column) and coming out (column, function)
    of this table: rows read straight from the driver are the rows a Core select gives."""
    types = {c.name: c.type.dialect_impl(dialect) for c in table.columns}
    binds = {name: t.bind_processor(dialect) for name, t in types.items()}
    results = [(name, t.result_processor(dialect, None)) for name, t in types.items()]
    return {k: f for k, f in binds.items() if f is not None}, [(k, f) for k, f in results if f]


# The class each table's rows are known by in a session's identity map (as
# `orm.util.identity_key` builds the key: (class, primary key, None), here without its lookups).
_IDENTITY: dict[Table, type[Base]] = {
    t: sa_inspect(m)._identity_class
    for t, m in _MODEL.items()  # type: ignore[misc]
}


def _order(table: Table) -> int:
    return _ORDER[table]


@cache
def _shape(table: Table) -> tuple[tuple[str, ...], tuple[str, ...], Row]:
    """(primary key, columns, each column's default) of a table."""
    return (
        tuple(c.name for c in table.primary_key.columns),
        tuple(c.name for c in table.columns),
        {c.name: (c.default.arg if c.default is not None else None) for c in table.columns},  # type: ignore[attr-defined]
    )


def _single_key(name: str) -> Callable[[Row], Key]:
    return lambda row: (row[name],)


class _TableRows:
    def __init__(self, table: Table) -> None:
        self.table = table
        self.pk, self.columns, self.defaults = _shape(table)
        # A row's key, a tuple of its primary key's values (itemgetter gives one for several).
        self.key_of: Callable[[Row], Key] = (
            itemgetter(*self.pk) if len(self.pk) > 1 else _single_key(self.pk[0])
        )
        self.pk_place = {name: n for n, name in enumerate(self.pk)}
        self.rows: dict[Key, Row] = {}  # present: read from the database or added here
        self.absent: set[Key] = set()
        self.new: dict[Key, None] = {}  # to insert, in the order added
        # read from the database and changed: the columns whose values differ from its row there
        self.dirty: dict[Key, set[str]] = {}
        self.gone: set[Key] = set()  # in the database, to delete
        self.stored: set[Key] = set()  # keys the database holds (as far as this batch knows)
        # column → values whose rows are all known here (read in bulk, or deleted together)
        self.complete: dict[Column, set[Any]] = {}
        self.cleared: list[tuple[str, Any]] = []  # (column, value): delete from the database
        self.index: dict[Column, dict[Any, dict[Key, None]]] = {}  # column(s) → value → keys
        # column → values `known_new` named: no row under them, the flush makes sure
        self.assumed: dict[str, set[Any]] = {}
        self.whole = False  # every row of the table is here (it was emptied in this batch)
        self.wipe = False  # empty the table in the database before this batch's inserts

    def put(self, key: Key, row: Row) -> None:
        if key in self.rows:
            self.pop(key)
        self.rows[key] = row
        for column, by_value in self.index.items():
            by_value.setdefault(_value(row, column), {})[key] = None

    def pop(self, key: Key) -> None:
        row = self.rows.pop(key, None)
        if row is not None:
            for column, by_value in self.index.items():
                by_value.get(_value(row, column), {}).pop(key, None)

    def with_value(self, column: Column, value: Any) -> list[Key]:
        by_value = self.index.get(column)
        if by_value is None:
            by_value = self.index[column] = {}
            for key, row in self.rows.items():
                by_value.setdefault(_value(row, column), {})[key] = None
        return list(by_value.get(value, ()))

    def indexed(self, values: Row) -> bool:
        """Whether changing these columns moves a row in an index."""
        return any(name in values for column in self.index for name in _names(column))

    def known_absent(self, key: Key) -> bool:
        if key in self.absent or self.whole:
            return True
        # Read in bulk by a column of the key: a key not read then is not in the database.
        place = self.pk_place
        for column, values in self.complete.items():
            n = place.get(column) if isinstance(column, str) else None
            if n is not None and key[n] in values:
                return True
        return False


def _as_read_back(column_type: Any, value: Any) -> tuple[bool, Any]:
    """(True, what SQLite and SQLAlchemy give back for `value` written to a column of this
    type), or (False, None) when that is not plain (SQLite's type affinity would change it)."""
    if value is None:
        return True, None
    kind = type(value)
    if isinstance(column_type, Boolean):
        return (True, bool(value)) if kind is bool or (kind is int and value in (0, 1)) else NO
    if isinstance(column_type, Integer):
        return (True, value) if kind is int else NO
    if isinstance(column_type, Date):
        if kind is date:
            return True, value
        if kind is str and len(value) == 10 and value[4] == value[7] == "-":
            try:  # YYYY-MM-DD only: what SQLAlchemy's SQLite date reads back the same
                return True, date.fromisoformat(value)
            except ValueError:
                return NO
        return NO
    if isinstance(column_type, String):  # Text too
        return (True, value) if kind is str else NO
    return NO


NO: tuple[bool, Any] = (False, None)


@cache
def _attributes(model: type[Base]) -> tuple[tuple[str, str, Any], ...]:
    """(column name, attribute name, column type) of a mapped table."""
    mapper = sa_inspect(model)
    return tuple((c.name, key, c.type) for key, c in mapper.columns.items())


@cache
def _attributes_by_column(model: type[Base]) -> dict[str, tuple[str, Any]]:
    return {name: (key, column_type) for name, key, column_type in _attributes(model)}


def _refresh(obj: Any, row: Row | None, changed: set[str] | None = None) -> bool:
    """Sets a held object's columns to the row's values as a reload would read them; False (and
    nothing set) where that is not certain or the object has changes of its own.

    `changed`: the only columns this write changed in a row that was in the database; the rest
    of what the unmodified object holds is what the database holds, and is not compared."""
    state = sa_inspect(obj)
    if row is None or state.modified:
        return False
    held = state.dict
    values = []
    if changed is None:
        columns: Iterable[tuple[str, str, Any]] = _attributes(type(obj))
    else:
        by_column = _attributes_by_column(type(obj))
        if not changed <= by_column.keys():
            return False
        columns = [(name, *by_column[name]) for name in changed]
    for name, key, column_type in columns:
        if name not in row:
            return False
        plain, value = _as_read_back(column_type, row[name])
        if not plain:
            return False
        # Only what differs (most steps change a few columns of a wide row): the rest of what
        # the unmodified object holds is what the database holds.
        if key not in held or held[key] != value or type(held[key]) is not type(value):
            values.append((key, value))
    for key, value in values:
        set_committed_value(obj, key, value)
    return True


class FoldRows:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._tables: dict[Table, _TableRows] = {}

    def _t(self, model: type[Base]) -> _TableRows:
        table: Table = model.__table__  # type: ignore[assignment]
        found = self._tables.get(table)
        if found is None:
            found = self._tables[table] = _TableRows(table)
        return found

    # -- reading ------------------------------------------------------------------------------

    def _take(self, t: _TableRows, row: Row) -> None:
        key = t.key_of(row)
        if key in t.gone or key in t.rows:
            return  # what this batch did to it is newer than the database
        t.put(key, row)
        t.stored.add(key)

    def load(self, model: type[Base], column: Column, values: Iterable[Any]) -> None:
        """Reads every row whose `column` is one of `values`: the pk, or a pk's leading part, or
        indexed columns (several: each value a tuple, read per value of all but the last).

        Rows that reference a parent by a foreign key are not looked for under a parent this
        batch already knows is absent: a new case has no items in the database."""
        t = self._t(model)
        done = t.complete.setdefault(column, set())
        wanted = [v for v in dict.fromkeys(values) if v not in done]
        if not wanted or t.whole:
            done.update(wanted)
            return
        if not isinstance(column, str):
            self._read(t, column, wanted)
            done.update(wanted)
            return
        orphans = self._orphans(t, column, wanted)
        done.update(orphans)
        wanted = [v for v in wanted if v not in orphans]
        if not wanted:
            return
        self._read(t, column, wanted)
        done.update(wanted)

    def known_new(self, model: type[Base], column: str, values: Iterable[Any]) -> None:
        """The database holds no row of `model` under these values of `column` (the caller
        made them just now, or takes them to be new): they are not looked for, nor their child
        rows. Made sure of all the same, so that a wrong guess fails instead of folding onto
        rows that are not there: a row added under one fails its insert (the table's key
        refuses it), and the flush looks for the others in the database (`NotNew`)."""
        t = self._t(model)
        values = list(values)
        t.complete.setdefault(column, set()).update(values)
        t.assumed.setdefault(column, set()).update(values)

    def _check_new(self, t: _TableRows) -> None:
        """Raises NotNew when the database holds a row under a value `known_new` named."""
        single = t.pk[0] if len(t.pk) == 1 else None
        binds, _results = _converters(t.table, self.session.get_bind().dialect)
        for column, values in t.assumed.items():
            if column == single:
                if any((v,) in t.stored for v in values):
                    raise NotNew(f"{t.table.name}: a row taken to be new was read")
                # A row added under one is refused by the table's key when its insert runs.
                values = {v for v in values if (v,) not in t.new}
            bind = binds.get(column)
            wanted = [bind(v) if bind else v for v in values]
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                if driver.execute(self.session, _exists_sql(t.table, column, len(chunk)), chunk):
                    raise NotNew(f"{t.table.name}: a row taken to be new is in the database")
        t.assumed = {}

    def _orphans(self, t: _TableRows, column: str, values: Iterable[Any]) -> set[Any]:
        """The values of a foreign key `column` whose parent row the database does not hold (as
        this batch knows): it holds no row of `t` under them either."""
        found: set[Any] = set()
        for fk in t.table.c[column].foreign_keys:
            parent = self._tables.get(fk.column.table)  # type: ignore[arg-type]
            if parent is None or parent.pk != (fk.column.name,):
                continue
            known = parent.complete.get(fk.column.name, ())
            found.update(
                v
                for v in values
                if v in known and (v,) not in parent.stored and (v,) not in parent.gone
            )
        return found

    def _read(self, t: _TableRows, column: Column, wanted: list[Any]) -> None:
        """Rows by `column` straight from the driver (one statement per 500 values, per value
        of the leading columns when there are several)."""
        names = _names(column)
        groups: dict[tuple[Any, ...], list[Any]] = {}
        for value in wanted:
            fixed, last = (value[:-1], value[-1]) if len(names) > 1 else ((), value)
            groups.setdefault(tuple(fixed), []).append(last)
        binds, results = _converters(t.table, self.session.get_bind().dialect)
        # The driver's connection as the transaction holds it (asking the session for its
        # connection cost more than many of these reads).
        cursor = driver.cursor(self.session)
        to_db = [binds.get(name) for name in names]
        columns = t.columns
        try:
            for fixed, lasts in groups.items():
                params = [f(v) if f else v for f, v in zip(to_db, fixed, strict=False)]
                last_bind = to_db[-1]
                if last_bind is not None:
                    lasts = [last_bind(v) for v in lasts]
                for start in range(0, len(lasts), _CHUNK):
                    chunk = lasts[start : start + _CHUNK]
                    sql = _select_sql(t.table, column, len(chunk))
                    for values in cursor.execute(sql, (*params, *chunk)):
                        row = dict(zip(columns, values, strict=True))
                        for name, convert in results:
                            row[name] = convert(row[name])
                        self._take(t, row)
        finally:
            cursor.close()

    def get(self, model: type[Base], *key: Any) -> Row | None:
        """The row's current values, or None when there is no such row."""
        t = self._t(model)
        row = t.rows.get(key)
        if row is not None or t.known_absent(key):
            return row
        self._read(t, t.pk if len(t.pk) > 1 else t.pk[0], [key if len(t.pk) > 1 else key[0]])
        row = t.rows.get(key)
        if row is None:
            t.absent.add(key)
        return row

    def children(self, model: type[Base], column: Column, value: Any) -> list[Row]:
        self.load(model, column, [value])
        t = self._t(model)
        return [t.rows[key] for key in t.with_value(column, value)]

    # -- changing -----------------------------------------------------------------------------

    def add(self, model: type[Base], values: Row) -> Row:
        """A new row: the columns' defaults, then `values`."""
        t = self._t(model)
        row = {**t.defaults, **values}
        key = t.key_of(row)
        t.put(key, row)  # a key in `absent` stays there: the database does not hold it
        t.new[key] = None
        t.dirty.pop(key, None)
        return row

    def update(self, model: type[Base], row: Row, values: Row) -> None:
        t = self._t(model)
        key = t.key_of(row)
        if key not in t.new:
            # Only what changes is written: most steps change a case's state and a timestamp,
            # and SQLite rewrites the entries of every index on a column an UPDATE sets.
            changed = [name for name, value in values.items() if row.get(name) != value]
            if not changed:
                return
            t.dirty.setdefault(key, set()).update(changed)
        if t.index and t.indexed(values):
            t.pop(key)
            row.update(values)
            t.put(key, row)
        else:
            row.update(values)

    def delete(self, model: type[Base], *key: Any) -> None:
        t = self._t(model)
        self._drop(t, key)
        t.absent.add(key)

    def delete_where(self, model: type[Base], column: str, value: Any) -> None:
        """Every row whose `column` is `value`, here and in the database."""
        t = self._t(model)
        # Not read ahead (the handler reads only its entity's own row) but under a parent the
        # database does not hold (a new case): no row there to delete either.
        known = value in t.complete.get(column, ()) or bool(self._orphans(t, column, [value]))
        keys = t.with_value(column, value)
        in_db = [k for k in keys if k in t.stored]
        for key in keys:
            self._drop(t, key)
        if not known or in_db:
            t.cleared.append((column, value))
        t.complete.setdefault(column, set()).add(value)

    def clear(self, model: type[Base]) -> None:
        """Every row of the table, here and in the database (a catalog import replaces it)."""
        t = self._t(model)
        for key in list(t.rows):
            self._drop(t, key)
        t.gone, t.cleared, t.stored = set(), [], set()
        t.whole = t.wipe = True

    def _drop(self, t: _TableRows, key: Key) -> None:
        t.pop(key)
        t.dirty.pop(key, None)
        t.new.pop(key, None)
        if key in t.stored or not t.known_absent(key):
            t.gone.add(key)
        t.stored.discard(key)

    # -- writing ------------------------------------------------------------------------------

    def flush(self) -> None:
        """Writes every change: deletes (children first), inserts and updates (parents first)."""
        tables = sorted(self._tables.values(), key=lambda t: _order(t.table))
        for t in tables:
            if t.assumed:
                self._check_new(t)
        # (table, key, deleted, the columns an update changed: None for a new row)
        written: list[tuple[Table, Key, bool, set[str] | None]] = []
        for t in reversed(tables):
            if t.wipe or t.gone or t.cleared:
                conn = self.session.connection()  # only for deletes: most batches have none
            if t.wipe:
                conn.execute(delete(t.table))
                self._expire_all(t)
                t.wipe = False
            if t.gone:
                cond = and_(*(t.table.c[name] == bindparam(f"k_{name}") for name in t.pk))
                conn.execute(
                    delete(t.table).where(cond),
                    [{f"k_{n}": v for n, v in zip(t.pk, key, strict=True)} for key in t.gone],
                )
                written.extend((t.table, key, True, None) for key in t.gone)
            by_column: dict[str, list[Any]] = {}
            for column, value in t.cleared:
                by_column.setdefault(column, []).append(value)
            for column, values in by_column.items():
                col = t.table.c[column]
                for start in range(0, len(values), _CHUNK):
                    conn.execute(delete(t.table).where(col.in_(values[start : start + _CHUNK])))
            if t.cleared:
                self._expire_where(t, by_column)
        for t in tables:
            # Straight to the driver: the local database is SQLite, and its parameters are plain
            # values once dates are ISO text (as SQLAlchemy's SQLite Date stores them).
            if t.new:
                sql = _insert_sql(t.table)
                driver.execute_many(self.session, sql, _values(t, t.new, t.columns))
                t.stored.update(t.new)
            by_shape: dict[frozenset[str], list[Key]] = {}
            for key, changed in t.dirty.items():
                by_shape.setdefault(frozenset(changed), []).append(key)
            for changed, keys in by_shape.items():
                sql, columns = _update_sql(t.table, changed)
                driver.execute_many(self.session, sql, _values(t, keys, columns))
            written.extend((t.table, key, False, None) for key in t.new)
            written.extend((t.table, key, False, changed) for key, changed in t.dirty.items())
            t.new, t.dirty, t.gone, t.cleared = {}, {}, set(), []
        self._expire(written)

    def forget(self) -> None:
        """Drop what was read (after a fold through the ORM, which may have changed anything)."""
        self._tables.clear()

    # -- the session's own objects ------------------------------------------------------------
    #
    # A service often goes on using a row it holds after emitting an event about it (a move
    # reads the case's number and due date for the handoff it records next). Given the values
    # just written, such an object takes them in place, exactly as a reload would read them
    # back; only where that is not certain (a value of another type than its column's) is it
    # expired, and reloads.

    def _expire(self, written: list[tuple[Table, Key, bool, set[str] | None]]) -> None:
        session = self.session
        if not session.identity_map:
            return
        for table, key, gone, changed in written:
            identity = _IDENTITY.get(table)
            obj = session.identity_map.get((identity, key, None)) if identity else None
            if obj is not None:
                if gone:
                    session.expunge(obj)
                elif not _refresh(obj, self._tables[table].rows.get(key), changed):
                    session.expire(obj)

    def _expire_all(self, t: _TableRows) -> None:
        model = _MODEL.get(t.table)
        if model is not None:
            for obj in list(self.session.identity_map.values()):
                if isinstance(obj, model):
                    self.session.expunge(obj)

    def _expire_where(self, t: _TableRows, by_column: dict[str, list[Any]]) -> None:
        session = self.session
        model = _MODEL.get(t.table)
        if not session.identity_map or model is None:
            return
        for obj in list(session.identity_map.values()):
            if isinstance(obj, model) and any(
                getattr(obj, column) in values for column, values in by_column.items()
            ):
                session.expunge(obj)
