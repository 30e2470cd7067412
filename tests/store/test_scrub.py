"""Revision 0006 and the audit chain: a scrub removes old personal data and covers nothing else."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from alembic import command
from sqlalchemy import text

from hall_desk.domain.errors import StorageError
from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.services.integrity import verify_audit
from hall_desk.services.workstation import Workstation
from hall_desk.store import audit
from hall_desk.store.db import Database
from hall_desk.store.eventlog import MAC_FIELDS, dumps, event_mac, mac_ok
from hall_desk.store.keys import HallKey
from hall_desk.store.migrate import OpeningProgram, alembic_config, upgrade
from hall_desk.store.scrub import AUDIT_ORIGINAL_FIELD, ScrubCount, scrub_audit

WIDE, NARROW = "150521********1234", "150521**********34"
AT = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def _reveal_detail() -> dict[str, object]:
    # As the release before the birth year audited a returning applicant's reveal.
    return {"fields": ["phone"], "id_masked": WIDE, "reason": "intake_prefill"}


def _scrubbed_home(ws: Workstation) -> int:
    """An old reveal entry in the chain, then scrubbed as 0006 scrubs; returns its seq."""
    with ws.transaction(SYSTEM_ACTOR) as tx:
        tx.audit("pii.unmask", "applicant-1", _reveal_detail())
    with ws.db.write() as s:
        seq = s.execute(text("SELECT max(seq) FROM audit_log")).scalar()
        count = ScrubCount()
        scrub_audit(s.connection(), ws.key.encrypt, count)
    assert count.audit_entries == 1
    return int(seq)


def _edit(ws: Workstation, sql: str, **params: object) -> None:
    with ws.db.write() as s:
        s.execute(text(sql), params)


def test_a_scrubbed_audit_entry_keeps_the_chain_and_shows_the_narrow_mask(ws: Workstation) -> None:
    seq = _scrubbed_home(ws)
    with ws.reading() as s:
        detail, original = s.execute(
            text("SELECT detail, scrubbed_original FROM audit_log WHERE seq = :s"), {"s": seq}
        ).one()
    assert json.loads(detail)["id_masked"] == NARROW and WIDE not in detail
    assert original.startswith("v1:") and WIDE not in original
    assert json.loads(ws.key.decrypt(AUDIT_ORIGINAL_FIELD, original)) == _reveal_detail()
    report = verify_audit(ws)
    assert report.ok, report.problem


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        # Something besides the mask changed: the visible detail is not the original's scrub.
        (
            "UPDATE audit_log SET detail = replace(detail, 'intake_prefill', 'nothing') "
            "WHERE seq = :s",
            "脱敏之外还有改动",
        ),
        # The sealed original dropped: the narrow detail no longer gives the stored hash.
        ("UPDATE audit_log SET scrubbed_original = '' WHERE seq = :s", "内容被改动"),
        # A sealed original that is not the hall's.
        ("UPDATE audit_log SET scrubbed_original = 'v1:AAAA' WHERE seq = :s", "无法解密"),
    ],
)
def test_a_scrub_covers_no_other_change(ws: Workstation, edit: str, problem: str) -> None:
    seq = _scrubbed_home(ws)
    _edit(ws, edit, s=seq)
    report = verify_audit(ws)
    assert not report.ok and report.broken_at == seq and problem in report.problem, report


def test_a_sealed_original_of_another_detail_is_refused(ws: Workstation) -> None:
    """The key holder's own forgery aside, an original whose scrub matches but whose content
    differs (another reason) does not give the entry's hash."""
    seq = _scrubbed_home(ws)
    other = json.dumps({**_reveal_detail(), "reason": "other"}, ensure_ascii=False, sort_keys=True)
    narrow = json.dumps(
        {**_reveal_detail(), "id_masked": NARROW, "reason": "other"},
        ensure_ascii=False,
        sort_keys=True,
    )
    _edit(
        ws,
        "UPDATE audit_log SET detail = :d, scrubbed_original = :o WHERE seq = :s",
        d=narrow,
        o=ws.key.encrypt(AUDIT_ORIGINAL_FIELD, other),
        s=seq,
    )
    report = verify_audit(ws)
    assert not report.ok and report.broken_at == seq and "内容被改动" in report.problem


# --- revision 0006 -----------------------------------------------------------------------------


def _v1_event(key: HallKey, n: int, *, forged: bool = False) -> dict[str, object]:
    row = {
        "id": f"0190c0de-0000-7000-8000-{n:012d}",
        "origin": "W01",
        "seq": n,
        "hlc": f"{1764000000000 + n:013d}-0000",
        "actor": "clerk1",
        "kind": "applicant.recorded",
        "entity_type": "applicant",
        "entity_id": f"applicant-{n}",
        "payload": dumps(
            {
                "set": {
                    "birth_date": "1979-04-05",
                    "id_masked": WIDE,
                    "id_cipher": key.encrypt("id_number", "150521197904051234"),
                    "name": f"申请人{n}",
                }
            }
        ),
    }
    mac = "f" * 64 if forged else event_mac(key.event_key, SimpleNamespace(**row))
    return {**row, "mac": mac}


def test_revision_0006_scrubs_and_reseals_old_events_and_leaves_a_forgery_alone(
    tmp_path: Path,
) -> None:
    key = HallKey.generate()
    database = Database(tmp_path / "old.sqlite3")
    try:
        engine = database.write_engine
        command.upgrade(alembic_config(engine), "0005")
        good, forged = _v1_event(key, 1), _v1_event(key, 2, forged=True)
        columns = (*MAC_FIELDS, "mac")
        first = audit.new_entry(
            key.audit_key, None, workstation="W01", actor="clerk1", action="pii.unmask",
            detail=_reveal_detail(), at=AT,
        )  # fmt: skip
        with engine.begin() as conn:
            conn.execute(
                text(
                    f"INSERT INTO events ({', '.join(columns)}) VALUES "
                    f"({', '.join(':' + c for c in columns)})"
                ),
                [good, forged],
            )
            conn.execute(
                text(
                    "INSERT INTO audit_log (seq, at, workstation, actor, action, target, detail,"
                    " prev_hash, hash) VALUES (:seq, :at, :workstation, :actor, :action, :target,"
                    " :detail, :prev_hash, :hash)"
                ),
                {c: getattr(first, c) for c in (
                    "seq", "at", "workstation", "actor", "action", "target", "detail",
                    "prev_hash", "hash",
                )},
            )  # fmt: skip
        with pytest.raises(StorageError, match="大厅密钥"):
            upgrade(engine)  # the key is needed: nothing is half-done without it
        assert upgrade(engine, program=OpeningProgram(key, "W01", AT)) is True
        with engine.connect() as conn:
            events = {
                r.id: r
                for r in conn.execute(text(f"SELECT {', '.join(columns)} FROM events")).all()
            }
            log = conn.execute(
                text("SELECT seq, action, detail, scrubbed_original FROM audit_log ORDER BY seq")
            ).all()
        scrubbed = json.loads(events[good["id"]].payload)
        assert scrubbed["v"] == 2 and "birth_date" not in scrubbed["set"]
        assert scrubbed["set"]["birth_year"] == 1979 and scrubbed["set"]["id_masked"] == NARROW
        assert scrubbed["set"]["id_cipher"] == json.loads(good["payload"])["set"]["id_cipher"]
        assert mac_ok(key.event_key, events[good["id"]])
        assert events[forged["id"]].payload == forged["payload"]  # evidence kept as it was
        assert events[forged["id"]].mac == forged["mac"]
        assert [(r.seq, r.action) for r in log] == [(1, "pii.unmask"), (2, "records.scrubbed")]
        assert json.loads(log[0].detail)["id_masked"] == NARROW and log[0].scrubbed_original
        assert json.loads(log[1].detail) == {
            "events": 1,
            "forged_left": 1,
            "quarantined": 0,
            "audit_entries": 1,
        }
        with database.read() as s:
            report = audit.verify(s, key.audit_key, opener=key.decrypt)
            assert report.ok, report.problem
            assert not audit.verify(s, key.audit_key).ok  # a scrubbed entry needs the key
    finally:
        database.close()
