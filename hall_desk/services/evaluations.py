"""绩效考评: the monthly sheet of every window post, computed from the month's evidence.

Who is evaluated: every user with the 窗口人员 or 流转岗 role who is active, and any who has
left since but did work in the month.

Evidence (SQL: `hall_desk.store.queries.evaluation`), each for one person and one month:

- workload: intake decisions taken (cases whose clerk is the person, by `created_on`, all five
  decisions as the dashboard counts them), consultations logged (`consultations.clerk`, `on`),
  hand-outs at the 出件 window (`deliveries.clerk`, `on`), and folder moves recorded by the
  person (`handoffs.recorded_by`, `on`); scored against the scheme's monthly target.
- 投诉属实: complaints (`tickets.ticket_class = complaint`, not a 差评's 整改 ticket) naming the
  person whose 结果核查 (`checked_on`) falls in the month and whose 核查结论 (`finding`) is 属实 or
  部分属实; 不属实 counts nothing. A complaint checked before findings were recorded
  (`finding = ""`) counts as 属实, and its line says "未记核查结论，按属实计".
- 差评: the person's 差评 of the month not taken out by an upheld appeal (`upheld_bad_ratings`).
- 办件超期办结: the person's cases whose `completed_on` is in the month and after `due_date`.
- 巡查问题: findings against the person (`findings.staff`) found in the month, by severity.
- 会议缺席 / 迟到: the person's attendance rows of the month with status absent / late.
- 表扬: praise tickets naming the person received in the month.

Each counts once in its item (`domain.evaluation.check_line`). A manual adjustment needs a
written reason, is marked as such, may cite evidence (which must fall in the month and not be
counted in that item already) and never lifts an item above its maximum. The sheet goes
草稿 → 已审核 → 已发布 (not while a 差评 of the month waits for 复核 or is still inside its
appeal window: the sheet could still change); the staff member confirms or objects within 3
working days; after publication only a 复核 record (who, why, before → after) changes it.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hall_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from hall_desk.domain.evaluation import (
    DEFAULT_SCHEME,
    EVIDENCE_LABELS,
    RESPOND_WORKING_DAYS,
    EvidenceKind,
    Line,
    Scheme,
    SheetScore,
    SheetState,
    bottom_streak,
    check_line,
    check_scheme,
    ranks,
    score,
    standouts,
    workload_points,
)
from hall_desk.domain.ratings import AppealState
from hall_desk.domain.roles import Actor, Permission, Role
from hall_desk.services.common import iso
from hall_desk.services.ratings import appeal_deadline
from hall_desk.services.staff_common import month_bounds, reason
from hall_desk.services.workstation import Tx, Workstation
from hall_desk.store.models import User
from hall_desk.store.models_staff import (
    EvalSchemeRow,
    EvaluationLineRow,
    EvaluationReviewRow,
    EvaluationRow,
)
from hall_desk.store.queries import evaluation as queries

EVALUATED_ROLES = (Role.CLERK.value, Role.ROUTER.value)  # the window posts
_SHEETS = uuid.UUID("5d8e4f3a-6f0c-4a53-9a57-0f2b9c1d7e21")  # namespace of sheet ids


def sheet_id(month: str, username: str) -> str:
    """The same sheet whichever workstation computes it: the month and the person decide."""
    return str(uuid.uuid5(_SHEETS, f"{month}:{username}"))


# --- the scheme ---------------------------------------------------------------------------------


def _scheme_row(s: Session, version: int | None = None) -> EvalSchemeRow | None:
    if version is not None:
        return s.get(EvalSchemeRow, version)
    return s.scalars(select(EvalSchemeRow).order_by(EvalSchemeRow.version.desc()).limit(1)).first()


def _scheme_of(row: EvalSchemeRow | None) -> Scheme:
    if row is None:
        return DEFAULT_SCHEME
    return Scheme.from_json(row.version, json.loads(row.body))


def current_scheme(ws: Workstation) -> Scheme:
    """The newest saved version; the default (version 1) until the hall saves one."""
    with ws.reading() as s:
        return _scheme_of(_scheme_row(s))


def scheme_version(ws: Workstation, version: int) -> Scheme:
    with ws.reading() as s:
        row = _scheme_row(s, version)
    if row is None and version != DEFAULT_SCHEME.version:
        raise NotFound(f"没有第 {version} 版考评方案")
    return _scheme_of(row)


def _emit_scheme(tx: Tx, scheme: Scheme) -> None:
    tx.emit(
        "evaluation.scheme_saved",
        "eval_scheme",
        str(scheme.version),
        {
            "set": {
                "body": json.dumps(scheme.to_json(), ensure_ascii=False),
                "saved_by": tx.actor.username,
                "saved_on": tx.ws.today().isoformat(),
            }
        },
    )


def save_scheme(ws: Workstation, actor: Actor, body: dict[str, Any]) -> Scheme:
    """A new version of the scheme (the admin's); versions already saved never change."""
    actor.require(Permission.MANAGE_SETTINGS)
    with ws.transaction(actor) as tx:
        latest = _scheme_row(tx.session)
        if latest is None:
            _emit_scheme(tx, DEFAULT_SCHEME)  # the version months so far were scored with
            number = DEFAULT_SCHEME.version + 1
        else:
            number = latest.version + 1
        try:
            scheme = Scheme.from_json(number, body)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError("scheme", f"考评方案格式不正确（{exc}）") from exc
        check_scheme(scheme)
        _emit_scheme(tx, scheme)
        tx.audit("evaluation.scheme", str(number), {"total": scheme.total})
        return scheme


# --- computing a month --------------------------------------------------------------------------


def _lines_of(s: Session, evaluation_id: str) -> list[EvaluationLineRow]:
    return list(
        s.scalars(
            select(EvaluationLineRow)
            .where(EvaluationLineRow.evaluation_id == evaluation_id)
            .order_by(EvaluationLineRow.manual, EvaluationLineRow.on, EvaluationLineRow.id)
        )
    )


def _as_line(row: EvaluationLineRow) -> Line:
    return Line(row.item, EvidenceKind(row.kind), row.ref, row.points, row.text)


def _totals(scored: SheetScore) -> dict[str, Any]:
    return {
        "items": json.dumps(
            [[i.name, i.maximum, i.score] for i in scored.items], ensure_ascii=False
        ),
        "bonus": scored.bonus,
        "total": scored.total,
        "grade": scored.grade,
    }


def _line_json(evaluation_id: str, line: Line, on: date | None, ref_no: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid5(uuid.UUID(evaluation_id), f"{line.kind}:{line.item}:{line.ref}")),
        "item": line.item,
        "kind": line.kind.value,
        "ref": line.ref,
        "ref_no": ref_no,
        "on": on.isoformat() if on else None,
        "points": line.points,
        "text": line.text,
        "manual": False,
        "reason": "",
        "added_by": "",
        "review_id": "",
    }


def compute_month(ws: Workstation, actor: Actor, month: str) -> int:
    """Computes (or recomputes) every window post's draft sheet of `month` from the evidence;
    manual lines stay. Returns the number of sheets. Refused once the month is published."""
    actor.require(Permission.STAFF)
    start, end = month_bounds(month)
    with ws.transaction(actor) as tx:
        s = tx.session
        published = s.scalar(
            select(func.count())
            .select_from(EvaluationRow)
            .where(
                EvaluationRow.month == month,
                EvaluationRow.state.in_([st.value for st in SheetState if st.is_published]),
            )
        )
        if published:
            raise ValidationError("month", f"{month} 的考评已发布：只能通过复核记录更改")
        if _scheme_row(s) is None:
            _emit_scheme(tx, DEFAULT_SCHEME)  # frozen from its first use on
        scheme = _scheme_of(_scheme_row(s))
        # The window posts in service, and anyone who has left since but worked in the month.
        staff = [
            user
            for user in s.scalars(
                select(User).where(User.role.in_(EVALUATED_ROLES)).order_by(User.username)
            )
            if user.active or queries.workload(s, user.username, start, end).total
        ]
        for user in staff:
            _compute_one(tx, scheme, month, start, end, user)
        tx.audit("evaluation.compute", month, {"sheets": len(staff), "scheme": scheme.version})
        return len(staff)


def _compute_one(tx: Tx, scheme: Scheme, month: str, start: date, end: date, user: User) -> None:
    s = tx.session
    evaluation_id = sheet_id(month, user.username)
    manual = [r for r in _lines_of(s, evaluation_id) if r.manual]
    work = queries.workload(s, user.username, start, end)
    item = scheme.item(scheme.workload_item)
    assert item is not None
    earned = workload_points(scheme, work.total)
    target = f"，目标 {scheme.workload_target}" if scheme.workload_target else ""
    work_text = (
        f"受理 {work.cases} 件、咨询 {work.consultations} 次、出件 {work.deliveries} 件、"
        f"流转 {work.folders} 次，合计 {work.total}{target}"
    )
    computed: list[tuple[Line, date | None, str]] = []
    if earned != item.maximum:
        computed.append(
            (Line(item.name, EvidenceKind.WORKLOAD, "", earned - item.maximum, work_text), None, "")
        )
    taken = {(r.item, r.ref) for r in manual if r.ref}
    for found in queries.evidence(s, user.username, start, end):
        rule = scheme.rules.get(EvidenceKind(found.kind))
        if rule is None or (rule.item, found.ref) in taken:
            continue
        taken.add((rule.item, found.ref))
        line = Line(rule.item, EvidenceKind(found.kind), found.ref, rule.points, found.text)
        computed.append((line, found.on, found.ref_no))
    lines = [c[0] for c in computed] + [_as_line(r) for r in manual]
    scored = score(scheme, lines)
    tx.emit(
        "evaluation.computed",
        "evaluation",
        evaluation_id,
        {
            "recomputed": True,
            "set": {
                "month": month,
                "staff": user.username,
                "staff_name": user.display_name,
                "window": user.window,
                "scheme_version": scheme.version,
                "state": SheetState.DRAFT.value,
                "workload": work.total,
                "computed_on": tx.ws.today().isoformat(),
                "checked_by": "",
                **_totals(scored),
            },
            "lines": [_line_json(evaluation_id, line, on, no) for line, on, no in computed],
        },
    )


# --- one sheet ----------------------------------------------------------------------------------


def _sheet(s: Session, evaluation_id: str) -> EvaluationRow:
    row = s.get(EvaluationRow, evaluation_id.strip())
    if row is None:
        raise NotFound("找不到这张考评表")
    return row


def _cited(s: Session, row: EvaluationRow, evidence_ref: str) -> tuple[str, date | None, str]:
    """The cited evidence's id, day and number; refused when unknown or outside the month."""
    ref = evidence_ref.strip()
    if not ref:
        return "", None, ""
    found = queries.evidence_day(s, ref)
    if found is None:
        raise ValidationError("evidence", f"找不到依据「{ref[:40]}」（办件、工单、巡查问题或会议）")
    number, on = found
    start, end = month_bounds(row.month)
    if not start <= on <= end:
        raise ValidationError(
            "evidence", f"依据的日期 {on:%Y-%m-%d} 不在考评月份 {row.month} 内，不能计入"
        )
    return ref, on, number


def _add_line(
    tx: Tx,
    row: EvaluationRow,
    kind_name: str,
    item: str,
    points: int,
    why: str,
    evidence_ref: str,
    review_id: str = "",
) -> tuple[dict[str, Any], SheetScore]:
    if isinstance(points, bool) or not isinstance(points, int):
        raise ValidationError("points", "分值应为整数")
    scheme = _scheme_of(_scheme_row(tx.session, row.scheme_version))
    lines = [_as_line(r) for r in _lines_of(tx.session, row.id)]
    ref, on, number = _cited(tx.session, row, evidence_ref)
    new = Line(item.strip(), EvidenceKind.MANUAL, ref, points, why)
    check_line(scheme, lines, new)
    scored = score(scheme, [*lines, new])
    line = {
        "id": str(uuid.uuid4()),
        "item": new.item,
        "kind": kind_name,
        "ref": ref,
        "ref_no": number,
        "on": on.isoformat() if on else None,
        "points": points,
        "text": why,
        "manual": True,
        "reason": why,
        "added_by": tx.actor.username,
        "review_id": review_id,
    }
    return line, scored


def adjust(
    ws: Workstation,
    actor: Actor,
    evaluation_id: str,
    item: str,
    points: int,
    why: str,
    evidence_ref: str = "",
) -> int:
    """人工调整 of a sheet not yet published; returns the new total."""
    actor.require(Permission.STAFF)
    written = reason(why, "reason", "调整理由", "人工调整须写明理由")
    with ws.transaction(actor) as tx:
        row = _sheet(tx.session, evaluation_id)
        if SheetState(row.state).is_published:
            raise ValidationError("state", "考评表已发布：更改须登记复核记录（谁、为何、前后分数）")
        line, scored = _add_line(
            tx, row, EvidenceKind.MANUAL.value, item, points, written, evidence_ref
        )
        tx.emit(
            "evaluation.adjusted",
            "evaluation",
            row.id,
            {"set": _totals(scored), "lines": [line]},
        )
        tx.audit("evaluation.adjust", row.id, {"item": line["item"], "points": points})
        return scored.total


def _month_rows(s: Session, month: str) -> list[EvaluationRow]:
    return list(s.scalars(select(EvaluationRow).where(EvaluationRow.month == month)))


def check_month(ws: Workstation, actor: Actor, month: str) -> int:
    """审核: the lead has gone through every sheet of the month."""
    actor.require(Permission.STAFF)
    month_bounds(month)
    with ws.transaction(actor) as tx:
        rows = [r for r in _month_rows(tx.session, month) if r.state == SheetState.DRAFT.value]
        if not rows:
            raise ValidationError("month", f"{month} 没有待审核的考评表")
        for row in rows:
            tx.emit(
                "evaluation.checked",
                "evaluation",
                row.id,
                {"set": {"state": SheetState.CHECKED.value, "checked_by": actor.username}},
            )
        tx.audit("evaluation.check", month, {"sheets": len(rows)})
        return len(rows)


def publish_month(ws: Workstation, actor: Actor, month: str) -> date:
    """发布: every sheet of the month at once; returns the day by which staff respond."""
    actor.require(Permission.STAFF)
    month_bounds(month)
    with ws.transaction(actor) as tx:
        rows = _month_rows(tx.session, month)
        if not rows:
            raise ValidationError("month", f"{month} 还没有计算考评表")
        waiting = [r.staff_name for r in rows if r.state == SheetState.DRAFT.value]
        if waiting:
            raise ValidationError("month", f"尚有未审核的考评表：{'、'.join(waiting[:5])}")
        today = ws.today()
        rows = [r for r in rows if r.state == SheetState.CHECKED.value]
        _refuse_while_appeals_open(tx, rows, today)
        respond_by = ws.calendar(tx.session).due_date(today, RESPOND_WORKING_DAYS, "G").day
        for row in rows:
            tx.emit(
                "evaluation.published",
                "evaluation",
                row.id,
                {
                    "set": {
                        "state": SheetState.PUBLISHED.value,
                        "published_on": today.isoformat(),
                        "respond_by": respond_by.isoformat(),
                    }
                },
            )
        tx.audit("evaluation.publish", month, {"sheets": len(rows)})
        return respond_by


def _refuse_while_appeals_open(tx: Tx, rows: list[EvaluationRow], today: date) -> None:
    """A sheet is not published while a 差评 of its month may still be taken out of it: an
    appeal waiting for 复核, or a 差评 still inside its appeal window (3 working days)."""
    problems = []
    for row in rows:
        start, end = month_bounds(row.month)
        for _id, number, rated_on, appeal in queries.bad_ratings_in_appeal(
            tx.session, row.staff, start, end
        ):
            what = f"{row.staff_name}的差评 {number}（{rated_on:%m-%d}）"
            if appeal == AppealState.PENDING.value:
                problems.append(f"{what}申诉待复核")
                continue
            last = appeal_deadline(tx.ws, rated_on, tx.session)
            if today <= last:
                problems.append(f"{what}仍在申诉期内（至 {last:%Y-%m-%d}）")
    if problems:
        shown = "；".join(problems[:5]) + ("等" if len(problems) > 5 else "")
        raise ValidationError(
            "month", f"考评结果可能还会变化，暂不能发布：{shown}。请待复核完成或申诉期满后再发布"
        )


def _respond(ws: Workstation, actor: Actor, evaluation_id: str, objection: str | None) -> None:
    with ws.transaction(actor) as tx:
        row = _sheet(tx.session, evaluation_id)
        if actor.username != row.staff:
            raise PermissionDenied("只有被考评人本人可以确认或提出异议")
        if row.state != SheetState.PUBLISHED.value:
            raise ValidationError(
                "state", f"考评表当前为「{SheetState(row.state).label}」，不能再确认或提出异议"
            )
        today = ws.today()
        assert row.respond_by is not None
        if today > row.respond_by:
            raise ValidationError(
                "state", f"确认期限已过（应在 {row.respond_by:%Y-%m-%d} 前确认或提出异议）"
            )
        state = SheetState.CONFIRMED if objection is None else SheetState.OBJECTED
        kind = "evaluation.confirmed" if objection is None else "evaluation.objected"
        tx.emit(
            kind,
            "evaluation",
            row.id,
            {
                "set": {
                    "state": state.value,
                    "responded_on": today.isoformat(),
                    "objection": objection or "",
                }
            },
        )
        tx.audit(kind, row.id)


def confirm(ws: Workstation, actor: Actor, evaluation_id: str) -> None:
    _respond(ws, actor, evaluation_id, None)


def object_to(ws: Workstation, actor: Actor, evaluation_id: str, why: str) -> None:
    written = reason(why, "objection", "异议", "提出异议须写明理由")
    _respond(ws, actor, evaluation_id, written)


def record_review(
    ws: Workstation,
    actor: Actor,
    evaluation_id: str,
    item: str,
    points: int,
    why: str,
    evidence_ref: str = "",
) -> int:
    """复核 of a published sheet: a line with its reason and a record of before → after."""
    actor.require(Permission.STAFF)
    written = reason(why, "reason", "复核理由", "复核须写明理由")
    with ws.transaction(actor) as tx:
        row = _sheet(tx.session, evaluation_id)
        if not SheetState(row.state).is_published:
            raise ValidationError("state", "考评表尚未发布：直接调整即可，不需要复核")
        review_id = str(uuid.uuid4())
        line, scored = _add_line(
            tx, row, EvidenceKind.MANUAL.value, item, points, written, evidence_ref, review_id
        )
        now = ws.now()
        tx.emit(
            "evaluation.review_recorded",
            "evaluation",
            row.id,
            {
                "set": _totals(scored),
                "lines": [line],
                "review": {
                    "id": review_id,
                    "by": actor.username,
                    "at": iso(now),
                    "on": now.date().isoformat(),
                    "reason": written,
                    "item": line["item"],
                    "points": points,
                    "before": row.total,
                    "after": scored.total,
                },
            },
        )
        tx.audit("evaluation.review", row.id, {"before": row.total, "after": scored.total})
        return scored.total


# --- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetLine:
    item: str
    kind: EvidenceKind
    kind_label: str
    ref: str
    ref_no: str
    on: date | None
    points: int
    text: str
    manual: bool
    review: bool  # added by a 复核


@dataclass(frozen=True)
class Review:
    by: str
    on: date
    reason: str
    item: str
    points: int
    before: int
    after: int


@dataclass(frozen=True)
class SheetView:
    id: str
    month: str
    staff: str
    staff_name: str
    window: str
    scheme_version: int
    state: SheetState
    workload: int
    items: tuple[tuple[str, int, int], ...]  # (item, maximum, score)
    bonus: int
    total: int
    grade: str
    rank: int
    of: int  # sheets in the month
    standout: bool  # eligible for 服务标兵
    bottom_months: int  # consecutive months (this one included) with the lowest total
    respond_by: date | None
    objection: str
    lines: tuple[SheetLine, ...]
    reviews: tuple[Review, ...]


def _previous(month: str) -> str:
    year, number = (int(p) for p in month.split("-"))
    return f"{year - 1}-12" if number == 1 else f"{year}-{number - 1:02d}"


def sheets(ws: Workstation, actor: Actor, month: str) -> list[SheetView]:
    """The month's sheets by rank (the lead's; a staff member sees only their own)."""
    month_bounds(month)
    with ws.reading() as s:
        rows = _month_rows(s, month)
        if not actor.may(Permission.STAFF):
            rows = [
                r for r in rows if r.staff == actor.username and SheetState(r.state).is_published
            ]
        totals = {r.staff: r.total for r in _month_rows(s, month)}
        by_rank = ranks(totals)
        best = standouts(totals)
        history: list[dict[str, int]] = [totals]
        earlier = _previous(month)
        for _ in range(11):
            found = {r.staff: r.total for r in _month_rows(s, earlier)}
            if not found:
                break
            history.append(found)
            earlier = _previous(earlier)
        out = []
        for row in rows:
            line_rows = _lines_of(s, row.id)
            review_rows = s.scalars(
                select(EvaluationReviewRow)
                .where(EvaluationReviewRow.evaluation_id == row.id)
                .order_by(EvaluationReviewRow.at)
            ).all()
            out.append(
                SheetView(
                    row.id,
                    row.month,
                    row.staff,
                    row.staff_name,
                    row.window,
                    row.scheme_version,
                    SheetState(row.state),
                    row.workload,
                    tuple((n, int(m), int(v)) for n, m, v in json.loads(row.items)),
                    row.bonus,
                    row.total,
                    row.grade,
                    by_rank[row.staff],
                    len(totals),
                    row.staff in best,
                    bottom_streak(history, row.staff) if len(totals) > 1 else 0,
                    row.respond_by,
                    row.objection,
                    tuple(
                        SheetLine(
                            r.item,
                            EvidenceKind(r.kind),
                            EVIDENCE_LABELS[EvidenceKind(r.kind)],
                            r.ref,
                            r.ref_no,
                            r.on,
                            r.points,
                            r.text,
                            r.manual,
                            bool(r.review_id),
                        )
                        for r in line_rows
                    ),
                    tuple(
                        Review(r.by, r.on, r.reason, r.item, r.points, r.before, r.after)
                        for r in review_rows
                    ),
                )
            )
    return sorted(out, key=lambda v: (v.rank, v.staff))


def evidence_source(ws: Workstation, actor: Actor, ref: str) -> tuple[str, str] | None:
    """The record a sheet line cites, to open it: ("ticket", number), ("case", id),
    ("finding", id), ("meeting", id) or ("rating", id); None for a line without one (the
    workload, a manual line citing nothing)."""
    actor.require(Permission.STAFF)
    with ws.reading() as s:
        return queries.source_of(s, ref.strip())


def sheet_of(ws: Workstation, actor: Actor, month: str, username: str) -> SheetView:
    for view in sheets(ws, actor, month):
        if view.staff == username:
            return view
    raise NotFound(f"{month} 没有「{username}」的考评表")


def my_sheets(ws: Workstation, actor: Actor) -> list[SheetView]:
    """The actor's own published sheets, newest month first: what they confirm or object to."""
    published = [st.value for st in SheetState if st.is_published]
    with ws.reading() as s:
        months = list(
            s.scalars(
                select(EvaluationRow.month)
                .where(EvaluationRow.staff == actor.username, EvaluationRow.state.in_(published))
                .order_by(EvaluationRow.month.desc())
            )
        )
    return [v for m in months for v in sheets(ws, actor, m) if v.staff == actor.username]
