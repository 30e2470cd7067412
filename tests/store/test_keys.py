"""The hall key file and the protection of personal data it provides."""

from __future__ import annotations

import os
import stat

import pytest

from hall_desk.domain.errors import StorageError
from hall_desk.store.keys import HallKey


def test_key_file_is_owner_only_and_round_trips(tmp_path):
    key = HallKey.generate()
    path = tmp_path / "hall.key"
    key.write(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = HallKey.read(path)
    assert again.fingerprint == key.fingerprint
    token = key.encrypt("phone", "13904751234")
    assert again.decrypt("phone", token) == "13904751234"


def test_existing_key_file_is_never_overwritten(tmp_path):
    path = tmp_path / "hall.key"
    HallKey.generate().write(path)
    before = path.read_bytes()
    with pytest.raises(StorageError, match="已存在"):
        HallKey.generate().write(path)
    assert path.read_bytes() == before


def test_world_readable_key_is_refused(tmp_path):
    path = tmp_path / "hall.key"
    HallKey.generate().write(path)
    os.chmod(path, 0o644)
    with pytest.raises(StorageError, match="权限过宽"):
        HallKey.read(path)


def test_corrupt_and_foreign_files_are_refused(tmp_path):
    path = tmp_path / "hall.key"
    path.write_text("not a key\n")
    os.chmod(path, 0o600)
    with pytest.raises(StorageError, match="不是 hall-desk 大厅密钥文件"):
        HallKey.read(path)
    with pytest.raises(StorageError, match="找不到"):
        HallKey.read(tmp_path / "missing.key")


def test_ciphertext_is_randomised_and_bound_to_its_field():
    key = HallKey.generate()
    a = key.encrypt("id_number", "150521198001011234")
    b = key.encrypt("id_number", "150521198001011234")
    assert a != b, "the same ID encrypts differently each time (random nonce)"
    assert "150521198001011234" not in a
    with pytest.raises(StorageError, match="无法解密"):
        key.decrypt("phone", a)  # an ID ciphertext cannot pass as a phone
    with pytest.raises(StorageError, match="无法解密"):
        HallKey.generate().decrypt("id_number", a)  # another hall's key


def test_blind_index_is_deterministic_per_hall_and_field():
    key = HallKey.generate()
    assert key.blind_index("id_number", "X") == key.blind_index("id_number", "X")
    assert key.blind_index("id_number", "X") != key.blind_index("phone", "X")
    assert key.blind_index("id_number", "X") != HallKey.generate().blind_index("id_number", "X")
    assert len(key.blind_index("phone", "13904751234")) == 32


def test_derived_keys_are_cryptographys_hkdf_sha256():
    """The keys derived with the standard library are those cryptography's HKDF gives: every
    hall's existing ciphertexts, indexes, audit links and event MACs still verify."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    from hall_desk.store.keys import _derive

    for master in (bytes(32), bytes(range(32)), os.urandom(32)):
        for purpose in (b"hall-desk/pii-encryption", b"hall-desk/blind-index", b"x" * 100):
            theirs = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose)
            assert _derive(master, purpose) == theirs.derive(master)
    key = HallKey(bytes(range(32)))
    # As the program wrote them before: a change to the derivation cannot pass unnoticed.
    assert key.fingerprint == "bcde69415ee3e6c7"
    assert key.blind_index("phone", "13904751234") == "59ea7b63bb92746ca0ef92019f0aa0bc"
    assert key.decrypt("phone", key.encrypt("phone", "13904751234")) == "13904751234"
