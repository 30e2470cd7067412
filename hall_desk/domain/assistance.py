"""帮您办 / 绿色通道: who needs help, how they are served, and when to suggest it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from hall_desk.domain.errors import ValidationError

ELDERLY_AGE = 60


class AssistanceFlag(StrEnum):
    ELDERLY = "elderly"
    DISABLED = "disabled"
    PREGNANT = "pregnant"
    ILL = "ill"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "elderly": "老年人",
            "disabled": "残疾人",
            "pregnant": "孕妇",
            "ill": "伤病/行动不便",
            "other": "其他特殊群体",
        }[self.value]


class ServiceMode(StrEnum):
    FULL = "full"
    GUIDE = "guide"
    PROXY = "proxy"
    HOME = "home"

    @property
    def label(self) -> str:
        return {"full": "全程帮办", "guide": "导办", "proxy": "代办", "home": "上门服务"}[
            self.value
        ]


@dataclass(frozen=True)
class Assistance:
    flags: frozenset[AssistanceFlag]
    mode: ServiceMode = ServiceMode.FULL
    helper: str = ""

    def __post_init__(self) -> None:
        if not self.flags:
            raise ValidationError("assistance", "绿色通道须至少选择一类帮办对象")

    @property
    def label(self) -> str:
        kinds = "、".join(f.label for f in AssistanceFlag if f in self.flags)
        return f"帮您办（{kinds}·{self.mode.label}）"

    def encode_flags(self) -> str:
        return ",".join(f.value for f in AssistanceFlag if f in self.flags)


def suggest(birth_date: date | None, today: date) -> frozenset[AssistanceFlag]:
    """What the ID number alone tells: 60 or older suggests the elderly green channel."""
    if birth_date is None:
        return frozenset()
    age = (
        today.year
        - birth_date.year
        - ((today.month, today.day) < (birth_date.month, birth_date.day))
    )
    return frozenset({AssistanceFlag.ELDERLY}) if age >= ELDERLY_AGE else frozenset()
