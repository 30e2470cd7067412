"""Every text a person types into a service goes through the one text check: a right-to-left
override, a NUL, a terminal colour escape or 10 MB of text is refused on its field, and nothing
is written (no event, no audit entry, no change to the config file).

The table is written by hand on purpose: a new input needs a new row here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hall_desk.domain.assistance import Assistance, AssistanceFlag
from hall_desk.domain.errors import ValidationError, ValidationErrors
from hall_desk.domain.roles import Actor, Role
from hall_desk.domain.stations import Move
from hall_desk.services import (
    calendar,
    case_clock,
    cases,
    consultations,
    delivery,
    intake,
    routing,
    settings,
    users,
)
from hall_desk.services.consultations import ConsultationDraft
from hall_desk.services.delivery import MailDraft, ProxyDraft
from hall_desk.services.intake import AgentDraft
from hall_desk.services.routing import BatchResult, Decision
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import AuditEntry, Event
from hall_desk.sync import resolve_conflict
from tests.conftest import STAFF_PASSWORD, TODAY, make_home
from tests.services.helpers import draft_for, organisation, person, resident_id
from tests.services.test_routing import FOOD, MARKET, accept, at, to_delivery, to_department

TEN_MB = "长" * (10 * 1024 * 1024)
BAD = {
    "rlo": "\u202e",  # shows the rest of a line backwards: 退回原因 that read as something else
    "nul": "\x00",
    "ansi": "\x1b[31m",  # colours a terminal or a log viewer
    "10mb": TEN_MB,
}


def spoil(good: str, bad: str) -> str:
    """A plausible value with the bad part inside it; 10 MB replaces it outright."""
    return bad if len(bad) > 1000 else good[:2] + bad + good[2:]


@dataclass
class Hall:
    """One home shared by every row: nothing may be written, so the rows cannot disturb it."""

    ws: Workstation
    admin: Actor
    clerk: Actor
    router: Actor
    accepted: str  # at the window, clock running
    collected: str  # at the routing post, in pre-review
    at_routing: str  # collected and pre-reviewed
    at_department: str  # carried to 市场监督管理局
    ready: str  # back at the delivery window
    mailed: str  # posted by EMS, not yet returned
    case_id: str  # of `accepted`


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    ws = make_home(tmp_path_factory.mktemp("text") / "home")
    admin = Actor("admin", "张建国", Role.ADMIN)
    clerk = users.create_user(
        ws, admin, "clerk1", "王晓燕", Role.CLERK, STAFF_PASSWORD, "综合窗口1"
    )
    router = users.create_user(ws, admin, "router", "赵志刚", Role.ROUTER, STAFF_PASSWORD, "流转岗")
    accepted = accept(ws, clerk, n=1)
    at_routing = accept(ws, clerk, n=2)
    routing.collect(ws, router, [at_routing], at=at(TODAY, 10))
    routing.pass_prereview(ws, router, [at_routing], at=at(TODAY, 10, 30))
    collected = accept(ws, clerk, n=6)
    routing.collect(ws, router, [collected], at=at(TODAY, 10))
    at_department = accept(ws, clerk, n=3)
    to_department(ws, router, MARKET, at_department)
    ready = accept(ws, clerk, n=4)
    mailed = accept(ws, clerk, n=5)
    to_delivery(ws, router, MARKET, ready, mailed)
    delivery.mail(
        ws,
        clerk,
        mailed,
        MailDraft(
            "包海龙", "13904751234", "内蒙古通辽市科左中旗保康镇团结路88号", "EMS", "EA123456789CN"
        ),
        on=TODAY + timedelta(days=1),
    )
    case_id = cases.search_cases(ws, accepted)[0].id
    yield Hall(
        ws,
        admin,
        clerk,
        router,
        accepted,
        collected,
        at_routing,
        at_department,
        ready,
        mailed,
        case_id,
    )
    ws.close()


def _mail(**kw: str) -> MailDraft:
    values = {
        "recipient": "包海龙",
        "phone": "13904751234",
        "address": "内蒙古通辽市科左中旗保康镇团结路88号",
        "carrier": "EMS",
        "tracking_no": "EA987654321CN",
    }
    return MailDraft(**(values | kw))  # type: ignore[arg-type]


def _consult(**kw: str) -> ConsultationDraft:
    return ConsultationDraft(**({"topic": "个体工商户设立需要哪些材料"} | kw))  # type: ignore[arg-type]


def _intake(h: Hall, step: str, **kw: Any) -> Any:
    applicant = kw.pop("applicant", None) or person(resident_id(seq="900"))
    draft = draft_for(h.ws, [kw.pop("code", FOOD)], applicant)
    for name, value in kw.items():
        setattr(draft, name, value)
    if step == "accept_deferred":
        draft.received.pop("食品安全管理制度")
        draft.deferred_deadline = TODAY + timedelta(days=2)
    return getattr(intake, step)(h.ws, h.clerk, draft, on=TODAY)


def _applicant(field: str, text: str, kind: str = "person") -> Any:
    applicant = person(resident_id(seq="900")) if kind == "person" else organisation()
    setattr(applicant, field, text)
    return applicant


def _line(result: BatchResult, field: str) -> None:
    """A batch refuses a bad line on its own line; with one line, that is the whole action."""
    (line,) = result.lines
    assert line.ok or "不予许可理由" in line.message, line.message  # refused for its reason only
    if not line.ok:
        raise ValidationError(field, line.message)


Call = Callable[[Hall, str], object]
# (id, field the refusal names, a plausible value, the call with the value in its place)
INPUTS: list[tuple[str, str, str, Call]] = [
    # 咨询登记
    (
        "consultation.topic",
        "topic",
        "个体工商户设立需要哪些材料",
        lambda h, t: consultations.log_consultation(h.ws, h.clerk, _consult(topic=t)),
    ),
    (
        "consultation.note",
        "note",
        "申请人下午再来",
        lambda h, t: consultations.log_consultation(h.ws, h.clerk, _consult(note=t)),
    ),
    (
        "consultation.applicant_name",
        "applicant_name",
        "包海龙",
        lambda h, t: consultations.log_consultation(h.ws, h.clerk, _consult(applicant_name=t)),
    ),
    (
        "consultation.guided_window",
        "guided_window",
        "综合窗口3",
        lambda h, t: consultations.log_consultation(
            h.ws, h.clerk, _consult(outcome="guided", guided_window=t)
        ),
    ),
    # 受理
    (
        "intake.name",
        "name",
        "包海龙",
        lambda h, t: _intake(h, "accept", applicant=_applicant("name", t)),
    ),
    (
        "intake.address",
        "address",
        "科尔沁左翼中旗保康镇民主街12号",
        lambda h, t: _intake(h, "accept", applicant=_applicant("address", t)),
    ),
    (
        "intake.legal_representative",
        "legal_representative",
        "包海龙",
        lambda h, t: _intake(
            h, "accept", applicant=_applicant("legal_representative", t, "organisation")
        ),
    ),
    (
        "intake.contact_name",
        "contact_name",
        "包海龙",
        lambda h, t: _intake(h, "accept", applicant=_applicant("contact_name", t, "organisation")),
    ),
    (
        "intake.agent_name",
        "agent_name",
        "乌云其其格",
        lambda h, t: _intake(h, "accept", agent=AgentDraft(t, resident_id(seq="901"))),
    ),
    (
        "intake.assistance_helper",
        "assistance_helper",
        "李帮办",
        lambda h, t: _intake(
            h, "accept", assistance=Assistance(frozenset({AssistanceFlag.ELDERLY}), helper=t)
        ),
    ),
    (
        "intake.commitment",
        "commitment",
        "承诺五个工作日内补交食品安全管理制度",
        lambda h, t: _intake(h, "accept_deferred", commitment=t),
    ),
    (
        "intake.refusal_reason",
        "reason",
        "申请事项不属于本中心受理范围",
        lambda h, t: _intake(h, "refuse", reason=t),
    ),
    # 计时暂停
    (
        "clock.pause_note",
        "note",
        "送检至通辽市食品检验所",
        lambda h, t: case_clock.pause_clock(h.ws, h.router, h.accepted, "testing", note=t),
    ),
    # 工作日历
    (
        "calendar.override_note",
        "note",
        "旗政府通知临时闭馆",
        lambda h, t: calendar.set_override(h.ws, h.admin, date(2026, 12, 30), "holiday", t),
    ),
    (
        "calendar.year_note",
        "note",
        "国务院办公厅通知已录入",
        lambda h, t: calendar.set_year_covered(h.ws, h.admin, 2027, True, t),
    ),
    (
        "calendar.seeded_note",
        "note",
        "旗政府通知临时闭馆",
        lambda h, t: calendar.seed_overrides(
            h.ws, h.admin, [{"day": "2026-12-31", "kind": "holiday", "note": t}]
        ),
    ),
    # 查看完整信息
    (
        "cases.unmask_reason",
        "reason",
        "申请人电话核实",
        lambda h, t: cases.unmask(h.ws, h.clerk, h.case_id, "phone", t),
    ),
    # 流转
    (
        "routing.collect_giver",
        "giver",
        "王晓燕",
        lambda h, t: routing.collect(h.ws, h.router, [h.accepted], giver=t),
    ),
    (
        "routing.collect_note",
        "note",
        "材料袋已封口",
        lambda h, t: routing.collect(h.ws, h.router, [h.accepted], note=t),
    ),
    (
        "routing.return_reasons",
        "reasons",
        "营业执照复印件不清晰",
        lambda h, t: routing.return_for_supplement(h.ws, h.router, h.collected, t),
    ),
    (
        "routing.dispatch_receiver",
        "receiver",
        "刘建军",
        lambda h, t: routing.dispatch(h.ws, h.router, MARKET, [h.at_routing], receiver=t),
    ),
    (
        "routing.dispatch_note",
        "note",
        "请于三日内审结",
        lambda h, t: routing.dispatch(
            h.ws, h.router, MARKET, [h.at_routing], receiver="刘建军", note=t
        ),
    ),
    (
        "routing.receive_back_giver",
        "giver",
        "刘建军",
        lambda h, t: routing.receive_back(
            h.ws, h.router, MARKET, [Decision(h.at_department)], giver=t
        ),
    ),
    (
        "routing.receive_back_note",
        "note",
        "批文一份",
        lambda h, t: routing.receive_back(
            h.ws, h.router, MARKET, [Decision(h.at_department)], giver="刘建军", note=t
        ),
    ),
    (
        "routing.denial_reason",
        "reason",
        "经营场所不符合食品安全要求",
        lambda h, t: _line(
            routing.receive_back(
                h.ws, h.router, MARKET, [Decision(h.at_department, False, t)], giver="刘建军"
            ),
            "reason",
        ),
    ),
    (
        "routing.to_delivery_receiver",
        "receiver",
        "王晓燕",
        lambda h, t: routing.send_to_delivery(h.ws, h.router, [h.at_department], receiver=t),
    ),
    (
        "routing.to_delivery_note",
        "note",
        "批文一份",
        lambda h, t: routing.send_to_delivery(
            h.ws, h.router, [h.at_department], receiver="王晓燕", note=t
        ),
    ),
    (
        "routing.return_materials",
        "materials",
        "营业执照",
        lambda h, t: routing.return_for_supplement(
            h.ws, h.router, h.collected, "营业执照复印件不清晰", materials=[t]
        ),
    ),
    (
        "routing.dispatch_department",
        "department",
        MARKET,
        lambda h, t: routing.dispatch(h.ws, h.router, t, [h.at_routing], receiver="刘建军"),
    ),
    (
        "routing.receive_back_department",
        "department",
        MARKET,
        lambda h, t: routing.receive_back(
            h.ws, h.router, t, [Decision(h.at_department)], giver="刘建军"
        ),
    ),
    # 出件
    (
        "delivery.proxy_name",
        "proxy_name",
        "乌云",
        lambda h, t: delivery.pickup_by_proxy(
            h.ws,
            h.clerk,
            h.ready,
            ProxyDraft(t, resident_id(birth="19880808", seq="777"), "授权委托书"),
        ),
    ),
    (
        "delivery.authorisation",
        "authorisation",
        "授权委托书（申请人签字）",
        lambda h, t: delivery.pickup_by_proxy(
            h.ws, h.clerk, h.ready, ProxyDraft("乌云", resident_id(birth="19880808", seq="777"), t)
        ),
    ),
    (
        "delivery.recipient",
        "recipient",
        "包海龙",
        lambda h, t: delivery.mail(h.ws, h.clerk, h.ready, _mail(recipient=t)),
    ),
    (
        "consultation.correct_topic",
        "topic",
        "个体工商户设立需要哪些材料",
        lambda h, t: consultations.correct_consultation(
            h.ws, h.clerk, "no-such-consultation", _consult(topic=t), "渠道登记错了"
        ),
    ),
    (
        "consultation.correct_reason",
        "reason",
        "渠道登记错了",
        lambda h, t: consultations.correct_consultation(
            h.ws, h.clerk, "no-such-consultation", _consult(), t
        ),
    ),
    (
        "delivery.mail_address",
        "address",
        "内蒙古通辽市科左中旗保康镇团结路88号",
        lambda h, t: delivery.mail(h.ws, h.clerk, h.ready, _mail(address=t)),
    ),
    (
        "delivery.return_reason",
        "reason",
        "查无此人",
        lambda h, t: delivery.mail_returned(h.ws, h.clerk, h.mailed, t),
    ),
    # 用户
    (
        "users.create_display_name",
        "display_name",
        "巴特尔",
        lambda h, t: users.create_user(h.ws, h.admin, "bater", t, Role.CLERK, STAFF_PASSWORD),
    ),
    (
        "users.create_window",
        "window",
        "综合窗口2",
        lambda h, t: users.create_user(
            h.ws, h.admin, "bater", "巴特尔", Role.CLERK, STAFF_PASSWORD, t
        ),
    ),
    (
        "users.reset_password",
        "password",
        "reset2026ok",
        lambda h, t: users.reset_password(h.ws, h.admin, "clerk1", t, t),
    ),
    (
        "users.update_display_name",
        "display_name",
        "王晓燕",
        lambda h, t: users.update_user(h.ws, h.admin, "clerk1", display_name=t),
    ),
    (
        "users.update_window",
        "window",
        "综合窗口1",
        lambda h, t: users.update_user(h.ws, h.admin, "clerk1", window=t),
    ),
    # 设置
    (
        "settings.hall",
        "hall",
        "科尔沁左翼中旗政务服务中心",
        lambda h, t: settings.update_settings(h.ws, h.admin, hall=t),
    ),
    (
        "settings.window",
        "window",
        "综合窗口1",
        lambda h, t: settings.update_settings(h.ws, h.admin, window=t),
    ),
    (
        "settings.printer",
        "printer",
        "HP LaserJet",
        lambda h, t: settings.update_settings(h.ws, h.admin, printer=t),
    ),
    (
        "settings.shared_url",
        "shared_url",
        "postgresql://hall@db/hall",
        lambda h, t: settings.update_settings(h.ws, h.admin, shared_url=t),
    ),
    # 同步冲突
    (
        "sync.conflict_note",
        "note",
        "已与申请人核实，以第一次出件为准",
        lambda h, t: resolve_conflict(h.ws, h.admin, "no-such-conflict", t),
    ),
    # Numbers, codes and times: their own parsers refuse the same characters.
    (
        "consultation.phone",
        "phone",
        "13904751234",
        lambda h, t: consultations.log_consultation(h.ws, h.clerk, _consult(phone=t)),
    ),
    (
        "intake.phone",
        "phone",
        "13904751234",
        lambda h, t: _intake(h, "accept", applicant=_applicant("phone", t)),
    ),
    (
        "intake.id_number",
        "id_number",
        resident_id(seq="900"),
        lambda h, t: _intake(h, "accept", applicant=_applicant("id_number", t)),
    ),
    (
        "intake.agent_id_number",
        "agent_id_number",
        resident_id(seq="901"),
        lambda h, t: _intake(h, "accept", agent=AgentDraft("乌云其其格", t)),
    ),
    (
        "delivery.presented_id",
        "id_number",
        resident_id(seq="104"),
        lambda h, t: delivery.pickup_by_applicant(h.ws, h.clerk, h.ready, t),
    ),
    (
        "delivery.proxy_id_number",
        "proxy_id_number",
        resident_id(birth="19880808", seq="777"),
        lambda h, t: delivery.pickup_by_proxy(
            h.ws, h.clerk, h.ready, ProxyDraft("乌云", t, "授权委托书")
        ),
    ),
    (
        "delivery.mail_phone",
        "phone",
        "13904751234",
        lambda h, t: delivery.mail(h.ws, h.clerk, h.ready, _mail(phone=t)),
    ),
    (
        "delivery.carrier",
        "carrier",
        "EMS",
        lambda h, t: delivery.mail(h.ws, h.clerk, h.ready, _mail(carrier=t)),
    ),
    (
        "delivery.tracking_no",
        "tracking_no",
        "EA987654321CN",
        lambda h, t: delivery.mail(h.ws, h.clerk, h.ready, _mail(tracking_no=t)),
    ),
    (
        "users.username",
        "username",
        "bater",
        lambda h, t: users.create_user(h.ws, h.admin, t, "巴特尔", Role.CLERK, STAFF_PASSWORD),
    ),
    (
        "settings.sync_time",
        "sync_time",
        "02:00",
        lambda h, t: settings.update_settings(h.ws, h.admin, sync_time=t),
    ),
]


def _written(h: Hall) -> tuple[int, int, bytes]:
    with h.ws.reading() as s:
        events = s.scalar(select(func.count()).select_from(Event)) or 0
        audits = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
    return events, audits, (Path(h.ws.home.path) / "config.json").read_bytes()


@pytest.mark.parametrize("bad", list(BAD), ids=list(BAD))
@pytest.mark.parametrize(
    ("field", "good", "call"), [row[1:] for row in INPUTS], ids=[row[0] for row in INPUTS]
)
def test_bad_text_is_refused_on_its_field_and_writes_nothing(
    hall: Hall, field: str, good: str, call: Call, bad: str
) -> None:
    before = _written(hall)
    with pytest.raises((ValidationError, ValidationErrors)) as exc:
        call(hall, spoil(good, BAD[bad]))
    errors = exc.value.errors if isinstance(exc.value, ValidationErrors) else [exc.value]
    assert field in {e.field for e in errors}, [(e.field, e.message[:80]) for e in errors]
    assert all(len(e.message) < 500 for e in errors), "the refusal must not echo the text back"
    assert _written(hall) == before


def test_every_row_accepts_its_plausible_value(tmp_path: Path) -> None:
    """The rows' good values pass the check, so a refusal above is the bad part's doing."""
    from hall_desk.domain.text import clean_text

    for _, field, good, _ in INPUTS:
        assert clean_text(good, field, field, max_len=100) == good


def test_search_queries_have_a_length_limit(hall: Hall) -> None:
    """Searches write nothing and may keep a looser rule, but 10 MB finds nothing at once."""
    h = hall
    assert cases.search_cases(h.ws, TEN_MB) == []
    assert delivery.ready_queue(h.ws, h.clerk, TEN_MB) == []
    assert intake.awaiting_supplement(h.ws, h.clerk, TEN_MB) is None
    from hall_desk.services import catalog

    assert catalog.search(h.ws, TEN_MB) == []
    line = routing.check_scan(h.ws, h.router, Move.COLLECT, TEN_MB)
    assert not line.ok and len(line.message) < 200
    # the ordinary searches still work
    assert [x.case_no for x in cases.search_cases(h.ws, h.accepted)] == [h.accepted]
    assert [r.case_no for r in delivery.ready_queue(h.ws, h.clerk, h.ready)] == [h.ready]
