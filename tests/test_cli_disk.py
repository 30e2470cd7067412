"""Every command on a read-only home, and a disk that fills up during the commands that write.

A read-only home is a real read-only mount (tests/disk.py): what only reads works, everything
that writes (a record, an audit entry, a file it must audit) is refused in Chinese with exit 1,
no traceback, and no file appears. A full disk during demo-data, backup or an export is told
in Chinese with exit 1; no empty or partial file is left and the database stays whole.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from hall_desk.services.demo import generate
from tests.command_line import Result, run_in_process
from tests.conftest import make_home
from tests.disk import files_in, fill, remount, tmpfs

END = date(2026, 11, 27)
READ_ONLY = "为只读"
LEDGER = ["export", "ledger", "--from", "2026-11-01", "--to", "2026-11-30"]
FULL = "磁盘空间已满"


def cli(home: Path, *args: str | Path, cwd: Path) -> Result:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HALL_DESK_")}
    env["XDG_DATA_HOME"] = str(cwd / "xdg-data")
    return run_in_process(["--home", str(home), *map(str, args)], env, cwd)


def show(result: Result) -> str:
    return f"exit {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with a few days of demo data, closed (no -wal left), and its inputs for import
    and restore: a catalog sheet and a backup."""
    root = tmp_path_factory.mktemp("disk-seed")
    with make_home(root / "home") as ws:
        generate(ws, days=3, per_day=6, seed=3, end=END)
    (root / "xdg-data").mkdir()
    assert cli(root / "home", "catalog", "export", root / "catalog.xlsx", cwd=root).returncode == 0
    assert cli(root / "home", "backup", "--out", root / "backup.sqlite3", cwd=root).returncode == 0
    assert not list((root / "home").glob("*-wal"))
    return root


@pytest.fixture(scope="module")
def read_only_home(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    mount = tmp_path_factory.mktemp("ro-mount") / "disk"
    with tmpfs(mount, "16m"):
        shutil.copytree(seeded / "home", mount / "home")
        remount(mount, "ro")
        yield mount / "home"


def _database_bytes(home: Path) -> bytes:
    return (home / "local.sqlite3").read_bytes()


# (arguments, what stdout says). Reading the catalog out to a sheet records nothing: it works.
WORKS = [
    pytest.param(["--no-window"], "办件", id="summary"),
    pytest.param(["audit", "verify"], "留痕链完整", id="audit-verify"),
    pytest.param(["calendar", "due", "2026-11-02", "5"], "2026-11-09", id="calendar-due"),
    pytest.param(["sync", "--status"], "上次成功同步", id="sync-status"),
    pytest.param(["catalog", "export", "{out}/catalog.xlsx"], "已导出事项", id="catalog-export"),
]

# (arguments, what stderr says): each needs to write a record or an audit entry.
REFUSED = [
    pytest.param(["init"], "已经初始化过", id="init"),
    pytest.param(["hall-key", "export", "--out", "{out}/hall.key"], READ_ONLY, id="hall-key"),
    pytest.param(
        ["demo-data", "--days", "1", "--per-day", "2", "--end", END.isoformat()],
        READ_ONLY,
        id="demo-data",
    ),
    pytest.param(["catalog", "import", "{seed}/catalog.xlsx"], READ_ONLY, id="catalog-import"),
    pytest.param(
        ["report", "daily", "--date", END.isoformat(), "--out", "{out}/daily.pdf"],
        READ_ONLY,
        id="report-daily",
    ),
    *(
        pytest.param(
            [*LEDGER[:2], kind, *LEDGER[2:], "--out", f"{{out}}/{kind}.xlsx"],
            READ_ONLY,
            id=f"export-{kind}",
        )
        for kind in ("cases", "consultations", "routing", "deliveries")
    ),
    pytest.param(["sync"], READ_ONLY, id="sync"),
    pytest.param(["sync", "--shared", "{out}/shared.sqlite3"], READ_ONLY, id="sync-shared"),
    pytest.param(["backup", "--out", "{out}/backup.sqlite3"], READ_ONLY, id="backup"),
    pytest.param(["restore", "{seed}/backup.sqlite3"], READ_ONLY, id="restore"),
    pytest.param(["rebuild"], READ_ONLY, id="rebuild"),
]


def _args(args: list[str], seeded: Path, out: Path) -> list[str]:
    return [a.format(seed=seeded, out=out) for a in args]


@pytest.mark.parametrize(("args", "says"), WORKS)
def test_reading_commands_work_on_a_read_only_home(
    read_only_home: Path, seeded: Path, tmp_path: Path, args: list[str], says: str
) -> None:
    (tmp_path / "xdg-data").mkdir()
    ran = cli(read_only_home, *_args(args, seeded, tmp_path), cwd=tmp_path)
    assert ran.returncode == 0 and says in ran.stdout, show(ran)
    assert "Traceback" not in ran.stderr


@pytest.mark.parametrize(("args", "says"), REFUSED)
def test_writing_commands_are_refused_in_words_on_a_read_only_home(
    read_only_home: Path, seeded: Path, tmp_path: Path, args: list[str], says: str
) -> None:
    (tmp_path / "xdg-data").mkdir()
    before = _database_bytes(read_only_home)
    ran = cli(read_only_home, *_args(args, seeded, tmp_path), cwd=tmp_path)
    assert ran.returncode == 1, show(ran)
    assert says in ran.stderr and ran.stderr.startswith(("错误：", "同步失败：")), show(ran)
    assert "Traceback" not in ran.stderr
    # Nothing was written anywhere: no output file, no file in the home, the same database.
    assert files_in(tmp_path) == {"xdg-data"}, files_in(tmp_path)
    assert files_in(read_only_home) == files_in(seeded / "home")
    assert _database_bytes(read_only_home) == before


def test_init_on_a_read_only_disk_says_so_and_creates_nothing(
    read_only_home: Path, tmp_path: Path
) -> None:
    (tmp_path / "xdg-data").mkdir()
    target = read_only_home.parent / "new-home"
    ran = cli(target, "init", "--workstation", "W09", cwd=tmp_path)
    assert ran.returncode == 1 and "磁盘为只读" in ran.stderr, show(ran)
    assert ran.stderr.startswith("错误：") and "Traceback" not in ran.stderr
    assert not target.exists()


# --- a full disk ---------------------------------------------------------------------------------


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _tables(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [(n, *sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"')))) for n in names]
    finally:
        conn.close()


def _no_leftovers(folder: Path, expected: set[str]) -> None:
    names = files_in(folder)
    assert not [n for n in names if n.endswith((".part", ".tmp"))], names
    empty = [p.name for p in folder.iterdir() if p.is_file() and p.stat().st_size == 0]
    assert not [n for n in empty if not n.endswith(("-wal", "-shm"))], empty
    assert names <= expected | {"local.sqlite3-wal", "local.sqlite3-shm"}, names


def test_demo_data_on_a_disk_that_fills_up(seeded: Path, tmp_path: Path) -> None:
    (tmp_path / "xdg-data").mkdir()
    with tmpfs(tmp_path / "disk", "8m") as disk:
        home = disk / "home"
        shutil.copytree(seeded / "home", home)
        filler = fill(disk, leave=200 * 1024)
        ran = cli(home, "demo-data", "--days", "30", "--per-day", "40", "--end", END.isoformat(),
                  cwd=tmp_path)  # fmt: skip
        assert ran.returncode == 1 and FULL in ran.stderr, show(ran)
        assert ran.stderr.startswith("错误：") and "Traceback" not in ran.stderr
        _no_leftovers(home, files_in(seeded / "home"))
        filler.unlink()
        # Whole: SQLite's check, the audit chain and every event's MAC, and the tables are
        # exactly what the events give.
        assert _integrity(home / "local.sqlite3") == "ok"
        verified = cli(home, "audit", "verify", cwd=tmp_path)
        assert verified.returncode == 0, show(verified)
        folded = _tables(home / "local.sqlite3")
        assert cli(home, "rebuild", cwd=tmp_path).returncode == 0
        rebuilt = _tables(home / "local.sqlite3")
        assert [t for t in rebuilt if t[0] != "audit_log"] == [
            t for t in folded if t[0] != "audit_log"
        ]


def _home_copy(seeded: Path, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    shutil.copytree(seeded / "home", home)
    return home


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["backup", "--out", "{out}/backup.sqlite3"], id="backup"),
        pytest.param(
            [*LEDGER[:2], "cases", *LEDGER[2:], "--out", "{out}/cases.xlsx"],
            id="export-ledger",
        ),
        pytest.param(
            ["report", "daily", "--date", END.isoformat(), "--out", "{out}/daily.pdf"],
            id="report-daily",
        ),
        pytest.param(["catalog", "export", "{out}/catalog.xlsx"], id="catalog-export"),
        pytest.param(["hall-key", "export", "--out", "{out}/hall.key"], id="hall-key"),
    ],
)
def test_output_to_a_full_disk_leaves_no_file_and_says_so(
    seeded: Path, tmp_path: Path, args: list[str]
) -> None:
    (tmp_path / "xdg-data").mkdir()
    home = _home_copy(seeded, tmp_path)
    with tmpfs(tmp_path / "usb", "1m") as usb:
        fill(usb)
        ran = cli(home, *_args(args, seeded, usb), cwd=tmp_path)
        assert ran.returncode == 1 and FULL in ran.stderr, show(ran)
        assert ran.stderr.startswith("错误：") and "Traceback" not in ran.stderr
        assert files_in(usb) == {"filler.bin"}
    assert _integrity(home / "local.sqlite3") == "ok"
    assert cli(home, "audit", "verify", cwd=tmp_path).returncode == 0
