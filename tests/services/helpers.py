"""Builders for valid applicants and drafts used across the service tests."""

from __future__ import annotations

from hall_desk.domain.identity import resident_id_check_char, uscc_check_char
from hall_desk.services.applicants import ApplicantDraft
from hall_desk.services.intake import IntakeDraft


def resident_id(region: str = "150521", birth: str = "19800101", seq: str = "123") -> str:
    first17 = f"{region}{birth}{seq}"
    return first17 + resident_id_check_char(first17)


def uscc(body: str = "MA0N1234X") -> str:
    first17 = f"92150521{body}"
    return first17 + uscc_check_char(first17)


def person(
    number: str | None = None, name: str = "包海龙", phone: str = "13904751234"
) -> ApplicantDraft:
    return ApplicantDraft(
        kind="person",
        id_number=number or resident_id(),
        name=name,
        phone=phone,
        address="科尔沁左翼中旗保康镇民主街12号",
    )


def organisation() -> ApplicantDraft:
    return ApplicantDraft(
        kind="organisation",
        id_number=uscc(),
        name="科左中旗海龙餐饮店",
        phone="0475-5212345",
        legal_representative="包海龙",
        contact_name="包海龙",
    )


# 个体工商户设立登记 (promised 承诺件) and 就业登记-style immediate items come from the bundled
# catalog; tests look codes up by name so the catalog can grow without breaking them.
def all_materials(ws, codes: list[str]) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from hall_desk.domain.catalog import merge_materials
    from hall_desk.services.catalog import items_by_code

    with ws.reading() as s:
        items = items_by_code(s, codes)
    return {m.name: m.copies for m in merge_materials(items)}


def draft_for(ws, codes: list[str], applicant: ApplicantDraft | None = None) -> IntakeDraft:  # type: ignore[no-untyped-def]
    return IntakeDraft(
        applicant=applicant or person(), item_codes=codes, received=all_materials(ws, codes)
    )
