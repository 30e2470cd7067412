"""Typed text that arrives in an event is held to the text check: a pulled conflict note, a
calendar note or any text column over its limit or with a control or bidi character is bad data."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from hall_desk.domain.limits import MAX_NOTE, MAX_SHORT_NOTE
from hall_desk.store import event_kinds
from hall_desk.store.event_kinds import RESOLVE_KIND, PayloadError

CASE_ID = str(uuid.uuid4())
BAD = ["\u202e", "\x00", "\x1b[31m", "\u2066"]


def _conflict(note: str) -> tuple[str, str, str, dict[str, Any]]:
    return RESOLVE_KIND, "sync_conflict", str(uuid.uuid4()), {"case_id": CASE_ID, "note": note}


def _override(note: str) -> tuple[str, str, str, dict[str, Any]]:
    return "calendar.override_set", "calendar_day", "2026-12-30", {"kind": "holiday", "note": note}


def _year(note: str) -> tuple[str, str, str, dict[str, Any]]:
    return "calendar.year_covered", "calendar_year", "2027", {"note": note}


def _case_reason(note: str) -> tuple[str, str, str, dict[str, Any]]:
    return "case.updated", "case", CASE_ID, {"set": {"reason": note}}


def _guided_window(note: str) -> tuple[str, str, str, dict[str, Any]]:
    return (
        "consultation.updated",
        "consultation",
        str(uuid.uuid4()),
        {"set": {"guided_window": note}},
    )


ALL = [_conflict, _override, _year, _case_reason, _guided_window]


@pytest.mark.parametrize("event", ALL, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.parametrize("bad", BAD, ids=["rlo", "nul", "ansi", "lri"])
def test_forbidden_characters_in_pulled_text_are_bad_data(event, bad) -> None:  # type: ignore[no-untyped-def]
    kind, entity_type, entity_id, payload = event(f"已核实{bad}以第一次为准")
    with pytest.raises(PayloadError, match="不能使用的字符") as exc:
        event_kinds.check(kind, entity_type, entity_id, payload)
    assert len(exc.value.message) < 200


@pytest.mark.parametrize(
    ("event", "limit"),
    [(_conflict, MAX_NOTE), (_override, MAX_SHORT_NOTE), (_year, MAX_SHORT_NOTE)],
)
def test_free_text_over_its_limit_is_bad_data(event, limit) -> None:  # type: ignore[no-untyped-def]
    kind, entity_type, entity_id, payload = event("长" * (limit + 1))
    with pytest.raises(PayloadError, match="过长"):
        event_kinds.check(kind, entity_type, entity_id, payload)
    kind, entity_type, entity_id, payload = event("长" * (10 * 1024 * 1024))
    with pytest.raises(PayloadError, match="过长"):
        event_kinds.check(kind, entity_type, entity_id, payload)


@pytest.mark.parametrize("event", ALL, ids=lambda f: f.__name__.strip("_"))
def test_ordinary_text_passes(event) -> None:  # type: ignore[no-untyped-def]
    kind, entity_type, entity_id, payload = event("已核实：以第一次出件为准\n（电话确认）")
    event_kinds.check(kind, entity_type, entity_id, payload)
