"""The notices the law requires at intake: 受理通知书, 一次性告知书, 容缺受理通知书, 不予受理通知书.

Green-channel applicants get a large-print variant (bigger type, same content). Any notice a
case produced can be printed again (补打): from the case as it stood when the notice was issued,
with the original date and the day of the reprint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from hall_desk.domain.catalog import MaterialForm
from hall_desk.domain.errors import ValidationError
from hall_desk.domain.lifecycle import CaseState
from hall_desk.domain.roles import Actor
from hall_desk.reports import pdf
from hall_desk.services.cases import CaseDetail, CaseMaterial, case_detail
from hall_desk.services.notice_history import (
    IssuedNotice,
    NoticeKind,
    issued_notice,
    issued_notices,
)
from hall_desk.services.settings import HallContact, hall_contact
from hall_desk.services.workstation import Workstation

WIDTH = 170 * mm
HALL_SUFFIX = "政务服务中心"
PAD = 14  # a table cell's left and right padding together (points)


def _government(hall: str) -> str:
    """Who hears an administrative review: the county government the hall belongs to."""
    if hall.endswith(HALL_SUFFIX) and len(hall) > len(HALL_SUFFIX):
        return hall[: -len(HALL_SUFFIX)] + "人民政府"
    return "本级人民政府"


class _Sizes:
    def __init__(self, large: bool) -> None:
        self.title = 28 if large else 20
        self.body = 16 if large else 11
        self.table = 14 if large else 10

    def chars(self, n: int) -> float:
        """A column wide enough for n characters of table text on one line."""
        return n * self.table + PAD + 1


@dataclass(frozen=True)
class _Notice:
    """What one printing of a notice needs: the case as the notice shows it, and its dates."""

    ws: Workstation
    actor: Actor
    detail: CaseDetail
    sizes: _Sizes
    issued_on: date
    contact: HallContact
    reprinted_on: date | None = None


def _due_text(detail: CaseDetail) -> str:
    case = detail.case
    if case.due_date is None:
        return "—"
    text = pdf.cn_date(case.due_date)
    if case.due_estimated:
        text += "（估算：该年节假日安排公布后以实际为准）"
    return text


def _reprint_mark(n: _Notice) -> list[Flowable]:
    if n.reprinted_on is None:
        return []
    mark = Table(
        [
            [
                pdf.para(
                    f"【补打】　补打日期：{pdf.cn_date(n.reprinted_on)}　"
                    f"原通知书日期：{pdf.cn_date(n.issued_on)}",
                    n.sizes.table,
                    bold=True,
                )
            ]
        ],
        colWidths=[WIDTH],
    )
    mark.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, colors.black)]))
    return [mark, pdf.spacer(2)]


def _header(n: _Notice, title: str) -> list[Flowable]:
    case, sizes = n.detail.case, n.sizes
    codes = Table(
        [[pdf.Barcode128(case.case_no), pdf.qr_code(case.case_no, 22 * mm)]],
        colWidths=[WIDTH - 30 * mm, 30 * mm],
    )
    codes.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT")])
    )
    rows = [
        ["受理编号", case.case_no],
        ["申请人", case.applicant_name],
        ["证件号码", case.applicant_id_masked],
    ]
    if case.theme_code:  # a 一件事: its name, then the items it bundles
        rows.append(["一件事", case.title])
    rows.append(["申请事项", "\n".join(f"{i.item_name}（{i.department}）" for i in n.detail.items)])
    label = sizes.chars(4)
    return [
        *_reprint_mark(n),
        pdf.title(title, sizes.title),
        pdf.spacer(2),
        codes,
        pdf.spacer(3),
        pdf.grid(rows, [label, WIDTH - label], header=False, size=sizes.table),
        pdf.spacer(4),
    ]


def _materials(
    rows: list[CaseMaterial],
    sizes: _Sizes,
    *,
    with_status: bool = False,
    requirements: bool = False,
) -> Table:
    head = ["序号", "材料名称", "形式", "份数"]
    # Short headers never wrap, in large print too: each column fits its header on one line.
    widths = [sizes.chars(2), 0.0, sizes.chars(3), sizes.chars(2)]
    if with_status:
        head.append("收取情况")
        widths.append(sizes.chars(4))
    if requirements:
        head.append("补正要求")
        widths.append(WIDTH * 0.3)
    widths[1] = WIDTH - sum(widths)
    body = []
    for i, m in enumerate(rows, start=1):
        # Received: the copies the clerk counted; missing: the copies the catalog asks for.
        copies = m.received_copies if m.received and m.received_copies else m.copies
        line = [str(i), m.name, MaterialForm(m.form).label, str(copies)]
        if with_status:
            line.append("已收取" if m.received else ("容缺后补" if m.deferred else "未收取"))
        if requirements:
            line.append(m.requirement or "—")
        body.append(line)
    return pdf.grid([head, *body], widths, size=sizes.table)


def _footer(n: _Notice, signers: list[str]) -> list[Flowable]:
    window = n.detail.case.window or n.ws.config.window
    body = n.sizes.body
    return [
        pdf.spacer(4),
        pdf.spread(
            [
                f"受理人：{n.actor.display_name}",
                f"窗口：{window or '—'}",
                f"咨询电话：{n.contact.phone_text}",
            ],
            WIDTH,
            body,
        ),
        pdf.para(f"地址：{n.contact.address_text}", body),
        pdf.issuing_block(n.ws.hall, n.issued_on, WIDTH, body),
        pdf.spacer(2),
        pdf.signature_lines(signers, WIDTH),
    ]


def acceptance_notice(n: _Notice) -> list[Flowable]:
    detail, sizes = n.detail, n.sizes
    case = detail.case
    immediate = case.state in (CaseState.READY_FOR_DELIVERY.value, CaseState.DELIVERED.value)
    title = "办结回执" if immediate else "受理通知书"
    body = (
        f"{case.applicant_name}：您提交的申请材料齐全、符合法定形式，本中心已于"
        f"{pdf.cn_date(case.accepted_on or case.created_on)}"
        + (
            "当场办结，请在出件窗口领取办理结果。"
            if immediate
            else f"受理，承诺于 {_due_text(detail)} 前办结。"
        )
    )
    story = _header(n, title)
    story += [
        pdf.para(body, sizes.body),
        pdf.spacer(3),
        pdf.para("已收取的申请材料：", sizes.body, bold=True),
    ]
    story.append(_materials([m for m in detail.materials if m.received], sizes))
    if not immediate:
        story += [
            pdf.spacer(3),
            pdf.para(
                f"办结期限：{_due_text(detail)}（自受理次日起按工作日计算，补正和特别程序时间不计入）",
                sizes.body,
            ),
        ]
    return story + _footer(n, ["申请人"])


def supplement_notice(n: _Notice) -> list[Flowable]:
    detail, sizes = n.detail, n.sizes
    case = detail.case
    missing = [m for m in detail.materials if m.required and not m.received]
    deadline = pdf.cn_date(case.supplement_deadline) if case.supplement_deadline else "—"
    story = _header(n, "补正材料一次性告知书")
    story.append(
        pdf.para(
            f"{case.applicant_name}：您申请的事项，申请材料不齐全或者不符合法定形式。根据《中华人民共和国"
            "行政许可法》第三十二条的规定，现一次性告知您需要补正的全部内容如下：",
            sizes.body,
        )
    )
    if case.reason:  # 预审退回: what the routing post found wrong, in its words
        story += [
            pdf.spacer(2),
            pdf.para("补正原因：", sizes.body, bold=True),
            pdf.para(case.reason, sizes.body),
        ]
    story.append(pdf.spacer(2))
    if missing:
        story += [
            pdf.para("需要补正的材料：", sizes.body, bold=True),
            _materials(missing, sizes, requirements=any(m.requirement for m in missing)),
        ]
    story += [
        pdf.spacer(3),
        pdf.para(
            f"补正期限：请于 {deadline} 前携带上述材料及本告知书到本中心窗口补正。"
            "补正材料收齐后，本中心即予受理，办理时限自受理次日起计算。",
            sizes.body,
        ),
    ]
    return story + _footer(n, ["申请人（已收到本告知书）"])


def deferral_notice(n: _Notice) -> list[Flowable]:
    detail, sizes = n.detail, n.sizes
    case = detail.case
    deferred = [m for m in detail.materials if m.deferred]
    deadline = pdf.cn_date(case.deferred_deadline) if case.deferred_deadline else "—"
    story = _header(n, "容缺受理通知书")
    story += [
        pdf.para(
            f"{case.applicant_name}：您的申请主要材料齐全，次要材料暂缺，经您书面承诺，本中心予以容缺受理，"
            f"承诺于 {_due_text(detail)} 前办结。",
            sizes.body,
        ),
        pdf.spacer(2),
        pdf.para("容缺后补的材料：", sizes.body, bold=True),
        _materials(deferred, sizes),
        pdf.spacer(2),
        pdf.para(f"补齐期限：{deadline}。逾期未补齐的，按承诺承担相应责任。", sizes.body),
        pdf.para(f"申请人承诺：{case.commitment}", sizes.body),
    ]
    return story + _footer(n, ["申请人（承诺人）"])


def refusal_notice(n: _Notice) -> list[Flowable]:
    detail, sizes = n.detail, n.sizes
    case = detail.case
    government = _government(n.ws.hall)
    story = _header(n, "不予受理通知书")
    story += [
        pdf.para(f"{case.applicant_name}：经审查，您的申请不予受理，理由如下：", sizes.body),
        pdf.spacer(2),
        pdf.para(case.reason or "—", sizes.body),
        pdf.spacer(3),
        pdf.para(
            "如对本决定不服，可以自收到本通知书之日起六十日内向"
            f"{government}申请行政复议，或者自收到本通知书之日起六个月内依法向人民法院提起行政诉讼。",
            sizes.body,
        ),
    ]
    return story + _footer(n, ["申请人（已收到本通知书）"])


Builder = Callable[[_Notice], list[Flowable]]
BY_KIND: dict[NoticeKind, Builder] = {
    NoticeKind.ACCEPTANCE: acceptance_notice,
    NoticeKind.COMPLETION: acceptance_notice,
    NoticeKind.DEFERRAL: deferral_notice,
    NoticeKind.SUPPLEMENT: supplement_notice,
    NoticeKind.REFUSAL: refusal_notice,
}
# The notice a case's intake decision calls for, by its state now.
KIND_BY_STATE = {
    CaseState.ACCEPTED.value: NoticeKind.ACCEPTANCE,
    CaseState.READY_FOR_DELIVERY.value: NoticeKind.COMPLETION,
    CaseState.ACCEPTED_DEFERRED.value: NoticeKind.DEFERRAL,
    CaseState.AWAITING_SUPPLEMENT.value: NoticeKind.SUPPLEMENT,
    CaseState.REFUSED.value: NoticeKind.REFUSAL,
}
TITLES = {
    NoticeKind.ACCEPTANCE: "受理通知书",
    NoticeKind.COMPLETION: "受理通知书",
    NoticeKind.DEFERRAL: "容缺受理通知书",
    NoticeKind.SUPPLEMENT: "一次性告知书",
    NoticeKind.REFUSAL: "不予受理通知书",
}


def _render(n: _Notice, kind: NoticeKind, title: str) -> bytes:
    story = BY_KIND[kind](n)
    return pdf.build(
        story, pdf.letterhead(n.ws, n.actor), doc_title=f"{title} {n.detail.case.case_no}"
    )


def intake_notice(
    ws: Workstation, actor: Actor, case_ref: str, *, large_print: bool | None = None
) -> tuple[str, bytes]:
    """The notice that fits the case's intake decision: (title, PDF bytes). Large print by
    default for green-channel applicants."""
    detail = case_detail(ws, actor, case_ref)
    kind = KIND_BY_STATE.get(detail.case.state)
    if kind is None:
        raise ValidationError(
            "case", f"办件状态为「{CaseState(detail.case.state).label}」，没有对应的受理环节通知书"
        )
    # Dated as the step that produced it (补正收齐, 预审退回…), not the day the case was opened.
    produced = [
        n for n in issued_notices(ws, actor, detail.case.id) if TITLES[n.kind] == TITLES[kind]
    ]
    issued_on = produced[-1].issued_on if produced else detail.case.created_on
    large = detail.case.green_channel if large_print is None else large_print
    title = TITLES[kind] + ("（大字版）" if large else "")
    notice = _Notice(ws, actor, detail, _Sizes(large), issued_on, hall_contact(ws))
    return title, _render(notice, kind, title)


def reprint_notice(
    ws: Workstation,
    actor: Actor,
    case_ref: str,
    notice_id: str,
    *,
    large_print: bool | None = None,
) -> tuple[str, bytes]:
    """补打: a notice the case produced, as it was issued, marked with today's date. Audited."""
    found: IssuedNotice = issued_notice(ws, actor, case_ref, notice_id)
    detail = found.detail
    large = detail.case.green_channel if large_print is None else large_print
    title = found.title + "（补打）" + ("（大字版）" if large else "")
    today = ws.today()
    notice = _Notice(
        ws, actor, detail, _Sizes(large), found.issued_on, hall_contact(ws), reprinted_on=today
    )
    data = _render(notice, found.kind, title)
    with ws.transaction(actor) as tx:
        tx.audit(
            "notice.reprint",
            detail.case.case_no,
            {"notice": found.kind.value, "issued_on": found.issued_on.isoformat()},
        )
    return title, data
