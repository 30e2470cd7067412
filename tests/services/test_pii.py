"""Personal data: no plaintext at rest, and every reveal for display allowed by role and audited."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hall_desk.domain import roles
from hall_desk.domain.catalog import AGENT_MATERIAL
from hall_desk.domain.errors import PermissionDenied
from hall_desk.domain.roles import Actor, Permission, Role
from hall_desk.reports import ledgers
from hall_desk.services import applicants, cases, consultations, delivery, intake, users
from hall_desk.services.intake import AgentDraft
from hall_desk.store import event_kinds, projections
from hall_desk.store.models import AuditEntry, CaseRow, Event
from hall_desk.store.models_intake import ApplicantRow
from tests.conftest import STAFF_PASSWORD, TODAY
from tests.services import test_delivery as delivery_tests
from tests.services import test_routing as routing_tests
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
        draft.received[AGENT_MATERIAL] = 1  # an agent brings the letter of authorisation
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
    assert (
        IDS[0] not in hit.applicant_id_masked
        and hit.applicant_id_masked == IDS[0][:6] + "*" * 10 + IDS[0][-2:]
    )


def test_unmask_reveals_for_allowed_roles_only(ws, clerk, router):
    result = intake.accept(
        ws, clerk, draft_for(ws, [FOOD], person(number=IDS[2], phone=PHONES[2])), on=TODAY
    )
    assert cases.unmask(ws, clerk, result.case_id, "id_number") == IDS[2]
    assert cases.unmask(ws, clerk, result.case_id, "phone") == PHONES[2]
    with pytest.raises(PermissionDenied):
        cases.unmask(ws, router, result.case_id, "id_number")


# --- every reveal of personal data is allowed by role and leaves one audit entry -----------------


def _tally(ws) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(Event)) or 0,
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


def _audit_after(ws, seq: int) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.seq > seq)))
        s.expunge_all()
        return rows


def _last_seq(ws) -> int:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return s.scalar(select(func.max(AuditEntry.seq))) or 0


@pytest.fixture
def lead(ws, admin) -> Actor:  # type: ignore[no-untyped-def]
    return users.create_user(ws, admin, "lead1", "那日苏", Role.LEAD, STAFF_PASSWORD)


@pytest.fixture
def mailed(ws, clerk, router) -> str:  # type: ignore[no-untyped-def]
    """One case on file whose result went out by post: every kind of reveal has data."""
    case_no = routing_tests.accept(ws, clerk)
    routing_tests.to_delivery(ws, router, routing_tests.MARKET, case_no)
    delivery.mail(ws, clerk, case_no, delivery_tests.mail_draft(), on=delivery_tests.WED)
    return case_no


def _case_id(ws, case_no: str) -> str:  # type: ignore[no-untyped-def]
    (hit,) = cases.search_cases(ws, case_no)
    return hit.id


# Each service that decrypts personal data for display, with what it must reveal when allowed.
REVEALS: dict[str, Callable[..., object]] = {
    "intake prefill": lambda ws, actor, case_no, tmp: applicants.returning_applicant(
        ws, actor, resident_id(seq="101")
    ),
    "case unmask": lambda ws, actor, case_no, tmp: cases.unmask(
        ws, actor, _case_id(ws, case_no), "address"
    ),
    "mail prefill": lambda ws, actor, case_no, tmp: delivery.mail_draft_for(ws, actor, case_no),
    "mailing list": lambda ws, actor, case_no, tmp: delivery.mailing_list(
        ws, actor, delivery_tests.WED
    ),
    "delivery log": lambda ws, actor, case_no, tmp: delivery.delivery_log(ws, actor, unmask=True),
    "cases ledger": lambda ws, actor, case_no, tmp: ledgers.export(
        ws, actor, "cases", TODAY, delivery_tests.WED, tmp / "cases.xlsx", unmask=True
    ),
    "consultations ledger": lambda ws, actor, case_no, tmp: ledgers.export(
        ws, actor, "consultations", TODAY, delivery_tests.WED, tmp / "c.xlsx", unmask=True
    ),
}


@pytest.mark.parametrize("reveal", list(REVEALS))
def test_a_reveal_is_refused_without_the_permission_and_decrypts_nothing(
    reveal, ws, router, mailed, tmp_path, monkeypatch
):
    decrypted: list[str] = []
    real = ws.key.decrypt
    monkeypatch.setattr(
        ws.key, "decrypt", lambda field, token: decrypted.append(field) or real(field, token)
    )
    before = _tally(ws)
    with pytest.raises(PermissionDenied):
        REVEALS[reveal](ws, router, mailed, tmp_path)
    assert decrypted == [], "nothing is decrypted for an actor who may not see it"
    assert _tally(ws) == before, "a refused reveal writes nothing"
    assert not list(tmp_path.glob("*.xlsx"))


@pytest.mark.parametrize("reveal", list(REVEALS))
def test_an_allowed_reveal_leaves_exactly_one_audit_entry(reveal, ws, lead, mailed, tmp_path):
    events, _ = _tally(ws)
    seq = _last_seq(ws)
    REVEALS[reveal](ws, lead, mailed, tmp_path)
    (entry,) = _audit_after(ws, seq)
    assert entry.actor == "lead1" and entry.target
    detail = json.loads(entry.detail)
    assert detail.get("fields") or detail.get("unmasked") is True, detail
    assert _tally(ws)[0] == events, "revealing records no event"


def test_the_intake_prefill_of_a_returning_applicant_is_revealed_once_and_audited(ws, clerk):
    first = intake.accept(
        ws, clerk, draft_for(ws, [FOOD], person(number=IDS[3], phone=PHONES[3])), on=TODAY
    )
    seq = _last_seq(ws)
    found = applicants.returning_applicant(ws, clerk, f" {IDS[3].lower()} ")
    assert found is not None
    assert (found.name, found.phone, found.address) == (
        "包海龙",
        PHONES[3],
        "科尔沁左翼中旗保康镇民主街12号",
    )
    assert found.id_number == IDS[3]
    (entry,) = _audit_after(ws, seq)
    with ws.reading() as s:
        applicant_id = s.scalars(
            select(CaseRow.applicant_id).where(CaseRow.id == first.case_id)
        ).one()
    assert (entry.action, entry.actor, entry.target) == ("pii.unmask", "clerk1", applicant_id)
    detail = json.loads(entry.detail)
    assert detail["fields"] == ["phone", "address"] and detail["reason"] == "intake_prefill"
    assert PHONES[3] not in entry.detail and "民主街" not in entry.detail
    assert detail["id_masked"] == IDS[3][:6] + "*" * 10 + IDS[3][-2:] and IDS[3] not in entry.detail


def test_a_number_nobody_has_used_reveals_nothing_and_writes_nothing(ws, clerk):
    intake.accept(ws, clerk, draft_for(ws, [FOOD], person(number=IDS[4])), on=TODAY)
    before = _tally(ws)
    assert applicants.returning_applicant(ws, clerk, IDS[0]) is None
    assert applicants.returning_applicant(ws, clerk, "   ") is None
    assert _tally(ws) == before


@pytest.mark.parametrize("reveal", list(REVEALS))
def test_a_reveal_needs_the_unmask_permission_itself(
    reveal, ws, lead, mailed, tmp_path, monkeypatch
):
    """A lead whose hall took away 查看完整证件号码和电话 keeps every other right: intake,
    delivery, reports. Each reveal must still refuse, on that one permission."""
    reduced = {**roles.ROLE_PERMISSIONS}
    reduced[Role.LEAD] = reduced[Role.LEAD] - {Permission.UNMASK}
    monkeypatch.setattr(roles, "ROLE_PERMISSIONS", reduced)
    decrypted: list[str] = []
    real = ws.key.decrypt
    monkeypatch.setattr(
        ws.key, "decrypt", lambda field, token: decrypted.append(field) or real(field, token)
    )
    before = _tally(ws)
    with pytest.raises(PermissionDenied, match="查看完整证件号码和电话"):
        REVEALS[reveal](ws, lead, mailed, tmp_path)
    assert decrypted == [] and _tally(ws) == before
    assert not list(tmp_path.glob("*.xlsx"))


def test_an_applicant_recorded_with_a_birth_date_folds_to_the_year_and_the_narrow_mask(ws, clerk):
    """Events written before the birth date left the payload (version 1) still fold: the date
    becomes its year and the wide mask the narrow one; new events carry neither."""
    intake.accept(ws, clerk, draft_for(ws, [FOOD], person(number=IDS[4])), on=TODAY)
    with ws.reading() as s:
        [ev] = s.scalars(select(Event).where(Event.kind == "applicant.recorded")).all()
        new = json.loads(ev.payload)
        applicant_id = ev.entity_id
    assert new["v"] == event_kinds.KINDS["applicant.recorded"].version >= 2
    assert "birth_date" not in new["set"]
    assert new["set"]["birth_year"] == 1974
    assert new["set"]["id_masked"] == IDS[4][:6] + "*" * 10 + IDS[4][-2:]
    old = {"set": {**new["set"], "id_masked": IDS[4][:6] + "*" * 8 + IDS[4][-4:]}}
    del old["set"]["birth_year"]
    old["set"]["birth_date"] = "1974-05-12"
    event_kinds.check("applicant.recorded", "applicant", applicant_id, old)  # a pull takes it
    legacy = Event(
        id=ev.id, origin=ev.origin, seq=ev.seq, hlc=ev.hlc, actor=ev.actor, kind=ev.kind,
        entity_type=ev.entity_type, entity_id=applicant_id, payload=json.dumps(old),
    )  # fmt: skip
    with ws.transaction(clerk) as tx:
        projections.apply(tx.session, legacy)
        row = tx.session.get(ApplicantRow, applicant_id)
        assert row is not None and row.birth_year == 1974
        assert row.id_masked == IDS[4][:6] + "*" * 10 + IDS[4][-2:]
        assert not hasattr(row, "birth_date")
