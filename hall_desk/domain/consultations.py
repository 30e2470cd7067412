"""咨询登记's vocabulary: how a question came in and how it was settled, with their labels."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    ONSITE = "onsite"
    PHONE = "phone"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"onsite": "现场", "phone": "电话", "other": "其他"}[self.value]


class Outcome(StrEnum):
    ANSWERED = "answered"
    GUIDED = "guided"  # sent to window N
    TO_INTAKE = "to_intake"

    @property
    def label(self) -> str:
        return {"answered": "已解答", "guided": "引导至窗口", "to_intake": "转入受理"}[self.value]
