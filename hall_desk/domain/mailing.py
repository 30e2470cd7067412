"""Hand-out rules: carriers and their tracking-number shapes, who collects, masking an address."""

from __future__ import annotations

import re
from enum import StrEnum

from hall_desk.domain import identity
from hall_desk.domain.errors import ValidationError

MIN_RETURN_REASON = 2  # 拒收, 查无此人 …

CARRIERS = {
    "EMS": "中国邮政 EMS",
    "SF": "顺丰速运",
    "JD": "京东物流",
    "ZTO": "中通快递",
    "YTO": "圆通速递",
    "STO": "申通快递",
    "YUNDA": "韵达快递",
    "OTHER": "其他快递",
}
_EMS = re.compile(r"^(?:[A-Z]{2}\d{9}[A-Z]{2}|\d{13})$")
_SF = re.compile(r"^SF\d{12}$")
_OTHER = re.compile(r"^[A-Z0-9]{8,30}$")


class RecipientKind(StrEnum):
    APPLICANT = "applicant"
    PROXY = "proxy"
    MAIL = "mail"

    @property
    def label(self) -> str:
        return {"applicant": "本人领取", "proxy": "代领", "mail": "邮寄"}[self.value]


def carrier_label(code: str) -> str:
    return CARRIERS.get(code, code)


def check_carrier(raw: str) -> str:
    code = raw.strip().upper() or "EMS"
    if code not in CARRIERS:
        raise ValidationError("carrier", f"快递公司应为：{'、'.join(CARRIERS.values())}")
    return code


def check_tracking_no(carrier: str, raw: str) -> str:
    """The tracking number as printed on the waybill (spaces dropped, upper case), or an error
    that says which shape this carrier's numbers have."""
    identity.refuse_overlong(raw, "tracking_no", "运单号")
    number = "".join(identity.to_halfwidth(raw).split()).upper()
    if not number:
        raise ValidationError("tracking_no", "请填写运单号")
    if len(number) > 64:  # a paste, not a waybill: say so without quoting it back
        raise ValidationError(
            "tracking_no", f"运单号过长（{len(number)} 位）：应为 8–30 位字母或数字"
        )
    if carrier == "EMS" and not _EMS.match(number):
        raise ValidationError(
            "tracking_no",
            f"EMS 运单号「{number}」格式不对：应为 13 位，如 EA123456789CN（2 个字母 + 9 位数字"
            f" + 2 个字母）或 13 位数字",
        )
    if carrier == "SF" and not _SF.match(number):
        raise ValidationError(
            "tracking_no",
            f"顺丰运单号「{number}」格式不对：应为 SF 加 12 位数字，如 SF123456789012",
        )
    if carrier not in ("EMS", "SF") and not _OTHER.match(number):
        raise ValidationError("tracking_no", f"运单号「{number}」格式不对：应为 8–30 位字母或数字")
    return number


def normalise_id(raw: str) -> str:
    return "".join(identity.to_halfwidth(raw).split()).upper()


def mask_address(address: str) -> str:
    """Enough to recognise the place, not the door: the first 6 characters, then stars."""
    keep = min(6, len(address) // 2)
    return address[:keep] + "*" * min(8, len(address) - keep)
