"""The notices as an applicant holds them: the 预审 reason, 补打, the hall's number and address,
the 一件事 name, the issuing block at the right, and headers that do not wrap in large print."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from hall_desk.domain.assistance import Assistance, AssistanceFlag
from hall_desk.reports.notices import intake_notice, reprint_notice
from hall_desk.services import intake, routing
from hall_desk.services.notice_history import NoticeKind, issued_notices
from hall_desk.services.settings import update_settings
from hall_desk.store.models import AuditEntry
from tests.conftest import TODAY, running_clock
from tests.services.helpers import draft_for, person, resident_id

FOOD = "011050007001"
RESTAURANT = "YJS001"  # 开办餐饮店一件事
REASON = "申请书缺法定代表人签字"
A4_WIDTH = 595.28
MM = 72 / 25.4


def text_of(data: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).replace("\n", "")


def layout_of(data: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "n.pdf"
    pdf.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def words_of(data: bytes, tmp_path: Path) -> list[tuple[float, float, float, str]]:
    """(xMin, yMin, xMax, word) of every word pdftotext finds, in points from the top left."""
    pdf = tmp_path / "w.pdf"
    pdf.write_bytes(data)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(a), float(b), float(c), w)
        for a, b, c, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            html,
        )
    ]


def deferred_case(ws, clerk) -> str:  # type: ignore[no-untyped-def]
    draft = draft_for(ws, [FOOD])
    draft.received.pop("食品安全管理制度")
    draft.commitment = "本人承诺两个工作日内补交食品安全管理制度"
    draft.deferred_deadline = date(2026, 11, 26)
    return intake.accept_deferred(ws, clerk, draft, on=TODAY).case_no


def test_a_prereview_return_prints_its_reason_on_the_supplement_notice(ws, clerk, router):
    case_no = deferred_case(ws, clerk)
    routing.collect(ws, router, [case_no], at=datetime(2026, 11, 24, 10))
    routing.return_for_supplement(ws, router, case_no, REASON, on=TODAY)
    title, data = intake_notice(ws, clerk, case_no)
    text = text_of(data)
    assert title == "一次性告知书"
    assert "补正原因：" + REASON in text
    assert "食品安全管理制度" in text, "the promised material is still missing"


def test_every_notice_a_case_produced_can_be_reprinted_as_issued(ws, clerk, router):
    draft = draft_for(ws, [FOOD])
    draft.received.pop("食品安全管理制度")
    draft.supplement_deadline = date(2026, 11, 30)
    draft.requirements = {"食品安全管理制度": "须加盖公章的原件"}
    case_no = intake.request_supplement(ws, clerk, draft, on=TODAY).case_no
    intake.receive_supplement(ws, clerk, case_no, {"食品安全管理制度": 1}, on=date(2026, 11, 25))
    routing.collect(ws, router, [case_no], at=datetime(2026, 11, 25, 15))
    routing.return_for_supplement(ws, router, case_no, REASON, on=date(2026, 11, 26))

    notices = issued_notices(ws, clerk, case_no)
    assert [(n.kind, n.issued_on) for n in notices] == [
        (NoticeKind.SUPPLEMENT, date(2026, 11, 24)),
        (NoticeKind.ACCEPTANCE, date(2026, 11, 25)),
        (NoticeKind.SUPPLEMENT, date(2026, 11, 26)),
    ]
    ws.wall = running_clock(datetime(2026, 12, 2, 9))
    first_title, first = reprint_notice(ws, clerk, case_no, notices[0].event_id)
    text = text_of(first)
    assert first_title == "一次性告知书（补打）"
    assert "补打" in text and "补打日期：2026年12月2日" in text
    assert "原通知书日期：2026年11月24日" in text
    # As issued: the material then missing with its requirement, the deadline then set,
    # and no 预审 reason (that came two days later).
    assert "食品安全管理制度" in text and "须加盖公章的原件" in text
    assert "2026年11月30日" in text and REASON not in text
    _, accepted = reprint_notice(ws, clerk, case_no, notices[1].event_id)
    assert "受理通知书" in text_of(accepted) and "2026年11月25日受理" in text_of(accepted)
    _, returned = reprint_notice(ws, clerk, case_no, notices[2].event_id)
    assert REASON in text_of(returned)
    with ws.reading() as s:
        audited = s.query(AuditEntry).filter(AuditEntry.action == "notice.reprint").count()
    assert audited == 3


def test_after_the_supplement_the_acceptance_notice_is_dated_that_day(ws, clerk):
    draft = draft_for(ws, [FOOD])
    draft.received.pop("食品安全管理制度")
    case_no = intake.request_supplement(ws, clerk, draft, on=TODAY).case_no
    intake.receive_supplement(ws, clerk, case_no, {"食品安全管理制度": 1}, on=date(2026, 11, 25))
    title, data = intake_notice(ws, clerk, case_no)
    text = text_of(data)
    assert title == "受理通知书"
    assert "2026年11月25日受理" in text and "食品安全管理制度" in text


def test_the_halls_number_and_address_print_on_every_notice(ws, admin, clerk):
    case_no = deferred_case(ws, clerk)
    assert "咨询电话：（见窗口公示）" in text_of(intake_notice(ws, clerk, case_no)[1])
    update_settings(
        ws, admin, contact_phone="0475-5212345", hall_address="科左中旗保康镇新华街 12 号"
    )
    text = text_of(intake_notice(ws, clerk, case_no)[1])
    assert "咨询电话：0475-5212345" in text and "科左中旗保康镇新华街 12 号" in text
    assert "（见窗口公示）" not in text


def test_a_bundle_notice_names_the_bundle(ws, clerk):
    draft = draft_for(ws, [])
    draft.theme_code = RESTAURANT
    from hall_desk.services.catalog import theme_by_code
    from tests.services.helpers import all_materials

    with ws.reading() as s:
        draft.received = all_materials(ws, list(theme_by_code(s, RESTAURANT).item_codes))
    case_no = intake.accept(ws, clerk, draft, on=TODAY).case_no
    text = text_of(intake_notice(ws, clerk, case_no)[1])
    assert "一件事开办餐饮店一件事" in text


def test_the_issuing_block_stands_at_the_right_with_room_for_the_seal(ws, clerk, tmp_path):
    case_no = deferred_case(ws, clerk)
    words = words_of(intake_notice(ws, clerk, case_no)[1], tmp_path)
    issuer = next(w for w in words if w[3].startswith("科尔沁左翼中旗政务服务中心（盖章）"))
    day = next(w for w in words if w[3] == "2026年11月24日" and w[0] > A4_WIDTH / 2)
    right_margin = A4_WIDTH - 20 * MM - 6  # the page frame's own 6 pt padding
    for x_min, _y, x_max, _w in (issuer, day):
        assert x_min > A4_WIDTH / 2, "in the right half"
        assert abs(x_max - right_margin) < 2, "flush with the right margin"
    above = [w for w in words if issuer[1] - 42 * MM * 0.4 < w[1] < issuer[1]]
    assert not above, f"the seal's room above the issuer is empty: {above}"


def test_the_gaps_between_clerk_window_and_phone_hold(ws, clerk, tmp_path):
    case_no = deferred_case(ws, clerk)
    words = words_of(intake_notice(ws, clerk, case_no)[1], tmp_path)
    starts = {
        w[3].split("：")[0]: w for w in words if w[3].startswith(("受理人", "窗口", "咨询电话"))
    }
    clerk_w, window_w, phone_w = starts["受理人"], starts["窗口"], starts["咨询电话"]
    assert clerk_w[1] == pytest.approx(window_w[1]) == pytest.approx(phone_w[1]), "one line"
    assert window_w[0] - clerk_w[2] > 8 * MM and phone_w[0] - window_w[2] > 8 * MM


def test_large_print_keeps_short_headers_on_one_line(ws, clerk, tmp_path):
    old = person(number=resident_id(birth="19500101", seq="301"), name="乌日娜")
    draft = draft_for(ws, [FOOD], old)
    draft.assistance = Assistance(frozenset({AssistanceFlag.ELDERLY}))
    result = intake.accept(ws, clerk, draft, on=TODAY)
    title, data = intake_notice(ws, clerk, result.case_id)
    assert title == "受理通知书（大字版）"
    words = [w[3] for w in words_of(data, tmp_path)]
    for header in ("序号", "形式", "份数", "受理编号", "证件号码", "申请事项"):
        assert header in words, f"{header} is one word on one line"
