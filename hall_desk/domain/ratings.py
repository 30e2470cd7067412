"""好差评: the five levels, what can be rated, the channels, the 差评 reasons, and the rates.

Rules (国办发〔2019〕51号 and the hall's practice, see also services/ratings.py):
- every finished service is rated once (一次一评): an intake decision, a 即办 completion, a
  delivery, a consultation. A 未评价 (the screen timed out) closes the record too: the applicant
  is not asked again, and it is never counted as a good rating;
- the bottom two levels are 差评; each opens a 整改 ticket;
- an upheld appeal (申诉成立) takes a 差评 out of the 差评率 and the staff figures, never out of
  the raw counts: both numbers are shown.

Pure rules only: no time, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

# Working days after the rating day within which the staff member rated may appeal.
APPEAL_DAYS = 3
# Working days a 整改 ticket has (差评整改 deadline; a hall setting, this default).
RECTIFY_DAYS = 5
MAX_RECTIFY_DAYS = 30
# The hall settings that hold them (a working-day count; the reasons, one a line).
RECTIFY_SETTING = "rating_rectify_days"
REASONS_SETTING = "rating_bad_reasons"
MIN_PROXY_REASON = 4  # characters of a 窗口代录 reason
MIN_APPEAL_TEXT = 4  # characters of an appeal's reason and a review's note
MAX_REASON_LEN = 40  # one 差评 reason of the list
MAX_REASONS = 20  # entries of the list


class Level(IntEnum):
    VERY_SATISFIED = 5
    SATISFIED = 4
    BASIC = 3
    UNSATISFIED = 2
    VERY_UNSATISFIED = 1

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]

    @property
    def is_bad(self) -> bool:
        """差评: the bottom two levels."""
        return self <= Level.UNSATISFIED

    @property
    def is_satisfied(self) -> bool:
        """满意率 counts the top three levels."""
        return self >= Level.BASIC


LEVEL_LABELS = {
    Level.VERY_SATISFIED: "非常满意",
    Level.SATISFIED: "满意",
    Level.BASIC: "基本满意",
    Level.UNSATISFIED: "不满意",
    Level.VERY_UNSATISFIED: "非常不满意",
}
LEVELS_HIGH_TO_LOW: tuple[Level, ...] = tuple(sorted(Level, reverse=True))


def level_of(value: object) -> Level | None:
    """The level for 1…5 (an int, not a bool), None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    try:
        return Level(value)
    except ValueError:
        return None


class RatedKind(StrEnum):
    INTAKE = "intake"  # an intake decision: 受理 / 容缺受理 / 补正告知 / 不予受理
    IMMEDIATE = "immediate"  # a 即办 completion at the window
    DELIVERY = "delivery"  # 出件
    CONSULTATION = "consultation"  # 咨询

    @property
    def label(self) -> str:
        return RATED_KIND_LABELS[self]


RATED_KIND_LABELS = {
    RatedKind.INTAKE: "受理",
    RatedKind.IMMEDIATE: "即办",
    RatedKind.DELIVERY: "出件",
    RatedKind.CONSULTATION: "咨询",
}


class RatingChannel(StrEnum):
    SCREEN = "screen"
    PROXY = "proxy"
    IMPORTED = "imported"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS = {
    RatingChannel.SCREEN: "评价屏",
    RatingChannel.PROXY: "窗口代录",
    RatingChannel.IMPORTED: "二维码/线上",
}


class RatingState(StrEnum):
    """What a rating row is: given, or the screen timed out; a duplicate lost the race."""

    GIVEN = "given"
    UNRATED = "unrated"

    @property
    def label(self) -> str:
        return "已评价" if self is RatingState.GIVEN else "未评价"


class AppealState(StrEnum):
    NONE = ""
    PENDING = "pending"  # 申诉中, awaiting 复核
    UPHELD = "upheld"  # 申诉成立: out of the 差评率 and the staff figures
    REJECTED = "rejected"  # 申诉不成立

    @property
    def label(self) -> str:
        return {"": "", "pending": "申诉中", "upheld": "申诉成立", "rejected": "申诉不成立"}[
            self.value
        ]


# The versioned default list of 差评 reasons to tick (the hall may set its own list; each rating
# keeps the words it was given, so a later list never changes an old rating).
BAD_REASONS_VERSION = 1
DEFAULT_BAD_REASONS: tuple[str, ...] = (
    "等候时间过长",
    "服务态度不好",
    "业务不熟练",
    "一次性告知不清楚",
    "多次往返仍未办成",
    "办理时间过长",
    "服务效率低",
    "其他",
)

# 整改 on the ticket machinery: which ticket step stands for which 整改 step (documented here so
# the ledger and the workspace say the same thing).
RECTIFY_STEPS = {
    "analysed": "核实（是否属实、合理，是否恶意）",
    "dispatched": "整改（立即整改 / 限期整改 / 解释说明）",
    "progressed": "整改进展",
    "answered": "答复评价人",
    "checked": "回访（实名评价人必回访）",
}


def ratio_text(numerator: int, denominator: int) -> str:
    """ "4.0%（8/200）", or "—" when nothing was counted: the figure never hides its base."""
    if denominator <= 0:
        return "—"
    return f"{100 * numerator / denominator:.1f}%（{numerator}/{denominator}）"


def percent_text(numerator: int, denominator: int) -> str:
    """ "4.0%", or "—" when the denominator is 0."""
    return "—" if denominator <= 0 else f"{100 * numerator / denominator:.1f}%"


@dataclass(frozen=True)
class Rate:
    """A ratio with its numerator and denominator."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return None if self.denominator <= 0 else self.numerator / self.denominator

    @property
    def percent(self) -> str:
        return percent_text(self.numerator, self.denominator)

    @property
    def text(self) -> str:
        return ratio_text(self.numerator, self.denominator)


@dataclass(frozen=True)
class LevelCounts:
    """Ratings given, by level, with the upheld appeals among the 差评."""

    by_level: dict[Level, int]
    upheld: int = 0  # 差评 whose appeal was upheld (still in by_level)

    @property
    def given(self) -> int:
        return sum(self.by_level.values())

    @property
    def bad(self) -> int:
        return sum(n for level, n in self.by_level.items() if level.is_bad)

    @property
    def satisfied(self) -> int:
        return sum(n for level, n in self.by_level.items() if level.is_satisfied)

    @property
    def bad_rate(self) -> Rate:
        """差评率: 差评 / ratings given (raw, every 差评 counted)."""
        return Rate(self.bad, self.given)

    @property
    def satisfied_rate(self) -> Rate:
        """满意率: the top three levels / ratings given."""
        return Rate(self.satisfied, self.given)

    @property
    def bad_rate_after_appeals(self) -> Rate:
        """差评率 with upheld appeals taken out of both the 差评 and the ratings counted."""
        return Rate(self.bad - self.upheld, self.given - self.upheld)

    @property
    def satisfied_rate_after_appeals(self) -> Rate:
        return Rate(self.satisfied, self.given - self.upheld)


def level_counts(counts: dict[int, int], upheld: int = 0) -> LevelCounts:
    """From {level value: count} (missing levels are 0)."""
    return LevelCounts({lv: int(counts.get(int(lv), 0)) for lv in LEVELS_HIGH_TO_LOW}, upheld)
