"""Tests for hall_desk.domain.identity: ID numbers, credit codes, phone numbers and masks."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hall_desk.domain.errors import ValidationError
from hall_desk.domain.identity import (
    IDENTIFIER_MAX_TYPED,
    ResidentId,
    mask_phone,
    mask_resident_id,
    normalize_landline,
    normalize_mobile,
    normalize_phone,
    normalize_uscc,
    parse_resident_id,
    resident_id_check_char,
    to_halfwidth,
    uscc_check_char,
)

# A fixed "today" keeps birth-date checks independent of when the suite runs.
TODAY = date(2024, 6, 1)

# No example database: the tree is shared, and a .hypothesis/ folder would appear in it.
# No deadline: the first call of a test can be slow on a busy machine without being wrong.
PROPERTY = settings(database=None, deadline=None)

ID_CHARS = "0123456789X"
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
MAINLAND_PROVINCES = [
    *map(str, range(11, 16)),
    *map(str, range(21, 24)),
    *map(str, range(31, 38)),
    *map(str, range(41, 47)),
    *map(str, range(50, 55)),
    *map(str, range(61, 66)),
]


def make_id(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


def make_uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


def id_with_check(region: str, birth: str, wanted_check: str) -> str:
    """A valid number whose check character is `wanted_check` (found by trying sequences)."""
    for seq in range(1000):
        number = make_id(f"{region}{birth}{seq:03d}")
        if number.endswith(wanted_check):
            return number
    raise AssertionError("unreachable: every check character occurs among 1000 sequences")


def fullwidth(text: str) -> str:
    return "".join(
        "\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text
    )


def error_of(func: Callable[..., object], raw: str, **kwargs: object) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func(raw, **kwargs)
    return info.value


def parse(raw: str) -> ResidentId:
    return parse_resident_id(raw, today=TODAY)


def id_error(raw: str) -> str:
    return error_of(parse_resident_id, raw, today=TODAY).message


# ---------------------------------------------------------------------------------------------
# Hypothesis strategies
# ---------------------------------------------------------------------------------------------

regions = st.one_of(
    st.builds(
        lambda province, prefecture, county: f"{province}{prefecture:02d}{county:02d}",
        st.sampled_from(MAINLAND_PROVINCES),
        st.integers(1, 99),
        st.integers(0, 99),
    ),
    st.sampled_from(["810000", "820000", "830000"]),
)
id_first17s = st.builds(
    lambda region, born, seq: f"{region}{born:%Y%m%d}{seq:03d}",
    regions,
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    st.integers(0, 999),
)
uscc_first17s = st.builds(
    lambda department, category, region, rest: department + category + region + rest,
    st.sampled_from("123456789ABCDEFGNY"),
    st.sampled_from(USCC_CHARS[1:]),
    st.text(alphabet="0123456789", min_size=6, max_size=6),  # GB/T 2260 region: digits
    st.text(alphabet=USCC_CHARS, min_size=9, max_size=9),
)
mobiles = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)


@st.composite
def disguised(draw: st.DrawFn, text: str) -> str:
    """`text` as a hurried clerk might type it: odd case, full-width, stray spaces."""
    out = [draw(st.sampled_from(["", " ", "\u3000", "\t"]))]
    for ch in text:
        if draw(st.booleans()):
            ch = ch.lower()
        if draw(st.booleans()):
            ch = fullwidth(ch)
        out.append(ch)
        out.append(draw(st.sampled_from(["", "", "", " ", "\u3000", "\u200b"])))
    out.append(draw(st.sampled_from(["", " ", "\u3000", "\n"])))
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# to_halfwidth
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("１２３４５６７８９０", "1234567890"),
        ("ＡＢＣｘｙｚ", "ABCxyz"),  # width only; case is left to the caller
        ("（０４７５）１２３－４５６７", "(0475)123-4567"),
        ("＋８６　１３９", "+86 139"),
        ("\u3000 abc \u3000", "abc"),
        ("张三 ０１", "张三 01"),
        ("", ""),
        ("plain ascii", "plain ascii"),
    ],
)
def test_to_halfwidth(raw: str, expected: str) -> None:
    assert to_halfwidth(raw) == expected


@PROPERTY
@given(st.text(alphabet=[chr(c) for c in range(0x20, 0x7F)]))
def test_to_halfwidth_undoes_full_width(text: str) -> None:
    assert to_halfwidth(fullwidth(text)) == text.strip()


# ---------------------------------------------------------------------------------------------
# 居民身份证号码: check character
# ---------------------------------------------------------------------------------------------


def test_check_char_matches_the_examples_printed_in_gb_11643() -> None:
    assert resident_id_check_char("11010519491231002") == "X"
    assert resident_id_check_char("44052418800101001") == "4"


@pytest.mark.parametrize("bad", ["", "1505211990010112", "150521199001011234", "15052119900101X23"])
def test_check_char_needs_17_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="17 ASCII digits"):
        resident_id_check_char(bad)


def test_check_char_refuses_non_ascii_digits() -> None:
    with pytest.raises(ValueError):
        resident_id_check_char("１５０５２１１９９００１０１１２３")


def test_every_check_character_occurs() -> None:
    seen = {make_id(f"15052119900101{seq:03d}")[-1] for seq in range(1000)}
    assert seen == set(ID_CHARS)


# ---------------------------------------------------------------------------------------------
# 居民身份证号码: accepted numbers
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first17", "region", "born", "sex"),
    [
        ("15052119900101123", "150521", date(1990, 1, 1), "男"),  # 科尔沁左翼中旗
        ("11010119851231001", "110101", date(1985, 12, 31), "男"),  # 北京 东城区
        ("44030520000229457", "440305", date(2000, 2, 29), "男"),  # 深圳 南山区, leap day
        ("15050019900101123", "150500", date(1990, 1, 1), "男"),  # city-level code, old cards
        ("81000019950505002", "810000", date(1995, 5, 5), "女"),  # 港澳居民居住证
        ("82000019950505002", "820000", date(1995, 5, 5), "女"),
        ("83000019950505003", "830000", date(1995, 5, 5), "男"),  # 台湾居民居住证
        ("71000019950505003", "710000", date(1995, 5, 5), "男"),
        ("15052119000101001", "150521", date(1900, 1, 1), "男"),  # oldest accepted
        ("15052120240601001", "150521", TODAY, "男"),  # born today: newborns get numbers
    ],
)
def test_parse_valid_numbers(first17: str, region: str, born: date, sex: str) -> None:
    number = make_id(first17)
    resident = parse(number)
    assert resident == ResidentId(number=number, region_code=region, birth_date=born, sex=sex)


def test_parse_standard_example_with_x() -> None:
    resident = parse("11010519491231002X")
    assert resident.number == "11010519491231002X"
    assert resident.birth_date == date(1949, 12, 31)
    assert resident.sex == "女"


@pytest.mark.parametrize("digit", list("0123456789"))
def test_sex_comes_from_the_17th_digit(digit: str) -> None:
    resident = parse(make_id(f"1505211990010112{digit}"))
    assert resident.sex == ("男" if int(digit) % 2 else "女")


def test_normalises_case_width_and_spaces() -> None:
    number = id_with_check("150521", "19900101", "X")
    typed = [
        number.lower(),
        f"  {number}  ",
        f"{number[:6]} {number[6:14]} {number[14:]}",
        fullwidth(number),
        fullwidth(number.lower()),
        f"\u3000{number[:9]}\u200b{number[9:]}\t",
    ]
    for raw in typed:
        assert parse(raw).number == number, raw


def test_field_name_is_passed_through() -> None:
    assert error_of(parse_resident_id, "123", today=TODAY).field == "id_number"
    assert error_of(parse_resident_id, "123", today=TODAY, field="agent_id").field == "agent_id"


def test_today_is_the_callers_and_bounds_the_birth_date() -> None:
    # The day after TODAY is a future birth date; TODAY itself is not.
    assert parse_resident_id(make_id("15052120240601123"), today=TODAY).birth_date == TODAY
    message = error_of(parse_resident_id, make_id("15052120240602123"), today=TODAY).message
    assert "出生日期 2024-06-02 晚于今天" in message


def test_resident_id_is_frozen_and_its_repr_hides_the_number() -> None:
    resident = parse(make_id("15052119900101123"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        resident.number = "x"  # type: ignore[misc]
    assert "19900101" not in repr(resident)
    assert "150521**********" in repr(resident)


# ---------------------------------------------------------------------------------------------
# 居民身份证号码: refusals, each with its message
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["", "   ", "\u3000", "\u200b"])
def test_empty(raw: str) -> None:
    assert id_error(raw) == "请输入身份证号码"


def test_old_15_digit_number_is_refused_with_advice() -> None:
    assert id_error("150521900101123") == "15位旧身份证号码已停用，请提供18位号码"


@pytest.mark.parametrize(
    ("raw", "length"),
    [
        ("1505211990010112", 16),
        ("15052119900101123", 17),
        ("1505211990010112345", 19),
        ("15052119900101X", 15),
        ("1", 1),
    ],
)
def test_wrong_length(raw: str, length: int) -> None:
    assert id_error(raw) == f"身份证号码应为18位，当前为{length}位"


@pytest.mark.parametrize(
    ("raw", "shown", "position"),
    [
        ("15052119900101123A", "A", 18),
        ("150521１9900101123Ａ", "A", 18),  # full-width letters are named in half-width
        ("15052119900101-1234", "-", 15),
        ("张15052119900101123", "张", 1),
        ("1505211990O101123X", "O", 11),
        ("150521\x0719900101123", "U+0007", 7),  # invisible control characters get a name
    ],
)
def test_illegal_character(raw: str, shown: str, position: int) -> None:
    assert id_error(raw) == f"身份证号码含有非法字符「{shown}」（第{position}位）"


def test_illegal_character_is_reported_before_length() -> None:
    assert id_error("15052119A") == "身份证号码含有非法字符「A」（第9位）"


def test_x_only_allowed_last() -> None:
    assert id_error("1505X1199001011231") == (
        "身份证号码第5位不能是 X，只有第18位（校验位）可以是 X"
    )


def test_unknown_province() -> None:
    assert id_error(make_id("16052119900101123")) == (
        "地区码 160521 无效：前两位 16 不是省级行政区划代码，请核对号码前6位"
    )


def test_region_starting_with_9_hints_at_foreigner_card() -> None:
    message = id_error(make_id("99052119900101123"))
    assert message.startswith("地区码 990521 无效")
    assert "外国人永久居留身份证" in message


@pytest.mark.parametrize("region", ["460001", "460007", "460021", "460033", "460039"])
def test_hainans_1988_county_codes_are_valid(region: str) -> None:
    # Counties administered by Hainan province itself: cards issued with these are still carried.
    assert parse(make_id(region + "19900101123")).region_code == region


@pytest.mark.parametrize("region", ["460008", "460020", "460040", "450001"])
def test_other_zero_prefecture_codes_stay_refused(region: str) -> None:
    assert "地市代码）不能为00" in id_error(make_id(region + "19900101123"))


def test_zero_prefecture() -> None:
    assert id_error(make_id("15002119900101123")) == (
        "地区码 150021 无效：第3–4位（地市代码）不能为00，请核对号码前6位"
    )


@pytest.mark.parametrize("region", ["810101", "820001", "830100", "710001"])
def test_hong_kong_macao_taiwan_codes_are_whole_region_only(region: str) -> None:
    province = region[:2]
    assert id_error(make_id(f"{region}19900101123")) == (
        f"地区码 {region} 无效：以 {province} 开头的号码，前6位应为 {province}0000"
    )


@pytest.mark.parametrize(
    ("birth", "shown"),
    [
        ("19990229", "1999-02-29"),  # not a leap year
        ("19000229", "1900-02-29"),  # divisible by 100, not by 400: not a leap year
        ("20230229", "2023-02-29"),
        ("19901301", "1990-13-01"),
        ("19900001", "1990-00-01"),
        ("19900431", "1990-04-31"),
        ("19900100", "1990-01-00"),
        ("19900132", "1990-01-32"),
    ],
)
def test_birth_date_that_does_not_exist(birth: str, shown: str) -> None:
    assert id_error(make_id(f"150521{birth}123")) == (
        f"出生日期 {shown} 不存在，请核对号码第7–14位"
    )


@pytest.mark.parametrize("birth", ["20000229", "20040229", "19960229"])
def test_leap_day_births_are_accepted(birth: str) -> None:
    assert parse(make_id(f"150521{birth}123")).birth_date.day == 29


@pytest.mark.parametrize(
    ("birth", "shown"),
    [("18500101", "1850-01-01"), ("18991231", "1899-12-31"), ("00000000", "0000-00-00")],
)
def test_birth_date_before_1900(birth: str, shown: str) -> None:
    assert id_error(make_id(f"150521{birth}123")) == (
        f"出生日期 {shown} 不合理（早于1900年），请核对号码第7–14位"
    )


@pytest.mark.parametrize(
    ("birth", "shown"), [("20240602", "2024-06-02"), ("20310101", "2031-01-01")]
)
def test_birth_date_after_today(birth: str, shown: str) -> None:
    assert id_error(make_id(f"150521{birth}123")) == (
        f"出生日期 {shown} 晚于今天，请核对号码第7–14位"
    )


def test_wrong_check_character_states_the_expected_one() -> None:
    number = id_with_check("150521", "19900101", "X")
    assert id_error(number[:17] + "5") == (
        "身份证号码第18位校验位错误，应为 X（按前17位计算），请逐位核对整个号码"
    )
    number = id_with_check("110101", "19851231", "7")
    assert id_error(number[:17] + "X") == (
        "身份证号码第18位校验位错误，应为 7（按前17位计算），请逐位核对整个号码"
    )


def test_checks_run_region_then_birth_date_then_check_character() -> None:
    # Region, birth date and check character all wrong: the region is reported.
    assert id_error("990521199902291230").startswith("地区码 990521 无效")
    # Birth date and check character wrong: the birth date is reported.
    assert id_error("150521199902291230").startswith("出生日期 1999-02-29 不存在")
    # Only the check character wrong.
    assert id_error("150521199001011230").startswith("身份证号码第18位校验位错误")


# ---------------------------------------------------------------------------------------------
# 居民身份证号码: age
# ---------------------------------------------------------------------------------------------


def test_age_turns_on_the_birthday() -> None:
    resident = parse(make_id("15052119900615123"))
    assert resident.age_on(date(2008, 6, 14)) == 17
    assert resident.age_on(date(2008, 6, 15)) == 18
    assert resident.age_on(date(2008, 6, 16)) == 18
    assert resident.age_on(date(1990, 6, 15)) == 0
    assert resident.age_on(date(1991, 6, 14)) == 0


def test_age_of_someone_born_on_leap_day() -> None:
    resident = parse(make_id("15052120000229123"))
    assert resident.age_on(date(2023, 2, 28)) == 22
    assert resident.age_on(date(2023, 3, 1)) == 23
    assert resident.age_on(date(2024, 2, 28)) == 23
    assert resident.age_on(date(2024, 2, 29)) == 24


def test_age_before_birth_is_a_programming_error() -> None:
    resident = parse(make_id("15052119900615123"))
    with pytest.raises(ValueError):
        resident.age_on(date(1990, 6, 14))


@PROPERTY
@given(first17=id_first17s, days=st.integers(0, 50_000))
def test_age_grows_by_one_a_year(first17: str, days: int) -> None:
    resident = parse(make_id(first17))
    day = resident.birth_date + timedelta(days=days)
    age = resident.age_on(day)
    assert 0 <= age <= days // 365
    assert resident.age_on(day + timedelta(days=366)) in (age + 1, age + 2)


# ---------------------------------------------------------------------------------------------
# 居民身份证号码: properties
# ---------------------------------------------------------------------------------------------


@PROPERTY
@given(id_first17s)
def test_any_valid_prefix_with_its_check_character_round_trips(first17: str) -> None:
    number = make_id(first17)
    resident = parse(number)
    assert resident.number == number
    assert resident.region_code == first17[:6]
    assert f"{resident.birth_date:%Y%m%d}" == first17[6:14]
    assert resident.sex == ("男" if int(first17[16]) % 2 else "女")


@PROPERTY
@given(st.data(), id_first17s)
def test_disguised_numbers_normalise(data: st.DataObject, first17: str) -> None:
    number = make_id(first17)
    assert parse(data.draw(disguised(number))).number == number


# The weights are 2**k mod 11 and 11 is prime, so a changed digit d -> d' moves the weighted
# sum by (d' - d) * w, never a multiple of 11: every single substitution changes the expected
# check character. A changed check character no longer matches, and an X anywhere else is
# refused outright. So no single substitution can yield another valid number.
@PROPERTY
@given(st.data(), id_first17s, st.integers(0, 17))
def test_every_single_substitution_is_detected(
    data: st.DataObject, first17: str, position: int
) -> None:
    number = make_id(first17)
    replacement = data.draw(st.sampled_from(ID_CHARS).filter(lambda c: c != number[position]))
    with pytest.raises(ValidationError):
        parse(number[:position] + replacement + number[position + 1 :])


@PROPERTY
@given(st.data(), id_first17s, st.integers(0, 17))
def test_substitution_by_any_character_is_detected(
    data: st.DataObject, first17: str, position: int
) -> None:
    number = make_id(first17)
    original = number[position]
    # Characters that merely normalise to the same one (full-width, lower-case x) don't count.
    replacement = data.draw(st.characters().filter(lambda c: to_halfwidth(c).upper() != original))
    with pytest.raises(ValidationError):
        parse(number[:position] + replacement + number[position + 1 :])


# Neighbouring weights differ and are non-zero mod 11, so swapping two different adjacent
# digits among the first 17 moves the sum by (a - b) * (w_i - w_i+1), never 0 mod 11.
@PROPERTY
@given(id_first17s, st.integers(0, 15))
def test_adjacent_transpositions_are_detected(first17: str, i: int) -> None:
    number = make_id(first17)
    if number[i] == number[i + 1]:
        return  # swapping equal digits changes nothing
    swapped = number[:i] + number[i + 1] + number[i] + number[i + 2 :]
    with pytest.raises(ValidationError):
        parse(swapped)


@PROPERTY
@given(st.text(max_size=25))
def test_arbitrary_text_only_ever_raises_validation_error(raw: str) -> None:
    try:
        resident = parse(raw)
    except ValidationError as error:
        assert error.field == "id_number"
        assert error.message
    else:
        assert len(resident.number) == 18


# ---------------------------------------------------------------------------------------------
# 统一社会信用代码
# ---------------------------------------------------------------------------------------------


def test_published_codes_are_valid() -> None:
    # The sample code used throughout GB 32100 explanations, and 华为技术有限公司's code.
    assert normalize_uscc("91350100M000100Y43") == "91350100M000100Y43"
    assert normalize_uscc("914403001922038216") == "914403001922038216"
    assert uscc_check_char("91350100M000100Y4") == "3"


@pytest.mark.parametrize(
    "first17",
    [
        "91150521MA0N12345",  # 9 市场监管, 1 企业
        "92150521MA0N1234X",  # 9, 2 个体工商户
        "93150521MA0N1234Y",  # 9, 3 农民专业合作社
        "11150521012345678",  # 1 机构编制, 1 机关
        "12150521012345678",  # 1, 2 事业单位
        "51150521MJ0123456",  # 5 民政, 1 社会团体
        "52150521MJ0123456",  # 5, 2 民办非企业单位
        "34150521MD0123456",  # 3 司法行政, 4 司法鉴定机构: category 4 exists
        "N2150521MF0123456",  # N 农业农村, 2 村级集体经济组织
        "Y1150521MC0123456",  # Y 其他
        "A1100000MB0123456",
        "G9150521MC0123456",
    ],
)
def test_constructed_codes_of_every_kind_are_valid(first17: str) -> None:
    code = make_uscc(first17)
    assert normalize_uscc(code) == code


def test_every_check_character_value_is_reachable() -> None:
    seen = {uscc_check_char(f"91150521MA0N1{n:04d}") for n in range(3000)}
    assert seen == set(USCC_CHARS)


def test_uscc_normalises_case_width_and_spaces() -> None:
    code = "91350100M000100Y43"
    for raw in [
        "91350100m000100y43",
        " 9135 0100 M000 100Y 43 ",
        fullwidth(code),
        fullwidth(code.lower()),
        f"\u3000{code}\u200b",
    ]:
        assert normalize_uscc(raw) == code, raw


@pytest.mark.parametrize("bad", ["", "91350100M000100Y", "91350100m000100Y4", "91350100I000100Y4"])
def test_uscc_check_char_needs_17_charset_characters(bad: str) -> None:
    with pytest.raises(ValueError, match="GB 32100 charset"):
        uscc_check_char(bad)


def uscc_error(raw: str) -> str:
    return error_of(normalize_uscc, raw).message


def test_uscc_empty() -> None:
    assert uscc_error("  ") == "请输入统一社会信用代码"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            "91I50100M000100Y43",
            "第3位「I」不是统一社会信用代码允许的字符"
            "（代码中不使用字母 I、O、Z、S、V），是否应为数字 1？",
        ),
        (
            "9135010oM000100Y43",
            "第8位「O」不是统一社会信用代码允许的字符"
            "（代码中不使用字母 I、O、Z、S、V），是否应为数字 0？",
        ),
        (
            "913Z0100M000100Y43",
            "第4位「Z」不是统一社会信用代码允许的字符"
            "（代码中不使用字母 I、O、Z、S、V），是否应为数字 2？",
        ),
        (
            "S1350100M000100Y43",
            "第1位「S」不是统一社会信用代码允许的字符"
            "（代码中不使用字母 I、O、Z、S、V），是否应为数字 5？",
        ),
        ("91350100V000100Y43", "第9位「V」不是统一社会信用代码允许的字符"),
        ("91350100-M000100Y43", "第9位「-」不是统一社会信用代码允许的字符"),
        ("有限公司", "第1位「有」不是统一社会信用代码允许的字符"),
    ],
)
def test_uscc_illegal_character(raw: str, message: str) -> None:
    assert uscc_error(raw) == message


@pytest.mark.parametrize("raw", ["91350100M000100Y4", "91350100M000100Y433", "9"])
def test_uscc_wrong_length(raw: str) -> None:
    assert uscc_error(raw) == f"统一社会信用代码应为18位，当前为{len(raw)}位"


def test_uscc_old_registration_number_gets_a_hint() -> None:
    assert uscc_error("150521000012345") == (
        "统一社会信用代码应为18位，当前为15位（15位数字多为旧的工商注册号，请以营业执照上的18位代码为准）"
    )


@pytest.mark.parametrize("department", ["0", "H", "M", "X"])
def test_uscc_unknown_department(department: str) -> None:
    code = make_uscc(f"{department}1350100M000100Y4")
    assert uscc_error(code) == (
        f"统一社会信用代码第1位（登记管理部门码）「{department}」无效，应为1–9、A–G、N 或 Y"
    )


def test_uscc_category_zero() -> None:
    assert uscc_error(make_uscc("90350100M000100Y4")) == (
        "统一社会信用代码第2位（机构类别码）不能为0"
    )


def test_uscc_wrong_check_character() -> None:
    assert uscc_error("91350100M000100Y4X") == (
        "统一社会信用代码第18位校验位错误，应为 3（按前17位计算），请逐位核对整个代码"
    )


def test_uscc_field_name() -> None:
    assert error_of(normalize_uscc, "x").field == "uscc"
    assert error_of(normalize_uscc, "x", field="agent_uscc").field == "agent_uscc"


@PROPERTY
@given(uscc_first17s)
def test_uscc_round_trips(first17: str) -> None:
    code = make_uscc(first17)
    assert normalize_uscc(code) == code


@PROPERTY
@given(st.data(), uscc_first17s)
def test_disguised_uscc_normalises(data: st.DataObject, first17: str) -> None:
    code = make_uscc(first17)
    assert normalize_uscc(data.draw(disguised(code))) == code


# Weights are 3**i mod 31 and 31 is prime: a substitution moves the sum by (v' - v) * w with
# both factors non-zero mod 31, so the check character always changes; changing the check
# character itself breaks the match. Same argument as for 身份证号码, with 31 for 11.
@PROPERTY
@given(st.data(), uscc_first17s, st.integers(0, 17))
def test_every_single_uscc_substitution_is_detected(
    data: st.DataObject, first17: str, position: int
) -> None:
    code = make_uscc(first17)
    replacement = data.draw(st.sampled_from(USCC_CHARS).filter(lambda c: c != code[position]))
    with pytest.raises(ValidationError):
        normalize_uscc(code[:position] + replacement + code[position + 1 :])


@PROPERTY
@given(uscc_first17s, st.integers(0, 15))
def test_adjacent_uscc_transpositions_are_detected(first17: str, i: int) -> None:
    code = make_uscc(first17)
    if code[i] == code[i + 1]:
        return
    with pytest.raises(ValidationError):
        normalize_uscc(code[:i] + code[i + 1] + code[i] + code[i + 2 :])


@PROPERTY
@given(st.text(max_size=25))
def test_arbitrary_text_only_ever_raises_validation_error_for_uscc(raw: str) -> None:
    try:
        code = normalize_uscc(raw)
    except ValidationError as error:
        assert error.field == "uscc"
    else:
        assert len(code) == 18


# ---------------------------------------------------------------------------------------------
# Mobile numbers
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "13900471234",
        " 13900471234 ",
        "+86 139 0047 1234",
        "+86-139-0047-1234",
        "+8613900471234",
        "(+86)139 0047 1234",
        "（＋８６）１３９００４７１２３４",
        "0086 13900471234",
        "008613900471234",
        "86-13900471234",
        "8613900471234",
        "１３９００４７１２３４",
        "139-0047-1234",
        "139 0047 1234",
        "139—0047—1234",  # IME dash
        "＋８６　１３９　００４７　１２３４",
        "139\u200b00471234",
    ],
)
def test_mobile_shapes(raw: str) -> None:
    assert normalize_mobile(raw) == "13900471234"


@pytest.mark.parametrize("second", list("3456789"))
def test_mobile_second_digits(second: str) -> None:
    assert normalize_mobile(f"1{second}900471234") == f"1{second}900471234"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "请输入手机号码"),
        ("1390047123", "手机号码应为11位数字，当前为10位"),
        ("139004712345", "手机号码应为11位数字，当前为12位"),
        ("+86 139004712", "手机号码应为11位数字，当前为9位"),
        ("12900471234", "手机号码应以13至19开头，以12开头的不是大陆手机号码"),
        ("23900471234", "手机号码应以13至19开头，以23开头的不是大陆手机号码"),
        ("1390047123a", "手机号码含有非法字符「a」"),
        ("139/0047/1234", "手机号码含有非法字符「/」"),
        ("+852 9123 4567", "仅支持中国大陆手机号码（国家代码 +86），请核对号码开头"),
        ("00852 91234567", "仅支持中国大陆手机号码（国家代码 +86），请核对号码开头"),
    ],
)
def test_mobile_refusals(raw: str, message: str) -> None:
    error = error_of(normalize_mobile, raw)
    assert error.message == message
    assert error.field == "phone"


def test_mobile_field_name() -> None:
    assert error_of(normalize_mobile, "1", field="contact_phone").field == "contact_phone"


@PROPERTY
@given(
    mobile=mobiles,
    prefix=st.sampled_from(["", "+86", "+86 ", "+86-", "0086", "0086 ", "86", "86-", "(+86)"]),
    grouping=st.sampled_from(["{}", "{} {} {}", "{}-{}-{}", "{}  {}{}"]),
    wide=st.booleans(),
)
def test_mobile_round_trips_in_any_shape(
    mobile: str, prefix: str, grouping: str, wide: bool
) -> None:
    body = (
        grouping.format(mobile)
        if grouping == "{}"
        else grouping.format(mobile[:3], mobile[3:7], mobile[7:])
    )
    raw = prefix + body
    if wide:
        raw = fullwidth(raw)
    assert normalize_mobile(raw) == mobile
    assert normalize_phone(raw) == mobile


# ---------------------------------------------------------------------------------------------
# Landlines
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0475-1234567", "0475-1234567"),
        ("0475 1234567", "0475-1234567"),
        ("04751234567", "0475-1234567"),
        ("(0475)1234567", "0475-1234567"),
        ("(0475) 123-4567", "0475-1234567"),
        ("（０４７５）１２３４５６７", "0475-1234567"),
        ("０４７５－１２３４５６７", "0475-1234567"),
        ("0475—1234567", "0475-1234567"),
        ("010-88886666", "010-88886666"),
        ("01088886666", "010-88886666"),
        ("010 8888 6666", "010-88886666"),
        ("(010)8888-6666", "010-88886666"),
        ("021-62345678", "021-62345678"),
        ("02962345678", "029-62345678"),
        ("0755-86001234", "0755-86001234"),
        ("0475-1234567转123", "0475-1234567-123"),
        ("0475-1234567 转 123", "0475-1234567-123"),
        ("0475-1234567分机8", "0475-1234567-8"),
        ("0475-1234567-123", "0475-1234567-123"),
        ("010-8888-6666-12", "010-88886666-12"),
        ("+86 475 1234567", "0475-1234567"),
        ("+86-10-88886666", "010-88886666"),
        ("+86 (0)10 8888 6666", "010-88886666"),
        ("+86 0475 1234567", "0475-1234567"),
        ("0086 475 1234567", "0475-1234567"),
    ],
)
def test_landline_shapes(raw: str, expected: str) -> None:
    assert normalize_landline(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "请输入固定电话号码"),
        ("1234567", "固定电话请带区号，如 0475-1234567"),
        ("12345678", "固定电话请带区号，如 0475-1234567"),
        ("转123", "固定电话请带区号，如 0475-1234567"),
        ("047-51234567", "区号「047」位数不对：010 和 02X 为3位，其余区号为4位（如 0475）"),
        ("0101-2345678", "区号「0101」位数不对：010 和 02X 为3位，其余区号为4位（如 0475）"),
        ("0-4751234567", "区号「0」位数不对：010 和 02X 为3位，其余区号为4位（如 0475）"),
        ("+86 0012 3456789", "区号「0012」无效，请核对"),
        ("0475", "区号 0475 后缺少电话号码，请按 0475-1234567 的格式填写"),
        ("(0475)", "区号 0475 后缺少电话号码，请按 0475-1234567 的格式填写"),
        ("0475-123456", "区号后的电话号码应为7或8位，当前为6位"),
        ("0475-123456789", "区号后的电话号码应为7或8位，当前为9位"),
        ("047512345678901", "区号后的电话号码应为7或8位，当前为11位"),
        ("0475-01234567", "区号后的电话号码不能以0开头，请检查区号是否重复填写"),
        ("0475-0475-1234567", "区号后的电话号码不能以0开头，请检查区号是否重复填写"),
        (
            "0475-1234567-12-3",
            "电话号码后多出「12-3」，无法识别；分机号只写一个，放在最后，如 0475-1234567-123",
        ),
        (
            "0475-1234567-12转3",
            "电话号码后多出「12」，无法识别；分机号只写一个，放在最后，如 0475-1234567-123",
        ),
        ("0475-1234567转", "「转」后缺少分机号"),
        ("0475-1234567转1234567", "分机号应为1至6位数字，当前为7位"),
        ("0475-1234567转12a", "固定电话号码含有非法字符「a」"),
        ("0475/1234567", "固定电话号码含有非法字符「/」"),
        ("+852 2345 6789", "仅支持中国大陆电话号码（国家代码 +86），请核对号码开头"),
    ],
)
def test_landline_refusals(raw: str, message: str) -> None:
    error = error_of(normalize_landline, raw)
    assert error.message == message
    assert error.field == "phone"


@PROPERTY
@given(
    area=st.sampled_from(["010", "020", "021", "029", "0475", "0471", "0755", "0991"]),
    local=st.builds(
        lambda first, rest: first + rest,
        st.sampled_from("123456789"),
        st.text(alphabet="0123456789", min_size=6, max_size=7),
    ),
    extension=st.text(alphabet="0123456789", max_size=6),
    shape=st.sampled_from(["{a}-{l}", "{a} {l}", "({a}){l}", "({a}) {l}", "{a}{l}"]),
    ext_shape=st.sampled_from(["-{e}", "转{e}", " 转 {e}", "分机{e}"]),
    wide=st.booleans(),
)
def test_landline_round_trips_in_any_shape(
    area: str, local: str, extension: str, shape: str, ext_shape: str, wide: bool
) -> None:
    raw = shape.format(a=area, l=local)
    expected = f"{area}-{local}"
    if extension:
        raw += ext_shape.format(e=extension)
        expected += f"-{extension}"
    if wide:
        raw = fullwidth(raw)
    assert normalize_landline(raw) == expected
    assert normalize_phone(raw) == expected


# ---------------------------------------------------------------------------------------------
# normalize_phone: either kind
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+86 139 0047 1234", "13900471234"),
        ("86-13900471234", "13900471234"),
        ("１３９００４７１２３４", "13900471234"),
        ("0475-1234567", "0475-1234567"),
        ("(0475)1234567转12", "0475-1234567-12"),
        ("+86 10 8888 6666", "010-88886666"),  # 10 after +86 is 北京, not a mobile
        ("01088886666", "010-88886666"),
    ],
)
def test_phone_picks_the_kind(raw: str, expected: str) -> None:
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "请输入电话号码：11位手机号码，或带区号的固定电话（如 0475-1234567）"),
        (
            "1234567",
            "电话号码「1234567」无法识别：手机号码应为11位数字（以13至19开头），"
            "固定电话请带区号，如 0475-1234567",
        ),
        (
            "12345678901",
            "电话号码「12345678901」无法识别：手机号码应为11位数字（以13至19开头），"
            "固定电话请带区号，如 0475-1234567",
        ),
        (
            "６２３４ ５６７８",
            "电话号码「6234 5678」无法识别：手机号码应为11位数字（以13至19开头），"
            "固定电话请带区号，如 0475-1234567",
        ),
        ("abc", "电话号码含有非法字符「a」"),
        ("+1 202 555 0123", "仅支持中国大陆电话号码（国家代码 +86），请核对号码开头"),
        # Clearly meant as one kind: that kind's own, more specific message.
        ("1390047123", "手机号码应为11位数字，当前为10位"),
        ("0475-123456", "区号后的电话号码应为7或8位，当前为6位"),
    ],
)
def test_phone_refusals(raw: str, message: str) -> None:
    error = error_of(normalize_phone, raw)
    assert error.message == message
    assert error.field == "phone"


def test_phone_field_name() -> None:
    assert error_of(normalize_phone, "1", field="contact").field == "contact"
    assert error_of(normalize_phone, "139", field="contact").field == "contact"
    assert error_of(normalize_phone, "0475", field="contact").field == "contact"


@PROPERTY
@given(st.text(max_size=30))
def test_arbitrary_text_only_ever_raises_validation_error_for_phones(raw: str) -> None:
    try:
        phone = normalize_phone(raw)
    except ValidationError as error:
        assert error.message
    else:
        assert phone.replace("-", "").isascii()
        assert phone.replace("-", "").isdigit()


# ---------------------------------------------------------------------------------------------
# Masks
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("150521199001011234", "150521**********34"),
        ("11010519491231002x", "110105**********2X"),
        (" １５０５２１１９９００１０１１２３４ ", "150521**********34"),
        ("150521900101123", "150**********23"),
        ("1505211990", "150*****90"),
        ("12345", "1***5"),
        ("1234", "1**4"),
        ("12", "1*"),
        ("1", "*"),
        ("", ""),
    ],
)
def test_mask_resident_id(raw: str, masked: str) -> None:
    assert mask_resident_id(raw) == masked


@PROPERTY
@given(st.text(alphabet=ID_CHARS, max_size=40).filter(lambda s: len(s) != 18))
def test_mask_resident_id_never_reveals_more_than_half(raw: str) -> None:
    masked = mask_resident_id(raw)
    assert len(masked) == len(raw)
    shown = [c for c in masked if c != "*"]
    assert len(shown) <= len(raw) // 2
    assert masked.strip("*") == "" or raw.startswith(masked.split("*")[0])


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("13900475678", "139****5678"),
        ("+86 139 0047 5678", "139****5678"),
        ("0475-1234567", "0475-*****67"),
        ("(0475)1234567", "0475-*****67"),
        ("010-88886666", "010-******66"),
        ("0475-1234567-123", "0475-*****67-***"),
        ("not a phone", "no*****ne"),
        ("", ""),
    ],
)
def test_mask_phone(raw: str, masked: str) -> None:
    assert mask_phone(raw) == masked


@PROPERTY
@given(st.text(max_size=30))
def test_mask_phone_never_raises(raw: str) -> None:
    assert isinstance(mask_phone(raw), str)


@PROPERTY
@given(mobiles)
def test_mask_phone_hides_the_middle_of_every_mobile(mobile: str) -> None:
    assert mask_phone(mobile) == f"{mobile[:3]}****{mobile[7:]}"


@pytest.mark.parametrize(("position", "letter"), [(3, "A"), (5, "M"), (8, "Y")])
def test_uscc_region_part_is_digits_only(position: int, letter: str) -> None:
    first17 = list("91150521MA0N1234X")
    first17[2:8] = "150521"
    first17[position - 1] = letter
    message = uscc_error(make_uscc("".join(first17)))
    assert "第3–8位是登记管理机关的行政区划码，只能是数字" in message
    assert f"第{position}位为「{letter}」" in message


@pytest.mark.parametrize(
    "raw", ["400-810-8888", "+86 400 810 8888", "+86 800 810 8888", "0086 4008108888"]
)
def test_service_lines_are_not_contact_numbers(raw: str) -> None:
    for check in (normalize_phone, normalize_landline):
        message = error_of(check, raw).message
        assert "服务热线，不能作为联系电话" in message, (check.__name__, message)


@pytest.mark.parametrize(
    ("check", "noun"),
    [
        (lambda raw: parse_resident_id(raw, today=TODAY, field="f"), "身份证号码"),
        (lambda raw: normalize_uscc(raw, field="f"), "统一社会信用代码"),
        (lambda raw: normalize_mobile(raw, field="f"), "手机号码"),
        (lambda raw: normalize_landline(raw, field="f"), "电话号码"),
        (lambda raw: normalize_phone(raw, field="f"), "电话号码"),
    ],
)
def test_a_pasted_blob_is_refused_by_its_length_without_being_quoted(
    check: Callable[[str], object], noun: str
) -> None:
    # Cleaning 10 MB character by character took seconds with the window frozen; the length
    # alone decides, and the message says how long rather than showing the paste.
    blob = "１３９" + "长" * (10 * 1024 * 1024)
    with pytest.raises(ValidationError) as err:
        check(blob)
    assert err.value.field == "f"
    assert err.value.message == f"{noun}过长（{len(blob)} 个字符），请核对后重新输入"


def test_the_longest_typed_phone_with_spaces_is_still_read() -> None:
    # The limit leaves room for what clerks really type: spaces, +86, brackets, an extension.
    typed = "+86 (0475) 822 1234 转 123" + " " * (IDENTIFIER_MAX_TYPED - 25)
    assert len(typed) == IDENTIFIER_MAX_TYPED
    assert normalize_phone(typed) == "0475-8221234-123"
