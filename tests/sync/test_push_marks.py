"""The shared scrub's and seal's marks, moved by the push past its own rows.

After a full push the next sync must not read the pushed rows again for either mark; rows
another workstation placed meanwhile stay below the marks and are still scrubbed; a push killed
inside a batch's transaction or right after its commit leaves the marks with the rows that
committed, never past them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, delete, event

from hall_desk.domain.roles import SYSTEM_ACTOR
from hall_desk.sync import SyncOptions, SyncProgress, sync_once
from hall_desk.sync.push import sealed_mark
from hall_desk.sync.scrub import MARK as SCRUB_MARK
from hall_desk.sync.shared import SharedDatabase, parse_location, shared_meta
from tests.sync.helpers import bulk_cases, insert_shared_rows, shared_rows, sync
from tests.sync.test_faults import _peer, child_sync
from tests.sync.test_scrub_shared import _holds_old_data, _old_applicant


def _marks(url: str, origin: str = "W1") -> tuple[int | None, int | None]:
    """(the scrub's position, the seal's seq for `origin`), None where there is none."""
    shared = SharedDatabase(parse_location(url))
    try:
        with shared.reading() as conn:
            values = dict(conn.execute(shared_meta.select()).all())
    finally:
        shared.close()
    found = values.get(SCRUB_MARK), values.get(sealed_mark(origin))
    return tuple(int(v) if v is not None else None for v in found)  # type: ignore[return-value]


@contextmanager
def _statements() -> Iterator[list[str]]:
    """Every statement SQLAlchemy sends to any database while the block runs."""
    seen: list[str] = []

    def note(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append(" ".join(str(statement).split()))

    event.listen(Engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", note)


def _mark_scans(statements: list[str]) -> list[str]:
    """The reads of shared event rows for the scrub (its old-shape filter) and for the seal
    (own rows without a MAC)."""
    return [
        s
        for s in statements
        if s.startswith("SELECT")
        and "FROM hall_sync_events" in s
        and ("LIKE" in s or "hall_sync_events.mac =" in s)
    ]


def test_a_push_moves_both_marks_past_its_rows_and_the_next_sync_reads_none_of_them(
    hall, shared_url
):
    w1 = hall.ws("W1")
    bulk_cases(w1, 20, start=900)
    report = sync(w1, shared_url, push_batch=15)
    rows = shared_rows(shared_url)
    assert report.pushed == len(rows) > 2 * 15
    assert _marks(shared_url) == (rows[-1][0], rows[-1][3])
    with _statements() as seen:
        again = sync(w1, shared_url)
    assert (again.pushed, again.pulled) == (0, 0)
    assert seen, "the statements are seen"
    assert _mark_scans(seen) == []

    # Without the marks the same sync reads the rows for both, and puts the marks where the
    # push had put them.
    shared = SharedDatabase(parse_location(shared_url))
    try:
        with shared.writing() as conn:
            conn.execute(
                delete(shared_meta).where(shared_meta.c.key.in_([SCRUB_MARK, sealed_mark("W1")]))
            )
    finally:
        shared.close()
    with _statements() as seen:
        sync(w1, shared_url)
    assert len(_mark_scans(seen)) == 2
    assert _marks(shared_url) == (rows[-1][0], rows[-1][3])
    with _statements() as seen:
        sync(w1, shared_url)
    assert _mark_scans(seen) == []


def test_rows_another_workstation_places_between_two_batches_keep_the_scrub_mark_below_them(
    hall, shared_url
):
    w1, w2 = hall.ws("W1"), hall.ws("W2")
    sync(w1, shared_url)
    before = len(shared_rows(shared_url))
    bulk_cases(w1, 20, start=920)
    old = _old_applicant(w1, 7, 1, origin="W3")  # an old release's row, signed by no one
    cut_in: list[int] = []

    def after_first_batch(p: SyncProgress) -> None:
        if p.phase == "push" and p.done and not cut_in:
            insert_shared_rows(shared_url, [old])
            cut_in.append(len(shared_rows(shared_url)))

    sync_once(w1, SYSTEM_ACTOR, shared_url, after_first_batch, options=SyncOptions(push_batch=15))
    rows = shared_rows(shared_url)
    at = next(r[0] for r in rows if r[1] == old["id"])
    assert before + 15 < at < rows[-1][0], "the old row sits between W1's batches"
    scrub, seal = _marks(shared_url)
    assert scrub == at - 1, "the scrub's mark stops below the row it has not read"
    assert seal == max(r[3] for r in rows if r[2] == "W1"), "W1's own seqs are all sealed"
    # The next sync of any workstation scrubs it, and only then moves the mark to the top.
    sync(w2, shared_url)
    scrubbed = {r[1]: r for r in shared_rows(shared_url)}[old["id"]]
    assert not _holds_old_data(scrubbed[9]) and json.loads(scrubbed[9])["v"] == 2
    assert _marks(shared_url)[0] == len(shared_rows(shared_url))


def test_a_push_killed_inside_a_batch_leaves_the_marks_with_the_committed_batches(hall, shared_url):
    w1 = hall.ws("W1")
    bulk_cases(w1, 30, start=950)
    # Held inside the second batch's shared transaction, after its rows and marks were sent.
    with child_sync(w1.home.path, shared_url, "push.before_commit:2") as child:
        child.kill()
    rows = shared_rows(shared_url)
    assert len(rows) == 20 and _peer(w1).pushed_seq == 20
    assert _marks(shared_url) == (20, 20)
    report = sync(w1, shared_url)
    rows = shared_rows(shared_url)
    assert report.pushed == len(rows) - 20
    assert _marks(shared_url) == (rows[-1][0], rows[-1][3])
    with _statements() as seen:
        sync(w1, shared_url)
    assert _mark_scans(seen) == []


def test_a_push_killed_after_a_commit_before_its_acknowledgement_keeps_marks_and_rows_together(
    hall, shared_url
):
    w1 = hall.ws("W1")
    bulk_cases(w1, 30, start=980)
    with child_sync(w1.home.path, shared_url, "push.after_commit") as child:
        child.kill()
    assert len(shared_rows(shared_url)) == 20 and _peer(w1).pushed_seq == 0
    assert _marks(shared_url) == (20, 20), "the marks committed with the batch"
    # The batch is sent again (the shared database skips it) and the rest follows it.
    sync(w1, shared_url)
    rows = shared_rows(shared_url)
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert _marks(shared_url) == (rows[-1][0], rows[-1][3])
    with _statements() as seen:
        sync(w1, shared_url)
    assert _mark_scans(seen) == []
