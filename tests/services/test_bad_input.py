"""Bad input at intake and consultation: refused per field, and nothing half-written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hall_desk.domain.errors import ValidationError, ValidationErrors
from hall_desk.services import consultations, intake
from hall_desk.store.models import AuditEntry, CaseRow, Event
from tests.conftest import TODAY
from tests.services.helpers import draft_for, organisation, person

FOOD = "011050007001"
SQL = "'); DROP TABLE cases; --"


def counts(ws) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m)) for m in (Event, CaseRow, AuditEntry)
        )  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("包" * 10_000, "过长"),
        ("包海龙😀", "不能使用的字符"),
        (SQL, "不能使用的字符"),
        ("包\x00海龙", "U+0000"),
        ("", "请填写申请人姓名"),
    ],
)
def test_bad_person_names_are_refused(ws, clerk, name, fragment) -> None:
    before = counts(ws)
    with pytest.raises(ValidationErrors) as err:
        intake.accept(ws, clerk, draft_for(ws, [FOOD], person(name=name)), on=TODAY)
    messages = [e.message for e in err.value.errors if e.field == "name"]
    assert messages and fragment in messages[0]
    assert counts(ws) == before


def test_minority_and_organisation_names_are_accepted(ws, clerk) -> None:
    intake.accept(ws, clerk, draft_for(ws, [FOOD], person(name="巴特尔·其其格")), on=TODAY)
    org = organisation()
    org.name = "科左中旗海龙餐饮店（个体）"
    intake.accept(ws, clerk, draft_for(ws, [FOOD], org), on=TODAY)
    with ws.reading() as s:
        names = set(s.scalars(select(CaseRow.applicant_name)))
    assert names == {"巴特尔·其其格", "科左中旗海龙餐饮店（个体）"}


def test_free_text_keeps_sql_looking_text_verbatim_and_harmless(ws, clerk) -> None:
    draft = draft_for(ws, [FOOD])
    draft.reason = f"申请材料与事项不符 {SQL}"
    result = intake.refuse(ws, clerk, draft, on=TODAY)
    with ws.reading() as s:
        case = s.get(CaseRow, result.case_id)
        assert case is not None and case.reason.endswith(SQL)
        assert s.scalar(select(func.count()).select_from(CaseRow)) == 1


@pytest.mark.parametrize(
    ("text", "fragment"), [("理由" * 5000, "过长"), ("不予受理🙅", "不能使用的字符")]
)
def test_bad_refusal_reason(ws, clerk, text, fragment) -> None:
    draft = draft_for(ws, [FOOD])
    draft.reason = text
    before = counts(ws)
    with pytest.raises(ValidationError, match=fragment) as err:
        intake.refuse(ws, clerk, draft, on=TODAY)
    assert err.value.field == "reason"
    assert counts(ws) == before


def test_bad_address_and_organisation_fields(ws, clerk) -> None:
    org = organisation()
    org.address = "保康镇" * 100
    org.legal_representative = "包海龙😀"
    with pytest.raises(ValidationErrors) as err:
        intake.accept(ws, clerk, draft_for(ws, [FOOD], org), on=TODAY)
    assert {"address", "legal_representative"} <= {e.field for e in err.value.errors}


def test_bad_consultation_fields(ws, clerk) -> None:
    before = counts(ws)
    with pytest.raises(ValidationErrors) as err:
        consultations.log_consultation(
            ws,
            clerk,
            consultations.ConsultationDraft(topic="问" * 300, applicant_name="😀", phone="123"),
        )
    assert {"topic", "applicant_name", "phone"} <= {e.field for e in err.value.errors}
    assert counts(ws) == before
