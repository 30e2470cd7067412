"""Demo 好差评 through the rating services: most finished services rated, mostly 非常满意, a few
差评 a week with their 整改 tickets worked on, some 未评价, a few 窗口代录 and online ratings, a
few appeals; the same for the same seed.

Each rating is given on a clock set to a few minutes after the service (`ws.wall` for the
duration only, as demo_tickets does); one transaction per day and staff member.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from hall_desk.domain.clock import SettableClock
from hall_desk.domain.ratings import DEFAULT_BAD_REASONS, Level, RatedKind, RatingChannel
from hall_desk.domain.roles import Actor
from hall_desk.services import ratings, tickets
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import CaseRow, ConsultationRow, Event
from hall_desk.store.models_ratings import RatingRow
from hall_desk.store.models_routing import DeliveryRow

# Only the services of the last RATED_DAYS working days are rated (as if the rating devices
# came then): a benchmark home of years of cases is not slowed by a rating for each of them.
RATED_DAYS = 60
# Share of services asked and not answered (未评价), and the spread of the levels given.
UNRATED_SHARE = 0.07
NOT_ASKED_SHARE = 0.05  # the applicant left before the clerk finished: no rating asked
LEVEL_WEIGHTS = {
    Level.VERY_SATISFIED: 820,
    Level.SATISFIED: 120,
    Level.BASIC: 40,
    Level.UNSATISFIED: 13,
    Level.VERY_UNSATISFIED: 7,
}
PROXY_SHARE = 0.03
IMPORTED_SHARE = 0.03
NOTES = ["等了很久才叫到号", "工作人员态度生硬", "材料要求前后说得不一样", "跑了两趟还没办完"]
RATERS = ["包海龙", "白玉梅", "乌日娜", "韩志强", "陈淑芬"]


@dataclass
class DemoRatings:
    given: int = 0
    unrated: int = 0
    bad: int = 0
    proxy: int = 0
    imported: int = 0
    appealed: int = 0


@dataclass(frozen=True)
class _Service:
    kind: RatedKind
    ref: str
    staff: str
    at: datetime


def _services(ws: Workstation, days: set[date]) -> dict[date, list[_Service]]:
    """Finished services of the given days, by day, in a stable order."""
    out: dict[date, list[_Service]] = defaultdict(list)
    kinds = {k: RatedKind.INTAKE for k in ratings.INTAKE_KINDS} | {
        k: RatedKind.IMMEDIATE for k in ratings.IMMEDIATE_KINDS
    }
    with ws.reading() as s:
        first = min(days)
        rows = s.execute(
            select(Event.id, Event.kind, Event.actor, CaseRow.created_on)
            .join(CaseRow, CaseRow.id == Event.entity_id)
            .where(
                Event.entity_type == "case",
                Event.kind.in_(list(kinds)),
                CaseRow.created_on >= first,
            )
            .order_by(Event.hlc, Event.id)
        ).all()
        for n, (event_id, kind, actor, on) in enumerate(rows):
            if on in days:
                at = datetime.combine(on, time(9)) + timedelta(minutes=(n * 7) % 450)
                out[on].append(_Service(kinds[kind], event_id, actor, at.astimezone()))
        for d in s.scalars(
            select(DeliveryRow)
            .where(DeliveryRow.method == "pickup", DeliveryRow.on >= first)
            .order_by(DeliveryRow.at, DeliveryRow.id)
        ):
            if d.on in days:
                at = datetime.fromisoformat(d.at)
                out[d.on].append(_Service(RatedKind.DELIVERY, d.id, d.clerk, at))
        for c in s.scalars(
            select(ConsultationRow)
            .where(ConsultationRow.channel == "onsite", ConsultationRow.on >= first)
            .order_by(ConsultationRow.at, ConsultationRow.id)
        ):
            if c.on in days:
                at = datetime.fromisoformat(c.at)
                out[c.on].append(_Service(RatedKind.CONSULTATION, c.id, c.clerk, at))
    return out


def generate_ratings(
    ws: Workstation, staff: dict[str, Actor], days: list[date], seed: int
) -> DemoRatings:
    """Ratings of the services of the given working days (in order; the last RATED_DAYS)."""
    summary = DemoRatings()
    days = days[-RATED_DAYS:]
    if not days:
        return summary
    rng = random.Random(f"{seed}:ratings")
    lead = staff["lead"]
    levels = list(LEVEL_WEIGHTS)
    weights = list(LEVEL_WEIGHTS.values())
    real = ws.wall
    replay = SettableClock(datetime.combine(days[0], time(9)).astimezone())
    by_day = _services(ws, set(days))
    bad: list[tuple[date, str, str, bool]] = []  # (day, rating id, staff, real-name)
    ws.wall = replay
    try:
        for day in days:
            by_actor: dict[str, list[tuple[_Service, float]]] = defaultdict(list)
            for service in by_day.get(day, []):
                by_actor[service.staff].append((service, rng.random()))
            for username in sorted(by_actor):
                actor = staff.get(username)
                if actor is None:
                    continue
                services = by_actor[username]
                _rate_day(ws, actor, lead, services, rng, levels, weights, replay, summary, bad)
        _work_rectifications(ws, staff, lead, bad, days[-1], rng, replay, summary)
    finally:
        ws.wall = real
    return summary


def _rate_day(
    ws: Workstation,
    actor: Actor,
    lead: Actor,
    services: list[tuple[_Service, float]],
    rng: random.Random,
    levels: list[Level],
    weights: list[int],
    replay: SettableClock,
    summary: DemoRatings,
    bad: list[tuple[date, str, str, bool]],
) -> None:
    imported: list[tuple[_Service, Level]] = []
    # Each rating is a record of its own and reads none of the others': folded together.
    with ws.transaction(actor) as tx, tx.folding_together():
        ratings.read_ahead(tx, [(service.kind, service.ref) for service, _ in services])
        for service, roll in services:
            replay.set(service.at + timedelta(minutes=2))
            if roll < NOT_ASKED_SHARE:
                continue
            if roll < NOT_ASKED_SHARE + UNRATED_SHARE:
                ratings.unrated_in(tx, service.kind, service.ref)
                summary.unrated += 1
                continue
            level = rng.choices(levels, weights)[0]
            channel_roll = rng.random()
            if channel_roll < IMPORTED_SHARE:
                imported.append((service, level))
                continue
            proxy = channel_roll < IMPORTED_SHARE + PROXY_SHARE
            real_name = level.is_bad and rng.random() < 0.4
            result = ratings.rate_in(
                tx,
                service.kind,
                service.ref,
                level,
                channel=RatingChannel.PROXY if proxy else RatingChannel.SCREEN,
                reasons=rng.sample(DEFAULT_BAD_REASONS[:-1], k=rng.randint(1, 2))
                if level.is_bad
                else (),
                note=rng.choice(NOTES) if level.is_bad and rng.random() < 0.5 else "",
                proxy_reason="申请人年老视力不好，请求窗口协助录入" if proxy else "",
                rater_name=rng.choice(RATERS) if real_name else "",
                rater_phone=f"139{rng.randint(0, 99_999_999):08d}" if real_name else "",
            )
            summary.given += 1
            summary.proxy += proxy
            if level.is_bad:
                summary.bad += 1
                bad.append((service.at.date(), result.rating_id, actor.username, real_name))
    if not imported:
        return
    with ws.transaction(lead) as tx, tx.folding_together():
        ratings.read_ahead(tx, [(service.kind, service.ref) for service, _ in imported])
        for service, level in imported:
            replay.set(service.at + timedelta(hours=3))
            result = ratings.rate_in(
                tx,
                service.kind,
                service.ref,
                level,
                channel=RatingChannel.IMPORTED,
                reasons=[DEFAULT_BAD_REASONS[0]] if level.is_bad else (),
            )
            summary.given += 1
            summary.imported += 1
            if level.is_bad:
                summary.bad += 1
                bad.append((service.at.date(), result.rating_id, service.staff, False))


def _work_rectifications(
    ws: Workstation,
    staff: dict[str, Actor],
    lead: Actor,
    bad: list[tuple[date, str, str, bool]],
    end: date,
    rng: random.Random,
    replay: SettableClock,
    summary: DemoRatings,
) -> None:
    """核实 → 整改 → 回访 on later working days (never past `end`); a few appeals, reviewed."""
    calendar = ws.calendar()
    for n, (day, rating_id, username, real_name) in enumerate(bad):
        staffer = staff.get(username)
        with ws.reading() as s:
            row = s.get(RatingRow, rating_id)
            ticket_no = row.ticket_no if row is not None else ""
        nxt = calendar.next_working_day(day)
        if nxt > end or not ticket_no:
            continue
        replay.set(datetime.combine(nxt, time(9, 30)).astimezone())
        if staffer is not None and n % 4 == 1:
            ratings.appeal(ws, staffer, rating_id, "申请人当日所需材料不全，已按规定一次性告知")
            summary.appealed += 1
            replay.set(datetime.combine(nxt, time(15)).astimezone())
            ratings.review(ws, lead, rating_id, n % 8 == 1, "经调取录像核实，窗口按规定告知")
        replay.set(datetime.combine(nxt, time(16)).astimezone())
        tickets.analyse(ws, lead, ticket_no, "核实：情况属实，非恶意差评")
        if n % 5 == 4:
            continue  # still being put right
        handler = staffer if staffer is not None else lead
        # To the window (demo accounts are inactive outside a demo home: no person to send to).
        tickets.dispatch(ws, lead, ticket_no, "window", handler.window or "综合窗口1", "限期整改")
        later = calendar.next_working_day(nxt)
        if later > end:
            continue
        replay.set(
            datetime.combine(later, time(10)).astimezone() + timedelta(minutes=rng.randint(0, 90))
        )
        tickets.answer(ws, handler, ticket_no, "已向评价人说明情况并致歉，窗口已整改", "phone")
        if handler.username == lead.username:
            continue
        tickets.check(ws, lead, ticket_no, "回访完成", "satisfied" if real_name else "")
