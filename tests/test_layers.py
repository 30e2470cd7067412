"""The layer rules of DESIGN.md §3, checked on the source itself (import-linter checks them too)."""

from __future__ import annotations

import ast
from pathlib import Path

import hall_desk

PACKAGE = Path(hall_desk.__file__).parent
QT = ("PySide6", "qasync", "shiboken6")
ORDER = ["domain", "store", "services", "sync", "reports", "ui"]


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def test_core_never_imports_qt():
    for layer in ["domain", "store", "services", "sync", "reports"]:
        for path in modules(layer):
            bad = [n for n in imports_of(path) if n.split(".")[0] in QT]
            assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_domain_is_pure():
    for path in modules("domain"):
        bad = [n for n in imports_of(path) if n.split(".")[0] in ("sqlalchemy", "alembic", *QT)]
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_layers_import_only_downwards():
    for i, layer in enumerate(ORDER):
        above = {f"hall_desk.{up}" for up in ORDER[i + 1 :]} | {"hall_desk.cli"}
        if layer in ("sync", "reports"):
            above -= {"hall_desk.sync", "hall_desk.reports"}
        for path in modules(layer):
            bad = [
                n for n in imports_of(path) if any(n == a or n.startswith(a + ".") for a in above)
            ]
            assert not bad, f"{path.relative_to(PACKAGE)} imports upwards: {bad}"


def test_the_checker_sees_imports():
    """Guard against a checker that passes because it finds nothing."""
    assert "sqlalchemy" in imports_of(PACKAGE / "store" / "models.py")
    assert len(modules("domain")) >= 5
