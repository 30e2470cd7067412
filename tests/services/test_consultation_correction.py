"""The day's consultations listed for review, and corrected through an event, audited."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from hall_desk.domain.errors import NotFound, PermissionDenied, ValidationError, ValidationErrors
from hall_desk.domain.roles import Role
from hall_desk.services import consultations, users
from hall_desk.services.consultations import Channel, ConsultationDraft, Outcome
from hall_desk.store.models import AuditEntry, ConsultationRow, Event
from tests.conftest import STAFF_PASSWORD

ON = date(2026, 12, 2)


def _at(hour: int, minute: int = 0, day: date = ON) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def _written(ws) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(Event)) or 0,
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


@pytest.fixture
def day(ws, admin, clerk):  # type: ignore[no-untyped-def]
    ws.today = lambda: ON  # type: ignore[method-assign]
    other = users.create_user(ws, admin, "clerk2", "李娜", Role.CLERK, STAFF_PASSWORD, "综合窗口2")
    lead = users.create_user(ws, admin, "lead1", "乌兰", Role.LEAD, STAFF_PASSWORD)
    mine = consultations.log_consultation(
        ws,
        clerk,
        ConsultationDraft(topic="社保卡补办", channel="phone", applicant_name="包海龙"),
        at=_at(9, 5),
    )
    later = consultations.log_consultation(
        ws, clerk, ConsultationDraft(topic="公积金提取", phone="13904751234"), at=_at(10, 30)
    )
    theirs = consultations.log_consultation(
        ws, other, ConsultationDraft(topic="不动产登记"), at=_at(9, 40)
    )
    yesterday = consultations.log_consultation(
        ws, clerk, ConsultationDraft(topic="营业执照变更"), at=_at(16, 0, ON - timedelta(days=1))
    )
    return {
        "clerk": clerk,
        "other": other,
        "lead": lead,
        "mine": mine,
        "later": later,
        "theirs": theirs,
        "yesterday": yesterday,
    }


def test_a_clerk_sees_their_own_day_newest_first_a_lead_everyones(ws, day) -> None:  # type: ignore[no-untyped-def]
    own = consultations.consultations_on(ws, day["clerk"], ON)
    assert [(c.time, c.topic) for c in own] == [("10:30", "公积金提取"), ("09:05", "社保卡补办")]
    assert own[0].phone_masked == "139****1234" and "13904751234" not in repr(own)
    assert own[1].channel == Channel.PHONE and own[1].clerk_name == "王晓燕"
    everyone = consultations.consultations_on(ws, day["lead"], ON)
    assert [c.topic for c in everyone] == ["公积金提取", "不动产登记", "社保卡补办"]


def test_a_clerk_corrects_their_own_consultation(ws, day) -> None:  # type: ignore[no-untyped-def]
    draft = ConsultationDraft(
        topic="社会保障卡补办",
        channel="onsite",
        outcome="guided",
        guided_window="3号窗口",
        applicant_name="包海龙",
        phone="13904751111",
    )
    changed = consultations.correct_consultation(
        ws, day["clerk"], day["mine"], draft, "渠道登记错了，是现场咨询"
    )
    assert changed == ["channel", "guided_window", "outcome", "phone", "topic"]
    with ws.reading() as s:
        row = s.get(ConsultationRow, day["mine"])
        assert row is not None
        assert (row.topic, row.channel, row.outcome, row.guided_window) == (
            "社会保障卡补办",
            "onsite",
            "guided",
            "3号窗口",
        )
        assert row.phone_masked == "139****1111" and row.clerk == "clerk1"
        event = s.scalars(select(Event).order_by(Event.seq.desc())).first()
        audit = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert event is not None and event.kind == "consultation.updated"
    assert event.entity_id == day["mine"]
    assert audit is not None and audit.action == "consultation.correct"
    assert json.loads(audit.detail) == {
        "fields": ["channel", "guided_window", "outcome", "phone", "topic"],
        "reason": "渠道登记错了，是现场咨询",
    }
    # An empty phone keeps the number on record.
    consultations.correct_consultation(
        ws, day["clerk"], day["later"], ConsultationDraft(topic="住房公积金提取"), "事项名称写全"
    )
    with ws.reading() as s:
        kept = s.get(ConsultationRow, day["later"])
        assert kept is not None and kept.phone_masked == "139****1234"


def test_who_may_correct_what(ws, day) -> None:  # type: ignore[no-untyped-def]
    draft = ConsultationDraft(topic="更正后的内容")
    before = _written(ws)
    with pytest.raises(PermissionDenied, match="本人"):
        consultations.correct_consultation(ws, day["clerk"], day["theirs"], draft, "写错了内容")
    with pytest.raises(PermissionDenied, match="当天"):
        consultations.correct_consultation(ws, day["clerk"], day["yesterday"], draft, "写错了内容")
    with pytest.raises(NotFound):
        consultations.correct_consultation(ws, day["clerk"], "no-such-id", draft, "写错了内容")
    assert _written(ws) == before
    # The team lead corrects anyone's, any day.
    consultations.correct_consultation(ws, day["lead"], day["theirs"], draft, "班组长核对更正")
    consultations.correct_consultation(ws, day["lead"], day["yesterday"], draft, "班组长核对更正")


@pytest.mark.parametrize(
    ("draft", "reason", "fields"),
    [
        (ConsultationDraft(topic="新内容"), "错", {"reason"}),
        (ConsultationDraft(topic=""), "内容写错了", {"topic"}),
        (ConsultationDraft(topic="新内容", phone="12345"), "内容写错了", {"phone"}),
        (ConsultationDraft(topic="新内容", outcome="guided"), "内容写错了", {"guided_window"}),
        (ConsultationDraft(topic="新\u202e内容"), "内容\x00写错了", {"topic", "reason"}),
        (
            ConsultationDraft(topic="社保卡补办", channel="phone", applicant_name="包海龙"),
            "没改任何东西",
            {"topic"},
        ),
    ],
    ids=["short-reason", "no-topic", "bad-phone", "no-window", "bad-text", "unchanged"],
)
def test_a_bad_correction_is_refused_on_its_field_and_writes_nothing(
    ws, day, draft, reason, fields
) -> None:  # type: ignore[no-untyped-def]
    before = _written(ws)
    with pytest.raises((ValidationError, ValidationErrors)) as refused:
        consultations.correct_consultation(ws, day["clerk"], day["mine"], draft, reason)
    found = refused.value.errors if isinstance(refused.value, ValidationErrors) else [refused.value]
    assert {e.field for e in found} == fields
    assert _written(ws) == before


def test_a_consultation_that_became_a_case_keeps_its_outcome(ws, day) -> None:  # type: ignore[no-untyped-def]
    from hall_desk.services import intake
    from tests.services.helpers import draft_for, person, resident_id

    asked = consultations.log_consultation(
        ws, day["clerk"], ConsultationDraft(topic="食品经营许可", outcome="to_intake"), at=_at(11)
    )
    draft = draft_for(ws, ["011050007001"], person(resident_id(seq="555")))
    draft.consultation_id = asked
    intake.accept(ws, day["clerk"], draft, on=ON)
    with pytest.raises((ValidationError, ValidationErrors), match="转入受理"):
        consultations.correct_consultation(
            ws, day["clerk"], asked, ConsultationDraft(topic="食品经营许可"), "处理结果登记错了"
        )
    assert consultations.correct_consultation(
        ws,
        day["clerk"],
        asked,
        ConsultationDraft(topic="食品经营许可（新办）", outcome=Outcome.TO_INTAKE),
        "事项写全",
    ) == ["topic"]
