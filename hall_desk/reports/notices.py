"""The notices the law requires at intake: 受理通知书, 一次性告知书, 容缺受理通知书, 不予受理通知书.

Green-channel applicants get a large-print variant (bigger type, same content).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from hall_desk.domain.catalog import MaterialForm
from hall_desk.domain.errors import ValidationError
from hall_desk.domain.lifecycle import CaseState
from hall_desk.domain.roles import Actor
from hall_desk.reports import pdf
from hall_desk.services.cases import CaseDetail, case_detail
from hall_desk.services.workstation import Workstation

WIDTH = 170 * mm
HALL_SUFFIX = "政务服务中心"


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


def _due_text(detail: CaseDetail) -> str:
    case = detail.case
    if case.due_date is None:
        return "—"
    text = pdf.cn_date(case.due_date)
    if case.due_estimated:
        text += "（估算：该年节假日安排公布后以实际为准）"
    return text


def _header(detail: CaseDetail, title: str, sizes: _Sizes) -> list[Flowable]:
    case = detail.case
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
        ["申请事项", "\n".join(f"{i.item_name}（{i.department}）" for i in detail.items)],
    ]
    return [
        pdf.title(title, sizes.title),
        pdf.spacer(2),
        codes,
        pdf.spacer(3),
        pdf.grid(rows, [30 * mm, WIDTH - 30 * mm], header=False, size=sizes.table),
        pdf.spacer(4),
    ]


def _materials(rows: list, sizes: _Sizes, *, with_status: bool) -> Table:  # type: ignore[type-arg]
    head = ["序号", "材料名称", "形式", "份数"] + (["收取情况"] if with_status else [])
    body = []
    for i, m in enumerate(rows, start=1):
        line = [str(i), m.name, MaterialForm(m.form).label, str(m.copies)]
        if with_status:
            line.append("已收取" if m.received else ("容缺后补" if m.deferred else "未收取"))
        body.append(line)
    widths = [14 * mm, 86 * mm, 30 * mm, 15 * mm] + ([25 * mm] if with_status else [])
    if not with_status:
        widths[1] += 25 * mm
    return pdf.grid([head, *body], widths, size=sizes.table)


def _footer(
    ws: Workstation, actor: Actor, detail: CaseDetail, sizes: _Sizes, signers: list[str]
) -> list[Flowable]:
    phone = str(ws.config.extra.get("contact_phone", "")) or "（见窗口公示）"
    window = detail.case.window or ws.config.window
    return [
        pdf.spacer(4),
        pdf.para(
            f"受理人：{actor.display_name}　　窗口：{window or '—'}　　咨询电话：{phone}",
            sizes.body,
        ),
        pdf.para(f"{ws.hall}（盖章）　　{pdf.cn_date(detail.case.created_on)}", sizes.body),
        pdf.spacer(4),
        pdf.signature_lines(signers, WIDTH),
    ]


def acceptance_notice(
    ws: Workstation, actor: Actor, detail: CaseDetail, sizes: _Sizes
) -> list[Flowable]:
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
    story = _header(detail, title, sizes)
    story += [
        pdf.para(body, sizes.body),
        pdf.spacer(3),
        pdf.para("已收取的申请材料：", sizes.body, bold=True),
    ]
    story.append(_materials([m for m in detail.materials if m.received], sizes, with_status=False))
    if not immediate:
        story += [
            pdf.spacer(3),
            pdf.para(
                f"办结期限：{_due_text(detail)}（自受理次日起按工作日计算，补正和特别程序时间不计入）",
                sizes.body,
            ),
        ]
    return story + _footer(ws, actor, detail, sizes, ["申请人"])


def supplement_notice(
    ws: Workstation, actor: Actor, detail: CaseDetail, sizes: _Sizes
) -> list[Flowable]:
    case = detail.case
    missing = [m for m in detail.materials if m.required and not m.received]
    deadline = pdf.cn_date(case.supplement_deadline) if case.supplement_deadline else "—"
    story = _header(detail, "补正材料一次性告知书", sizes)
    story += [
        pdf.para(
            f"{case.applicant_name}：您申请的事项，申请材料不齐全或者不符合法定形式。根据《中华人民共和国"
            "行政许可法》第三十二条的规定，现一次性告知您需要补正的全部内容如下：",
            sizes.body,
        ),
        pdf.spacer(2),
        _materials(missing, sizes, with_status=False),
        pdf.spacer(3),
        pdf.para(
            f"请于 {deadline} 前携带上述材料及本告知书到本中心窗口补正。"
            "补正材料收齐后，本中心即予受理，办理时限自受理次日起计算。",
            sizes.body,
        ),
    ]
    return story + _footer(ws, actor, detail, sizes, ["申请人（已收到本告知书）"])


def deferral_notice(
    ws: Workstation, actor: Actor, detail: CaseDetail, sizes: _Sizes
) -> list[Flowable]:
    case = detail.case
    deferred = [m for m in detail.materials if m.deferred]
    deadline = pdf.cn_date(case.deferred_deadline) if case.deferred_deadline else "—"
    story = _header(detail, "容缺受理通知书", sizes)
    story += [
        pdf.para(
            f"{case.applicant_name}：您的申请主要材料齐全，次要材料暂缺，经您书面承诺，本中心予以容缺受理，"
            f"承诺于 {_due_text(detail)} 前办结。",
            sizes.body,
        ),
        pdf.spacer(2),
        pdf.para("容缺后补的材料：", sizes.body, bold=True),
        _materials(deferred, sizes, with_status=False),
        pdf.spacer(2),
        pdf.para(f"补齐期限：{deadline}。逾期未补齐的，按承诺承担相应责任。", sizes.body),
        pdf.para(f"申请人承诺：{case.commitment}", sizes.body),
    ]
    return story + _footer(ws, actor, detail, sizes, ["申请人（承诺人）"])


def refusal_notice(
    ws: Workstation, actor: Actor, detail: CaseDetail, sizes: _Sizes
) -> list[Flowable]:
    case = detail.case
    government = _government(ws.hall)
    story = _header(detail, "不予受理通知书", sizes)
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
    return story + _footer(ws, actor, detail, sizes, ["申请人（已收到本通知书）"])


BUILDERS = {
    CaseState.ACCEPTED.value: acceptance_notice,
    CaseState.READY_FOR_DELIVERY.value: acceptance_notice,
    CaseState.ACCEPTED_DEFERRED.value: deferral_notice,
    CaseState.AWAITING_SUPPLEMENT.value: supplement_notice,
    CaseState.REFUSED.value: refusal_notice,
}
TITLES = {
    acceptance_notice: "受理通知书",
    deferral_notice: "容缺受理通知书",
    supplement_notice: "一次性告知书",
    refusal_notice: "不予受理通知书",
}


def intake_notice(
    ws: Workstation, actor: Actor, case_ref: str, *, large_print: bool | None = None
) -> tuple[str, bytes]:
    """The notice that fits the case's intake decision: (title, PDF bytes). Large print by
    default for green-channel applicants."""
    detail = case_detail(ws, actor, case_ref)
    builder = BUILDERS.get(detail.case.state)
    if builder is None:
        raise ValidationError(
            "case", f"办件状态为「{CaseState(detail.case.state).label}」，没有对应的受理环节通知书"
        )
    large = detail.case.green_channel if large_print is None else large_print
    story = builder(ws, actor, detail, _Sizes(large))
    title = TITLES[builder] + ("（大字版）" if large else "")
    letterhead = pdf.letterhead(ws, actor)
    return title, pdf.build(story, letterhead, doc_title=f"{title} {detail.case.case_no}")
