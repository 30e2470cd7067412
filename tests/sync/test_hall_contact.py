"""The hall's 咨询电话 and address belong to the whole hall: the admin sets them once, every
workstation prints them after its next sync; a value that could not have been typed is refused,
at the settings and when pulled."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from hall_desk.domain.errors import PermissionDenied, ValidationError
from hall_desk.domain.roles import Actor, Role
from hall_desk.reports import notices
from hall_desk.services import intake, settings
from hall_desk.services.home import Home
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import AuditEntry, Event
from hall_desk.store.models_sync import SyncRefusedEvent
from hall_desk.sync.validate import CORRUPT
from tests.sync.helpers import (
    DAY,
    FOOD,
    applicant,
    clerk,
    converge,
    draft,
    first_syncs,
    insert_shared_rows,
    raw_event,
    sync,
)

ADMIN = Actor("admin", "张建国", Role.ADMIN)
PHONE = "0475-5212345"
ADDRESS = "科左中旗保康镇新华街 12 号"


def notice_text(ws: Workstation, n: int) -> str:
    """The 受理通知书 this workstation prints for a new case, read back from the PDF."""
    case = intake.accept(ws, clerk(ws), draft(ws, [FOOD], applicant(n)), on=DAY)
    _title, data = notices.intake_notice(ws, clerk(ws), case.case_no)
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def written(ws: Workstation) -> tuple[int, int]:
    with ws.reading() as s:
        return s.scalar(select(func.count()).select_from(Event)) or 0, s.scalar(
            select(func.count()).select_from(AuditEntry)
        ) or 0


def setting_events(ws: Workstation) -> list[tuple[str, str]]:
    with ws.reading() as s:
        rows = s.execute(
            select(Event.entity_id, Event.payload)
            .where(Event.kind == "hall.setting_changed", Event.entity_id != "name")
            .order_by(Event.hlc)
        )
        return [(key, payload) for key, payload in rows]


def keep_locally(ws: Workstation, **extra: str) -> None:
    """What an older release saved: the number and address in this workstation's config."""
    config = replace(ws.config, extra={**ws.config.extra, **extra})
    ws.home.save_config(config)
    ws.config = config


def test_the_number_and_address_set_on_one_workstation_print_on_another(hall, shared_url) -> None:
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    converge([w1, w2], shared_url)
    settings.update_settings(w1, ADMIN, contact_phone=PHONE, hall_address=ADDRESS)
    assert settings.NOT_SET in notice_text(w2, 1), "nothing yet: W2 has not synced"
    sync(w1, shared_url)
    sync(w2, shared_url)
    text = notice_text(w2, 2)
    assert f"咨询电话：{PHONE}" in text and ADDRESS in text
    assert f"联系电话：{PHONE}" in text, "the footer of every page names it too"
    assert settings.NOT_SET not in text
    reopened = Workstation(Home(w2.home.path))
    try:
        assert settings.hall_contact(reopened) == settings.HallContact(PHONE, ADDRESS)
    finally:
        reopened.close()


def test_a_refused_number_writes_nothing(hall) -> None:
    w1 = hall.ws("W1")
    before = written(w1)
    with pytest.raises(ValidationError) as refused:
        settings.update_settings(w1, ADMIN, contact_phone="请拨打热线", hall_address=ADDRESS)
    assert refused.value.field == "contact_phone"
    with pytest.raises(ValidationError) as refused:
        settings.update_settings(w1, ADMIN, contact_phone=PHONE, hall_address="新华街\u202e12 号")
    assert refused.value.field == "hall_address"
    # Only the admin sets the hall's number.
    with pytest.raises(PermissionDenied):
        settings.update_settings(w1, clerk(w1), contact_phone=PHONE)
    assert written(w1) == before
    assert not w1.has_hall_setting("contact_phone") and not w1.has_hall_setting("hall_address")
    assert settings.hall_contact(w1) == settings.HallContact("", "")


def test_saving_the_settings_unchanged_sends_nothing(hall) -> None:
    w1 = hall.ws("W1")
    settings.update_settings(w1, ADMIN, contact_phone=PHONE, hall_address=ADDRESS)
    assert [key for key, _ in setting_events(w1)] == ["contact_phone", "hall_address"]
    shown = settings.hall_contact(w1)  # what the dialog shows, saved as shown
    settings.update_settings(w1, ADMIN, contact_phone=shown.phone, hall_address=shown.address)
    assert len(setting_events(w1)) == 2
    settings.update_settings(w1, ADMIN, contact_phone="0475-5219999", hall_address=shown.address)
    assert [key for key, _ in setting_events(w1)][-1] == "contact_phone"
    assert len(setting_events(w1)) == 3


def test_a_number_kept_per_workstation_is_the_fallback_until_the_first_save_publishes_it(
    hall, shared_url
) -> None:
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    first_syncs(shared_url, w1, w2)
    keep_locally(w1, contact_phone=PHONE, hall_address=ADDRESS)
    keep_locally(w2, contact_phone="0475-1111111")
    # Until the hall has a number, each prints what it kept.
    assert settings.hall_contact(w1) == settings.HallContact(PHONE, ADDRESS)
    assert "咨询电话：0475-1111111" in notice_text(w2, 1)
    # The admin opens 设置 on W1 and saves what it shows: that makes them the hall's.
    shown = settings.hall_contact(w1)
    settings.update_settings(w1, ADMIN, contact_phone=shown.phone, hall_address=shown.address)
    assert [key for key, _ in setting_events(w1)] == ["contact_phone", "hall_address"]
    assert "contact_phone" not in Home(w1.home.path).load_config().extra
    assert settings.hall_contact(w1) == settings.HallContact(PHONE, ADDRESS)
    converge([w1, w2], shared_url)
    # The hall's value wins over what W2 kept for itself.
    text = notice_text(w2, 2)
    assert f"咨询电话：{PHONE}" in text and ADDRESS in text


def test_a_pulled_number_that_could_not_have_been_typed_is_refused(hall, shared_url) -> None:
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    converge([w1, w2], shared_url)
    kind, entity = "hall.setting_changed", "hall_setting"
    bad = [
        raw_event(w1, 1, kind, entity, "contact_phone", {"value": "请拨打热线"}),
        raw_event(w1, 2, kind, entity, "hall_address", {"value": "新华街\u202e12 号"}),
        # The address's limit is not the name's.
        raw_event(w1, 3, kind, entity, "name", {"value": "政" * 61}),
    ]
    good = raw_event(w1, 4, kind, entity, "hall_address", {"value": ADDRESS})
    insert_shared_rows(shared_url, [*bad, good])
    report = sync(w2, shared_url)
    assert report.refused == len(bad)
    with w2.reading() as s:
        refused = list(s.scalars(select(SyncRefusedEvent)))
    assert {r.event_id for r in refused} == {str(r["id"]) for r in bad}
    assert all(r.reason_code == CORRUPT for r in refused)
    assert any("咨询电话只能包含数字" in r.reason for r in refused)
    assert settings.hall_contact(w2) == settings.HallContact("", ADDRESS)
