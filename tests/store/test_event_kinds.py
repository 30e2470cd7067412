"""The registry of event kinds: every emitted kind is in it, and payload versions upcast."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import hall_desk
from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.store import event_kinds
from hall_desk.store.event_kinds import KINDS, PayloadError
from hall_desk.store.keys import HallKey

PACKAGE = Path(hall_desk.__file__).parent


def _strings_in(node: ast.AST) -> set[str]:
    """String constants and CaseEvent.NAME(.value) members inside an expression."""
    found: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            found.add(sub.value)
        if (
            isinstance(sub, ast.Attribute)
            and isinstance(sub.value, ast.Name)
            and sub.value.id == "CaseEvent"
        ):
            found.add(CaseEvent[sub.attr].value)
    return found


def _emitted_kinds() -> tuple[dict[str, str], list[str]]:
    """Kinds named at every `.emit(` and `record_move(kind=…)` call in the package.

    Returns {kind: where} and the calls whose kind could not be read statically.
    """
    kinds: dict[str, str] = {}
    unresolved: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue  # Qt signals' .emit(), not events
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef):
                continue
            assigned: dict[str, set[str]] = {}
            for node in ast.walk(func):
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            assigned.setdefault(target.id, set()).update(_strings_in(node.value))
            for node in ast.walk(func):
                if not isinstance(node, ast.Call) or not isinstance(
                    node.func, ast.Attribute | ast.Name
                ):
                    continue
                name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
                where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                # Folder moves name their lifecycle step (`step=CaseEvent.DELIVER`), emitted as
                # the step's stored kind.
                for keyword in node.keywords:
                    value = keyword.value
                    if (
                        keyword.arg == "step"
                        and isinstance(value, ast.Attribute)
                        and isinstance(value.value, ast.Name)
                        and value.value.id == "CaseEvent"
                    ):
                        kinds.setdefault(CaseEvent[value.attr].value, where)
                arg: ast.expr | None = None
                if name == "emit" and node.args:
                    arg = node.args[0]
                elif name == "record_move":
                    arg = next((k.value for k in node.keywords if k.arg == "kind"), None)
                if arg is None:
                    continue
                values = _strings_in(arg)
                if isinstance(arg, ast.Name):
                    values |= assigned.get(arg.id, set())
                    constant = getattr(event_kinds, arg.id, None)  # e.g. RESOLVE_KIND
                    if isinstance(constant, str):
                        values.add(constant)
                if not values:
                    # e.g. `step.value` for a CaseEvent chosen at run time, or a pass-through
                    unresolved.append(where)
                for value in values:
                    kinds.setdefault(value, where)
    return kinds, unresolved


def test_every_kind_emitted_in_the_code_is_registered():
    kinds, unresolved = _emitted_kinds()
    assert len(kinds) >= 20, f"the scan found too few emit calls to be trusted: {sorted(kinds)}"
    missing = {kind: where for kind, where in kinds.items() if kind not in KINDS}
    assert not missing, f"emitted but not registered in store/event_kinds.py: {missing}"
    # The calls read at run time pass lifecycle steps or a caller's kind; lifecycle steps are
    # all registered (below), pass-throughs are covered by the flows in tests/sync.
    assert all(where.startswith(("services/", "sync/")) for where in unresolved), unresolved


def test_every_lifecycle_step_is_a_registered_case_kind():
    for step in CaseEvent:
        assert KINDS[step.value].entity.name == "case"
        assert KINDS[step.value].handler is not None


def test_an_unregistered_kind_cannot_be_emitted(ws, admin):
    with pytest.raises(LookupError, match="is not in"), ws.transaction(admin) as tx:
        tx.emit("case.teleported", "case", "x", {})


def test_kinds_of_folded_entities_have_handlers_and_the_rest_none():
    for kind in KINDS.values():
        assert (kind.handler is not None) == kind.entity.folded, kind.name
        assert kind.entity is event_kinds.ENTITIES[kind.entity.name]


def test_every_version_below_the_current_one_has_its_upcaster():
    for kind in KINDS.values():
        assert set(kind.upcasters) == set(range(1, kind.version)), kind.name


def test_calendar_and_catalog_kinds_name_their_caches():
    assert event_kinds.caches_of(["calendar.override_set", "case.accepted"]) == {
        event_kinds.Cache.CALENDAR
    }
    assert event_kinds.caches_of(["catalog.imported"]) == {event_kinds.Cache.CATALOG}
    assert event_kinds.caches_of(["user.updated", "from.the_future"]) == set()


# --- payload versions ------------------------------------------------------------------------

CASE = KINDS["case.updated"]


def test_a_current_payload_with_an_unknown_key_is_refused():
    with pytest.raises(PayloadError, match="no_such_column"):
        CASE.check({"set": {"commitment": "x", "no_such_column": 1}})
    with pytest.raises(PayloadError, match="rating"):
        CASE.check({"rating": 5})


def test_a_newer_payload_is_checked_on_its_known_keys_and_folded_without_the_rest():
    newer = {"v": CASE.version + 1, "set": {"commitment": "新", "wechat": "x"}, "rating": 5}
    CASE.check(newer)  # accepted
    assert CASE.current(newer) == {"set": {"commitment": "新"}}
    assert newer["set"]["wechat"] == "x", "the event itself keeps every key"


def test_a_newer_payload_still_has_to_be_good_data():
    v = CASE.version + 1
    with pytest.raises(PayloadError, match=r"set\.limit_days 的值类型不对"):
        CASE.check({"v": v, "set": {"limit_days": "五"}})
    with pytest.raises(PayloadError, match=r"set\.due_date"):
        CASE.check({"v": v, "set": {"due_date": "31/12/2026"}})
    with pytest.raises(PayloadError, match="不是密文"):
        CASE.check({"v": v, "set": {"wechat_cipher": "plaintext"}})
    with pytest.raises(PayloadError, match="版本号"):
        CASE.check({"v": "2", "set": {}})
    applicant = KINDS["applicant.recorded"]
    with pytest.raises(PayloadError, match="缺少字段：set"):
        applicant.check({"v": applicant.version + 1})


def test_ciphertext_passes_and_booleans_are_not_numbers():
    token = HallKey.generate().encrypt("phone", "13904751234")
    KINDS["applicant.recorded"].check({"set": {"phone_cipher": token}})
    with pytest.raises(PayloadError, match="limit_days"):
        CASE.check({"set": {"limit_days": True}})
    with pytest.raises(PayloadError, match="green_channel"):
        CASE.check({"set": {"green_channel": 1}})


def test_old_payloads_are_upcast_one_version_at_a_time_before_check_and_handler():
    seen: list[dict[str, Any]] = []

    def handler(session: Any, ev: Any, p: dict[str, Any]) -> None:
        seen.append(p)

    def v1_to_v2(p: dict[str, Any]) -> dict[str, Any]:
        # version 2 named the promise "commitment_text"; version 3 went back to "commitment"
        out = dict(p)
        out["set"] = {
            ("commitment_text" if k == "commitment" else k): v for k, v in p["set"].items()
        }
        return out

    def v2_to_v3(p: dict[str, Any]) -> dict[str, Any]:
        out = dict(p)
        out["set"] = {
            ("commitment" if k == "commitment_text" else k): v for k, v in p["set"].items()
        }
        return out

    v3 = replace(CASE, handler=handler, version=3, upcasters={1: v1_to_v2, 2: v2_to_v3})
    old = {"set": {"commitment": "承诺一周内补齐"}}  # no "v": version 1
    v3.check(old)
    assert v3.current(old) == {"set": {"commitment": "承诺一周内补齐"}}
    assert v3.current({"v": 2, "set": {"commitment_text": "二"}}) == {"set": {"commitment": "二"}}
    assert v3.stamp({"set": {}}) == {"set": {}, "v": 3}
    assert CASE.stamp({"set": {}}) == {"set": {}}, "version 1 payloads are written unmarked"
    with pytest.raises(PayloadError, match="无法转换"):
        v3.check({"v": 2, "items": []})  # v2_to_v3 needs "set"


def test_entity_and_its_id_are_checked():
    with pytest.raises(PayloadError, match="对象应为 case"):
        event_kinds.check("case.accepted", "user", "x", {"set": {}})
    with pytest.raises(PayloadError, match="对象编号"):
        event_kinds.check("calendar.override_removed", "calendar_day", "tomorrow", {})
    event_kinds.check("calendar.override_removed", "calendar_day", "2026-12-02", {})
    event_kinds.check("routing.from_the_future", "whatever", "x", {"anything": 1})
