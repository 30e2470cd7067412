"""Finding case rows by id, by whole case number, or by the end of today's numbers."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, inspect, select
from sqlalchemy.orm import Session

from hall_desk.store.models import CaseRow

# Built once: a bulk path looks a case up by number for every line it moves.
_BY_NUMBER = select(CaseRow).where(CaseRow.case_no == bindparam("number"))
_BY_NUMBERS = select(CaseRow).where(CaseRow.case_no.in_(bindparam("numbers", expanding=True)))
# session.info: the cases read ahead by number in this session, by number (held, so a lookup
# that follows is a dictionary look, not a query; the folds keep the held rows current).
_AHEAD = "cases_by_number"
_CHUNK = 500


def read_ahead(session: Session, numbers: Iterable[str]) -> None:
    """Reads the cases of these whole case numbers in one query, for the lookups of a batch
    (a scanned list, a day's hand-outs) that follow one line at a time."""
    held: dict[str, CaseRow] = session.info.setdefault(_AHEAD, {})
    wanted = [n for n in dict.fromkeys(numbers) if n and n not in held]
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        for row in session.scalars(_BY_NUMBERS, {"numbers": chunk}):
            held[row.case_no] = row


def case_by_id_or_number(session: Session, raw: str, number: str) -> CaseRow | None:
    """`raw` as a case id (a scanned label carries the id), else `number` as a case number.

    A case id is a UUID, never shaped like a case number: given a `number`, the case is looked
    for by it first, and a case number typed or scanned costs one query, not a missed id first."""
    if number:
        held = session.info.get(_AHEAD)
        row = held.get(number) if held else None
        if row is not None and inspect(row).persistent:
            return row
        row = session.scalars(_BY_NUMBER, {"number": number}).first()
        if row is not None:
            return row
    return session.get(CaseRow, raw) if raw else None


def cases_numbered(session: Session, prefix: str, suffix: str, limit: int = 10) -> list[CaseRow]:
    """Cases whose number starts with `prefix` (the day) and ends with `suffix`, in order."""
    return list(
        session.scalars(
            select(CaseRow)
            .where(CaseRow.case_no.startswith(prefix), CaseRow.case_no.endswith(suffix))
            .order_by(CaseRow.case_no)
            .limit(limit)
        )
    )
