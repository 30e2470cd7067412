"""Files the program creates hold personal data or keys: owner-only, never replacing another."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

OWNER_ONLY = 0o600
OWNER_ONLY_DIR = 0o700


def create_private(path: Path) -> BinaryIO:
    """A new file open for writing, readable by its owner alone; FileExistsError if it exists.

    The mode is given at creation, so there is no moment in which another user could open it.
    """
    fd = os.open(
        path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), OWNER_ONLY
    )
    return os.fdopen(fd, "wb")


def make_private_dir(path: Path) -> None:
    """The folder (and any missing parents) exists and only its owner may enter it."""
    path.mkdir(mode=OWNER_ONLY_DIR, parents=True, exist_ok=True)
    os.chmod(path, OWNER_ONLY_DIR)
