"""The paper of routing and delivery read back: labels, 交接单, 领取签收单, the mailing list."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from hall_desk.domain.assistance import Assistance, AssistanceFlag
from hall_desk.domain.errors import NotFound, ValidationError
from hall_desk.domain.roles import Actor, Role
from hall_desk.reports import pdf, routing_docs
from hall_desk.services import delivery, intake, routing, users
from hall_desk.services.routing import Decision
from hall_desk.services.workstation import Workstation
from hall_desk.store.models import AuditEntry
from tests.conftest import STAFF_PASSWORD, TODAY, make_home
from tests.services.helpers import draft_for, person, resident_id

FOOD = "011050007001"
CARD = "201080005001"
MARKET = "科尔沁左翼中旗市场监督管理局"
LABOUR = "科尔沁左翼中旗人力资源和社会保障局"
PROXY_ID = resident_id(birth="19880808", seq="777")
ADDRESS = "内蒙古通辽市科尔沁左翼中旗保康镇团结路88号"


def text_of(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    # Table cells wrap: compare without line breaks.
    return len(reader.pages), "".join(p.extract_text() for p in reader.pages).replace("\n", "")


@dataclass(frozen=True)
class Hall:
    ws: Workstation
    clerk: Actor
    router: Actor
    green: str
    denied: str
    elsewhere: str
    dispatch_sheet: str
    return_sheet: str
    pickup: str  # delivery id


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    ws = make_home(tmp_path_factory.mktemp("docs") / "home")
    admin = Actor("admin", "张建国", Role.ADMIN)
    clerk = users.create_user(
        ws, admin, "clerk1", "王晓燕", Role.CLERK, STAFF_PASSWORD, "综合窗口1"
    )
    router = users.create_user(ws, admin, "router", "赵志刚", Role.ROUTER, STAFF_PASSWORD, "流转岗")
    green_draft = draft_for(ws, [FOOD], person(resident_id(seq="101"), name="白玉兰"))
    green_draft.assistance = Assistance(frozenset({AssistanceFlag.ELDERLY}))
    green = intake.accept(ws, clerk, green_draft, on=TODAY).case_no
    denied = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY).case_no
    elsewhere = intake.accept(
        ws, clerk, draft_for(ws, [CARD], person(resident_id(seq="103"), name="乌云")), on=TODAY
    ).case_no
    cases = [green, denied, elsewhere]
    routing.collect(ws, router, cases, on=TODAY)
    routing.pass_prereview(ws, router, cases, on=TODAY)
    sent = routing.dispatch(ws, router, MARKET, [green, denied], receiver="刘建军", on=TODAY)
    routing.dispatch(ws, router, LABOUR, [elsewhere], receiver="孙丽华", on=TODAY)
    back = routing.receive_back(
        ws,
        router,
        MARKET,
        [Decision(green), Decision(denied, False, "经营场所不符合食品安全要求")],
        giver="刘建军",
        on=TODAY,
    )
    routing.send_to_delivery(ws, router, [green, denied], receiver="王晓燕", on=TODAY)
    pickup = delivery.pickup_by_proxy(
        ws, clerk, green, delivery.ProxyDraft("包海龙", PROXY_ID, "授权委托书"), on=TODAY
    )
    delivery.mail(
        ws,
        clerk,
        denied,
        delivery.MailDraft("包海龙", "13904751234", ADDRESS, "SF", "SF123456789012"),
        on=TODAY,
    )
    assert sent.sheet is not None and back.sheet is not None
    yield Hall(
        ws,
        clerk,
        router,
        green,
        denied,
        elsewhere,
        sent.sheet.sheet_no,
        back.sheet.sheet_no,
        pickup.delivery_id,
    )
    ws.close()


def test_folder_labels_one_per_page_with_code_due_date_and_green_mark(hall: Hall) -> None:
    pages, text = text_of(
        routing_docs.build_folder_labels(hall.ws, hall.clerk, [hall.green, hall.elsewhere])
    )
    assert pages == 2
    assert hall.green in text and hall.elsewhere in text
    assert "食品经营许可（新办）" in text and "社会保障卡申领" in text
    assert MARKET in text and LABOUR in text
    assert "办结期限：2026-11-27" in text and "办结期限：2026-12-08" in text
    # The dot as the font prints it (the built-in font has its own middle dot).
    assert text.count("绿色通道") == 1 and pdf.printable("帮您办（老年人·全程帮办）") in text
    with pytest.raises(ValidationError):
        routing_docs.build_folder_labels(hall.ws, hall.clerk, [])
    with pytest.raises(NotFound):
        routing_docs.build_folder_labels(hall.ws, hall.clerk, ["20261124-W01-0999"])


def test_the_dispatch_sheet_lists_exactly_its_batch(hall: Hall) -> None:
    pages, text = text_of(
        routing_docs.build_handover_sheet(hall.ws, hall.router, hall.dispatch_sheet)
    )
    assert pages == 1
    assert "材料交接单（移交审批部门）" in text and hall.dispatch_sheet in text
    assert hall.green in text and hall.denied in text
    assert hall.elsewhere not in text, "a case of another batch"
    assert MARKET in text and LABOUR not in text
    assert "流转岗" in text and "赵志刚" in text and "刘建军" in text
    assert "8 项" in text and "2026-11-27" in text and "绿色通道" in text
    assert "共 2 件" in text
    assert "移交人（签字）" in text and "接收人（签字）" in text


def test_the_return_sheet_shows_each_result(hall: Hall) -> None:
    _, text = text_of(routing_docs.build_handover_sheet(hall.ws, hall.router, hall.return_sheet))
    assert "材料交接单（审批结果返还）" in text
    assert "已办结" in text and "不予许可：经营场所不符合食品安全要求" in text
    assert hall.elsewhere not in text


def test_the_pickup_receipt_shows_masked_ids_and_signature_lines(hall: Hall) -> None:
    pages, text = text_of(routing_docs.build_pickup_receipt(hall.ws, hall.clerk, hall.pickup))
    assert pages == 1
    assert "领取签收单" in text and hall.green in text and "白玉兰" in text
    assert "窗口领取（代领）" in text and "包海龙" in text and "授权委托书" in text
    assert f"{PROXY_ID[:6]}**********{PROXY_ID[-2:]}" in text
    assert PROXY_ID not in text and resident_id(seq="101") not in text
    assert "领取人（签字）" in text and "出件窗口经办人（签字）" in text


def test_the_mailing_registration_of_a_posted_result(hall: Hall) -> None:
    record = delivery.delivery_log(hall.ws, hall.clerk)[-1]
    _, text = text_of(routing_docs.build_pickup_receipt(hall.ws, hall.clerk, record.delivery_id))
    assert "邮寄送达登记单" in text and "顺丰速运" in text and "SF123456789012" in text
    assert "不予许可：经营场所不符合食品安全要求" in text
    assert "139****1234" in text and ADDRESS not in text


def test_the_mailing_list_is_in_full_for_the_courier_and_audited(hall: Hall) -> None:
    with hall.ws.reading() as s:
        before = len(list(s.scalars(select(AuditEntry.seq))))
    pages, text = text_of(routing_docs.build_mailing_list(hall.ws, hall.clerk, TODAY))
    assert pages == 1
    assert "批量邮寄清单" in text and "2026年11月24日" in text and "共 1 件" in text
    assert hall.denied in text and hall.green not in text
    assert ADDRESS in text and "13904751234" in text and "SF123456789012" in text
    assert "交寄人（签字）" in text and "揽收人（签字）" in text
    with hall.ws.reading() as s:
        assert len(list(s.scalars(select(AuditEntry.seq)))) == before + 1
    with pytest.raises(ValidationError, match="没有邮寄记录"):
        routing_docs.build_mailing_list(hall.ws, hall.clerk, date(2026, 11, 23))
