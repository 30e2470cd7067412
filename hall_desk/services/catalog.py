"""The service catalog (事项库): import, export, search, and reading items for intake."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from sqlalchemy import or_, select

from hall_desk.assets import resource
from hall_desk.domain.catalog import (
    DeliveryMethod,
    ItemKind,
    MaterialForm,
    ServiceItem,
    Theme,
)
from hall_desk.domain.errors import ValidationError, ValidationErrors
from hall_desk.domain.limits import MAX_DEPARTMENT, MAX_MATERIAL, MAX_QUERY
from hall_desk.domain.progress import ROWS_PER_REPORT, Progress, quiet
from hall_desk.domain.roles import Actor, Permission
from hall_desk.domain.text import clean_query, clean_text
from hall_desk.services.home import check_output_path
from hall_desk.services.workstation import Workstation

# The read queries live in the store (the workstation's catalog cache reads them too); they are
# re-exported here for the services and windows that call them as catalog functions.
from hall_desk.store.catalog import all_items, theme_by_code
from hall_desk.store.catalog import items_by_code as items_by_code
from hall_desk.store.files import written_whole
from hall_desk.store.models_catalog import ServiceItemRow, ThemeRow

CODE = re.compile(r"^[0-9A-Za-z]{4,40}$")
KIND_BY_LABEL = {k.label: k for k in ItemKind}
FORM_BY_LABEL = {f.label: f for f in MaterialForm}
DELIVERY_BY_LABEL = {d.label: d for d in DeliveryMethod}
YES = {"是", "必要", "必须", "Y", "y", "1", "TRUE", "True", "true"}
NO = {"否", "非必要", "可选", "N", "n", "0", "FALSE", "False", "false", ""}

ITEM_HEADERS = [
    "事项编码",
    "事项名称",
    "实施主体",
    "办件类型",
    "法定时限",
    "承诺时限",
    "时限单位",
    "收费",
    "出件方式",
]
# An optional last column of 事项 (sheets made before it still import): what the item issues.
PRODUCES_HEADER = "办理结果证照"
MATERIAL_HEADERS = ["事项编码", "材料名称", "材料形式", "份数", "是否必要", "可否容缺"]
THEME_HEADERS = ["一件事编码", "一件事名称", "包含事项编码"]
SHEETS = ("事项", "申请材料", "一件事")


# A county hall's catalog holds a few thousand items; far larger sheets are a wrong file, and
# refusing them as they are read keeps memory bounded.
MAX_ITEMS = 10_000
MAX_MATERIALS = 100_000
MAX_THEMES = 2_000
MAX_PRODUCES = 10  # certificates one item issues
# Longest text per catalog field (the printed notices must still fit them).
TEXT_LIMITS = {
    "name": 200,
    "department": MAX_DEPARTMENT,
    "fee": 200,
    "material": MAX_MATERIAL,
    "theme": 200,
}


@dataclass(frozen=True)
class RowProblem:
    sheet: str
    row: int
    message: str

    def __str__(self) -> str:
        return f"「{self.sheet}」第 {self.row} 行：{self.message}"


# --- validation of a whole catalog (shared by JSON and spreadsheet import) -------------------


def check_catalog(
    data: dict[str, Any],
    rows: dict[tuple[str, str], int] | None = None,
    progress: Progress = quiet,
) -> list[RowProblem]:
    """Every problem, each with where it is; an empty list means the catalog may be imported.
    `progress` hears the items checked every few hundred."""
    rows = rows or {}
    problems: list[RowProblem] = []

    def where(sheet: str, key: str, fallback: int) -> int:
        return rows.get((sheet, key), fallback)

    def text(sheet: str, row: int, value: Any, label: str, limit: str) -> None:
        # The one text check every typed text goes through: length, controls, emoji, bidi marks.
        try:
            clean_text(str(value or ""), limit, label, max_len=TEXT_LIMITS[limit])
        except ValidationError as exc:
            problems.append(RowProblem(sheet, row, exc.message))

    for sheet, key, limit in (
        ("事项", "items", MAX_ITEMS),
        ("一件事", "themes", MAX_THEMES),
    ):
        if len(data.get(key, [])) > limit:
            return [RowProblem(sheet, limit + 2, f"超过 {limit} 行上限，请检查是否选错了文件")]
    codes: set[str] = set()
    count = len(data.get("items", []))
    for n, item in enumerate(data.get("items", []), start=2):
        if (n - 2) % ROWS_PER_REPORT == 0:
            progress(n - 2, count, f"正在检查：{n - 2:,} / {count:,} 项事项")
        code = str(item.get("code", ""))
        r = where("事项", code, n)
        text("事项", r, item.get("name"), "事项名称", "name")
        text("事项", r, item.get("department"), "实施主体", "department")
        text("事项", r, item.get("fee"), "收费标准", "fee")
        if not CODE.match(code):
            problems.append(RowProblem("事项", r, f"事项编码「{code}」无效（4–40 位字母或数字）"))
        elif code in codes:
            problems.append(RowProblem("事项", r, f"事项编码「{code}」重复"))
        codes.add(code)
        if not str(item.get("name", "")).strip():
            problems.append(RowProblem("事项", r, "事项名称为空"))
        if not str(item.get("department", "")).strip():
            problems.append(RowProblem("事项", r, "实施主体为空"))
        if item.get("kind") not in {k.value for k in ItemKind}:
            problems.append(
                RowProblem(
                    "事项",
                    r,
                    f"办件类型「{item.get('kind')}」无效，应为即办件/承诺件/上报件/联办件",
                )
            )
        legal, promised = item.get("legal_limit"), item.get("promised_limit")
        if not isinstance(legal, int) or legal < 0 or legal > 3650:
            problems.append(RowProblem("事项", r, f"法定时限「{legal}」应为 0–3650 的整数"))
        if not isinstance(promised, int) or promised < 0 or promised > 3650:
            problems.append(RowProblem("事项", r, f"承诺时限「{promised}」应为 0–3650 的整数"))
        elif isinstance(legal, int) and promised > legal:
            problems.append(RowProblem("事项", r, f"承诺时限 {promised} 超过法定时限 {legal}"))
        if item.get("limit_unit") not in {"G", "Z"}:
            problems.append(
                RowProblem(
                    "事项", r, f"时限单位「{item.get('limit_unit')}」应为 G（工作日）或 Z（自然日）"
                )
            )
        delivery = item.get("delivery") or []
        if not delivery or any(d not in {m.value for m in DeliveryMethod} for d in delivery):
            problems.append(RowProblem("事项", r, "出件方式应为「窗口领取」和/或「邮寄」"))
        produces = item.get("produces", [])
        if not isinstance(produces, list) or len(produces) > MAX_PRODUCES:
            problems.append(RowProblem("事项", r, f"办理结果证照应为至多 {MAX_PRODUCES} 项的列表"))
        else:
            for made in produces:
                text("事项", r, made, "办理结果证照", "material")
                if not str(made).strip() or "\n" in str(made):
                    problems.append(RowProblem("事项", r, "办理结果证照名称为空或含换行"))
        names: set[str] = set()
        for m in item.get("materials", []):
            mr = where("申请材料", f"{code}/{m.get('name', '')}", r)
            text("申请材料", mr, m.get("name"), "材料名称", "material")
            name = str(m.get("name", "")).strip()
            if not name:
                problems.append(RowProblem("申请材料", mr, "材料名称为空"))
            elif name in names:
                problems.append(RowProblem("申请材料", mr, f"事项「{code}」的材料「{name}」重复"))
            names.add(name)
            if m.get("form") not in {f.value for f in MaterialForm}:
                problems.append(
                    RowProblem(
                        "申请材料", mr, f"材料形式「{m.get('form')}」应为原件/复印件/原件和复印件"
                    )
                )
            copies = m.get("copies")
            if not isinstance(copies, int) or not 1 <= copies <= 99:
                problems.append(RowProblem("申请材料", mr, f"份数「{copies}」应为 1–99 的整数"))
    theme_codes: set[str] = set()
    for n, theme in enumerate(data.get("themes", []), start=2):
        code = str(theme.get("code", ""))
        r = where("一件事", code, n)
        text("一件事", r, theme.get("name"), "一件事名称", "theme")
        if not CODE.match(code):
            problems.append(RowProblem("一件事", r, f"一件事编码「{code}」无效"))
        elif code in theme_codes or code in codes:
            problems.append(RowProblem("一件事", r, f"编码「{code}」重复"))
        theme_codes.add(code)
        if not str(theme.get("name", "")).strip():
            problems.append(RowProblem("一件事", r, "一件事名称为空"))
        members = theme.get("items") or []
        if len(members) < 2:
            problems.append(RowProblem("一件事", r, "一件事至少包含 2 个事项"))
        for member in members:
            if member not in codes:
                problems.append(RowProblem("一件事", r, f"包含的事项编码「{member}」不在事项表中"))
    if not data.get("items"):
        problems.append(RowProblem("事项", 2, "事项表为空"))
    progress(count, count, f"正在检查：{count:,} / {count:,} 项事项")
    return problems


def import_catalog(
    ws: Workstation, actor: Actor, data: dict[str, Any], progress: Progress = quiet
) -> tuple[int, int]:
    """Replaces the catalog as a whole (one event), or changes nothing and lists every problem."""
    actor.require(Permission.MANAGE_CATALOG)
    problems = check_catalog(data)  # quiet: a spreadsheet's import has told its checking
    if problems:
        raise ValidationErrors([ValidationError("catalog", str(p)) for p in problems])
    _saving(progress, data)
    payload = {"items": data["items"], "themes": data.get("themes", [])}
    with ws.transaction(actor) as tx:
        tx.emit("catalog.imported", "catalog", "catalog", payload)
        tx.audit(
            "catalog.import",
            "catalog",
            {"items": len(payload["items"]), "themes": len(payload["themes"])},
        )
    return len(payload["items"]), len(payload["themes"])


def bundled_catalog() -> dict[str, Any]:
    return json.loads(resource("catalog", "catalog.json").read_text(encoding="utf-8"))


# --- spreadsheets -----------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _int(text: str) -> int | str:
    try:
        return int(text)
    except ValueError:
        return text  # left as text: check_catalog reports it with its row


def _row_limit(sheet: str, row: int, limit: int) -> None:
    # Row 1 is the header: data row `limit` is sheet row limit + 1.
    if row > limit + 1:
        raise ValidationError(
            "file", f"工作表「{sheet}」超过 {limit} 行上限（第 {row} 行）：请检查是否选错了文件"
        )


def _saving(progress: Progress, data: dict[str, Any]) -> None:
    # One event and its projection: no count to tell, only that it is under way.
    progress(0, 0, f"正在导入：事项 {len(data['items']):,} 项…")


def read_catalog_xlsx(
    path: Path, progress: Progress = quiet
) -> tuple[dict[str, Any], dict[tuple[str, str], int], list[RowProblem]]:
    """Parse the three sheets; returns the data, where each row came from, and parse problems.
    `progress` hears the rows read every few hundred."""
    # The spreadsheet library is imported when a spreadsheet is read or written, not when the
    # program starts (it was an eighth of the window's start-up).
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as exc:
        raise ValidationError("file", f"无法读取事项库表格 {path}：{exc}") from exc
    problems: list[RowProblem] = []
    for sheet in SHEETS[:2]:
        if sheet not in wb.sheetnames:
            raise ValidationError("file", f"事项库表格缺少工作表「{sheet}」")
    rows: dict[tuple[str, str], int] = {}
    items: dict[str, dict[str, Any]] = {}
    item_list: list[dict[str, Any]] = []
    # The sheets' stated sizes (a file may not state them: then rows read, of no total).
    sizes = [wb[name].max_row for name in SHEETS if name in wb.sheetnames]
    total = sum(sizes) if all(isinstance(n, int) for n in sizes) else 0
    read = 0

    def one_read() -> None:
        nonlocal read
        read += 1
        if read % ROWS_PER_REPORT == 0:
            of = f" / {total:,}" if total else ""
            progress(read, max(total, read) if total else 0, f"正在读取：{read:,}{of} 行")

    def header_check(sheet: str, expected: list[str], header: tuple[Any, ...]) -> None:
        got = [_cell(h) for h in header[: len(expected)]]
        if got != expected:
            raise ValidationError("file", f"工作表「{sheet}」表头应为：{'、'.join(expected)}")

    it = wb["事项"].iter_rows(values_only=True)
    item_header = next(it, ())
    header_check("事项", ITEM_HEADERS, item_header)
    width = len(ITEM_HEADERS)
    has_produces = len(item_header) > width and _cell(item_header[width]) == PRODUCES_HEADER
    for n, raw in enumerate(it, start=2):
        one_read()
        _row_limit("事项", n, MAX_ITEMS)
        cells = [_cell(v) for v in (*raw, *[None] * (width + 1))[: width + 1]]
        if not any(cells):
            continue
        code, name, dept, kind, legal, promised, unit, fee, delivery, made = cells
        kind_value = KIND_BY_LABEL.get(kind, kind)
        methods = [
            DELIVERY_BY_LABEL.get(d.strip(), d.strip())
            for d in re.split(r"[、,，/]", delivery)
            if d.strip()
        ]
        item = {
            "code": code,
            "name": name,
            "department": dept,
            "kind": kind_value.value if isinstance(kind_value, ItemKind) else kind_value,
            "legal_limit": _int(legal),
            "promised_limit": _int(promised),
            "limit_unit": unit.upper()[:1] if unit else "",
            "fee": fee or "不收费",
            "delivery": [m.value if isinstance(m, DeliveryMethod) else m for m in methods],
            "materials": [],
        }
        if has_produces and made:
            item["produces"] = [p.strip() for p in re.split(r"[、,，]", made) if p.strip()]
        rows[("事项", code)] = n
        if code not in items:
            items[code] = item
        item_list.append(item)
    it = wb["申请材料"].iter_rows(values_only=True)
    header_check("申请材料", MATERIAL_HEADERS, next(it, ()))
    for n, raw in enumerate(it, start=2):
        one_read()
        _row_limit("申请材料", n, MAX_MATERIALS)
        cells = [_cell(v) for v in (*raw, *[None] * 6)[:6]]
        if not any(cells):
            continue
        code, name, form, copies, required, deferrable = cells
        owner = items.get(code)
        if owner is None:
            problems.append(RowProblem("申请材料", n, f"事项编码「{code}」不在事项表中"))
            continue
        if required not in YES | NO or deferrable not in YES | NO:
            problems.append(RowProblem("申请材料", n, "「是否必要」「可否容缺」应填 是 或 否"))
        form_value = FORM_BY_LABEL.get(form, form)
        owner["materials"].append(
            {
                "name": name,
                "form": form_value.value if isinstance(form_value, MaterialForm) else form_value,
                "copies": _int(copies or "1"),
                "required": required in YES,
                "deferrable": deferrable in YES,
            }
        )
        rows[("申请材料", f"{code}/{name}")] = n
    themes: list[dict[str, Any]] = []
    if "一件事" in wb.sheetnames:
        it = wb["一件事"].iter_rows(values_only=True)
        header_check("一件事", THEME_HEADERS, next(it, ()))
        for n, raw in enumerate(it, start=2):
            one_read()
            _row_limit("一件事", n, MAX_THEMES)
            cells = [_cell(v) for v in (*raw, *[None] * 3)[:3]]
            if not any(cells):
                continue
            code, name, members = cells
            themes.append(
                {
                    "code": code,
                    "name": name,
                    "items": [m.strip() for m in re.split(r"[、,，\s]+", members) if m.strip()],
                }
            )
            rows[("一件事", code)] = n
    wb.close()
    return {"items": item_list, "themes": themes}, rows, problems


def import_catalog_xlsx(
    ws: Workstation, actor: Actor, path: Path, progress: Progress = quiet
) -> tuple[int, int]:
    """The spreadsheet's catalog in place of the current one, or nothing and every bad row;
    `progress` hears the rows read, the items checked, then the saving."""
    actor.require(Permission.MANAGE_CATALOG)
    data, rows, problems = read_catalog_xlsx(path, progress)
    problems += check_catalog(data, rows, progress)
    if problems:
        problems.sort(key=lambda p: (SHEETS.index(p.sheet), p.row))
        raise ValidationErrors([ValidationError("catalog", str(p)) for p in problems])
    return import_catalog(ws, actor, data, progress)


def export_catalog_xlsx(ws: Workstation, path: Path) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    check_output_path(path)
    items, themes = load_catalog(ws)
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "事项"
    sheet.append([*ITEM_HEADERS, PRODUCES_HEADER])
    for item in items:
        sheet.append(
            [
                item.code,
                item.name,
                item.department,
                item.kind.label,
                item.legal_limit,
                item.promised_limit,
                item.limit_unit.value,
                item.fee,
                "、".join(d.label for d in item.delivery),
                "、".join(item.produces),
            ]
        )
    materials = wb.create_sheet("申请材料")
    materials.append(MATERIAL_HEADERS)
    for item in items:
        for m in item.materials:
            materials.append(
                [
                    item.code,
                    m.name,
                    m.form.label,
                    m.copies,
                    "是" if m.required else "否",
                    "是" if m.deferrable else "否",
                ]
            )
    theme_sheet = wb.create_sheet("一件事")
    theme_sheet.append(THEME_HEADERS)
    for theme in themes:
        theme_sheet.append([theme.code, theme.name, "、".join(theme.item_codes)])
    widths = {
        "事项": [22, 40, 34, 10, 10, 10, 10, 14, 18],
        "申请材料": [22, 40, 14, 8, 10, 10],
        "一件事": [14, 30, 60],
    }
    for ws_sheet in wb.worksheets:
        ws_sheet.freeze_panes = "A2"
        for cell in ws_sheet[1]:
            cell.font = Font(bold=True)
        for col, width in enumerate(widths[ws_sheet.title], start=1):
            ws_sheet.column_dimensions[chr(64 + col)].width = width
    # Built in memory first (a few hundred KB): openpyxl cannot be stopped cleanly half-way
    # through a file, and on a full disk no partial sheet must stay behind.
    sheet_bytes = io.BytesIO()
    wb.save(sheet_bytes)
    with written_whole(path) as fh:
        fh.write(sheet_bytes.getvalue())
    return len(items)


# --- reading ----------------------------------------------------------------------------------


def chosen_items(
    ws: Workstation, actor: Actor, codes: list[str], theme: str = ""
) -> list[ServiceItem]:
    """The items an intake has chosen, for its material checklist: a theme's members in the
    theme's order, or the codes picked one by one."""
    actor.require(Permission.INTAKE)
    with ws.reading() as s:
        if theme:
            codes = list(theme_by_code(s, theme).item_codes)
        return items_by_code(s, codes) if codes else []


def load_catalog(ws: Workstation) -> tuple[list[ServiceItem], list[Theme]]:
    with ws.reading() as s:
        items = all_items(s)
        theme_codes = list(s.scalars(select(ThemeRow.code).order_by(ThemeRow.position)))
        themes = [theme_by_code(s, c) for c in theme_codes]
    return items, themes


@dataclass(frozen=True)
class CatalogHit:
    kind: str  # "item" | "theme"
    code: str
    name: str
    department: str


def is_empty(ws: Workstation) -> bool:
    """No item at all: a workstation that joined a hall and has not synced yet."""
    with ws.reading() as s:
        return not ws.catalog_items(s)


def search(ws: Workstation, query: str, limit: int = 20) -> list[CatalogHit]:
    """By name, code, full pinyin or pinyin initials (gtgsh → 个体工商户…); themes first."""
    q = clean_query(query, max_len=MAX_QUERY)
    if not q:
        return []
    key = q.lower().replace(" ", "")
    like = f"%{key}%"
    hits: list[CatalogHit] = []
    with ws.reading() as s:
        for t in s.scalars(
            select(ThemeRow)
            .where(
                or_(
                    ThemeRow.name.contains(q),
                    ThemeRow.code.startswith(q.upper()),
                    ThemeRow.pinyin_full.like(like),
                    ThemeRow.pinyin_initials.like(like),
                )
            )
            .order_by(ThemeRow.position)
        ):
            hits.append(CatalogHit("theme", t.code, t.name, "一件事"))
        for i in s.scalars(
            select(ServiceItemRow)
            .where(
                or_(
                    ServiceItemRow.name.contains(q),
                    ServiceItemRow.code.startswith(q.upper()),
                    ServiceItemRow.pinyin_full.like(like),
                    ServiceItemRow.pinyin_initials.like(like),
                    ServiceItemRow.department.contains(q),
                )
            )
            .order_by(ServiceItemRow.position)
            .limit(limit)
        ):
            hits.append(CatalogHit("item", i.code, i.name, i.department))
    return hits[:limit]
