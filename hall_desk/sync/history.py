"""Editable fields: the latest by HLC wins, the value it overwrote is kept, never lost, and an
overwrite by a workstation that never saw the old value is a conflict for the team lead.

An applicant's phone, address, name or contact can be recorded at two windows on the same day.
The projection keeps the latest (HLC order); this history keeps each value a later event
replaced: personal data as ciphertext with its mask, never plaintext. Like conflicts, the
history of an applicant is a pure function of its events, recomputed when sync touches it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hall_desk.domain.clock import Timestamp
from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.roles import Actor, Permission
from hall_desk.services.workstation import Workstation
from hall_desk.store import driver, event_names, eventlog, payloads
from hall_desk.store.keys import HallKey
from hall_desk.store.models import Event
from hall_desk.store.models_sync import SyncFieldHistory

APPLICANT_KIND = "applicant.recorded"


@dataclass(frozen=True)
class _Field:
    name: str
    label: str
    value: str  # the payload key holding the value
    index: str = ""  # a blind index to compare by (ciphertexts differ for equal plaintexts)
    masked: str = ""
    cipher_field: str = ""  # the key's field name, to compare by decrypting


EDITABLE = (
    _Field("phone", "联系电话", "phone_cipher", index="phone_index", masked="phone_masked"),
    # The address is compared and masked by decrypting: its ciphertexts differ for one text.
    _Field("address", "地址", "address_cipher", cipher_field="address"),
    _Field("name", "名称", "name"),
    _Field("legal_representative", "法定代表人", "legal_representative"),
    _Field("contact_name", "联系人", "contact_name"),
)
LABELS = {f.name: f.label for f in EDITABLE}
FIELDS = {f.name: f for f in EDITABLE}
assert set(FIELDS) == set(event_names.APPLICANT_FIELDS), "one list of editable fields"


def _compare_key(key: HallKey, field: _Field, values: dict[str, Any]) -> str:
    if field.index and field.index in values:
        return str(values[field.index])
    raw = str(values.get(field.value) or "")
    if field.cipher_field and raw:
        try:
            return "plain:" + key.decrypt(field.cipher_field, raw)
        except (HallDeskError, ValueError):
            return "cipher:" + raw
    return raw


@dataclass(frozen=True)
class Overwrite:
    """One field of an applicant that a later event (by HLC) set to a different value."""

    field: _Field
    old: Event
    old_value: str  # as stored: ciphertext for personal data
    old_masked: str  # what history may show ("（已加密）" for an address)
    new: Event
    new_value: str
    new_masked: str
    # The new event's writer did not hold the old value when it wrote (concurrent edits):
    # it names under "seen" another event as the value it replaced, one whose value differs.
    unseen: bool


def _shown(field: _Field, value: str, masked: str) -> str:
    if field.masked:
        return masked
    if field.cipher_field:
        return "（已加密）" if value else ""
    return value[:64]


def overwrites(session: Session, key: HallKey, applicant_id: str) -> list[Overwrite]:
    """Every overwritten value of one applicant, in the order of its events (HLC, id).

    Whether the writer knew the old value comes from the event's "seen" (applicant.recorded
    v3): the id of the event whose value of the field it replaced. The HLC respects what a
    workstation had seen (it observes every pulled event), so the event just before in this
    order either is the one it names — a sequential edit — or one it never saw. An event that
    names another whose value was the same is sequential too (it knew that value). Events older
    than v3 name nothing and are taken as sequential, as before this check existed.
    """
    current: dict[str, tuple[str, str, str, Event]] = {}  # field → (compare key, value, mask, ev)
    known: dict[str, dict[str, str]] = {}  # event id → field → compare key
    out: list[Overwrite] = []
    for ev in eventlog.entity_events(session, "applicant", applicant_id):
        if ev.kind != APPLICANT_KIND:
            continue
        payload = payloads.payload_of(ev.kind, ev.payload)
        values = payload.get("set", {})
        seen = payload.get("seen")
        for field in EDITABLE:
            if field.value not in values:
                continue
            compare = _compare_key(key, field, values)
            value = str(values.get(field.value) or "")
            masked = str(values.get(field.masked) or "") if field.masked else ""
            known.setdefault(ev.id, {})[field.name] = compare
            old = current.get(field.name)
            if old is not None and old[0] != compare:
                unseen = False
                if isinstance(seen, dict) and field.name in seen:
                    base = str(seen[field.name])
                    base_compare = known.get(base, {}).get(field.name) if base else None
                    unseen = base != old[3].id and base_compare != old[0]
                out.append(
                    Overwrite(
                        field,
                        old[3],
                        old[1],
                        _shown(field, old[1], old[2]),
                        ev,
                        value,
                        _shown(field, value, masked),
                        unseen,
                    )
                )
            current[field.name] = (compare, value, masked, ev)
    return out


def recompute_applicant(session: Session, key: HallKey, applicant_id: str) -> int:
    """Rewrite one applicant's history from its events; returns the number of entries."""
    session.execute(
        delete(SyncFieldHistory).where(
            SyncFieldHistory.entity_type == "applicant", SyncFieldHistory.entity_id == applicant_id
        )
    )
    found = overwrites(session, key, applicant_id)
    for o in found:
        session.add(
            SyncFieldHistory(
                new_event_id=o.new.id,
                field=o.field.name,
                entity_type="applicant",
                entity_id=applicant_id,
                old_value=o.old_value,
                old_masked=o.old_masked,
                old_event_id=o.old.id,
                old_origin=o.old.origin,
                old_hlc=o.old.hlc,
                new_origin=o.new.origin,
                new_hlc=o.new.hlc,
            )
        )
    return len(found)


# The ids go in as one JSON array, straight to the driver: an IN list of SQLAlchemy parameters
# cost more to render than SQLite took to answer. CROSS JOIN keeps the array as the outer loop
# and entity_type comes first, so each id is one search of the (entity_type, entity_id, hlc)
# index.
_RECORDED_TWICE = """
SELECT e.entity_id FROM json_each(?) AS j CROSS JOIN events AS e
 ON e.entity_type = 'applicant' AND e.entity_id = j.value
WHERE e.kind = ? GROUP BY e.entity_id HAVING count(*) > 1 ORDER BY e.entity_id
"""


def recorded_more_than_once(session: Session, applicant_ids: set[str]) -> list[str]:
    """Only an applicant recorded twice can have had a value overwritten."""
    if not applicant_ids:
        return []
    ids = json.dumps(sorted(applicant_ids))
    return [
        entity_id
        for (entity_id,) in driver.execute(session, _RECORDED_TWICE, (ids, APPLICANT_KIND))
    ]


def recompute_all(session: Session, key: HallKey) -> int:
    applicant_ids = session.scalars(
        select(Event.entity_id)
        .where(Event.kind == APPLICANT_KIND)
        .group_by(Event.entity_id)
        .having(func.count() > 1)
    ).all()
    return sum(recompute_applicant(session, key, a) for a in applicant_ids)


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old_masked: str  # what may be shown; the ciphertext stays in the table
    old_workstation: str
    old_at: datetime
    new_workstation: str
    new_at: datetime


def _at(hlc: str) -> datetime:
    return datetime.fromtimestamp(Timestamp.decode(hlc).ms / 1000).astimezone()


def applicant_history(ws: Workstation, actor: Actor, applicant_id: str) -> list[FieldChange]:
    """Overwritten values of one applicant, oldest first (masked)."""
    actor.require(Permission.VIEW_CASES)
    with ws.reading() as s:
        rows = s.scalars(
            select(SyncFieldHistory)
            .where(
                SyncFieldHistory.entity_type == "applicant",
                SyncFieldHistory.entity_id == applicant_id,
            )
            .order_by(SyncFieldHistory.new_hlc, SyncFieldHistory.field)
        ).all()
    return [
        FieldChange(
            field=r.field,
            label=LABELS.get(r.field, r.field),
            old_masked=r.old_masked,
            old_workstation=r.old_origin,
            old_at=_at(r.old_hlc),
            new_workstation=r.new_origin,
            new_at=_at(r.new_hlc),
        )
        for r in rows
    ]
