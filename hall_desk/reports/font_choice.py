"""The Chinese font the PDFs embed, remembered between processes.

Finding it asks fontconfig (an fc-list process), tries the faces in order and, for a CFF
collection, opens it with fontTools to find its converted copy: 0.1–0.17 s of every
`hall-desk report …` process, for an answer that changes only when fonts are installed or
removed. The answer is kept in the user's cache folder (choice.json beside the converted fonts)
with what would change it: the configured font, the fixed candidate files (size and modification
time), the modification times of fontconfig's configuration, font and cache folders (installing
a font package runs fc-cache, which rewrites its cache folder), and the chosen file's own size
and modification time. When any of them differs, or the remembered file cannot be loaded, the
whole lookup runs again and its answer replaces the old one.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from hall_desk.reports import font_convert

CHOICE_ENV = "HALL_DESK_FONT_CHOICE"  # a file of its own (tests keep one per test)
# Bump when the lookup's order or rules change: an older remembered answer is then not used.
CHOICE_VERSION = "1"
BUILT_IN = "built-in"  # remembered when no system font can be embedded

# Where fontconfig reads its configuration and fonts and keeps its caches (Linux, the BSDs);
# folders that do not exist count as absent, which is part of the key too.
_FONTCONFIG_DIRS = (
    "/etc/fonts",
    "/etc/fonts/conf.d",
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "/var/cache/fontconfig",
    "~/.fonts",
    "~/.local/share/fonts",
    "~/.cache/fontconfig",
)


def choice_file() -> Path:
    configured = os.environ.get(CHOICE_ENV)
    if configured:
        return Path(configured).expanduser()
    return font_convert.cache_dir() / "choice.json"


def _stamp(path: str) -> list[int] | None:
    try:
        stat = os.stat(os.path.expanduser(path))
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def situation(override: str | None, fixed: Iterable[str]) -> dict[str, object]:
    """What the lookup's answer depends on, as it is now: a few stat calls, no process."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    dirs = [*_FONTCONFIG_DIRS, *([f"{xdg}/fontconfig"] if xdg else [])]
    return {
        "version": f"{CHOICE_VERSION}.{font_convert.CONVERSION_VERSION}",
        "override": override or "",
        "fixed": {path: _stamp(path) for path in fixed},
        "fontconfig": {d: (_stamp(d) or [0, 0])[1] for d in dirs},
    }


def recall(key: dict[str, object]) -> tuple[str, int] | str | None:
    """The remembered (file, face index) or BUILT_IN when `key` is what it was remembered
    under and the file is unchanged; None when the lookup has to run."""
    try:
        saved = json.loads(choice_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(saved, dict) or saved.get("key") != key:
        return None
    if saved.get("font") == BUILT_IN:
        return BUILT_IN
    path, index, files = saved.get("font"), saved.get("index"), saved.get("files")
    if not isinstance(path, str) or not isinstance(index, int) or not isinstance(files, dict):
        return None
    if any(_stamp(name) != stamp for name, stamp in files.items()):
        return None  # the font file (or the one it was converted from) changed
    return path, index


def remember(
    key: dict[str, object], path: str | None, index: int = 0, source: str | None = None
) -> None:
    """Keeps the answer: the file reportlab loads and its face index (None: the built-in font),
    and the file it was converted from; a cache that cannot be written is skipped."""
    files = {name: _stamp(name) for name in {path, source} if name}
    saved = {"key": key, "font": path or BUILT_IN, "index": index, "files": files}
    target = choice_file()
    temp = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, target)  # another process reading it sees the old or the new, whole
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
