"""咨询登记: every question answered at a window or by phone, logged in seconds."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from hall_desk.domain.consultations import Channel, Outcome
from hall_desk.domain.errors import NotFound, PermissionDenied, ValidationError, ValidationErrors
from hall_desk.domain.identity import mask_phone, normalize_phone
from hall_desk.domain.limits import MAX_SHORT_NOTE, MIN_REASON
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.text import WINDOW_NAME_MAX, clean_name, clean_text
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import ConsultationRow, User
from hall_desk.store.models_catalog import ServiceItemRow


@dataclass
class ConsultationDraft:
    topic: str = ""
    item_code: str | None = None
    channel: str = Channel.ONSITE
    outcome: str = Outcome.ANSWERED
    guided_window: str = ""
    applicant_name: str = ""
    phone: str = ""
    note: str = ""


@dataclass(frozen=True)
class _Checked:
    """A draft's typed values through the text check (the item is checked in the session)."""

    topic: str
    note: str
    applicant_name: str
    channel: Channel
    outcome: Outcome
    guided_window: str
    phone: str


def _check(draft: ConsultationDraft) -> tuple[_Checked, list[ValidationError]]:
    errors: list[ValidationError] = []
    topic = note = applicant_name = phone = guided_window = ""
    channel, outcome = Channel.ONSITE, Outcome.ANSWERED
    for field, label, value, limit in (
        ("topic", "咨询内容", draft.topic, 200),
        ("note", "备注", draft.note, 1000),
    ):
        try:
            cleaned = clean_text(value, field, label, max_len=limit, multiline=field == "note")
        except ValidationError as exc:
            errors.append(exc)
            continue
        topic, note = (cleaned, note) if field == "topic" else (topic, cleaned)
    try:
        applicant_name = clean_name(draft.applicant_name, "applicant_name", "咨询人姓名")
    except ValidationError as exc:
        errors.append(exc)
    try:
        channel = Channel(draft.channel)
    except ValueError:
        errors.append(ValidationError("channel", "咨询渠道应为现场、电话或其他"))
    try:
        outcome = Outcome(draft.outcome)
    except ValueError:
        errors.append(ValidationError("outcome", "处理结果应为已解答、引导至窗口或转入受理"))
    try:
        guided_window = clean_text(
            draft.guided_window, "guided_window", "引导窗口", max_len=WINDOW_NAME_MAX
        )
        if outcome == Outcome.GUIDED and not guided_window:
            errors.append(ValidationError("guided_window", "请填写引导到的窗口"))
    except ValidationError as exc:
        errors.append(exc)
    if draft.phone.strip():
        try:
            phone = normalize_phone(draft.phone)
        except ValidationError as exc:
            errors.append(exc)
    checked = _Checked(topic, note, applicant_name, channel, outcome, guided_window, phone)
    return checked, errors


def _phone_columns(ws: Workstation, phone: str) -> dict[str, str]:
    key = ws.key
    return {
        "phone_cipher": key.encrypt("phone", phone) if phone else "",
        "phone_index": key.blind_index("phone", phone) if phone else "",
        "phone_masked": mask_phone(phone) if phone else "",
    }


def log_consultation(
    ws: Workstation, actor: Actor, draft: ConsultationDraft, at: datetime | None = None
) -> str:
    actor.require(Permission.CONSULT)
    at = at or ws.now()
    checked, errors = _check(draft)
    topic = checked.topic
    with ws.transaction(actor) as tx:
        if draft.item_code:
            item = tx.session.get(ServiceItemRow, draft.item_code)
            if item is None:
                errors.append(
                    ValidationError("item_code", f"事项库中没有事项编码「{draft.item_code}」")
                )
            elif not topic:
                topic = item.name
        if not topic and not any(e.field == "topic" for e in errors):
            errors.append(ValidationError("topic", "请填写咨询内容或选择事项"))
        if errors:
            raise ValidationErrors(errors)
        consultation_id = str(uuid.uuid4())
        tx.emit(
            "consultation.logged",
            "consultation",
            consultation_id,
            {
                "set": {
                    "topic": topic[:200],
                    "item_code": draft.item_code or None,
                    "channel": checked.channel.value,
                    "outcome": checked.outcome.value,
                    "guided_window": checked.guided_window,
                    "applicant_name": checked.applicant_name,
                    **_phone_columns(ws, checked.phone),
                    "note": checked.note,
                    "clerk": actor.username,
                    "window": actor.window,
                    "workstation": ws.code,
                    "at": at.isoformat(timespec="seconds"),
                    "on": at.date().isoformat(),
                }
            },
        )
        tx.audit("consultation.log", consultation_id, {"channel": checked.channel.value})
    return consultation_id


@dataclass(frozen=True)
class LoggedConsultation:
    """One consultation as the day's list shows it (the phone masked)."""

    id: str
    time: str  # HH:MM
    topic: str
    channel: Channel
    outcome: Outcome
    guided_window: str
    applicant_name: str
    phone_masked: str
    note: str
    clerk: str
    clerk_name: str
    case_id: str | None


def may_correct_any(actor: Actor) -> bool:
    """A team lead (whoever sees the day's figures) corrects anyone's; a clerk their own."""
    return actor.may(Permission.REPORTS)


def consultations_on(ws: Workstation, actor: Actor, day: date) -> list[LoggedConsultation]:
    """The day's consultations, newest first: a clerk's own, or everyone's for a team lead."""
    actor.require(Permission.CONSULT)
    query = select(ConsultationRow).where(ConsultationRow.on == day)
    if not may_correct_any(actor):
        query = query.where(ConsultationRow.clerk == actor.username)
    with ws.reading() as s:
        names = {u: n for u, n in s.execute(select(User.username, User.display_name))}
        rows = s.scalars(query.order_by(ConsultationRow.at.desc(), ConsultationRow.id))
        return [
            LoggedConsultation(
                id=r.id,
                time=r.at[11:16],
                topic=r.topic,
                channel=Channel(r.channel),
                outcome=Outcome(r.outcome),
                guided_window=r.guided_window,
                applicant_name=r.applicant_name,
                phone_masked=r.phone_masked,
                note=r.note,
                clerk=r.clerk,
                clerk_name=names.get(r.clerk, r.clerk),
                case_id=r.case_id,
            )
            for r in rows
        ]


def correct_consultation(
    ws: Workstation, actor: Actor, consultation_id: str, draft: ConsultationDraft, reason: str
) -> list[str]:
    """Corrects a logged consultation (a wrong channel, a misspelt name…); the names of the
    fields that changed. An empty phone keeps the one on record. The clerk corrects their
    own on the day; a team lead anyone's. Audited with the reason."""
    actor.require(Permission.CONSULT)
    checked, errors = _check(draft)
    try:
        reason = clean_text(reason, "reason", "更正原因", max_len=MAX_SHORT_NOTE)
        if len(reason) < MIN_REASON:
            errors.append(ValidationError("reason", f"请写明更正原因（至少 {MIN_REASON} 个字）"))
    except ValidationError as exc:
        errors.append(exc)
    if not checked.topic and not any(e.field == "topic" for e in errors):
        errors.append(ValidationError("topic", "请填写咨询内容"))
    if errors:
        raise ValidationErrors(errors)
    with ws.transaction(actor) as tx:
        row = tx.session.get(ConsultationRow, consultation_id)
        if row is None:
            raise NotFound("没有找到这条咨询登记")
        if not may_correct_any(actor):
            if row.clerk != actor.username:
                raise PermissionDenied("只能更正本人登记的咨询，其他人的请班组长更正")
            if row.on != ws.today():
                raise PermissionDenied("只能更正当天的咨询登记，以前的请班组长更正")
        if row.case_id and checked.outcome != Outcome.TO_INTAKE:
            raise ValidationError("outcome", "该咨询已转入受理并生成办件，处理结果不能更改")
        wanted: dict[str, object] = {
            "topic": checked.topic,
            "channel": checked.channel.value,
            "outcome": checked.outcome.value,
            "guided_window": checked.guided_window,
            "applicant_name": checked.applicant_name,
            "note": checked.note,
        }
        changes = {k: v for k, v in wanted.items() if getattr(row, k) != v}
        if checked.phone:
            phone = _phone_columns(ws, checked.phone)
            if phone["phone_index"] != row.phone_index:
                changes.update(phone)
        if not changes:
            raise ValidationError("topic", "内容与原登记相同，没有需要更正的地方")
        tx.emit("consultation.updated", "consultation", consultation_id, {"set": changes})
        fields = sorted({"phone" if k.startswith("phone_") else k for k in changes})
        tx.audit("consultation.correct", consultation_id, {"fields": fields, "reason": reason})
    return fields


def recent_topics(ws: Workstation, clerk: str, limit: int = 9) -> list[str]:
    """The clerk's most frequent recent topics, for one-keystroke logging."""
    with ws.reading() as s:
        recent = (
            select(ConsultationRow.topic)
            .where(ConsultationRow.clerk == clerk)
            .order_by(ConsultationRow.at.desc())
            .limit(200)
            .subquery()
        )
        rows = s.execute(
            select(recent.c.topic, func.count().label("n"))
            .group_by(recent.c.topic)
            .order_by(func.count().desc())
            .limit(limit)
        )
        return [r.topic for r in rows]


def count_on(ws: Workstation, day: date) -> int:
    with ws.reading() as s:
        return int(
            s.scalar(
                select(func.count()).select_from(ConsultationRow).where(ConsultationRow.on == day)
            )
            or 0
        )
