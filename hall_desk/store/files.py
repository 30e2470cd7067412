"""Files the program creates hold personal data or keys: owner-only, never replacing another."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def written_whole(path: Path) -> Iterator[BinaryIO]:
    """A new owner-only file that exists afterwards only if everything was written to it.

    On any failure (a full disk, an error while producing the content) the partial file is
    removed: no empty or half-written output is left behind."""
    fh = create_private(path)
    try:
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def make_private_dir(path: Path) -> None:
    """The folder (and any missing parents) exists and only its owner may enter it."""
    path.mkdir(mode=OWNER_ONLY_DIR, parents=True, exist_ok=True)
    os.chmod(path, OWNER_ONLY_DIR)
