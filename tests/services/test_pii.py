"""Personal data at rest: the raw database bytes hold no plaintext ID number or phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall_desk.domain.errors import PermissionDenied
from hall_desk.services import cases, consultations, intake
from hall_desk.services.intake import AgentDraft
from tests.conftest import TODAY
from tests.services.helpers import draft_for, person, resident_id

FOOD = "011050007001"
IDS = [resident_id(birth=f"19{70 + i}0512", seq=f"{300 + i}") for i in range(5)]
PHONES = [f"1390475{5000 + i:04d}" for i in range(5)]
AGENT_ID = resident_id(birth="19880808", seq="777")


def _raw_bytes(home: Path) -> bytes:
    # The main file and its write-ahead log: plaintext must be in neither.
    return b"".join(p.read_bytes() for p in home.iterdir() if p.name.startswith("local.sqlite3"))


def test_no_plaintext_id_or_phone_in_the_database_files(ws, clerk):
    for number, phone in zip(IDS, PHONES, strict=True):
        draft = draft_for(ws, [FOOD], person(number=number, phone=phone))
        draft.agent = AgentDraft("白玉兰", AGENT_ID)
        intake.accept(ws, clerk, draft, on=TODAY)
    consultations.log_consultation(
        ws, clerk, consultations.ConsultationDraft(topic="办理时限", phone=PHONES[0])
    )
    raw = _raw_bytes(ws.home.path)
    assert len(raw) > 100_000
    for secret in [*IDS, *PHONES, AGENT_ID]:
        assert secret.encode() not in raw, f"{secret} found in plaintext"
        # Nor in UTF-16 or with the phone split as it is displayed.
        assert secret.encode("utf-16-le") not in raw
    assert "保康镇民主街".encode() not in raw, "addresses are encrypted too"
    # …while the masked forms and names are there for display and search.
    assert "包海龙".encode() in raw
    assert f"{PHONES[0][:3]}****{PHONES[0][-4:]}".encode() in raw


def test_search_by_id_and_phone_through_blind_index(ws, clerk):
    a = intake.accept(
        ws, clerk, draft_for(ws, [FOOD], person(number=IDS[0], phone=PHONES[0])), on=TODAY
    )
    intake.accept(
        ws,
        clerk,
        draft_for(ws, [FOOD], person(number=IDS[1], phone=PHONES[1], name="乌云")),
        on=TODAY,
    )
    assert [h.case_no for h in cases.search_cases(ws, IDS[0])] == [a.case_no]
    assert [h.case_no for h in cases.search_cases(ws, IDS[0].lower())] == [a.case_no]
    assert [
        h.case_no
        for h in cases.search_cases(ws, f"+86 {PHONES[0][:3]} {PHONES[0][3:7]} {PHONES[0][7:]}")
    ] == [a.case_no]
    assert [h.case_no for h in cases.search_cases(ws, a.case_no)] == [a.case_no]
    assert [h.applicant_name for h in cases.search_cases(ws, "乌")] == ["乌云"]
    hit = cases.search_cases(ws, IDS[0])[0]
    assert IDS[0] not in hit.applicant_id_masked and hit.applicant_id_masked.endswith(IDS[0][-4:])


def test_unmask_reveals_for_allowed_roles_only(ws, clerk, router):
    result = intake.accept(
        ws, clerk, draft_for(ws, [FOOD], person(number=IDS[2], phone=PHONES[2])), on=TODAY
    )
    assert cases.unmask(ws, clerk, result.case_id, "id_number") == IDS[2]
    assert cases.unmask(ws, clerk, result.case_id, "phone") == PHONES[2]
    with pytest.raises(PermissionDenied):
        cases.unmask(ws, router, result.case_id, "id_number")
