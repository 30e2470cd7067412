"""A pulled payload's JSON text parsed by orjson, which reads it three times faster than json.loads.

A first pull parses every payload of the hall: json.loads took ~6 µs of a ~1,000-character
payload, orjson takes a third of that. Where the two could answer differently, `quick_loads`
declines (ValueError) and the caller asks json.loads, as before; in the one case where orjson
answers otherwise without a word, the caller must not keep its answer:

- what orjson refuses and json.loads may accept (NaN and Infinity, a number too large for a
  float, a lone surrogate in a \\u escape) goes to json.loads;
- nesting: json.loads refuses a text nested deeper than the interpreter's recursion limit
  (RecursionError, refused as bad JSON by the callers), orjson at 1,024 levels (and before
  3.9.15 not at all: a text nested a million deep crashed the process). A text that may nest
  deeper than MAX_DEPTH (longer than 2 × MAX_DEPTH characters with more than MAX_DEPTH opening
  brackets) goes to json.loads, so both refuse the same texts;
- integers beyond 64 bits: orjson reads them as floats where json.loads keeps the integer,
  and says nothing. So its parse is no stand-in for json.loads on its own: the one caller,
  `event_kinds.checked_payload`, keeps it only for a payload that the strict check of a known
  kind accepts, which lets no float through (payloads hold text, integers and booleans under
  known keys), and parses any other with json.loads.

Everything else (duplicate keys: the last wins, in the first one's place; floats; escapes;
whitespace; control characters) is read alike: tests/store/test_payload_json.py holds the cases.
"""

from __future__ import annotations

from typing import Any

import orjson

MAX_DEPTH = 256  # far beyond any payload's own nesting (a case's materials: 3 levels)
_SHORT = 2 * MAX_DEPTH  # no text this short nests deeper than MAX_DEPTH


def quick_loads(text: str) -> Any:
    """orjson's parse of `text`, or ValueError where json.loads must answer instead."""
    if type(text) is not str:
        raise ValueError("not text")
    if len(text) > _SHORT and text.count("[") + text.count("{") > MAX_DEPTH:
        raise ValueError("may nest deeper than MAX_DEPTH")
    return orjson.loads(text)  # orjson.JSONDecodeError is a ValueError
