"""The one registry of event kinds: entity, payload shape and version, fold, re-fold, caches.

Every kind the program emits is declared here once. `projections` folds through it, sync checks
pulled payloads against it, re-folding clears what its entity names, and the workstation drops
the caches it lists. A kind missing here cannot be emitted (`Tx.emit` refuses it).

Payload versions: the JSON payload may carry `"v"` (absent means 1). A payload older than its
kind's `version` is brought up to date by the kind's upcasters, one version at a time, before
any check or handler sees it; so a key can be renamed later without breaking the replay of old
events. A payload newer than this program (written by an upgraded workstation during a rolling
upgrade) is folded on the keys this program knows; unknown keys are ignored here and stay in the
log for the upgraded program. Newer versions may therefore only add keys: a key never changes
its type and is never removed in place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Protocol

from sqlalchemy import Boolean, Date, Integer, String, delete
from sqlalchemy.orm import Session

from hall_desk.domain.errors import HallDeskError
from hall_desk.domain.inspections import CHECKLIST_MAX, CHECKLIST_SETTING, checklist_problem
from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.domain.limits import (
    MAX_NOTE,
    MAX_REPORT_TEXT,
    MAX_SHORT_NOTE,
    MAX_STEP_NOTE,
    MAX_TICKET_TEXT,
)
from hall_desk.domain.queue import QueueSettings
from hall_desk.domain.ratings import MAX_RECTIFY_DAYS
from hall_desk.domain.text import (
    CONTACT_PHONE_MAX,
    HALL_ADDRESS_MAX,
    HALL_NAME_MAX,
    PLAIN_CHARS,
    contact_phone_problem,
    find_never_stored,
    stored_text_problem,
)
from hall_desk.domain.tickets import REOPEN_DAYS_MAX
from hall_desk.domain.tickets import Step as TicketStep
from hall_desk.store import projection_handlers as fold
from hall_desk.store.caches import Cache
from hall_desk.store.event_names import (
    APPLICANT_FIELDS,
    MONTHLY_REPORT_ENTITY,
    RESOLVE_KIND,
    SYNC_CONFLICT_ENTITY,
)
from hall_desk.store.eventlog import VERSION_KEY
from hall_desk.store.keys import CIPHER_PREFIX
from hall_desk.store.models import (
    Base,
    CalendarOverrideRow,
    CalendarYearRow,
    CaseItemRow,
    CaseRow,
    ConsultationRow,
    Event,
    HallSettingRow,
    User,
)
from hall_desk.store.models_intake import ApplicantRow, CaseMaterialRow
from hall_desk.store.models_monthly import MonthlyReportRow
from hall_desk.store.models_queue import QueueTicketRow
from hall_desk.store.models_ratings import RatingRow
from hall_desk.store.models_routing import DeliveryRow, HandoffRow, HandoverSheetRow
from hall_desk.store.models_staff import (
    EvalSchemeRow,
    EvaluationLineRow,
    EvaluationReviewRow,
    EvaluationRow,
    FindingRow,
    InspectionItemRow,
    InspectionRow,
    MeetingActionRow,
    MeetingAttendanceRow,
    MeetingCorrectionRow,
    MeetingRow,
)
from hall_desk.store.models_tickets import TicketRow, TicketStepRow
from hall_desk.store.payload_json import quick_loads

# The 差评 reasons as one text: at most 20 reasons of 40 characters, one a line.
RATING_REASONS_MAX = 20 * 41

Handler = Callable[[Session, Event, dict[str, Any]], None]
Upcaster = Callable[[dict[str, Any]], dict[str, Any]]


class PayloadError(ValueError):
    """The data does not have the shape its kind declares; the message is Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- payload shapes --------------------------------------------------------------------------
# Each shape checks a value (`strict`: unknown keys are refused, as for a payload of this
# program's version or older) and keeps only the keys this program knows (`known`).
#
# `ok` answers the same question without building a single message or path: a first pull checks
# every payload of the hall, nearly all of them sound. It is never more lenient than `check`
# (the same tests, in any order); only when it says no does `check` run, to say why.
#
# `plain` is `ok` for a value parsed from plain JSON text (`checked_payload`): every text in it
# is made of characters every text check accepts (domain/text.py PLAIN_CHARS), so of a text only
# its length is left to check. It is made once per shape as one function with its tables in
# hand, the column records' tests written out in its loop: a first pull asks it of every value
# of every event. Only when it says no does `ok` look again, and `check` say why.

Check = Callable[[Any, bool], bool]


class Shape(Protocol):
    def check(self, value: Any, where: str, strict: bool) -> None: ...

    def ok(self, value: Any, strict: bool) -> bool: ...

    def known(self, value: Any) -> Any: ...

    @property
    def plain(self) -> Check: ...


def _at(where: str, key: object) -> str:
    return f"{where}.{key}" if where else str(key)


def _unknown(keys: Iterable[Any], where: str) -> PayloadError:
    return PayloadError(f"{where} 含有未知字段：{'、'.join(sorted(map(str, keys)))}")


def _of_type(value: Any, types: tuple[type, ...]) -> bool:
    # JSON true is a Python int as well: an integer field does not take a boolean.
    return isinstance(value, types) and not (isinstance(value, bool) and bool not in types)


@dataclass(frozen=True)
class Value:
    """One JSON scalar (or list) of the given Python types, optionally from a fixed set."""

    types: tuple[type, ...]
    choices: tuple[Any, ...] = ()
    max_len: int = 0  # typed text: at most this long and passing the text check

    def check(self, value: Any, where: str, strict: bool) -> None:
        if not _of_type(value, self.types):
            raise PayloadError(f"{where} 的值类型不对")
        if self.choices and value not in self.choices:
            raise PayloadError(f"{where} 的值「{value}」无效")
        if self.max_len and isinstance(value, str):
            problem = stored_text_problem(value, self.max_len)
            if problem:
                raise PayloadError(f"{where} {problem}")

    def ok(self, value: Any, strict: bool) -> bool:
        if self.max_len and isinstance(value, str):
            return not _fails(self, value, strict)  # typed text: the full text check
        return _of_type(value, self.types) and (not self.choices or value in self.choices)

    @cached_property
    def plain(self) -> Check:
        types, choices, max_len = self.types, self.choices, self.max_len

        def ok(value: Any, strict: bool) -> bool:
            return (
                _of_type(value, types)
                and (not choices or value in choices)
                and not (max_len and isinstance(value, str) and len(value) > max_len)
            )

        return ok

    def known(self, value: Any) -> Any:
        return value


def _fails(shape: Shape, value: Any, strict: bool) -> bool:
    """The full check, as a yes/no (for the rarer values `ok` does not decide on its own)."""
    try:
        shape.check(value, "", strict)
    except PayloadError:
        return True
    return False


TEXT = Value((str,))
INT = Value((int,))
BOOL = Value((bool,))


@dataclass(frozen=True)
class ListOf:
    of: Shape

    def check(self, value: Any, where: str, strict: bool) -> None:
        if not isinstance(value, list):
            raise PayloadError(f"{where} 应为列表")
        for n, entry in enumerate(value):
            self.of.check(entry, f"{where}[{n}]", strict)

    def ok(self, value: Any, strict: bool) -> bool:
        of = self.of
        return isinstance(value, list) and all(of.ok(entry, strict) for entry in value)

    @cached_property
    def plain(self) -> Check:
        of = self.of.plain

        def ok(value: Any, strict: bool) -> bool:
            if type(value) is not list:
                return False
            for entry in value:  # noqa: SIM110 - a loop, not all(…): no generator per list
                if not of(entry, strict):
                    return False
            return True

        return ok

    def known(self, value: Any) -> Any:
        out = [self.of.known(entry) for entry in value]
        return value if all(a is b for a, b in zip(out, value, strict=True)) else out


@dataclass(frozen=True)
class Record:
    """A JSON object with named keys; `required` ones must be present."""

    keys: Mapping[str, Shape]
    required: frozenset[str] = frozenset()

    def check(self, value: Any, where: str, strict: bool) -> None:
        if not isinstance(value, dict):
            raise PayloadError(f"{where or '事件内容'} 应为对象")
        # One pass over what the payload holds (a large replay checks every payload): personal
        # data first, then unknown and missing keys, then each known key's value.
        keys = self.keys
        present: list[tuple[str, Any, Shape]] = []
        unknown: list[Any] = []
        for key, entry in value.items():
            if (
                entry
                and isinstance(key, str)
                and key.endswith("_cipher")
                and not str(entry).startswith(CIPHER_PREFIX)
            ):
                # Personal data travels as ciphertext only, whether or not this program knows
                # the field.
                raise PayloadError(f"{_at(where, key)} 不是密文（个人信息必须加密传输）")
            shape = keys.get(key)
            if shape is None:
                unknown.append(key)
            else:
                present.append((key, entry, shape))
        if strict and unknown:
            raise _unknown(unknown, where or "事件内容")
        if self.required and not self.required.issubset(value):
            missing = self.required.difference(value)
            raise PayloadError(f"{where or '事件内容'} 缺少字段：{'、'.join(sorted(missing))}")
        for key, entry, shape in present:
            shape.check(entry, f"{where}.{key}" if where else key, strict)

    def ok(self, value: Any, strict: bool) -> bool:
        if not isinstance(value, dict):
            return False
        keys = self.keys
        for key, entry in value.items():
            shape = keys.get(key)
            if shape is None:
                if strict or (entry and isinstance(key, str) and key.endswith("_cipher")):
                    return False  # unknown, or (known or not) personal data: `check` decides
            elif not shape.ok(entry, strict):
                return False
            elif entry and key in self.ciphers and not str(entry).startswith(CIPHER_PREFIX):
                return False  # personal data in the clear
        return not self.required or self.required.issubset(value)

    @cached_property
    def ciphers(self) -> frozenset[str]:
        """The known keys that hold personal data (ciphertext only)."""
        return frozenset(k for k in self.keys if isinstance(k, str) and k.endswith("_cipher"))

    @cached_property
    def plain(self) -> Check:
        # A column: (its type, nullable, a date, personal data); any other shape: its check.
        columns = {
            key: (shape.types[0], shape.nullable, shape.is_date, key in self.ciphers)
            for key, shape in self.keys.items()
            if isinstance(shape, _ColumnShape)
        }
        others = {
            key: (shape.plain, key in self.ciphers)
            for key, shape in self.keys.items()
            if not isinstance(shape, _ColumnShape)
        }
        required = self.required
        from_iso = date.fromisoformat

        def ok(value: Any, strict: bool) -> bool:
            if type(value) is not dict:
                return False
            for key, entry in value.items():
                column = columns.get(key)
                if column is not None:
                    kind, nullable, is_date, cipher = column
                    if entry is None:
                        if nullable:
                            continue
                        return False
                    if type(entry) is not kind:
                        return False
                    if is_date:
                        if not entry:
                            return False
                        try:
                            from_iso(entry)
                        except ValueError:
                            return False
                    elif cipher and entry and not str(entry).startswith(CIPHER_PREFIX):
                        return False
                    continue
                other = others.get(key)
                if other is None:
                    if strict or (entry and isinstance(key, str) and key.endswith("_cipher")):
                        return False
                    continue
                check, cipher = other
                if not check(entry, strict):
                    return False
                if cipher and entry and not str(entry).startswith(CIPHER_PREFIX):
                    return False
            return not required or required.issubset(value)

        return ok

    def known(self, value: Any) -> Any:
        # The same object back when nothing is dropped: replaying a large log copies nothing.
        out: dict[str, Any] = {}
        changed = False
        for key, entry in value.items():
            shape = self.keys.get(key)
            if shape is None:
                changed = True
                continue
            out[key] = shape.known(entry)
            changed = changed or out[key] is not entry
        return out if changed else value


class _ColumnShape:
    """A value for one table column, typed as the column is (dates as ISO text)."""

    def __init__(self, column: Any) -> None:
        self.nullable = bool(column.nullable)
        sql_type = column.type
        self.is_date = isinstance(sql_type, Date)
        if isinstance(sql_type, Boolean):
            self.types: tuple[type, ...] = (bool,)
        elif isinstance(sql_type, Integer):
            self.types = (int,)
        elif isinstance(sql_type, String | Date):
            self.types = (str,)
        else:  # pragma: no cover - every projected column is one of the above
            raise TypeError(f"no payload type for column {column}")

    def check(self, value: Any, where: str, strict: bool) -> None:
        if value is None:
            if self.nullable:
                return
            raise PayloadError(f"{where} 不能为空")
        # Exact types: what JSON decodes to (a boolean is not an integer here).
        if type(value) not in self.types:
            raise PayloadError(f"{where} 的值类型不对")
        if type(value) is str and value:
            problem = stored_text_problem(value)
            if problem:
                raise PayloadError(f"{where} {problem}")
        if self.is_date:
            try:
                date.fromisoformat(value)
            except ValueError as exc:
                raise PayloadError(f"{where} 的值「{value}」不是日期") from exc

    def ok(self, value: Any, strict: bool) -> bool:
        if value is None:
            return self.nullable
        kind = type(value)
        if kind not in self.types:
            return False
        if kind is str and value:
            if find_never_stored(value):
                return False
            if self.is_date:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    return False
        return not (self.is_date and kind is str and not value)

    @cached_property
    def plain(self) -> Check:
        # Columns sit in records, which write these tests out in their own loops.
        inside = Record({"value": self}).plain
        return lambda value, strict: inside({"value": value}, strict)

    def known(self, value: Any) -> Any:
        return value


def columns(model: type[Base], *, without: Iterable[str] = ()) -> Record:
    """{column: value} for one table: the shape of "set" payloads."""
    skip = set(without)
    return Record({c.name: _ColumnShape(c) for c in model.__table__.columns if c.name not in skip})


@dataclass(frozen=True)
class ByPosition:
    """{"3": {…}}: changes keyed by a row's position."""

    of: Shape

    def check(self, value: Any, where: str, strict: bool) -> None:
        if not isinstance(value, dict):
            raise PayloadError(f"{where} 应为对象")
        for position, entry in value.items():
            if not str(position).isdigit():
                raise PayloadError(f"{where} 的材料序号「{position}」无效")
            self.of.check(entry, f"{where}.{position}", strict)

    def ok(self, value: Any, strict: bool) -> bool:
        return isinstance(value, dict) and all(
            str(position).isdigit() and self.of.ok(entry, strict)
            for position, entry in value.items()
        )

    @cached_property
    def plain(self) -> Check:
        of = self.of.plain

        def ok(value: Any, strict: bool) -> bool:
            if type(value) is not dict:
                return False
            for position, entry in value.items():
                if not (str(position).isdigit() and of(entry, strict)):
                    return False
            return True

        return ok

    def known(self, value: Any) -> Any:
        out = {k: self.of.known(v) for k, v in value.items()}
        return value if all(out[k] is v for k, v in value.items()) else out


# --- entities and kinds ----------------------------------------------------------------------


def _day(entity_id: str) -> date:
    return date.fromisoformat(entity_id)


@dataclass(frozen=True)
class Entity:
    """What events are about. `clears`: rows deleted before a re-fold replays the entity;
    `reads`: other rows its folds read by the entity's id (a batch of folds reads both kinds in
    one query per table before the first fold)."""

    name: str
    clears: tuple[tuple[type[Base], str], ...] = ()  # (table, column holding the entity id)
    parse_id: Callable[[str], Any] = str
    folded: bool = True  # False: the entity lives only in the log (no projection)
    reads: tuple[tuple[type[Base], str], ...] = ()

    @property
    def tables(self) -> tuple[tuple[type[Base], str], ...]:
        return self.clears + self.reads

    def clear(self, session: Session, entity_id: str) -> None:
        key = self.parse_id(entity_id)
        for model, column in self.clears:
            session.execute(delete(model).where(getattr(model, column) == key))

    def check_id(self, entity_id: str) -> None:
        try:
            self.parse_id(entity_id)
        except (ValueError, TypeError) as exc:
            raise PayloadError(f"{self.name} 的对象编号「{entity_id}」无效") from exc


@dataclass(frozen=True)
class EventKind:
    name: str
    entity: Entity
    handler: Handler | None  # None: recorded in the log only, nothing to fold
    payload: Record
    version: int = 1
    upcasters: Mapping[int, Upcaster] = field(default_factory=dict)  # n → turns vn into vn+1
    caches: frozenset[Cache] = frozenset()
    # What the payload may hold can depend on which entity it is about (a hall setting's key).
    about: Callable[[str, dict[str, Any]], None] | None = None

    def stamp(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The payload as written: version 1 carries no marker (the log's oldest events)."""
        return payload if self.version == 1 else {**payload, VERSION_KEY: self.version}

    def _up(self, payload: dict[str, Any]) -> tuple[dict[str, Any], int]:
        if VERSION_KEY not in payload and self.version == 1:
            return payload, 1  # the usual case, without a copy
        body = dict(payload)
        version = body.pop(VERSION_KEY, 1)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise PayloadError(f"事件内容的版本号「{version}」无效")
        while version < self.version:
            body = self.upcasters[version](body)
            version += 1
        return body, version

    def upcast(self, payload: dict[str, Any]) -> dict[str, Any]:
        """A payload of this version or older, brought to this version (without its marker)."""
        return self._up(payload)[0]

    def check(self, payload: Any, *, plain: bool = False) -> None:
        """Raises PayloadError unless this program can fold the payload safely.

        `plain`: the payload was parsed from plain JSON text (`checked_payload` says so)."""
        if not isinstance(payload, dict):
            raise PayloadError("事件内容应为 JSON 对象")
        try:
            body, version = self._up(payload)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            if isinstance(exc, PayloadError):
                raise
            raise PayloadError(f"旧版本事件内容无法转换：{type(exc).__name__} {exc}") from exc
        strict = version <= self.version
        shape = self.payload
        # What an upcaster made is not the text that was searched: it takes the usual way.
        plain = plain and version == payload.get(VERSION_KEY, 1)
        if not (plain and shape.plain(body, strict)) and not shape.ok(body, strict):
            shape.check(body, "", strict)

    def current(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The payload in this program's shape: upcast, and only the keys this program knows.

        A payload of this version or older holds no key this program does not know (the
        checks refuse one, and versions only add keys), so only a newer one is filtered."""
        body, version = self._up(payload)
        return body if version <= self.version else self.payload.known(body)


# Entities -----------------------------------------------------------------------------------

USER = Entity("user", ((User, "username"),))
CATALOG = Entity("catalog")  # the import event replaces every catalog table itself
CALENDAR_DAY = Entity("calendar_day", ((CalendarOverrideRow, "day"),), parse_id=_day)
CALENDAR_YEAR = Entity("calendar_year", ((CalendarYearRow, "year"),), parse_id=int)
APPLICANT = Entity("applicant", ((ApplicantRow, "id"),))
CASE = Entity(
    "case",
    ((CaseMaterialRow, "case_id"), (CaseItemRow, "case_id"), (CaseRow, "id")),
)
CONSULTATION = Entity("consultation", ((ConsultationRow, "id"),))
# Handoffs, sheets and deliveries fold by get-or-create then set: replaying changes nothing.
HANDOFF = Entity("handoff", reads=((HandoffRow, "id"),))
HANDOVER_SHEET = Entity("handover_sheet", reads=((HandoverSheetRow, "id"),))
DELIVERY = Entity("delivery", reads=((DeliveryRow, "id"),))
SYNC_CONFLICT = Entity(SYNC_CONFLICT_ENTITY, folded=False)
# The hall's shared settings, one entity per key (only the keys this program knows), each
# with the limit of the field it is typed into.
QUEUE_SETTINGS_MAX = 4000
HALL_SETTING_LIMITS: Mapping[str, int] = {
    "name": HALL_NAME_MAX,
    "contact_phone": CONTACT_PHONE_MAX,  # 咨询电话, printed on every notice
    "hall_address": HALL_ADDRESS_MAX,  # the hall's address, printed on every notice
    "ticket_reopen_days": 2,  # 工单重开期限: working days after closing
    "rating_rectify_days": 2,  # 差评整改 period in working days (services/ratings.py)
    "rating_bad_reasons": RATING_REASONS_MAX,  # the 差评 reasons to tick, one a line
    "queues": QUEUE_SETTINGS_MAX,  # the queue's settings (domain/queue.QueueSettings, JSON)
    # The 巡查 checklist as JSON {group: [item, …]} (domain/inspections.py checks its shape).
    CHECKLIST_SETTING: CHECKLIST_MAX,
}
# Settings that are a count of working days, with their largest value.
DAY_COUNT_SETTINGS: Mapping[str, int] = {
    "ticket_reopen_days": REOPEN_DAYS_MAX,
    "rating_rectify_days": MAX_RECTIFY_DAYS,
}
HALL_SETTING_KEYS = tuple(HALL_SETTING_LIMITS)


def _hall_setting_key(entity_id: str) -> str:
    if entity_id not in HALL_SETTING_KEYS:
        raise ValueError(entity_id)
    return entity_id


def _hall_setting_value(key: str, body: dict[str, Any]) -> None:
    # A pulled value passes the checks the settings service made where it was typed.
    value = body["value"]
    problem = stored_text_problem(value, HALL_SETTING_LIMITS[key])
    if not problem and key == "contact_phone":
        problem = contact_phone_problem(value)
    largest = DAY_COUNT_SETTINGS.get(key)
    if not problem and largest is not None and not (value.isdigit() and int(value) <= largest):
        problem = f"应为 0–{largest} 的工作日数"
    if not problem and key == "queues":
        try:
            QueueSettings.parse(value)
        except HallDeskError as exc:
            problem = f"无效：{exc.message}"
    if not problem and key == CHECKLIST_SETTING:
        try:
            problem = checklist_problem(json.loads(value))
        except (ValueError, TypeError, AttributeError):
            problem = "不是有效的巡查清单"
    if problem:
        raise PayloadError(f"大厅设置 {key} 的值{problem}")


HALL_SETTING = Entity("hall_setting", ((HallSettingRow, "key"),), parse_id=_hall_setting_key)
TICKET = Entity("ticket", ((TicketStepRow, "ticket_id"), (TicketRow, "id")))
RATING = Entity("rating", ((RatingRow, "id"),))


def _month(entity_id: str) -> str:
    if len(entity_id) != 7 or entity_id[4] != "-":
        raise ValueError(entity_id)
    date.fromisoformat(entity_id + "-01")
    return entity_id


MONTHLY_REPORT = Entity(MONTHLY_REPORT_ENTITY, ((MonthlyReportRow, "month"),), parse_id=_month)
QUEUE_TICKET = Entity("queue_ticket", ((QueueTicketRow, "id"),))
QUEUE_WINDOW = Entity("queue_window", folded=False)  # pauses: in the log and the audit only
MEETING = Entity(
    "meeting",
    (
        (MeetingAttendanceRow, "meeting_id"),
        (MeetingActionRow, "meeting_id"),
        (MeetingCorrectionRow, "meeting_id"),
        (MeetingRow, "id"),
    ),
)
INSPECTION = Entity(
    "inspection",
    ((InspectionItemRow, "inspection_id"), (FindingRow, "inspection_id"), (InspectionRow, "id")),
)
EVAL_SCHEME = Entity("eval_scheme", ((EvalSchemeRow, "version"),), parse_id=int)
EVALUATION = Entity(
    "evaluation",
    (
        (EvaluationLineRow, "evaluation_id"),
        (EvaluationReviewRow, "evaluation_id"),
        (EvaluationRow, "id"),
    ),
)

ENTITIES: Mapping[str, Entity] = {
    e.name: e
    for e in (
        USER,
        CATALOG,
        CALENDAR_DAY,
        CALENDAR_YEAR,
        APPLICANT,
        CASE,
        CONSULTATION,
        HANDOFF,
        HANDOVER_SHEET,
        DELIVERY,
        SYNC_CONFLICT,
        HALL_SETTING,
        TICKET,
        RATING,
        MONTHLY_REPORT,
        QUEUE_TICKET,
        QUEUE_WINDOW,
        MEETING,
        INSPECTION,
        EVAL_SCHEME,
        EVALUATION,
    )
}


def _set_of(model: type[Base]) -> Record:
    return Record({"set": columns(model)}, frozenset({"set"}))


EVENT_ID = Value((str,), max_len=36)


def _same(body: dict[str, Any]) -> dict[str, Any]:
    """A version step that only adds optional keys: the old payload is already valid."""
    return body


def _applicant_v1_to_v2(body: dict[str, Any]) -> dict[str, Any]:
    """v1 carried the full birth date, which beside the masked number gives the number away;
    v2 keeps the birth year only (domain/identity.py, above mask_resident_id)."""
    values = dict(body.get("set", {}))
    born = values.pop("birth_date", None)
    if isinstance(born, str) and born:
        values["birth_year"] = date.fromisoformat(born).year
    elif "birth_date" in body.get("set", {}):
        values["birth_year"] = None
    return {**body, "set": values}


def _unchanged(body: dict[str, Any]) -> dict[str, Any]:
    """A version that only added an optional key: the older payload is read as it is."""
    return body


_CASE_PAYLOAD = Record(
    {
        "set": columns(CaseRow),
        "items": ListOf(columns(CaseItemRow, without=("case_id", "position"))),
        "materials": ListOf(columns(CaseMaterialRow, without=("case_id", "position"))),
        "material_updates": ByPosition(columns(CaseMaterialRow)),
    }
)


def _all_of(keys: Mapping[str, Shape]) -> Record:
    return Record(keys, frozenset(keys))


def _all_but(optional: frozenset[str], keys: Mapping[str, Shape]) -> Record:
    return Record(keys, frozenset(keys) - optional)


_CATALOG_PAYLOAD = _all_of(
    {
        "items": ListOf(
            _all_but(
                frozenset({"produces"}),  # added later: older catalog events lack it
                {
                    "code": TEXT,
                    "name": TEXT,
                    "department": TEXT,
                    "kind": TEXT,
                    "legal_limit": INT,
                    "promised_limit": INT,
                    "limit_unit": TEXT,
                    "fee": TEXT,
                    "delivery": ListOf(TEXT),
                    "produces": ListOf(TEXT),
                    "materials": ListOf(
                        _all_of(
                            {
                                "name": TEXT,
                                "form": TEXT,
                                "copies": INT,
                                "required": BOOL,
                                "deferrable": BOOL,
                            }
                        )
                    ),
                },
            )
        ),
        "themes": ListOf(_all_of({"code": TEXT, "name": TEXT, "items": ListOf(TEXT)})),
    }
)
NOTE_TEXT = Value((str,), max_len=MAX_NOTE)
SHORT_NOTE_TEXT = Value((str,), max_len=MAX_SHORT_NOTE)
_NOTE = Record({"note": SHORT_NOTE_TEXT})

# Case steps outside the lifecycle's transitions: they change columns, not the state.
_CASE_UPDATES = (
    "case.updated",
    "case.clock_paused",
    "case.clock_resumed",
    # A returned mailing puts a delivered case back in the queue; it names its state in "set".
    "case.mail_returned",
)
CASE_KINDS: tuple[str, ...] = tuple(dict.fromkeys([*(e.value for e in CaseEvent), *_CASE_UPDATES]))

_CAL = frozenset({Cache.CALENDAR})


# v2 added keys: a material's "requirement" (the intake steps that list materials) and an
# item's "produces" (the catalog). Older payloads lack them and fold as before; a program that
# knows only v1 folds a v2 payload on the keys it knows instead of refusing the new ones.
ADDED_KEYS_V2 = {"version": 2, "upcasters": {1: _same}}
_INTAKE_KINDS = frozenset(
    e.value
    for e in (
        CaseEvent.ACCEPT,
        CaseEvent.ACCEPT_DEFERRED,
        CaseEvent.REQUEST_SUPPLEMENT,
        CaseEvent.REFUSE,
        CaseEvent.COMPLETE_AT_WINDOW,
    )
)

# A ticket's steps (domain/tickets.Step): each sets the ticket's columns and adds a timeline
# line; the line's ticket, actor and time come from the event itself.
TICKET_KINDS: tuple[str, ...] = tuple(f"ticket.{step.value}" for step in TicketStep)


def _with_limits(record: Record, limits: Mapping[str, int]) -> Record:
    """Typed text columns keep the limit their service gives them."""
    return Record({**record.keys, **{k: Value((str,), max_len=n) for k, n in limits.items()}})


_TICKET_PAYLOAD = Record(
    {
        "set": _with_limits(
            columns(TicketRow),
            {
                "description": MAX_TICKET_TEXT,
                "cause": MAX_TICKET_TEXT,
                "answer": MAX_TICKET_TEXT,
                "reason": MAX_NOTE,
            },
        ),
        "step": _with_limits(
            columns(TicketStepRow, without=("id", "ticket_id", "actor", "hlc")),
            {"note": MAX_STEP_NOTE},
        ),
    },
    frozenset({"set", "step"}),
)

# 好差评 (services/ratings.py): each kind sets the rating's columns; who counts when two rows
# name one record is settled by the fold, so it is not part of the payload.
RATING_KINDS = ("rating.given", "rating.unrated", "rating.appealed", "rating.reviewed")
_RATING_PAYLOAD = Record(
    {
        "set": _with_limits(
            columns(RatingRow, without=("id", "duplicate_of", "created_hlc", "updated_hlc")),
            {
                "note": MAX_NOTE,
                "proxy_reason": MAX_NOTE,
                "appeal_reason": MAX_NOTE,
                "review_note": MAX_NOTE,
                "reasons": RATING_REASONS_MAX,
            },
        )
    },
    frozenset({"set"}),
)

REPORT_TEXT = Value((str,), max_len=MAX_REPORT_TEXT)
_REPORT_SECTIONS = {"problems": REPORT_TEXT, "plan": REPORT_TEXT}
# The figures as published: canonical JSON (services/monthly.py), far longer than typed text.
_PUBLISHED_REPORT = Record(
    {
        **_REPORT_SECTIONS,
        "figures": TEXT,
        "sha256": Value((str,), max_len=64),
        "known": TEXT,
        "published_at": Value((str,), max_len=32),
        "publisher_name": Value((str,), max_len=64),
    },
    frozenset({"problems", "plan", "figures", "sha256", "known", "published_at"}),
)

# The queue: each step a window (or the kiosk) took on a ticket, recorded by the one that acted,
# with the shared row's columns as they stood after it (folded by the row's change count).
QUEUE_TICKET_KINDS: tuple[str, ...] = (
    "queue.issued",
    "queue.called",
    "queue.recalled",
    "queue.started",
    "queue.finished",
    "queue.no_show",
    "queue.left",
    "queue.parked",
    "queue.resumed",
    "queue.transferred",
    "queue.linked",
)
QUEUE_WINDOW_KINDS: tuple[str, ...] = ("queue.window_paused", "queue.window_resumed")
_QUEUE_PAYLOAD = Record(
    {"set": _with_limits(columns(QueueTicketRow), {"reason": 100})}, frozenset({"set"})
)

# Meetings, inspections and evaluations: each event sets the record's columns and adds or
# updates its rows (attendees, action items; checklist items, findings; sheet lines, 复核).
_LONG = {"topics": MAX_TICKET_TEXT, "decisions": MAX_TICKET_TEXT, "late_reason": MAX_NOTE}
_MEETING_PAYLOAD = Record(
    {
        "set": _with_limits(columns(MeetingRow), _LONG),
        "attendance": ListOf(
            _with_limits(
                columns(MeetingAttendanceRow, without=("meeting_id",)), {"reason": MAX_NOTE}
            )
        ),
        "actions": ListOf(
            _with_limits(
                columns(MeetingActionRow, without=("meeting_id",)),
                {"text": MAX_NOTE, "done_note": MAX_NOTE},
            )
        ),
    }
)
MEETING_KINDS = ("meeting.recorded", "meeting.action_done")
# 更正 of a saved meeting: the changed columns and rows, the whole attendance list when it
# changed (`attendance_replaced`), and the correction record (who, why, before → after).
_MEETING_CORRECTED = Record(
    {
        **_MEETING_PAYLOAD.keys,
        "attendance_replaced": BOOL,
        "correction": _with_limits(
            columns(MeetingCorrectionRow, without=("meeting_id",)), {"reason": MAX_NOTE}
        ),
    },
    frozenset({"correction"}),
)
_INSPECTION_PAYLOAD = Record(
    {
        "set": _with_limits(columns(InspectionRow), {"late_reason": MAX_NOTE}),
        "items": ListOf(
            _with_limits(columns(InspectionItemRow, without=("inspection_id",)), {"note": MAX_NOTE})
        ),
        "findings": ListOf(
            _with_limits(
                columns(FindingRow, without=("inspection_id",)),
                {"note": MAX_NOTE, "fix": MAX_NOTE, "recheck_note": MAX_NOTE},
            )
        ),
    }
)
INSPECTION_KINDS = (
    "inspection.recorded",
    "inspection.finding_fixed",
    "inspection.finding_rechecked",
)
_EVALUATION_PAYLOAD = Record(
    {
        "recomputed": BOOL,
        "set": _with_limits(columns(EvaluationRow), {"objection": MAX_NOTE}),
        "lines": ListOf(
            _with_limits(
                columns(EvaluationLineRow, without=("evaluation_id",)), {"reason": MAX_NOTE}
            )
        ),
        "review": _with_limits(
            columns(EvaluationReviewRow, without=("evaluation_id",)), {"reason": MAX_NOTE}
        ),
    }
)
EVALUATION_KINDS = (
    "evaluation.computed",
    "evaluation.adjusted",
    "evaluation.checked",
    "evaluation.published",
    "evaluation.confirmed",
    "evaluation.objected",
    "evaluation.review_recorded",
)

KINDS: Mapping[str, EventKind] = {
    k.name: k
    for k in [
        EventKind("user.created", USER, fold.user, _set_of(User)),
        EventKind("user.updated", USER, fold.user, _set_of(User)),
        EventKind(
            "catalog.imported",
            CATALOG,
            fold.catalog,
            _CATALOG_PAYLOAD,
            caches=frozenset({Cache.CATALOG}),
            **ADDED_KEYS_V2,  # type: ignore[arg-type]
        ),
        EventKind(
            "calendar.override_set",
            CALENDAR_DAY,
            fold.override_set,
            Record(
                {"kind": Value((str,), ("holiday", "workday")), "note": SHORT_NOTE_TEXT},
                frozenset({"kind"}),
            ),
            caches=_CAL,
        ),
        EventKind(
            "calendar.override_removed",
            CALENDAR_DAY,
            fold.override_removed,
            Record({}),
            caches=_CAL,
        ),
        EventKind("calendar.year_covered", CALENDAR_YEAR, fold.year_covered, _NOTE, caches=_CAL),
        EventKind(
            "calendar.year_uncovered", CALENDAR_YEAR, fold.year_uncovered, _NOTE, caches=_CAL
        ),
        EventKind(
            "applicant.recorded",
            APPLICANT,
            fold.applicant,
            Record(
                {
                    "set": columns(ApplicantRow),
                    "seen": Record({name: EVENT_ID for name in APPLICANT_FIELDS}),
                },
                frozenset({"set"}),
            ),
            version=3,
            # v3 adds "seen"; a payload without it (older) makes no claim about what it knew.
            upcasters={1: _applicant_v1_to_v2, 2: _same},
        ),
        *(
            EventKind(
                name,
                CASE,
                fold.case,
                _CASE_PAYLOAD,
                **(ADDED_KEYS_V2 if name in _INTAKE_KINDS else {}),  # type: ignore[arg-type]
            )
            for name in CASE_KINDS
        ),
        EventKind("consultation.logged", CONSULTATION, fold.consultation, _set_of(ConsultationRow)),
        EventKind(
            "consultation.updated", CONSULTATION, fold.consultation, _set_of(ConsultationRow)
        ),
        EventKind(
            "handoff.recorded",
            HANDOFF,
            fold.handoff,
            _set_of(HandoffRow),
            # v2 adds "result" (a department's decision): an older program ignores the key.
            version=2,
            upcasters={1: _unchanged},
        ),
        EventKind(
            "handover_sheet.recorded",
            HANDOVER_SHEET,
            fold.handover_sheet,
            _set_of(HandoverSheetRow),
        ),
        EventKind("delivery.recorded", DELIVERY, fold.delivery, _set_of(DeliveryRow)),
        EventKind("delivery.mail_returned", DELIVERY, fold.delivery, _set_of(DeliveryRow)),
        # v2 adds "finding" (a complaint's 核查结论): an older program ignores the key.
        *(
            EventKind(name, TICKET, fold.ticket, _TICKET_PAYLOAD, version=2, upcasters={1: _same})
            for name in TICKET_KINDS
        ),
        *(EventKind(name, RATING, fold.rating, _RATING_PAYLOAD) for name in RATING_KINDS),
        EventKind(
            "monthly_report.text_saved",
            MONTHLY_REPORT,
            fold.monthly_report,
            Record(_REPORT_SECTIONS, frozenset(_REPORT_SECTIONS)),
        ),
        EventKind(
            "monthly_report.published",
            MONTHLY_REPORT,
            fold.monthly_report,
            _PUBLISHED_REPORT,
        ),
        *(
            EventKind(name, QUEUE_TICKET, fold.queue_ticket, _QUEUE_PAYLOAD)
            for name in QUEUE_TICKET_KINDS
        ),
        *(
            EventKind(name, QUEUE_WINDOW, None, Record({"reason": Value((str,), max_len=100)}))
            for name in QUEUE_WINDOW_KINDS
        ),
        *(EventKind(name, MEETING, fold.meeting, _MEETING_PAYLOAD) for name in MEETING_KINDS),
        EventKind("meeting.corrected", MEETING, fold.meeting, _MEETING_CORRECTED),
        *(
            EventKind(name, INSPECTION, fold.inspection, _INSPECTION_PAYLOAD)
            for name in INSPECTION_KINDS
        ),
        EventKind(
            "evaluation.scheme_saved",
            EVAL_SCHEME,
            fold.eval_scheme,
            Record({"set": columns(EvalSchemeRow, without=("version", "hlc"))}, frozenset({"set"})),
        ),
        *(
            EventKind(name, EVALUATION, fold.evaluation, _EVALUATION_PAYLOAD)
            for name in EVALUATION_KINDS
        ),
        EventKind(
            "hall.setting_changed",
            HALL_SETTING,
            fold.hall_setting,
            # The longest any key allows; each key's own limit and format: `about`.
            Record(
                {"value": Value((str,), max_len=max(HALL_SETTING_LIMITS.values()))},
                frozenset({"value"}),
            ),
            caches=frozenset({Cache.HALL}),
            about=_hall_setting_value,
        ),
        EventKind(
            RESOLVE_KIND,
            SYNC_CONFLICT,
            None,
            Record(
                {
                    # "" for a field conflict (v2): older programs still find the key they need.
                    "case_id": TEXT,
                    "note": NOTE_TEXT,
                    # v2: a conflict over an applicant's field, and whose value the lead kept.
                    "applicant_id": TEXT,
                    "keep": EVENT_ID,
                },
                frozenset({"case_id", "note"}),
            ),
            version=2,
            upcasters={1: _same},
        ),
    ]
}


def get(kind: str) -> EventKind | None:
    return KINDS.get(kind)


def require(kind: str) -> EventKind:
    """The registered kind; emitting an unregistered one is a programming error."""
    found = KINDS.get(kind)
    if found is None:
        raise LookupError(f"event kind {kind!r} is not in hall_desk.store.event_kinds.KINDS")
    return found


def payload_of(kind: str, payload: str) -> dict[str, Any]:
    """An event's payload as this program reads it: current version, known keys only.

    Every reader of old events goes through here (folds, conflict and history records), so an
    upcaster written for a renamed key serves them all. A kind this program does not know is
    returned as stored.
    """
    body = json.loads(payload)
    found = KINDS.get(kind)
    return found.current(body) if found is not None else body


def caches_of(kinds: Iterable[str]) -> set[Cache]:
    out: set[Cache] = set()
    for name in kinds:
        found = KINDS.get(name)
        if found is not None:
            out |= found.caches
    return out


def is_folded(entity_type: str) -> bool:
    entity = ENTITIES.get(entity_type)
    return entity is None or entity.folded


def check(
    kind: str, entity_type: str, entity_id: str, payload: Any, *, plain: bool = False
) -> None:
    """Raises PayloadError unless the event can be applied here.

    A kind this program does not know (a newer program's) passes: it is kept in the log and
    folded once this workstation is upgraded. `plain`: see `checked_payload`.
    """
    if not isinstance(payload, dict):
        raise PayloadError("事件内容应为 JSON 对象")
    found = KINDS.get(kind)
    if found is None:
        return
    if entity_type != found.entity.name:
        raise PayloadError(
            f"事件类型 {kind} 的对象应为 {found.entity.name}，而不是「{entity_type}」"
        )
    found.entity.check_id(entity_id)
    found.check(payload, plain=plain)
    if found.about is not None:
        found.about(entity_id, found.current(payload))


# JSON text in which every text is plain (domain/text.py PLAIN_CHARS): no character outside the
# class, so no escape either, and no string can hold what a text check refuses.
_PLAIN_JSON = re.compile(f"[{PLAIN_CHARS}]*")
_JSON = json.JSONDecoder()


def _parsed(text: Any) -> Any:
    """json.loads(text), without its two whitespace searches for text that has none around it."""
    if type(text) is str:
        try:
            body, end = _JSON.raw_decode(text)
        except (ValueError, RecursionError):
            end = -1
        if end == len(text):
            return body
    try:
        return json.loads(text)
    except (ValueError, TypeError, RecursionError) as exc:
        raise PayloadError("事件内容不是有效的 JSON") from exc


def checked_payload(kind: str, entity_type: str, entity_id: str, text: Any) -> dict[str, Any]:
    """A pulled event's payload text parsed and checked (`check`): the parsed payload, or
    PayloadError. Text made only of plain characters — nearly every payload a hall writes — is
    checked the quick way (`plain`), found so by one search of the text.

    Parsed by orjson first (store/payload_json.py), whose parse is kept only for a payload of a
    known kind at its current version that passes the strict check: every value in it is then
    a text, an integer, a boolean or null under a key this program knows, read alike by both
    parsers. Anything else is parsed by json.loads and checked, which decides and says why."""
    plain = type(text) is str and _PLAIN_JSON.fullmatch(text) is not None
    quick = _quick(kind, text)
    if quick is not None:
        try:
            check(kind, entity_type, entity_id, quick, plain=plain)
        except PayloadError:
            pass
        else:
            return quick
    payload = _parsed(text)
    if not isinstance(payload, dict):
        raise PayloadError("事件内容应为 JSON 对象")
    check(kind, entity_type, entity_id, payload, plain=plain)
    return payload


def _quick(kind: str, text: Any) -> dict[str, Any] | None:
    """orjson's parse of a payload that the strict check of its kind's current version will
    judge (nothing upcast, no unknown key let through), or None: json.loads's turn."""
    found = KINDS.get(kind)
    if found is None:
        return None
    try:
        quick = quick_loads(text)
    except (ValueError, RecursionError):
        return None
    if type(quick) is not dict:
        return None
    version = quick.get(VERSION_KEY, 1)
    return quick if type(version) is int and version == found.version else None
