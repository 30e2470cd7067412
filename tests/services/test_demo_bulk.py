"""The bulk path (demo data, the bench home) builds exactly the home the one-by-one path builds.

Both homes start from one copy, with the wall clock standing still and the randomness the
program draws (ids, nonces, salts) replayed from one seed, so that every event, audit entry and
table row must come out byte for byte the same: the bulk path may only be faster.

One by one means as a clerk does it: each intake in its own transaction, each hand-out through
its own service (本人领取, 代领, 邮寄), and nothing read ahead for a batch (the routing post's
scanned lists, a day's ratings): every line reads its own case, decisions and earlier ratings,
and every event looks for its record in the log and the tables, even one made just now, and
is folded on its own as it is written (not with the rest of its routing batch).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hall_desk.domain.catalog import ItemKind
from hall_desk.domain.clock import SettableClock
from hall_desk.domain.lifecycle import CaseEvent
from hall_desk.domain.roles import Actor, Role
from hall_desk.services import (
    catalog,
    consultations,
    delivery,
    intake,
    integrity,
    moves,
    ratings,
    routing,
    users,
)
from hall_desk.services.demo import ensure_demo_staff, generate
from hall_desk.services.home import Home
from hall_desk.services.intake import IntakeDraft, IntakeResult
from hall_desk.services.workstation import Tx, Workstation
from hall_desk.store.eventlog import AppendedEvent
from hall_desk.store.models_routing import DeliveryRow
from tests.conftest import STAFF_PASSWORD, TODAY, make_home
from tests.services.helpers import draft_for, person, resident_id

ADMIN = Actor("admin", "张建国", Role.ADMIN)

BULK_INTAKE = intake.intake_many
BULK_HAND_OUT = delivery.hand_out_many


def _one_by_one_intake(
    ws: Workstation, actor: Actor, batch: Sequence[tuple[CaseEvent, IntakeDraft, date]]
) -> list[IntakeResult]:
    return [BULK_INTAKE(ws, actor, [one])[0] for one in batch]


def _hand_out(ws: Workstation, actor: Actor, h: delivery.HandOut) -> delivery.DeliveryResult:
    if h.mail is not None:
        return delivery.mail(ws, actor, h.case_ref, h.mail, on=h.on, at=h.at)
    if h.proxy is not None:
        return delivery.pickup_by_proxy(ws, actor, h.case_ref, h.proxy, on=h.on, at=h.at)
    return delivery.pickup_by_applicant(ws, actor, h.case_ref, h.id_number, on=h.on, at=h.at)


def _one_by_one_hand_out(
    ws: Workstation, actor: Actor, batch: Sequence[delivery.HandOut]
) -> list[delivery.DeliveryResult]:
    return [_hand_out(ws, actor, one) for one in batch]


def _nothing_read_ahead(*_args: object) -> None:
    return None


EMIT = Tx.emit


def _emit_looking_up(
    tx: Tx, kind: str, entity_type: str, entity_id: str, payload: dict[str, Any], **_: bool
) -> AppendedEvent:
    return EMIT(tx, kind, entity_type, entity_id, payload)  # never `fresh`


@contextmanager
def _folding_each(_tx: Tx) -> Iterator[None]:
    yield


def _one_by_one_supplements(
    ws: Workstation, lines: Sequence[intake.SupplementLine]
) -> list[IntakeResult]:
    return [intake.receive_supplement(ws, x.actor, x.case_ref, x.received, on=x.on) for x in lines]


def _one_by_one_returns(
    ws: Workstation, actor: Actor, lines: Sequence[routing.SupplementReturn]
) -> list[routing.ReturnResult]:
    return [
        routing.return_for_supplement(
            ws, actor, x.case_ref, x.reasons, materials=x.materials, on=x.on, at=x.at
        )
        for x in lines
    ]


def _one_by_one_mail_back(
    ws: Workstation, lines: Sequence[delivery.MailBack]
) -> list[delivery.MailReturn]:
    return [
        delivery.mail_returned(ws, x.actor, x.case_ref, x.reason, on=x.on, at=x.at) for x in lines
    ]


def _one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intake, "intake_many", _one_by_one_intake)
    monkeypatch.setattr(intake, "receive_supplement_many", _one_by_one_supplements)
    monkeypatch.setattr(routing, "return_for_supplement_many", _one_by_one_returns)
    monkeypatch.setattr(delivery, "mail_returned_many", _one_by_one_mail_back)
    monkeypatch.setattr(delivery, "hand_out_many", _one_by_one_hand_out)
    monkeypatch.setattr(moves, "read_ahead", _nothing_read_ahead)
    monkeypatch.setattr(ratings, "read_ahead", _nothing_read_ahead)
    monkeypatch.setattr(Tx, "emit", _emit_looking_up)
    monkeypatch.setattr(Tx, "folding_together", _folding_each)


def _table_digests(db: Path) -> dict[str, tuple[int, str]]:
    """Each table's row count and a digest of its rows in a fixed order."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        out = {}
        for table in sorted(tables):
            rows = sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"'))
            out[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
        return out
    finally:
        conn.close()


def _demo(ws: Workstation) -> None:
    """Twelve days of demo data, then the day's posted results come back to two windows (the
    demo itself posts too few at this size for one to come back)."""
    generate(ws, 12, 18, seed=11, end=TODAY)
    staff = ensure_demo_staff(ws)
    with ws.reading() as s:
        posted = s.scalars(
            select(DeliveryRow.case_no)
            .where(DeliveryRow.method == "mail", DeliveryRow.returned_on.is_(None))
            .order_by(DeliveryRow.case_no)
        ).all()
    clerks = [staff["clerk1"], staff["clerk2"]]
    lines = [delivery.MailBack(clerks[n % 2], no, "查无此人") for n, no in enumerate(posted)]
    delivery.mail_returned_many(ws, lines)


def _build(
    path: Path,
    monkeypatch: pytest.MonkeyPatch,
    build: Callable[[Workstation], object] | None = None,
) -> dict[str, tuple[int, str]]:
    replay = random.Random(2026)
    monkeypatch.setattr(os, "urandom", lambda n: replay.randbytes(n))
    clock = SettableClock(datetime.combine(TODAY, time(18, 0)))
    with Workstation(Home(path), wall=clock) as ws:
        (build or _demo)(ws)
        # Every event MAC'd with the hall key, the chain whole and matching its anchor.
        assert integrity.verify_events(ws).ok
        assert integrity.verify_audit(ws).ok
    monkeypatch.undo()
    return _table_digests(Home(path).db_path)


def test_bulk_path_builds_the_same_home_as_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_home(tmp_path / "start").close()
    shutil.copytree(tmp_path / "start", tmp_path / "bulk")
    shutil.copytree(tmp_path / "start", tmp_path / "single")
    bulk = _build(tmp_path / "bulk", monkeypatch)
    _one_by_one(monkeypatch)
    single = _build(tmp_path / "single", monkeypatch)
    assert bulk["cases"][0] > 30 and bulk["events"][0] > 200 and bulk["audit_log"][0] > 150
    assert bulk["deliveries"][0] > 0 and bulk["ratings"][0] > 0
    raw = sqlite3.connect(Home(tmp_path / "bulk").db_path)
    kinds = dict(raw.execute("SELECT kind, count(*) FROM events GROUP BY kind").fetchall())
    actors = raw.execute(
        "SELECT count(DISTINCT actor) FROM events WHERE kind = 'case.mail_returned'"
    ).fetchone()
    raw.close()
    # Every bulk path of the demo took part: supplements and 容缺 materials brought back,
    # pre-review returns, posts come back (each line under its own clerk).
    for kind in (
        "case.supplement_received",
        "case.deferred_materials_received",
        "case.returned_for_supplement",
        "case.mail_returned",
    ):
        assert kinds.get(kind, 0) >= 2, kind
    assert actors == (2,)
    different = sorted(t for t in bulk if bulk[t] != single.get(t))
    assert not different, different
    assert bulk.keys() == single.keys()


def _same_applicant_again(ws: Workstation) -> None:
    """One bulk intake meeting one applicant three times (a new phone the second time, nothing
    new the third) and a case of a consultation logged just before."""
    clerk = users.create_user(
        ws, ADMIN, "clerk1", "王晓燕", Role.CLERK, STAFF_PASSWORD, "综合窗口1"
    )
    asked = consultations.log_consultation(
        ws, clerk, consultations.ConsultationDraft(topic="办理时限"), at=ws.now()
    )
    code = next(i for i in catalog.load_catalog(ws)[0] if i.kind == ItemKind.IMMEDIATE).code
    again = person(phone="13904759999")
    linked = draft_for(ws, [code], person(resident_id(seq="456"), name="李春梅"))
    linked.consultation_id = asked
    batch = [draft_for(ws, [code]), draft_for(ws, [code], again), draft_for(ws, [code], again)]
    intake.intake_many(
        ws, clerk, [(CaseEvent.COMPLETE_AT_WINDOW, d, TODAY) for d in [*batch, linked]]
    )


def test_a_bulk_intake_meeting_an_applicant_again_writes_what_one_by_one_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_home(tmp_path / "start").close()
    shutil.copytree(tmp_path / "start", tmp_path / "bulk")
    shutil.copytree(tmp_path / "start", tmp_path / "single")
    bulk = _build(tmp_path / "bulk", monkeypatch, _same_applicant_again)
    _one_by_one(monkeypatch)
    single = _build(tmp_path / "single", monkeypatch, _same_applicant_again)
    different = sorted(t for t in bulk if bulk[t] != single.get(t))
    assert not different, different
    raw = sqlite3.connect(Home(tmp_path / "bulk").db_path)
    try:
        recorded = raw.execute(
            "SELECT count(*) FROM events WHERE kind = 'applicant.recorded'"
        ).fetchone()
        phones = raw.execute("SELECT DISTINCT applicant_phone_masked FROM cases").fetchall()
        linked = raw.execute("SELECT count(*) FROM consultations WHERE case_id != ''").fetchone()
    finally:
        raw.close()
    # The first record, its new phone, the second applicant: the third visit changed nothing.
    assert recorded == (3,)
    assert sorted(p for (p,) in phones) == ["139****1234", "139****9999"]
    assert linked == (1,)
