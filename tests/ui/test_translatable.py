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
            name = (
                node.func.attr
                if isinstance(node.func, ast.Attribute)
                else getattr(node.func, "id", "")
            )
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


# -- what lupdate can extract --------------------------------------------------------------------
# lupdate reads source strings from the call itself: a literal, not an f-string, a concatenation
# or a conditional (those are translated at run time from a key that no .ts file has).
CONTEXT_FIRST = {"translate", "QT_TRANSLATE_NOOP"}


def _name(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")


def unextractable(path: Path) -> list[int]:
    """Lines where a tr()/translate()/QT_TRANSLATE_NOOP() call hides its text from lupdate."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad: list[int] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _name(node) not in WRAPPERS:
            continue
        args = list(node.args)
        if _name(node) in CONTEXT_FIRST and args:
            context = args.pop(0)
            if not (isinstance(context, ast.Constant) and isinstance(context.value, str)):
                bad.append(node.lineno)  # the context must be a literal too
                continue
        for arg in args[:1]:  # the source text; later arguments are disambiguation or n
            nested = [n for n in ast.walk(arg) if n is not arg]
            f_string = any(isinstance(n, ast.JoinedStr) for n in [arg, *nested])
            buried = any(
                isinstance(n, ast.Constant) and isinstance(n.value, str) and _has_cjk(n.value)
                for n in nested
            )
            if f_string or buried:
                bad.append(node.lineno)
    return bad


def test_translated_text_is_a_literal_lupdate_can_extract() -> None:
    offenders = {p.name: lines for p in sorted(UI.glob("*.py")) if (lines := unextractable(p))}
    assert not offenders, f"pass tr() a plain literal and .format() after it: {offenders}"


def test_the_check_finds_texts_lupdate_cannot_see(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text(
        'a = self.tr(f"已锁定：{name}")\n'
        'b = self.tr("单位" if org else "个人")\n'
        'c = QCoreApplication.translate(CONTEXT, "统一出件")\n'
        'd = QT_TRANSLATE_NOOP("Workspace", "综合受理")\n'
        'e = self.tr("已锁定：{name}").format(name=name)\n'
        'f = QCoreApplication.translate("RowsModel", column.header)\n',
        encoding="utf-8",
    )
    assert unextractable(sample) == [1, 2, 3]
