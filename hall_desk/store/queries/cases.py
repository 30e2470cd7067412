"""Finding case rows by id, by whole case number, or by the end of today's numbers."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_desk.store.models import CaseRow


def case_by_id_or_number(session: Session, raw: str, number: str) -> CaseRow | None:
    """`raw` as a case id (a scanned label carries the id), else `number` as a case number."""
    row = session.get(CaseRow, raw) if raw else None
    if row is not None or not number:
        return row
    return session.scalars(select(CaseRow).where(CaseRow.case_no == number)).first()


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
