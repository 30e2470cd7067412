"""The keys added for paperwork (a material's requirement, an item's results) come with version 2
of their kinds: older payloads still fold, a v1 program folds v2 payloads on the keys it knows."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from hall_desk.services import intake
from hall_desk.store import event_kinds
from hall_desk.store.event_kinds import PayloadError
from hall_desk.store.models import Event
from tests.conftest import TODAY
from tests.services.helpers import draft_for

FOOD = "011050007001"
MATERIAL = {
    "name": "食品安全管理制度",
    "form": "original",
    "copies": 1,
    "required": True,
    "deferrable": True,
    "received": False,
    "received_copies": 0,
    "deferred": False,
}


def test_intake_steps_and_the_catalog_are_written_as_version_2(ws, clerk) -> None:
    draft = draft_for(ws, [FOOD])
    draft.received.pop("食品安全管理制度")
    draft.requirements = {"食品安全管理制度": "原件"}
    intake.request_supplement(ws, clerk, draft, on=TODAY)
    with ws.reading() as s:
        stored = {
            kind: json.loads(payload)
            for kind, payload in s.execute(select(Event.kind, Event.payload))
            if kind in ("case.supplement_requested", "catalog.imported")
        }
    assert stored["case.supplement_requested"]["v"] == 2
    assert stored["catalog.imported"]["v"] == 2
    missing = [
        m for m in stored["case.supplement_requested"]["materials"] if m["name"] == MATERIAL["name"]
    ]
    assert missing[0]["requirement"] == "原件"


def test_a_version_1_payload_without_the_new_keys_still_folds() -> None:
    kind = event_kinds.require("case.supplement_requested")
    old = {"set": {"case_no": "20261124-W01-0001"}, "materials": [MATERIAL]}
    kind.check(old)
    assert kind.current(old)["materials"][0] == MATERIAL
    catalog = event_kinds.require("catalog.imported")
    catalog.check({"items": [], "themes": []})


def test_a_version_1_payload_with_a_key_version_1_never_had_is_refused() -> None:
    kind = event_kinds.require("case.supplement_requested")
    with pytest.raises(PayloadError, match="未知字段"):
        kind.check({"set": {}, "materials": [{**MATERIAL, "rating": 5}]})
