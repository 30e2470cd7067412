"""The payload shapes' quick yes/no (`ok`) is never more lenient than the full check, and says
yes to the payloads the program really writes (so a pull takes the quick way for them)."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from hall_desk.services.demo import generate
from hall_desk.store import event_kinds
from hall_desk.store.event_kinds import PayloadError
from hall_desk.store.models import Event

CASE = event_kinds.KINDS["case.accepted"]
RATING = next(k for name, k in event_kinds.KINDS.items() if name.startswith("rating."))
EVALUATION = event_kinds.KINDS["evaluation.computed"]
GOOD_ITEM = {"item_code": "011050007001", "item_name": "食品经营许可"}


def _refused(kind: event_kinds.EventKind, payload: dict[str, Any]) -> str:
    """The full check's message; the quick answer must be no as well."""
    assert not kind.payload.ok(payload, True)
    with pytest.raises(PayloadError) as caught:
        kind.check(payload)
    return caught.value.message


def test_every_payload_the_program_wrote_passes_the_quick_way(ws):
    generate(ws, days=2, per_day=12, seed=5, end=date(2026, 11, 27))
    with ws.reading() as s:
        events = s.scalars(select(Event)).all()
    assert len(events) > 50
    kinds = set()
    for ev in events:
        kind = event_kinds.KINDS[ev.kind]
        assert kind.payload.ok(kind.upcast(json.loads(ev.payload)), True), ev.kind
        kinds.add(ev.kind)
    assert {"case.accepted", "applicant.recorded"} <= kinds


@pytest.mark.parametrize(
    ("payload", "says"),
    [
        ({"set": {"window": 3}}, "类型不对"),
        ({"set": {"window": "综合\u202e窗口"}}, "不能使用的字符"),
        ({"set": {"due_date": "2026-13-40"}}, "不是日期"),
        ({"set": {"due_date": ""}}, "不是日期"),
        ({"set": {"window": "1"}, "extra": 1}, "未知字段"),
        ({"set": {"agent_id_cipher": "张三"}}, "不是密文"),
        ({"set": {"window": "1"}, "phone_cipher": "13800000000"}, "不是密文"),
        ({"items": [GOOD_ITEM, {**GOOD_ITEM, "item_code": 7}]}, "类型不对"),
        ({"items": "not a list"}, "应为列表"),
        ({"material_updates": {"x": {}}}, "材料序号"),
        ({"material_updates": {"1": {"name": None}}}, "不能为空"),
    ],
)
def test_a_bad_case_payload_is_refused_both_ways(payload, says):
    assert says in _refused(CASE, payload)


def test_typed_text_over_its_limit_is_refused_both_ways():
    long_note = "很" * (event_kinds.MAX_NOTE + 1)
    assert "过长" in _refused(RATING, {"set": {"note": long_note}})
    line = {"id": "l1", "item": "x", "kind": "manual", "points": 1, "reason": long_note}
    assert "过长" in _refused(EVALUATION, {"lines": [line]})
    short = copy.deepcopy(line)
    short["reason"] = "补录"
    assert EVALUATION.payload.ok({"lines": [short]}, True)


def test_the_plain_way_is_never_more_lenient_than_the_full_check(ws):
    """Every value of a payload of each kind the program wrote, spoiled one way at a time, is
    refused by the plain check (`plain`) whenever the full check refuses it."""
    generate(ws, days=2, per_day=12, seed=5, end=date(2026, 11, 27))
    with ws.reading() as s:
        events = s.scalars(select(Event)).all()
    firsts = {ev.kind: ev for ev in reversed(events)}
    spoilers = [None, 7, True, "", "2026-13-40", "x" * 5000, ["x"], {"x": 1}, "张三"]
    tried = refused = 0
    for ev in firsts.values():
        kind = event_kinds.KINDS[ev.kind]
        body = kind.upcast(json.loads(ev.payload))
        assert kind.payload.plain(body, True), ev.kind
        for path in _paths(body)[:150]:  # a catalog's items all have one shape
            for spoiled in spoilers:
                with _spoiled(body, path, spoiled):
                    tried += 1
                    if _fails(kind, body):
                        refused += 1
                        assert not kind.payload.plain(body, True), (ev.kind, path, spoiled)
    assert len(firsts) > 10 and tried > 1000 and refused > 200


@pytest.mark.parametrize(
    "payload",
    [
        {"set": {"due_date": ""}},
        {"set": {"due_date": "2026-02-30"}},
        {"set": {"window": 3}},
        {"set": {"limit_days": True}},
        {"set": {"window": None}},
        {"set": {"agent_id_cipher": "张三"}},
        {"set": {"window": "1"}, "phone_cipher": "13800000000"},
        {"set": {"window": "1"}, "extra": 1},
        {"items": [GOOD_ITEM, {**GOOD_ITEM, "item_code": 7}]},
        {"items": "not a list"},
        {"material_updates": {"x": {}}},
        {"material_updates": {"1": {"name": None}}},
    ],
)
def test_a_bad_case_payload_is_refused_the_plain_way(payload):
    assert not CASE.payload.plain(payload, True)
    with pytest.raises(PayloadError):
        CASE.check(payload, plain=True)


def test_typed_text_over_its_limit_is_refused_the_plain_way():
    long_note = "很" * (event_kinds.MAX_NOTE + 1)
    assert not RATING.payload.plain({"set": {"note": long_note}}, True)
    assert RATING.payload.plain({"set": {"note": "很" * event_kinds.MAX_NOTE}}, True)


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ('{"set":{"window":"综合窗口1"}}', True),
        ('{"set":{"window":"综合\\u202e窗口"}}', False),  # an escape: never plain
        ('{"set":{"window":"综合\u202e窗口"}}', False),
        ('{"set":{"window":"综合\\n窗口"}}', False),
        ('{"set":{"window":"\\u7efc\\u5408"}}', False),
    ],
)
def test_only_plain_text_takes_the_plain_way(text, plain):
    assert bool(event_kinds._PLAIN_JSON.fullmatch(text)) is plain


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('{"set":{"window":"综合\\u202e窗口"}}', "不能使用的字符"),
        ('{"set":{"window":"综合\u202e窗口"}}', "不能使用的字符"),
        ('{"set":{"window":"\\u0000"}}', "不能使用的字符"),
        ('{"set":{"due_date":""}}', "不是日期"),
        ('{"set":', "不是有效的 JSON"),
        ('{"set":{}} x', "不是有效的 JSON"),
        ("[" * 100_000, "不是有效的 JSON"),
        ("[1]", "应为 JSON 对象"),
    ],
)
def test_a_pulled_payload_text_is_parsed_and_checked(text, says):
    with pytest.raises(PayloadError, match=says):
        event_kinds.checked_payload("case.accepted", "case", "c1", text)


def test_a_payload_text_with_spaces_around_reads_as_json_loads_reads_it():
    text = ' {"set":{"window":"综合窗口1"}} \n'
    assert event_kinds.checked_payload("case.updated", "case", "c1", text) == json.loads(text)


def _fails(kind: event_kinds.EventKind, payload: dict[str, Any]) -> bool:
    try:
        kind.check(payload)
    except PayloadError:
        return True
    return False


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a payload a value sits at (keys of objects, positions of lists)."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, entry in value.items():
            found += _paths(entry, (*path, key))
    elif isinstance(value, list):
        for n, entry in enumerate(value):
            found += _paths(entry, (*path, n))
    return found


@contextmanager
def _spoiled(value: Any, path: tuple[Any, ...], new: Any) -> Iterator[None]:
    """The value at `path` replaced by `new`, and put back."""
    for step in path[:-1]:
        value = value[step]
    was = value[path[-1]]
    value[path[-1]] = new
    try:
        yield
    finally:
        value[path[-1]] = was
