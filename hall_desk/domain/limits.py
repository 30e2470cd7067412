"""The hall's rule constants: periods, minimum reasons and the lengths of names and notes."""

from __future__ import annotations

SUPPLEMENT_DAYS = 5  # default 补正 period in working days, when the clerk sets none
MIN_REASON = 4  # characters of a refusal, denial, return or 容缺 commitment
MAX_NAME = 32  # a giver's, receiver's or proxy's name
MAX_NOTE = 500  # a note or a reason
