"""Migration files: the start-up reader, and writing the next one from the project's template."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import inspect, text

import hall_desk
from hall_desk.domain.errors import StorageError
from hall_desk.store.db import Database
from hall_desk.store.migrate import (
    MIGRATIONS,
    alembic_config,
    current_revision,
    head_revision,
    new_revision,
    read_revision,
    upgrade,
)

REPO = Path(hall_desk.__file__).parent.parent


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('revision: str = "0004"\ndown_revision: str | None = "0003"\n', ("0004", ("0003",))),
        ("revision: str = '0004'\ndown_revision: str | None = '0003'\n", ("0004", ("0003",))),
        ("revision = '0004'\ndown_revision = '0003'\n", ("0004", ("0003",))),
        ('revision  :  str  =  "0004"\ndown_revision:str|None="0003"\n', ("0004", ("0003",))),
        ('revision: str = "0001"\ndown_revision: str | None = None\n', ("0001", ())),
        (
            "revision = '0005'\ndown_revision = ('0004a', '0004b')\n",
            ("0005", ("0004a", "0004b")),
        ),
        (
            'revision = "0005"\ndown_revision: tuple[str, ...] = (\n    "0004a",\n    "0004b",\n)\n'
            "def upgrade() -> None:\n    pass\n",
            ("0005", ("0004a", "0004b")),
        ),
        ('"""doc"""\nimport x\n\nrevision = "0002"\ndown_revision = "0001"\n', ("0002", ("0001",))),
    ],
)
def test_the_reader_takes_any_way_of_writing_the_revision(source, expected):
    assert read_revision(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'down_revision = "0003"\n',  # no revision
        'revision = "0004"\n',  # no down_revision
        'revision = make_id()\ndown_revision = "0003"\n',  # not a plain value
        'def f():\n    revision = "0004"\n    down_revision = "0003"\n',  # not at module level
    ],
)
def test_the_reader_refuses_what_is_not_a_plain_revision(source):
    assert read_revision(source) is None


def copy_of_migrations(tmp_path: Path) -> Path:
    location = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, location, ignore=shutil.ignore_patterns("__pycache__"))
    return location


def repo_versions() -> set[str]:
    return {p.name for p in (MIGRATIONS / "versions").glob("*.py")}


HEAD = head_revision(MIGRATIONS)
NEXT = f"{int(HEAD) + 1:04d}"  # the number the next generated revision takes


THROWAWAY_UP = """    op.create_table(
        "throwaway",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_throwaway")),
    )"""


def test_a_generated_revision_is_read_applied_and_downgraded(tmp_path):
    before = repo_versions()
    location = copy_of_migrations(tmp_path)
    path = new_revision("throwaway table", location, autogenerate=False)

    assert path.parent == location / "versions"
    assert path.name == f"{NEXT}_throwaway_table.py"
    source = path.read_text(encoding="utf-8")
    assert f"revision: str = '{NEXT}'" in source  # the template writes repr(), single quotes
    assert head_revision(location) == NEXT

    up, down = source.split("def downgrade() -> None:")
    path.write_text(
        up.replace("    pass", THROWAWAY_UP)
        + "def downgrade() -> None:"
        + down.replace("    pass", '    op.drop_table("throwaway")'),
        encoding="utf-8",
    )
    database = Database(tmp_path / "x.sqlite3")
    try:
        engine = database.write_engine
        upgrade(engine, location)
        assert current_revision(engine) == NEXT
        assert "throwaway" in inspect(engine).get_table_names()
        command.downgrade(alembic_config(engine, location), "-1")
        assert current_revision(engine) == HEAD
        assert "throwaway" not in inspect(engine).get_table_names()
        assert "cases" in inspect(engine).get_table_names()
    finally:
        database.close()
    assert repo_versions() == before


def test_autogenerate_writes_what_the_head_lacks(tmp_path):
    """Without 0003 in the chain, the next revision is 0003 again and creates the sync tables."""
    location = copy_of_migrations(tmp_path)
    for later in (location / "versions").glob("*.py"):
        if later.name >= "0003":  # 0003 and every revision built on it
            later.unlink()
    path = new_revision("sync state again", location)
    source = path.read_text(encoding="utf-8")
    assert path.name.startswith("0003_")
    assert "op.create_table('sync_peers'" in source
    assert "op.create_table('cases'" not in source
    assert head_revision(location) == "0003"


def test_an_unreadable_migration_file_stops_start_up_with_its_name(tmp_path):
    location = copy_of_migrations(tmp_path)
    (location / "versions" / "0004_broken.py").write_text("revision = \n", encoding="utf-8")
    with pytest.raises(StorageError, match=r"0004_broken\.py"):
        head_revision(location)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_migration_writes_the_next_numbered_revision(tmp_path):
    before = repo_versions()
    location = copy_of_migrations(tmp_path)
    tools = Path(sys.executable).parent
    make = ["make", "-s", "migration", f"BIN={tools}", "DEPS=", f"MIGRATIONS={location}"]

    done = subprocess.run(
        [*make, "NAME=add a ledger"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    written = location / "versions" / f"{NEXT}_add_a_ledger.py"
    assert f"written: {written}" in done.stdout
    assert f'revision: str = "{NEXT}"' in written.read_text(encoding="utf-8")  # ruff-formatted
    assert head_revision(location) == NEXT

    no_name = subprocess.run(make, cwd=REPO, capture_output=True, text=True, check=False)
    assert no_name.returncode != 0
    assert "usage: make migration" in no_name.stderr
    assert repo_versions() == before


def _insert(conn: Any, table: str, values: dict[str, object]) -> None:
    """A row with the given values and a plain one in every other required column."""
    row = dict(values)
    for column in inspect(conn).get_columns(table):
        if column["name"] in row or column["nullable"]:
            continue
        kind = str(column["type"]).upper()
        row[column["name"]] = (
            0 if "INT" in kind or "BOOL" in kind else "2026-01-01" if "DATE" in kind else "x"
        )
    names = ", ".join(f'"{name}"' for name in row)
    marks = ", ".join(f":p{n}" for n in range(len(row)))
    params = {f"p{n}": value for n, value in enumerate(row.values())}
    conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks})"), params)


def test_0004_keeps_the_birth_year_only_and_narrows_every_masked_number(tmp_path):
    wide, narrow = "150521********1234", "150521**********34"
    database = Database(tmp_path / "old.sqlite3")
    try:
        engine = database.write_engine
        command.upgrade(alembic_config(engine), "0003")
        with engine.begin() as conn:
            _insert(conn, "applicants", {"id": "a", "id_masked": wide, "birth_date": "1974-05-12"})
            _insert(conn, "applicants", {"id": "b", "id_masked": "1***5", "birth_date": None})
            _insert(
                conn,
                "cases",
                {"id": "c", "case_no": "1", "applicant_id_masked": wide, "agent_id_masked": wide},
            )
            _insert(conn, "deliveries", {"id": "d", "case_id": "c", "recipient_id_masked": wide})
        command.upgrade(alembic_config(engine), "0004")
        with engine.connect() as conn:
            assert "birth_date" not in {c["name"] for c in inspect(conn).get_columns("applicants")}
            assert conn.execute(
                text("SELECT id, id_masked, birth_year FROM applicants ORDER BY id")
            ).all() == [("a", narrow, 1974), ("b", "1***5", None)]
            assert conn.execute(
                text("SELECT applicant_id_masked, agent_id_masked FROM cases")
            ).all() == [(narrow, narrow)]
            assert conn.execute(text("SELECT recipient_id_masked FROM deliveries")).all() == [
                (narrow,)
            ]
    finally:
        database.close()


def _indexes(conn: Any, table: str) -> dict[str, list[str]]:
    return {i["name"]: i["column_names"] for i in inspect(conn).get_indexes(table)}


def test_0018_orders_handoffs_by_case_and_time_and_finds_mail_by_return_day(tmp_path):
    database = Database(tmp_path / "old.sqlite3")
    try:
        engine = database.write_engine
        command.upgrade(alembic_config(engine), "0017")
        with engine.begin() as conn:
            _insert(conn, "handoffs", {"id": "h", "case_id": "c", "at": "2026-11-02T09:00:00"})
        command.upgrade(alembic_config(engine), "0018")
        with engine.connect() as conn:
            handoffs = _indexes(conn, "handoffs")
            assert handoffs["ix_handoffs_case_order"] == [
                "case_id",
                "at",
                "hlc",
                "on",
                "from_station",
                "to_station",
            ]
            assert "ix_handoffs_case_id" not in handoffs
            assert handoffs["ix_handoffs_day_move"] == ["on", "move", "case_id"]
            assert "ix_handoffs_on" not in handoffs
            assert _indexes(conn, "deliveries")["ix_deliveries_returned_on"] == ["returned_on"]
            assert conn.execute(text("SELECT id FROM handoffs WHERE case_id = 'c'")).all() == [
                ("h",)
            ]
        command.downgrade(alembic_config(engine), "0017")
        with engine.connect() as conn:
            handoffs = _indexes(conn, "handoffs")
            assert handoffs["ix_handoffs_case_id"] == ["case_id"]
            assert handoffs["ix_handoffs_on"] == ["on"]
            assert "ix_handoffs_day_move" not in handoffs
            assert "ix_handoffs_case_order" not in handoffs
            assert "ix_deliveries_returned_on" not in _indexes(conn, "deliveries")
    finally:
        database.close()
