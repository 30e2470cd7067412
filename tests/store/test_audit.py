"""全程留痕: the chain holds for honest use and breaks at the first tampered entry."""

from __future__ import annotations

import sqlite3

from hall_desk.services import cases, intake
from hall_desk.services.integrity import verify_audit
from tests.conftest import TODAY
from tests.services.helpers import draft_for

FOOD = "011050007001"


def _fill(ws, clerk):  # type: ignore[no-untyped-def]
    for _ in range(4):
        intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)


def _tamper(ws, sql: str) -> None:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(ws.home.db_path)
    con.execute(sql)
    con.commit()
    con.close()


def test_honest_chain_verifies(ws, clerk):
    _fill(ws, clerk)
    report = verify_audit(ws)
    assert report.ok and report.entries >= 6


def test_every_change_and_unmask_is_audited(ws, clerk):
    before = verify_audit(ws).entries
    result = intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    cases.unmask(ws, clerk, result.case_id, "id_number", reason="核对身份")
    with ws.reading() as s:
        from sqlalchemy import select

        from hall_desk.store.models import AuditEntry

        rows = list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
    assert len(rows) == before + 2
    assert rows[-2].action == "intake.accept" and rows[-2].target == result.case_no
    assert rows[-1].action == "pii.unmask" and rows[-1].actor == "clerk1"
    assert "id_number" in rows[-1].detail and "150521" not in rows[-1].detail


def test_edited_entry_is_named(ws, clerk):
    _fill(ws, clerk)
    _tamper(ws, "UPDATE audit_log SET actor = 'someone' WHERE seq = 4")
    report = verify_audit(ws)
    assert report.broken_at == 4 and "改动" in report.problem


def test_deleted_entry_is_found(ws, clerk):
    _fill(ws, clerk)
    _tamper(ws, "DELETE FROM audit_log WHERE seq = 3")
    report = verify_audit(ws)
    assert report.broken_at == 4 and "缺少第 3 条" in report.problem


def test_reordered_entries_are_found(ws, clerk):
    _fill(ws, clerk)
    _tamper(ws, "UPDATE audit_log SET seq = -1 WHERE seq = 3")
    _tamper(ws, "UPDATE audit_log SET seq = 3 WHERE seq = 4")
    _tamper(ws, "UPDATE audit_log SET seq = 4 WHERE seq = -1")
    report = verify_audit(ws)
    assert report.broken_at == 3


def test_rechained_forgery_without_the_key_fails(ws, clerk):
    """Recomputing plain SHA-256 links is not enough: links are keyed with the hall key."""
    import hashlib

    _fill(ws, clerk)
    con = sqlite3.connect(ws.home.db_path)
    rows = con.execute("SELECT seq, hash FROM audit_log ORDER BY seq").fetchall()
    forged = hashlib.sha256(b"forged").hexdigest()
    con.execute("UPDATE audit_log SET hash = ? WHERE seq = ?", (forged, rows[1][0]))
    con.execute("UPDATE audit_log SET prev_hash = ? WHERE seq = ?", (forged, rows[2][0]))
    con.commit()
    con.close()
    assert verify_audit(ws).broken_at == 2


# --- the anchor: what the chain alone cannot show ------------------------------------------


def test_deleting_the_newest_entries_is_found(ws, clerk):
    _fill(ws, clerk)
    total = verify_audit(ws).entries
    _tamper(ws, f"DELETE FROM audit_log WHERE seq > {total - 2}")
    report = verify_audit(ws)
    assert not report.ok
    assert f"应至少有 {total} 条，现仅有 {total - 2} 条" in report.problem


def test_emptying_the_audit_log_is_found(ws, clerk):
    _fill(ws, clerk)
    _tamper(ws, "DELETE FROM audit_log")
    report = verify_audit(ws)
    assert not report.ok and "记录末尾缺失" in report.problem


def test_a_rewritten_chain_does_not_match_the_anchor(ws, clerk):
    # Without the hall key nobody can re-hash the chain; with a different key the anchor's MAC
    # and hash no longer fit. Here: the last entry replaced by an older one's content.
    _fill(ws, clerk)
    total = verify_audit(ws).entries
    _tamper(
        ws,
        f"UPDATE audit_log SET hash = (SELECT hash FROM audit_log WHERE seq = 1) "
        f"WHERE seq = {total}",
    )
    assert not verify_audit(ws).ok


def test_a_missing_or_forged_anchor_is_reported(ws, clerk):
    _fill(ws, clerk)
    ws.anchors.flush()  # written in the background: nothing may land after the forgery
    anchor = ws.home.audit_anchor_path
    text = anchor.read_text(encoding="ascii")
    anchor.write_text(text.replace('"seq": ', '"seq": 1'), encoding="ascii")
    assert "校验码不符" in verify_audit(ws).problem
    anchor.unlink()
    assert "锚点文件缺失" in verify_audit(ws).problem


def test_the_anchor_follows_every_audited_change(ws, clerk):
    _fill(ws, clerk)
    assert verify_audit(ws).ok
    intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)
    assert verify_audit(ws).ok
    ws.anchors.flush()
    assert (ws.home.audit_anchor_path.stat().st_mode & 0o777) == 0o600


# --- the anchor also covers the workstation's own events ----------------------------------


def _audit_verify(ws, capsys):  # type: ignore[no-untyped-def]
    from hall_desk.cli import main

    code = main(["--home", str(ws.home.path), "audit", "verify"])
    out = capsys.readouterr()
    return code, out.out, out.err


def _last_own_seq(ws) -> int:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(ws.home.db_path)
    (seq,) = con.execute("SELECT max(seq) FROM events WHERE origin = ?", (ws.code,)).fetchone()
    con.close()
    return int(seq)


def test_deleting_the_newest_own_events_is_reported_by_audit_verify(ws, clerk, capsys):
    _fill(ws, clerk)
    code, out, err = _audit_verify(ws, capsys)
    assert code == 0 and "事件校验码完整" in out and err == ""
    last = _last_own_seq(ws)
    # What is left is gapless and every MAC holds: only the anchor knows more was there.
    _tamper(ws, f"DELETE FROM events WHERE origin = '{ws.code}' AND seq > {last - 3}")
    code, out, err = _audit_verify(ws, capsys)
    assert code == 1 and out == ""
    assert f"本工作站（{ws.code}）的事件末尾缺失" in err
    assert f"至少到第 {last} 号，现仅到第 {last - 3} 号（最后 3 条事件被删除" in err
    assert "留痕链已被破坏" not in err  # the audit entries themselves were not touched


def test_a_deleted_tail_written_over_with_new_events_is_reported(ws, clerk):
    from hall_desk.services.integrity import verify_events

    _fill(ws, clerk)
    last = _last_own_seq(ws)
    # The newest event deleted, then the same seq taken by an event signed with the key: the
    # count matches again, the id the anchor recorded does not.
    con = sqlite3.connect(ws.home.db_path)
    with con:
        con.execute(
            "UPDATE events SET id = '00000000-0000-7000-8000-000000000000' "
            "WHERE origin = ? AND seq = ?",
            (ws.code, last),
        )
    con.close()
    check = verify_events(ws)
    assert not check.ok and f"第 {last} 号事件与留痕锚点记载的不是同一条" in check.problem


def test_events_without_an_audit_entry_move_the_anchor(ws, clerk):
    from hall_desk.services.integrity import verify_events
    from hall_desk.store import audit

    _fill(ws, clerk)
    with ws.transaction(clerk) as tx:  # a transaction that emits and does not audit
        tx.emit("calendar.year_covered", "calendar_year", "2031", {"note": ""})
    anchor = ws.read_anchor()
    assert isinstance(anchor, audit.Anchor) and anchor.event_seq == _last_own_seq(ws)
    assert verify_events(ws).ok
    _tamper(ws, f"DELETE FROM events WHERE origin = '{ws.code}' AND seq = {anchor.event_seq}")
    assert verify_events(ws).tail_broken


def test_an_anchor_file_from_before_event_tips_is_still_read(ws, clerk):
    import hashlib
    import hmac
    import json

    from hall_desk.services.integrity import verify_events
    from hall_desk.store import audit

    _fill(ws, clerk)
    current = ws.read_anchor()
    assert isinstance(current, audit.Anchor)
    mac = hmac.new(
        ws.key.audit_key, f"audit-anchor:{current.seq}:{current.hash}".encode(), hashlib.sha256
    ).hexdigest()
    ws.home.audit_anchor_path.write_text(
        json.dumps({"seq": current.seq, "hash": current.hash, "mac": mac}), encoding="ascii"
    )
    assert verify_audit(ws).ok and verify_events(ws).ok
    intake.accept(ws, clerk, draft_for(ws, [FOOD]), on=TODAY)  # the next change writes v2
    upgraded = ws.read_anchor()
    assert isinstance(upgraded, audit.Anchor) and upgraded.event_seq == _last_own_seq(ws)
