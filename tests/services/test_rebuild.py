"""Events are the truth: replaying the log rebuilds every projection table identically."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, text

from hall_desk.services import calendar as calendar_service
from hall_desk.services.demo import generate
from hall_desk.services.integrity import rebuild_projections
from hall_desk.store import projections
from hall_desk.store.models import CaseRow, Event
from hall_desk.store.tables import PROJECTION_TABLES


def dump(ws) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    tables: dict[str, list[tuple]] = {}
    with ws.reading() as s:
        for model in PROJECTION_TABLES:
            name = model.__tablename__
            rows = s.execute(text(f"SELECT * FROM {name}")).all()
            tables[name] = sorted(tuple(map(repr, r)) for r in rows)
    return tables


def test_rebuild_gives_identical_tables(ws, admin):
    generate(ws, days=6, per_day=25, seed=11, end=date(2026, 11, 27))
    calendar_service.set_override(ws, admin, date(2026, 12, 2), "holiday", "大厅设备检修")
    calendar_service.set_override(ws, admin, date(2026, 12, 5), "workday", "调休")
    calendar_service.remove_override(ws, admin, date(2026, 12, 5))
    before = dump(ws)
    assert len(before["cases"]) > 50 and len(before["consultations"]) > 5
    assert len(before["calendar_overrides"]) == 1
    rebuilt = rebuild_projections(ws, admin)
    assert rebuilt.rejected == ()
    with ws.reading() as s:
        assert rebuilt.events == len(s.scalars(select(Event.id)).all())
    assert dump(ws) == before


def test_refold_of_one_case_restores_it(ws, admin):
    generate(ws, days=3, per_day=15, seed=5, end=date(2026, 11, 27))
    before = dump(ws)
    with ws.transaction(admin) as tx:
        case = tx.session.scalars(select(CaseRow).limit(1)).one()
        case.state = "delivered"
        case.applicant_name = "被改动"
        tx.session.flush()
        projections.refold(tx.session, "case", case.id, ws.key.event_key)
    assert dump(ws) == before
