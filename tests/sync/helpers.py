"""What sync tests compare: projections, event logs (local and shared), conflicts."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from datetime import date
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select, text

from hall_desk.domain.clock import uuid7
from hall_desk.domain.identity import resident_id_check_char
from hall_desk.domain.roles import SYSTEM_ACTOR, Actor, Role
from hall_desk.services.applicants import ApplicantDraft
from hall_desk.services.workstation import Workstation
from hall_desk.store.eventlog import event_mac
from hall_desk.store.keys import HallKey
from hall_desk.store.models import Event
from hall_desk.store.models_sync import SyncConflict
from hall_desk.store.tables import PROJECTION_TABLES
from hall_desk.sync import SyncOptions, SyncReport, sync_once
from hall_desk.sync.shared import EVENT_COLUMNS, SharedDatabase, parse_location, shared_events
from tests.services.helpers import all_materials

FOOD = "011050007001"  # 食品经营许可（新办）: promised, some materials deferrable
EMPLOYMENT = "201080001001"  # 就业登记: 即办件
DAY = date(2026, 11, 24)
LEAD = Actor("lead", "乌兰", Role.LEAD)
# Every field of an event, the MAC included: it travels unchanged, every workstation holds it.
EVENT_FIELDS = EVENT_COLUMNS


def signed(row: dict[str, object], key: HallKey) -> dict[str, object]:
    """A raw shared row as a workstation of the hall would have written it: with its MAC."""
    return {**row, "mac": event_mac(key.event_key, SimpleNamespace(**row))}


def raw_event(
    after: Workstation, seq: int, kind: str, entity_type: str, entity_id: str, payload: Any
) -> dict[str, object]:
    """An event as another workstation (W9) would have pushed it, later than `after`'s."""
    ts = after.clock.now()
    row: dict[str, object] = {
        "id": str(uuid7(ts)),
        "origin": "W9",
        "seq": seq,
        "hlc": ts.encode(),
        "actor": "clerk-w9",
        "kind": kind,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "payload": payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False),
    }
    return signed(row, after.key)


def insert_shared_rows(url: str, rows: list[dict[str, object]]) -> None:
    """Rows written straight into the shared events table, after the last position: what anyone
    with the database's password can do, with or without the hall key."""
    shared = SharedDatabase(parse_location(url))
    try:
        with shared.writing() as conn:
            base = shared.max_position(conn)
            shared.insert_events(
                conn,
                [(base + i, *(r[c] for c in EVENT_COLUMNS)) for i, r in enumerate(rows, start=1)],
            )
    finally:
        shared.close()


def clerk(ws: Workstation) -> Actor:
    return Actor(f"clerk-{ws.code.lower()}", f"窗口{ws.code}", Role.CLERK, f"综合窗口{ws.code}")


def router(ws: Workstation) -> Actor:
    return Actor(f"router-{ws.code.lower()}", "赵志刚", Role.ROUTER, "流转岗")


def resident(n: int) -> str:
    first17 = f"150521{1960 + n % 40}{(n % 12) + 1:02d}{(n % 27) + 1:02d}{100 + n % 900:03d}"
    return first17 + resident_id_check_char(first17)


def phone(n: int) -> str:
    return f"1390475{n % 10000:04d}"


SURNAMES = "包王李张乌白赵刘陈宝"
GIVEN = ["海龙", "晓燕", "志刚", "玉兰", "建国", "秀英", "金花", "巴特尔", "其其格", "明"]


def person_name(n: int) -> str:
    return SURNAMES[n % 10] + GIVEN[(n // 10) % 10] + ("" if n < 100 else GIVEN[(n // 100) % 10])


def applicant(n: int, phone_no: int | None = None) -> ApplicantDraft:
    return ApplicantDraft(
        kind="person",
        id_number=resident(n),
        name=person_name(n),
        phone=phone(n if phone_no is None else phone_no),
        address=f"科尔沁左翼中旗保康镇民主街{n}号",
    )


def draft(ws: Workstation, codes: list[str], who: ApplicantDraft, *, complete: bool = True):  # type: ignore[no-untyped-def]
    from hall_desk.services.intake import IntakeDraft

    received = all_materials(ws, codes)
    if not complete:
        received = dict(list(received.items())[:1])
    return IntakeDraft(applicant=who, item_codes=codes, received=received)


def sync(ws: Workstation, url: str, **options: object) -> SyncReport:
    return sync_once(ws, SYSTEM_ACTOR, shared_url=url, options=SyncOptions(**options))  # type: ignore[arg-type]


def converge(workstations: Iterable[Workstation], url: str) -> None:
    """Two rounds: after the first every event is shared, after the second everyone has it."""
    stations = list(workstations)
    for _ in range(2):
        for ws in stations:
            sync(ws, url)


def projections(ws: Workstation) -> dict[str, list[tuple[str, ...]]]:
    tables: dict[str, list[tuple[str, ...]]] = {}
    with ws.reading() as s:
        for model in PROJECTION_TABLES:
            rows = s.execute(text(f"SELECT * FROM {model.__tablename__}")).all()
            tables[model.__tablename__] = sorted(tuple(map(repr, r)) for r in rows)
    return tables


def local_events(ws: Workstation) -> set[tuple[object, ...]]:
    with ws.reading() as s:
        return {
            tuple(r) for r in s.execute(select(*(getattr(Event, f) for f in EVENT_FIELDS))).all()
        }


def shared_rows(url: str) -> list[tuple[object, ...]]:
    """(position, id, origin, seq, hlc, …) of every shared event, in position order."""
    shared = SharedDatabase(parse_location(url))
    try:
        with shared.reading() as conn:
            return [
                tuple(r)
                for r in conn.execute(select(shared_events).order_by(shared_events.c.position))
            ]
    finally:
        shared.close()


def shared_events_set(url: str) -> set[tuple[object, ...]]:
    return {tuple(r[1:]) for r in shared_rows(url)}


def conflicts(ws: Workstation) -> set[tuple[str, str, str, str, bool]]:
    with ws.reading() as s:
        return {
            (c.event_id, c.other_event_id, c.case_id, c.state_before, c.resolved)
            for c in s.scalars(select(SyncConflict))
        }


def rng_for(seed: int) -> random.Random:
    return random.Random(seed)


def bulk_cases(ws: Workstation, count: int, start: int) -> None:
    """`count` accepted cases in one transaction (the services' bulk path), new applicants."""
    from hall_desk.domain.lifecycle import CaseEvent
    from hall_desk.services import intake

    intake.intake_many(
        ws,
        clerk(ws),
        [(CaseEvent.ACCEPT, draft(ws, [FOOD], applicant(start + n)), DAY) for n in range(count)],
    )


def own_events(ws: Workstation) -> set[tuple[object, ...]]:
    return {e for e in local_events(ws) if e[1] == ws.code}


def first_syncs(url: str, hall_ws: Workstation, *joined: Workstation) -> None:
    """Each workstation that joined the hall takes the hall's catalog and calendar at its first
    sync, before it takes in a case: `hall_ws` (the one that made the hall) shares them first."""
    sync(hall_ws, url)
    for ws in joined:
        sync(ws, url)
