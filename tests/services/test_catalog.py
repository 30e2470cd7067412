"""The service catalog: bundled data, spreadsheet round trip, all-or-nothing import, search."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from hall_desk.domain.errors import PermissionDenied, ValidationError, ValidationErrors
from hall_desk.services import catalog
from hall_desk.store.models import Event
from hall_desk.store.models_catalog import ServiceItemRow


def test_bundled_catalog_is_realistic(ws):
    items, themes = catalog.load_catalog(ws)
    assert len(items) >= 30
    assert len({i.department for i in items}) >= 8
    assert len(themes) >= 4
    names = {t.name for t in themes}
    assert {"开办餐饮店一件事", "新生儿出生一件事"} <= names
    assert {i.limit_unit.value for i in items} == {"G", "Z"}
    assert all(i.materials for i in items)
    assert all(i.promised_limit <= i.legal_limit for i in items)


def test_export_then_import_round_trips(ws, admin, tmp_path):
    path = tmp_path / "catalog.xlsx"
    n = catalog.export_catalog_xlsx(ws, path)
    before_items, before_themes = catalog.load_catalog(ws)
    wb = load_workbook(path)
    assert wb.sheetnames == ["事项", "申请材料", "一件事"]
    assert [c.value for c in wb["事项"][1]][:3] == ["事项编码", "事项名称", "实施主体"]
    assert wb["事项"].freeze_panes == "A2"
    assert catalog.import_catalog_xlsx(ws, admin, path) == (n, len(before_themes))
    after_items, after_themes = catalog.load_catalog(ws)
    assert after_items == before_items and after_themes == before_themes


def test_bad_rows_import_nothing_and_are_all_listed(ws, admin, tmp_path):
    path = tmp_path / "catalog.xlsx"
    catalog.export_catalog_xlsx(ws, path)
    wb = load_workbook(path)
    wb["事项"]["B3"] = None  # empty name
    wb["事项"]["G5"] = "X"  # bad unit
    wb["事项"]["F6"] = 999  # promised beyond legal
    wb["申请材料"]["D4"] = "abc"  # copies not a number
    wb["一件事"]["C2"] = "011050001001、000000000000"  # unknown member
    wb.save(path)
    with ws.reading() as s:
        events_before = s.scalar(select(func.count()).select_from(Event))
        name_before = s.scalar(select(ServiceItemRow.name).where(ServiceItemRow.position == 1))
    with pytest.raises(ValidationErrors) as err:
        catalog.import_catalog_xlsx(ws, admin, path)
    messages = [e.message for e in err.value.errors]
    assert any("「事项」第 3 行" in m and "名称为空" in m for m in messages)
    assert any("「事项」第 5 行" in m and "时限单位" in m for m in messages)
    assert any("「事项」第 6 行" in m and "超过法定时限" in m for m in messages)
    assert any("「申请材料」第 4 行" in m and "份数" in m for m in messages)
    assert any("「一件事」第 2 行" in m and "000000000000" in m for m in messages)
    with ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == events_before
        assert (
            s.scalar(select(ServiceItemRow.name).where(ServiceItemRow.position == 1)) == name_before
        )


def test_not_a_spreadsheet(ws, admin, tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("hello")
    with pytest.raises(ValidationError, match="无法读取"):
        catalog.import_catalog_xlsx(ws, admin, path)


def test_only_admins_import(ws, clerk, tmp_path):
    path = tmp_path / "catalog.xlsx"
    catalog.export_catalog_xlsx(ws, path)
    with pytest.raises(PermissionDenied):
        catalog.import_catalog_xlsx(ws, clerk, path)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("gtgsh", "个体工商户设立登记"),
        ("getigongshanghu", "个体工商户设立登记"),
        ("食品经营", "食品经营许可（新办）"),
        ("011050007001", "食品经营许可（新办）"),
        ("kbcyd", "开办餐饮店一件事"),
        ("XSECS", "新生儿出生一件事"),
    ],
)
def test_search_by_name_code_and_pinyin(ws, query, expected):
    hits = catalog.search(ws, query)
    assert expected in [h.name for h in hits]


def test_search_puts_themes_first_and_ignores_blank(ws):
    hits = catalog.search(ws, "餐饮")
    assert hits[0].kind == "theme"
    assert catalog.search(ws, "   ") == []


def test_catalog_text_goes_through_the_one_text_check(ws, admin, tmp_path):
    path = tmp_path / "catalog.xlsx"
    catalog.export_catalog_xlsx(ws, path)
    wb = load_workbook(path)
    wb["事项"]["B2"] = "食品经营许可\u202e证"  # a right-to-left override
    wb["事项"]["C3"] = "市场\u200b监管局"  # a zero-width space
    wb["事项"]["B4"] = "许" * 5000
    wb["申请材料"]["B2"] = "营业执照\u2066附件"  # a bidi isolate
    wb.save(path)
    with pytest.raises(ValidationErrors) as err:
        catalog.import_catalog_xlsx(ws, admin, path)
    messages = [e.message for e in err.value.errors]
    assert any("「事项」第 2 行" in m and "U+202E" in m for m in messages), messages
    assert any("「事项」第 3 行" in m and "U+200B" in m for m in messages), messages
    assert any("「事项」第 4 行" in m and "最多 200 字，当前 5000 字" in m for m in messages)
    assert any("「申请材料」第 2 行" in m and "U+2066" in m for m in messages), messages


def test_a_huge_sheet_is_refused_as_it_is_read(ws, admin, tmp_path, monkeypatch):
    # The limit is lowered so the test stays quick; the refusal comes on the first row past it.
    monkeypatch.setattr(catalog, "MAX_ITEMS", 100)
    path = tmp_path / "catalog.xlsx"
    catalog.export_catalog_xlsx(ws, path)
    wb = load_workbook(path)
    sheet = wb["事项"]
    for n in range(150):
        sheet.append([f"9{n:011d}", f"事项{n}", "市场监管局", "即办件", 0, 0, "G", "", "窗口领取"])
    wb.save(path)
    with pytest.raises(ValidationError, match="超过 100 行上限（第 102 行）"):
        catalog.import_catalog_xlsx(ws, admin, path)


def test_what_an_item_issues_is_imported_checked_and_kept_through_a_spreadsheet(
    ws, admin, tmp_path
):
    items, _ = catalog.load_catalog(ws)
    register = next(i for i in items if i.code == "011050001001")
    assert register.produces == ("营业执照",), "the bundled catalog says what 设立登记 issues"
    data = catalog.bundled_catalog()
    data["items"][0]["produces"] = ["营业执照\u202e"]
    with pytest.raises(ValidationErrors, match="办理结果证照"):
        catalog.import_catalog(ws, admin, data)
    path = tmp_path / "old.xlsx"
    catalog.export_catalog_xlsx(ws, path)
    wb = load_workbook(path)
    assert wb["事项"].cell(1, 10).value == "办理结果证照"
    wb["事项"].delete_cols(10)  # a sheet made before the column existed still imports
    wb.save(path)
    catalog.import_catalog_xlsx(ws, admin, path)
    assert all(not i.produces for i in catalog.load_catalog(ws)[0])
