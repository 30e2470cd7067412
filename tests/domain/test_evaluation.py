"""The evaluation's pure rules: scoring with floor and cap, ranks, 服务标兵, the bottom streak."""

from __future__ import annotations

import pytest

from hall_desk.domain.errors import ValidationError
from hall_desk.domain.evaluation import (
    BONUS_ITEM,
    DEFAULT_SCHEME,
    EvidenceKind,
    Line,
    Scheme,
    bottom_streak,
    check_line,
    check_scheme,
    ranks,
    score,
    standouts,
    workload_points,
)

K = EvidenceKind


def test_the_default_scheme_is_the_contracts_five_items_out_of_100() -> None:
    check_scheme(DEFAULT_SCHEME)
    assert [(i.name, i.maximum) for i in DEFAULT_SCHEME.items] == [
        ("工作态度", 20),
        ("执行纪律", 25),
        ("行为规范", 20),
        ("业务办理量", 20),
        ("投诉情况", 15),
    ]
    again = Scheme.from_json(1, DEFAULT_SCHEME.to_json())
    assert again == DEFAULT_SCHEME


def test_bonuses_are_capped_and_items_floor_at_zero() -> None:
    lines = [Line(BONUS_ITEM, K.PRAISE, str(n), 3) for n in range(5)]  # +15
    assert score(DEFAULT_SCHEME, lines).total == 110  # the cap, not 115
    lines = [Line("行为规范", K.FINDING_SERIOUS, str(n), -15) for n in range(3)]
    scored = score(DEFAULT_SCHEME, lines)
    assert [i.score for i in scored.items if i.name == "行为规范"] == [0]
    assert scored.total == 80 and scored.grade == "合格"
    assert score(DEFAULT_SCHEME, [Line("投诉情况", K.COMPLAINT, "x", -15), *lines]).grade == (
        "基本合格"
    )


def test_workload_is_scored_against_the_target() -> None:
    body = DEFAULT_SCHEME.to_json() | {"workload_target": 200}
    scheme = Scheme.from_json(2, body)
    assert [workload_points(scheme, n) for n in (0, 50, 199, 200, 400)] == [0, 5, 20, 20, 20]
    assert workload_points(DEFAULT_SCHEME, 0) == 20  # no target: full points


def test_a_line_is_refused_above_the_maximum_twice_or_in_the_bonus_as_a_deduction() -> None:
    taken = [Line("投诉情况", K.COMPLAINT, "t1", -5)]
    check_line(DEFAULT_SCHEME, taken, Line("投诉情况", K.MANUAL, "", 5, "撤销"))
    with pytest.raises(ValidationError, match="超过满分"):
        check_line(DEFAULT_SCHEME, taken, Line("投诉情况", K.MANUAL, "", 6, "多加"))
    with pytest.raises(ValidationError, match="同一依据不能重复计分"):
        check_line(DEFAULT_SCHEME, taken, Line("投诉情况", K.MANUAL, "t1", -5, "再扣"))
    with pytest.raises(ValidationError, match="加分项只能加分"):
        check_line(DEFAULT_SCHEME, taken, Line(BONUS_ITEM, K.MANUAL, "", -1, "扣"))
    with pytest.raises(ValidationError, match="不在本月所用方案"):
        check_line(DEFAULT_SCHEME, taken, Line("考勤", K.MANUAL, "", -1, "扣"))


def test_a_scheme_is_refused_when_its_rules_do_not_fit_its_items() -> None:
    body = DEFAULT_SCHEME.to_json()
    with pytest.raises(ValidationError, match="应为扣分"):
        check_scheme(Scheme.from_json(2, body | {"rules": {"complaint": ["投诉情况", 5]}}))
    with pytest.raises(ValidationError, match="不在方案中"):
        check_scheme(Scheme.from_json(2, body | {"rules": {"complaint": ["考勤", -5]}}))
    with pytest.raises(ValidationError, match="封顶分不能低于总分"):
        check_scheme(Scheme.from_json(2, body | {"bonus_cap": 90}))
    with pytest.raises(ValidationError, match="最低一档"):
        check_scheme(Scheme.from_json(2, body | {"grades": [[80, "合格"], [60, "基本合格"]]}))


def test_ranks_share_places_the_top_fifth_stand_out_and_the_bottom_streak_counts() -> None:
    totals = {
        "a": 98,
        "b": 95,
        "c": 95,
        "d": 80,
        "e": 70,
        "f": 60,
        "g": 60,
        "h": 59,
        "i": 50,
        "j": 40,
    }
    assert ranks(totals) == {
        "a": 1, "b": 2, "c": 2, "d": 4, "e": 5, "f": 6, "g": 6, "h": 8, "i": 9, "j": 10
    }  # fmt: skip
    assert standouts(totals) == {"a", "b", "c"}  # two places for ten; a tie shares the second
    months = [{"x": 70, "y": 90}, {"x": 60, "y": 95}, {"x": 99, "y": 80}]  # newest first
    assert bottom_streak(months, "x") == 2 and bottom_streak(months, "y") == 0
