"""The plain characters (domain/text.py PLAIN_CHARS) pass every text check there is."""

from __future__ import annotations

import re

from hall_desk.domain.text import PLAIN_CHARS, _problem_char, find_never_stored, stored_text_problem

PLAIN = re.compile(f"[{PLAIN_CHARS}]")


def test_every_plain_character_passes_every_text_check() -> None:
    plain = [chr(c) for c in range(0x110000) if PLAIN.fullmatch(chr(c))]
    assert len(plain) > 27_000  # the CJK ideographs and their punctuation are in
    refused = [
        f"U+{ord(ch):04X}"
        for ch in plain
        if _problem_char(ch, allow_newlines=False) is not None
        or find_never_stored(ch)
        or stored_text_problem(ch, max_len=1)
    ]
    assert refused == []


def test_what_a_text_check_refuses_is_not_plain() -> None:
    for ch in ["\\", "\n", "\t", "\x00", "\x7f", "\x85", "\u202e", "\u2066", "\u00ad", "\u3004"]:
        assert not PLAIN.fullmatch(ch), f"U+{ord(ch):04X}"
    assert not PLAIN.fullmatch("\U0001f600")  # an emoji
