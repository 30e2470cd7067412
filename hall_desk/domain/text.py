"""Free text typed by a clerk: names and notes, refused when they cannot be printed or filed."""

from __future__ import annotations

import re
import unicodedata

from hall_desk.domain.errors import ValidationError
from hall_desk.domain.limits import MAX_ADDRESS

# Names: Chinese, Latin letters, the middle dot of minority and foreign names (巴特尔·其其格),
# and for organisations digits, brackets and a few separators (科左中旗海龙餐饮店（个体）).
PERSON_NAME = re.compile(r"^[\u3400-\u9fff\uf900-\ufaffA-Za-z·•．. ]+$")
ORG_NAME = re.compile(r"^[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9·•．.()（）&＆、\-— ]+$")


def _problem_char(text: str, allow_newlines: bool) -> str | None:
    for ch in text:
        if ch in "\n\r\t":
            if allow_newlines:
                continue
            return ch
        category = unicodedata.category(ch)
        # Cc/Cf control, Co private use, Cs surrogates, So symbols (emoji…): not printable on
        # an official notice and not searchable; refuse them instead of storing them.
        if category in ("Cc", "Cf", "Co", "Cs", "Cn") or category == "So" or ord(ch) > 0xFFFF:
            return ch
    return None


def _show(ch: str) -> str:
    return f"U+{ord(ch):04X}" if unicodedata.category(ch).startswith("C") else ch


def clean_text(raw: str, field: str, label: str, *, max_len: int, multiline: bool = False) -> str:
    """Trimmed text, or a ValidationError that names the field and the bad character."""
    # Far over the limit is refused before normalising: a pasted 10 MB blob costs nothing.
    if len(raw) > 4 * max_len + 1024:
        raise ValidationError(field, f"{label}过长：最多 {max_len} 字，当前 {len(raw)} 字")
    text = unicodedata.normalize("NFC", raw).strip()
    if not multiline:
        text = " ".join(text.split())
    if len(text) > max_len:
        raise ValidationError(field, f"{label}过长：最多 {max_len} 字，当前 {len(text)} 字")
    bad = _problem_char(text, multiline)
    if bad is not None:
        raise ValidationError(
            field, f"{label}含有不能使用的字符「{_show(bad)}」（如表情符号、控制字符）"
        )
    return text


def clean_name(raw: str, field: str, label: str, *, organisation: bool = False) -> str:
    max_len = 100 if organisation else 50
    text = clean_text(raw, field, label, max_len=max_len)
    pattern = ORG_NAME if organisation else PERSON_NAME
    if text and not pattern.match(text):
        bad = next((ch for ch in text if not pattern.match(ch)), "?")
        raise ValidationError(field, f"{label}含有不能使用的字符「{_show(bad)}」")
    return text


# Limits of the hall's own names: they print in every notice's heading and footer.
HALL_NAME_MAX = 60
WINDOW_NAME_MAX = 30
PRINTER_NAME_MAX = 120


def clean_hall_name(raw: str) -> str:
    text = clean_text(raw, "hall", "政务服务中心名称", max_len=HALL_NAME_MAX)
    if not text:
        raise ValidationError("hall", "请填写政务服务中心名称")
    return text


# The hall's 咨询电话: one or more numbers (0475-1234567、12345), as the hall publishes them.
CONTACT_PHONE = re.compile(r"^[0-9０-９()（）+\-—－ 、,，/转]+$")
CONTACT_PHONE_MAX = 60
HALL_ADDRESS_MAX = MAX_ADDRESS
CONTACT_PHONE_HINT = "咨询电话只能包含数字、区号连字符、括号和分隔号，如 0475-1234567、12345"


def contact_phone_problem(phone: str) -> str:
    """Why a (cleaned) 咨询电话 is not a number a caller could dial; "" when fine or empty. The
    settings service and a pulled event check the same thing."""
    if phone and (not CONTACT_PHONE.match(phone) or sum(c.isdigit() for c in phone) < 5):
        return CONTACT_PHONE_HINT
    return ""


def clean_contact_phone(raw: str) -> str:
    phone = clean_text(raw, "contact_phone", "咨询电话", max_len=CONTACT_PHONE_MAX)
    problem = contact_phone_problem(phone)
    if problem:
        raise ValidationError("contact_phone", problem)
    return phone


def clean_hall_address(raw: str) -> str:
    return clean_text(raw, "hall_address", "大厅地址", max_len=HALL_ADDRESS_MAX)


def clean_window_name(raw: str) -> str:
    return clean_text(raw, "window", "窗口名称", max_len=WINDOW_NAME_MAX)


def clean_query(raw: str, *, max_len: int) -> str | None:
    """What was typed into a search box, trimmed; None when it is longer than `max_len`, so the
    search finds nothing at once. Searches write nothing, so other characters may stay."""
    if len(raw) > 4 * max_len + 1024:
        return None
    text = unicodedata.normalize("NFC", raw).strip()
    return text if len(text) <= max_len else None


# Never part of anything typed: C0/C1 controls other than tab and line breaks, and the bidi
# overrides and isolates that make a line read differently from what is stored.
_NEVER_STORED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# The first character of a text never part of anything typed (a match, or None): the whole of
# what `stored_text_problem(text)` without a limit looks for, as the bare search, for the quick
# checks of a first pull, which ask it of every text of every event.
find_never_stored = _NEVER_STORED.search

# Characters every text check here accepts, as the inside of a regular-expression class: ASCII
# that prints, Latin-1 letters, the CJK ideographs and the punctuation Chinese text uses (each
# one proved in tests/domain/test_text.py). A text made only of these passes `_problem_char` and
# holds nothing never stored, whatever its length: a first pull checks every text of every event,
# and one search of a payload's JSON for anything outside this class spares it the look at each.
# The backslash is left out, so that in JSON text the class rules out every escape as well.
PLAIN_CHARS = (
    r"\x20-\x5b\x5d-\x7e\u00b7\u00c0-\u00ff\u2014\u2018-\u201f\u2022\u2026"
    r"\u3000-\u3003\u3005-\u3011\u3014-\u301f\u3021-\u3035\u3038-\u303d"
    r"\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff65\u2160-\u217f\u2460-\u249b"
)


def stored_text_problem(text: str, max_len: int = 0) -> str:
    """Why text that arrived from elsewhere (a pulled event) could not have been typed here:
    over `max_len` (when given) or holding a character the text check refuses; "" when fine."""
    if max_len and len(text) > max_len:
        return f"过长（{len(text)} 字，最多 {max_len} 字）"
    bad = _problem_char(text, allow_newlines=True) if max_len else None
    if bad is None:
        found = _NEVER_STORED.search(text)
        bad = found.group() if found else None
    return f"含有不能使用的字符「{_show(bad)}」" if bad is not None else ""
