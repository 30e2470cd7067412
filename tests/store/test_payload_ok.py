"""The payload shapes' quick yes/no (`ok`) is never more lenient than the full check, and says
yes to the payloads the program really writes (so a pull takes the quick way for them)."""

from __future__ import annotations

import copy
import json
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
