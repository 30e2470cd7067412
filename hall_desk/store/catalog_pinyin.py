"""The pinyin search keys of the bundled catalog's names, worked out once and shipped beside it.

Folding a catalog import writes each item's and theme's pinyin keys, and pypinyin loads some
30 MB of dictionaries for them: ~0.3 CPU-s, a fifth of a 2,000-case hall's first pull, paid by
every new workstation and every new hall, which fold the bundled catalog. Its names' keys are
in resources/catalog/pinyin.json instead; any other name (a hall's own catalog) is worked out
by pypinyin as before (`domain.catalog.pinyin_keys`). tests/store/test_catalog_pinyin.py holds
every entry to what pypinyin gives; after the bundled catalog changes, write the file again
with `python -m hall_desk.store.catalog_pinyin`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from hall_desk.assets import resources_dir
from hall_desk.domain import catalog

TABLE = ("catalog", "pinyin.json")


def pinyin_keys(text: str) -> tuple[str, str]:
    """Full pinyin and initials of a catalog name (`domain.catalog.pinyin_keys`)."""
    found = _shipped().get(text)
    return found if found is not None else catalog.pinyin_keys(text)


@cache
def _shipped() -> dict[str, tuple[str, str]]:
    path = resources_dir().joinpath(*TABLE)
    if not path.exists():  # an install without it only loses the shortcut
        return {}
    table = json.loads(path.read_text(encoding="utf-8"))
    return {name: (full, initials) for name, (full, initials) in table.items()}


def names_of(data: dict[str, Any]) -> Iterable[str]:
    """The names a catalog import folds into pinyin keys: its items' and its themes'."""
    yield from (item["name"] for item in data["items"])
    yield from (theme["name"] for theme in data["themes"])


def write_table(data: dict[str, Any], path: Path) -> None:
    """One name a line: {"name": ["full pinyin", "initials"], …}."""
    lines = [
        f"{json.dumps(name, ensure_ascii=False)}: {json.dumps(list(catalog.pinyin_keys(name)))}"
        for name in sorted(set(names_of(data)))
    ]
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


if __name__ == "__main__":
    bundled = json.loads(resources_dir().joinpath("catalog", "catalog.json").read_text("utf-8"))
    write_table(bundled, resources_dir().joinpath(*TABLE))
