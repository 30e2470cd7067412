"""A hall made before the birth year, upgraded: its old records are scrubbed everywhere.

Two workstations of one hall are made and worked by the release that still wrote birth dates
and wide masks (tests/sync/old_program.py), then synced by the release that added event MACs,
then opened and synced by this program. Afterwards no plaintext value of either local database
or of the shared database rebuilds an ID number (tests/sync/test_id_rebuild.py's attack), no
payload holds a birth date or a wide mask, every MAC holds, `audit verify` is clean on both,
and rebuilding the tables from the scrubbed log gives the tables the old log gave.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from datetime import date
from pathlib import Path

from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store.keys import HallKey
from hall_desk.store.tables import PROJECTION_TABLES
from tests.command_line import run_in_process
from tests.conftest import make_home
from tests.sync import old_program
from tests.sync.helpers import sync
from tests.sync.test_id_rebuild import rebuilt_numbers

END = date(2026, 11, 24)
PASSWORD = "admin2026pass"
WIDE_MASK = re.compile(r"^[0-9A-Z]{6}\*{8}[0-9A-Z]{4}$")

# Run by the old release in W02: three returning applicants looked up for the intake form,
# each reveal audited with the applicant's (then wide) mask.
REVEAL = """
import sys
from pathlib import Path
from sqlalchemy import select
from hall_desk.domain.roles import Actor, Role
from hall_desk.services.applicants import returning_applicant
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import ApplicantRow
with Workstation(Home(Path(sys.argv[1]))) as ws:
    with ws.reading() as s:
        rows = s.scalars(
            select(ApplicantRow).where(ApplicantRow.kind == "person").limit(3)
        ).all()
    clerk = Actor("clerk-w02", "窗口W02", Role.CLERK)
    for row in rows:
        number = ws.key.decrypt("id_number", row.id_cipher)
        assert returning_applicant(ws, clerk, number) is not None
    print(len(rows))
"""


def _projections(
    db: Path, like: dict[str, tuple[list[str], list[tuple[str, ...]]]] | None = None
) -> dict[str, tuple[list[str], list[tuple[str, ...]]]]:
    """Each projection table's rows by column; with `like`, only the columns `like` has (a
    later revision may add columns the old release never had)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = {}
        for m in PROJECTION_TABLES:
            name = m.__tablename__
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({name})")]
            if like is not None:
                columns = [c for c in columns if c in like[name][0]]
            if not columns:  # a table the old release did not have
                tables[name] = ([], [])
                continue
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = conn.execute(f"SELECT {quoted} FROM {name}")
            tables[name] = (columns, sorted(tuple(map(repr, r)) for r in rows))
        return tables
    finally:
        conn.close()


def _old_values(db: Path, table: str) -> list[str]:
    """Every birth date key or wide mask in the payloads of one table (events or shared)."""
    found = []
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        for (payload,) in conn.execute(f"SELECT payload FROM {table}"):
            stack = [json.loads(payload)] if payload else []
            while stack:
                value = stack.pop()
                if isinstance(value, dict):
                    found.extend(f"{k}" for k in value if k == "birth_date")
                    stack.extend(value.values())
                elif isinstance(value, list):
                    stack.extend(value)
                elif isinstance(value, str) and WIDE_MASK.match(value):
                    found.append(value)
    finally:
        conn.close()
    return found


def _cli(home: Path, scratch: Path, *args: str):  # type: ignore[no-untyped-def]
    env = old_program.environment(Path("."), scratch)
    env.pop("PYTHONPATH")
    return run_in_process(["--home", str(home), *args], env, scratch)


def test_a_hall_from_before_the_birth_year_is_scrubbed_locally_and_in_the_shared_database(
    tmp_path: Path,
) -> None:
    scratch = tmp_path / "scratch"
    (scratch / "xdg-data").mkdir(parents=True)
    old = old_program.source(old_program.BIRTH_DATE_RELEASE, scratch)
    mid = old_program.source(old_program.MAC_RELEASE, scratch)
    w1, w2 = tmp_path / "w1", tmp_path / "w2"
    shared = tmp_path / "shared" / "hall-shared.sqlite3"
    shared.parent.mkdir()
    key_file = tmp_path / "key" / "hall.key"

    # The old release: one workstation works 14 days, a second joins, both sync.
    old_program.run(old, scratch, w1, "init", "--admin", "admin", password=PASSWORD)
    demo = ["--days", "8", "--per-day", "12", "--seed", "7", "--end", END.isoformat()]
    old_program.run(old, scratch, w1, "demo-data", *demo)
    old_program.run(old, scratch, w1, "hall-key", "export", "--out", str(key_file))
    old_program.run(old, scratch, w2, "init", "--workstation", "W02", "--hall-key", str(key_file))
    for home in (w1, w2, w1):
        old_program.run(old, scratch, home, "sync", "--shared", str(shared))
    assert old_program.run_script(old, scratch, REVEAL, str(w2)).strip() == "3"
    # The release with event MACs: the shared schema goes to 2 (rows sealed as they are). W2
    # stays at the old release until this program opens it.
    old_program.run(mid, scratch, w1, "sync", "--shared", str(shared))
    before = tmp_path / "before"
    before.mkdir()
    for name, db in (("w1", w1 / "local.sqlite3"), ("w2", w2 / "local.sqlite3"), ("s", shared)):
        shutil.copy(db, before / f"{name}.sqlite3")
    old_tables = _projections(w1 / "local.sqlite3")

    # What the attack gets before this program: the old records rebuild most numbers.
    copies = [before / "w1.sqlite3", before / "w2.sqlite3", before / "s.sqlite3"]
    key = HallKey.read(w1 / "hall.key")
    rebuilt, people = rebuilt_numbers(copies[0], copies, key, END, sample=12)
    assert len(rebuilt) > len(people) // 2, (len(rebuilt), len(people))
    assert _old_values(copies[2], "hall_sync_events")

    # This program: the tables rebuilt from the scrubbed log are the tables of the old log.
    ran = _cli(w1, scratch, "rebuild")
    assert ran.returncode == 0, ran
    assert _projections(w1 / "local.sqlite3", like=old_tables) == old_tables
    with Workstation(Home(w1)) as ws1:
        sync(ws1, str(shared))
    with Workstation(Home(w2)) as ws2:
        sync(ws2, str(shared))
    with Workstation(Home(w1)) as ws1:
        sync(ws1, str(shared))

    dbs = [w1 / "local.sqlite3", w2 / "local.sqlite3", shared]
    rebuilt, people = rebuilt_numbers(dbs[0], dbs, key, END)
    roles = {r for p in people for r in p.roles}
    assert len(people) > 40 and roles == {"applicant", "agent", "proxy"}, (len(people), roles)
    assert not rebuilt, f"{len(rebuilt)} of {len(people)} rebuilt, e.g. {rebuilt[:3]}"
    assert _old_values(dbs[0], "events") == []
    assert _old_values(dbs[1], "events") == []
    assert _old_values(dbs[2], "hall_sync_events") == []
    for home in (w1, w2):
        ran = _cli(home, scratch, "audit", "verify")
        assert ran.returncode == 0, ran
        assert "事件校验码完整" in ran.stdout
    # The reveals' audit entries keep their hash; what was removed is kept sealed.
    conn = sqlite3.connect(w2 / "local.sqlite3")
    try:
        scrubbed = conn.execute(
            "SELECT detail FROM audit_log WHERE action = 'pii.unmask' AND scrubbed_original != ''"
        ).fetchall()
        steps = conn.execute(
            "SELECT detail FROM audit_log WHERE action = 'records.scrubbed'"
        ).fetchall()
    finally:
        conn.close()
    assert len(scrubbed) == 3 and all("**********" in d for (d,) in scrubbed), scrubbed
    assert len(steps) == 1 and json.loads(steps[0][0])["audit_entries"] == 3
    # Every workstation holds the events exactly as the shared database does (same MACs).
    in_shared = _by_id(shared, "hall_sync_events")
    for db in dbs[:2]:
        held = _by_id(db, "events")
        assert len(held) == len(in_shared)
        assert held == in_shared, [i for i in held if held[i] != in_shared.get(i)][:3]
    # And the tables folded during the syncs are the tables a rebuild gives.
    folded = _projections(w1 / "local.sqlite3")
    assert _cli(w1, scratch, "rebuild").returncode == 0
    assert _projections(w1 / "local.sqlite3") == folded


def _by_id(db: Path, table: str) -> dict[str, tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {
            r[0]: tuple(r[1:])
            for r in conn.execute(f"SELECT id, origin, seq, payload, mac FROM {table}")
        }
    finally:
        conn.close()


def test_a_shared_database_of_the_old_release_upgraded_by_this_program_is_sealed_scrubbed(
    tmp_path: Path,
) -> None:
    """No release with MACs in between: this program upgrades the shared schema itself. Its
    local copies are scrubbed already, so it vouches for a shared row whose scrub is its copy;
    a new workstation then takes every event, none refused."""
    scratch = tmp_path / "scratch"
    (scratch / "xdg-data").mkdir(parents=True)
    old = old_program.source(old_program.BIRTH_DATE_RELEASE, scratch)
    w1 = tmp_path / "w1"
    shared = tmp_path / "shared" / "hall-shared.sqlite3"
    shared.parent.mkdir()
    old_program.run(old, scratch, w1, "init", "--admin", "admin", password=PASSWORD)
    old_program.run(old, scratch, w1, "demo-data", "--days", "3", "--per-day", "6", "--end",
                    END.isoformat())  # fmt: skip
    old_program.run(old, scratch, w1, "sync", "--shared", str(shared))
    assert _old_values(shared, "hall_sync_events")

    with Workstation(Home(w1)) as ws1:
        sync(ws1, str(shared))
        ws1.key.write(tmp_path / "hall.key")
    in_shared = _by_id(shared, "hall_sync_events")
    assert _old_values(shared, "hall_sync_events") == []
    assert in_shared == _by_id(w1 / "local.sqlite3", "events")
    assert all(mac for (_o, _s, _p, mac) in in_shared.values())
    with make_home(tmp_path / "w2", "W02", key_file=tmp_path / "hall.key") as ws2:
        report = sync(ws2, str(shared))
        assert report.refused == 0 and report.pulled == len(in_shared)
    held = _by_id(tmp_path / "w2" / "local.sqlite3", "events")
    assert {i: held[i] for i in in_shared} == in_shared
