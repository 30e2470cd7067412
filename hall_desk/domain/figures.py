"""A figure's value as the reports print it: a ratio as [numerator, denominator], "—" for none.

Pure: no time, no SQL.
"""

from __future__ import annotations

from typing import Any

NOT_COMPUTED = "—"


def ratio(numerator: int, denominator: int) -> list[int]:
    """A ratio as [numerator, denominator]; `ratio_text` prints it."""
    return [int(numerator), int(denominator)]


def ratio_text(value: Any) -> str:
    """ "45/50（90.0%）"; "0/0（—）" when the denominator is 0, never 0% or 100%."""
    numerator, denominator = value
    if not denominator:
        return f"{numerator}/{denominator}（{NOT_COMPUTED}）"
    return f"{numerator}/{denominator}（{numerator * 100 / denominator:.1f}%）"


def value_text(value: Any) -> str:
    if isinstance(value, list):
        return ratio_text(value)
    if value is None:
        return NOT_COMPUTED
    return str(value)
