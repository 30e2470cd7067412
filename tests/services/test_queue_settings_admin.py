"""设置 → 叫号队列 in the service layer: one queue typed, added or changed, checked with the
others; a refusal names its field and writes nothing."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import func, select

from hall_desk.domain.errors import PermissionDenied, ValidationError, ValidationErrors
from hall_desk.domain.queue import DEFAULT_SETTINGS, CallingRules, typed_queue, typed_windows
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import queue
from hall_desk.store.models import Event

CLERK = Actor("clerk1", "王晓燕", Role.CLERK)


def _typed(**changes: object):  # type: ignore[no-untyped-def]
    fields: dict[str, object] = dict(
        code="E",
        name="预约取件",
        windows="7,8",
        quota=50,
        first=1,
        last=50,
        opens=time(9, 0),
        closes=time(16, 30),
    )
    fields |= changes
    return typed_queue(**fields)  # type: ignore[arg-type]


def _events(ws) -> int:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return int(s.scalar(select(func.count()).select_from(Event)) or 0)


def test_windows_are_typed_as_a_hall_types_them() -> None:
    assert typed_windows("") == ()
    assert typed_windows(" 3，1、2 2 ") == ("1", "2", "3")
    assert typed_windows("１０;02") == ("2", "10")
    with pytest.raises(ValidationError) as refused:
        typed_windows("1,二")
    assert refused.value.field == "windows" and "「二」" in refused.value.message


def test_a_queue_is_added_and_changed(ws, admin) -> None:  # type: ignore[no-untyped-def]
    queue.save_queue(ws, admin, _typed())
    added = queue.settings_of(ws).queue("E")
    assert (added.name, added.windows, added.quota) == ("预约取件", ("7", "8"), 50)
    assert (added.first, added.last, added.opens, added.closes) == (1, 50, time(9), time(16, 30))
    assert [q.code for q in queue.settings_of(ws).queues] == ["A", "B", "C", "D", "E"]
    queue.save_queue(ws, admin, _typed(code="f", name="预约取件（午后）"), replacing="E")
    assert [q.code for q in queue.settings_of(ws).queues] == ["A", "B", "C", "D", "F"]
    assert queue.settings_of(ws).queue("F").name == "预约取件（午后）"
    queue.remove_queue(ws, admin, "F")
    assert queue.settings_of(ws) == DEFAULT_SETTINGS


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"code": "A"}, "code", "重复"),
        ({"code": "9"}, "code", "大写字母"),
        ({"name": ""}, "name", "1–20 个字"),
        ({"windows": "7,x"}, "windows", "叫号窗口号应为 1–999"),
        ({"quota": 0}, "quota", "至少为 1"),
        ({"first": 60, "last": 50}, "range", "起号不大于止号"),
        ({"opens": time(17, 0), "closes": time(9, 0)}, "hours", "早于结束时间"),
    ],
)
def test_a_bad_queue_is_refused_beside_its_field_and_nothing_written(  # type: ignore[no-untyped-def]
    ws, admin, changes, field, words
) -> None:
    before, events = queue.settings_of(ws), _events(ws)
    with pytest.raises(ValidationError) as refused:
        queue.save_queue(ws, admin, _typed(**changes))
    assert refused.value.field == field and words in refused.value.message
    assert queue.settings_of(ws) == before and _events(ws) == events


def test_several_faults_are_all_named(ws, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationErrors) as refused:
        queue.save_queue(ws, admin, _typed(quota=0, first=9, last=3))
    assert {e.field for e in refused.value.errors} == {"quota", "range"}


def test_only_the_admin_sets_queues_and_the_last_one_stays(ws, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        queue.save_queue(ws, CLERK, _typed())
    for code in ("B", "C", "D"):
        queue.remove_queue(ws, admin, code)
    with pytest.raises(ValidationError) as refused:
        queue.remove_queue(ws, admin, "A")
    assert "最后一个队列不能删除" in refused.value.message
    with pytest.raises(ValidationError):
        queue.save_queue(ws, admin, _typed(), replacing="B")  # removed meanwhile
    assert [q.code for q in queue.settings_of(ws).queues] == ["A"]


def test_the_calling_rules_are_saved_with_the_queue_or_not_at_all(ws, admin) -> None:  # type: ignore[no-untyped-def]
    queue.save_queue(ws, admin, _typed(), rules=CallingRules(1, 4, 3))
    saved = queue.settings_of(ws)
    assert (saved.green_ratio, saved.recall_limit, saved.repeat) == (1, 4, 3)
    assert saved.rules == CallingRules(1, 4, 3)
    assert [q.code for q in saved.queues] == ["A", "B", "C", "D", "E"]
    events = _events(ws)
    with pytest.raises(ValidationErrors) as refused:
        queue.save_queue(
            ws, admin, _typed(name="预约取件（改）"), "E", rules=CallingRules(0, 11, 6)
        )
    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("green_ratio", "绿色通道连续优先次数须为 1–10"),
        ("recall_limit", "重呼次数上限须为 1–10"),
        ("repeat", "语音播报次数须为 1–5"),
    ]
    assert queue.settings_of(ws) == saved and _events(ws) == events
    queue.save_queue(ws, admin, _typed(name="预约取件（改）"), "E")  # no rules: they stay
    assert queue.settings_of(ws).rules == CallingRules(1, 4, 3)
