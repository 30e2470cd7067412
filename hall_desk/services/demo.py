"""Demo data through the same services as the program: a realistic, reproducible spread."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from hall_desk.domain.assistance import Assistance, AssistanceFlag, ServiceMode
from hall_desk.domain.calendar import WorkingCalendar
from hall_desk.domain.catalog import DeliveryMethod, ItemKind, ServiceItem, merge_materials
from hall_desk.domain.errors import ValidationError
from hall_desk.domain.identity import resident_id_check_char, uscc_check_char
from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.domain.roles import SYSTEM_ACTOR, Actor, Role
from hall_desk.services import catalog, consultations, delivery, intake, routing, users
from hall_desk.services.applicants import ApplicantDraft
from hall_desk.services.demo_ratings import DemoRatings, generate_ratings
from hall_desk.services.demo_staff import StaffSummary, generate_staff
from hall_desk.services.demo_tickets import generate_tickets
from hall_desk.services.intake import AgentDraft, IntakeDraft, IntakeResult
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
DEPARTMENT_STAFF = ["刘建军", "孙丽华", "韩雪梅", "吴志强", "乌兰图雅", "陈海峰"]
PREREVIEW_PROBLEMS = ["复印件不清晰，请重新提供", "与申请表填写内容不一致", "缺少申请人签字"]
DENIALS = [
    "经核查，申请材料反映的情况不符合法定条件",
    "现场核查发现经营场所不符合规定要求",
    "申请人不符合该事项的申请资格",
]
MAIL_RETURNS = ["查无此人", "地址不详", "收件人拒收", "逾期无人领取"]


@dataclass
class DemoSummary:
    days: int = 0
    consultations: int = 0
    by_decision: dict[str, int] = field(default_factory=dict)
    supplements_received: int = 0
    green_channel: int = 0
    # 材料流转 and 统一出件 (each counts cases moved by that step)
    deferred_received: int = 0
    collected: int = 0
    returned_for_supplement: int = 0
    dispatched: int = 0
    approved: int = 0
    denied: int = 0
    sent_to_delivery: int = 0
    delivered_pickup: int = 0
    delivered_mail: int = 0
    mail_returned: int = 0
    tickets: int = 0  # 办不成事 / 投诉 / 建议 / 咨询 / 表扬
    ratings: DemoRatings = field(default_factory=DemoRatings)  # 好差评 (their 整改 tickets apart)
    staff: StaffSummary = field(default_factory=StaffSummary)  # meetings, inspections, sheets

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
    items: list[ServiceItem], leave_out: Callable[[str, bool, bool], bool], agent: bool = False
) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in merge_materials(items, agent=agent):
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
    # Applicants are born decades before the data starts and due dates run years past it.
    start = end - timedelta(days=days)
    if start.year < 2000 or end.year > 2090:
        raise ValidationError("end", "演示数据的日期应在 2000–2090 年之间")
    # Made again from the seed if a power cut takes back its last transactions: written as a
    # bulk run (store/db.py), which does not wait for the disk at every commit.
    with ws.db.bulk_writes():
        return _generate(ws, days, per_day, seed, end, consultation_share)


def _generate(
    ws: Workstation, days: int, per_day: int, seed: int, end: date, consultation_share: float
) -> DemoSummary:
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
    # Routing and delivery draw from their own stream of the same seed, so intake and
    # consultations come out exactly as they would without them.
    flow = _Flow(ws, random.Random(f"{seed}:routing"), staff, calendar, summary)

    for offset in range(days - 1, -1, -1):
        day = end - timedelta(days=offset)
        if not calendar.is_working_day(day):
            continue
        summary.days += 1
        pending.extend(flow.pending)
        flow.pending.clear()
        # The day's returning applicants, each at the window of the clerk drawn, one transaction.
        today = [(case_no, brought) for on, case_no, brought in pending if on == day]
        intake.receive_supplement_many(
            ws, [intake.SupplementLine(rng.choice(clerks), n, got, day) for n, got in today]
        )
        for case_no, _ in today:
            summary.supplements_received += 1
            flow.supplied(case_no, day)
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
                draft.received = _received(
                    chosen, lambda n, req, dfr: req and dfr, agent=draft.agent is not None
                )
                due = intake.due_for(calendar, chosen, day)[0].day
                draft.deferred_deadline = min(due, calendar.due_date(day, 3, "G").day)
                draft.commitment = "本人承诺在期限内补齐容缺材料，逾期未补齐的自愿承担相应责任"
            elif step == CaseEvent.REQUEST_SUPPLEMENT:
                required = [m.name for m in merge_materials(chosen) if m.required]
                left_out = set(rng.sample(required, k=min(len(required), rng.randint(1, 2))))
                draft.received = _received(
                    chosen,
                    lambda n, req, dfr, out=left_out: n in out,
                    agent=draft.agent is not None,
                )
            else:
                draft.received = _received(
                    chosen,
                    lambda n, req, dfr: not req and rng.random() < 0.5,
                    agent=draft.agent is not None,
                )
            if step == CaseEvent.REFUSE:
                draft.reason = REFUSAL
            batch[clerk.username].append((step, draft, day))
        for clerk in clerks:
            for step, draft, _ in batch[clerk.username]:
                summary.by_decision[step.value] = summary.by_decision.get(step.value, 0) + 1
                summary.green_channel += draft.assistance is not None
            results = intake.intake_many(ws, clerk, batch[clerk.username])
            for (step, draft, _), result in zip(batch[clerk.username], results, strict=True):
                if step == CaseEvent.REQUEST_SUPPLEMENT and rng.random() < 0.6:
                    back = calendar.due_date(day, rng.randint(1, 4), "G").day
                    if back <= end:
                        missing = {m.name: m.copies for m in result.missing}
                        pending.append((back, result.case_no, missing))
                flow.admit(step, draft, result, clerk.username, day)
        flow.run_day(day)
    worked = [end - timedelta(days=o) for o in range(days - 1, -1, -1)]
    working = [d for d in worked if calendar.is_working_day(d)]
    summary.tickets = generate_tickets(ws, staff, working, seed)
    summary.ratings = generate_ratings(ws, staff, working, seed)
    summary.staff = generate_staff(ws, staff, working, seed)
    return summary


@dataclass
class _Folder:
    """Where the demo will move one case next, and on which day."""

    case_no: str
    clerk: str  # the accepting clerk's username
    applicant: ApplicantDraft
    items: list[ServiceItem]
    step: str = ""
    day: date = date.min
    missing: dict[str, int] = field(default_factory=dict)
    department: str = ""
    approved: bool = True
    returned_once: bool = False  # by the routing post's pre-review
    mail_came_back: bool = False


class _Flow:
    """Moves the demo's cases through routing and delivery, day by day, through the services:
    most folders go window → routing post → department → delivery → applicant within their
    limits; some wait at a window for days, some come back for supplements, some run late, a
    few are denied, most results are picked up and some are posted (a few posts come back)."""

    STEPS = (
        "supplement",
        "deferred",
        "collect",
        "prereview",
        "dispatch",
        "decide",
        "deliver",
        "mail_return",
    )

    def __init__(
        self,
        ws: Workstation,
        rng: random.Random,
        staff: dict[str, Actor],
        calendar: WorkingCalendar,
        summary: DemoSummary,
    ) -> None:
        self.ws = ws
        self.rng = rng
        self.router = staff["router"]
        self.clerks = [staff["clerk1"], staff["clerk2"], staff["clerk3"]]
        self.names = {a.username: a.display_name for a in staff.values()}
        self.people = _People(rng)  # proxies who collect results
        self.calendar = calendar
        self.summary = summary
        # Folders by their next step; a delivered case leaves (a large home stays cheap).
        self.waiting: dict[str, dict[str, _Folder]] = {step: {} for step in self.STEPS}
        self.pending: list[tuple[date, str, dict[str, int]]] = []  # supplements to bring back
        items, themes = catalog.load_catalog(ws)
        self.items = {i.code: i for i in items}
        self.themes = {t.code: t for t in themes}

    def _after(self, day: date, working_days: int) -> date:
        if working_days <= 0:
            return day
        return self.calendar.due_date(day, working_days, "G").day

    def _at(self, day: date, hour: int, minute: int, spread: int) -> datetime:
        start = datetime.combine(day, time(hour, minute))
        return (start + timedelta(minutes=self.rng.randint(0, spread))).astimezone()

    def _next(self, folder: _Folder, step: str, day: date) -> None:
        if folder.step:
            self.waiting[folder.step].pop(folder.case_no, None)
        folder.step, folder.day = step, day
        if step != "done":
            self.waiting[step][folder.case_no] = folder

    def _due(self, step: str, day: date) -> list[_Folder]:
        return [f for f in self.waiting[step].values() if f.day <= day]

    # -- intake hands over --------------------------------------------------------------------
    def admit(
        self, step: CaseEvent, draft: IntakeDraft, result: IntakeResult, clerk: str, day: date
    ) -> None:
        if draft.theme_code:
            items = [self.items[c] for c in self.themes[draft.theme_code].item_codes]
        else:
            items = [self.items[c] for c in draft.item_codes]
        folder = _Folder(result.case_no, clerk, draft.applicant, items)
        rng = self.rng
        if step == CaseEvent.COMPLETE_AT_WINDOW:
            later = day if rng.random() < 0.85 else self._after(day, rng.randint(1, 3))
            self._next(folder, "deliver", later)
        elif step == CaseEvent.ACCEPT_DEFERRED:
            folder.missing = {m.name: m.copies for m in result.missing}
            self._next(folder, "deferred", self._after(day, rng.randint(1, 2)))
        elif step == CaseEvent.ACCEPT:
            self._to_collect(folder, day)
        elif step == CaseEvent.REQUEST_SUPPLEMENT:
            self._next(folder, "supplement", date.max)

    def _to_collect(self, folder: _Folder, day: date) -> None:
        roll = self.rng.random()
        # Most folders leave the window the same afternoon; some wait (the board shows them).
        if roll < 0.65:
            later = day
        elif roll < 0.87:
            later = self._after(day, 1)
        else:
            later = self._after(day, self.rng.randint(2, 12))
        self._next(folder, "collect", later)

    def supplied(self, case_no: str, day: date) -> None:
        folder = self.waiting["supplement"].get(case_no)
        if folder is not None:
            self._to_collect(folder, day)

    # -- one working day ----------------------------------------------------------------------
    def run_day(self, day: date) -> None:
        self._deferred(day)
        self._mail_returns(day)
        self._prereview(day)
        self._dispatch(day)
        self._receive_back(day)
        self._deliver(day)
        self._collect(day)

    def _deferred(self, day: date) -> None:
        lines = []
        for folder in self._due("deferred", day):
            clerk = self.rng.choice(self.clerks)
            lines.append(intake.SupplementLine(clerk, folder.case_no, folder.missing, day))
            self.summary.deferred_received += 1
            self._to_collect(folder, day)
        # The day's 容缺 materials, each at its clerk's window, in one transaction.
        intake.receive_supplement_many(self.ws, lines)

    def _collect(self, day: date) -> None:
        by_clerk: dict[str, list[_Folder]] = {}
        for folder in self._due("collect", day):
            by_clerk.setdefault(folder.clerk, []).append(folder)
        for clerk, folders in by_clerk.items():
            result = routing.collect(
                self.ws,
                self.router,
                [f.case_no for f in folders],
                giver=self.names.get(clerk, ""),
                at=self._at(day, 16, 45, 30),
            )
            assert not result.refused, result.refused
            self.summary.collected += len(result.moved)
            for folder in folders:
                self._next(folder, "prereview", self._after(day, 1))

    def _prereview(self, day: date) -> None:
        passed = []
        returned = []
        rng = self.rng
        for folder in self._due("prereview", day):
            required = [m for m in merge_materials(folder.items) if m.required]
            if not folder.returned_once and required and rng.random() < 0.08:
                material = rng.choice(required)
                returned.append(
                    routing.SupplementReturn(
                        folder.case_no,
                        f"{material.name}{rng.choice(PREREVIEW_PROBLEMS)}",
                        materials=[material.name],
                        at=self._at(day, 9, 0, 40),
                    )
                )
                self.summary.returned_for_supplement += 1
                folder.returned_once = True
                self._next(folder, "supplement", date.max)
                back = self._after(day, rng.randint(1, 4))
                self.pending.append((back, folder.case_no, {material.name: material.copies}))
            else:
                passed.append(folder)
        if returned:  # each back to its window, all in one transaction
            routing.return_for_supplement_many(self.ws, self.router, returned)
        if passed:
            routing.pass_prereview(
                self.ws, self.router, [f.case_no for f in passed], at=self._at(day, 9, 30, 20)
            )
            for folder in passed:
                folder.department = folder.items[0].department
                self._next(folder, "dispatch", day)

    def _dispatch(self, day: date) -> None:
        by_department: dict[str, list[_Folder]] = {}
        for folder in self._due("dispatch", day):
            by_department.setdefault(folder.department, []).append(folder)
        rng = self.rng
        for department, folders in by_department.items():
            result = routing.dispatch(
                self.ws,
                self.router,
                department,
                [f.case_no for f in folders],
                receiver=rng.choice(DEPARTMENT_STAFF),
                at=self._at(day, 10, 0, 50),
            )
            assert not result.refused, result.refused
            self.summary.dispatched += len(result.moved)
            for folder, line in zip(folders, result.lines, strict=True):
                folder.approved = rng.random() >= 0.06
                due = line.due_date
                span = max(1, self.calendar.working_days_between(day, due) if due else 5)
                if rng.random() < 0.85:
                    decided = self._after(day, rng.randint(1, span))
                else:  # late: the department overruns the promised limit
                    decided = self._after(day, span + rng.randint(1, 4))
                self._next(folder, "decide", decided)

    def _receive_back(self, day: date) -> None:
        by_department: dict[str, list[_Folder]] = {}
        for folder in self._due("decide", day):
            by_department.setdefault(folder.department, []).append(folder)
        rng = self.rng
        back: list[_Folder] = []
        for department, folders in by_department.items():
            decisions = [
                routing.Decision(f.case_no, f.approved, "" if f.approved else rng.choice(DENIALS))
                for f in folders
            ]
            result = routing.receive_back(
                self.ws,
                self.router,
                department,
                decisions,
                giver=rng.choice(DEPARTMENT_STAFF),
                at=self._at(day, 14, 0, 50),
            )
            assert not result.refused, result.refused
            self.summary.approved += sum(1 for f in folders if f.approved)
            self.summary.denied += sum(1 for f in folders if not f.approved)
            for folder, line in zip(folders, result.lines, strict=True):
                if line.outstanding:  # 联办: on to the next department the next working day
                    folder.department = line.outstanding[0]
                    self._next(folder, "dispatch", self._after(day, 1))
                else:
                    back.append(folder)
        if back:
            result = routing.send_to_delivery(
                self.ws,
                self.router,
                [f.case_no for f in back],
                receiver=rng.choice(self.clerks).display_name,
                at=self._at(day, 15, 0, 20),
            )
            self.summary.sent_to_delivery += len(result.moved)
            for folder in back:
                later = day if rng.random() < 0.35 else self._after(day, rng.randint(1, 5))
                self._next(folder, "deliver", later)

    def _deliver(self, day: date) -> None:
        rng = self.rng
        by_clerk: dict[str, list[delivery.HandOut]] = {}
        for folder in sorted(self._due("deliver", day), key=lambda f: f.case_no):
            clerk = rng.choice(self.clerks)
            at = self._at(day, 15, 30, 90)
            mailable = all(DeliveryMethod.MAIL in i.delivery for i in folder.items)
            applicant = folder.applicant
            if mailable and not folder.mail_came_back and rng.random() < 0.25:
                street = rng.choice(STREETS)
                hand_out = delivery.HandOut(
                    folder.case_no,
                    mail=delivery.MailDraft(
                        recipient=applicant.contact_name or applicant.name,
                        phone=applicant.phone,
                        address=applicant.address or f"科尔沁左翼中旗{street}8号",
                        carrier="EMS",
                        tracking_no=f"E{rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}"
                        f"{rng.randint(0, 999_999_999):09d}CN",
                    ),
                    at=at,
                )
                self.summary.delivered_mail += 1
                if rng.random() < 0.15:
                    self._next(folder, "mail_return", self._after(day, rng.randint(2, 5)))
                else:
                    self._next(folder, "done", day)
            elif applicant.kind == "person" and rng.random() >= 0.06:
                hand_out = delivery.HandOut(folder.case_no, id_number=applicant.id_number, at=at)
                self.summary.delivered_pickup += 1
                self._next(folder, "done", day)
            else:
                proxy = self.people.person(day)
                while proxy.id_number == applicant.id_number:
                    proxy = self.people.person(day)
                hand_out = delivery.HandOut(
                    folder.case_no,
                    proxy=delivery.ProxyDraft(
                        proxy.name, proxy.id_number, "授权委托书（申请人签字）"
                    ),
                    at=at,
                )
                self.summary.delivered_pickup += 1
                self._next(folder, "done", day)
            by_clerk.setdefault(clerk.username, []).append(hand_out)
        # Each window's hand-outs of the day through the bulk path (the checks are the same).
        for clerk in self.clerks:
            if by_clerk.get(clerk.username):
                delivery.hand_out_many(self.ws, clerk, by_clerk[clerk.username])

    def _mail_returns(self, day: date) -> None:
        lines = []
        for folder in self._due("mail_return", day):
            clerk = self.rng.choice(self.clerks)
            reason = self.rng.choice(MAIL_RETURNS)
            lines.append(
                delivery.MailBack(clerk, folder.case_no, reason, at=self._at(day, 8, 40, 15))
            )
            self.summary.mail_returned += 1
            folder.mail_came_back = True
            self._next(folder, "deliver", self._after(day, self.rng.randint(1, 3)))
        delivery.mail_returned_many(self.ws, lines)  # the day's posts come back, one transaction
