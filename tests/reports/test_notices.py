"""Intake notices read back: case number, masked ID, each missing material, the due date."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from hall_desk.domain.assistance import Assistance, AssistanceFlag
from hall_desk.domain.errors import ValidationError
from hall_desk.reports.notices import intake_notice
from hall_desk.services import intake
from tests.conftest import TODAY
from tests.services.helpers import draft_for, person, resident_id

FOOD = "011050007001"


def text_of(data: bytes) -> str:
    # Table cells wrap: compare without line breaks.
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).replace("\n", "")


def test_acceptance_notice(ws, clerk) -> None:
    result = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    title, data = intake_notice(ws, clerk, result.case_id)
    text = text_of(data)
    assert title == "受理通知书"
    assert result.case_no in text and "150521**********" in text
    assert resident_id() not in text, "the full ID number is never printed"
    assert "2026年11月27日" in text and "食品经营许可（新办）" in text
    assert "申请人身份证明" in text and "王晓燕" in text


def test_supplement_notice_lists_every_missing_material(ws, clerk) -> None:
    draft = draft_for(ws, [FOOD])
    missing = ["食品安全管理制度", "申请人身份证明"]
    for name in missing:
        draft.received.pop(name)
    result = intake.request_supplement(ws, clerk, draft, on=TODAY)
    title, data = intake_notice(ws, clerk, result.case_no)
    text = text_of(data)
    assert title == "一次性告知书"
    assert "一次性告知" in text and result.case_no in text
    for name in missing:
        assert name in text
    assert "2026年12月1日" in text  # 补正期限: five working days


def test_deferral_notice_carries_the_commitment(ws, clerk) -> None:
    draft = draft_for(ws, [FOOD])
    draft.received.pop("食品安全管理制度")
    draft.commitment = "本人承诺两个工作日内补交食品安全管理制度"
    draft.deferred_deadline = date(2026, 11, 26)
    result = intake.accept_deferred(ws, clerk, draft, on=TODAY)
    title, data = intake_notice(ws, clerk, result.case_id)
    text = text_of(data)
    assert title == "容缺受理通知书"
    assert draft.commitment in text and "食品安全管理制度" in text and "2026年11月26日" in text


def test_refusal_notice_names_reason_and_remedies(ws, clerk) -> None:
    draft = draft_for(ws, [FOOD])
    draft.reason = "所申请事项依法不需要取得行政许可"
    result = intake.refuse(ws, clerk, draft, on=TODAY)
    _, data = intake_notice(ws, clerk, result.case_id)
    text = text_of(data)
    assert draft.reason in text
    assert "行政复议" in text and "行政诉讼" in text and "科尔沁左翼中旗人民政府" in text


def test_green_channel_gets_large_print(ws, clerk) -> None:
    old = person(number=resident_id(birth="19500101", seq="301"), name="乌日娜")
    draft = draft_for(ws, [FOOD], old)
    draft.assistance = Assistance(frozenset({AssistanceFlag.ELDERLY}))
    result = intake.accept(ws, clerk, draft, on=TODAY)
    title, large = intake_notice(ws, clerk, result.case_id)
    assert title == "受理通知书（大字版）"
    _, normal = intake_notice(ws, clerk, result.case_id, large_print=False)
    assert len(PdfReader(io.BytesIO(large)).pages) >= len(PdfReader(io.BytesIO(normal)).pages)
    assert result.case_no in text_of(large)


def test_no_notice_for_a_case_past_intake(ws, clerk) -> None:
    draft = draft_for(ws, [FOOD])
    result = intake.accept(ws, clerk, draft, on=TODAY)
    with ws.transaction(clerk) as tx:
        tx.emit("case.prereview_started", "case", result.case_id, {})
    with pytest.raises(ValidationError, match="预审"):
        intake_notice(ws, clerk, result.case_id)
