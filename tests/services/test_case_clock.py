"""Special procedures stop the clock; the due date moves by exactly the paused working days."""

from __future__ import annotations

from datetime import date

import pytest

from hall_desk.domain.errors import ValidationError
from hall_desk.services import intake
from hall_desk.services.case_clock import pause_clock, resume_clock
from hall_desk.store.models import CaseRow, Event
from tests.conftest import TODAY
from tests.services.helpers import draft_for

LONG = "051040003001"  # 最低生活保障审核确认: 20 working days


def test_pause_and_resume_push_the_due_date(ws, clerk):
    case = intake.accept(ws, clerk, draft_for(ws, [LONG]), on=TODAY)
    assert case.due is not None and case.due.day == date(2026, 12, 22)
    # 检验 from Monday 30 Nov to Friday 4 Dec: 1–4 Dec are paused, four working days.
    pause_clock(ws, clerk, case.case_no, "inspection", on=date(2026, 11, 30), note="房屋鉴定")
    with ws.reading() as s:
        row = s.get(CaseRow, case.case_id)
        assert row is not None and row.paused_since == date(2026, 11, 30)
    with pytest.raises(ValidationError, match="已暂停"):
        pause_clock(ws, clerk, case.case_no, "hearing", on=date(2026, 12, 1), note="听证")
    due = resume_clock(ws, clerk, case.case_no, on=date(2026, 12, 4))
    assert due == date(2026, 12, 28)
    with ws.reading() as s:
        row = s.get(CaseRow, case.case_id)
        assert row is not None and row.due_date == due and row.paused_since is None


def test_pause_refused_when_clock_is_not_running(ws, clerk):
    draft = draft_for(ws, [LONG])
    draft.received = {}
    waiting = intake.request_supplement(ws, clerk, draft, on=TODAY)
    with pytest.raises(ValidationError, match="待补正"):
        pause_clock(ws, clerk, waiting.case_no, "hearing", on=TODAY, note="举行听证")
    with pytest.raises(ValidationError, match="没有因特别程序暂停"):
        resume_clock(ws, clerk, waiting.case_no, on=TODAY)


def test_unknown_procedure(ws, clerk):
    case = intake.accept(ws, clerk, draft_for(ws, [LONG]), on=TODAY)
    with pytest.raises(ValidationError, match="听证"):
        pause_clock(ws, clerk, case.case_no, "coffee", on=TODAY, note="理由")


@pytest.mark.parametrize("note", ["", "   ", "送检🧪"])
def test_pause_needs_a_readable_reason_and_writes_nothing_without_one(ws, clerk, note):
    case = intake.accept(ws, clerk, draft_for(ws, [LONG]), on=TODAY)
    with ws.reading() as s:
        events = s.query(Event).count()
    with pytest.raises(ValidationError) as refused:
        pause_clock(ws, clerk, case.case_no, "inspection", on=TODAY, note=note)
    assert refused.value.field == "note"
    with ws.reading() as s:
        assert s.query(Event).count() == events
        row = s.get(CaseRow, case.case_id)
        assert row is not None and row.paused_since is None
