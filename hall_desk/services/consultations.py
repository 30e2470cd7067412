"""咨询登记: every question answered at a window or by phone, logged in seconds."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import func, select

from hall_desk.domain.errors import ValidationError, ValidationErrors
from hall_desk.domain.identity import mask_phone, normalize_phone
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.text import WINDOW_NAME_MAX, clean_name, clean_text
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import ConsultationRow, ServiceItemRow


class Channel(StrEnum):
    ONSITE = "onsite"
    PHONE = "phone"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"onsite": "现场", "phone": "电话", "other": "其他"}[self.value]


class Outcome(StrEnum):
    ANSWERED = "answered"
    GUIDED = "guided"  # sent to window N
    TO_INTAKE = "to_intake"

    @property
    def label(self) -> str:
        return {"answered": "已解答", "guided": "引导至窗口", "to_intake": "转入受理"}[self.value]


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


def log_consultation(
    ws: Workstation, actor: Actor, draft: ConsultationDraft, at: datetime | None = None
) -> str:
    actor.require(Permission.CONSULT)
    at = at or ws.now()
    errors: list[ValidationError] = []
    topic = note = applicant_name = phone = guided_window = ""
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
        outcome = Outcome.ANSWERED
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
        key = ws.key
        tx.emit(
            "consultation.logged",
            "consultation",
            consultation_id,
            {
                "set": {
                    "topic": topic[:200],
                    "item_code": draft.item_code or None,
                    "channel": channel.value,
                    "outcome": outcome.value,
                    "guided_window": guided_window,
                    "applicant_name": applicant_name,
                    "phone_cipher": key.encrypt("phone", phone) if phone else "",
                    "phone_index": key.blind_index("phone", phone) if phone else "",
                    "phone_masked": mask_phone(phone) if phone else "",
                    "note": note,
                    "clerk": actor.username,
                    "window": actor.window,
                    "workstation": ws.code,
                    "at": at.isoformat(timespec="seconds"),
                    "on": at.date().isoformat(),
                }
            },
        )
        tx.audit("consultation.log", consultation_id, {"channel": channel.value})
    return consultation_id


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
