"""Tests for catalog rules (merged material lists, combined kinds, pinyin) and 帮您办."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hall_desk.domain.assistance import (
    ELDERLY_AGE,
    Assistance,
    AssistanceFlag,
    ServiceMode,
    suggest,
)
from hall_desk.domain.calendar import LimitUnit
from hall_desk.domain.catalog import (
    ItemKind,
    MaterialForm,
    MaterialRequirement,
    MergedMaterial,
    ServiceItem,
    combined_kind,
    merge_materials,
    pinyin_keys,
)
from hall_desk.domain.errors import ValidationError

M = MaterialRequirement
F = MaterialForm


def item(
    code: str,
    *materials: MaterialRequirement,
    kind: ItemKind = ItemKind.PROMISED,
    department: str = "县市场监督管理局",
) -> ServiceItem:
    return ServiceItem(
        code=code,
        name=f"事项{code}",
        department=department,
        kind=kind,
        legal_limit=20,
        promised_limit=5,
        limit_unit=LimitUnit.WORKING,
        materials=materials,
    )


def by_name(merged: list[MergedMaterial]) -> dict[str, MergedMaterial]:
    return {m.name: m for m in merged}


# --- merge_materials -------------------------------------------------------------------------


def test_merge_of_nothing_is_empty() -> None:
    assert merge_materials([]) == []
    assert merge_materials([item("A")]) == []


def test_single_item_is_copied_as_is() -> None:
    merged = merge_materials(
        [item("A", M("申请书", F.ORIGINAL), M("营业执照", F.COPY, copies=2, deferrable=True))]
    )
    assert merged == [
        MergedMaterial("申请书", F.ORIGINAL, 1, True, False, ("A",)),
        MergedMaterial("营业执照", F.COPY, 2, True, True, ("A",)),
    ]


def test_duplicates_are_listed_once_with_every_item_that_asked() -> None:
    merged = merge_materials(
        [
            item("A", M("身份证"), M("申请书")),
            item("B", M("身份证"), M("场所证明")),
            item("C", M("身份证")),
        ]
    )
    names = [m.name for m in merged]
    assert names == ["身份证", "申请书", "场所证明"]
    lines = by_name(merged)
    assert lines["身份证"].item_codes == ("A", "B", "C")
    assert lines["申请书"].item_codes == ("A",)
    assert lines["场所证明"].item_codes == ("B",)


def test_names_match_after_trimming_spaces() -> None:
    merged = merge_materials([item("A", M("身份证 ")), item("B", M(" 身份证"))])
    assert len(merged) == 1
    assert merged[0].name == "身份证"
    assert merged[0].item_codes == ("A", "B")


def test_order_is_first_appearance() -> None:
    merged = merge_materials(
        [
            item("A", M("丙"), M("甲")),
            item("B", M("乙"), M("甲"), M("丁")),
            item("C", M("丁"), M("丙"), M("戊")),
        ]
    )
    assert [m.name for m in merged] == ["丙", "甲", "乙", "丁", "戊"]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (True, False, True),
        (False, True, True),
        (True, True, True),
        (False, False, False),
    ],
)
def test_required_if_any_item_requires(first: bool, second: bool, expected: bool) -> None:
    merged = merge_materials(
        [item("A", M("证明", required=first)), item("B", M("证明", required=second))]
    )
    assert merged[0].required is expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (True, False, False),
        (False, True, False),
        (True, True, True),
        (False, False, False),
    ],
)
def test_deferrable_only_if_every_item_allows(first: bool, second: bool, expected: bool) -> None:
    merged = merge_materials(
        [item("A", M("证明", deferrable=first)), item("B", M("证明", deferrable=second))]
    )
    assert merged[0].deferrable is expected


def test_deferrable_needs_all_of_three() -> None:
    merged = merge_materials(
        [
            item("A", M("证明", deferrable=True)),
            item("B", M("证明", deferrable=True)),
            item("C", M("证明", deferrable=False)),
        ]
    )
    assert merged[0].deferrable is False


def test_most_copies_wins() -> None:
    merged = merge_materials(
        [
            item("A", M("照片", copies=2)),
            item("B", M("照片", copies=6)),
            item("C", M("照片", copies=3)),
        ]
    )
    assert merged[0].copies == 6


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (F.COPY, F.COPY, F.COPY),
        (F.ORIGINAL, F.ORIGINAL, F.ORIGINAL),
        (F.ORIGINAL, F.COPY, F.ORIGINAL_AND_COPY),
        (F.COPY, F.ORIGINAL, F.ORIGINAL_AND_COPY),
        (F.ORIGINAL_AND_COPY, F.COPY, F.ORIGINAL_AND_COPY),
        (F.COPY, F.ORIGINAL_AND_COPY, F.ORIGINAL_AND_COPY),
        (F.ORIGINAL_AND_COPY, F.ORIGINAL, F.ORIGINAL_AND_COPY),
        (F.ORIGINAL, F.ORIGINAL_AND_COPY, F.ORIGINAL_AND_COPY),
    ],
)
def test_strictest_form(first: MaterialForm, second: MaterialForm, expected: MaterialForm) -> None:
    merged = merge_materials([item("A", M("证件", first)), item("B", M("证件", second))])
    assert merged[0].form is expected


def test_original_and_copy_survives_a_third_copy_request() -> None:
    merged = merge_materials(
        [
            item("A", M("证件", F.ORIGINAL)),
            item("B", M("证件", F.COPY)),
            item("C", M("证件", F.COPY)),
        ]
    )
    assert merged[0].form is F.ORIGINAL_AND_COPY


_FORM_DEMANDS = {
    F.COPY: {"copy"},
    F.ORIGINAL: {"original"},
    F.ORIGINAL_AND_COPY: {"original", "copy"},
}
_requirements = st.builds(
    M,
    name=st.sampled_from(["身份证", "营业执照", "申请书", "场所证明", "健康证"]),
    form=st.sampled_from(list(MaterialForm)),
    copies=st.integers(min_value=1, max_value=5),
    required=st.booleans(),
    deferrable=st.booleans(),
)


@settings(deadline=None, database=None)
@given(st.lists(st.lists(_requirements, max_size=5, unique_by=lambda m: m.name), max_size=5))
def test_merged_line_is_the_strictest_demand(
    material_lists: list[list[MaterialRequirement]],
) -> None:
    items = [item(f"I{i}", *materials) for i, materials in enumerate(material_lists)]
    merged = merge_materials(items)
    names = [m.name for m in merged]
    assert len(names) == len(set(names))
    # First appearance order.
    expected_order: list[str] = []
    for it in items:
        for m in it.materials:
            if m.name not in expected_order:
                expected_order.append(m.name)
    assert names == expected_order
    for line in merged:
        asks = [(it.code, m) for it in items for m in it.materials if m.name == line.name]
        assert line.item_codes == tuple(code for code, _ in asks)
        assert line.required == any(m.required for _, m in asks)
        assert line.deferrable == all(m.deferrable for _, m in asks)
        assert line.copies == max(m.copies for _, m in asks)
        wanted = set().union(*(_FORM_DEMANDS[m.form] for _, m in asks))
        assert _FORM_DEMANDS[line.form] == wanted


# --- ServiceItem.allows_deferral -------------------------------------------------------------


def test_allows_deferral_needs_a_required_deferrable_material() -> None:
    assert item("A", M("申请书"), M("场所证明", deferrable=True)).allows_deferral
    assert not item("B", M("申请书"), M("场所证明")).allows_deferral
    assert not item("C").allows_deferral
    # An optional material being deferrable does not make the item 容缺-capable.
    assert not item(
        "D", M("申请书"), M("参考资料", required=False, deferrable=True)
    ).allows_deferral


# --- combined_kind ---------------------------------------------------------------------------


def test_all_immediate_stays_immediate_even_across_departments() -> None:
    items = [
        item("A", kind=ItemKind.IMMEDIATE, department="县公安局"),
        item("B", kind=ItemKind.IMMEDIATE, department="县民政局"),
    ]
    assert combined_kind(items) is ItemKind.IMMEDIATE
    assert combined_kind(items[:1]) is ItemKind.IMMEDIATE


def test_different_departments_make_a_joint_case() -> None:
    items = [
        item("A", kind=ItemKind.PROMISED, department="县市场监督管理局"),
        item("B", kind=ItemKind.IMMEDIATE, department="县卫生健康委员会"),
    ]
    assert combined_kind(items) is ItemKind.JOINT


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ([ItemKind.PROMISED], ItemKind.PROMISED),
        ([ItemKind.ESCALATED], ItemKind.ESCALATED),
        ([ItemKind.JOINT], ItemKind.JOINT),
        ([ItemKind.IMMEDIATE, ItemKind.PROMISED], ItemKind.PROMISED),
        ([ItemKind.PROMISED, ItemKind.ESCALATED], ItemKind.ESCALATED),
        ([ItemKind.IMMEDIATE, ItemKind.ESCALATED, ItemKind.PROMISED], ItemKind.ESCALATED),
        ([ItemKind.ESCALATED, ItemKind.JOINT], ItemKind.JOINT),
    ],
)
def test_same_department_takes_the_heaviest_kind(kinds: list[ItemKind], expected: ItemKind) -> None:
    items = [item(f"I{i}", kind=k) for i, k in enumerate(kinds)]
    assert combined_kind(items) is expected


def test_item_kind_labels() -> None:
    assert [k.label for k in ItemKind] == ["即办件", "承诺件", "上报件", "联办件"]


# --- pinyin_keys -----------------------------------------------------------------------------


def test_pinyin_keys_for_business_registration() -> None:
    full, initials = pinyin_keys("个体工商户设立登记")
    assert initials.startswith("gtgsh")
    assert initials == "gtgshsldj"
    assert full.startswith("getigongshanghu")
    assert full == full.lower()
    assert full.isascii() and initials.isascii()


def test_pinyin_keys_have_no_tones_or_spaces() -> None:
    full, initials = pinyin_keys("食品经营许可")
    assert full == "shipinjingyingxuke"
    assert initials == "spjyxk"


def test_pinyin_keys_of_empty_text() -> None:
    assert pinyin_keys("") == ("", "")


# --- Assistance and suggest ------------------------------------------------------------------


def test_assistance_without_flags_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        Assistance(frozenset())
    assert info.value.field == "assistance"
    assert "帮办" in str(info.value)


@pytest.mark.parametrize("mode", list(ServiceMode))
def test_assistance_label_names_the_mode(mode: ServiceMode) -> None:
    assistance = Assistance(frozenset({AssistanceFlag.ELDERLY}), mode=mode)
    assert mode.label in assistance.label
    assert "老年人" in assistance.label
    assert assistance.label.startswith("帮您办")


def test_assistance_label_lists_flags_in_a_stable_order() -> None:
    a = Assistance(frozenset({AssistanceFlag.PREGNANT, AssistanceFlag.ELDERLY}), ServiceMode.PROXY)
    assert a.label == "帮您办（老年人、孕妇·代办）"
    assert a.encode_flags() == "elderly,pregnant"


def test_mode_defaults_to_full_help() -> None:
    a = Assistance(frozenset({AssistanceFlag.DISABLED}))
    assert a.mode is ServiceMode.FULL
    assert "全程帮办" in a.label


def test_every_flag_and_mode_has_a_chinese_label() -> None:
    for flag in AssistanceFlag:
        assert flag.label and not flag.label.isascii()
    for mode in ServiceMode:
        assert mode.label and not mode.label.isascii()
    assert len({f.label for f in AssistanceFlag}) == len(AssistanceFlag)
    assert len({m.label for m in ServiceMode}) == len(ServiceMode)


def test_suggest_on_the_sixtieth_birthday() -> None:
    born = date(1966, 5, 20)
    assert ELDERLY_AGE == 60
    assert suggest(born, date(2026, 5, 20)) == frozenset({AssistanceFlag.ELDERLY})
    assert suggest(born, date(2026, 5, 19)) == frozenset()
    assert suggest(born, date(2026, 5, 21)) == frozenset({AssistanceFlag.ELDERLY})
    assert suggest(born, date(2025, 12, 31)) == frozenset()


def test_suggest_for_a_leap_day_birth() -> None:
    born = date(1964, 2, 29)
    assert suggest(born, date(2024, 2, 28)) == frozenset()
    assert suggest(born, date(2024, 2, 29)) == frozenset({AssistanceFlag.ELDERLY})


def test_suggest_without_birth_date_is_empty() -> None:
    assert suggest(None, date(2026, 5, 20)) == frozenset()


def test_suggest_for_the_young_and_the_old() -> None:
    assert suggest(date(2000, 1, 1), date(2026, 1, 1)) == frozenset()
    assert suggest(date(1930, 12, 31), date(2026, 1, 1)) == frozenset({AssistanceFlag.ELDERLY})


def _sixtieth_birthday(born: date) -> date:
    try:
        return born.replace(year=born.year + ELDERLY_AGE)
    except ValueError:  # born on 29 February, and that year has none: 1 March
        return date(born.year + ELDERLY_AGE, 3, 1)


@settings(deadline=None, database=None)
@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
)
def test_suggest_agrees_with_the_sixtieth_birthday(born: date, today: date) -> None:
    expected = (
        frozenset({AssistanceFlag.ELDERLY}) if today >= _sixtieth_birthday(born) else frozenset()
    )
    assert suggest(born, today) == expected


# --- what the bundle issues, and the agent's letter ------------------------------------------


def test_a_certificate_another_item_of_the_bundle_issues_is_not_asked_for() -> None:
    register = ServiceItem(
        code="A",
        name="个体工商户设立登记",
        department="市场监管",
        kind=ItemKind.IMMEDIATE,
        legal_limit=15,
        promised_limit=0,
        limit_unit=LimitUnit.WORKING,
        materials=(M("设立申请书"),),
        produces=("营业执照",),
    )
    food = item("B", M("营业执照"), M("健康证明"))
    fire = item("C", M("营业执照", F.ORIGINAL), M("平面图"))
    assert [m.name for m in merge_materials([register, food, fire])] == [
        "设立申请书",
        "健康证明",
        "平面图",
    ]
    assert "营业执照" in by_name(merge_materials([food, fire])), "alone, the licence is needed"


def test_an_agent_brings_the_letter_of_authorisation_once() -> None:
    food = item("B", M("营业执照"))
    letter = by_name(merge_materials([food], agent=True))["授权委托书"]
    assert letter.required and not letter.deferrable and letter.form == F.ORIGINAL
    assert "授权委托书" not in by_name(merge_materials([food]))
    own = item("C", M("委托书及受托人身份证明"))
    assert [m.name for m in merge_materials([own], agent=True)] == ["委托书及受托人身份证明"]
