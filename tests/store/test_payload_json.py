"""orjson beside json.loads on odd texts: a pulled payload is judged and read as json.loads
would have it, whichever parser read it (store/payload_json.py, `event_kinds.checked_payload`)."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
import uuid
from typing import Any

import pytest

from hall_desk.store import event_kinds
from hall_desk.store.event_kinds import PayloadError
from hall_desk.store.payload_json import MAX_DEPTH, quick_loads

CASE_ID = str(uuid.uuid4())
BIG = "123456789012345678901234567890"

# Texts on which the two parsers could part: numbers at and past every limit, escapes, keys
# given twice, whitespace, control characters, what only one of them knows.
ODD = [
    '{"a":1,"b":2,"a":3}',
    '{"\\u0061":1,"a":2}',
    BIG,
    "-" + BIG,
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775807",
    "-9223372036854775808",
    "-9223372036854775809",
    "1" * 5000,
    "1e400",
    "-1e400",
    "1e-400",
    "5e-324",
    "2.2250738585072011e-308",
    "1.7976931348623157e308",
    "0.1",
    "-0",
    "-0.0",
    "1E2",
    "1.0",
    "NaN",
    "Infinity",
    "-Infinity",
    '"\\ud83d\\ude00"',
    '"\\ud800"',
    '"\\udc00\\ud800"',
    '"\\ud800\\u0041"',
    '"\\u00e9\\u4e2d"',
    '"\\u0000"',
    '"\\/\\b\\f\\n\\r\\t"',
    '"\\x41"',
    '"a\tb"',
    '"\x1f"',
    '"\x7f"',
    '"\u2028"',
    "\ufeff{}",
    "\u00a0{}",
    ' \t\n\r{"a":1} \n',
    '{"a":1}x',
    "[1,]",
    '{"a":1,}',
    "'a'",
    "01",
    "1.",
    ".5",
    "-",
    "",
    "[" * 200 + "]" * 200,
    "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
    "[" * 1000 + "]" * 1000,  # past json.loads's limit, within orjson's
    "[" * 1100 + "]" * 1100,  # past both
    "[" * 100_000,
]


def _same(a: Any, b: Any) -> bool:
    """Equal values of the same types all the way down (1 == 1.0 == True does not count)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b) and (not isinstance(a, float) or math.copysign(1, a) == math.copysign(1, b))


def _stdlib(text: str) -> tuple[bool, Any]:
    try:
        return True, json.loads(text)
    except (ValueError, RecursionError):
        return False, None


@pytest.mark.parametrize("text", ODD, ids=lambda t: repr(t[:24]))
def test_orjson_reads_a_text_as_json_loads_or_declines_it(text: str) -> None:
    ok, expected = _stdlib(text)
    try:
        got = quick_loads(text)
    except ValueError:
        return  # json.loads's turn
    assert ok, f"orjson accepted what json.loads refuses: {text[:60]!r}"
    if isinstance(expected, int) and not -(2**63) <= expected < 2**64:
        # The one difference, kept away from payloads by the strict check (see below).
        assert type(got) is float
        return
    assert _same(got, expected)


def test_a_deep_nesting_is_declined_before_orjson_reads_it() -> None:
    with pytest.raises(ValueError, match="nest"):
        quick_loads("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    quick_loads("[" * MAX_DEPTH + "]" * MAX_DEPTH)


def _reference(kind: str, entity_type: str, entity_id: str, text: str) -> dict[str, Any]:
    """A pulled payload as json.loads alone reads and judges it."""
    try:
        payload = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise PayloadError("事件内容不是有效的 JSON") from exc
    if not isinstance(payload, dict):
        raise PayloadError("事件内容应为 JSON 对象")
    event_kinds.check(kind, entity_type, entity_id, payload)
    return payload


def _judged(kind: str, entity_type: str, entity_id: str, text: str, parse: Any) -> Any:
    try:
        return ("ok", parse(kind, entity_type, entity_id, text))
    except PayloadError as exc:
        return ("refused", exc.message)


# Each odd value in a case step's text field, its integer field, a list, a key of its own
# (refused as unknown), and in a newer program's payload (unknown keys let through unread).
PLACES = [
    ("case.updated", "case", CASE_ID, '{"set":{"window":%s}}'),
    ("case.updated", "case", CASE_ID, '{"set":{"materials":%s}}'),
    ("case.updated", "case", CASE_ID, '{"set":{"window":"综合窗口"},"extra":%s}'),
    ("case.updated", "case", CASE_ID, '{"set":{"window":"综合窗口"},"v":99,"extra":%s}'),
    ("case.updated", "case", CASE_ID, '{"set":{"window":"综合窗口"},"v":%s}'),
    ("case.dispatched", "case", CASE_ID, '{"items":[%s]}'),
    ("test.unknown_kind", "case", CASE_ID, '{"any":%s}'),
]
VALUES = [
    BIG,
    "-" + BIG,
    "18446744073709551616",
    "9223372036854775807",
    "1e400",
    "1.5",
    "NaN",
    "true",
    "null",
    "1",
    '"\\ud800"',
    '"\\ud83d\\ude00"',
    '"\\u00e9"',
    '"a","window":"b"',
    '"\\u0000"',
    "[" * 1000 + "]" * 1000,
    "[" * 300 + "]" * 300,
]


@pytest.mark.parametrize("place", PLACES, ids=lambda p: p[3][:30])
@pytest.mark.parametrize("value", VALUES, ids=lambda v: v[:20])
def test_a_pulled_payload_is_judged_and_read_as_json_loads_would(place, value) -> None:  # type: ignore[no-untyped-def]
    kind, entity_type, entity_id, template = place
    text = template % value
    expected = _judged(kind, entity_type, entity_id, text, _reference)
    got = _judged(kind, entity_type, entity_id, text, event_kinds.checked_payload)
    assert got[0] == expected[0], text[:80]
    if got[0] == "ok":
        assert _same(got[1], expected[1])
    else:
        assert got[1] == expected[1]


def test_payloads_the_program_wrote_are_read_as_json_loads_reads_them() -> None:
    """Real payloads, mutated at random (a digit run, an escape, a bracket cut or added): the
    same verdict and the same values as json.loads gives, every time."""
    base = [
        json.dumps(p, ensure_ascii=False, separators=(",", ":"))
        for p in (
            {"set": {"window": "综合窗口3", "materials": 4, "due_estimated": True}},
            {"set": {"station": "窗口", "reason": "材料齐全"}, "note": ""},
        )
    ]
    pieces = ['\\"', "\\u00e9", "\\ud800", "9" * 20, "1e999", "[", "]", "{", "}", ",", '"', "-0"]
    rng = random.Random(17)
    for _ in range(3000):
        text = rng.choice(base)
        for _ in range(rng.randint(1, 3)):
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice(pieces) + text[at + rng.randint(0, 2) :]
        expected = _judged("case.updated", "case", CASE_ID, text, _reference)
        got = _judged("case.updated", "case", CASE_ID, text, event_kinds.checked_payload)
        assert got[0] == expected[0], text
        assert _same(got[1], expected[1]) if got[0] == "ok" else got[1] == expected[1], text


def test_a_payload_nested_a_million_deep_is_refused_as_bad_json_without_a_crash() -> None:
    """In a process of its own: a parser that recursed without a limit would kill it."""
    script = (
        "from hall_desk.store import event_kinds\n"
        "from hall_desk.store.event_kinds import PayloadError\n"
        "deep = '{\"set\":' + '[' * 1_000_000 + ']' * 1_000_000 + '}'\n"
        "for kind in ('case.updated', 'test.unknown_kind'):\n"
        "    try:\n"
        f"        event_kinds.checked_payload(kind, 'case', {CASE_ID!r}, deep)\n"
        "    except PayloadError as exc:\n"
        "        print(exc.message)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["事件内容不是有效的 JSON"] * 2
