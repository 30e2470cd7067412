"""End-to-end tests of the stable command line (DESIGN.md §4).

Most tests call the command line's entry function in this process (`run_cli`), with the
environment, working folder and closed stdin a scheduler would give it; a few run the real
program in a child process (`run_process`: `python -m hall_desk`, stdin closed, a timeout) for
what only a process shows: the exit code of the real entry point, not waiting on a terminal,
and the production password hashing. `--home` is always inside pytest's temporary folders; the
results are checked on the exit code, the Chinese messages and the files and databases left.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.command_line import Result, run_in_process

ADMIN_PASSWORD = "admin2026pass"
HALL = "科尔沁左翼中旗政务服务中心"
TIMEOUT = 120
DEMO_ARGS = ["--days", "8", "--per-day", "12", "--end", "2026-11-27"]

# Set once per test session: the user data folder the child processes see, so that nothing a
# test runs can ever reach the real per-user data folder of whoever runs the tests.
_SCRATCH: dict[str, Path] = {}


@pytest.fixture(scope="session", autouse=True)
def _isolated_user_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    root = tmp_path_factory.mktemp("cli-scratch")
    (root / "xdg-data").mkdir()
    _SCRATCH["root"] = root
    yield
    _SCRATCH.clear()


# --- helpers ---------------------------------------------------------------------------------


def _environment(password: str | None, env: dict[str, str] | None) -> dict[str, str]:
    """What the program sees: none of the caller's HALL_DESK_ settings, a scratch user folder."""
    child_env = {k: v for k, v in os.environ.items() if not k.startswith("HALL_DESK_")}
    child_env["XDG_DATA_HOME"] = str(_SCRATCH["root"] / "xdg-data")
    child_env["PYTHONIOENCODING"] = "utf-8"
    if password is not None:
        child_env["HALL_DESK_ADMIN_PASSWORD"] = password
    child_env.update(env or {})
    return child_env


def _argv(args: tuple[str | Path, ...], home: Path | None) -> list[str]:
    argv = [] if home is None else ["--home", str(home)]
    return argv + [str(a) for a in args]


def run_cli(
    *args: str | Path,
    home: Path | None = None,
    password: str | None = None,
    env: dict[str, str] | None = None,
    terminal: bool = False,
) -> Result:
    """`hall-desk [--home HOME] ARGS…` through `hall_desk.cli.main` in this process, with the
    environment, working folder and closed stdin that `run_process` gives a child (`terminal`:
    stderr a terminal instead)."""
    return run_in_process(
        _argv(args, home), _environment(password, env), _SCRATCH["root"], terminal=terminal
    )


def run_process(
    *args: str | Path,
    home: Path | None = None,
    password: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = TIMEOUT,
    python: tuple[str, ...] = (),
) -> Result:
    """Runs the real program the way a scheduler would: a child process, no terminal, no input
    (`python`: options for the interpreter itself, e.g. -X importtime)."""
    ran = subprocess.run(
        [sys.executable, *python, "-m", "hall_desk", *_argv(args, home)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        encoding="utf-8",
        env=_environment(password, env),
        cwd=_SCRATCH["root"],
        timeout=timeout,
        check=False,
    )
    return Result(ran.returncode, ran.stdout, ran.stderr)


def show(result: Result) -> str:
    """What to print when an assertion on a run fails."""
    return f"exit {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"


def db_of(home: Path) -> Path:
    return home / "local.sqlite3"


def query(db: Path, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def count(db: Path, table: str) -> int:
    return int(query(db, f"SELECT count(*) FROM {table}")[0][0])  # table names are literals


def execute(db: Path, *statements: tuple[str, Sequence[object]]) -> None:
    """Changes the database behind the program's back (as a tamperer with file access would)."""
    con = sqlite3.connect(db)
    try:
        with con:
            for sql, params in statements:
                con.execute(sql, params)
    finally:
        con.close()


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def home_files(home: Path) -> dict[str, bytes]:
    """The bytes of every file in a home (the database included), to prove nothing changed."""
    return {p.name: p.read_bytes() for p in sorted(home.iterdir()) if p.is_file()}


def copy_home(src: Path, dst: Path) -> Path:
    """A private copy of an initialised home (the key keeps its owner-only permissions)."""
    assert not any(src.glob("*-wal")), "the source home still has an open database"
    shutil.copytree(src, dst)
    assert mode_of(dst / "hall.key") == 0o600
    return dst


def case_set(home: Path) -> set[tuple[object, ...]]:
    return set(query(db_of(home), "SELECT case_no, state, applicant_name, title FROM cases"))


def assert_not_initialised(home: Path) -> None:
    for name in ("config.json", "hall.key", "local.sqlite3"):
        assert not (home / name).exists(), f"{name} was left in {home}"


@dataclass(frozen=True)
class Ran:
    home: Path
    result: Result


# --- shared homes (never changed by the tests that use them directly) ------------------------


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Ran:
    """`init` with a hall name, a workstation code and an admin: the home right after setup."""
    home = tmp_path_factory.mktemp("pristine") / "home"
    result = run_process(
        "init",
        "--hall",
        HALL,
        "--workstation",
        "W01",
        "--admin",
        "admin",
        home=home,
        password=ADMIN_PASSWORD,
    )
    assert result.returncode == 0, show(result)
    return Ran(home, result)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Ran:
    """Its own hall (own key), filled by `demo-data` with seed 7."""
    home = tmp_path_factory.mktemp("seeded") / "home"
    init = run_cli("init", "--hall", HALL, "--admin", "admin", home=home, password=ADMIN_PASSWORD)
    assert init.returncode == 0, show(init)
    result = run_cli("demo-data", *DEMO_ARGS, "--seed", "7", home=home)
    assert result.returncode == 0, show(result)
    return Ran(home, result)


@pytest.fixture
def fresh(pristine: Ran, tmp_path: Path) -> Path:
    """A private copy of the freshly initialised home, for tests that write to it."""
    return copy_home(pristine.home, tmp_path / "home")


@pytest.fixture
def fresh_seeded(seeded: Ran, tmp_path: Path) -> Path:
    """A private copy of the home with demo data, for tests that write to it."""
    return copy_home(seeded.home, tmp_path / "home")


# --- init --------------------------------------------------------------------------------------


def test_init_creates_config_key_and_database(pristine: Ran) -> None:
    home, result = pristine.home, pristine.result
    assert "已初始化" in result.stdout
    assert HALL in result.stdout and "工作站 W01" in result.stdout
    assert "未创建管理员" not in result.stderr

    config = json.loads((home / "config.json").read_text(encoding="utf-8"))
    assert config["hall"] == HALL
    assert config["workstation"] == "W01"
    assert config["demo"] is False

    key = home / "hall.key"
    assert key.is_file()
    assert mode_of(key) == 0o600
    assert key.read_text(encoding="ascii").startswith("hall-desk hall key v1\n")

    db = db_of(home)
    assert db.is_file()
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    meta = dict(query(db, "SELECT key, value FROM meta"))
    assert meta["hall"] == HALL
    assert meta["workstation"] == "W01"
    assert len(meta["hall_key_fingerprint"]) == 16
    assert query(db, "SELECT username, role, active FROM users") == [("admin", "admin", 1)]
    # The program hashes at the production cost (the suite's own homes use a cheap one).
    [(password_hash,)] = query(db, "SELECT password_hash FROM users")
    assert password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert count(db, "service_items") > 0, "the bundled catalog was not imported"


def test_init_twice_is_refused_and_changes_nothing(fresh: Path) -> None:
    before = home_files(fresh)
    result = run_process(
        "init", "--hall", "另一个中心", "--workstation", "W09", home=fresh, password="other2026pass"
    )
    assert result.returncode == 1, show(result)
    assert "已经初始化过" in result.stderr
    assert "Traceback" not in result.stderr
    after = home_files(fresh)
    assert after["config.json"] == before["config.json"]
    assert after["hall.key"] == before["hall.key"]
    assert after == before


def test_init_with_admin_but_no_password_off_terminal_creates_no_admin(tmp_path: Path) -> None:
    home = tmp_path / "home"
    # No HALL_DESK_ADMIN_PASSWORD and stdin is not a terminal: must not wait for a password.
    result = run_process("init", "--admin", "x", home=home, timeout=60)
    assert result.returncode == 0, show(result)
    assert "未提供管理员密码" in result.stderr and "未创建管理员" in result.stderr
    assert "已初始化" in result.stdout
    assert (home / "config.json").is_file()
    assert mode_of(home / "hall.key") == 0o600
    assert count(db_of(home), "users") == 0


@pytest.mark.parametrize("folder_exists", [False, True], ids=["new-folder", "empty-folder"])
def test_init_with_bad_workstation_code_writes_nothing(tmp_path: Path, folder_exists: bool) -> None:
    home = tmp_path / "home"
    if folder_exists:
        home.mkdir()
    result = run_cli("init", "--workstation", "W-01!", home=home, password=ADMIN_PASSWORD)
    assert result.returncode == 1, show(result)
    assert "工作站编码「W-01!」无效" in result.stderr
    assert_not_initialised(home)
    if folder_exists:
        assert list(home.iterdir()) == []
    else:
        assert not home.exists()


def test_init_with_too_short_admin_password_writes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_cli("init", "--admin", "admin", home=home, password="123")
    assert result.returncode == 1, show(result)
    assert "密码" in result.stderr and result.stderr.startswith("错误：")
    assert not home.exists()


# --- usage errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["bogus"],
        ["hall-key"],
        ["hall-key", "export"],
        ["backup"],
        ["demo-data", "--days", "3"],
        ["demo-data", "--days", "three", "--per-day", "1"],
        ["demo-data", "--days", "3", "--per-day", "1", "--end", "2026-13-01"],
        ["calendar", "due", "2026/09/30", "5"],
        ["calendar", "due", "30.09.2026", "5"],
        ["calendar", "due", "2026-09-30"],
        ["calendar", "due", "2026-09-30", "five"],
        ["calendar", "due", "2026-09-30", "5", "--unit", "X"],
        ["catalog", "import"],
        ["audit", "check"],
    ],
    ids=lambda a: " ".join(a),
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    home = tmp_path / "home"
    result = run_cli(*args, home=home)
    assert result.returncode == 2, show(result)
    assert "用法错误" in result.stderr
    assert "usage: hall-desk" in result.stderr
    assert not home.exists()


def test_bad_date_names_the_format(tmp_path: Path) -> None:
    result = run_process("calendar", "due", "2026/09/30", "5", home=tmp_path / "home")
    assert result.returncode == 2, show(result)
    assert "日期「2026/09/30」格式应为 YYYY-MM-DD" in result.stderr


def test_version() -> None:
    result = run_process("--version")
    assert result.returncode == 0, show(result)
    assert result.stdout.startswith("hall-desk ")


# --- calendar due --------------------------------------------------------------------------------

DUE_CASES = [
    # National Day 10/1–10/7 is a holiday and Saturday 10/10 a make-up working day:
    # 10/8, 10/9, 10/10, 10/12, 10/13.
    (["2026-09-30", "5"], "2026-10-13"),
    (["2026-09-30", "5", "--unit", "G"], "2026-10-13"),
    (["2026-09-30", "5", "--unit", "g"], "2026-10-13"),
    # Five natural days end on 10/5, inside the holiday: the deadline moves to 10/8.
    (["2026-09-30", "5", "--unit", "Z"], "2026-10-08"),
    (["2026-09-30", "5", "--unit", "z"], "2026-10-08"),
    # An ordinary week: Tuesday 11/24 + 3 working days.
    (["2026-11-24", "3"], "2026-11-27"),
    (["2026-11-24", "0"], "2026-11-24"),
]


@pytest.mark.parametrize(("args", "expected"), DUE_CASES, ids=lambda v: str(v))
@pytest.mark.parametrize("with_home", [False, True], ids=["no-home", "initialised-home"])
def test_calendar_due(
    pristine: Ran, tmp_path: Path, args: list[str], expected: str, with_home: bool
) -> None:
    home = pristine.home if with_home else tmp_path / "nowhere"
    result = run_cli("calendar", "due", *args, home=home)
    assert result.returncode == 0, show(result)
    assert result.stdout.strip() == expected
    assert "估算" not in result.stdout
    if not with_home:
        assert not home.exists(), "calendar due created a home"


@pytest.mark.parametrize("with_home", [False, True], ids=["no-home", "initialised-home"])
def test_calendar_due_in_unpublished_year_is_marked_estimated(
    pristine: Ran, tmp_path: Path, with_home: bool
) -> None:
    home = pristine.home if with_home else tmp_path / "nowhere"
    # Monday 2027-03-01: 3/2, 3/3, 3/4, 3/5, 3/8 by weekdays alone.
    result = run_cli("calendar", "due", "2027-03-01", "5", home=home)
    assert result.returncode == 0, show(result)
    line = result.stdout.strip()
    assert line.startswith("2027-03-08")
    assert "估算" in line


def test_calendar_due_without_any_home_option() -> None:
    # Neither --home nor HALL_DESK_HOME: still works (only the statutory calendar is needed).
    result = run_cli("calendar", "due", "2026-09-30", "5")
    assert result.returncode == 0, show(result)
    assert result.stdout.strip() == "2026-10-13"


def test_calendar_due_negative_limit_is_refused(tmp_path: Path) -> None:
    result = run_cli("calendar", "due", "2026-09-30", "-1", home=tmp_path / "nowhere")
    assert result.returncode == 1, show(result)
    assert "不能为负数" in result.stderr


# --- hall key ----------------------------------------------------------------------------------


def test_hall_key_export_and_second_workstation_joins(pristine: Ran, tmp_path: Path) -> None:
    before = home_files(pristine.home)
    out = tmp_path / "transfer" / "hall.key"
    result = run_cli("hall-key", "export", "--out", out, home=pristine.home)
    assert result.returncode == 0, show(result)
    assert "大厅密钥已导出" in result.stdout
    assert mode_of(out) == 0o600
    assert out.read_bytes() == (pristine.home / "hall.key").read_bytes()

    again = run_cli("hall-key", "export", "--out", out, home=pristine.home)
    assert again.returncode == 1, show(again)
    assert "已存在" in again.stderr
    assert out.read_bytes() == (pristine.home / "hall.key").read_bytes()
    # The export is audited (the key opens every applicant's data); the refused one is not.
    exports = query(
        db_of(pristine.home), "SELECT count(*) FROM audit_log WHERE action = 'hall_key.export'"
    )
    assert exports == [(1,)]
    assert home_files(pristine.home)["hall.key"] == before["hall.key"]

    second = tmp_path / "second"
    join = run_cli("init", "--hall-key", out, "--workstation", "W02", "--hall", HALL, home=second)
    assert join.returncode == 0, show(join)
    assert "工作站 W02" in join.stdout
    assert (second / "hall.key").read_bytes() == (pristine.home / "hall.key").read_bytes()
    assert mode_of(second / "hall.key") == 0o600
    config = json.loads((second / "config.json").read_text(encoding="utf-8"))
    assert config["workstation"] == "W02"

    def fingerprint(home: Path) -> object:
        return query(db_of(home), "SELECT value FROM meta WHERE key = 'hall_key_fingerprint'")

    assert fingerprint(second) == fingerprint(pristine.home)
    verify = run_cli("audit", "verify", home=second)
    assert verify.returncode == 0, show(verify)


@pytest.mark.parametrize("mode", [0o644, 0o640], ids=oct)
def test_init_refuses_a_key_file_others_can_read(pristine: Ran, tmp_path: Path, mode: int) -> None:
    loose = tmp_path / "loose.key"
    shutil.copyfile(pristine.home / "hall.key", loose)
    loose.chmod(mode)
    home = tmp_path / "joining"
    result = run_cli("init", "--hall-key", loose, "--workstation", "W03", home=home)
    assert result.returncode == 1, show(result)
    assert "权限" in result.stderr
    assert "chmod 600" in result.stderr
    assert not home.exists()
    assert mode_of(loose) == mode


def test_init_with_missing_key_file_writes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "joining"
    result = run_cli("init", "--hall-key", tmp_path / "missing.key", home=home)
    assert result.returncode == 1, show(result)
    assert "找不到大厅密钥文件" in result.stderr
    assert not home.exists()


def test_home_with_another_halls_key_is_refused(fresh: Path, seeded: Ran) -> None:
    (fresh / "hall.key").unlink()
    shutil.copy2(seeded.home / "hall.key", fresh / "hall.key")
    result = run_cli("audit", "verify", home=fresh)
    assert result.returncode == 1, show(result)
    assert "大厅密钥与本机数据库不匹配" in result.stderr


# --- demo data ---------------------------------------------------------------------------------

SUMMARY = re.compile(
    r"演示数据：(?P<days>\d+) 个工作日，咨询 (?P<consultations>\d+) 条，办件 (?P<cases>\d+) 件，"
    r"补正后受理 (?P<supplements>\d+) 件，绿色通道 (?P<green>\d+) 件"
)


def test_demo_data_summary_agrees_with_the_database(seeded: Ran) -> None:
    match = SUMMARY.search(seeded.result.stdout)
    assert match, show(seeded.result)
    # 2026-11-20 … 2026-11-27: Fri, Mon–Fri are working days, the weekend is not.
    assert int(match["days"]) == 6
    db = db_of(seeded.home)
    assert int(match["cases"]) == count(db, "cases") > 0
    assert int(match["consultations"]) == count(db, "consultations") > 0
    green = query(db, "SELECT count(*) FROM cases WHERE green_channel")[0][0]
    assert int(match["green"]) == green
    dates = query(db, "SELECT min(created_on), max(created_on) FROM cases")[0]
    assert dates[0] >= "2026-11-20" and dates[1] <= "2026-11-27"


def test_demo_data_is_reproducible_from_its_seed(
    seeded: Ran, pristine: Ran, tmp_path: Path
) -> None:
    same = copy_home(pristine.home, tmp_path / "same-seed")
    result = run_cli("demo-data", *DEMO_ARGS, "--seed", "7", home=same)
    assert result.returncode == 0, show(result)
    assert result.stdout == seeded.result.stdout
    expected = case_set(seeded.home)
    assert expected
    assert case_set(same) == expected

    other = copy_home(pristine.home, tmp_path / "other-seed")
    result = run_cli("demo-data", *DEMO_ARGS, "--seed", "8", home=other)
    assert result.returncode == 0, show(result)
    assert case_set(other) != expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--days", "0", "--per-day", "12"], "天数"),
        (["--days", "8", "--per-day", "0"], "每天人数"),
    ],
    ids=["days-0", "per-day-0"],
)
def test_demo_data_bad_numbers_write_nothing(fresh: Path, args: list[str], message: str) -> None:
    db = db_of(fresh)
    tables = ("events", "audit_log", "users", "cases", "consultations")
    before = {t: count(db, t) for t in tables}
    result = run_cli("demo-data", *args, "--seed", "7", home=fresh)
    assert result.returncode == 1, show(result)
    assert message in result.stderr and result.stderr.startswith("错误：")
    assert {t: count(db, t) for t in tables} == before


# --- catalog -----------------------------------------------------------------------------------


def sheet_values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    wb = load_workbook(path, read_only=True)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}
    finally:
        wb.close()


def column(header: tuple[object, ...], name: str) -> int:
    """1-based column of a header cell, for openpyxl's cell(row, column)."""
    return header.index(name) + 1


def test_catalog_export_then_import_round_trips(fresh: Path, tmp_path: Path) -> None:
    db = db_of(fresh)
    items, themes = count(db, "service_items"), count(db, "themes")
    first = tmp_path / "事项库.xlsx"
    result = run_cli("catalog", "export", first, home=fresh)
    assert result.returncode == 0, show(result)
    assert f"已导出事项 {items} 项" in result.stdout
    exported = sheet_values(first)
    assert list(exported) == ["事项", "申请材料", "一件事"]
    assert len(exported["事项"]) == items + 1
    assert len(exported["一件事"]) == themes + 1

    events = count(db, "events")
    result = run_cli("catalog", "import", first, home=fresh)
    assert result.returncode == 0, show(result)
    assert f"已导入事项 {items} 项、一件事 {themes} 个" in result.stdout
    assert count(db, "events") == events + 1
    assert query(db, "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1") == [
        ("catalog.import",)
    ]

    second = tmp_path / "再导出.xlsx"
    result = run_cli("catalog", "export", second, home=fresh)
    assert result.returncode == 0, show(result)
    assert sheet_values(second) == exported
    verify = run_cli("audit", "verify", home=fresh)
    assert verify.returncode == 0, show(verify)


def test_catalog_import_with_bad_rows_imports_nothing(fresh: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    result = run_cli("catalog", "export", good, home=fresh)
    assert result.returncode == 0, show(result)

    wb = load_workbook(good)
    items = wb["事项"]
    header = tuple(c.value for c in items[1])
    items.cell(3, column(header, "事项名称")).value = None
    items.cell(5, column(header, "时限单位")).value = "X"
    materials = wb["申请材料"]
    header = tuple(c.value for c in materials[1])
    materials.cell(4, column(header, "份数")).value = "abc"
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    wb.close()

    db = db_of(fresh)
    before = {t: count(db, t) for t in ("events", "audit_log")}
    names = query(db, "SELECT code, name, limit_unit FROM service_items ORDER BY position")
    result = run_cli("catalog", "import", bad, home=fresh)
    assert result.returncode == 1, show(result)
    errors = [line for line in result.stderr.splitlines() if line.startswith("错误：")]
    assert len(errors) == 3, show(result)
    assert "「事项」第 3 行" in errors[0] and "事项名称为空" in errors[0]
    assert "「事项」第 5 行" in errors[1] and "时限单位「X」" in errors[1]
    assert "「申请材料」第 4 行" in errors[2] and "份数「abc」" in errors[2]
    assert {t: count(db, t) for t in ("events", "audit_log")} == before
    after = query(db, "SELECT code, name, limit_unit FROM service_items ORDER BY position")
    assert after == names


def test_catalog_import_of_a_file_that_is_not_a_spreadsheet(fresh: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_text("这不是表格", encoding="utf-8")
    events = count(db_of(fresh), "events")
    result = run_cli("catalog", "import", junk, home=fresh)
    assert result.returncode == 1, show(result)
    assert "无法读取事项库表格" in result.stderr
    assert count(db_of(fresh), "events") == events


def test_catalog_export_into_a_missing_folder_is_refused_in_chinese(
    fresh: Path, tmp_path: Path
) -> None:
    # DESIGN §4: a refused operation exits 1 with a Chinese message on stderr (no traceback).
    out = tmp_path / "no-such-folder" / "事项库.xlsx"
    result = run_cli("catalog", "export", out, home=fresh)
    assert result.returncode == 1, show(result)
    assert "Traceback" not in result.stderr, show(result)
    assert result.stderr.startswith("错误："), show(result)
    assert not out.exists()


def test_catalog_export_never_overwrites_the_hall_key(fresh: Path) -> None:
    # `backup --out` and `hall-key export --out` refuse an existing path; `catalog export`
    # must not silently replace a file either — least of all the hall key, without which
    # every encrypted ID number and phone number in the database is lost.
    key = fresh / "hall.key"
    before = key.read_bytes()
    result = run_cli("catalog", "export", key, home=fresh)
    assert result.returncode == 1, show(result)
    assert key.read_bytes() == before
    assert "已存在" in result.stderr


# --- audit -------------------------------------------------------------------------------------


def test_audit_verify_on_a_fresh_home(pristine: Ran) -> None:
    result = run_cli("audit", "verify", home=pristine.home)
    assert result.returncode == 0, show(result)
    entries = count(db_of(pristine.home), "audit_log")
    assert entries >= 2  # the catalog import and the admin account
    assert f"留痕链完整：共 {entries} 条记录" in result.stdout


def test_audit_verify_after_demo_data(seeded: Ran) -> None:
    result = run_cli("audit", "verify", home=seeded.home)
    assert result.returncode == 0, show(result)
    assert f"共 {count(db_of(seeded.home), 'audit_log')} 条记录" in result.stdout


def test_audit_verify_uses_hall_desk_home_from_the_environment(pristine: Ran) -> None:
    result = run_cli("audit", "verify", env={"HALL_DESK_HOME": str(pristine.home)})
    assert result.returncode == 0, show(result)
    assert "留痕链完整" in result.stdout


def _edit_detail(db: Path) -> None:
    execute(db, ("UPDATE audit_log SET detail = ? WHERE seq = 7", ['{"forged": true}']))


def _delete_middle(db: Path) -> None:
    execute(db, ("DELETE FROM audit_log WHERE seq = 10", []))


def _swap_adjacent(db: Path) -> None:
    execute(
        db,
        ("UPDATE audit_log SET seq = -1 WHERE seq = 20", []),
        ("UPDATE audit_log SET seq = 20 WHERE seq = 21", []),
        ("UPDATE audit_log SET seq = 21 WHERE seq = -1", []),
    )


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        (_edit_detail, "第 7 条的内容被改动"),
        (_delete_middle, "第 11 条之前缺少第 10 条记录"),
        (_swap_adjacent, "第 20 条与上一条的链接不符"),
    ],
    ids=["edit-detail", "delete-middle", "swap-seq"],
)
def test_audit_verify_names_the_first_broken_entry(
    fresh_seeded: Path, tamper: Callable[[Path], None], expected: str
) -> None:
    db = db_of(fresh_seeded)
    assert count(db, "audit_log") > 25
    assert run_cli("audit", "verify", home=fresh_seeded).returncode == 0
    tamper(db)
    result = run_cli("audit", "verify", home=fresh_seeded)
    assert result.returncode == 1, show(result)
    assert "留痕链已被破坏" in result.stderr
    assert expected in result.stderr
    assert result.stdout == ""


# --- backup ------------------------------------------------------------------------------------


def test_backup_is_a_complete_standalone_copy(fresh_seeded: Path, tmp_path: Path) -> None:
    live = db_of(fresh_seeded)
    out = tmp_path / "backups" / "hall-2026-11-27.sqlite3"
    out.parent.mkdir()
    result = run_cli("backup", "--out", out, home=fresh_seeded)
    assert result.returncode == 0, show(result)
    assert "已备份到" in result.stdout and "完整性校验通过" in result.stdout

    assert query(out, "PRAGMA integrity_check") == [("ok",)]
    assert query(out, "PRAGMA journal_mode") == [("delete",)]
    for table in ("events", "cases", "consultations", "users", "service_items"):
        assert count(out, table) == count(live, table) > 0, table
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name], "leftover files"

    last = query(live, "SELECT action, target FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert last == [("backup.create", str(out))]
    verify = run_cli("audit", "verify", home=fresh_seeded)
    assert verify.returncode == 0, show(verify)


def test_backup_refuses_an_existing_path(fresh: Path, tmp_path: Path) -> None:
    out = tmp_path / "existing.sqlite3"
    out.write_bytes(b"keep me")
    audit_rows = count(db_of(fresh), "audit_log")
    result = run_cli("backup", "--out", out, home=fresh)
    assert result.returncode == 1, show(result)
    assert "已存在" in result.stderr and "不会覆盖" in result.stderr
    assert out.read_bytes() == b"keep me"
    assert count(db_of(fresh), "audit_log") == audit_rows


def test_backup_into_a_missing_folder_is_refused(fresh: Path, tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "b.sqlite3"
    result = run_cli("backup", "--out", out, home=fresh)
    assert result.returncode == 1, show(result)
    assert "不存在" in result.stderr
    assert not out.parent.exists()


# --- uninitialised home ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["audit", "verify"],
        ["backup", "--out", "{out}"],
        ["hall-key", "export", "--out", "{out}"],
        ["demo-data", "--days", "1", "--per-day", "1"],
        ["catalog", "export", "{out}"],
        ["catalog", "import", "{out}"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_commands_on_an_uninitialised_home_say_run_init(tmp_path: Path, args: list[str]) -> None:
    home = tmp_path / "home"
    out = tmp_path / "out.file"
    result = run_cli(*[a.format(out=out) for a in args], home=home)
    assert result.returncode == 1, show(result)
    assert "尚未初始化" in result.stderr
    assert "hall-desk init" in result.stderr
    assert not home.exists()
    assert not out.exists()


# --- demo home ---------------------------------------------------------------------------------


@pytest.fixture
def small_demo(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--demo` seeds a few visitors a day instead of forty: what these tests check is the same,
    and the full demo costs half a minute of the suite each time. The days stay ten, so that a
    run on a weekend or in the longest holiday (春节: nine days off) still has working days."""
    from hall_desk.services import overview

    monkeypatch.setattr(overview, "DEMO_DAYS", 10)
    monkeypatch.setattr(overview, "DEMO_PER_DAY", 5)


def test_demo_with_home_seeds_and_prints_the_summary(tmp_path: Path, small_demo: None) -> None:
    home = tmp_path / "demo"
    result = run_cli("--demo", "--no-window", home=home)
    assert result.returncode == 0, show(result)
    out = result.stdout
    assert "（演示）" in out and "工作站 DEMO1" in out
    assert "演示账户（密码 demo2026）" in out
    for username in ("admin", "clerk1", "clerk2", "clerk3", "lead", "router"):
        assert username in out
    config = json.loads((home / "config.json").read_text(encoding="utf-8"))
    assert config["demo"] is True
    cases = count(db_of(home), "cases")
    assert f"办件：{cases} 件" in out
    assert cases > 0

    again = run_cli("--demo", "--no-window", home=home)
    assert again.returncode == 0, show(again)
    assert again.stdout == out, "a demo home is seeded once, on first use"
    assert count(db_of(home), "cases") == cases


@pytest.mark.skipif(sys.platform != "linux", reason="uses XDG_DATA_HOME to place the user folder")
def test_demo_without_home_never_touches_the_real_home(tmp_path: Path, small_demo: None) -> None:
    real = tmp_path / "real-home"
    data = tmp_path / "xdg"
    result = run_cli(
        "--demo", "--no-window", env={"HALL_DESK_HOME": str(real), "XDG_DATA_HOME": str(data)}
    )
    assert result.returncode == 0, show(result)
    assert "演示账户" in result.stdout
    assert not real.exists()
    demo_home = data / "hall-desk" / "demo"
    assert (demo_home / "config.json").is_file()
    assert json.loads((demo_home / "config.json").read_text(encoding="utf-8"))["demo"] is True
    assert not (data / "hall-desk" / "config.json").exists()


# --- report monthly ---------------------------------------------------------------------------


def test_report_monthly_draft_writes_pdf_and_xlsx_with_one_checksum(fresh_seeded: Path) -> None:
    from pypdf import PdfReader

    out, sheet = fresh_seeded.parent / "月报.pdf", fresh_seeded.parent / "月报.xlsx"
    result = run_cli(
        "report",
        "monthly",
        "--month",
        "2026-11",
        "--out",
        out,
        "--xlsx",
        sheet,
        "--draft",
        home=fresh_seeded,
    )
    assert result.returncode == 0, show(result)
    assert "月度运营报告（草稿）已生成" in result.stdout
    sha = re.search(r"SHA-256）：([0-9a-f]{64})", result.stdout)
    assert sha is not None
    text = re.sub(r"\s+", "", PdfReader(out).pages[0].extract_text())
    assert sha.group(1) in text and "（草稿）" in text
    rows = {r[1]: r[2] for r in load_workbook(sheet).active.iter_rows(values_only=True)}
    assert rows["SHA-256"] == sha.group(1)


@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("2099-01", "2099 年 1 月尚未开始"),
        ("2020-01", "2020 年 1 月没有业务数据"),
        ("2026-13", "月份「2026-13」无效"),
    ],
)
def test_report_monthly_refusals_exit_1_in_chinese(
    fresh_seeded: Path, month: str, message: str
) -> None:
    out = fresh_seeded.parent / "x.pdf"
    result = run_cli("report", "monthly", "--month", month, "--out", out, home=fresh_seeded)
    assert result.returncode == 1, show(result)
    assert message in result.stderr
    assert not out.exists()


# --- start-up -----------------------------------------------------------------------------------


def test_report_daily_loads_nothing_of_the_shared_database_sync_or_window(
    fresh_seeded: Path,
) -> None:
    """A scheduler's `report daily` pays only for what it uses: no PostgreSQL driver or dialect
    (the shared queue's tables stay out of the mapped ones), no sync, spreadsheets, migrations,
    Qt, or cryptography (it decrypts nothing). `-X importtime` lists every module the real child
    process loaded."""
    out = fresh_seeded.parent / "daily.pdf"
    command = ["report", "daily", "--date", "2026-11-27", "--out", str(out)]
    ran = run_process(*command, home=fresh_seeded, python=("-X", "importtime"))
    assert ran.returncode == 0, ran.stderr[-2000:]
    loaded = {
        line.rsplit("|", 1)[1].strip()
        for line in ran.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert {"reportlab.platypus", "hall_desk.reports.daily", "sqlalchemy.orm"} <= loaded
    unneeded = ("psycopg", "sqlalchemy.dialects.postgresql", "hall_desk.sync", "openpyxl")
    unneeded += ("alembic", "PySide6", "qasync", "hall_desk.ui", "argon2", "cryptography")
    # It folds nothing and reads 15 tables: neither the registry and its folds (which map
    # every projected table) nor the table modules of the features it does not report on.
    unneeded += (
        "hall_desk.store.event_kinds",
        "hall_desk.store.projection",
        "hall_desk.store.fold",
    )
    unneeded += ("hall_desk.store.tables", "hall_desk.store.models_staff")
    unneeded += ("hall_desk.store.models_sync", "hall_desk.store.models_queue")
    unneeded += ("hall_desk.store.models_monthly",)
    # Nor the catalog's, an intake's or the login's tables, nor the services that write the
    # figures' records (it reads their queries only).
    unneeded += ("hall_desk.store.models_catalog", "hall_desk.store.models_intake")
    unneeded += ("hall_desk.store.models_login", "hall_desk.store.catalog")
    unneeded += ("hall_desk.services.ratings", "hall_desk.services.tickets")
    unneeded += ("hall_desk.services.consultations", "hall_desk.store.queries.routing")
    unneeded += ("hall_desk.store.scrub",)  # a verify's, which reads scrubbed originals
    assert sorted(m for m in loaded if m.startswith(unneeded)) == []


# Records, at the first call of cli.imports_done (the collector switched back on), whether the
# summary's module was imported already and whether the collector was still off.
_COLLECTOR_PROBE = """
import gc, sys
from hall_desk import cli
started, seen = cli.imports_done, []
def probe():
    seen.append(("hall_desk.reports.daily" in sys.modules, gc.isenabled()))
    started()
cli.imports_done = probe
code = cli.main(sys.argv[1:])
print(seen[0])
sys.exit(code)
"""


def test_report_daily_makes_its_imports_before_the_collector_is_back_on(
    fresh_seeded: Path,
) -> None:
    """The summary's imports (reportlab, the figures' queries and tables) are made with the
    collector off and then frozen with the workstation's: made with it on they cost 35 more
    collections."""
    out = fresh_seeded.parent / "daily.pdf"
    argv = _argv(("report", "daily", "--date", "2026-11-27", "--out", out), fresh_seeded)
    ran = subprocess.run(
        [sys.executable, "-c", _COLLECTOR_PROBE, *argv],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        encoding="utf-8",
        env=_environment(None, None),
        cwd=_SCRATCH["root"],
        timeout=TIMEOUT,
        check=False,
    )
    result = Result(ran.returncode, ran.stdout, ran.stderr)
    assert ran.returncode == 0, show(result)
    assert ran.stdout.strip().splitlines()[-1] == "(True, False)", show(result)


def _projections(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every projection table's rows, read with plain sqlite3."""
    from hall_desk.store.tables import PROJECTION_TABLES

    return {
        m.__tablename__: sorted(map(repr, query(db, f"SELECT * FROM {m.__tablename__}")))
        for m in PROJECTION_TABLES
    }


def test_rebuild_in_a_process_of_its_own_gives_identical_tables(fresh_seeded: Path) -> None:
    """`hall-desk rebuild` as a scheduler runs it: a process that imported nothing before the
    command, so the folds' write order (parents first, by the foreign keys) and the tables a
    rebuild empties come only from what the rebuild itself imports."""
    db = db_of(fresh_seeded)
    before = _projections(db)
    assert min(len(before[t]) for t in ("cases", "case_items", "theme_items", "meetings")) > 0
    assert len(before["meeting_attendance"]) > 0 and len(before["queue_tickets"]) > 0
    result = run_process("rebuild", home=fresh_seeded)
    assert result.returncode == 0, show(result)
    assert f"重放 {count(db, 'events')} 条事件" in result.stdout
    assert _projections(db) == before
