"""No silent overwrite: an applicant field changed at two workstations, neither knowing of the
other's change, is a conflict for the team lead, settled once for the whole hall."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import delete, select

from hall_desk.domain.errors import PermissionDenied, ValidationError
from hall_desk.services import intake
from hall_desk.store.models import AuditEntry
from hall_desk.store.models_intake import ApplicantRow
from hall_desk.store.models_sync import SyncConflict
from hall_desk.sync import list_conflicts, resolve_conflict, sync_status
from hall_desk.sync.conflicts import redetect_applicants, reveal_values
from tests.sync.helpers import DAY, FOOD, LEAD, applicant, clerk, converge, draft, sync

N = 60  # the applicant of these tests


def _record(ws, phone_no: int, address: str | None = None) -> None:  # type: ignore[no-untyped-def]
    who = applicant(N, phone_no=phone_no)
    if address is not None:
        who = dataclasses.replace(who, address=address)
    intake.accept(ws, clerk(ws), draft(ws, [FOOD], who), on=DAY)


def _applicant(ws) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """(phone, address) of the one applicant, decrypted for the test's eyes only."""
    with ws.reading() as s:
        row = s.scalars(select(ApplicantRow)).one()
        return ws.key.decrypt("phone", row.phone_cipher), ws.key.decrypt(
            "address", row.address_cipher
        )


def test_same_phone_changed_at_two_windows_is_one_conflict_settled_once(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    _record(w1, 1111)
    converge([w1, w2], shared_url)
    # Offline, both windows take a new phone number for the same person.
    _record(w1, 2222)
    _record(w2, 3333)
    sync(w1, shared_url)
    assert sync(w2, shared_url).conflicts == 1
    assert sync(w1, shared_url).conflicts == 1
    queues = [list_conflicts(ws, LEAD) for ws in (w1, w2)]
    for queue in queues:
        [c] = queue
        assert c.field == "phone" and c.field_label == "联系电话"
        assert {c.value_masked, c.other_value_masked} == {"139****2222", "139****3333"}
        assert {c.workstation, c.other_workstation} == {"W1", "W2"}
        assert "联系电话" in c.summary and "不知情" in c.summary
        assert "13904752222" not in c.summary and "13904753333" not in c.summary
    assert queues[0][0].event_id == queues[1][0].event_id
    # The records are a function of the log: recomputed from scratch, they come out the same.
    with w1.db.write() as s:
        s.execute(delete(SyncConflict))
        assert redetect_applicants(s, w1.key, "2026-11-24T00:00:00+08:00") == 1

    def same(found):  # type: ignore[no-untyped-def]
        return [dataclasses.replace(c, detected_at="") for c in found]

    assert same(list_conflicts(w1, LEAD)) == same(queues[0])
    assert sync_status(w1).open_conflicts == sync_status(w2).open_conflicts == 1
    # Until the lead decides, the later one by clock shows (the same on both).
    assert _applicant(w1) == _applicant(w2)

    [c] = queues[1]
    # The lead keeps the value that is not shown now: it must reach both workstations.
    kept, kept_words = c.choices()[1]
    assert kept == c.other_event_id
    expected = "13904752222" if c.other_value_masked == "139****2222" else "13904753333"
    with pytest.raises(PermissionDenied):
        resolve_conflict(w2, clerk(w2), c.event_id, "已与申请人核实电话", keep=kept)
    with pytest.raises(ValidationError, match="保留哪一个"):
        resolve_conflict(w2, LEAD, c.event_id, "已与申请人核实电话")
    done = resolve_conflict(w2, LEAD, c.event_id, "已与申请人电话核实，以此号码为准", keep=kept)
    assert done.resolved and done.kept_event_id == kept
    assert _applicant(w2)[0] == expected
    with pytest.raises(ValidationError, match="已由"):
        resolve_conflict(w2, LEAD, c.event_id, "再处理一次试试", keep=kept)

    converge([w2, w1], shared_url)
    for ws in (w1, w2):
        assert list_conflicts(ws, LEAD) == []
        [settled] = list_conflicts(ws, LEAD, include_resolved=True)
        assert settled.resolved and settled.kept_event_id == kept
        assert settled.note.startswith("已与申请人电话核实")
        assert _applicant(ws)[0] == expected
        assert sync_status(ws).open_conflicts == 0
    # Settled hall-wide: the other workstation refuses to settle it again.
    with pytest.raises(ValidationError, match="已由"):
        resolve_conflict(w1, LEAD, c.event_id, "我这边也处理一下", keep=c.choices()[0][0])
    assert kept_words.startswith("工作站")

    # A change made after seeing everything is sequential: it simply applies.
    _record(w1, 4444)
    converge([w1, w2], shared_url)
    for ws in (w1, w2):
        assert list_conflicts(ws, LEAD) == []
        assert _applicant(ws)[0] == "13904754444"


def test_a_sequential_change_is_no_conflict(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    _record(w1, 1111)
    converge([w1, w2], shared_url)
    _record(w2, 2222)  # W2 saw W1's number and changes it
    converge([w2, w1], shared_url)
    _record(w1, 3333)  # and W1, having seen that, changes it again
    converge([w1, w2], shared_url)
    for ws in (w1, w2):
        assert list_conflicts(ws, LEAD, include_resolved=True) == []
        assert _applicant(ws)[0] == "13904753333"


def test_different_fields_changed_at_two_windows_both_stand(hall, shared_url):
    """One window changes the address, another the phone: neither reverts the other."""
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    _record(w1, 1111, address="保康镇民主街1号")
    converge([w1, w2], shared_url)
    _record(w1, 1111, address="保康镇团结路8号")
    _record(w2, 2222, address="保康镇民主街1号")
    converge([w1, w2], shared_url)
    for ws in (w1, w2):
        assert list_conflicts(ws, LEAD) == []
        assert _applicant(ws) == ("13904752222", "保康镇团结路8号")


def test_both_values_are_revealed_only_through_the_audited_unmask(hall, tmp_path):
    url = str(tmp_path / "shared.sqlite3")
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    _record(w1, 1111, address="保康镇民主街1号")
    converge([w1, w2], url)
    _record(w1, 1111, address="保康镇团结路8号")
    _record(w2, 1111, address="保康镇胜利街3号")
    converge([w1, w2], url)
    [c] = list_conflicts(w1, LEAD)
    assert c.field == "address"
    assert "团结路" not in c.summary and "胜利街" not in c.summary
    # Masked as an address is on screen: the town shows, the street does not.
    assert sorted([c.value_masked, c.other_value_masked]) == ["保康镇团****", "保康镇胜****"]
    with pytest.raises(PermissionDenied):
        reveal_values(w1, clerk(w1), c.event_id)
    full = reveal_values(w1, LEAD, c.event_id)
    assert {full.value, full.other_value} == {"保康镇团结路8号", "保康镇胜利街3号"}
    with w1.reading() as s:
        audit = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert audit.action == "pii.unmask" and audit.actor == "lead"
    assert "团结路" not in audit.detail and "conflict_review" in audit.detail
