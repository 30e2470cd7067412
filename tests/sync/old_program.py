"""Earlier releases of the program, run from this repository's history in child processes.

Homes and shared databases made by an earlier release are made by that release's own code
(`git archive` of its commit), not imitated: what they hold is what it wrote.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import hall_desk

REPO = Path(hall_desk.__file__).resolve().parent.parent
# The last program before applicants kept the birth year only: local revision 0003, shared
# schema 1, applicant.recorded version 1 with the birth date, masks 150521********1234.
BIRTH_DATE_RELEASE = "453c824"
# The last program before the scrub: birth years and event MACs (local 0005, shared schema 2),
# but what 0453c824 wrote is still in the logs as it was written.
MAC_RELEASE = "cd14586"
TIMEOUT = 300

_sources: dict[str, Path] = {}


def source(commit: str, scratch: Path) -> Path:
    """The program's package at `commit`, unpacked once per test session."""
    found = _sources.get(commit)
    if found is not None:
        return found
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        pytest.skip("the earlier releases come from the repository's history: no git checkout")
    known = subprocess.run(
        [git, "-C", str(REPO), "cat-file", "-e", f"{commit}^{{commit}}"], check=False
    )
    if known.returncode != 0:
        pytest.skip(f"commit {commit} is not in this clone's history (a shallow clone?)")
    target = scratch / f"release-{commit}"
    target.mkdir(parents=True)
    archive = subprocess.run(
        [git, "-C", str(REPO), "archive", commit, "hall_desk", "resources"],
        check=True,
        capture_output=True,
    )
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    _sources[commit] = target
    return target


def environment(code: Path, scratch: Path, password: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HALL_DESK_", "PYTHON"))}
    env["PYTHONPATH"] = str(code)
    env["PYTHONIOENCODING"] = "utf-8"
    env["XDG_DATA_HOME"] = str(scratch / "xdg-data")
    if password is not None:
        env["HALL_DESK_ADMIN_PASSWORD"] = password
    return env


def run(
    code: Path, scratch: Path, home: Path, *args: str, password: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`hall-desk --home HOME ARGS…` of the release at `code`; fails the test if it fails."""
    ran = subprocess.run(
        [sys.executable, "-m", "hall_desk", "--home", str(home), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        encoding="utf-8",
        env=environment(code, scratch, password),
        cwd=scratch,
        timeout=TIMEOUT,
        check=False,
    )
    assert ran.returncode == 0, f"{args}: exit {ran.returncode}\n{ran.stdout}\n{ran.stderr}"
    return ran


def run_script(code: Path, scratch: Path, script: str, *args: str) -> str:
    """A Python script against the release's own services; returns what it printed."""
    ran = subprocess.run(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        encoding="utf-8",
        env=environment(code, scratch),
        cwd=scratch,
        timeout=TIMEOUT,
        check=False,
    )
    assert ran.returncode == 0, f"script: exit {ran.returncode}\n{ran.stdout}\n{ran.stderr}"
    return ran.stdout
