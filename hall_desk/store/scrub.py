"""Old personal data out of records written before the birth year and the narrow mask (0004).

Homes made before revision 0004 hold `applicant.recorded` events at version 1 (the full birth
date) and masks in the wide form 150521********1234 in applicant, case and delivery events and
in the audit log's reveal entries. Beside the birth year kept today, the wide mask leaves about
33 candidate numbers, and beside the birth date exactly one (domain/identity.py, above
mask_resident_id). Folding already narrows them on the way into the tables; the records
themselves are rewritten here, locally (migration 0006), in the shared database
(`hall_desk.sync.scrub`) and in the quarantine of pulled events.

What a scrub may change, and nothing else: a version-1 applicant payload becomes its version-2
form (the birth date gives way to its year, as the registered upcaster says), and every value
under a key ending in `id_masked` is narrowed as `remask_resident_id` narrows it. Both only
drop information, both are deterministic (every workstation that scrubs the same event gets the
same bytes, hence the same MAC), and scrubbing a scrubbed record changes nothing.

An event is re-sealed only when its MAC still holds: a scrub never lends a valid MAC to an
event that was edited without the key. An audit entry keeps its hash (the chain and every
anchor stay as they are); its original detail is kept encrypted beside it, and `audit.verify`
checks that the visible detail is exactly the scrub of that original and that the original
gives the stored hash, so "scrubbed" cannot cover any other change.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, text

from hall_desk.domain.errors import StorageError
from hall_desk.domain.identity import remask_resident_id
from hall_desk.store.eventlog import MAC_FIELDS, VERSION_KEY, dumps, event_mac, mac_ok

# Kinds whose older payload versions carried personal data their upcasters drop: their stored
# payloads are replaced by the current version. (Other kinds keep their version: an upcaster
# that renames a key is applied on reading and has no reason to rewrite the log.)
UPCAST_KINDS = ("applicant.recorded",)
# The version each of them is brought to: the one that dropped the personal data, not whatever
# is current (applicant.recorded v3 only added keys), so every scrubber writes the same bytes.
UPCAST_TO = {"applicant.recorded": 2}
MASK_SUFFIX = "id_masked"
# The field name binding the encrypted original detail of a scrubbed audit entry.
AUDIT_ORIGINAL_FIELD = "audit_detail_original"


def _narrowed(value: Any) -> Any:
    """The value with every `…id_masked` string inside it narrowed (the same object if none)."""
    if isinstance(value, dict):
        out = {
            k: (
                remask_resident_id(v)
                if isinstance(k, str) and k.endswith(MASK_SUFFIX) and isinstance(v, str)
                else _narrowed(v)
            )
            for k, v in value.items()
        }
        return value if all(out[k] is value[k] for k in value) else out
    if isinstance(value, list):
        items = [_narrowed(v) for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return value


def scrub_payload(kind: str, payload: Any) -> Any:
    """The payload without the old personal data (the same object when it holds none)."""
    if not isinstance(payload, dict):
        return payload
    # Here, not at the top: the registry maps every projected table, and the audit chain (which
    # every command opens) needs only this module's checks of a scrubbed detail.
    from hall_desk.store import event_kinds

    registered = event_kinds.get(kind)
    if registered is None:
        return payload  # a newer program's kind: its writer already wrote the narrow form
    version = version_of(payload)
    if version > registered.version:
        return payload  # likewise a newer program's version of a known kind
    body = payload
    target = UPCAST_TO.get(kind, 0)
    if kind in UPCAST_KINDS and version < target:
        body = {k: v for k, v in payload.items() if k != VERSION_KEY}
        while version < target:
            body = registered.upcasters[version](body)
            version += 1
        body = {**body, VERSION_KEY: target}
    return _narrowed(body)


def version_of(payload: dict[str, Any]) -> int:
    version = payload.get(VERSION_KEY, 1)
    return version if isinstance(version, int) and not isinstance(version, bool) else 1


def scrubbed_text(kind: str, payload: str) -> str | None:
    """The payload text scrubbed, or None when there is nothing to remove (or it is no JSON)."""
    try:
        body = json.loads(payload)
    except (TypeError, ValueError):
        return None
    try:
        clean = scrub_payload(kind, body)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # a payload its own kind cannot read is left for the checks to report
    if clean is body:
        return None
    text = dumps(clean)
    return None if text == payload else text


@dataclass(frozen=True)
class _Fields:
    """The MAC's fields of one event, the payload replaced."""

    values: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class Scrubbed:
    payload: str
    mac: str  # "" when the event had no valid MAC (it stays refused wherever it is checked)


def scrub_event(key: bytes, event: Any) -> Scrubbed | None:
    """The scrubbed payload and its MAC, or None when the event has nothing to remove or its
    MAC fails (a forged event is left as it is, the evidence of the forgery).

    `event` has the MAC_FIELDS and `mac` as attributes. An event without any MAC (a shared row
    from before MACs that no workstation vouched for) is scrubbed and stays without one."""
    payload = scrubbed_text(event.kind, event.payload)
    if payload is None:
        return None
    if not getattr(event, "mac", ""):
        return Scrubbed(payload, "")
    if not mac_ok(key, event):
        return None
    fields = {name: getattr(event, name) for name in MAC_FIELDS}
    fields["payload"] = payload
    return Scrubbed(payload, event_mac(key, _Fields(fields)))


def scrub_detail(detail: str) -> str | None:
    """An audit entry's detail scrubbed, or None when there is nothing to remove."""
    try:
        body = json.loads(detail)
    except (TypeError, ValueError):
        return None
    clean = _narrowed(body)
    if clean is body:
        return None
    # As audit.new_entry writes details.
    text = json.dumps(clean, ensure_ascii=False, sort_keys=True)
    return None if text == detail else text


def original_detail_problem(
    detail: str, sealed_original: str, opener: Callable[[str, str], str] | None
) -> tuple[str | None, str]:
    """(the original detail, "") for a scrubbed audit entry, or (None, why it does not hold).

    The visible detail must be exactly the scrub of the original: nothing but the removed
    characters may differ."""
    if opener is None:
        return None, "为脱敏记录，校验需要大厅密钥"
    try:
        original = opener(AUDIT_ORIGINAL_FIELD, sealed_original)
    except (StorageError, ValueError, TypeError):  # the sealed original was tampered with
        return None, "的脱敏原文无法解密（被改动或来自其他大厅）"
    if scrub_detail(original) != detail:
        return None, "的内容与其脱敏原文不符（脱敏之外还有改动）"
    return original, ""


# --- which rows to look at ---------------------------------------------------------------------
# A filter the database applies, so that only rows that may hold old data travel (the shared
# database is read over the network; a full read of it at every upgrade would double a sync).
# It may let through rows with nothing to remove (scrub_event decides), never miss one: a
# version-1 payload of an upcast kind carries no version marker, and a wide mask is six
# characters, eight stars and four characters under a `…id_masked` key (one release writes all
# the masks of one payload, so a payload with a wide mask holds no narrow one). Payloads are
# written by eventlog.dumps (no spaces); `_` matches any one character.
_MASKED_KEY = f'%{MASK_SUFFIX}":"'
WIDE_LIKE = _MASKED_KEY + "_" * 6 + "*" * 8 + "_" * 4 + '"%'
NARROW_LIKE = _MASKED_KEY + "_" * 6 + "*" * 10 + "_" * 2 + '"%'
VERSIONED_LIKE = f'%"{VERSION_KEY}":%'


def may_hold_old_data(kind: Any, payload: Any) -> Any:
    """The filter as an SQL expression on two columns (SQLAlchemy Core)."""
    return or_(
        and_(kind.in_(UPCAST_KINDS), ~payload.like(VERSIONED_LIKE)),
        and_(payload.like(WIDE_LIKE), ~payload.like(NARROW_LIKE)),
    )


# --- the local database ----------------------------------------------------------------------
# Plain SQL on a connection: the migration (Alembic's connection) and the sync (a session's)
# both use these.

_PAGE = 2000
# Where the local scrub of events stopped (the highest rowid scrubbed): events pulled later in
# the old shape (pushed by a workstation not yet upgraded) are scrubbed from there on.
EVENTS_MARK = "scrubbed_events_rowid"
# Only these can hold old personal data: a version-1 applicant, or a mask.


_KINDS_SQL = ", ".join(f"'{k}'" for k in UPCAST_KINDS)
_CANDIDATE = (
    f"((kind IN ({_KINDS_SQL}) AND payload NOT LIKE '{VERSIONED_LIKE}')"
    f" OR (payload LIKE '{WIDE_LIKE}' AND payload NOT LIKE '{NARROW_LIKE}'))"
)


@dataclass
class ScrubCount:
    events: int = 0  # rewritten and re-sealed (or, without any MAC, rewritten)
    forged: int = 0  # holding old personal data but with a failing MAC: left as they are
    quarantined: int = 0  # refused pulled events kept for a retry
    audit_entries: int = 0

    def __bool__(self) -> bool:
        return bool(self.events or self.forged or self.quarantined or self.audit_entries)

    def detail(self) -> dict[str, int]:
        return {
            "events": self.events,
            "forged_left": self.forged,
            "quarantined": self.quarantined,
            "audit_entries": self.audit_entries,
        }


@dataclass(frozen=True)
class _Row:
    """An event row read by its columns (the quarantine names its id `event_id`)."""

    id: str
    origin: str
    seq: int
    hlc: str
    actor: str
    kind: str
    entity_type: str
    entity_id: str
    payload: str
    mac: str


def scrub_events(
    conn: Any, key: bytes, count: ScrubCount, since_rowid: int = 0, *, besides: str = ""
) -> int:
    """Scrubs every event after `since_rowid` (but those of origin `besides`, when given);
    returns the highest rowid looked at."""
    columns = ", ".join(MAC_FIELDS)
    last = since_rowid
    # The origin is compared first: a row it rules out costs no look at its payload.
    others = "origin != :besides AND " if besides else ""
    while True:
        rows = conn.execute(
            text(
                f"SELECT rowid AS r, {columns}, mac FROM events WHERE rowid > :last AND"
                f" {others}{_CANDIDATE} ORDER BY rowid LIMIT {_PAGE}"
            ),
            {"last": last, "besides": besides},
        ).all()
        if not rows:
            top = conn.execute(text("SELECT max(rowid) FROM events")).scalar()
            return max(last, int(top or 0))
        updates = []
        for row in rows:
            event = _Row(*(getattr(row, c) for c in (*MAC_FIELDS, "mac")))
            done = scrub_event(key, event)
            if done is not None:
                updates.append({"p": done.payload, "m": done.mac, "i": row.id})
            elif scrubbed_text(event.kind, event.payload) is not None:
                count.forged += 1
        if updates:
            conn.execute(text("UPDATE events SET payload = :p, mac = :m WHERE id = :i"), updates)
            count.events += len(updates)
        last = int(rows[-1].r)


def events_to_scrub(conn: Any, since_rowid: int, *, besides: str = "") -> tuple[bool, int]:
    """(whether an event after `since_rowid`, but those of origin `besides`, may hold old data;
    the highest rowid), read on one snapshot: the look before a scrub that usually finds
    nothing to write."""
    others = "origin != :besides AND " if besides else ""
    found = conn.execute(
        text(f"SELECT 1 FROM events WHERE rowid > :last AND {others}{_CANDIDATE} LIMIT 1"),
        {"last": since_rowid, "besides": besides},
    ).first()
    top = conn.execute(text("SELECT max(rowid) FROM events")).scalar()
    return found is not None, int(top or 0)


def scrub_quarantine(conn: Any, key: bytes, count: ScrubCount) -> None:
    """Refused pulled events kept whole for a retry (a clock far ahead) hold payloads too."""
    rows = conn.execute(
        text(
            "SELECT event_id AS id, origin, seq, hlc, actor, kind, entity_type, entity_id,"
            f" payload, mac FROM sync_refused_events WHERE payload != '' AND {_CANDIDATE}"
        )
    ).all()
    updates = []
    for row in rows:
        done = scrub_event(key, _Row(*row))
        if done is not None:
            updates.append({"p": done.payload, "m": done.mac, "i": row.id})
        elif scrubbed_text(row.kind, row.payload) is not None:
            # Not the hall's event (its MAC fails): its retry will be refused anyway, and the
            # quarantine keeps no personal data of an event that is not the hall's.
            updates.append({"p": "", "m": "", "i": row.id})
    if updates:
        conn.execute(
            text("UPDATE sync_refused_events SET payload = :p, mac = :m WHERE event_id = :i"),
            updates,
        )
        count.quarantined += len(updates)


def scrub_audit(conn: Any, seal: Callable[[str, str], str], count: ScrubCount) -> None:
    """Audit details with a wide mask: narrowed, the original kept sealed (`seal` encrypts)."""
    rows = conn.execute(
        text(
            "SELECT seq, detail FROM audit_log WHERE scrubbed_original = ''"
            f" AND detail LIKE '%{MASK_SUFFIX}%'"
        )
    ).all()
    updates = []
    for seq, detail in rows:
        clean = scrub_detail(detail)
        if clean is not None:
            updates.append({"d": clean, "o": seal(AUDIT_ORIGINAL_FIELD, detail), "s": seq})
    if updates:
        conn.execute(
            text("UPDATE audit_log SET detail = :d, scrubbed_original = :o WHERE seq = :s"),
            updates,
        )
        count.audit_entries += len(updates)


def read_mark(conn: Any) -> int:
    value = conn.execute(text("SELECT value FROM meta WHERE key = :k"), {"k": EVENTS_MARK}).scalar()
    try:
        return int(value or 0)
    except ValueError:
        return 0


def write_mark(conn: Any, rowid: int) -> None:
    conn.execute(
        text("INSERT OR REPLACE INTO meta (key, value) VALUES (:k, :v)"),
        {"k": EVENTS_MARK, "v": str(rowid)},
    )
