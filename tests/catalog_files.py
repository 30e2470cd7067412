"""Catalog spreadsheets for tests that need many rows (an import's progress, its speed)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from hall_desk.services.catalog import ITEM_HEADERS, MATERIAL_HEADERS


def big_catalog(path: Path, source: Path, copies: int) -> int:
    """The exported catalog `source` with each item repeated under new codes, saved as `path`;
    returns its number of items."""
    wb = load_workbook(source)
    items, materials = wb["事项"], wb["申请材料"]
    assert [c.value for c in items[1]][: len(ITEM_HEADERS)] == ITEM_HEADERS
    assert [c.value for c in materials[1]][: len(MATERIAL_HEADERS)] == MATERIAL_HEADERS
    item_rows = [list(r) for r in items.iter_rows(min_row=2, values_only=True)]
    material_rows = [list(r) for r in materials.iter_rows(min_row=2, values_only=True)]
    for n in range(1, copies):
        for row in item_rows:
            items.append([f"{row[0]}X{n}", *row[1:]])
        for row in material_rows:
            materials.append([f"{row[0]}X{n}", *row[1:]])
    wb.save(path)
    return len(item_rows) * copies
