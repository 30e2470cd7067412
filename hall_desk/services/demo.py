"""Demo data through the same services as the program: a realistic, reproducible spread."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from hall_desk.domain.assistance import Assistance, AssistanceFlag, ServiceMode
from hall_desk.domain.catalog import ItemKind, ServiceItem, merge_materials
from hall_desk.domain.errors import ValidationError
from hall_desk.domain.identity import resident_id_check_char, uscc_check_char
from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.domain.roles import SYSTEM_ACTOR, Actor, Role
from hall_desk.services import catalog, consultations, intake, users
from hall_desk.services.applicants import ApplicantDraft
from hall_desk.services.intake import AgentDraft, IntakeDraft
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import User

DEMO_PASSWORD = "demo2026"
DEMO_STAFF = [
    ("clerk1", "王晓燕", Role.CLERK, "综合窗口1"),
    ("clerk2", "包海龙", Role.CLERK, "综合窗口2"),
    ("clerk3", "李春梅", Role.CLERK, "综合窗口3"),
    ("router", "赵志刚", Role.ROUTER, "流转岗"),
    ("lead", "白玉兰", Role.LEAD, "班组长"),
    ("admin", "张建国", Role.ADMIN, "系统管理"),
]
REGIONS = ["150521", "150502", "150522", "150523", "150525", "152301", "150102", "210102"]
SURNAMES = "王李张刘陈杨赵黄周吴包白宝韩海孟乌那吉萨关郭何高马"
GIVEN = "志国建华明秀兰玉英春梅海龙燕军平丽娜红霞斌杰静敏文勇宝山乌日娜其其格巴特尔图雅"
ORG_KINDS = [
    "餐饮店",
    "便利店",
    "农机合作社",
    "汽修部",
    "养殖场",
    "建材商行",
    "科技有限公司",
    "商贸有限公司",
]
STREETS = ["保康镇民主街", "保康镇团结路", "舍伯吐镇", "花吐古拉镇", "代力吉镇", "努日木镇"]
TOPICS = ["办理时限", "所需材料", "收费标准", "办理进度", "社保缴费", "医保报销", "不动产登记流程"]
REFUSAL = "所申请事项不属于本中心受理范围，已告知申请人向有权机关申请"


@dataclass
class DemoSummary:
    days: int = 0
    consultations: int = 0
    by_decision: dict[str, int] = field(default_factory=dict)
    supplements_received: int = 0
    green_channel: int = 0

    @property
    def cases(self) -> int:
        return sum(self.by_decision.values())


def ensure_demo_staff(ws: Workstation) -> dict[str, Actor]:
    """Demo accounts log in only in a demo home; elsewhere they exist for the records alone."""
    with ws.reading() as s:
        existing = {u.username for u in s.scalars(select(User))}
    staff: dict[str, Actor] = {}
    for username, name, role, window in DEMO_STAFF:
        if username not in existing:
            users.create_user(ws, SYSTEM_ACTOR, username, name, role, DEMO_PASSWORD, window)
            if not ws.config.demo:
                users.update_user(ws, SYSTEM_ACTOR, username, active=False)
        staff[username] = Actor(username, name, role, window)
    return staff


class _People:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.serial = 0

    def person(self, today: date, elderly: bool = False) -> ApplicantDraft:
        rng = self.rng
        self.serial += 1
        age = rng.randint(60, 88) if elderly else rng.randint(18, 75)
        birth = today.replace(year=today.year - age, day=1) + timedelta(days=rng.randint(0, 27))
        sex_digit = rng.randint(0, 9)
        first17 = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{self.serial % 100:02d}{sex_digit}"
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        return ApplicantDraft(
            kind="person",
            id_number=first17 + resident_id_check_char(first17),
            name=name,
            phone=f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}",
            address=f"科尔沁左翼中旗{rng.choice(STREETS)}{rng.randint(1, 300)}号",
        )

    def organisation(self) -> ApplicantDraft:
        rng = self.rng
        self.serial += 1
        body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
        first17 = f"92150521{body}"
        rep = self.person(date(2026, 1, 1))
        return ApplicantDraft(
            kind="organisation",
            id_number=first17 + uscc_check_char(first17),
            name=f"科左中旗{rep.name}{rng.choice(ORG_KINDS)}",
            phone=rep.phone,
            address=rep.address,
            legal_representative=rep.name,
            contact_name=rep.name,
        )


def _received(
    items: list[ServiceItem], leave_out: Callable[[str, bool, bool], bool]
) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in merge_materials(items):
        if not leave_out(m.name, m.required, m.deferrable):
            out[m.name] = m.copies
    return out


def generate(
    ws: Workstation,
    days: int,
    per_day: int,
    seed: int = 1,
    end: date | None = None,
    consultation_share: float = 0.22,
) -> DemoSummary:
    """`per_day` visitors on each working day of the `days` calendar days ending at `end`;
    `consultation_share` of them only ask a question, the others apply."""
    if days < 1 or days > 3660:
        raise ValidationError("days", "天数应为 1–3660")
    if per_day < 1 or per_day > 100_000:
        raise ValidationError("per_day", "每天人数应为 1–100000")
    if not 0 <= consultation_share <= 0.9:
        raise ValidationError("consultation_share", "咨询占比应为 0–0.9")
    end = end or ws.today()
    rng = random.Random(seed)
    staff = ensure_demo_staff(ws)
    clerks = [staff["clerk1"], staff["clerk2"], staff["clerk3"]]
    items, themes = catalog.load_catalog(ws)
    immediate = [i for i in items if i.kind == ItemKind.IMMEDIATE]
    regular = [i for i in items if i.kind != ItemKind.IMMEDIATE]
    deferrable = [i for i in regular if i.allows_deferral]
    by_code = {i.code: i for i in items}
    people = _People(rng)
    calendar = ws.calendar()
    summary = DemoSummary()
    pending: list[tuple[date, str, dict[str, int]]] = []  # (return day, case no, materials)

    for offset in range(days - 1, -1, -1):
        day = end - timedelta(days=offset)
        if not calendar.is_working_day(day):
            continue
        summary.days += 1
        for _back, case_no, received in [p for p in pending if p[0] == day]:
            intake.receive_supplement(ws, rng.choice(clerks), case_no, received, on=day)
            summary.supplements_received += 1
        pending = [p for p in pending if p[0] != day]
        batch: dict[str, list[tuple[CaseEvent, IntakeDraft, date]]] = {
            c.username: [] for c in clerks
        }
        for _ in range(per_day):
            clerk = rng.choice(clerks)
            roll = rng.random()
            if roll < consultation_share:
                topic_item = rng.choice(items)
                at = datetime.combine(day, time(8, 30)) + timedelta(minutes=rng.randint(0, 540))
                consultations.log_consultation(
                    ws,
                    clerk,
                    consultations.ConsultationDraft(
                        topic=rng.choice([topic_item.name, rng.choice(TOPICS)]),
                        item_code=None,
                        channel=rng.choice(["onsite", "onsite", "phone", "other"]),
                        outcome=rng.choice(["answered", "answered", "guided"]),
                        guided_window=rng.choice(["综合窗口2", "出件窗口", "税务窗口"]),
                    ),
                    at=at.astimezone(),
                )
                summary.consultations += 1
                continue
            # The rest of the visitors apply; spread their decisions the same way whatever share.
            roll = 0.22 + (roll - consultation_share) / (1 - consultation_share) * 0.78
            elderly = rng.random() < 0.12
            applicant = (
                people.organisation() if rng.random() < 0.15 else people.person(day, elderly)
            )
            assistance = None
            if elderly:
                assistance = Assistance(
                    frozenset({AssistanceFlag.ELDERLY}),
                    rng.choice(list(ServiceMode)),
                    clerk.display_name,
                )
            elif rng.random() < 0.03:
                assistance = Assistance(
                    frozenset(
                        {
                            rng.choice(
                                [
                                    AssistanceFlag.DISABLED,
                                    AssistanceFlag.PREGNANT,
                                    AssistanceFlag.ILL,
                                ]
                            )
                        }
                    ),
                    ServiceMode.FULL,
                    clerk.display_name,
                )
            draft = IntakeDraft(applicant=applicant, assistance=assistance)
            if rng.random() < 0.05:
                proxy = people.person(day)
                draft.agent = AgentDraft(proxy.name, proxy.id_number)
            if roll < 0.37:
                step = CaseEvent.COMPLETE_AT_WINDOW
                chosen = [rng.choice(immediate)]
            elif roll < 0.43 and deferrable:
                step = CaseEvent.ACCEPT_DEFERRED
                chosen = [rng.choice(deferrable)]
            elif roll < 0.52:
                step = CaseEvent.REQUEST_SUPPLEMENT
                chosen = [rng.choice(regular)]
            elif roll < 0.55:
                step = CaseEvent.REFUSE
                chosen = [rng.choice(regular)]
            else:
                step = CaseEvent.ACCEPT
                if rng.random() < 0.08 and themes:
                    theme = rng.choice(themes)
                    draft.theme_code = theme.code
                    chosen = [by_code[c] for c in theme.item_codes]
                else:
                    chosen = [rng.choice(regular)]
            if not draft.theme_code:
                draft.item_codes = [i.code for i in chosen]
            if step == CaseEvent.ACCEPT_DEFERRED:
                draft.received = _received(chosen, lambda n, req, dfr: req and dfr)
                due = intake.due_for(calendar, chosen, day)[0].day
                draft.deferred_deadline = min(due, calendar.due_date(day, 3, "G").day)
                draft.commitment = "本人承诺在期限内补齐容缺材料，逾期未补齐的自愿承担相应责任"
            elif step == CaseEvent.REQUEST_SUPPLEMENT:
                required = [m.name for m in merge_materials(chosen) if m.required]
                left_out = set(rng.sample(required, k=min(len(required), rng.randint(1, 2))))
                draft.received = _received(chosen, lambda n, req, dfr, out=left_out: n in out)
            else:
                draft.received = _received(
                    chosen, lambda n, req, dfr: not req and rng.random() < 0.5
                )
            if step == CaseEvent.REFUSE:
                draft.reason = REFUSAL
            batch[clerk.username].append((step, draft, day))
        for clerk in clerks:
            for step, draft, _ in batch[clerk.username]:
                summary.by_decision[step.value] = summary.by_decision.get(step.value, 0) + 1
                summary.green_channel += draft.assistance is not None
            results = intake.intake_many(ws, clerk, batch[clerk.username])
            for (step, _draft, _), result in zip(batch[clerk.username], results, strict=True):
                if step == CaseEvent.REQUEST_SUPPLEMENT and rng.random() < 0.6:
                    back = calendar.due_date(day, rng.randint(1, 4), "G").day
                    if back <= end:
                        missing = {m.name: m.copies for m in result.missing}
                        pending.append((back, result.case_no, missing))
    return summary
