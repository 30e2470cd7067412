"""Catalog value objects (事项, 申请材料, 一件事) and the rules that combine them."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from hall_desk.domain.calendar import LimitUnit


class ItemKind(StrEnum):
    IMMEDIATE = "immediate"
    PROMISED = "promised"
    ESCALATED = "escalated"
    JOINT = "joint"

    @property
    def label(self) -> str:
        return ITEM_KIND_LABELS[self]


ITEM_KIND_LABELS = {
    ItemKind.IMMEDIATE: "即办件",
    ItemKind.PROMISED: "承诺件",
    ItemKind.ESCALATED: "上报件",
    ItemKind.JOINT: "联办件",
}


class MaterialForm(StrEnum):
    ORIGINAL = "original"
    COPY = "copy"
    ORIGINAL_AND_COPY = "original_and_copy"

    @property
    def label(self) -> str:
        return MATERIAL_FORM_LABELS[self]


MATERIAL_FORM_LABELS = {
    MaterialForm.ORIGINAL: "原件",
    MaterialForm.COPY: "复印件",
    MaterialForm.ORIGINAL_AND_COPY: "原件和复印件",
}


class DeliveryMethod(StrEnum):
    PICKUP = "pickup"
    MAIL = "mail"

    @property
    def label(self) -> str:
        return {"pickup": "窗口领取", "mail": "邮寄"}[self.value]


@dataclass(frozen=True)
class MaterialRequirement:
    name: str
    form: MaterialForm = MaterialForm.COPY
    copies: int = 1
    required: bool = True
    deferrable: bool = False


@dataclass(frozen=True)
class ServiceItem:
    code: str
    name: str
    department: str
    kind: ItemKind
    legal_limit: int
    promised_limit: int
    limit_unit: LimitUnit
    fee: str = "不收费"
    delivery: tuple[DeliveryMethod, ...] = (DeliveryMethod.PICKUP,)
    materials: tuple[MaterialRequirement, ...] = ()
    produces: tuple[str, ...] = ()  # the certificates it issues (营业执照 for a 设立登记)

    @property
    def allows_deferral(self) -> bool:
        return any(m.deferrable and m.required for m in self.materials)


@dataclass(frozen=True)
class Theme:
    """一件事: several items applied for together."""

    code: str
    name: str
    item_codes: tuple[str, ...]


@dataclass(frozen=True)
class MergedMaterial:
    """One line of a case's checklist; `item_codes` tells which items asked for it."""

    name: str
    form: MaterialForm
    copies: int
    required: bool
    deferrable: bool
    item_codes: tuple[str, ...] = field(default=())


_FORM_RANK = {MaterialForm.COPY: 0, MaterialForm.ORIGINAL: 1, MaterialForm.ORIGINAL_AND_COPY: 2}


def _stricter_form(a: MaterialForm, b: MaterialForm) -> MaterialForm:
    if {a, b} == {MaterialForm.COPY, MaterialForm.ORIGINAL}:
        return MaterialForm.ORIGINAL_AND_COPY
    return a if _FORM_RANK[a] >= _FORM_RANK[b] else b


# Whoever applies on another's behalf brings the applicant's written authorisation.
AGENT_MATERIAL = "授权委托书"
AGENT_MATERIAL_HINT = "委托书"  # an item's own 委托书及受托人身份证明 already asks for it


def merge_materials(items: Sequence[ServiceItem], *, agent: bool = False) -> list[MergedMaterial]:
    """The union of the items' material lists, a document asked twice listed once.

    A merged line keeps the strictest demand: required if any item requires it, deferrable only
    if every item allows deferral, the most copies, and original+copy if one wants each.
    A certificate another item of the same application issues (the 营业执照 of 开办餐饮店一件事)
    is not asked for: the bundle makes it. With an agent, 授权委托书 is asked for unless an
    item's list already holds a 委托书.
    """
    produced = {name for item in items for name in item.produces}
    merged: dict[str, MergedMaterial] = {}
    for item in items:
        made_here = set(item.produces)
        for m in item.materials:
            key = m.name.strip()
            if key in produced and key not in made_here:
                continue
            old = merged.get(key)
            if old is None:
                merged[key] = MergedMaterial(
                    key, m.form, m.copies, m.required, m.deferrable, (item.code,)
                )
                continue
            merged[key] = MergedMaterial(
                key,
                _stricter_form(old.form, m.form),
                max(old.copies, m.copies),
                old.required or m.required,
                old.deferrable and m.deferrable,
                (*old.item_codes, item.code),
            )
    if agent and not any(AGENT_MATERIAL_HINT in name for name in merged):
        merged[AGENT_MATERIAL] = MergedMaterial(
            AGENT_MATERIAL, MaterialForm.ORIGINAL, 1, True, False, ()
        )
    return list(merged.values())


def combined_kind(items: Sequence[ServiceItem]) -> ItemKind:
    """All immediate → immediate; several items from different departments → joint."""
    kinds = {i.kind for i in items}
    if kinds == {ItemKind.IMMEDIATE}:
        return ItemKind.IMMEDIATE
    if len({i.department for i in items}) > 1:
        return ItemKind.JOINT
    for k in (ItemKind.JOINT, ItemKind.ESCALATED, ItemKind.PROMISED):
        if k in kinds:
            return k
    return ItemKind.PROMISED


# Remembered per process: every catalog import (and every workstation's pull of one) names the
# same items again, and each name costs pypinyin about a millisecond of phrase matching.
@functools.lru_cache(maxsize=8192)
def pinyin_keys(text: str) -> tuple[str, str]:
    """Full pinyin and initials (lowercase, no tones) for search: 个体工商户 → gtgsh."""
    # Imported here: its dictionaries weigh tens of MB, and only catalog imports need them.
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(text, style=Style.NORMAL, errors="ignore")
    full = "".join(syllables).lower()
    initials = "".join(s[0] for s in syllables if s).lower()
    return full, initials
