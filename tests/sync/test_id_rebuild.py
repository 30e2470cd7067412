"""No full ID number can be rebuilt from what the program stores in plaintext.

The attacker holds a copy of the local database, the shared database and their event payloads,
but not the hall key: ciphertexts and keyed blind indexes tell them nothing, every other value
is read. For each person (applicant, agent, proxy) they gather every value of every row and
payload that names that person (the person's applicant, case or delivery id, or a masked form
of the number), read each value as any birth fact it could be (a date, a year, a year-month,
a sex), and count the 18-character numbers that fit: the shown characters of every mask, a
plausible birth date, the facts, and the check character.

"Rebuilt" means fewer than REBUILT candidates remain. Without the hall key there is no offline
test of a guess (the blind index is a keyed hash), so each candidate costs a try at some outside
check (a real-name query, a phone call, a counter); a thousand tries for one person is within a
determined attacker's reach, ten thousand is not a quiet attack. The count is generous to the
attacker: among all the values of a person, the one that happens to be true is always taken.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hall_desk.domain.identity import resident_id_check_char
from hall_desk.services.demo import generate
from hall_desk.store.keys import CIPHER_PREFIX
from tests.sync.helpers import sync

END = date(2026, 11, 24)
REBUILT = 1000
EARLIEST_BIRTH = date(1900, 1, 1)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_MASK = re.compile(r"^[0-9Xx*]{18}$")


def _flatten(value: Any) -> Iterator[Any]:
    """Every scalar inside a value, JSON text opened up (payloads, audit details, history)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _flatten(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _flatten(v)
    elif isinstance(value, str) and value[:1] in "{[":
        try:
            opened = json.loads(value)
        except ValueError:
            yield value
        else:
            yield from _flatten(opened)
    else:
        yield value


def _records(db: Path) -> Iterator[tuple[str, list[Any]]]:
    """(table, every scalar of one row) for every row of every table of an SQLite file."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith("sqlite_")
        ]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                yield table, list(_flatten(list(row)))
    finally:
        conn.close()


@dataclass
class Person:
    number: str
    ids: set[str]  # applicant, case and delivery ids that name this person
    roles: set[str] = field(default_factory=set)
    values: list[Any] = field(default_factory=list)


def _shows(mask: str, number: str) -> bool:
    return len(mask) == len(number) and all(
        m == "*" or m.upper() == n for m, n in zip(mask, number, strict=True)
    )


@dataclass(frozen=True)
class Facts:
    """What the values of one person say about the number, keeping only the true ones."""

    shown: dict[int, str]
    birth: date | None
    year: int | None
    month: int | None
    odd_sex: bool | None  # the 17th digit is odd for 男


def _facts(person: Person) -> Facts:
    number = person.number
    truth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    shown: dict[int, str] = {}
    birth = year = month = None
    odd: bool | None = None
    for value in person.values:
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int):
            if value == truth.year:
                year = value
            continue
        if not isinstance(value, str) or value.startswith(CIPHER_PREFIX):
            continue
        if value.upper() == number:
            shown = dict(enumerate(number))
        elif _MASK.match(value) and "*" in value and _shows(value, number):
            shown.update({i: c.upper() for i, c in enumerate(value) if c != "*"})
        if (m := _DATE.match(value) or _COMPACT_DATE.match(value)) and tuple(
            map(int, m.groups())
        ) == (truth.year, truth.month, truth.day):
            birth = truth
        if (m := _YEAR_MONTH.match(value)) and tuple(map(int, m.groups())) == (
            truth.year,
            truth.month,
        ):
            year, month = truth.year, truth.month
        if value == str(truth.year):
            year = truth.year
        if value in ("男", "女") and (value == "男") == (int(number[16]) % 2 == 1):
            odd = value == "男"
    return Facts(shown, birth, year, month, odd)


# The check character depends on the 17 digits only through their weighted sum mod 11 (GB 11643:
# weight 2**(17-i) mod 11), so candidates are counted by residue instead of one by one.
_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]


def _residue(digits: str, start: int) -> int:
    return sum(int(c) * _WEIGHTS[start + k] for k, c in enumerate(digits)) % 11


def _check_by_residue() -> dict[int, str]:
    """The program's own check character for each residue (consistent, or the weights are wrong)."""
    table: dict[int, str] = {}
    for last_two in range(100):
        first17 = f"{'0' * 15}{last_two:02d}"
        check = resident_id_check_char(first17)
        assert table.setdefault(_residue(first17, 0), check) == check
    assert len(table) == 11
    return table


def _candidates(facts: Facts, until: date, limit: int) -> int:
    """How many numbers fit the facts (counting stops at `limit`)."""

    def options(i: int) -> str:
        if i in facts.shown:
            return facts.shown[i]
        if i == 16 and facts.odd_sex is not None:
            return "13579" if facts.odd_sex else "02468"
        return "0123456789"

    regions = [""]
    for i in range(6):
        regions = [r + d for r in regions for d in options(i)]
    serials = [a + b + c for a in options(14) for b in options(15) for c in options(16)]
    by_region = Counter(_residue(r, 0) for r in regions)
    by_serial = Counter(_residue(s, 14) for s in serials)
    check_of = _check_by_residue()
    count = 0
    day = facts.birth or EARLIEST_BIRTH
    last = facts.birth or until
    while day <= last:
        if (facts.year is None or day.year == facts.year) and (
            facts.month is None or day.month == facts.month
        ):
            born = f"{day:%Y%m%d}"
            if all(facts.shown.get(6 + i, c) == c for i, c in enumerate(born)):
                b = _residue(born, 6)
                for r, regions_here in by_region.items():
                    for s, serials_here in by_serial.items():
                        check = check_of[(r + b + s) % 11]
                        if facts.shown.get(17, check) == check:
                            count += regions_here * serials_here
                if count >= limit:
                    return limit
        day += timedelta(days=1)
    return count


def _people(db: Path, key: Any) -> list[Person]:
    """Every personal 18-character number on file, from the ciphertexts (the test has the key)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        by_number: dict[str, Person] = {}

        def person(role: str, cipher: str, *ids: str) -> None:
            number = key.decrypt("id_number", cipher)
            if len(number) == 18 and number[:17].isdigit():
                found = by_number.setdefault(number, Person(number, set()))
                found.ids.update(ids)
                found.roles.add(role)

        cases_of: dict[str, list[str]] = {}
        for case_id, applicant_id, agent_cipher in conn.execute(
            "SELECT id, applicant_id, agent_id_cipher FROM cases"
        ):
            cases_of.setdefault(applicant_id, []).append(case_id)
            if agent_cipher:
                person("agent", agent_cipher, case_id)
        for applicant_id, kind, cipher in conn.execute(
            "SELECT id, kind, id_cipher FROM applicants"
        ):
            if kind == "person":
                person("applicant", cipher, applicant_id, *cases_of.get(applicant_id, []))
        for delivery_id, case_id, kind, cipher in conn.execute(
            "SELECT id, case_id, recipient_kind, recipient_id_cipher FROM deliveries"
        ):
            if cipher:
                person("proxy" if kind == "proxy" else "applicant", cipher, delivery_id, case_id)
        return list(by_number.values())
    finally:
        conn.close()


def rebuilt_numbers(
    people_db: Path, databases: list[Path], key: Any, until: date, sample: int | None = None
) -> tuple[list[tuple[str, int, Facts]], list[Person]]:
    """(the numbers rebuilt from every plaintext value of `databases`, the people tried).

    The people are read from `people_db` (a workstation's local database) with the key; with
    `sample`, only that many of them are tried."""
    people = _people(people_db, key)[:sample]
    records = [r for db in databases for r in _records(db)]
    for _table, values in records:
        strings = {v for v in values if isinstance(v, str)}
        shown = [v for v in strings if _MASK.match(v) and "*" in v]
        for p in people:
            if strings & p.ids or any(_shows(v, p.number) for v in shown):
                p.values.extend(values)
    rebuilt = []
    for p in people:
        facts = _facts(p)
        assert facts.shown, f"{p.ids}: the person's masked number is on file"
        n = _candidates(facts, until, REBUILT)
        if n < REBUILT:
            rebuilt.append((p.number[:6], n, facts))
    return rebuilt, people


def tables_of(db: Path) -> set[str]:
    return {t for t, _ in _records(db)}


def test_no_full_id_number_can_be_rebuilt_from_stored_plaintext(hall, tmp_path: Path) -> None:
    w1 = hall.ws("W1")
    generate(w1, days=14, per_day=16, seed=7, end=END)
    shared = tmp_path / "shared" / "hall-shared.sqlite3"
    shared.parent.mkdir()
    sync(w1, str(shared))
    local = w1.home.db_path
    tables = tables_of(local) | tables_of(shared)
    assert {"applicants", "cases", "events", "deliveries"} <= tables
    assert any("event" in t for t in tables - {"events", "cases", "applicants", "deliveries"})
    rebuilt, people = rebuilt_numbers(local, [local, shared], w1.key, END)
    roles = {r for p in people for r in p.roles}
    assert len(people) > 40 and roles == {"applicant", "agent", "proxy"}, (len(people), roles)
    assert not rebuilt, (
        f"{len(rebuilt)} of {len(people)} numbers rebuilt from plaintext, e.g. {rebuilt[:3]}"
    )
