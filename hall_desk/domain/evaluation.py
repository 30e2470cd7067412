"""绩效考评: the versioned scheme, the kinds of evidence, and how a monthly sheet is scored.

A scheme lists items with maxima that add up to its stated total, the points each kind of
evidence is worth and in which item, an optional cap on the total with bonuses, and grade bands.
A sheet is scored as: each item starts at its maximum, its deduction lines are added and the
result floors at 0 (never above the maximum); bonus lines (加分) are then added on top, and the
total is capped by `bonus_cap` when the scheme has one. Workload is scored from the month's
work: the item's maximum × min(1, count / target), rounded; a target of 0 gives full points.
Points are whole numbers throughout.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from hall_desk.domain.errors import ValidationError

BONUS_ITEM = "加分"
MAX_ITEM_NAME = 20
RESPOND_WORKING_DAYS = 3  # a staff member confirms or objects within this many working days
STANDOUT_SHARE = 0.2  # the top 20% are eligible for 服务标兵
MIN_REASON = 4


class EvidenceKind(StrEnum):
    WORKLOAD = "workload"
    COMPLAINT = "complaint"  # a substantiated complaint naming the person
    RATING_UPHELD = "rating_upheld"  # a 差评 of the person not taken out by an upheld appeal
    OVERDUE_CASE = "overdue_case"  # a case of theirs closed past its promised deadline
    FINDING_MINOR = "finding_minor"
    FINDING_MAJOR = "finding_major"
    FINDING_SERIOUS = "finding_serious"
    PRAISE = "praise"  # a 表扬 naming the person
    MEETING_ABSENT = "meeting_absent"  # absent from a meeting without leave
    MEETING_LATE = "meeting_late"
    MANUAL = "manual"  # a lead's adjustment with a written reason

    @property
    def label(self) -> str:
        return EVIDENCE_LABELS[self]


EVIDENCE_LABELS = {
    EvidenceKind.WORKLOAD: "业务办理量",
    EvidenceKind.COMPLAINT: "投诉属实",
    EvidenceKind.RATING_UPHELD: "差评经复核维持",
    EvidenceKind.OVERDUE_CASE: "办件超期办结",
    EvidenceKind.FINDING_MINOR: "巡查问题（一般）",
    EvidenceKind.FINDING_MAJOR: "巡查问题（较重）",
    EvidenceKind.FINDING_SERIOUS: "巡查问题（严重）",
    EvidenceKind.PRAISE: "表扬",
    EvidenceKind.MEETING_ABSENT: "会议缺席",
    EvidenceKind.MEETING_LATE: "会议迟到",
    EvidenceKind.MANUAL: "人工调整",
}


class SheetState(StrEnum):
    DRAFT = "draft"
    CHECKED = "checked"  # 审核: the lead has gone through it
    PUBLISHED = "published"
    CONFIRMED = "confirmed"
    OBJECTED = "objected"

    @property
    def label(self) -> str:
        return {
            "draft": "草稿",
            "checked": "已审核",
            "published": "已发布待确认",
            "confirmed": "本人已确认",
            "objected": "本人有异议",
        }[self.value]

    @property
    def is_published(self) -> bool:
        return self in (SheetState.PUBLISHED, SheetState.CONFIRMED, SheetState.OBJECTED)


@dataclass(frozen=True)
class SchemeItem:
    name: str
    maximum: int


@dataclass(frozen=True)
class Rule:
    item: str  # a scheme item's name, or BONUS_ITEM
    points: int  # negative: a deduction; positive: a bonus (only in BONUS_ITEM)


@dataclass(frozen=True)
class Scheme:
    version: int
    total: int
    items: tuple[SchemeItem, ...]
    rules: Mapping[EvidenceKind, Rule]
    workload_item: str
    workload_target: int  # cases + consultations + deliveries + folders a month for full points
    bonus_cap: int | None  # the highest total with bonuses (e.g. 110); None: no cap
    grades: tuple[tuple[int, str], ...]  # (lowest total, grade), highest band first

    def item(self, name: str) -> SchemeItem | None:
        return next((i for i in self.items if i.name == name), None)

    def grade(self, total: int) -> str:
        for lowest, name in self.grades:
            if total >= lowest:
                return name
        return self.grades[-1][1]

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "items": [[i.name, i.maximum] for i in self.items],
            "rules": {k.value: [r.item, r.points] for k, r in self.rules.items()},
            "workload_item": self.workload_item,
            "workload_target": self.workload_target,
            "bonus_cap": self.bonus_cap,
            "grades": [[lowest, name] for lowest, name in self.grades],
        }

    @staticmethod
    def from_json(version: int, body: Mapping[str, Any]) -> Scheme:
        return Scheme(
            version=version,
            total=int(body["total"]),
            items=tuple(SchemeItem(str(n), int(m)) for n, m in body["items"]),
            rules={
                EvidenceKind(k): Rule(str(item), int(points))
                for k, (item, points) in body["rules"].items()
            },
            workload_item=str(body["workload_item"]),
            workload_target=int(body["workload_target"]),
            bonus_cap=None if body.get("bonus_cap") is None else int(body["bonus_cap"]),
            grades=tuple((int(lowest), str(name)) for lowest, name in body["grades"]),
        )


DEFAULT_SCHEME = Scheme(
    version=1,
    total=100,
    items=(
        SchemeItem("工作态度", 20),
        SchemeItem("执行纪律", 25),
        SchemeItem("行为规范", 20),
        SchemeItem("业务办理量", 20),
        SchemeItem("投诉情况", 15),
    ),
    rules={
        EvidenceKind.COMPLAINT: Rule("投诉情况", -5),
        EvidenceKind.RATING_UPHELD: Rule("投诉情况", -5),
        EvidenceKind.OVERDUE_CASE: Rule("执行纪律", -5),
        EvidenceKind.FINDING_MINOR: Rule("行为规范", -2),
        EvidenceKind.FINDING_MAJOR: Rule("行为规范", -5),
        EvidenceKind.FINDING_SERIOUS: Rule("行为规范", -15),
        EvidenceKind.MEETING_ABSENT: Rule("执行纪律", -2),
        EvidenceKind.MEETING_LATE: Rule("执行纪律", -1),
        EvidenceKind.PRAISE: Rule(BONUS_ITEM, 3),
    },
    workload_item="业务办理量",
    workload_target=0,
    bonus_cap=110,
    grades=((80, "合格"), (60, "基本合格"), (0, "不合格")),
)


def check_scheme(scheme: Scheme) -> None:
    """Raises ValidationError unless the scheme can score a month."""
    if not scheme.items:
        raise ValidationError("items", "考评方案至少要有一个考评项目")
    names = [i.name for i in scheme.items]
    if len(set(names)) != len(names):
        raise ValidationError("items", "考评项目名称不能重复")
    for item in scheme.items:
        if not item.name or len(item.name) > MAX_ITEM_NAME or item.name == BONUS_ITEM:
            raise ValidationError(
                "items", f"考评项目名称应为 1–{MAX_ITEM_NAME} 字，且不能叫「加分」"
            )
        if item.maximum <= 0:
            raise ValidationError("items", f"考评项目「{item.name}」的满分应大于 0")
    added = sum(i.maximum for i in scheme.items)
    if added != scheme.total:
        raise ValidationError(
            "total", f"各考评项目满分之和为 {added}，与方案总分 {scheme.total} 不符"
        )
    if scheme.item(scheme.workload_item) is None:
        raise ValidationError(
            "workload_item", f"业务办理量项目「{scheme.workload_item}」不在方案中"
        )
    if scheme.workload_target < 0:
        raise ValidationError("workload_target", "业务办理量目标不能为负数")
    for kind, rule in scheme.rules.items():
        if kind in (EvidenceKind.WORKLOAD, EvidenceKind.MANUAL):
            raise ValidationError("rules", f"「{kind.label}」不按条计分")
        if rule.item == BONUS_ITEM:
            if rule.points <= 0:
                raise ValidationError("rules", f"「{kind.label}」记入加分，分值应为正数")
        elif scheme.item(rule.item) is None:
            raise ValidationError("rules", f"「{kind.label}」记入的项目「{rule.item}」不在方案中")
        elif rule.points >= 0:
            raise ValidationError("rules", f"「{kind.label}」记入「{rule.item}」，应为扣分（负数）")
    if scheme.bonus_cap is not None and scheme.bonus_cap < scheme.total:
        raise ValidationError("bonus_cap", f"加分后的封顶分不能低于总分 {scheme.total}")
    lows = [lowest for lowest, _ in scheme.grades]
    if not scheme.grades or lows != sorted(lows, reverse=True) or len(set(lows)) != len(lows):
        raise ValidationError("grades", "等次应从高到低排列，每档的最低分各不相同")
    if lows[-1] != 0:
        raise ValidationError("grades", "最低一档等次应从 0 分起")


@dataclass(frozen=True)
class Line:
    """One line of a sheet: which item, what it rests on, how many points."""

    item: str
    kind: EvidenceKind
    ref: str  # the evidence's id (case, ticket, finding, meeting…); "" for workload or manual
    points: int
    text: str = ""


@dataclass(frozen=True)
class ItemScore:
    name: str
    maximum: int
    raw: int  # maximum + the item's lines, before the floor
    score: int


@dataclass(frozen=True)
class SheetScore:
    items: tuple[ItemScore, ...]
    bonus: int
    total: int
    grade: str
    lines: tuple[Line, ...] = field(default=())


def workload_points(scheme: Scheme, count: int) -> int:
    """Points of the workload item for `count` pieces of work in the month."""
    item = scheme.item(scheme.workload_item)
    assert item is not None
    if scheme.workload_target <= 0:
        return item.maximum
    return round(item.maximum * min(1.0, count / scheme.workload_target))


def score(scheme: Scheme, lines: Sequence[Line]) -> SheetScore:
    """The sheet's items, bonus, total and grade from its lines (see the module's rule)."""
    items = []
    for item in scheme.items:
        raw = item.maximum + sum(line.points for line in lines if line.item == item.name)
        items.append(ItemScore(item.name, item.maximum, raw, max(0, min(item.maximum, raw))))
    bonus = sum(line.points for line in lines if line.item == BONUS_ITEM)
    total = sum(i.score for i in items) + bonus
    if scheme.bonus_cap is not None:
        total = min(total, scheme.bonus_cap)
    total = max(total, 0)
    return SheetScore(tuple(items), bonus, total, scheme.grade(total), tuple(lines))


def check_line(scheme: Scheme, lines: Sequence[Line], new: Line) -> None:
    """Refuses a line the sheet cannot take: an unknown item, points that would lift an item
    above its maximum, evidence already counted in that item."""
    if new.item != BONUS_ITEM and scheme.item(new.item) is None:
        raise ValidationError(
            "item", f"考评项目「{new.item}」不在本月所用方案（第 {scheme.version} 版）中"
        )
    if new.points == 0:
        raise ValidationError("points", "调整分值不能为 0")
    if new.item == BONUS_ITEM and new.points < 0:
        raise ValidationError("points", "加分项只能加分；扣分请记入相应的考评项目")
    if new.ref and any(line.item == new.item and line.ref == new.ref for line in lines):
        raise ValidationError("evidence", f"这条依据已计入「{new.item}」，同一依据不能重复计分")
    if new.item != BONUS_ITEM:
        item = scheme.item(new.item)
        assert item is not None
        raw = (
            item.maximum + sum(line.points for line in lines if line.item == new.item) + new.points
        )
        if raw > item.maximum:
            raise ValidationError(
                "points",
                f"「{new.item}」满分 {item.maximum} 分：加上这次调整将达 {raw} 分，超过满分",
            )


def ranks(totals: Mapping[str, int]) -> dict[str, int]:
    """1 for the highest total; equal totals share a rank (1, 2, 2, 4)."""
    ordered = sorted(totals.values(), reverse=True)
    return {who: ordered.index(total) + 1 for who, total in totals.items()}


def standouts(totals: Mapping[str, int]) -> set[str]:
    """Eligible for 服务标兵: the top STANDOUT_SHARE of the staff by rank (at least one)."""
    if not totals:
        return set()
    places = max(1, math.floor(len(totals) * STANDOUT_SHARE))
    by_rank = ranks(totals)
    return {who for who, rank in by_rank.items() if rank <= places}


def bottom_streak(months: Iterable[Mapping[str, int]], who: str) -> int:
    """Consecutive months, newest first, in which `who` had the lowest total of the hall."""
    streak = 0
    for totals in months:
        if who not in totals or totals[who] != min(totals.values()):
            break
        streak += 1
    return streak
