"""好差评 vocabulary and rates: the five levels, 差评 and 满意, ratios with their base."""

from __future__ import annotations

from hall_desk.domain.ratings import (
    DEFAULT_BAD_REASONS,
    Level,
    RatedKind,
    RatingChannel,
    level_counts,
    level_of,
    ratio_text,
)


def test_the_five_levels_and_which_are_bad_or_satisfied():
    assert [lv.label for lv in sorted(Level, reverse=True)] == [
        "非常满意",
        "满意",
        "基本满意",
        "不满意",
        "非常不满意",
    ]
    assert [lv for lv in Level if lv.is_bad] == [Level.UNSATISFIED, Level.VERY_UNSATISFIED]
    assert {lv for lv in Level if lv.is_satisfied} == {
        Level.VERY_SATISFIED,
        Level.SATISFIED,
        Level.BASIC,
    }


def test_a_level_is_one_to_five_and_nothing_else():
    assert [level_of(n) for n in (1, 5)] == [Level.VERY_UNSATISFIED, Level.VERY_SATISFIED]
    assert [level_of(v) for v in (0, 6, True, "5", 4.0, None)] == [None] * 6


def test_the_issues_example():
    counts = level_counts({5: 150, 4: 30, 3: 12, 2: 5, 1: 3})
    assert (counts.given, counts.bad, counts.satisfied) == (200, 8, 192)
    assert counts.bad_rate.text == "4.0%（8/200）"
    assert counts.satisfied_rate.text == "96.0%（192/200）"
    assert counts.bad_rate.percent == "4.0%"


def test_upheld_appeals_leave_the_rate_not_the_counts():
    counts = level_counts({5: 18, 1: 2}, upheld=1)
    assert (counts.given, counts.bad) == (20, 2)
    assert counts.bad_rate.text == "10.0%（2/20）"
    assert counts.bad_rate_after_appeals.text == "5.3%（1/19）"
    assert counts.satisfied_rate_after_appeals.text == "94.7%（18/19）"


def test_no_denominator_is_a_dash():
    assert ratio_text(0, 0) == "—"
    empty = level_counts({})
    assert empty.bad_rate.text == "—" and empty.bad_rate.value is None
    assert level_counts({1: 1}, upheld=1).bad_rate_after_appeals.text == "—"


def test_labels_of_kinds_channels_and_the_default_reasons():
    assert [k.label for k in RatedKind] == ["受理", "即办", "出件", "咨询"]
    assert [c.label for c in RatingChannel] == ["评价屏", "窗口代录", "二维码/线上"]
    assert (
        len(DEFAULT_BAD_REASONS) == len(set(DEFAULT_BAD_REASONS)) and "其他" in DEFAULT_BAD_REASONS
    )
