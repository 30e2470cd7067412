"""好差评: rating a finished service, 未评价, 申诉 and 复核, the rater's reveal, the figures.

The record rated and who served it (RatingTarget):
- 受理 (`RatedKind.INTAKE`): the case's latest intake decision (受理、容缺受理、一次性告知补正、
  不予受理, or the 补正/容缺 materials received on a later visit); the record is that
  decision's event, so a 补正 visit and the later 受理 visit are two visits, each rated
  once. `ref` may be the event's id, the case's id or its 受理编号;
- 即办 (`IMMEDIATE`): the case's 即办办结 event, found the same way;
- 出件 (`DELIVERY`): a delivery's id (or a case: its latest hand-out); posted results are not
  rated at a window;
- 咨询 (`CONSULTATION`): a consultation's id.
The staff member is whoever took that step (the event's actor, the delivery's or consultation's
clerk), the window theirs at the time.

Rated once (一次一评): a second rating of a record is refused, and so is a rating after its
未评价 (the screen timed out: the applicant is not asked again, and 未评价 never counts as good).
Across workstations: two workstations may rate one record before they meet (offline); both
events are kept, the earliest by HLC counts and the later names it in `duplicate_of`; every
figure leaves duplicates out and the ledger lists them as 重复评价（不计）. A 差评 that lost the
race keeps its 整改 ticket, which the team lead closes in the ticket workflow.

Every 差评 opens a 整改 ticket (class 投诉, source "rating", the staff member named) in the same
transaction, with the hall's 差评整改 period (`rating_rectify_days`, default 5 working days).
The 整改 steps ride on the ticket's: 分析原因 = 核实 (是否属实、合理、是否恶意), 派发/办理 = 整改
(立即整改 / 限期整改 / 解释说明), 结果核查 = 回访 (always, for a real-name rater).

申诉: the staff member rated, within 3 working days of the rating day, once. 复核: a team lead who
is neither the appellant nor the staff member. Upheld → the rating leaves the 差评率 and the staff
figures (`LevelCounts.bad_rate_after_appeals`), never the raw counts.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from sqlalchemy.orm import Session

from hall_desk.domain.clock import Timestamp
from hall_desk.domain.errors import NotFound, PermissionDenied, ValidationError, ValidationErrors
from hall_desk.domain.identity import mask_name, mask_phone, normalize_phone
from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.domain.limits import MAX_NOTE, MAX_QUERY
from hall_desk.domain.ratings import (
    APPEAL_DAYS,
    BAD_REASONS_VERSION,
    MIN_APPEAL_TEXT,
    MIN_PROXY_REASON,
    REASONS_SETTING,
    RECTIFY_SETTING,
    AppealState,
    Level,
    LevelCounts,
    RatedKind,
    RatingChannel,
    RatingState,
    level_counts,
    level_of,
)
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.text import clean_name, clean_text
from hall_desk.domain.tickets import Channel, Source
from hall_desk.services import tickets
from hall_desk.services.common import iso, lookup
from hall_desk.services.rating_figures import RatingFigures as RatingFigures
from hall_desk.services.rating_figures import figures_in as figures_in
from hall_desk.services.rating_figures import rating_figures as rating_figures
from hall_desk.services.settings import bad_reasons, rectify_days, update_settings
from hall_desk.services.workstation import Tx, Workstation
from hall_desk.store.models import CaseRow, ConsultationRow, Event, User
from hall_desk.store.models_ratings import RatingRow
from hall_desk.store.models_routing import DeliveryRow
from hall_desk.store.queries import ratings as queries

INTAKE_KINDS = (
    CaseEvent.ACCEPT.value,
    CaseEvent.ACCEPT_DEFERRED.value,
    CaseEvent.REQUEST_SUPPLEMENT.value,
    CaseEvent.REFUSE.value,
    # The applicant's return with the missing materials is a visit of its own.
    CaseEvent.RECEIVE_SUPPLEMENT.value,
    CaseEvent.RECEIVE_DEFERRED.value,
)
IMMEDIATE_KINDS = (CaseEvent.COMPLETE_AT_WINDOW.value,)
_CASE_KINDS = {RatedKind.INTAKE: INTAKE_KINDS, RatedKind.IMMEDIATE: IMMEDIATE_KINDS}


@dataclass(frozen=True)
class RatingTarget:
    """What the applicant is asked to rate, and who served them."""

    kind: RatedKind
    ref: str  # the rated record's id (an event's, a delivery's or a consultation's)
    what: str  # 受理：营业执照设立登记
    staff: str  # username = 工号
    staff_name: str
    window: str
    case_no: str = ""
    case_id: str = ""
    at: str = ""  # when the service was done (ISO), for ordering


@dataclass(frozen=True)
class RatingResult:
    rating_id: str
    level: Level | None  # None: 未评价
    rectification_ticket_no: str | None


@dataclass(frozen=True)
class StaffRatingCounts:
    """What a staff member sees of their own ratings: counts only, never who rated."""

    staff: str
    levels: LevelCounts
    unrated: int


@dataclass(frozen=True)
class RaterIdentity:
    name: str
    phone: str


# --- settings -----------------------------------------------------------------------------------


def set_rating_settings(
    ws: Workstation,
    actor: Actor,
    *,
    rectify: int | None = None,
    reasons: Sequence[str] | None = None,
) -> None:
    """The hall's 差评整改 period and 差评 reasons (设置 saves them with the rest): shared, every
    workstation gets them by sync."""
    changes: dict[str, Any] = {}
    if rectify is not None:
        changes[RECTIFY_SETTING] = rectify
    if reasons is not None:
        changes[REASONS_SETTING] = list(reasons)
    update_settings(ws, actor, **changes)


# --- permissions ---------------------------------------------------------------------------------


def _may_rate(actor: Actor) -> None:
    # The screen records under the clerk logged in at the window that served.
    if not any(actor.may(p) for p in (Permission.INTAKE, Permission.CONSULT, Permission.DELIVER)):
        actor.require(Permission.INTAKE)


# --- the record rated ----------------------------------------------------------------------------


def _kind(kind: Any) -> RatedKind:
    try:
        return RatedKind(kind)
    except ValueError:
        raise ValidationError("kind", "评价对象应为受理、即办、出件或咨询") from None


def _staff(session: Session, username: str, fallback_window: str = "") -> tuple[str, str]:
    user = session.get(User, username)
    if user is None:
        return username, fallback_window
    return user.display_name, fallback_window or user.window


# session.info: what a bulk rating read ahead for the records it is about to rate.
_AHEAD = "ratings_read_ahead"


@dataclass
class _ReadAhead:
    events: dict[str, Event]  # the rated events by id (the log is append-only: never stale)
    unrated: set[tuple[str, str]]  # (kind, record id) without a rating row, until one is given


def read_ahead(tx: Tx, targets: Sequence[tuple[RatedKind, str]]) -> None:
    """For a bulk path rating many services in one transaction (demo data, imports): the rated
    events and deliveries, their cases and which records have no rating yet, in a few queries,
    where each rating would otherwise read them one by one. What the ratings write is the
    same."""
    session = tx.session
    refs = [str(ref).strip() for _, ref in targets]
    kinds = [RatedKind(kind) for kind, _ in targets]
    case_refs = [r for kind, r in zip(kinds, refs, strict=True) if kind in _CASE_KINDS]
    events = {e.id: e for e in queries.rows_by_id(session, Event, case_refs)}
    delivery_refs = [r for kind, r in zip(kinds, refs, strict=True) if kind is RatedKind.DELIVERY]
    deliveries = queries.rows_by_id(session, DeliveryRow, delivery_refs)
    # The deliveries and cases held by the transaction (the folds keep them current): a
    # lookup, not a query.
    queries.rows_by_id(
        session,
        CaseRow,
        [e.entity_id for e in events.values() if e.entity_type == "case"]
        + [d.case_id for d in deliveries],
    )
    unrated: set[tuple[str, str]] = set()
    for kind in set(kinds):
        mine = [r for k, r in zip(kinds, refs, strict=True) if k is kind]
        rated = queries.rated_records(session, kind.value, mine)
        unrated.update((kind.value, r) for r in mine if r not in rated)
    session.info[_AHEAD] = _ReadAhead(events, unrated)


def _case_target(session: Session, kind: RatedKind, raw: str, today: date) -> RatingTarget:
    kinds = _CASE_KINDS[kind]
    ahead: _ReadAhead | None = session.info.get(_AHEAD)
    event = ahead.events.get(raw) if ahead is not None else None
    if event is None:
        event = session.get(Event, raw)
    if event is not None and (event.entity_type != "case" or event.kind not in kinds):
        event = None
    if event is not None:
        case = session.get(CaseRow, event.entity_id)
        if case is None:
            raise NotFound(f"找不到办件「{raw[:40]}」")
    else:
        found = lookup(session, raw, today)
        if found.case is None:
            raise NotFound(found.problem)
        case = found.case
        event = queries.latest_case_event(session, case.id, kinds)
        if event is None:
            words = "尚无受理决定" if kind is RatedKind.INTAKE else "不是当场即办办结的办件"
            raise ValidationError("ref", f"办件 {case.case_no} {words}，不能评价")
    label = CaseEvent(event.kind).label
    # The window of the intake is the case's when the same clerk decided; else the clerk's own.
    window = case.window if event.actor == case.clerk else ""
    name, window = _staff(session, event.actor, window)
    at = datetime.fromtimestamp(Timestamp.decode(event.hlc).ms / 1000).astimezone()
    return RatingTarget(
        kind,
        event.id,
        f"{label}：{case.title}",
        event.actor,
        name,
        window,
        case.case_no,
        case.id,
        iso(at),
    )


def _delivery_target(session: Session, raw: str, today: date) -> RatingTarget:
    row = session.get(DeliveryRow, raw)
    if row is None:
        found = lookup(session, raw, today)
        if found.case is None:
            raise NotFound(found.problem)
        row = queries.latest_delivery(session, found.case.id)
        if row is None:
            raise ValidationError("ref", f"办件 {found.case.case_no} 尚未出件，不能评价出件")
    if row.method != "pickup":
        raise ValidationError("ref", "邮寄送达的出件不在窗口评价")
    case = session.get(CaseRow, row.case_id)
    title = case.title if case is not None else row.case_no
    name = row.clerk_name or _staff(session, row.clerk)[0]
    return RatingTarget(
        RatedKind.DELIVERY,
        row.id,
        f"出件：{title}",
        row.clerk,
        name,
        row.window,
        row.case_no,
        row.case_id,
        row.at,
    )


def _consultation_target(session: Session, raw: str) -> RatingTarget:
    row = session.get(ConsultationRow, raw)
    if row is None:
        raise NotFound(f"找不到咨询记录「{raw[:40]}」")
    name, window = _staff(session, row.clerk, row.window)
    return RatingTarget(
        RatedKind.CONSULTATION, row.id, f"咨询：{row.topic}", row.clerk, name, window, at=row.at
    )


def _resolve(session: Session, kind: RatedKind, ref: str, today: date) -> RatingTarget:
    raw = str(ref).strip()
    if not raw or len(raw) > MAX_QUERY:
        raise NotFound("请指明要评价的服务")
    if kind in _CASE_KINDS:
        return _case_target(session, kind, raw, today)
    if kind is RatedKind.DELIVERY:
        return _delivery_target(session, raw, today)
    return _consultation_target(session, raw)


def target_for(ws: Workstation, kind: RatedKind | str, ref: str) -> RatingTarget:
    """The service to rate and who served; NotFound if there is no such record."""
    rated = _kind(kind)
    with ws.reading() as s:
        return _resolve(s, rated, ref, ws.today())


def pending_targets(ws: Workstation, actor: Actor, limit: int = 5) -> list[RatingTarget]:
    """This clerk's services of today not yet rated nor 未评价, newest first (窗口代录 picks)."""
    _may_rate(actor)
    today = ws.today()
    now = ws.now()
    start = datetime.combine(today, time.min, tzinfo=now.tzinfo)
    since = Timestamp(int(start.timestamp() * 1000), 0).encode()
    found: list[RatingTarget] = []
    with ws.reading() as s:
        for kind, kinds in _CASE_KINDS.items():
            for event in queries.case_events_by(s, actor.username, kinds, since, limit * 4):
                found.append(_case_target(s, kind, event.id, today))
        for d in queries.deliveries_by(s, actor.username, today, limit * 4):
            found.append(_delivery_target(s, d.id, today))
        for c in queries.consultations_by(s, actor.username, today, limit * 4):
            found.append(_consultation_target(s, c.id))
        open_ones: list[RatingTarget] = []
        for kind in RatedKind:
            refs = [t.ref for t in found if t.kind is kind]
            done = queries.rated_records(s, kind.value, refs)
            open_ones += [t for t in found if t.kind is kind and t.ref not in done]
    open_ones.sort(key=lambda t: t.at, reverse=True)
    return open_ones[:limit]


# --- rating -------------------------------------------------------------------------------------


def _collect(errors: list[ValidationError], check: Any) -> Any:
    try:
        return check()
    except ValidationError as exc:
        errors.append(exc)
        return None


def _refuse_second(tx: Tx, target: RatingTarget) -> None:
    record = (target.kind.value, target.ref)
    # Rated in this transaction: found here whether or not its row is folded yet (a bulk
    # path folds a day's ratings together at its end).
    states = [tx.memo[("rated", *record)]] if ("rated", *record) in tx.memo else []
    if not states:
        ahead: _ReadAhead | None = tx.session.info.get(_AHEAD)
        if ahead is not None and record in ahead.unrated:
            return  # read ahead with no rating, and none given since (`_given`)
        states = [r.state for r in queries.ratings_of_record(tx.session, *record)]
    if not states:
        return
    if all(state == RatingState.UNRATED.value for state in states):
        raise ValidationError("ref", "本次服务已记录为未评价，不能再评价（一次一评）")
    raise ValidationError("ref", "本次服务已评价，不能再次评价（一次一评）")


def _given(tx: Tx, target: RatingTarget, state: RatingState) -> None:
    """The record has a rating now: a second one must find it."""
    tx.memo[("rated", target.kind.value, target.ref)] = state.value
    ahead: _ReadAhead | None = tx.session.info.get(_AHEAD)
    if ahead is not None:
        ahead.unrated.discard((target.kind.value, target.ref))


def _base_values(tx: Tx, target: RatingTarget, state: RatingState) -> dict[str, Any]:
    now = tx.ws.now()
    return {
        "rated_kind": target.kind.value,
        "record_id": target.ref,
        "case_id": target.case_id,
        "case_no": target.case_no,
        "what": target.what[:200],
        "staff": target.staff,
        "staff_name": target.staff_name,
        "window": target.window,
        "state": state.value,
        "rated_at": iso(now),
        "rated_on": now.date().isoformat(),
        "recorded_by": tx.actor.username,
        "workstation": tx.ws.code,
    }


def rate(
    ws: Workstation,
    actor: Actor,
    kind: RatedKind | str,
    ref: str,
    level: Level | int,
    *,
    channel: RatingChannel | str = RatingChannel.SCREEN,
    reasons: Sequence[str] = (),
    note: str = "",
    proxy_reason: str = "",
    rater_name: str = "",
    rater_phone: str = "",
) -> RatingResult:
    """The applicant's rating of one finished service; a 差评 opens its 整改 ticket with it, in
    the same transaction.

    Refused (nothing written): a second rating of the record (or one after its 未评价), 窗口代录
    without a reason of at least 4 characters, reasons outside the hall's list (or with a good
    level), an invalid phone or a phone without a name, a level outside 1…5, a record not
    finished (an unknown record raises NotFound)."""
    _may_rate(actor)
    with ws.transaction(actor) as tx:
        return rate_in(
            tx,
            kind,
            ref,
            level,
            channel=channel,
            reasons=reasons,
            note=note,
            proxy_reason=proxy_reason,
            rater_name=rater_name,
            rater_phone=rater_phone,
        )


def rate_in(
    tx: Tx,
    kind: RatedKind | str,
    ref: str,
    level: Level | int,
    *,
    channel: RatingChannel | str = RatingChannel.SCREEN,
    reasons: Sequence[str] = (),
    note: str = "",
    proxy_reason: str = "",
    rater_name: str = "",
    rater_phone: str = "",
) -> RatingResult:
    """`rate` inside the caller's transaction (the bulk path: imports, demo data).

    Refused (nothing written): a second rating of the record (or one after its 未评价), 窗口代录
    without a reason of at least 4 characters, reasons outside the hall's list (or with a good
    level), an invalid phone or a phone without a name, a level outside 1…5, a record not
    finished (an unknown record raises NotFound)."""
    ws, actor = tx.ws, tx.actor
    _may_rate(actor)
    rated = _kind(kind)
    errors: list[ValidationError] = []
    chosen = level_of(int(level) if isinstance(level, Level) else level)
    if chosen is None:
        errors.append(
            ValidationError("level", "请选择评价等级：非常满意、满意、基本满意、不满意或非常不满意")
        )
    try:
        how = RatingChannel(channel)
    except ValueError:
        how = None
        errors.append(ValidationError("channel", "评价渠道应为评价屏、窗口代录或二维码/线上"))
    if how is RatingChannel.IMPORTED:
        actor.require(Permission.TICKETS)  # online ratings are entered by the team lead
    why_proxy = ""
    if how is RatingChannel.PROXY:
        why_proxy = (
            _collect(
                errors,
                lambda: clean_text(proxy_reason, "proxy_reason", "代录原因", max_len=MAX_NOTE),
            )
            or ""
        )
        if len(why_proxy) < MIN_PROXY_REASON and not any(e.field == "proxy_reason" for e in errors):
            errors.append(
                ValidationError(
                    "proxy_reason",
                    f"窗口代录须写明原因（如：申请人请求协助），至少 {MIN_PROXY_REASON} 个字",
                )
            )
    allowed = bad_reasons(ws)
    ticked = list(dict.fromkeys(str(r).strip() for r in reasons if str(r).strip()))
    outside = [r for r in ticked if r not in allowed]
    if outside:
        errors.append(ValidationError("reasons", f"差评原因「{outside[0][:20]}」不在原因列表中"))
    elif ticked and chosen is not None and not chosen.is_bad:
        errors.append(ValidationError("reasons", "只有不满意、非常不满意需要选择原因"))
    words = (
        _collect(
            errors,
            lambda: clean_text(note, "note", "评价意见", max_len=MAX_NOTE, multiline=True),
        )
        or ""
    )
    name = _collect(errors, lambda: clean_name(rater_name, "rater_name", "评价人姓名")) or ""
    phone = ""
    if rater_phone.strip():
        phone = _collect(errors, lambda: normalize_phone(rater_phone, field="rater_phone")) or ""
    if bool(name) != bool(rater_phone.strip()):
        field = "rater_phone" if name else "rater_name"
        errors.append(ValidationError(field, "实名评价请同时填写姓名和联系电话（或都不填）"))
    if errors:
        raise ValidationErrors(errors)
    assert chosen is not None and how is not None
    target = _resolve(tx.session, rated, ref, tx.ws.today())
    _refuse_second(tx, target)
    rating_id = str(uuid.uuid4())
    key = tx.ws.key
    values = _base_values(tx, target, RatingState.GIVEN) | {
        "level": int(chosen),
        "channel": how.value,
        "reasons": "\n".join(ticked),
        "reasons_version": BAD_REASONS_VERSION if ticked else 0,
        "note": words,
        "proxy_reason": why_proxy,
        "rater_name_cipher": key.encrypt("name", name) if name else "",
        "rater_name_masked": mask_name(name) if name else "",
        "rater_phone_cipher": key.encrypt("phone", phone) if phone else "",
        "rater_phone_index": key.blind_index("phone", phone) if phone else "",
        "rater_phone_masked": mask_phone(phone) if phone else "",
    }
    ticket_no: str | None = None
    if chosen.is_bad:
        ticket = _open_rectification(tx, target, chosen, how, ticked, words, name, phone, rating_id)
        values |= {"ticket_id": ticket.ticket_id, "ticket_no": ticket.ticket_no}
        ticket_no = ticket.ticket_no
    tx.emit("rating.given", "rating", rating_id, {"set": values}, fresh=True)
    _given(tx, target, RatingState.GIVEN)
    tx.audit(
        "rating.give",
        target.case_no or target.ref,
        {"kind": rated.value, "level": int(chosen), "channel": how.value},
    )
    return RatingResult(rating_id, chosen, ticket_no)


def _open_rectification(
    tx: Tx,
    target: RatingTarget,
    level: Level,
    channel: RatingChannel,
    reasons: list[str],
    note: str,
    name: str,
    phone: str,
    rating_id: str,
) -> tickets.TicketResult:
    text = f"差评整改：{target.what}，评价「{level.label}」（{channel.label}）"
    if reasons:
        text += "；原因：" + "、".join(reasons)
    if note:
        text += "；评价意见：" + note
    draft = tickets.TicketDraft(
        ticket_class="complaint",
        channel=Channel.ONLINE if channel is RatingChannel.IMPORTED else Channel.WINDOW,
        description=text[:1000],
        tier="complex",
        anonymous=not name,
        reporter_name=name,
        phone=phone,
        case_ref=target.case_id,
        window=target.window,
        staff=target.staff if tx.session.get(User, target.staff) is not None else "",
    )
    return tickets.register_in(
        tx, draft, source=Source.RATING, source_ref=rating_id, due_days=rectify_days(tx.ws)
    )


def record_unrated(ws: Workstation, actor: Actor, kind: RatedKind | str, ref: str) -> str:
    """未评价: the screen asked and nobody answered in time. Never a good rating; the record is
    closed (not asked again). Returns the rating row's id."""
    _may_rate(actor)
    with ws.transaction(actor) as tx:
        return unrated_in(tx, kind, ref)


def unrated_in(tx: Tx, kind: RatedKind | str, ref: str) -> str:
    _may_rate(tx.actor)
    rated = _kind(kind)
    target = _resolve(tx.session, rated, ref, tx.ws.today())
    _refuse_second(tx, target)
    rating_id = str(uuid.uuid4())
    values = _base_values(tx, target, RatingState.UNRATED) | {
        "level": None,
        "channel": RatingChannel.SCREEN.value,
    }
    tx.emit("rating.unrated", "rating", rating_id, {"set": values}, fresh=True)
    _given(tx, target, RatingState.UNRATED)
    tx.audit("rating.unrated", target.case_no or target.ref, {"kind": rated.value})
    return rating_id


# --- appeal, review, reveal ----------------------------------------------------------------------


def _rating(tx: Tx, rating_id: str) -> RatingRow:
    row = tx.session.get(RatingRow, str(rating_id).strip()[:64])
    if row is None:
        raise NotFound(f"找不到评价记录「{str(rating_id)[:40]}」")
    return row


def _long_enough(raw: str, field: str, label: str) -> str:
    text = clean_text(raw, field, label, max_len=MAX_NOTE, multiline=True)
    if len(text) < MIN_APPEAL_TEXT:
        raise ValidationError(field, f"请写明{label}（至少 {MIN_APPEAL_TEXT} 个字）")
    return text


def appeal_deadline(ws: Workstation, rated_on: date, session: Session | None = None) -> date:
    """The last day a 差评 of `rated_on` may be appealed (3 working days on)."""
    return ws.calendar(session).due_date(rated_on, APPEAL_DAYS, "G").day


def appeal(ws: Workstation, actor: Actor, rating_id: str, reason: str) -> AppealState:
    """申诉 by the staff member rated, within 3 working days of the rating day, once."""
    why = _long_enough(reason, "reason", "申诉理由")
    with ws.transaction(actor) as tx:
        row = _rating(tx, rating_id)
        if row.staff != actor.username:
            raise PermissionDenied("只有被评价的工作人员本人可以对该差评申诉")
        if row.state != RatingState.GIVEN.value or row.level is None or not Level(row.level).is_bad:
            raise ValidationError("rating", "只有差评（不满意、非常不满意）可以申诉")
        if row.duplicate_of:
            raise ValidationError("rating", "这是同一服务的重复评价，不计入统计，无需申诉")
        if row.appeal_state:
            raise ValidationError(
                "rating", f"该差评已申诉过（{AppealState(row.appeal_state).label}），不能再次申诉"
            )
        last = appeal_deadline(tx.ws, row.rated_on, tx.session)
        if tx.ws.today() > last:
            raise ValidationError(
                "rating",
                f"申诉期限为评价后 {APPEAL_DAYS} 个工作日（至 {last.isoformat()}），已过期",
            )
        values = {
            "appeal_state": AppealState.PENDING.value,
            "appeal_reason": why,
            "appealed_by": actor.username,
            "appealed_on": tx.ws.today().isoformat(),
        }
        tx.emit("rating.appealed", "rating", row.id, {"set": values})
        tx.audit("rating.appeal", row.ticket_no or row.id, None)
        return AppealState.PENDING


def review(ws: Workstation, actor: Actor, rating_id: str, upheld: bool, note: str) -> AppealState:
    """复核 by a team lead other than the appellant (and the staff member rated)."""
    actor.require(Permission.TICKETS)
    words = _long_enough(note, "note", "复核意见")
    with ws.transaction(actor) as tx:
        row = _rating(tx, rating_id)
        if row.appeal_state != AppealState.PENDING.value:
            raise ValidationError("rating", "该评价没有待复核的申诉")
        if actor.username in {row.appealed_by, row.staff}:
            raise ValidationError("reviewer", "复核须由申诉人以外的班组长进行")
        outcome = AppealState.UPHELD if upheld else AppealState.REJECTED
        values = {
            "appeal_state": outcome.value,
            "reviewed_by": actor.username,
            "reviewed_on": tx.ws.today().isoformat(),
            "review_note": words,
        }
        tx.emit("rating.reviewed", "rating", row.id, {"set": values})
        tx.audit("rating.review", row.ticket_no or row.id, {"upheld": bool(upheld)})
        return outcome


def reveal_rater(
    ws: Workstation, actor: Actor, rating_id: str, reason: str = ""
) -> tuple[str, str]:
    """The rater's name and phone in full: the team lead only, and audited (without the values)."""
    actor.require(Permission.TICKETS)
    why = clean_text(reason, "reason", "查看原因", max_len=200)
    with ws.transaction(actor) as tx:
        row = _rating(tx, rating_id)
        key = tx.ws.key
        name = key.decrypt("name", row.rater_name_cipher) if row.rater_name_cipher else ""
        phone = key.decrypt("phone", row.rater_phone_cipher) if row.rater_phone_cipher else ""
        tx.audit("pii.unmask", row.ticket_no or row.id, {"fields": ["rater"], "reason": why})
        return name, phone


@dataclass(frozen=True)
class RatingView:
    """One rating as the team lead sees it: the rater masked."""

    rating_id: str
    kind: RatedKind
    what: str
    case_no: str
    staff: str
    staff_name: str
    window: str
    state: RatingState
    level: Level | None
    channel: RatingChannel
    reasons: list[str]
    note: str
    rater_masked: str  # 包** 139****1234, or "" for an anonymous rater
    rated_at: str
    ticket_no: str
    appeal: AppealState
    duplicate: bool


def _view(row: RatingRow) -> RatingView:
    rater = " ".join(x for x in (row.rater_name_masked, row.rater_phone_masked) if x)
    return RatingView(
        row.id,
        RatedKind(row.rated_kind),
        row.what,
        row.case_no,
        row.staff,
        row.staff_name,
        row.window,
        RatingState(row.state),
        Level(row.level) if row.level else None,
        RatingChannel(row.channel),
        [r for r in row.reasons.split("\n") if r],
        row.note,
        rater,
        row.rated_at,
        row.ticket_no,
        AppealState(row.appeal_state),
        bool(row.duplicate_of),
    )


def ratings_between(
    ws: Workstation, actor: Actor, day_from: date, day_to: date
) -> list[RatingView]:
    """The team lead's list of ratings (raters masked)."""
    actor.require(Permission.TICKETS)
    with ws.reading() as s:
        return [_view(r) for r in queries.ratings_between(s, day_from, day_to)]


def rating_of(ws: Workstation, actor: Actor, rating_id: str) -> RatingView:
    """One rating as the team lead reads it (the evidence of a sheet): the rater masked."""
    if not actor.may(Permission.STAFF):
        actor.require(Permission.TICKETS)
    with ws.reading() as s:
        row = s.get(RatingRow, str(rating_id).strip()[:64])
        if row is None:
            raise NotFound(f"找不到评价记录「{str(rating_id)[:40]}」")
        return _view(row)


def pending_appeals(ws: Workstation, actor: Actor) -> list[RatingView]:
    actor.require(Permission.TICKETS)
    with ws.reading() as s:
        return [_view(r) for r in queries.pending_appeals(s)]


def my_rating_counts(
    ws: Workstation, actor: Actor, day_from: date, day_to: date
) -> StaffRatingCounts:
    """The staff member's own counts (with upheld appeals), never who rated."""
    with ws.reading() as s:
        counts = queries.level_counts(s, day_from, day_to, actor.username)
        upheld = queries.upheld_count(s, day_from, day_to, actor.username)
        unrated = queries.unrated_count(s, day_from, day_to, actor.username)
    return StaffRatingCounts(actor.username, level_counts(counts, upheld), unrated)


def my_bad_ratings(ws: Workstation, actor: Actor, day_from: date, day_to: date) -> list[RatingView]:
    """The staff member's own 差评 (to appeal): what was rated and why, the rater left out."""
    with ws.reading() as s:
        rows = [
            r
            for r in queries.ratings_between(s, day_from, day_to)
            if r.staff == actor.username and r.level is not None and Level(r.level).is_bad
        ]
        views = [_view(r) for r in rows]
    return [replace(v, rater_masked="") for v in views]
