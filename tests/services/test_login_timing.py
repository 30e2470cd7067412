"""A refused login takes as long for an unknown name as for a known one: names stay secret."""

from __future__ import annotations

import time

import pytest
from argon2 import PasswordHasher

from hall_desk.services import users
from tests.conftest import STAFF_PASSWORD


def _refusal_seconds(ws, username: str) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    with pytest.raises(users.LoginRefused):
        users.login(ws, username, "wrong-password-1")
    return time.perf_counter() - started


def test_unknown_and_known_names_cost_the_same(ws, admin, clerk, monkeypatch):
    # Production cost, so that the difference would be plain: ~0.4 s against ~0.01 s before.
    strong = PasswordHasher()
    monkeypatch.setattr(users, "_hasher", strong)
    users._decoy_hash.cache_clear()
    users.change_password(ws, admin, "clerk1", STAFF_PASSWORD + "x")
    users._decoy_hash()  # made once per process, like the real program after its first refusal
    known = min(_refusal_seconds(ws, "clerk1") for _ in range(2))
    unknown = min(_refusal_seconds(ws, "nobody") for _ in range(2))
    assert unknown > 0.5 * known, (unknown, known)
    users._decoy_hash.cache_clear()


def test_an_unknown_name_never_logs_in_even_with_the_decoy_password(ws):
    with pytest.raises(users.LoginRefused):
        users.login(ws, "nobody", "decoy-password-for-unknown-users")
