"""The program reads the wall clock in one place only: the workstation's WallClock."""

from __future__ import annotations

import ast
from pathlib import Path

import hall_desk

PACKAGE = Path(hall_desk.__file__).parent
CLOCK_MODULE = PACKAGE / "domain" / "clock.py"

# Calls that read the machine's clock; anything else (fromisoformat, combine…) is fine.
WALL_READS = {
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("QDateTime", "currentDateTime"),
    ("QDate", "currentDate"),
    ("QTime", "currentTime"),
}


def wall_reads(path: Path, root: Path = PACKAGE) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
        if (name, node.func.attr) in WALL_READS:
            found.append(f"{path.relative_to(root)}:{node.lineno} {name}.{node.func.attr}()")
    return found


def test_nothing_reads_the_wall_clock_but_the_workstation_clock():
    offenders = [
        hit
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != CLOCK_MODULE
        for hit in wall_reads(path)
    ]
    assert offenders == []


def test_the_scan_sees_a_wall_read(tmp_path):
    # The check above is only worth something if it recognises the reads it forbids.
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import datetime, time\nfrom datetime import date\n"
        "a = datetime.datetime.now()\nb = date.today()\nc = time.time()\n",
        encoding="utf-8",
    )
    assert [hit.split(" ")[1] for hit in wall_reads(sample, tmp_path)] == [
        "datetime.now()",
        "date.today()",
        "time.time()",
    ]

