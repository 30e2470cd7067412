"""Real read-only and full disks for tests: small tmpfs mounts (Linux, as root).

chmod does not stop the superuser the tests run as, but a read-only mount does (the kernel
refuses every write with EROFS), and a tmpfs of a few megabytes fills up for real (ENOSPC,
SQLite's "database or disk is full"). Where mounting is not possible the tests that need it
are skipped with the reason.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

FILLER = "filler.bin"


def _mount_problem() -> str | None:
    if not sys.platform.startswith("linux"):
        return "needs Linux tmpfs mounts"
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root (CAP_SYS_ADMIN); run the suite as root to test it"
    if shutil.which("mount") is None or shutil.which("umount") is None:
        return "the mount and umount programs are not installed"
    return None


@contextmanager
def tmpfs(where: Path, size: str = "16m") -> Iterator[Path]:
    """A fresh tmpfs of `size` mounted at `where` (created), unmounted afterwards."""
    problem = _mount_problem()
    if problem:
        pytest.skip(f"real read-only and full disks: {problem}")
    where.mkdir(parents=True, exist_ok=True)
    ran = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if ran.returncode != 0:
        pytest.skip(f"real read-only and full disks: mount -t tmpfs failed ({ran.stderr.strip()})")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def remount(where: Path, mode: str) -> None:
    """`mode` "ro" or "rw"."""
    subprocess.run(["mount", "-o", f"remount,{mode}", str(where)], check=True)


def fill(where: Path, leave: int = 0) -> Path:
    """Takes the disk's free space down to about `leave` bytes with one filler file."""
    filler = where / FILLER
    chunk = b"\0" * (64 * 1024)
    with open(filler, "ab", buffering=0) as fh:
        while (free := shutil.disk_usage(where).free) > leave:
            try:
                fh.write(chunk[: min(len(chunk), free - leave)])
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                break
    return filler


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}
