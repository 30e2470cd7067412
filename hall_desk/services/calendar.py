"""The hall's working calendar: overrides (holidays, closures, adjusted days) and due dates."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from hall_desk.domain.calendar import DayOverride, DueDate, LimitUnit
from hall_desk.domain.errors import ValidationError
from hall_desk.domain.limits import MAX_SHORT_NOTE
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.text import clean_text
from hall_desk.services.workstation import Tx, Workstation
from hall_desk.store.models import CalendarOverrideRow, CalendarYearRow

KINDS = {"holiday": "休息日", "workday": "工作日"}


def _parse_day(text: str, field: str = "day") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(field, f"日期「{text}」格式应为 YYYY-MM-DD") from None


def _note(note: str) -> str:
    return clean_text(note, "note", "备注", max_len=MAX_SHORT_NOTE)


def _set(tx: Tx, day: date, kind: str, note: str) -> None:
    if kind not in KINDS:
        raise ValidationError("kind", "类型应为 holiday（休息日）或 workday（工作日）")
    tx.emit(
        "calendar.override_set",
        "calendar_day",
        day.isoformat(),
        {"kind": kind, "note": _note(note)},
    )


def set_override(ws: Workstation, actor: Actor, day: date, kind: str, note: str = "") -> None:
    actor.require(Permission.MANAGE_CALENDAR)
    note = _note(note)
    with ws.transaction(actor) as tx:
        _set(tx, day, kind, note)
        tx.audit("calendar.override_set", day.isoformat(), {"kind": kind, "note": note})


def remove_override(ws: Workstation, actor: Actor, day: date) -> None:
    actor.require(Permission.MANAGE_CALENDAR)
    with ws.transaction(actor) as tx:
        if tx.session.get(CalendarOverrideRow, day) is None:
            raise ValidationError("day", f"{day.isoformat()} 没有设置过例外日")
        tx.emit("calendar.override_removed", "calendar_day", day.isoformat(), {})
        tx.audit("calendar.override_removed", day.isoformat())


def set_year_covered(
    ws: Workstation, actor: Actor, year: int, covered: bool, note: str = ""
) -> None:
    """Declare that a year's full official schedule is entered (its due dates stop being 估算)."""
    actor.require(Permission.MANAGE_CALENDAR)
    if not 2000 <= year <= 2100:
        raise ValidationError("year", f"年份 {year} 不合理")
    note = _note(note)
    with ws.transaction(actor) as tx:
        kind = "calendar.year_covered" if covered else "calendar.year_uncovered"
        tx.emit(kind, "calendar_year", str(year), {"note": note})
        tx.audit(kind, str(year))


def seed_overrides(ws: Workstation, actor: Actor, rows: list[dict[str, str]]) -> int:
    """Rows of (day, kind, note); kind 'year' declares the year of `day` fully covered."""
    actor.require(Permission.MANAGE_CALENDAR)
    if not rows:
        return 0
    with ws.transaction(actor) as tx:
        for row in rows:
            day = _parse_day(row["day"])
            if row["kind"] == "year":
                tx.emit(
                    "calendar.year_covered",
                    "calendar_year",
                    str(day.year),
                    {"note": _note(row.get("note", ""))},
                )
            else:
                _set(tx, day, row["kind"], row.get("note", ""))
        tx.audit("calendar.seed", "", {"rows": len(rows)})
    return len(rows)


def due_date(ws: Workstation, accepted_on: date, n: int, unit: str = "G") -> DueDate:
    try:
        limit_unit = LimitUnit(unit.strip().upper())
    except ValueError:
        raise ValidationError("unit", "时限单位应为 G（工作日）或 Z（自然日）") from None
    return ws.calendar().due_date(accepted_on, n, limit_unit)


def list_overrides(ws: Workstation) -> list[DayOverride]:
    with ws.reading() as s:
        rows = s.scalars(select(CalendarOverrideRow).order_by(CalendarOverrideRow.day))
        return [DayOverride(r.day, r.kind, r.note) for r in rows]


def covered_years(ws: Workstation) -> list[int]:
    with ws.reading() as s:
        return list(s.scalars(select(CalendarYearRow.year).order_by(CalendarYearRow.year)))
