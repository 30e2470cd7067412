"""Applicants: validating what the clerk typed, protecting it, finding a returning applicant."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_desk.domain import identity
from hall_desk.domain.errors import ValidationError, ValidationErrors
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.text import clean_name, clean_text
from hall_desk.services.workstation import Workstation
from hall_desk.store import eventlog, payloads
from hall_desk.store.event_names import APPLICANT_FIELDS
from hall_desk.store.keys import HallKey
from hall_desk.store.models_intake import ApplicantRow

APPLICANT_NAMESPACE = uuid.UUID("6f1c64a2-3c0e-4b8e-9a55-2f3a8d2c1e70")

# Person ID types besides the resident ID card; checked for shape only.
ID_TYPES = {
    "resident_id": "居民身份证",
    "hk_macao_permit": "港澳居民来往内地通行证",
    "taiwan_permit": "台湾居民来往大陆通行证",
    "passport": "护照",
    "foreign_permanent": "外国人永久居留身份证",
    "uscc": "统一社会信用代码",
}
OTHER_ID = re.compile(r"^[A-Z0-9]{5,20}$")
# Why a returning applicant's data was revealed, as the audit log records it.
PREFILL_REASON = "intake_prefill"


@dataclass
class ApplicantDraft:
    kind: str = "person"  # person | organisation
    id_type: str = "resident_id"
    id_number: str = ""
    name: str = ""
    phone: str = ""
    address: str = ""
    legal_representative: str = ""
    contact_name: str = ""


@dataclass(frozen=True)
class CheckedApplicant:
    """A validated applicant: normalised plaintext, used once to encrypt and index, then dropped."""

    kind: str
    id_type: str
    id_number: str
    name: str
    phone: str
    address: str
    legal_representative: str
    contact_name: str
    birth_date: date | None
    sex: str


def _collect(errors: list[ValidationError], check: Callable[[], str]) -> str:
    """Runs one field's check; a refusal joins the list so the form shows every problem."""
    try:
        return check()
    except ValidationError as exc:
        errors.append(exc)
        return ""


def check_applicant(
    draft: ApplicantDraft, today: date, *, phone_required: bool = True
) -> CheckedApplicant:
    """All problems at once, each naming its field, so the form can mark every one."""
    errors: list[ValidationError] = []
    birth: date | None = None
    sex = ""
    number = ""
    kind = draft.kind
    id_type = "uscc" if kind == "organisation" else draft.id_type
    if kind not in ("person", "organisation"):
        errors.append(ValidationError("kind", "申请人类型应为个人或单位"))
    elif id_type not in ID_TYPES or (kind == "person" and id_type == "uscc"):
        errors.append(ValidationError("id_type", f"证件类型「{draft.id_type}」无效"))
    elif not draft.id_number.strip():
        errors.append(ValidationError("id_number", f"请填写{ID_TYPES[id_type]}号码"))
    else:
        try:
            if id_type == "resident_id":
                rid = identity.parse_resident_id(draft.id_number, today=today, field="id_number")
                number, birth, sex = rid.number, rid.birth_date, rid.sex
            elif id_type == "uscc":
                number = identity.normalize_uscc(draft.id_number, field="id_number")
            else:
                identity.refuse_overlong(draft.id_number, "id_number", f"{ID_TYPES[id_type]}号码")
                number = identity.to_halfwidth(draft.id_number).replace(" ", "").upper()
                if not OTHER_ID.match(number):
                    raise ValidationError(
                        "id_number", f"{ID_TYPES[id_type]}号码应为 5–20 位字母或数字"
                    )
        except ValidationError as exc:
            errors.append(exc)
    org = kind == "organisation"
    name = _collect(
        errors,
        lambda: clean_name(
            draft.name, "name", "单位名称" if org else "申请人姓名", organisation=org
        ),
    )
    if not name and not any(e.field == "name" for e in errors):
        errors.append(ValidationError("name", "请填写单位名称" if org else "请填写申请人姓名"))
    address = _collect(errors, lambda: clean_text(draft.address, "address", "地址", max_len=200))
    legal_rep = _collect(
        errors,
        lambda: clean_name(draft.legal_representative, "legal_representative", "法定代表人"),
    )
    contact = _collect(errors, lambda: clean_name(draft.contact_name, "contact_name", "联系人"))
    phone = ""
    if draft.phone.strip():
        try:
            phone = identity.normalize_phone(draft.phone, field="phone")
        except ValidationError as exc:
            errors.append(exc)
    elif phone_required:
        errors.append(ValidationError("phone", "请填写联系电话（用于通知办理结果）"))
    if org and not legal_rep and not any(e.field == "legal_representative" for e in errors):
        errors.append(ValidationError("legal_representative", "请填写法定代表人"))
    if errors:
        raise ValidationErrors(errors)
    return CheckedApplicant(
        kind=kind,
        id_type=id_type,
        id_number=number,
        name=name,
        phone=phone,
        address=address,
        legal_representative=legal_rep,
        contact_name=contact,
        birth_date=birth,
        sex=sex,
    )


def id_index(key: HallKey, id_type: str, number: str) -> str:
    # One index space for all ID types: a lookup by number alone finds any of them.
    return key.blind_index("id_number", number)


def phone_index(key: HallKey, phone: str) -> str:
    return key.blind_index("phone", phone)


def applicant_id_for(index: str, id_type: str) -> str:
    """Deterministic: the same person gets the same id at every workstation, offline too."""
    return str(uuid.uuid5(APPLICANT_NAMESPACE, f"{id_type}:{index}"))


def protected_fields(key: HallKey, a: CheckedApplicant) -> dict[str, Any]:
    """The projection columns for an applicant: ciphertext, index and mask, never plaintext."""
    idx = id_index(key, a.id_type, a.id_number)
    return {
        "kind": a.kind,
        "id_type": a.id_type,
        "name": a.name,
        "id_cipher": key.encrypt("id_number", a.id_number),
        "id_index": idx,
        "id_masked": identity.mask_resident_id(a.id_number),
        "phone_cipher": key.encrypt("phone", a.phone) if a.phone else "",
        "phone_index": phone_index(key, a.phone) if a.phone else "",
        "phone_masked": identity.mask_phone(a.phone) if a.phone else "",
        "address_cipher": key.encrypt("address", a.address) if a.address else "",
        # The year only: the date beside the masked number would give the number away.
        "birth_year": a.birth_date.year if a.birth_date else None,
        "sex": a.sex,
        "legal_representative": a.legal_representative,
        "contact_name": a.contact_name,
    }


def changed_fields(row: ApplicantRow, key: HallKey, a: CheckedApplicant) -> list[str]:
    """The editable fields (event_names.APPLICANT_FIELDS) where the stored applicant says
    something else. The address is decrypted only to compare, inside intake's transaction, and
    never shown."""

    def plain(field: str, token: str) -> str:
        return key.decrypt(field, token) if token else ""

    same = {
        "phone": row.phone_index == (phone_index(key, a.phone) if a.phone else ""),
        "address": plain("address", row.address_cipher) == a.address,
        "name": row.name == a.name,
        "legal_representative": row.legal_representative == a.legal_representative,
        "contact_name": row.contact_name == a.contact_name,
    }
    return [name for name in APPLICANT_FIELDS if not same[name]]


def same_person_data(row: ApplicantRow, key: HallKey, a: CheckedApplicant) -> bool:
    """True when the stored applicant already says exactly this (no new event needed)."""
    return not changed_fields(row, key, a)


def seen_fields(session: Session, applicant_id: str) -> dict[str, str]:
    """For each editable field, the event whose value this workstation holds ("" for none).

    A new `applicant.recorded` names these under "seen" for the fields it changes, so that
    every workstation can tell a sequential edit from two made without knowing of each other.
    """
    seen = dict.fromkeys(APPLICANT_FIELDS, "")
    kind = "applicant.recorded"
    for event_id, payload in eventlog.entity_payloads(session, "applicant", applicant_id, kind):
        values = payloads.payload_of(kind, payload).get("set", {})
        for name, keys in APPLICANT_FIELDS.items():
            if keys[0] in values:
                seen[name] = event_id
    return seen


def recorded_payload(
    session: Session, key: HallKey, row: ApplicantRow | None, applicant_id: str, a: CheckedApplicant
) -> dict[str, Any] | None:
    """The `applicant.recorded` payload for what the clerk typed, or None when nothing changed.

    Only the changed fields travel (a first record carries them all): a field one window did
    not touch must not overwrite what another window changed meanwhile.
    """
    fields = protected_fields(key, a)
    changed = list(APPLICANT_FIELDS) if row is None else changed_fields(row, key, a)
    if not changed:
        return None
    seen = seen_fields(session, applicant_id)
    if row is not None:
        fields = {k: fields[k] for name in changed for k in APPLICANT_FIELDS[name]}
    return {"set": fields, "seen": {name: seen[name] for name in changed}}


def find_by_index(session: Session, idx: str) -> ApplicantRow | None:
    return session.scalars(
        select(ApplicantRow)
        .where(ApplicantRow.id_index == idx)
        .order_by(ApplicantRow.updated_hlc.desc())
        .limit(1)
    ).first()


@dataclass(frozen=True)
class ReturningApplicant:
    """An applicant already on file, in full for the intake form (the names match the draft's)."""

    applicant_id: str
    kind: str
    id_type: str
    id_number: str
    name: str
    phone: str
    address: str
    legal_representative: str
    contact_name: str


def returning_applicant(
    ws: Workstation, actor: Actor, raw_number: str
) -> ReturningApplicant | None:
    """A returning applicant found through the blind index (no plaintext is searched), with the
    phone and address decrypted to fill the intake form. Decrypting is a reveal like any other:
    it needs the permission and leaves an audit entry naming who, which applicant, which fields
    and why, in the transaction that decrypts."""
    actor.require(Permission.INTAKE)
    actor.require(Permission.UNMASK)
    if len(raw_number) > identity.IDENTIFIER_MAX_TYPED:
        return None  # no one on file has such a number: not worth translating a paste
    number = identity.to_halfwidth(raw_number).replace(" ", "").upper()
    if not number:
        return None
    idx = ws.key.blind_index("id_number", number)
    # Most numbers typed belong to no one on file: look first, without taking the write lock.
    with ws.reading() as s:
        found = find_by_index(s, idx)
        if found is None:
            return None
        applicant_id = found.id
    key = ws.key
    with ws.transaction(actor) as tx:
        row = tx.session.get(ApplicantRow, applicant_id)
        if row is None:
            return None
        revealed = [
            f
            for f, token in (("phone", row.phone_cipher), ("address", row.address_cipher))
            if token
        ]
        applicant = ReturningApplicant(
            applicant_id=row.id,
            kind=row.kind,
            id_type=row.id_type,
            # The number the clerk typed matched the index: nothing needs decrypting for it.
            id_number=number,
            name=row.name,
            phone=key.decrypt("phone", row.phone_cipher) if row.phone_cipher else "",
            address=key.decrypt("address", row.address_cipher) if row.address_cipher else "",
            legal_representative=row.legal_representative,
            contact_name=row.contact_name,
        )
        # Logged without the values: the log must not become a copy of the data.
        tx.audit(
            "pii.unmask",
            row.id,
            {"fields": revealed, "id_masked": row.id_masked, "reason": PREFILL_REASON},
        )
        return applicant
