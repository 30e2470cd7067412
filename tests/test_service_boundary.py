"""What crosses from the services to the window: frozen values, never ORM rows or sessions."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import pkgutil
import types
import typing
from pathlib import Path

import pytest

import hall_desk
from hall_desk.domain.roles import Actor
from hall_desk.services import cases as case_service
from hall_desk.services import intake, users
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import Base, CaseRow, User
from tests.conftest import TODAY
from tests.services.helpers import draft_for

PACKAGE = Path(hall_desk.__file__).parent
# Layers whose public functions the window (or the command line) calls with a workstation.
CALLED_FROM_ABOVE = ["services", "reports", "sync"]
# Reaching these on a workstation means holding a database session.
SESSION_DOORS = {"reading", "transaction", "db"}


def _ui_trees() -> list[tuple[Path, ast.Module]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
    ]


def test_widgets_never_import_the_store():
    for path, tree in _ui_trees():
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            bad = [n for n in names if n == "hall_desk.store" or n.startswith("hall_desk.store.")]
            assert not bad, f"{path.relative_to(PACKAGE)}:{node.lineno} imports {bad}"


def test_widgets_never_open_database_sessions():
    seen_attributes = 0
    for path, tree in _ui_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                seen_attributes += 1
                assert node.attr not in SESSION_DOORS, (
                    f"{path.relative_to(PACKAGE)}:{node.lineno} uses .{node.attr}: "
                    "database work belongs in a service"
                )
    assert seen_attributes > 1000, "the walk must see the widgets' code"


def _hints(fn: types.FunctionType) -> dict[str, object]:
    # Some modules name the workstation and the actor for type checkers only.
    extra = {"Workstation": Workstation, "Actor": Actor}
    # A decorated function (a @contextmanager) is read in its own module, not the decorator's.
    return typing.get_type_hints(fn, globalns={**extra, **inspect.unwrap(fn).__globals__})


def _orm_types_in(hint: object, seen: set[type]) -> list[str]:
    """ORM classes reachable from a type hint: through unions, generics and dataclass fields."""
    if isinstance(hint, type) and issubclass(hint, Base):
        return [hint.__name__]
    found: list[str] = []
    for arg in typing.get_args(hint):
        found += _orm_types_in(arg, seen)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and hint not in seen:
        seen.add(hint)
        for name, field_hint in typing.get_type_hints(hint).items():
            found += [f"{hint.__name__}.{name}: {t}" for t in _orm_types_in(field_hint, seen)]
    return found


def _public_workstation_functions() -> list[tuple[str, types.FunctionType]]:
    out = []
    for layer in CALLED_FROM_ABOVE:
        package = importlib.import_module(f"hall_desk.{layer}")
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"hall_desk.{layer}.{info.name}")
            for name, fn in vars(module).items():
                if name.startswith("_") or not inspect.isfunction(fn):
                    continue
                if fn.__module__ != module.__name__:
                    continue
                params = list(inspect.signature(fn).parameters.values())
                # Only the workstation's functions have their hints resolved: others may name
                # types imported for type checkers alone (reports' lazily imported reportlab).
                if not params or params[0].annotation not in ("Workstation", Workstation):
                    continue
                if _hints(fn).get(params[0].name) is Workstation:
                    out.append((f"{module.__name__}.{name}", fn))
    return out


def test_no_service_hands_an_orm_row_to_its_caller():
    functions = _public_workstation_functions()
    assert len(functions) > 60, "the walk must find the services"
    offenders = {}
    for qualname, fn in functions:
        hints = _hints(fn)
        assert "return" in hints, f"{qualname} has no return annotation"
        found = _orm_types_in(hints["return"], set())
        if found:
            offenders[qualname] = found
    assert offenders == {}


def test_the_checker_finds_orm_rows_where_they_are():
    @dataclasses.dataclass(frozen=True)
    class Holder:
        rows: list[CaseRow]

    assert _orm_types_in(list[User] | None, set()) == ["User"]
    assert _orm_types_in(Holder, set()) == ["Holder.rows: CaseRow"]


def _values_in(value: object) -> typing.Iterator[object]:
    yield value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _values_in(getattr(value, field.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _values_in(item)


@pytest.mark.parametrize("read", ["case_detail", "list_users"])
def test_the_main_reads_return_frozen_values_only(read, ws, admin, clerk):
    case = intake.accept(ws, clerk, draft_for(ws, ["011050007001"]), on=TODAY)
    result: object = (
        case_service.case_detail(ws, clerk, case.case_no)
        if read == "case_detail"
        else users.list_users(ws, admin)
    )
    values = list(_values_in(result))
    assert len(values) > 5
    assert [v for v in values if isinstance(v, Base)] == []
    frozen = [v for v in values if dataclasses.is_dataclass(v)]
    assert frozen and all(type(v).__dataclass_params__.frozen for v in frozen)  # type: ignore[attr-defined]
