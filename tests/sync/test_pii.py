"""Personal data travels as ciphertext: the shared database never holds a plaintext ID or phone."""

from __future__ import annotations

from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from hall_desk.domain.catalog import AGENT_MATERIAL
from hall_desk.services import intake
from hall_desk.services.intake import AgentDraft
from tests.sync.conftest import _libpq
from tests.sync.helpers import (
    DAY,
    FOOD,
    applicant,
    clerk,
    converge,
    draft,
    first_syncs,
    phone,
    resident,
)

PEOPLE = range(900, 906)
AGENT_ID = resident(977)


def _shared_text(url: str) -> bytes:
    """Everything the shared database holds, as bytes (files for SQLite, every row for PG)."""
    if "://" not in url:
        path = Path(url)
        return b"".join(
            p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name)
        )
    dsn = _libpq(make_url(url).render_as_string(hide_password=False))
    out = []
    with psycopg.connect(dsn) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        ]
        assert {"hall_sync_events", "hall_sync_meta"} <= set(tables)
        for table in tables:
            for (row,) in conn.execute(f'SELECT t::text FROM "{table}" t'):
                out.append(row)
    return "\n".join(out).encode()


def test_the_shared_database_holds_no_plaintext_personal_data(hall, shared_url):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    first_syncs(shared_url, w1, w2)
    for n in PEOPLE:
        ws = w1 if n % 2 else w2
        d = draft(ws, [FOOD], applicant(n))
        if n == PEOPLE[0]:
            d.agent = AgentDraft("白玉兰", AGENT_ID)
            d.received[AGENT_MATERIAL] = 1  # an agent brings the letter of authorisation
        intake.accept(ws, clerk(ws), d, on=DAY)
    # A changed phone at the other window: the overwritten value travels (encrypted) too.
    intake.accept(w1, clerk(w1), draft(w1, [FOOD], applicant(PEOPLE[0], phone_no=4321)), on=DAY)
    converge([w1, w2], shared_url)
    raw = _shared_text(shared_url)
    assert len(raw) > 50_000
    secrets = [resident(n) for n in PEOPLE] + [phone(n) for n in PEOPLE] + [AGENT_ID, phone(4321)]
    for secret in secrets:
        assert secret.encode() not in raw, f"{secret} is in the shared database in plaintext"
        assert secret.encode("utf-16-le") not in raw
    assert "保康镇民主街".encode() not in raw, "addresses are encrypted too"
    # What may travel does: masks for display, names, and the ciphertexts themselves.
    assert f"{phone(PEOPLE[1])[:3]}****{phone(PEOPLE[1])[-4:]}".encode() in raw
    assert b"v1:" in raw
