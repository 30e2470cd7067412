"""Every Chinese string the window shows is a tr() source string, ready for a .ts translation."""

from __future__ import annotations

import ast
from pathlib import Path

import hall_desk.ui

UI = Path(hall_desk.ui.__file__).parent
WRAPPERS = {"tr", "translate", "QT_TRANSLATE_NOOP"}


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def untranslated(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrapped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in WRAPPERS:
                for arg in node.args:
                    wrapped.update(id(n) for n in ast.walk(arg))
    docstrings = {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef)
        and n.body
        and isinstance(n.body[0], ast.Expr)
        and isinstance(n.body[0].value, ast.Constant)
    }
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and _has_cjk(node.value)
        and id(node) not in wrapped
        and id(node) not in docstrings
    ]


def test_no_bare_chinese_strings_in_the_window_code() -> None:
    offenders = {p.name: lines for p in sorted(UI.glob("*.py")) if (lines := untranslated(p))}
    assert not offenders, f"wrap these in tr(): {offenders}"


def test_the_check_finds_a_bare_string(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text('label = "综合受理"\nok = self.tr("统一出件")\n', encoding="utf-8")
    assert untranslated(sample) == [1]
