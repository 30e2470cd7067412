"""Helpers the services share: finding a case by what was typed or scanned, cleaning names and
notes, and the moments of moves (when, since when, for how long)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from hall_desk.domain import caseref
from hall_desk.domain import text as free_text
from hall_desk.domain.clock import Timestamp
from hall_desk.domain.errors import NotFound, ValidationError
from hall_desk.domain.limits import MAX_CASE_REF, MAX_NAME, MAX_NOTE
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import CaseRow
from hall_desk.store.queries import cases as case_queries
from hall_desk.store.queries.users import display_names

__all__ = [
    "Lookup",
    "arrived_at",
    "case_by_ref",
    "case_or_refusal",
    "clean_name",
    "clean_note",
    "display_names",
    "dwell_text",
    "find_case",
    "intake_moment",
    "iso",
    "lookup",
    "moment",
    "parse_at",
    "read_ahead",
]

AMBIGUOUS_LISTED = 5  # case numbers named in an ambiguity message


@dataclass(frozen=True)
class Lookup:
    case: CaseRow | None
    problem: str  # why there is no case, in words; "" when found


def lookup(session: Session, ref: str, today: date) -> Lookup:
    """The one way a case is found: by id, whole case number (full-width, any dash), or the end
    of one of today's numbers (`0034`, `W01-0034`); several matches are refused by name."""
    raw = ref.strip()
    if not raw:
        return Lookup(None, "空行：请扫描或输入受理编号")
    if len(raw) > MAX_CASE_REF:
        # The refusal is said aloud and listed per line: quote only the start of a long paste.
        return Lookup(None, f"「{raw[:20]}…」不是受理编号（过长：{len(raw)} 字）")
    wanted = caseref.parse(raw, today)
    row = case_queries.case_by_id_or_number(session, raw, wanted.exact)
    if row is not None:
        return Lookup(row, "")
    if wanted.exact:
        return Lookup(None, f"找不到受理编号为「{wanted.exact}」的办件")
    if not wanted.suffix:
        return Lookup(
            None,
            f"「{raw}」不是受理编号（应形如 {caseref.EXAMPLE}，"
            f"今日办件也可只输入 W01-0001 或 0001）",
        )
    found = case_queries.cases_numbered(
        session, wanted.prefix, wanted.suffix, limit=AMBIGUOUS_LISTED + 1
    )
    if len(found) == 1:
        return Lookup(found[0], "")
    day = today.isoformat()
    if not found:
        return Lookup(None, f"今日（{day}）没有受理编号以「{wanted.suffix}」结尾的办件")
    numbers = "、".join(c.case_no for c in found[:AMBIGUOUS_LISTED])
    more = " 等" if len(found) > AMBIGUOUS_LISTED else ""
    return Lookup(
        None,
        f"「{raw}」对应今日多个办件：{numbers}{more}，"
        f"请输入完整受理编号，或加上工作站（如 W01-{wanted.text}）",
    )


def read_ahead(session: Session, refs: Iterable[str], today: date) -> None:
    """The cases of a batch's whole case numbers read in one query, before `lookup` finds them
    line by line (the same rows: it only no longer queries for each)."""
    numbers = []
    for ref in refs:
        raw = ref.strip()
        if raw and len(raw) <= MAX_CASE_REF:
            numbers.append(caseref.parse(raw, today).exact)
    case_queries.read_ahead(session, numbers)


def find_case(session: Session, ref: str, today: date) -> CaseRow | None:
    return lookup(session, ref, today).case


def case_or_refusal(session: Session, ref: str, today: date) -> tuple[CaseRow | None, str]:
    """A scanned or typed number: its case, or why there is none (per line, in words)."""
    found = lookup(session, ref, today)
    return found.case, found.problem


def case_by_ref(session: Session, ref: str, today: date) -> CaseRow:
    """The case, or NotFound saying why (not a number, no such case, several of today's)."""
    found = lookup(session, ref, today)
    if found.case is None:
        raise NotFound(found.problem)
    return found.case


# --- names, notes and moments ------------------------------------------------------------------


def moment(ws: Workstation, on: date | None, at: datetime | None) -> tuple[date, datetime]:
    """The day and the moment of a move: `at` wins; a back-dated `on` keeps today's time."""
    if at is not None:
        at = at if at.tzinfo is not None else at.astimezone()
        return at.date(), at
    day = on or ws.today()
    return day, ws.moment_on(day)


def iso(at: datetime) -> str:
    return at.isoformat(timespec="seconds")


def parse_at(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def clean_name(raw: str, field: str, what: str, *, required: bool = True) -> str:
    """A giver's or receiver's name, checked like every name the program stores (length,
    emoji, control characters); brackets and digits are allowed (审批科（二组）李明)."""
    name = free_text.clean_name(raw, field, f"{what}姓名", organisation=True)
    if required and not name:
        raise ValidationError(field, f"请填写{what}姓名")
    if len(name) > MAX_NAME:
        raise ValidationError(field, f"{what}姓名过长（最多 {MAX_NAME} 字）")
    return name


def clean_note(raw: str, field: str = "note") -> str:
    return free_text.clean_text(raw, field, "备注", max_len=MAX_NOTE, multiline=True)


def arrived_at(case: CaseRow) -> datetime:
    """When the folder reached its current station; cases fresh from intake use their intake
    moment (the clock reading when it was recorded, or 09:00 of a back-dated intake day)."""
    since = parse_at(case.station_since)
    return since if since is not None else intake_moment(case)


def intake_moment(case: CaseRow) -> datetime:
    recorded = datetime.fromtimestamp(Timestamp.decode(case.created_hlc).ms / 1000).astimezone()
    if recorded.date() == case.created_on:
        return recorded
    return datetime.combine(case.created_on, time(9, 0)).astimezone()


def dwell_text(span: timedelta) -> str:
    minutes = max(0, int(span.total_seconds() // 60))
    if minutes < 1:
        return "不足 1 分钟"
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} 天 {hours} 小时" if hours else f"{days} 天"
    if hours:
        return f"{hours} 小时 {mins} 分" if mins else f"{hours} 小时"
    return f"{mins} 分钟"
