"""Stopping and restarting a case's 限时办结 clock for special procedures (听证/检验/鉴定…)."""

from __future__ import annotations

import json
from datetime import date

from hall_desk.domain.calendar import Pause
from hall_desk.domain.errors import ValidationError
from hall_desk.domain.lifecycle import CaseState
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.text import clean_text
from hall_desk.services.common import case_by_ref
from hall_desk.services.workstation import Workstation

MAX_PAUSE_NOTE = 200

SPECIAL_PROCEDURES = {
    "hearing": "听证",
    "inspection": "检验",
    "testing": "检测",
    "quarantine": "检疫",
    "appraisal": "鉴定",
    "expert_review": "专家评审",
    "public_notice": "公示",
}


def _require(actor: Actor) -> None:
    if not (actor.may(Permission.ROUTE) or actor.may(Permission.INTAKE)):
        actor.require(Permission.ROUTE)


def pause_clock(
    ws: Workstation,
    actor: Actor,
    case_ref: str,
    procedure: str,
    on: date | None = None,
    note: str = "",
) -> None:
    """A special procedure's days do not count towards the limit (行政许可法 第四十五条).

    The note is required: whoever reads the case later must see why its clock stood still
    (which hearing, which testing body)."""
    _require(actor)
    on = on or ws.today()
    if procedure not in SPECIAL_PROCEDURES:
        raise ValidationError(
            "procedure", "请选择特别程序：" + "、".join(SPECIAL_PROCEDURES.values())
        )
    note = clean_text(note, "note", "暂停原因", max_len=MAX_PAUSE_NOTE)
    if not note:
        raise ValidationError("note", "请写明暂停原因（如：送检机构、鉴定事项、听证安排）")
    with ws.transaction(actor) as tx:
        case = case_by_ref(tx.session, case_ref, ws.today())
        state = CaseState(case.state)
        if not state.clock_running:
            raise ValidationError(
                "state", f"办件当前状态为「{state.label}」，计时未在进行，不能暂停"
            )
        if case.paused_since is not None:
            raise ValidationError("state", f"办件自 {case.paused_since.isoformat()} 起已暂停计时")
        if case.accepted_on is not None and on < case.accepted_on:
            raise ValidationError("on", "暂停日期不能早于受理日期")
        tx.emit(
            "case.clock_paused",
            "case",
            case.id,
            {
                "set": {
                    "paused_since": on.isoformat(),
                    "reason": f"{SPECIAL_PROCEDURES[procedure]}：{note}",
                }
            },
        )
        tx.audit("case.clock_pause", case.case_no, {"procedure": procedure})


def resume_clock(ws: Workstation, actor: Actor, case_ref: str, on: date | None = None) -> date:
    """Restarts the clock the day after `on`; returns the pushed due date."""
    _require(actor)
    on = on or ws.today()
    with ws.transaction(actor) as tx:
        case = case_by_ref(tx.session, case_ref, ws.today())
        if case.paused_since is None or CaseState(case.state) == CaseState.AWAITING_SUPPLEMENT:
            raise ValidationError("state", "办件没有因特别程序暂停计时")
        if on < case.paused_since:
            raise ValidationError("on", "恢复日期不能早于暂停日期")
        if case.accepted_on is None or case.due_date is None:
            raise ValidationError("state", "办件尚未受理，没有办结期限")
        pauses = [*json.loads(case.pauses), [case.paused_since.isoformat(), on.isoformat()]]
        due = ws.calendar(tx.session).due_date(
            case.accepted_on,
            case.limit_days,
            case.limit_unit,
            [Pause(date.fromisoformat(a), date.fromisoformat(b)) for a, b in pauses],
        )
        tx.emit(
            "case.clock_resumed",
            "case",
            case.id,
            {
                "set": {
                    "paused_since": None,
                    "pauses": json.dumps(pauses),
                    "due_date": due.day.isoformat(),
                    "due_estimated": due.estimated,
                }
            },
        )
        tx.audit("case.clock_resume", case.case_no, {"due_date": due.day.isoformat()})
        return due.day
