"""受理编号: the case-number pattern, and reading one as a scanner or a clerk types it.

A case number is `YYYYMMDD-<workstation>-<sequence>` (20261124-W01-0001). Scanners and input
methods in full-width mode type `２０２６１１２４－Ｗ０１－０００１`, and dashes come in several
shapes (－ — – ‐ …): every entry point reads them through `normalise`. Within a day a clerk
may type only the end: `0034` (today's case whose sequence is 0034) or `W01-0034`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

CASE_NO = re.compile(r"^\d{8}-[A-Z0-9]{1,8}-\d{4,}$")
_SEQUENCE = re.compile(r"^\d{4,}$")
_STATION_SEQUENCE = re.compile(r"^[A-Z0-9]{1,8}-\d{4,}$")
EXAMPLE = "20261124-W01-0001"

# Every dash a keyboard, an input method or a scanner profile produces for "-".
_DASHES = dict.fromkeys(
    map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u30fc\ufe58\ufe63\uff0d\uff70"),
    "-",
)


def normalise(text: str) -> str:
    """Half-width, upper case, one kind of dash, no spaces: the form case numbers are stored in."""
    folded = unicodedata.normalize("NFKC", text).translate(_DASHES)
    return "".join(folded.split()).upper()


@dataclass(frozen=True)
class CaseRef:
    """What a typed reference asks for: an exact number, or today's numbers ending so."""

    text: str  # normalised
    exact: str = ""  # a whole case number
    suffix: str = ""  # "-0034": today's cases ending with it
    prefix: str = ""  # "20261124-": the day the suffix is looked for in

    @property
    def is_case_no(self) -> bool:
        return bool(self.exact or self.suffix)


def is_partial(number: str) -> bool:
    """A normalised `0034` or `W01-0034`: the end of one of today's numbers. Longer digit runs
    are left to phone numbers; a sequence has 4 to 6 digits."""
    if _STATION_SEQUENCE.match(number):
        return True
    return bool(_SEQUENCE.match(number)) and len(number) <= 6


def parse(text: str, today: date) -> CaseRef:
    """`20261124-W01-0034` is exact; `W01-0034` means today's case at W01; `0034` today's case
    with that sequence at any workstation (which may be several: the caller refuses those)."""
    number = normalise(text)
    day = f"{today:%Y%m%d}-"
    if CASE_NO.match(number):
        return CaseRef(number, exact=number)
    if _STATION_SEQUENCE.match(number):
        return CaseRef(number, exact=day + number)
    if _SEQUENCE.match(number):
        return CaseRef(number, suffix="-" + number, prefix=day)
    return CaseRef(number)
