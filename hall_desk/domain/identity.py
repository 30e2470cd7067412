"""Check, normalise and mask the identifiers clerks type: 身份证号码, 统一社会信用代码, phones."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date

from hall_desk.domain.errors import ValidationError

__all__ = [
    "IDENTIFIER_MAX_TYPED",
    "ResidentId",
    "mask_phone",
    "mask_resident_id",
    "normalize_landline",
    "normalize_mobile",
    "normalize_phone",
    "normalize_uscc",
    "parse_resident_id",
    "refuse_overlong",
    "remask_resident_id",
    "resident_id_check_char",
    "to_halfwidth",
    "uscc_check_char",
]

# ---------------------------------------------------------------------------------------------
# Text clean-up shared by every identifier
# ---------------------------------------------------------------------------------------------

# Full-width forms U+FF01..U+FF5E are printable ASCII shifted by 0xFEE0; Chinese IMEs emit them
# whenever the clerk forgets to leave full-width mode, so they are the commonest "typo".
_HALFWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_HALFWIDTH[0x3000] = 0x20  # 全角空格

# Text pasted from web pages, Word or WeChat often carries zero-width characters the clerk
# cannot see; refusing the number for them would be baffling, so they are dropped.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))

# Only ASCII letters are upper-cased: str.upper() turns e.g. "ß" into "SS", which would shift
# the positions quoted back to the clerk.
_ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)

_DIGITS = frozenset(string.digits)  # str.isdigit() would also accept "²" or "٣"


def to_halfwidth(raw: str) -> str:
    """Turn full-width ASCII look-alikes (digits, letters, space, ＋, －, （）…) into ASCII; strip.

    Everything outside the full-width block (Chinese characters, other dashes) is left alone,
    so callers decide which of those they tolerate.
    """
    return raw.translate(_HALFWIDTH).strip()


# No identifier is longer than 30 characters, even with spaces, +86 and an extension. A paste far
# over it is refused before any clean-up: translating a 10 MB blob character by character takes
# seconds, and the message must not quote it back.
IDENTIFIER_MAX_TYPED = 200


def refuse_overlong(raw: str, field: str, noun: str) -> None:
    if len(raw) > IDENTIFIER_MAX_TYPED:
        raise ValidationError(field, f"{noun}过长（{len(raw)} 个字符），请核对后重新输入")


def _tidy(raw: str) -> str:
    return to_halfwidth(raw).translate(_INVISIBLE).strip()


def _squeeze(raw: str) -> str:
    """Half-width, no whitespace anywhere, ASCII upper case: the shape codes are compared in."""
    return "".join(_tidy(raw).split()).translate(_ASCII_UPPER)


def _clean(raw: str, field: str, noun: str) -> str:
    """What a clerk typed, tidied for checking; refused first when far too long to be one."""
    refuse_overlong(raw, field, noun)
    return _tidy(raw)


def _compact(raw: str, field: str, noun: str) -> str:
    refuse_overlong(raw, field, noun)
    return _squeeze(raw)


def _show(ch: str) -> str:
    # A control character quoted as-is would look like an empty 「」 in the message.
    return ch if ch.isprintable() else f"U+{ord(ch):04X}"


def _first_non_digit(text: str) -> str | None:
    return next((c for c in text if c not in _DIGITS), None)


# ---------------------------------------------------------------------------------------------
# 居民身份证号码 (GB 11643-1999)
# ---------------------------------------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2**(17-i) mod 11
_ID_CHECK_CHARS = "10X98765432"  # indexed by the weighted sum mod 11
_ID_CHARS = _DIGITS | {"X"}

# Region codes, as a documented approximation (a full GB/T 2260 table is out of scope, and
# would not be enough anyway: a card keeps the code of the county that issued it, so codes
# abolished decades ago are still valid on living people's cards). Accepted are:
#   * a mainland province-level code (11-15, 21-23, 31-37, 41-46, 50-54, 61-65) followed by a
#     non-zero prefecture part ("xx00xx" does not exist; "xxxx00" and "xxxx01" do occur on
#     older cards issued in cities' urban areas);
#   * exactly 810000 / 820000 / 830000: the codes 港澳台居民居住证 carry (2018). 83 is not a
#     GB/T 2260 code at all; it was assigned to 台湾居民 for these permits only;
#   * exactly 710000 (台湾省): a GB/T 2260 code that has no subdivisions. We know of no card
#     carrying it but do not refuse a person at the counter over a rule we cannot prove.
# Codes starting with 9 are refused with a hint: the 2023 外国人永久居留身份证 puts a 9 first,
# and a clerk who typed one into the 身份证 field needs to hear that, not "bad region".
_MAINLAND_PROVINCES = frozenset(
    f"{n}"
    for n in (
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
    )
)
_WHOLE_REGION_CODES = frozenset({"710000", "810000", "820000", "830000"})
# Hainan's counties under the province itself were coded 4600xx from 1988 (460001-460007 the
# county-level cities, 460021-460039 the counties) before the 4690xx codes; cards issued then
# are still carried, so these are valid although their 3rd-4th digits are 00.
_HAINAN_1988_CODES = frozenset(
    [f"4600{n:02d}" for n in range(1, 8)] + [f"4600{n:02d}" for n in range(21, 40)]
)
_OLDEST_BIRTH_YEAR = 1900  # an earlier year is a typo, not a living applicant


@dataclass(frozen=True, repr=False)
class ResidentId:
    """A checked 居民身份证号码; build it with parse_resident_id, not by hand."""

    number: str  # 18 characters, check character upper-case
    region_code: str  # the first 6 characters
    birth_date: date
    sex: str  # "男" or "女"

    def age_on(self, day: date) -> int:
        """Full years (周岁) on `day`; the age goes up on the birthday itself.

        Someone born on 29 February turns a year older on 1 March in common years. Rules
        worded "满N周岁的次日" must ask about the following day themselves.
        """
        if day < self.birth_date:
            raise ValueError("age_on: the day is before the birth date")
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years

    def __repr__(self) -> str:
        # Reprs end up in logs and tracebacks; a full ID number must not.
        return f"ResidentId(number={mask_resident_id(self.number)!r}, sex={self.sex!r})"


def resident_id_check_char(first17: str) -> str:
    """The 18th character ('0'-'9' or 'X') for 17 ASCII digits, per GB 11643-1999."""
    if len(first17) != 17 or _first_non_digit(first17) is not None:
        # Programming error, not clerk input; the value itself is left out of the message
        # because it is personal data and exceptions get logged.
        raise ValueError(f"resident_id_check_char needs 17 ASCII digits, got {len(first17)} chars")
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def _region_problem(code: str) -> str | None:
    if code in _WHOLE_REGION_CODES or code in _HAINAN_1988_CODES:
        return None
    province = code[:2]
    if province[0] == "9":
        return (
            f"地区码 {code} 无效：居民身份证号码不以9开头"
            "（以9开头的是外国人永久居留身份证号码，请按外国人证件登记）"
        )
    if province in {"71", "81", "82", "83"}:
        return f"地区码 {code} 无效：以 {province} 开头的号码，前6位应为 {province}0000"
    if province not in _MAINLAND_PROVINCES:
        return f"地区码 {code} 无效：前两位 {province} 不是省级行政区划代码，请核对号码前6位"
    if code[2:4] == "00":
        return f"地区码 {code} 无效：第3–4位（地市代码）不能为00，请核对号码前6位"
    return None


def parse_resident_id(raw: str, *, today: date, field: str = "id_number") -> ResidentId:
    """Check a 居民身份证号码 as typed and return it parsed; raise ValidationError otherwise.

    Spaces anywhere, full-width characters and a lower-case x are tolerated. Checks run in the
    order that tells the clerk the most useful thing first: characters and length, region,
    birth date, and only then the check character (a wrong check character usually means a
    wrong digit elsewhere, which the earlier checks may already pinpoint).
    """
    number = _compact(raw, field, "身份证号码")
    if not number:
        raise ValidationError(field, "请输入身份证号码")

    for pos, ch in enumerate(number, start=1):
        if ch not in _ID_CHARS:
            raise ValidationError(field, f"身份证号码含有非法字符「{_show(ch)}」（第{pos}位）")
    if len(number) == 15 and "X" not in number:
        raise ValidationError(field, "15位旧身份证号码已停用，请提供18位号码")
    if len(number) != 18:
        raise ValidationError(field, f"身份证号码应为18位，当前为{len(number)}位")
    x_pos = number.find("X")
    if x_pos != -1 and x_pos < 17:
        raise ValidationError(
            field, f"身份证号码第{x_pos + 1}位不能是 X，只有第18位（校验位）可以是 X"
        )

    region = number[:6]
    problem = _region_problem(region)
    if problem is not None:
        raise ValidationError(field, problem)

    shown = f"{number[6:10]}-{number[10:12]}-{number[12:14]}"
    year = int(number[6:10])
    if year < _OLDEST_BIRTH_YEAR:
        raise ValidationError(field, f"出生日期 {shown} 不合理（早于1900年），请核对号码第7–14位")
    try:
        born = date(year, int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError(field, f"出生日期 {shown} 不存在，请核对号码第7–14位") from None
    if born > today:
        raise ValidationError(field, f"出生日期 {shown} 晚于今天，请核对号码第7–14位")

    expected = resident_id_check_char(number[:17])
    if number[17] != expected:
        # The expected character is stated, but so is the likelier cause: a clerk told only
        # "should be X" would fix the last character and store a wrong number that passes.
        raise ValidationError(
            field,
            f"身份证号码第18位校验位错误，应为 {expected}（按前17位计算），请逐位核对整个号码",
        )

    sex = "男" if int(number[16]) % 2 == 1 else "女"
    return ResidentId(number=number, region_code=region, birth_date=born, sex=sex)


# ---------------------------------------------------------------------------------------------
# 统一社会信用代码 (GB 32100-2015)
# ---------------------------------------------------------------------------------------------

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V: they read like 1, 0, 2, 5, U
_USCC_VALUES = {c: i for i, c in enumerate(_USCC_CHARS)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # 3**i mod 31
_USCC_LOOKALIKES = {"I": "1", "O": "0", "Z": "2", "S": "5"}

# Position 1, 登记管理部门码: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教,
# 8 工会, 9 市场监管（工商）, A 中央军委改革和编制办公室, N 农业农村（农村集体经济组织）,
# Y 其他. B-G are accepted too (reserved for further departments), to stay permissive.
_USCC_DEPARTMENTS = frozenset("123456789ABCDEFGNY")
# Position 2, 机构类别码: only 0 is refused. Departments number their categories from 1, and
# not only 1/2/3/9 occur: 司法行政 uses 4 (司法鉴定机构) and 5 (仲裁委员会), so a stricter
# rule would turn real bodies away. Positions 3-8 (region) and 9-17 (主体标识码, with its own
# GB 11714 check character for older bodies) are not checked beyond the character set.


def uscc_check_char(first17: str) -> str:
    """The 18th character of a 统一社会信用代码 for its first 17 (upper-case, allowed charset)."""
    if len(first17) != 17 or any(c not in _USCC_VALUES for c in first17):
        raise ValueError(
            "uscc_check_char needs 17 characters from the GB 32100 charset, "
            f"got {len(first17)} chars"
        )
    total = sum(_USCC_VALUES[c] * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def normalize_uscc(raw: str, *, field: str = "uscc") -> str:
    """Check a 统一社会信用代码 and return it as 18 upper-case characters.

    Spaces, full-width characters and lower case are tolerated. Codes of every registering
    department are accepted: 9 (企业, 个体工商户, and 93 农民专业合作社), 1 (机关, 事业单位),
    5 (社会组织), N (农村集体经济组织), Y (其他) …
    """
    code = _compact(raw, field, "统一社会信用代码")
    if not code:
        raise ValidationError(field, "请输入统一社会信用代码")

    for pos, ch in enumerate(code, start=1):
        if ch not in _USCC_VALUES:
            message = f"第{pos}位「{_show(ch)}」不是统一社会信用代码允许的字符"
            if ch in _USCC_LOOKALIKES:
                message += (
                    f"（代码中不使用字母 I、O、Z、S、V），是否应为数字 {_USCC_LOOKALIKES[ch]}？"
                )
            raise ValidationError(field, message)
    if len(code) != 18:
        message = f"统一社会信用代码应为18位，当前为{len(code)}位"
        if len(code) == 15 and _first_non_digit(code) is None:
            message += "（15位数字多为旧的工商注册号，请以营业执照上的18位代码为准）"
        raise ValidationError(field, message)
    if code[0] not in _USCC_DEPARTMENTS:
        raise ValidationError(
            field,
            f"统一社会信用代码第1位（登记管理部门码）「{code[0]}」无效，应为1–9、A–G、N 或 Y",
        )
    if code[1] == "0":
        raise ValidationError(field, "统一社会信用代码第2位（机构类别码）不能为0")
    region = code[2:8]
    bad = _first_non_digit(region)
    if bad is not None:
        pos = 3 + region.index(bad)
        raise ValidationError(
            field,
            f"统一社会信用代码第3–8位是登记管理机关的行政区划码，只能是数字；"
            f"第{pos}位为「{_show(bad)}」",
        )
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        raise ValidationError(
            field,
            f"统一社会信用代码第18位校验位错误，应为 {expected}（按前17位计算），"
            "请逐位核对整个代码",
        )
    return code


# ---------------------------------------------------------------------------------------------
# Phone numbers
# ---------------------------------------------------------------------------------------------

# Separators people put in phone numbers: spaces, hyphens, brackets, and the dash look-alikes
# Chinese IMEs produce for "-" (‐ ‑ ‒ – — ―, minus sign, small hyphen-minus).
_SEP = r"\s\-()\u2010-\u2015\u2212\ufe63"
_SEP_RE = re.compile(f"[{_SEP}]+")
_CN_PREFIX_RE = re.compile(f"^[{_SEP}]*(?:\\+|00)[{_SEP}]*86")
_INTERNATIONAL_RE = re.compile(f"^[{_SEP}]*(?:\\+|00)")
_MOBILE_SECOND_DIGITS = frozenset("3456789")
_EXTENSION_MARKERS = ("转", "分机")
_MAX_EXTENSION = 6
_LANDLINE_EXAMPLE = "0475-1234567"
# 400 and 800 numbers are companies' service lines: nobody can be called back on them.
_SERVICE_LINE_PREFIXES = ("400", "800")


def _refuse_service_line(digits: str, text: str, field: str) -> None:
    if len(digits) == 10 and digits.startswith(_SERVICE_LINE_PREFIXES):
        raise ValidationError(
            field,
            f"「{text}」是 {digits[:3]} 服务热线，不能作为联系电话："
            f"请填写11位手机号码或带区号的固定电话（如 {_LANDLINE_EXAMPLE}）",
        )


def _strip_country_code(text: str, field: str, noun: str) -> tuple[bool, str]:
    """Drop a leading +86 / 0086; refuse any other international prefix."""
    match = _CN_PREFIX_RE.match(text)
    if match:
        return True, text[match.end() :]
    if _INTERNATIONAL_RE.match(text):
        raise ValidationError(field, f"仅支持中国大陆{noun}（国家代码 +86），请核对号码开头")
    return False, text


def _drop_bare_86(digits: str) -> str:
    # "86" without + or 00 is only unambiguous in front of a full mobile number: no mobile
    # starts with 86, so 13 digits "861…" can only be country code + mobile.
    if len(digits) == 13 and digits.startswith("861") and digits[3] in _MOBILE_SECOND_DIGITS:
        return digits[2:]
    return digits


def normalize_mobile(raw: str, *, field: str = "phone") -> str:
    """Check a mainland mobile number and return its 11 ASCII digits.

    Accepts +86 / 0086 / 86 prefixes, spaces, hyphens, brackets and full-width digits.
    """
    text = _clean(raw, field, "手机号码")
    if not text:
        raise ValidationError(field, "请输入手机号码")
    _, rest = _strip_country_code(text, field, "手机号码")
    digits = _drop_bare_86(_SEP_RE.sub("", rest))
    bad = _first_non_digit(digits)
    if bad is not None:
        raise ValidationError(field, f"手机号码含有非法字符「{_show(bad)}」")
    if len(digits) != 11:
        raise ValidationError(field, f"手机号码应为11位数字，当前为{len(digits)}位")
    if digits[0] != "1" or digits[1] not in _MOBILE_SECOND_DIGITS:
        raise ValidationError(
            field, f"手机号码应以13至19开头，以{digits[:2]}开头的不是大陆手机号码"
        )
    return digits


def _area_code_length(first_group: str) -> int:
    # In China 010 (北京) and 020-029 are the only 3-digit area codes; every other one has 4
    # digits. That rule is what lets "04751234567" be split without a separator.
    return 3 if first_group[1:2] in {"1", "2"} else 4


def normalize_landline(raw: str, *, field: str = "phone") -> str:
    """Check a fixed-line number with area code; return "0475-1234567" or "0475-1234567-123".

    The area code may be bracketed ("(0475)1234567") or follow +86 without its 0; the local
    number has 7 or 8 digits; an extension follows as "转123", "分机123" or "-123".
    """
    text = _clean(raw, field, "电话号码")
    if not text:
        raise ValidationError(field, "请输入固定电话号码")

    extension = ""
    for marker in _EXTENSION_MARKERS:
        if marker in text:
            text, _, ext_text = text.partition(marker)
            extension = _SEP_RE.sub("", ext_text)
            if not extension:
                raise ValidationError(field, f"「{marker}」后缺少分机号")
            break

    had_country_code, text = _strip_country_code(text, field, "电话号码")
    groups = [g for g in _SEP_RE.split(text) if g]
    _refuse_service_line("".join(groups), raw.strip(), field)
    for part in [*groups, extension]:
        bad = _first_non_digit(part)
        if bad is not None:
            raise ValidationError(field, f"固定电话号码含有非法字符「{_show(bad)}」")
    if had_country_code and groups:
        # Written from abroad the trunk 0 is dropped ("+86 475 …") or bracketed ("+86 (0)475").
        if groups[0] == "0" and len(groups) > 1:
            groups[:2] = ["0" + groups[1]]
        elif not groups[0].startswith("0"):
            groups[0] = "0" + groups[0]
    if not groups or not groups[0].startswith("0"):
        raise ValidationError(field, f"固定电话请带区号，如 {_LANDLINE_EXAMPLE}")

    first = groups[0]
    area_length = _area_code_length(first)
    if len(first) > 4:  # area code and (part of) the local number typed without a separator
        area, rest = first[:area_length], [first[area_length:], *groups[1:]]
    elif len(first) == area_length:
        area, rest = first, groups[1:]
    else:
        raise ValidationError(
            field, f"区号「{first}」位数不对：010 和 02X 为3位，其余区号为4位（如 0475）"
        )
    if area[1] == "0":
        raise ValidationError(field, f"区号「{area}」无效，请核对")

    # The local number may itself be split ("010 8888 6666"): take groups until it has at
    # least 7 digits; one further group is the extension ("0475-1234567-123").
    local = ""
    taken = 0
    while taken < len(rest) and len(local) < 7:
        local += rest[taken]
        taken += 1
    leftover = rest[taken:]
    if not local:
        raise ValidationError(
            field, f"区号 {area} 后缺少电话号码，请按 {_LANDLINE_EXAMPLE} 的格式填写"
        )
    # Checked before the length: "0475-0475-1234567" is a repeated area code, and saying
    # so helps more than "11 digits".
    if local[0] == "0":
        raise ValidationError(field, "区号后的电话号码不能以0开头，请检查区号是否重复填写")
    if not 7 <= len(local) <= 8:
        raise ValidationError(field, f"区号后的电话号码应为7或8位，当前为{len(local)}位")
    if leftover:
        if extension or len(leftover) > 1:
            raise ValidationError(
                field,
                f"电话号码后多出「{'-'.join(leftover)}」，无法识别；"
                f"分机号只写一个，放在最后，如 {_LANDLINE_EXAMPLE}-123",
            )
        extension = leftover[0]
    if len(extension) > _MAX_EXTENSION:
        raise ValidationError(field, f"分机号应为1至6位数字，当前为{len(extension)}位")

    return f"{area}-{local}-{extension}" if extension else f"{area}-{local}"


def normalize_phone(raw: str, *, field: str = "phone") -> str:
    """A mobile number (11 digits) if it looks like one, otherwise a landline with area code.

    "Looks like a mobile" means: after an optional +86 it starts with 13-19 and carries no
    extension. A number starting with 0, or written after +86, is read as a landline.
    Anything else gets one message that explains both accepted forms.
    """
    text = _clean(raw, field, "电话号码")
    if not text:
        raise ValidationError(
            field, f"请输入电话号码：11位手机号码，或带区号的固定电话（如 {_LANDLINE_EXAMPLE}）"
        )
    had_country_code, rest = _strip_country_code(text, field, "电话号码")
    digits = _drop_bare_86(_SEP_RE.sub("", rest))
    has_extension = any(marker in text for marker in _EXTENSION_MARKERS)
    mobile_like = digits[:1] == "1" and digits[1:2] in _MOBILE_SECOND_DIGITS

    if mobile_like and not has_extension:
        return normalize_mobile(raw, field=field)
    _refuse_service_line(digits, text, field)
    if digits.startswith("0") or had_country_code or has_extension:
        return normalize_landline(raw, field=field)
    bad = _first_non_digit(digits)
    if bad is not None:
        raise ValidationError(field, f"电话号码含有非法字符「{_show(bad)}」")
    raise ValidationError(
        field,
        f"电话号码「{text}」无法识别：手机号码应为11位数字（以13至19开头），"
        f"固定电话请带区号，如 {_LANDLINE_EXAMPLE}",
    )


# ---------------------------------------------------------------------------------------------
# Masks for screens, slips and exports
# ---------------------------------------------------------------------------------------------


def _mask_generic(text: str) -> str:
    # Keep up to 3 leading and 2 trailing characters, but never show more than half of them.
    reveal = len(text) // 2
    tail = min(2, reveal // 2)
    head = min(3, reveal - tail)
    return text[:head] + "*" * (len(text) - head - tail) + (text[len(text) - tail :])


# What the mask of an 18-character number may show. The number is region (6) + birth date (8) +
# serial (3, the last one odd for 男) + check character, and the check character follows from the
# other 17. Whoever reads a mask also reads everything stored beside it in plaintext, so a mask
# is only as safe as what it hides beyond the stored facts. The customary 150521********1234
# hides exactly the birth date: with the birth date beside it the number is whole, with the
# birth year beside it about 33 numbers fit (365 days / 11 check characters), and even an age
# band such as "under 18" leaves about 600. Statistics need the birth year, so the mask hides
# the serial as well: region + ten stars + the last two (the sex digit, so the stored sex adds
# nothing, and the check character). With the birth year known, 365 days x 100 serials /
# 11 check characters leaves about 3,300 numbers, and every one of them would have to be tried
# against some outside check: the blind index is keyed, so nothing on file confirms a guess.
# Nothing finer than the birth year (no month, no day, no age in days) may be stored in
# plaintext; anything else is derived from the number itself, on an audited decrypt.
# tests/sync/test_id_rebuild.py tries every stored value against every number.
RESIDENT_ID_SHOWN_HEAD = 6
RESIDENT_ID_SHOWN_TAIL = 2


def mask_resident_id(number: str) -> str:
    """Mask as 150521**********34 (18 characters); other lengths keep at most first 3, last 2.

    The 18-character form shows the region and the last two characters and hides the birth
    date and the serial (why: the note above); for any other length no more than half of the
    characters is shown.
    """
    text = _squeeze(number)
    if len(text) == 18:
        hidden = 18 - RESIDENT_ID_SHOWN_HEAD - RESIDENT_ID_SHOWN_TAIL
        return text[:RESIDENT_ID_SHOWN_HEAD] + "*" * hidden + text[-RESIDENT_ID_SHOWN_TAIL:]
    return _mask_generic(text)


def remask_resident_id(masked: str) -> str:
    """An older, wider 18-character mask (150521********1234) narrowed to today's form.

    Old events and rows carry the wider form; the fold and the migration narrow it without
    the key, since the narrow form only drops characters. Other text is returned as it is.
    """
    if (
        len(masked) == 18
        and "*" in masked
        and "*" not in masked[:RESIDENT_ID_SHOWN_HEAD]
        and "*" not in masked[-RESIDENT_ID_SHOWN_TAIL:]
    ):
        hidden = 18 - RESIDENT_ID_SHOWN_HEAD - RESIDENT_ID_SHOWN_TAIL
        return masked[:RESIDENT_ID_SHOWN_HEAD] + "*" * hidden + masked[-RESIDENT_ID_SHOWN_TAIL:]
    return masked


def mask_name(name: str) -> str:
    """A name where it is shown as personal data (a conflict between two records): 包**."""
    if len(name) <= 3:
        return name[:1] + "*" * (len(name) - 1)
    return _mask_generic(name)


def mask_phone(number: str) -> str:
    """Mask a mobile as 139****5678 and a landline as 0475-*****67 (extension starred too).

    Never raises: text that is no valid phone number is masked like any other string.
    """
    try:
        canonical = normalize_phone(number)
    except ValidationError:
        # No upper-casing here: the text is shown back as the clerk typed it.
        return _mask_generic("".join(_tidy(number).split()))
    if "-" not in canonical:
        return f"{canonical[:3]}****{canonical[-4:]}"
    area, local, *extension = canonical.split("-")
    masked = f"{area}-{'*' * (len(local) - 2)}{local[-2:]}"
    if extension:
        masked += "-" + "*" * len(extension[0])
    return masked
