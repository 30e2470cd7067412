"""Alembic at start-up: bring the database to this program's schema, refuse a newer one.

The usual start (the schema is already current) reads the revision with one query and the
revision ids from the migration files, without importing Alembic itself (a fifth of a second).
New migrations are written by `make migration NAME="..."` (`new_revision` below).
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import tempfile
from contextlib import redirect_stdout
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, inspect, text

from hall_desk.domain.errors import StorageError
from hall_desk.store.keys import HallKey

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# Revisions are numbered 0001, 0002, …: the file name then sorts in the order they apply.
NUMBER_WIDTH = 4


@dataclass(frozen=True)
class OpeningProgram:
    """What migrations that rewrite records need from the opening program: the hall key (0005
    seals events, 0006 scrubs and re-seals them), and for the audit entry 0006 writes, the
    workstation's code and the time by its clock. Alembic never reads these from anywhere."""

    key: HallKey
    workstation: str
    now: datetime


def alembic_config(
    engine: Engine, location: Path = MIGRATIONS, program: OpeningProgram | None = None
) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(location))
    config.attributes["engine"] = engine
    config.attributes["event_key"] = program.key.event_key if program else None
    config.attributes["hall_key"] = program.key if program else None
    config.attributes["workstation"] = program.workstation if program else None
    config.attributes["now"] = program.now if program else None
    return config


def _constant(node: ast.expr) -> str | tuple[str, ...] | None:
    value = ast.literal_eval(node)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, tuple | list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(value)


# The start of a top-level assignment to either name; the statement runs on over indented and
# closing-bracket lines (a tuple of parents may span several).
_ASSIGNMENT = re.compile(r"^(?:revision|down_revision)\s*[:=]")
_CONTINUED = re.compile(r"^(?:\s|[)\]])")


def _assignments(source: str) -> str:
    """Only the statements assigning the two names: parsing a whole file costs milliseconds."""
    lines = source.splitlines()
    kept: list[str] = []
    for i, line in enumerate(lines):
        if _ASSIGNMENT.match(line):
            kept.append(line)
            kept.extend(_continuation(lines[i + 1 :]))
    return "\n".join(kept)


def _continuation(lines: list[str]) -> list[str]:
    taken = []
    for line in lines:
        if not line or not _CONTINUED.match(line):
            break
        taken.append(line)
    return taken


def read_revision(source: str) -> tuple[str, tuple[str, ...]] | None:
    """(revision, the revisions it follows) from a migration file's top-level assignments.

    Read as Python, not by a pattern on the value: Alembic's template writes `repr()` (single
    quotes), ruff rewrites them to double quotes, and either may carry a type annotation. None
    when the file names no revision or its values are not plain strings.
    """
    try:
        body = ast.parse(_assignments(source)).body
    except SyntaxError:
        return None
    found: dict[str, str | tuple[str, ...] | None] = {}
    for node in body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
            try:
                found[target.id] = _constant(value)
            except ValueError:
                return None
    revision = found.get("revision")
    if not isinstance(revision, str) or "down_revision" not in found:
        return None
    down = found["down_revision"]
    return revision, (() if down is None else (down,) if isinstance(down, str) else down)


@cache
def _revisions(location: Path = MIGRATIONS) -> dict[str, tuple[str, ...]]:
    """revision → the revisions it follows, read from the migration files."""
    chain: dict[str, tuple[str, ...]] = {}
    for path in sorted((location / "versions").glob("*.py")):
        read = read_revision(path.read_text(encoding="utf-8"))
        if read is None:
            raise StorageError(f"迁移文件格式无法识别：{path.name}")
        chain[read[0]] = read[1]
    return chain


def head_revision(location: Path = MIGRATIONS) -> str:
    chain = _revisions(location)
    parents = {down for downs in chain.values() for down in downs}
    heads = [rev for rev in chain if rev not in parents]
    if len(heads) != 1:
        raise StorageError(f"迁移文件有 {len(heads)} 个末端版本，应为 1 个")
    return heads[0]


def is_known_revision(revision: str | None, location: Path = MIGRATIONS) -> bool:
    """False for a schema written by a newer program (a revision this one has no file for)."""
    return revision is None or revision in _revisions(location)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(
    engine: Engine, location: Path = MIGRATIONS, *, program: OpeningProgram | None = None
) -> bool:
    """True when the schema was migrated (False: it was current already)."""
    current = current_revision(engine)
    if current == head_revision(location):
        return False
    if current is not None and current not in _revisions(location):
        raise StorageError(
            f"数据库由更新版本的 hall-desk 创建（结构版本 {current}），本程序无法打开；"
            f"请先升级本程序。数据库未作任何修改。"
        )
    from alembic import command

    command.upgrade(alembic_config(engine, location, program), "head")
    return True


def next_number(location: Path = MIGRATIONS) -> str:
    numbers = [int(rev) for rev in _revisions(location) if rev.isdigit()]
    return str(max(numbers, default=0) + 1).zfill(NUMBER_WIDTH)


def new_revision(message: str, location: Path = MIGRATIONS, autogenerate: bool = True) -> Path:
    """Write the next numbered migration from the project's template; returns its file.

    With autogenerate, its operations are what the mapped tables have that the schema at the
    current head lacks (compared on a scratch SQLite database, thrown away afterwards).
    """
    from alembic import command

    if not message.strip():
        raise ValueError("a migration needs a message saying what it changes")
    number = next_number(location)
    with tempfile.TemporaryDirectory() as scratch:
        engine = create_engine(f"sqlite:///{Path(scratch) / 'schema.sqlite3'}")
        try:
            config = alembic_config(engine, location)
            if autogenerate:
                command.upgrade(config, "head")
            script = command.revision(
                config, message=message.strip(), rev_id=number, autogenerate=autogenerate
            )
        finally:
            engine.dispose()
    _revisions.cache_clear()
    if script is None or isinstance(script, list):
        raise StorageError(f"迁移文件 {number} 未能生成")
    return Path(script.path)


def main(argv: list[str]) -> int:
    """`python -m hall_desk.store.migrate [--empty] [--location DIR] MESSAGE`; prints the file."""
    parser = argparse.ArgumentParser(prog="python -m hall_desk.store.migrate")
    parser.add_argument("message", help="what the migration changes")
    parser.add_argument("--empty", action="store_true", help="no autogenerated operations")
    parser.add_argument("--location", type=Path, default=MIGRATIONS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.message.strip():
        parser.error("the message is empty")
    # Alembic reports its progress on stdout; the path alone goes there, for the Makefile.
    with redirect_stdout(sys.stderr):
        path = new_revision(args.message, args.location, autogenerate=not args.empty)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
