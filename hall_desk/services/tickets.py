"""办不成事 / 投诉 / 建议 / 咨询 / 表扬: one function per step of a ticket.

Each step checks the actor, every typed text and the transition table (domain/tickets.py),
then writes one `ticket.<step>` event and its audit entry in one transaction; a refusal raises
before anything is written. `register_in` takes a caller's transaction, so another record (a
差评's 整改) can open a ticket of its own source in the same transaction as itself.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from hall_desk.domain import caseref
from hall_desk.domain.errors import NotFound, ValidationError, ValidationErrors
from hall_desk.domain.identity import mask_phone, normalize_phone
from hall_desk.domain.limits import (
    MAX_DEPARTMENT,
    MAX_EXTERNAL_NO,
    MAX_NOTE,
    MAX_QUERY,
    MAX_TICKET_TEXT,
)
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.text import clean_name, clean_text, clean_window_name
from hall_desk.domain.tickets import (
    CLOCK_STATES,
    LEAD_STEPS,
    MIN_TICKET_REASON,
    REOPEN_DAYS,
    REOPEN_DAYS_MAX,
    AnswerMethod,
    BbcsKind,
    Callback,
    Channel,
    DispatchTo,
    ExcludedMatter,
    Finding,
    Source,
    Step,
    TicketClass,
    TicketState,
    Tier,
    has_deadline,
    is_late,
    needs_finding,
    next_state,
)
from hall_desk.services.common import iso, lookup
from hall_desk.services.workstation import Tx, Workstation
from hall_desk.store.models import User
from hall_desk.store.models_tickets import TicketRow
from hall_desk.store.queries import tickets as queries

REOPEN_SETTING = "ticket_reopen_days"


@dataclass
class TicketDraft:
    """What the clerk keys in at registration."""

    ticket_class: str = TicketClass.COMPLAINT
    channel: str = Channel.BBCS_WINDOW
    description: str = ""
    tier: str = Tier.COMPLEX
    bbcs_kind: str = ""  # "" unless a 办不成事 matter
    external_no: str = ""  # 12345 工单号
    anonymous: bool = False
    reporter_name: str = ""
    phone: str = ""
    case_ref: str = ""
    window: str = ""
    staff: str = ""  # username of the staff member concerned
    received_at: datetime | None = None  # None: now


@dataclass(frozen=True)
class TicketResult:
    ticket_id: str
    ticket_no: str
    state: TicketState
    due_date: date | None


def reopen_days(ws: Workstation) -> int:
    """重开 is allowed within this many working days of closing: the hall's setting (the same
    at every window), default 5."""
    value = ws.hall_setting(REOPEN_SETTING)
    return int(value) if value.isdigit() and int(value) <= REOPEN_DAYS_MAX else REOPEN_DAYS


def _may_work(actor: Actor) -> None:
    # Any window may take a complaint and work on it; deciding steps are the team lead's.
    if not (actor.may(Permission.TICKETS) or actor.may(Permission.CONSULT)):
        actor.require(Permission.TICKETS)


def _require(actor: Actor, step: Step) -> None:
    if step in LEAD_STEPS:
        actor.require(Permission.TICKETS)
    else:
        _may_work(actor)


def _collect(errors: list[ValidationError], check: Any) -> Any:
    try:
        return check()
    except ValidationError as exc:
        errors.append(exc)
        return None


def _choice(enum: Any, value: str, field: str, message: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        raise ValidationError(field, message) from None


def _text(raw: str, field: str, label: str, required: str = "", limit: int = MAX_NOTE) -> str:
    text = clean_text(raw, field, label, max_len=limit, multiline=True)
    if required and not text:
        raise ValidationError(field, required)
    return text


def _reason(raw: str, field: str, label: str, required: str) -> str:
    text = _text(raw, field, label, required)
    if len(text) < MIN_TICKET_REASON:
        raise ValidationError(field, f"{required}（至少 {MIN_TICKET_REASON} 个字）")
    return text


def _not_future(ws: Workstation, at: datetime | None, field: str, what: str) -> datetime:
    now = ws.now()
    if at is None:
        return now
    at = at if at.tzinfo is not None else at.astimezone()
    if at > now:
        raise ValidationError(field, f"{what}不能晚于现在（{now:%Y-%m-%d %H:%M}）")
    return at


# --- registration -------------------------------------------------------------------------------


def _checked_draft(
    tx: Tx, draft: TicketDraft, now: datetime, due_days: int | None = None
) -> dict[str, Any]:
    """Every problem of the form at once, each beside its field; the values to store."""
    errors: list[ValidationError] = []
    cls = _collect(
        errors,
        lambda: _choice(
            TicketClass, draft.ticket_class, "ticket_class", "类别应为投诉、建议、咨询或表扬"
        ),
    )
    channel = _collect(
        errors,
        lambda: _choice(
            Channel,
            draft.channel,
            "channel",
            "反映渠道应为窗口、办不成事窗口、电话、12345 转办、意见箱或二维码/线上",
        ),
    )
    tier = _collect(
        errors,
        lambda: _choice(Tier, draft.tier, "tier", "请选择办理层级：当场解决、复杂、特殊或提级"),
    )
    kind = None
    if draft.bbcs_kind:
        kind = _collect(
            errors,
            lambda: _choice(BbcsKind, draft.bbcs_kind, "bbcs_kind", "办不成事类型无效"),
        )
    elif channel is Channel.BBCS_WINDOW and cls is TicketClass.COMPLAINT:
        # A complaint at the 办不成事 window is a 办不成事 matter; praise or a question is not.
        errors.append(ValidationError("bbcs_kind", "办不成事窗口登记的投诉请选择办不成事类型"))
    description = _collect(
        errors,
        lambda: _text(
            draft.description, "description", "反映内容", "请填写反映的问题", MAX_TICKET_TEXT
        ),
    )
    external_no = _collect(
        errors,
        lambda: caseref.normalise(
            clean_text(draft.external_no, "external_no", "12345 工单号", max_len=MAX_EXTERNAL_NO)
        ),
    )
    if channel is Channel.HOTLINE_12345 and not external_no and external_no is not None:
        errors.append(ValidationError("external_no", "12345 转办的工单请填写 12345 工单号"))
    name = phone = ""
    if not draft.anonymous:
        name = _collect(
            errors, lambda: clean_name(draft.reporter_name, "reporter_name", "反映人姓名")
        )
        if name == "":
            errors.append(ValidationError("reporter_name", "实名反映请填写反映人姓名，或选择匿名"))
        if not draft.phone.strip():
            errors.append(ValidationError("phone", "实名反映须留有效的联系电话，或选择匿名"))
        else:
            phone = _collect(errors, lambda: normalize_phone(draft.phone, field="phone")) or ""
    window = _collect(errors, lambda: clean_window_name(draft.window)) or ""
    staff, staff_name = draft.staff.strip(), ""
    if staff:
        user = tx.session.get(User, staff)
        if user is None:
            errors.append(ValidationError("staff", f"找不到工作人员「{staff[:20]}」"))
        else:
            staff_name = user.display_name
            window = window or user.window
    if kind is BbcsKind.CONDUCT:
        if cls is not None and cls is not TicketClass.COMPLAINT:
            errors.append(ValidationError("ticket_class", "反映工作人员作风问题应登记为投诉"))
        if not staff:
            errors.append(ValidationError("staff", "反映工作人员作风问题须写明被反映的工作人员"))
    case_id = case_no = ""
    if draft.case_ref.strip():
        found = lookup(tx.session, draft.case_ref, now.date())
        if found.case is None:
            errors.append(ValidationError("case_ref", found.problem))
        else:
            case_id, case_no = found.case.id, found.case.case_no
    received = _collect(
        errors, lambda: _not_future(tx.ws, draft.received_at, "received_at", "接收时间")
    )
    if errors:
        raise ValidationErrors(errors)
    assert cls is not None and tier is not None and received is not None
    key = tx.ws.key
    due: date | None = None
    if has_deadline(cls, tier):
        days = tier.working_days if due_days is None else due_days
        assert days is not None
        due = tx.ws.calendar(tx.session).due_date(received.date(), days, "G").day
    return {
        "ticket_class": cls.value,
        "channel": channel.value,
        "external_no": external_no or "",
        "bbcs_kind": kind.value if kind is not None else "",
        "tier": tier.value,
        "description": description,
        "anonymous": bool(draft.anonymous),
        "reporter_name": name,
        "phone_cipher": key.encrypt("phone", phone) if phone else "",
        "phone_index": key.blind_index("phone", phone) if phone else "",
        "phone_masked": mask_phone(phone) if phone else "",
        "case_id": case_id,
        "case_no": case_no,
        "window": window,
        "staff": staff,
        "staff_name": staff_name,
        "received_at": iso(received),
        "received_on": received.date().isoformat(),
        "due_date": due.isoformat() if due else None,
        # A ticket keyed in after its own due day (an 意见箱 emptied late) was late already.
        "overdue_ever": is_late(due, now.date()),
    }


def next_ticket_no(tx: Tx, on: date) -> str:
    """FK + date + workstation + sequence: unique across the hall without asking anyone."""
    prefix = queries.number_prefix(on, tx.ws.code)
    # Read once per day's prefix in a transaction, as case numbers are: a bulk path's later
    # tickets (a day's 差评 ratings, folded together) count on from the last one given.
    seq = tx.memo.get(("ticket_no", prefix))
    if seq is None:
        last = queries.last_number(tx.session, prefix)
        seq = int(last.rsplit("-", 1)[1]) if last else 0
    seq += 1
    tx.memo[("ticket_no", prefix)] = seq
    return f"{prefix}{seq:04d}"


def register_in(
    tx: Tx,
    draft: TicketDraft,
    *,
    source: Source = Source.DESK,
    source_ref: str = "",
    due_days: int | None = None,
) -> TicketResult:
    """登记 inside the caller's transaction; raises before anything is written. `due_days`
    replaces the tier's period (a 差评's 整改 has the hall's own, `rating_rectify_days`)."""
    _require(tx.actor, Step.REGISTER)
    now = tx.ws.now()
    values = _checked_draft(tx, draft, now, due_days)
    ticket_id = str(uuid.uuid4())
    number = next_ticket_no(tx, now.date())
    values |= {
        "ticket_no": number,
        "source": source.value,
        "source_ref": source_ref,
        "state": TicketState.REGISTERED.value,
        "registered_by": tx.actor.username,
        "workstation": tx.ws.code,
    }
    received = values["received_at"]
    cls = TicketClass(values["ticket_class"])
    note = f"{cls.label}，{Channel(values['channel']).label}，{Tier(values['tier']).label}"
    tx.emit(
        "ticket.registered",
        "ticket",
        ticket_id,
        {
            "set": values,
            "step": {
                "step": Step.REGISTER.value,
                "at": received,
                "on": values["received_on"],
                "state": TicketState.REGISTERED.value,
                "note": note,
                "due_date": values["due_date"],
            },
        },
    )
    tx.audit("ticket.register", number, {"class": cls.value, "channel": values["channel"]})
    due = values["due_date"]
    return TicketResult(
        ticket_id, number, TicketState.REGISTERED, date.fromisoformat(due) if due else None
    )


def register(ws: Workstation, actor: Actor, draft: TicketDraft) -> TicketResult:
    with ws.transaction(actor) as tx:
        return register_in(tx, draft)


# --- the steps ----------------------------------------------------------------------------------


def _ticket(tx: Tx, ref: str) -> TicketRow:
    raw = ref.strip()
    if not raw or len(raw) > MAX_QUERY:
        raise NotFound("请输入工单编号")
    row = queries.ticket_by_id_or_number(tx.session, raw, caseref.normalise(raw))
    if row is None:
        raise NotFound(f"找不到工单「{raw[:40]}」")
    return row


def _refuse_step(row: TicketRow, step: Step) -> ValidationError:
    state = TicketState(row.state)
    if step is Step.ARCHIVE:
        return ValidationError("state", "尚未答复并经办理人以外的人员核查，不能归档")
    if step in (Step.CHECK, Step.CHECK_FAILED):
        return ValidationError("state", f"工单当前为「{state.label}」：尚未答复，不能核查")
    return ValidationError("state", f"工单当前为「{state.label}」，不能{step.label}")


def _take(
    tx: Tx,
    row: TicketRow,
    step: Step,
    values: dict[str, Any],
    note: str,
    audit: dict[str, Any] | None = None,
) -> TicketState:
    """Writes the step: the state after it, the lateness mark, the timeline line, the audit."""
    target = next_state(TicketState(row.state), step, TicketClass(row.ticket_class))
    if target is None:
        raise _refuse_step(row, step)
    now = tx.ws.now()
    today = now.date()
    changes: dict[str, Any] = {"state": target.value, **values}
    # The first step taken with the clock running past the due day marks the ticket for good.
    if TicketState(row.state) in CLOCK_STATES and is_late(row.due_date, today):
        changes["overdue_ever"] = True
    due = changes.get("due_date", row.due_date.isoformat() if row.due_date else None)
    tx.emit(
        step.kind,
        "ticket",
        row.id,
        {
            "set": changes,
            "step": {
                "step": step.value,
                "at": iso(now),
                "on": today.isoformat(),
                "state": target.value,
                "note": note,
                "due_date": due,
            },
        },
    )
    tx.audit(f"ticket.{step.value}", row.ticket_no, audit)
    return target


def _run(ws: Workstation, actor: Actor, ref: str, step: Step, build: Any) -> TicketState:
    """Permission, then `build(tx, row) -> (values, note, audit)` inside one transaction."""
    _require(actor, step)
    with ws.transaction(actor) as tx:
        row = _ticket(tx, ref)
        if next_state(TicketState(row.state), step, TicketClass(row.ticket_class)) is None:
            raise _refuse_step(row, step)
        values, note, audit = build(tx, row)
        return _take(tx, row, step, values, note, audit)


def analyse(ws: Workstation, actor: Actor, ref: str, cause: str) -> TicketState:
    text = _text(cause, "cause", "原因分析", "请写明原因分析", MAX_TICKET_TEXT)
    return _run(ws, actor, ref, Step.ANALYSE, lambda tx, row: ({"cause": text}, text, None))


def dispatch(
    ws: Workstation, actor: Actor, ref: str, to_kind: str, to: str, note: str = ""
) -> TicketState:
    """派发工单 to a window, a department's back office or a person (a user)."""
    nobody = ValidationError("dispatch_to", "请选择派发对象（窗口、部门后台或人员）")
    try:
        kind = DispatchTo(to_kind)
    except ValueError:
        raise nobody from None
    limit = MAX_DEPARTMENT if kind is DispatchTo.DEPARTMENT else 64
    target = clean_text(to, "dispatch_to", f"派发{kind.label}", max_len=limit)
    if not target:
        raise nobody
    remark = _text(note, "note", "派发说明")

    def build(tx: Tx, row: TicketRow) -> tuple[dict[str, Any], str, dict[str, Any]]:
        handler, shown = "", target
        if kind is DispatchTo.PERSON:
            user = tx.session.get(User, target)
            if user is None or not user.active:
                raise ValidationError("dispatch_to", f"找不到在岗的工作人员「{target[:20]}」")
            handler, shown = user.username, user.display_name
        text = f"派发至{kind.label}：{shown}" + (f"。{remark}" if remark else "")
        values = {"dispatch_kind": kind.value, "dispatch_to": shown, "handler": handler}
        return values, text, {"to": kind.value}

    return _run(ws, actor, ref, Step.DISPATCH, build)


def progress(ws: Workstation, actor: Actor, ref: str, note: str) -> TicketState:
    text = _text(note, "note", "办理进展", "请写明办理进展")
    return _run(ws, actor, ref, Step.PROGRESS, lambda tx, row: ({}, text, None))


def pause(ws: Workstation, actor: Actor, ref: str, reason: str) -> TicketState:
    """Waiting on the reporter (材料、补充说明): the clock stands still until 恢复."""
    text = _text(reason, "reason", "暂停原因", "请写明暂停原因（等待反映人提供什么）")
    return _run(
        ws,
        actor,
        ref,
        Step.PAUSE,
        lambda tx, row: ({"paused_since": tx.ws.today().isoformat()}, text, None),
    )


def resume(ws: Workstation, actor: Actor, ref: str, note: str = "") -> TicketState:
    """The due date moves by the working days the clock stood still (a pause begun after the
    due day moves nothing: the ticket was late already)."""
    remark = _text(note, "note", "恢复说明")

    def build(tx: Tx, row: TicketRow) -> tuple[dict[str, Any], str, dict[str, Any]]:
        today = tx.ws.today()
        values: dict[str, Any] = {"paused_since": None}
        text = "恢复办理"
        if row.due_date is not None and row.paused_since is not None:
            calendar = tx.ws.calendar(tx.session)
            start = row.paused_since
            stood = calendar.working_days_between(start, today) if start < row.due_date else 0
            if stood > 0:
                due = calendar.due_date(row.due_date, stood, "G").day
                values["due_date"] = due.isoformat()
                text = f"恢复办理，暂停 {stood} 个工作日，期限顺延至 {due.isoformat()}"
        if remark:
            text += f"。{remark}"
        return values, text, {"due_date": values.get("due_date")}

    return _run(ws, actor, ref, Step.RESUME, build)


def answer(
    ws: Workstation,
    actor: Actor,
    ref: str,
    text: str,
    method: str,
    at: datetime | None = None,
) -> TicketState:
    """答复: what the reporter was told, how and when."""
    errors: list[ValidationError] = []
    body = _collect(
        errors,
        lambda: _text(text, "answer", "答复内容", "请填写答复内容", MAX_TICKET_TEXT),
    )
    how = _collect(
        errors,
        lambda: _choice(
            AnswerMethod,
            method,
            "answer_method",
            "请选择答复方式：电话、当面、书面、短信或平台回复",
        ),
    )
    when = _collect(errors, lambda: _not_future(ws, at, "answered_at", "答复时间"))
    if errors:
        raise ValidationErrors(errors)

    def build(tx: Tx, row: TicketRow) -> tuple[dict[str, Any], str, dict[str, Any]]:
        on = when.date()
        values: dict[str, Any] = {
            "answer": body,
            "answer_method": how.value,
            "answered_by": tx.actor.username,
            "answered_on": on.isoformat(),
        }
        if is_late(row.due_date, on):
            values["overdue_ever"] = True
        return values, f"{how.label}答复（{when:%Y-%m-%d %H:%M}）：{body}", {"method": how.value}

    return _run(ws, actor, ref, Step.ANSWER, build)


def check(
    ws: Workstation,
    actor: Actor,
    ref: str,
    note: str = "",
    callback: str = "",
    finding: str = "",
) -> TicketState:
    """结果核查 by someone other than the handler; a real-name reporter's 回访 result with it,
    and for a complaint the 核查结论 (属实 / 部分属实 / 不属实), which the evaluation reads."""
    remark = _text(note, "note", "核查意见")

    def build(tx: Tx, row: TicketRow) -> tuple[dict[str, Any], str, dict[str, Any]]:
        _not_the_handler(tx, row)
        errors: list[ValidationError] = []
        result = ""
        if not row.anonymous:
            result = (
                _collect(
                    errors,
                    lambda: (
                        _choice(
                            Callback,
                            callback,
                            "callback",
                            "实名反映须填写回访结果：满意、基本满意或不满意",
                        ).value
                    ),
                )
                or ""
            )
        elif callback:
            errors.append(ValidationError("callback", "匿名反映无法回访，请不要填写回访结果"))
        concluded = ""
        if needs_finding(TicketClass(row.ticket_class), Source(row.source)):
            concluded = (
                _collect(
                    errors,
                    lambda: (
                        _choice(
                            Finding,
                            finding,
                            "finding",
                            "投诉须填写核查结论：属实、部分属实或不属实",
                        ).value
                    ),
                )
                or ""
            )
        elif finding:
            errors.append(ValidationError("finding", "只有投诉需要核查结论，请不要填写"))
        if errors:
            raise ValidationErrors(errors)
        values = {
            "checked_by": tx.actor.username,
            "checked_on": tx.ws.today().isoformat(),
            "callback": result,
            "finding": concluded,
        }
        words = "核查通过"
        if concluded:
            words += f"，核查结论：{Finding(concluded).label}"
        words += f"，回访：{Callback(result).label}" if result else "（匿名，未回访）"
        audit = {"callback": result, "finding": concluded}
        return values, words + (f"。{remark}" if remark else ""), audit

    return _run(ws, actor, ref, Step.CHECK, build)


def _not_the_handler(tx: Tx, row: TicketRow) -> None:
    if tx.actor.username in {row.handler, row.answered_by} - {""}:
        raise ValidationError("checker", "核查须由办理人以外的人员进行，办理人本人不能核查")


def fail_check(ws: Workstation, actor: Actor, ref: str, reason: str) -> TicketState:
    """核查不通过: the problem is not put right. The answer is set aside (it stays in the
    timeline) and the ticket goes back to 办理 against its deadline, which has not moved: the
    clock runs again and a late new answer marks the ticket as once overdue."""
    why = _reason(reason, "reason", "核查不通过的理由", "核查不通过须写明理由")

    def build(tx: Tx, row: TicketRow) -> tuple[dict[str, Any], str, dict[str, Any]]:
        _not_the_handler(tx, row)
        values = {
            "answered_on": None,
            "answered_by": "",
            "checked_by": "",
            "checked_on": None,
            "finding": "",
        }
        return values, f"核查不通过，退回办理：{why}", None

    return _run(ws, actor, ref, Step.CHECK_FAILED, build)


def supervise(ws: Workstation, actor: Actor, ref: str, note: str) -> TicketState:
    """监督检查: the lead's look at a checked ticket, written down, before it is filed."""
    finding = _text(note, "note", "监督检查意见", "请填写监督检查意见")

    def build(tx: Tx, row: TicketRow) -> tuple[dict[str, Any], str, dict[str, Any]]:
        return {}, f"监督检查：{finding}", None

    return _run(ws, actor, ref, Step.SUPERVISE, build)


def archive(ws: Workstation, actor: Actor, ref: str, note: str = "") -> TicketState:
    remark = _text(note, "note", "归档说明")

    def build(tx: Tx, row: TicketRow) -> tuple[dict[str, Any], str, dict[str, Any]]:
        if TicketClass(row.ticket_class) is not TicketClass.PRAISE and not (
            row.answered_on and row.checked_by and row.checked_by != row.answered_by
        ):
            raise ValidationError("state", "尚未答复并经办理人以外的人员核查，不能归档")
        return {"closed_on": tx.ws.today().isoformat()}, remark or "归档", None

    return _run(ws, actor, ref, Step.ARCHIVE, build)


def exclude(ws: Workstation, actor: Actor, ref: str, matter: str, reason: str) -> TicketState:
    """不予受理: 涉法涉诉涉访 matters go their own way; the reason stays on the ticket."""
    errors: list[ValidationError] = []
    kind = _collect(
        errors,
        lambda: _choice(
            ExcludedMatter,
            matter,
            "excluded_matter",
            "请选择不予受理的类别：涉诉、涉法（行政复议）或涉访",
        ),
    )
    why = _collect(errors, lambda: _reason(reason, "reason", "不予受理理由", "不予受理须写明理由"))
    if errors:
        raise ValidationErrors(errors)

    def build(tx: Tx, row: TicketRow) -> tuple[dict[str, Any], str, dict[str, Any]]:
        values = {
            "excluded_matter": kind.value,
            "reason": why,
            "closed_on": tx.ws.today().isoformat(),
        }
        return values, f"{kind.label}：{why}", {"matter": kind.value}

    return _run(ws, actor, ref, Step.EXCLUDE, build)


def extend(
    ws: Workstation, actor: Actor, ref: str, new_due: date | None, reason: str
) -> TicketState:
    """延期: asked before the deadline passes, with a reason; the reporter is told the new date."""
    why = _reason(reason, "reason", "延期理由", "延期须写明理由")
    if new_due is None:
        raise ValidationError("new_due", "请填写新的办理期限")

    def build(tx: Tx, row: TicketRow) -> tuple[dict[str, Any], str, dict[str, Any]]:
        today = tx.ws.today()
        if row.due_date is None:
            raise ValidationError("new_due", "该工单没有办理期限，无需延期")
        if today > row.due_date:
            raise ValidationError(
                "new_due", f"已超过办理期限（{row.due_date.isoformat()}），不能再延期"
            )
        if new_due <= row.due_date:
            raise ValidationError("new_due", f"新的期限应晚于原期限 {row.due_date.isoformat()}")
        if not tx.ws.calendar(tx.session).is_working_day(new_due):
            raise ValidationError("new_due", f"{new_due.isoformat()} 不是工作日")
        text = (
            f"期限由 {row.due_date.isoformat()} 延至 {new_due.isoformat()}：{why}（须告知反映人）"
        )
        before = row.due_date.isoformat()
        return {"due_date": new_due.isoformat()}, text, {"from": before, "to": new_due.isoformat()}

    return _run(ws, actor, ref, Step.EXTEND, build)


def reopen(ws: Workstation, actor: Actor, ref: str, reason: str) -> TicketState:
    """重开 within the set working days of closing; the reopened work gets a fresh period from
    today on its tier, so it starts on time and no alarm fires. "Was ever overdue" stays."""
    why = _reason(reason, "reason", "重开理由", "重开须写明理由")
    limit = reopen_days(ws)

    def build(tx: Tx, row: TicketRow) -> tuple[dict[str, Any], str, dict[str, Any]]:
        today = tx.ws.today()
        calendar = tx.ws.calendar(tx.session)
        assert row.closed_on is not None
        if calendar.working_days_between(row.closed_on, today) > limit:
            raise ValidationError(
                "state",
                f"归档已超过 {limit} 个工作日（{row.closed_on.isoformat()} 归档），不能重开",
            )
        values: dict[str, Any] = {
            "reopened": True,
            "closed_on": None,
            "answered_on": None,
            "answered_by": "",
            "checked_by": "",
            "checked_on": None,
            "callback": "",
            "finding": "",
        }
        tier = Tier(row.tier)
        text = f"重开：{why}"
        if has_deadline(TicketClass(row.ticket_class), tier):
            days = tier.working_days
            assert days is not None
            due = calendar.due_date(today, days, "G").day
            values["due_date"] = due.isoformat()
            text += f"；重新办理期限至 {due.isoformat()}"
        return values, text, {"due_date": values.get("due_date")}

    return _run(ws, actor, ref, Step.REOPEN, build)
