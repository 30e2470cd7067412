"""综合受理: each decision path, the checks that refuse bad input, and the supplement round."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from hall_desk.domain.assistance import Assistance, AssistanceFlag, ServiceMode
from hall_desk.domain.catalog import AGENT_MATERIAL
from hall_desk.domain.errors import (
    PermissionDenied,
    TransitionError,
    ValidationError,
    ValidationErrors,
)
from hall_desk.domain.lifecycle import CaseState
from hall_desk.services import intake
from hall_desk.services.intake import AgentDraft, IntakeDraft
from hall_desk.store.models import AuditEntry, CaseItemRow, CaseRow, Event
from hall_desk.store.models_intake import ApplicantRow, CaseMaterialRow
from tests.conftest import TODAY
from tests.services.helpers import all_materials, draft_for, organisation, person, resident_id

FOOD = "011050007001"  # 食品经营许可（新办）: 3 working days, some materials deferrable
EMPLOYMENT = "201080001001"  # 就业登记: 即办件
RESTAURANT = "YJS001"  # 开办餐饮店一件事


def counts(ws) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(Event)),
            s.scalar(select(func.count()).select_from(CaseRow)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )


def test_accept_person_sets_number_due_date_and_materials(ws, clerk):
    result = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    assert result.state == CaseState.ACCEPTED
    assert result.case_no == "20261124-W01-0001"
    # Acceptance on Tuesday 24 Nov; clock starts Wednesday; three working days → Friday 27.
    assert result.due is not None and result.due.day == date(2026, 11, 27)
    assert not result.due.estimated
    with ws.reading() as s:
        case = s.get(CaseRow, result.case_id)
        assert case is not None
        assert case.state == "accepted" and case.accepted_on == TODAY
        assert case.applicant_name == "包海龙"
        assert case.applicant_id_masked.startswith("150521") and "*" in case.applicant_id_masked
        assert case.applicant_phone_masked == "139****1234"
        assert case.clerk == "clerk1" and case.first_responder == "clerk1"
        mats = list(s.scalars(select(CaseMaterialRow).where(CaseMaterialRow.case_id == case.id)))
        assert mats and all(m.received for m in mats if m.required)


def test_case_numbers_follow_on_per_day(ws, clerk):
    nos = [intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY).case_no for _ in range(3)]
    assert nos == ["20261124-W01-0001", "20261124-W01-0002", "20261124-W01-0003"]
    tomorrow = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=date(2026, 11, 25)).case_no
    assert tomorrow == "20261125-W01-0001"


def test_accept_organisation(ws, clerk):
    result = intake.accept(ws, clerk, draft_for(ws, [FOOD], organisation()), on=TODAY)
    with ws.reading() as s:
        case = s.get(CaseRow, result.case_id)
        assert case is not None and case.applicant_kind == "organisation"
        applicant = s.get(ApplicantRow, case.applicant_id)
        assert applicant is not None and applicant.legal_representative == "包海龙"


def test_theme_merges_materials_and_takes_latest_due_date(ws, clerk):
    draft = IntakeDraft(applicant=person(), theme_code=RESTAURANT)
    with ws.reading() as s:
        from hall_desk.services.catalog import theme_by_code

        codes = list(theme_by_code(s, RESTAURANT).item_codes)
    draft.received = all_materials(ws, codes)
    result = intake.accept(ws, clerk, draft, on=TODAY)
    with ws.reading() as s:
        items = list(s.scalars(select(CaseItemRow).where(CaseItemRow.case_id == result.case_id)))
        mats = list(
            s.scalars(select(CaseMaterialRow).where(CaseMaterialRow.case_id == result.case_id))
        )
        case = s.get(CaseRow, result.case_id)
    assert [i.item_code for i in items] == codes
    names = [m.name for m in mats]
    assert len(names) == len(set(names)), "a material asked by two items is listed once"
    assert names.count("申请人身份证明") <= 1
    # The slowest item of the bundle is 5 working days: Tue 24 → Tue 1 Dec.
    assert case is not None and case.due_date == date(2026, 12, 1)
    assert case.theme_code == RESTAURANT and case.title == "开办餐饮店一件事"


def test_missing_required_material_blocks_plain_acceptance_and_writes_nothing(ws, clerk):
    draft = draft_for(ws, [FOOD])
    draft.received.pop("食品安全管理制度")
    before = counts(ws)
    with pytest.raises(ValidationError) as err:
        intake.accept(ws, clerk, draft, on=TODAY)
    assert err.value.field == "materials"
    assert "食品安全管理制度" in err.value.message and "容缺" in err.value.message
    assert counts(ws) == before


def test_accept_deferred(ws, clerk):
    draft = draft_for(ws, [FOOD])
    draft.received.pop("食品安全管理制度")
    draft.commitment = "本人承诺三日内补交食品安全管理制度"
    draft.deferred_deadline = date(2026, 11, 26)
    result = intake.accept_deferred(ws, clerk, draft, on=TODAY)
    assert result.state == CaseState.ACCEPTED_DEFERRED
    with ws.reading() as s:
        case = s.get(CaseRow, result.case_id)
        assert case is not None and case.commitment.startswith("本人承诺")
        deferred = s.scalars(
            select(CaseMaterialRow).where(
                CaseMaterialRow.case_id == result.case_id, CaseMaterialRow.deferred
            )
        ).all()
    assert [m.name for m in deferred] == ["食品安全管理制度"]
    # Later the applicant brings it: the case becomes a plain accepted case.
    back = intake.receive_supplement(
        ws, clerk, result.case_no, {"食品安全管理制度": 1}, on=date(2026, 11, 25)
    )
    assert back.state == CaseState.ACCEPTED


@pytest.mark.parametrize(
    ("deadline", "fragment"),
    [
        (None, "补齐期限"),
        (date(2026, 11, 24), "晚于今天"),
        (date(2026, 12, 10), "不能晚于承诺办结日期 2026-11-27"),
    ],
)
def test_deferral_deadline_rules(ws, clerk, deadline, fragment):
    draft = draft_for(ws, [FOOD])
    draft.received.pop("食品安全管理制度")
    draft.commitment = "本人承诺按期补交"
    draft.deferred_deadline = deadline
    before = counts(ws)
    with pytest.raises(ValidationError) as err:
        intake.accept_deferred(ws, clerk, draft, on=TODAY)
    assert fragment in err.value.message
    assert counts(ws) == before


def test_deferral_refused_for_non_deferrable_material(ws, clerk):
    draft = draft_for(ws, [FOOD])
    draft.received.pop("申请人身份证明")
    draft.commitment = "本人承诺按期补交"
    draft.deferred_deadline = date(2026, 11, 26)
    with pytest.raises(ValidationError, match=r"不可容缺.*申请人身份证明"):
        intake.accept_deferred(ws, clerk, draft, on=TODAY)


def test_supplement_round_starts_the_clock_on_return(ws, clerk):
    draft = draft_for(ws, [FOOD])
    draft.received.pop("申请人身份证明")
    draft.received.pop("食品安全管理制度")
    result = intake.request_supplement(ws, clerk, draft, on=TODAY)
    assert result.state == CaseState.AWAITING_SUPPLEMENT
    assert {m.name for m in result.missing} == {"申请人身份证明", "食品安全管理制度"}
    with ws.reading() as s:
        case = s.get(CaseRow, result.case_id)
        assert case is not None and case.accepted_on is None and case.due_date is None
        # Default 补正 period: five working days.
        assert case.supplement_deadline == date(2026, 12, 1)
    # One material back on Thursday: still waiting.
    partial = intake.receive_supplement(
        ws, clerk, result.case_no, {"申请人身份证明": 1}, on=date(2026, 11, 26)
    )
    assert partial.state == CaseState.AWAITING_SUPPLEMENT
    # The rest on Monday 30 Nov: accepted that day, due three working days later.
    done = intake.receive_supplement(
        ws, clerk, result.case_no, {"食品安全管理制度": 1}, on=date(2026, 11, 30)
    )
    assert done.state == CaseState.ACCEPTED
    assert done.due is not None and done.due.day == date(2026, 12, 3)
    with ws.reading() as s:
        case = s.get(CaseRow, result.case_id)
        assert (
            case is not None and case.state == "accepted" and case.accepted_on == date(2026, 11, 30)
        )


def test_supplement_needs_something_missing(ws, clerk):
    with pytest.raises(ValidationError, match="无需补正"):
        intake.request_supplement(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)


def test_receive_supplement_on_accepted_case_is_an_impossible_transition(ws, clerk):
    result = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    with pytest.raises(TransitionError) as err:
        intake.receive_supplement(ws, clerk, result.case_no, {"食品安全管理制度": 1})
    assert "已受理" in err.value.message and "补正材料收齐" in err.value.message


def test_refuse_needs_reason(ws, clerk):
    draft = draft_for(ws, [FOOD])
    with pytest.raises(ValidationError) as err:
        intake.refuse(ws, clerk, draft, on=TODAY)
    assert err.value.field == "reason"
    draft.reason = "申请事项依法不需要取得行政许可"
    result = intake.refuse(ws, clerk, draft, on=TODAY)
    assert result.state == CaseState.REFUSED and result.due is None


def test_immediate_item_completed_at_window(ws, clerk):
    result = intake.complete_at_window(ws, clerk, draft_for(ws, [EMPLOYMENT]), on=TODAY)
    assert result.state == CaseState.READY_FOR_DELIVERY
    with ws.reading() as s:
        case = s.get(CaseRow, result.case_id)
        assert case is not None and case.completed_on == TODAY and case.due_date == TODAY


def test_promised_item_cannot_be_completed_at_window(ws, clerk):
    with pytest.raises(ValidationError, match="不是即办件"):
        intake.complete_at_window(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)


def test_bad_applicant_lists_every_field_and_writes_nothing(ws, clerk):
    bad_id = resident_id()[:-1] + ("0" if resident_id()[-1] != "0" else "1")
    draft = draft_for(ws, [FOOD], person(number=bad_id, name="  ", phone="12345"))
    before = counts(ws)
    with pytest.raises(ValidationErrors) as err:
        intake.accept(ws, clerk, draft, on=TODAY)
    fields = {e.field for e in err.value.errors}
    assert {"id_number", "name", "phone"} <= fields
    assert any("校验位" in e.message for e in err.value.errors)
    assert counts(ws) == before


def test_unknown_item_and_empty_selection(ws, clerk):
    with pytest.raises(ValidationErrors) as err:
        intake.accept(
            ws, clerk, IntakeDraft(applicant=person(), item_codes=["999999999999"]), on=TODAY
        )
    assert "999999999999" in str(err.value)
    with pytest.raises(ValidationErrors, match="请选择"):
        intake.accept(ws, clerk, IntakeDraft(applicant=person()), on=TODAY)


def test_router_may_not_accept(ws, router):
    with pytest.raises(PermissionDenied, match="赵志刚"):
        intake.accept(ws, router, draft_for(ws, [FOOD]), on=TODAY)


def test_agent_is_validated_and_protected(ws, clerk):
    draft = draft_for(ws, [FOOD])
    draft.agent = AgentDraft("白玉兰", "150521199002301234")  # 30 Feb does not exist
    with pytest.raises(ValidationErrors, match="出生日期"):
        intake.accept(ws, clerk, draft, on=TODAY)
    agent_id = resident_id(birth="19900220", seq="456")
    draft.agent = AgentDraft("白玉兰", agent_id)
    with pytest.raises(ValidationError, match=f"以下必要材料未收取：{AGENT_MATERIAL}"):
        intake.accept(ws, clerk, draft, on=TODAY)
    draft.received[AGENT_MATERIAL] = 1  # an agent brings the letter of authorisation
    result = intake.accept(ws, clerk, draft, on=TODAY)
    with ws.reading() as s:
        case = s.get(CaseRow, result.case_id)
        assert case is not None and case.agent_name == "白玉兰"
        assert (
            agent_id not in case.agent_id_cipher
            and case.agent_id_masked == agent_id[:6] + "*" * 10 + agent_id[-2:]
        )


def test_green_channel_suggested_for_elderly_and_marked(ws, clerk):
    old = person(number=resident_id(birth="19560301", seq="221"), name="乌日娜")
    suggestion = intake.suggested_assistance(old, TODAY)
    assert suggestion is not None and AssistanceFlag.ELDERLY in suggestion.flags
    young = person(number=resident_id(birth="19990301", seq="221"))
    assert intake.suggested_assistance(young, TODAY) is None
    draft = draft_for(ws, [FOOD], old)
    draft.assistance = Assistance(
        frozenset({AssistanceFlag.ELDERLY, AssistanceFlag.ILL}), ServiceMode.FULL, "王晓燕"
    )
    result = intake.accept(ws, clerk, draft, on=TODAY)
    with ws.reading() as s:
        case = s.get(CaseRow, result.case_id)
        assert case is not None and case.green_channel
        assert case.assistance_flags == "elderly,ill" and case.assistance_mode == "full"


def test_returning_applicant_is_one_record(ws, clerk):
    intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(ApplicantRow)) == 1
        # The second intake changed nothing about the person: no second applicant event.
        assert (
            s.scalar(
                select(func.count()).select_from(Event).where(Event.kind == "applicant.recorded")
            )
            == 1
        )


def test_estimated_due_date_in_uncovered_year(ws, clerk):
    result = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=date(2026, 12, 30))
    assert result.due is not None and result.due.estimated
    with ws.reading() as s:
        case = s.get(CaseRow, result.case_id)
        assert case is not None and case.due_estimated


def test_bulk_path_is_one_transaction(ws, clerk):
    good = draft_for(ws, [FOOD])
    bad = draft_for(ws, [FOOD])
    bad.received = {}
    from hall_desk.domain.lifecycle import CaseEvent

    before = counts(ws)
    with pytest.raises(ValidationError):
        intake.intake_many(
            ws, clerk, [(CaseEvent.ACCEPT, good, TODAY), (CaseEvent.ACCEPT, bad, TODAY)]
        )
    assert counts(ws) == before, "a bulk batch with one bad draft writes nothing"
    results = intake.intake_many(ws, clerk, [(CaseEvent.ACCEPT, good, TODAY)] * 3)
    assert [r.case_no[-4:] for r in results] == ["0001", "0002", "0003"]


def test_due_date_across_spring_festival_adjusted_weekend(ws, clerk):
    """Accepted Friday 13 Feb 2026, 3 working days: Sat 14 Feb is a 调休 working day, then the
    holiday runs to 23 Feb, so the days are 14, 24 and 25 Feb."""
    result = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=date(2026, 2, 13))
    assert result.due is not None and result.due.day == date(2026, 2, 25)


def test_returned_case_clock_pause_spans_an_adjusted_weekend(ws, clerk):
    """A pause over 9–14 Feb 2026 (Sat 14 Feb is a working day) pushes the due date by exactly
    the paused working days."""
    LONG = "051040003001"  # 20 working days
    result = intake.accept(ws, clerk, draft_for(ws, [LONG]), on=date(2026, 2, 2))
    assert result.due is not None
    with ws.transaction(clerk) as tx:
        tx.emit("case.prereview_started", "case", result.case_id, {})
        tx.emit(
            "case.returned_for_supplement",
            "case",
            result.case_id,
            {"set": {"paused_since": "2026-02-09", "reason": "材料不清晰"}},
        )
    back = intake.receive_supplement(
        ws, clerk, result.case_no, {"申请人身份证明": 1}, on=date(2026, 2, 14)
    )
    # Paused days are 10–14 Feb: Tue–Fri and the adjusted Saturday, five working days.
    calendar = ws.calendar()
    assert back.due is not None
    assert calendar.working_days_between(result.due.day, back.due.day) == 5


def test_deferred_materials_arriving_after_collection_are_recorded(ws, clerk, router):
    from hall_desk.services import routing

    draft = draft_for(ws, [FOOD])
    draft.received.pop("食品安全管理制度")
    draft.commitment = "本人承诺两日内补交"
    draft.deferred_deadline = date(2026, 11, 26)
    result = intake.accept_deferred(ws, clerk, draft, on=TODAY)
    routing.collect(ws, router, [result.case_no], giver="王晓燕", on=TODAY)
    late = intake.receive_supplement(
        ws, clerk, result.case_no, {"食品安全管理制度": 1}, on=date(2026, 11, 25)
    )
    assert late.state == CaseState.PREREVIEW, "the folder stays where it is"
    with ws.reading() as s:
        case = s.get(CaseRow, result.case_id)
        mats = s.scalars(
            select(CaseMaterialRow).where(CaseMaterialRow.case_id == result.case_id)
        ).all()
    assert case is not None and case.state == "prereview" and case.deferred_deadline is None
    assert all(m.received for m in mats if m.required)


def test_the_supplement_desk_finds_only_cases_waiting_and_lists_what_is_missing(ws, clerk):
    applicant = person(number=resident_id(seq="321"))
    waiting = draft_for(ws, [FOOD], applicant)
    waiting.received.pop("申请人身份证明")
    waiting.received.pop("食品安全管理制度")
    asked = intake.request_supplement(ws, clerk, waiting, on=TODAY)
    accepted = intake.accept(ws, clerk, draft_for(ws, [FOOD], applicant), on=TODAY)
    assert intake.awaiting_supplement(ws, clerk, accepted.case_no) is None
    due = intake.awaiting_supplement(ws, clerk, asked.case_no)
    assert due is not None and due.case_no == asked.case_no
    assert due.state == CaseState.AWAITING_SUPPLEMENT
    assert [m.name for m in due.missing] == ["申请人身份证明", "食品安全管理制度"]
    # By ID number: both cases match, only the waiting one is offered.
    by_id = intake.awaiting_supplement(ws, clerk, resident_id(seq="321"))
    assert by_id is not None and by_id.case_no == asked.case_no
    # What the applicant brought no longer shows as missing.
    intake.receive_supplement(ws, clerk, asked.case_no, {"申请人身份证明": 1}, on=TODAY)
    again = intake.awaiting_supplement(ws, clerk, asked.case_no)
    assert again is not None and [m.name for m in again.missing] == ["食品安全管理制度"]


def test_the_supplement_desk_is_for_intake_staff(ws, router):
    with pytest.raises(PermissionDenied):
        intake.awaiting_supplement(ws, router, "20261124-W01-0001")


def test_a_supplement_carries_each_materials_requirement(ws, clerk):
    draft = draft_for(ws, [FOOD])
    draft.received.pop("食品安全管理制度")
    draft.requirements = {"食品安全管理制度": "须加盖公章的原件"}
    result = intake.request_supplement(ws, clerk, draft, on=TODAY)
    with ws.reading() as s:
        row = s.scalars(
            select(CaseMaterialRow).where(
                CaseMaterialRow.case_id == result.case_id,
                CaseMaterialRow.name == "食品安全管理制度",
            )
        ).one()
    assert row.requirement == "须加盖公章的原件"


@pytest.mark.parametrize(
    ("requirements", "message"),
    [
        ({"不存在的材料": "原件"}, "所选事项不需要以下材料：不存在的材料"),
        ({"食品安全管理制度": "原件\u202e"}, "补正要求"),
        ({"食品安全管理制度": "长" * 101}, "补正要求"),
    ],
)
def test_a_bad_requirement_is_refused_and_nothing_written(ws, clerk, requirements, message):
    draft = draft_for(ws, [FOOD])
    draft.received.pop("食品安全管理制度")
    draft.requirements = requirements
    with pytest.raises(ValidationError, match=message) as refused:
        intake.request_supplement(ws, clerk, draft, on=TODAY)
    assert refused.value.field == "requirements"
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(CaseRow)) == 0


def test_a_bundle_is_not_asked_for_the_licence_it_issues(ws, clerk):
    with ws.reading() as s:
        from hall_desk.services.catalog import theme_by_code

        codes = list(theme_by_code(s, "YJS001").item_codes)
    needed = all_materials(ws, codes)
    assert "营业执照" not in needed
    draft = IntakeDraft(applicant=person(), theme_code="YJS001", received=needed)
    result = intake.accept(ws, clerk, draft, on=TODAY)
    with ws.reading() as s:
        names = set(
            s.scalars(select(CaseMaterialRow.name).where(CaseMaterialRow.case_id == result.case_id))
        )
    assert "营业执照" not in names and "经营场所使用证明" in names
