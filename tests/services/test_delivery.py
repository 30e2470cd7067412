"""统一出件: the ready queue, pickups (本人/代领), mailings, returned mail, the delivery log, and
random sequences of routing and delivery actions that must never leave a case inconsistent."""

from __future__ import annotations

import itertools
import json
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from hall_desk.domain.assistance import Assistance, AssistanceFlag
from hall_desk.domain.catalog import DeliveryMethod
from hall_desk.domain.errors import (
    HallDeskError,
    PermissionDenied,
    TransitionError,
    ValidationError,
    ValidationErrors,
)
from hall_desk.domain.lifecycle import CaseEvent, event_for_kind
from hall_desk.services import delivery, intake, routing
from hall_desk.services.delivery import DeliveryFilter, MailDraft, ProxyDraft, check_tracking_no
from hall_desk.services.routing import Decision
from hall_desk.store.models import AuditEntry, CaseRow, Event
from hall_desk.store.models_routing import DeliveryRow, HandoffRow
from tests.conftest import TODAY
from tests.services.helpers import draft_for, person, resident_id
from tests.services.test_routing import (
    CARD,
    EMPLOYMENT,
    FOOD,
    LABOUR,
    MARKET,
    accept,
    case_row,
    counts,
    to_delivery,
    to_department,
)

WED = TODAY + timedelta(days=1)
APPLICANT_ID = resident_id(seq="101")  # what tests.services.test_routing.accept(n=1) uses
PROXY_ID = resident_id(birth="19880808", seq="777")
ADDRESS = "内蒙古通辽市科尔沁左翼中旗保康镇团结路88号"


def mail_draft(**kw) -> MailDraft:  # type: ignore[no-untyped-def]
    values = {
        "recipient": "包海龙",
        "phone": "13904751234",
        "address": ADDRESS,
        "carrier": "EMS",
        "tracking_no": "EA123456789CN",
    }
    values.update(kw)
    return MailDraft(**values)


# --- tracking numbers (pure) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("carrier", "raw", "expected"),
    [
        ("EMS", "EA123456789CN", "EA123456789CN"),
        ("EMS", " ea 123456789 cn ", "EA123456789CN"),
        ("EMS", "1234567890123", "1234567890123"),
        ("EMS", "ＥＡ１２３４５６７８９ＣＮ", "EA123456789CN"),
        ("SF", "SF123456789012", "SF123456789012"),
        ("ZTO", "78123456789012", "78123456789012"),
        ("OTHER", "ABCD1234", "ABCD1234"),
    ],
)
def test_tracking_numbers_that_pass(carrier, raw, expected):
    assert check_tracking_no(carrier, raw) == expected


@pytest.mark.parametrize(
    ("carrier", "raw", "message"),
    [
        ("EMS", "", "请填写运单号"),
        ("EMS", "EA12345678CN", "EMS 运单号「EA12345678CN」格式不对"),
        ("EMS", "E1123456789CN", "EMS 运单号"),
        ("EMS", "123456789012", "13 位"),
        ("SF", "SF12345678901", "顺丰运单号"),
        ("SF", "1234567890123", "SF 加 12 位数字"),
        ("YTO", "YT12-3456", "8–30 位字母或数字"),
        ("JD", "A" * 31, "8–30 位"),
    ],
)
def test_tracking_numbers_that_fail_say_the_shape(carrier, raw, message):
    with pytest.raises(ValidationError, match=message) as exc:
        check_tracking_no(carrier, raw)
    assert exc.value.field == "tracking_no"


def test_unknown_carrier():
    with pytest.raises(ValidationError, match="快递公司应为") as exc:
        delivery.check_carrier("UPS")
    assert exc.value.field == "carrier"
    assert delivery.check_carrier("") == "EMS" and delivery.check_carrier(" sf ") == "SF"


# --- the ready queue ------------------------------------------------------------------------------


def test_the_queue_holds_routed_results_and_immediate_items(ws, clerk, router):
    routed = accept(ws, clerk, n=1, name="包海龙", phone="13904751234")
    green_draft = draft_for(
        ws, [EMPLOYMENT], person(resident_id(seq="102"), name="白玉兰", phone="13704759999")
    )
    green_draft.assistance = Assistance(frozenset({AssistanceFlag.ELDERLY}))
    immediate = intake.complete_at_window(ws, clerk, green_draft, on=TODAY).case_no
    not_yet = accept(ws, clerk, code=CARD, n=3, name="乌云", phone="13804750000")
    to_delivery(ws, router, MARKET, routed)

    queue = delivery.ready_queue(ws, clerk)
    assert [r.case_no for r in queue] == [immediate, routed]  # green channel first
    first, second = queue
    assert (first.result, first.station_label, first.green_text) == (
        "即办办结",
        "综合窗口1",
        "绿色通道",
    )
    assert first.mail_allowed is False  # 就业登记 is handed out at a window only
    assert (second.result, second.station_label, second.mail_allowed) == (
        "已办结",
        "出件窗口",
        True,
    )
    assert second.applicant_id_masked == "150521**********" + APPLICANT_ID[-2:]
    assert second.applicant_phone_masked == "139****1234"

    def found(text: str) -> list[str]:
        return [r.case_no for r in delivery.ready_queue(ws, clerk, text)]

    assert found(routed) == [routed]
    assert found(routed.lower()) == [routed]
    assert found(APPLICANT_ID) == [routed]
    assert found(APPLICANT_ID.lower()) == [routed]
    assert found("139 0475 1234") == [routed]
    assert found("白玉") == [immediate]
    assert found("20261124") == [immediate, routed]  # a case number's date prefix
    assert found(not_yet) == [] and found("乌云") == []
    with pytest.raises(PermissionDenied, match="统一出件"):
        delivery.ready_queue(ws, router)


# --- pickups --------------------------------------------------------------------------------------


def test_pickup_by_the_applicant_checks_the_id_through_the_blind_index(ws, clerk, router):
    case_no = accept(ws, clerk)
    to_delivery(ws, router, MARKET, case_no)
    before = counts(ws)
    with pytest.raises(ValidationError, match=r"与申请人登记的证件（150521\*{8}") as exc:
        delivery.pickup_by_applicant(ws, clerk, case_no, PROXY_ID, on=WED)
    assert exc.value.field == "id_number"
    assert PROXY_ID not in exc.value.message and APPLICANT_ID not in exc.value.message
    with pytest.raises(ValidationError, match="请输入"):
        delivery.pickup_by_applicant(ws, clerk, case_no, "  ", on=WED)
    assert counts(ws) == before

    typed = f" {APPLICANT_ID[:6]} {APPLICANT_ID[6:].lower()}"  # spaces and a lower-case x
    result = delivery.pickup_by_applicant(ws, clerk, case_no, typed, on=WED)
    assert result.method == DeliveryMethod.PICKUP and result.recipient_name == "包海龙"
    assert result.recipient_id_masked == "150521**********" + APPLICANT_ID[-2:]
    row = case_row(ws, case_no)
    assert (row.state, row.station, row.delivered_on, row.delivery_method) == (
        "delivered",
        "applicant",
        WED,
        "pickup",
    )
    with ws.reading() as s:
        event = s.scalars(
            select(Event).where(Event.kind == "case.delivered", Event.entity_id == row.id)
        ).one()
        audit = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert json.loads(event.payload)["set"] == {
        "delivered_on": WED.isoformat(),
        "delivery_method": "pickup",
        "station": "applicant",
        "station_since": json.loads(event.payload)["set"]["station_since"],
    }
    assert (audit.action, audit.target) == ("delivery.applicant", case_no)

    with pytest.raises(TransitionError, match="当前在「申请人」，状态「已出件」，不能出件：已于"):
        delivery.pickup_by_applicant(ws, clerk, case_no, APPLICANT_ID, on=WED)


def test_pickup_by_a_proxy_validates_and_seals_the_proxy_id(ws, clerk, router):
    case_no = accept(ws, clerk)
    to_delivery(ws, router, MARKET, case_no)
    before = counts(ws)
    with pytest.raises(ValidationErrors) as exc:
        delivery.pickup_by_proxy(
            ws, clerk, case_no, ProxyDraft("", PROXY_ID[:-1] + "0", ""), on=WED
        )
    assert {e.field for e in exc.value.errors} == {"proxy_name", "proxy_id_number", "authorisation"}
    assert "校验位" in exc.value.message
    with pytest.raises(ValidationError, match="请选择本人领取"):
        delivery.pickup_by_proxy(
            ws, clerk, case_no, ProxyDraft("包海龙", APPLICANT_ID, "授权委托书"), on=WED
        )
    assert counts(ws) == before

    result = delivery.pickup_by_proxy(
        ws, clerk, case_no, ProxyDraft("白 玉兰", PROXY_ID, "授权委托书（申请人签字）"), on=WED
    )
    assert result.recipient_name == "白 玉兰"
    assert result.recipient_id_masked == f"{PROXY_ID[:6]}**********{PROXY_ID[-2:]}"
    with ws.reading() as s:
        row = s.get(DeliveryRow, result.delivery_id)
        assert row is not None
        assert row.recipient_kind == "proxy" and row.authorisation == "授权委托书（申请人签字）"
        assert PROXY_ID not in row.recipient_id_cipher
        assert ws.key.decrypt("id_number", row.recipient_id_cipher) == PROXY_ID
        assert row.recipient_id_index == ws.key.blind_index("id_number", PROXY_ID)
        assert row.clerk == "clerk1" and row.window == "综合窗口1"
        payloads = " ".join(e.payload for e in s.scalars(select(Event)))
    assert PROXY_ID not in payloads


def test_results_still_away_cannot_be_handed_out(ws, clerk, router):
    at_department = accept(ws, clerk, n=1)
    to_department(ws, router, MARKET, at_department)
    back = accept(ws, clerk, n=2)
    to_department(ws, router, MARKET, back)
    routing.receive_back(ws, router, MARKET, [Decision(back)], giver="刘建军")
    before = counts(ws)
    with pytest.raises(TransitionError) as exc:
        delivery.pickup_by_applicant(ws, clerk, at_department, APPLICANT_ID)
    assert exc.value.message == (
        f"办件 {at_department} 当前在「{MARKET}」，状态「审批中」，不能出件：审批结果尚未取回"
    )
    with pytest.raises(TransitionError, match=r"当前在「流转岗」，状态「已办结」.*未送达出件窗口"):
        delivery.mail(ws, clerk, back, mail_draft())
    with pytest.raises(TransitionError, match="尚无办理结果"):
        delivery.pickup_by_applicant(ws, clerk, accept(ws, clerk, n=3), APPLICANT_ID)
    assert counts(ws)[0] == before[0] + 2  # only the third intake's two events
    with pytest.raises(PermissionDenied):
        delivery.pickup_by_applicant(ws, router, back, APPLICANT_ID)


# --- mail -----------------------------------------------------------------------------------------


def test_mailing_seals_the_address_and_a_return_puts_the_result_back(ws, clerk, router):
    case_no = accept(ws, clerk)
    to_delivery(ws, router, MARKET, case_no)
    before = counts(ws)
    with pytest.raises(ValidationErrors) as exc:
        delivery.mail(
            ws,
            clerk,
            case_no,
            mail_draft(recipient="", phone="12345", address="保康镇", tracking_no="EA123CN"),
            on=WED,
        )
    assert {e.field for e in exc.value.errors} == {"recipient", "phone", "address", "tracking_no"}
    with pytest.raises(ValidationErrors, match="寄出日期不能晚于今天"):
        delivery.mail(ws, clerk, case_no, mail_draft(sent_on=WED + timedelta(days=1)), on=WED)
    assert counts(ws) == before

    sent = delivery.mail(ws, clerk, case_no, mail_draft(tracking_no="ea 123456789 cn"), on=WED)
    assert (sent.method, sent.carrier, sent.tracking_no) == ("mail", "EMS", "EA123456789CN")
    row = case_row(ws, case_no)
    assert (row.state, row.delivered_on, row.delivery_method) == ("delivered", WED, "mail")
    with ws.reading() as s:
        posted = s.get(DeliveryRow, sent.delivery_id)
        assert posted is not None
        assert posted.phone_masked == "139****1234"
        assert posted.address_masked.startswith("内蒙古通辽市") and "*" in posted.address_masked
        assert ws.key.decrypt("address", posted.address_cipher) == ADDRESS
    raw = b"".join(p.read_bytes() for p in ws.home.path.iterdir() if p.name.startswith("local"))
    assert ADDRESS.encode() not in raw and "团结路88号".encode() not in raw

    # The courier's list is in full, and reading it is audited.
    (entry,) = delivery.mailing_list(ws, clerk, WED)
    assert (entry.address, entry.phone, entry.tracking_no) == (
        ADDRESS,
        "13904751234",
        "EA123456789CN",
    )
    with ws.reading() as s:
        audit = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert audit.action == "delivery.mailing_list"
    assert delivery.mailing_list(ws, clerk, TODAY) == []

    thu = WED + timedelta(days=1)
    with pytest.raises(ValidationError, match="退回原因"):
        delivery.mail_returned(ws, clerk, case_no, " ", on=thu)
    back = delivery.mail_returned(ws, clerk, case_no, "查无此人", on=thu)
    assert (back.tracking_no, back.reason) == ("EA123456789CN", "查无此人")
    row = case_row(ws, case_no)
    assert (row.state, row.station, row.delivered_on, row.delivery_method) == (
        "ready_for_delivery",
        "delivery",
        None,
        "",
    )
    (waiting,) = delivery.ready_queue(ws, clerk)
    assert waiting.last_return == "邮件退回（2026-11-26）：查无此人"
    with pytest.raises(TransitionError, match="没有未退回的邮寄记录"):
        delivery.mail_returned(ws, clerk, case_no, "查无此人", on=thu)

    again = delivery.pickup_by_applicant(ws, clerk, case_no, APPLICANT_ID, on=thu)
    assert case_row(ws, case_no).state == "delivered"
    with pytest.raises(TransitionError, match="没有未退回的邮寄记录"):
        delivery.mail_returned(ws, clerk, case_no, "拒收", on=thu)
    log = delivery.delivery_log(ws, clerk)
    assert [(e.method_label, e.returned_on) for e in log] == [("邮寄", thu), ("窗口领取", None)]
    assert log[1].delivery_id == again.delivery_id
    with ws.reading() as s:
        chain = [
            (h.from_station, h.to_station)
            for h in s.scalars(select(HandoffRow).order_by(HandoffRow.hlc))
        ][-3:]
    assert chain == [
        ("delivery", "applicant"),
        ("applicant", "delivery"),
        ("delivery", "applicant"),
    ]


def test_mail_is_refused_for_pickup_only_items_and_reused_tracking_numbers(ws, clerk, router):
    immediate = intake.complete_at_window(
        ws, clerk, draft_for(ws, [EMPLOYMENT], person(resident_id(seq="301"))), on=TODAY
    ).case_no
    first = accept(ws, clerk, n=1)
    other = accept(ws, clerk, n=2, name="乌云")
    to_delivery(ws, router, MARKET, first, other)
    before = counts(ws)
    with pytest.raises(ValidationError, match="不支持邮寄送达") as exc:
        delivery.mail(ws, clerk, immediate, mail_draft())
    assert exc.value.field == "method"
    assert counts(ws) == before
    delivery.mail(ws, clerk, first, mail_draft(), on=WED)
    with pytest.raises(ValidationError, match=f"已用于办件 {first}"):
        delivery.mail(ws, clerk, other, mail_draft(recipient="乌云"), on=WED)


def test_mail_prefill_reveals_the_applicant_address_and_is_audited(ws, clerk, router):
    case_no = accept(ws, clerk)
    draft = delivery.mail_draft_for(ws, clerk, case_no)
    assert (draft.recipient, draft.phone) == ("包海龙", "13904751234")
    assert draft.address == "科尔沁左翼中旗保康镇民主街12号" and draft.carrier == "EMS"
    with ws.reading() as s:
        audit = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert (audit.action, audit.target) == ("pii.unmask", case_no)
    with pytest.raises(PermissionDenied):
        delivery.mail_draft_for(ws, router, case_no)


# --- the delivery log -----------------------------------------------------------------------------


def test_the_delivery_log_filters_by_day_window_method_item_and_department(
    ws, clerk, router, admin
):
    market = accept(ws, clerk, n=1)
    labour = accept(ws, clerk, code=CARD, n=2)
    to_delivery(ws, router, MARKET, market)
    to_delivery(ws, router, LABOUR, labour)
    delivery.pickup_by_proxy(
        ws, clerk, market, ProxyDraft("白玉兰", PROXY_ID, "授权委托书"), on=WED
    )
    delivery.mail(ws, admin, labour, mail_draft(), on=TODAY)

    def nos(**kw) -> list[str]:  # type: ignore[no-untyped-def]
        return [e.case_no for e in delivery.delivery_log(ws, clerk, DeliveryFilter(**kw))]

    assert nos() == [labour, market]
    assert nos(start=WED, end=WED) == [market]
    assert nos(method="mail") == [labour] and nos(method="pickup") == [market]
    assert nos(window="综合窗口1") == [market]
    assert nos(item_code=CARD) == [labour] and nos(item_code=FOOD) == [market]
    assert nos(department=MARKET) == [market] and nos(department="民政局") == []
    with pytest.raises(ValidationError, match="出件方式"):
        nos(method="courier")

    masked = {e.case_no: e for e in delivery.delivery_log(ws, clerk)}
    assert masked[market].recipient_id.startswith("150521**********")
    assert masked[labour].phone == "139****1234" and "*" in masked[labour].address
    before = counts(ws)
    full = {e.case_no: e for e in delivery.delivery_log(ws, clerk, unmask=True)}
    assert full[market].recipient_id == PROXY_ID
    assert (full[labour].phone, full[labour].address) == ("13904751234", ADDRESS)
    assert counts(ws)[1] == before[1] + 1, "an unmasked view is audited"
    with pytest.raises(PermissionDenied):
        delivery.delivery_log(ws, router)
    assert delivery.delivery_windows(ws) == ["综合窗口1"]  # the admin account has no window


# --- random sequences never reach an inconsistent state -------------------------------------------

ACTIONS = [
    "collect",
    "pass",
    "return",
    "supplement",
    "dispatch",
    "dispatch_wrong",
    "approve",
    "deny",
    "to_delivery",
    "pickup",
    "pickup_wrong_id",
    "proxy",
    "mail",
    "mail_returned",
]
# Where a folder may be in each state (the window covers both "window" and "window:<name>").
STATIONS = {
    "accepted": {"window"},
    "awaiting_supplement": {"window"},
    "prereview": {"routing"},
    "routing": {"routing"},
    "under_review": {f"dept:{MARKET}"},
    "concluded": {"routing"},
    "denied": {"routing"},
    "ready_for_delivery": {"delivery", "window"},
    "delivered": {"applicant"},
}


# The step that moves a case on from each state (so random sequences also get deep).
ADVANCE = {
    "accepted": "collect",
    "awaiting_supplement": "supplement",
    "prereview": "pass",
    "routing": "dispatch",
    "under_review": "approve",
    "concluded": "to_delivery",
    "denied": "to_delivery",
    "ready_for_delivery": "mail",
    "delivered": "mail_returned",
}


def _act(ws, clerk, router, action: str, case_no: str, serial: int) -> bool:  # type: ignore[no-untyped-def]
    """Runs one action; False when a batch action refused its only line."""
    if action == "advance":
        action = ADVANCE[case_row(ws, case_no).state]
    if action == "collect":
        return bool(routing.collect(ws, router, [case_no]).moved)
    if action == "pass":
        return bool(routing.pass_prereview(ws, router, [case_no]).moved)
    if action == "dispatch":
        return bool(routing.dispatch(ws, router, MARKET, [case_no], receiver="刘建军").moved)
    if action == "dispatch_wrong":
        return bool(routing.dispatch(ws, router, LABOUR, [case_no], receiver="刘建军").moved)
    if action in ("approve", "deny"):
        decision = Decision(
            case_no, action == "approve", "" if action == "approve" else "不符合条件"
        )
        return bool(routing.receive_back(ws, router, MARKET, [decision], giver="刘建军").moved)
    if action == "to_delivery":
        return bool(routing.send_to_delivery(ws, router, [case_no], receiver="王晓燕").moved)
    if action == "return":
        routing.return_for_supplement(
            ws, router, case_no, "营业执照复印件不清晰", materials=["营业执照"]
        )
    elif action == "supplement":
        intake.receive_supplement(ws, clerk, case_no, {"营业执照": 1})
    elif action == "pickup":
        delivery.pickup_by_applicant(ws, clerk, case_no, APPLICANT_ID)
    elif action == "pickup_wrong_id":
        delivery.pickup_by_applicant(ws, clerk, case_no, PROXY_ID)
    elif action == "proxy":
        delivery.pickup_by_proxy(ws, clerk, case_no, ProxyDraft("白玉兰", PROXY_ID, "授权委托书"))
    elif action == "mail":
        delivery.mail(ws, clerk, case_no, mail_draft(tracking_no=f"{serial:013d}"))
    elif action == "mail_returned":
        delivery.mail_returned(ws, clerk, case_no, "查无此人")
    return True


def _check_consistent(ws, case_nos: list[str]) -> None:  # type: ignore[no-untyped-def]
    with ws.reading() as s:
        for case_no in case_nos:
            case = s.scalars(select(CaseRow).where(CaseRow.case_no == case_no)).one()
            station = "window" if routing.is_window(case.station) else case.station
            assert station in STATIONS[case.state], (case.state, case.station)
            handoffs = list(
                s.scalars(
                    select(HandoffRow).where(HandoffRow.case_id == case.id).order_by(HandoffRow.hlc)
                )
            )
            # One custody chain: no folder is ever at two stations.
            for before, after in itertools.pairwise(handoffs):
                assert before.to_station == after.from_station
            if handoffs:
                assert handoffs[0].from_station == "window"
                assert handoffs[-1].to_station == case.station
                # Only 预审通过 and a received supplement change the state in place.
                in_place = {("prereview", "routing"), ("awaiting_supplement", "accepted")}
                moved_to = handoffs[-1].state
                assert moved_to == case.state or (moved_to, case.state) in in_place
            open_deliveries = s.scalar(
                select(func.count())
                .select_from(DeliveryRow)
                .where(DeliveryRow.case_id == case.id, DeliveryRow.returned_on.is_(None))
            )
            # Never delivered twice; delivered exactly when one delivery stands.
            assert open_deliveries == (1 if case.state == "delivered" else 0)
            kinds = [
                e.kind
                for e in s.scalars(
                    select(Event)
                    .where(Event.entity_type == "case", Event.entity_id == case.id)
                    .order_by(Event.hlc)
                )
            ]
            if "case.delivered" in kinds:
                first = kinds.index("case.delivered")
                decided = {"case.approved", "case.denied", "case.completed_at_window"}
                assert decided & set(kinds[:first]), "delivered before a decision"


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(ACTIONS + ["advance"] * len(ACTIONS)),
            st.integers(min_value=0, max_value=1),
        ),
        min_size=4,
        max_size=24,
    )
)
def test_random_routing_and_delivery_never_reach_an_inconsistent_state(ws, clerk, router, steps):
    # Fresh cases for every example (the home is shared): two promised, one immediate.
    case_nos = [
        intake.accept(ws, clerk, draft_for(ws, [FOOD], person(APPLICANT_ID)), on=TODAY).case_no,
        intake.complete_at_window(
            ws, clerk, draft_for(ws, [EMPLOYMENT], person(APPLICANT_ID)), on=TODAY
        ).case_no,
    ]
    for serial, (action, which) in enumerate(steps):
        case_no = case_nos[which]
        before = counts(ws)
        state_before = case_row(ws, case_no).state
        try:
            moved = _act(ws, clerk, router, action, case_no, serial)
        except HallDeskError:
            moved = False
        if not moved:
            assert counts(ws) == before, f"a refused {action} wrote something"
            assert case_row(ws, case_no).state == state_before
        _check_consistent(ws, case_nos)
    event(f"promised case ended {case_row(ws, case_nos[0]).state}")


def test_a_returned_mailing_is_the_lifecycle_step_not_a_state_write(ws, clerk, router):
    case_no = accept(ws, clerk)
    to_delivery(ws, router, MARKET, case_no)
    delivery.mail(ws, clerk, case_no, mail_draft(), on=WED)
    delivery.mail_returned(ws, clerk, case_no, "查无此人", on=WED)
    case = case_row(ws, case_no)
    with ws.reading() as s:
        (returned,) = s.scalars(
            select(Event).where(Event.entity_id == case.id, Event.kind == "case.mail_returned")
        ).all()
    payload = json.loads(returned.payload)
    assert "state" not in payload["set"]
    assert event_for_kind(returned.kind) is CaseEvent.MAIL_RETURNED
    assert case.state == "ready_for_delivery"


def test_a_move_the_lifecycle_does_not_allow_is_refused_and_writes_nothing(ws, clerk):
    case_no = accept(ws, clerk)
    case = case_row(ws, case_no)
    before = counts(ws)
    refused = pytest.raises(TransitionError, match="「已受理」，不能执行「邮件退回」")
    with refused, ws.transaction(clerk) as tx:
        routing.record_move(
            tx,
            tx.session.get(CaseRow, case.id),
            step=CaseEvent.MAIL_RETURNED,
            move=routing.Move.MAIL_RETURNED,
            to_station=routing.DELIVERY,
            on=TODAY,
            at=ws.moment_on(TODAY),
            giver="中国邮政 EMS",
            receiver="王晓燕",
        )
    assert counts(ws) == before
    assert case_row(ws, case_no).state == "accepted"
