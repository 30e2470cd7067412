"""Alembic at start-up: bring the database to this program's schema, refuse a newer one.

The usual start (the schema is already current) reads the revision with one query and the
revision ids from the migration files, without importing Alembic itself (a fifth of a second).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from hall_desk.domain.errors import StorageError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r'^revision: str = "([^"]+)"', re.M)
_DOWN = re.compile(r'^down_revision: str \| None = (?:"([^"]+)"|None)', re.M)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


@cache
def _revisions() -> dict[str, str | None]:
    """revision → down_revision, read from the migration files."""
    chain: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            raise StorageError(f"迁移文件格式无法识别：{path.name}")
        chain[revision.group(1)] = down.group(1)
    return chain


def head_revision() -> str:
    chain = _revisions()
    parents = {down for down in chain.values() if down}
    heads = [rev for rev in chain if rev not in parents]
    if len(heads) != 1:
        raise StorageError(f"迁移文件有 {len(heads)} 个末端版本，应为 1 个")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> None:
    current = current_revision(engine)
    if current == head_revision():
        return
    if current is not None and current not in _revisions():
        raise StorageError(
            f"数据库由更新版本的 hall-desk 创建（结构版本 {current}），本程序无法打开；"
            f"请先升级本程序。数据库未作任何修改。"
        )
    from alembic import command

    command.upgrade(alembic_config(engine), "head")
