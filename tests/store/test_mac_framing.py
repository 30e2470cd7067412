"""An event's MAC covers its fields framed as one JSON array: the framing made by hand for
events as written gives the encoder's bytes exactly, so every MAC already stored still holds."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

import pytest

from hall_desk.store import eventlog

KEY = bytes(range(32))


@dataclass
class _Fields:
    id: Any = "0192f0c1-7c3a-7000-8000-000000000001"
    origin: Any = "W01"
    seq: Any = 7
    hlc: Any = "1764800000000-0001"
    actor: Any = "clerk1"
    kind: Any = "case.accepted"
    entity_type: Any = "case"
    entity_id: Any = "c-1"
    payload: Any = '{"set":{"title":"食品经营许可"}}'


def _by_the_encoder(fields: _Fields) -> str:
    values = [getattr(fields, name) for name in eventlog.MAC_FIELDS]
    message = json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hmac.new(KEY, b"hall-desk event v1\x1f" + message, hashlib.sha256).hexdigest()


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"payload": '{"note":"引号\\"、反斜杠\\\\、换行\\n"}'},
        {"payload": '{"note":"\x01\x1f\x7f\u202e\u2028 😀 \ud7ff"}'},
        {"actor": "巴特尔·其其格", "entity_id": "a\tb"},
        {"seq": True},  # not an integer seq: a damaged row takes the encoder's way
        {"seq": "7"},
        {"actor": None},
        {"payload": 3},
    ],
)
def test_the_framing_gives_the_encoders_bytes(changes):
    fields = _Fields(**changes)
    assert eventlog.event_mac(KEY, fields) == _by_the_encoder(fields)


def test_a_mac_under_another_key_or_for_other_fields_fails():
    fields = _Fields()
    fields_mac = eventlog.event_mac(KEY, fields)
    assert eventlog.event_mac(bytes(32), fields) != fields_mac
    assert eventlog.event_mac(KEY, _Fields(seq=8)) != fields_mac
    # The key's state is copied per event, never updated in place.
    assert eventlog.event_mac(KEY, fields) == fields_mac
