"""The hall key: AES-GCM for personal data at rest, HMAC blind indexes, the audit and event MACs."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import stat
import sys
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from hall_desk.domain.errors import StorageError

KEY_HEADER = "hall-desk hall key v1"
CIPHER_PREFIX = "v1:"

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def _derive(master: bytes, purpose: bytes) -> bytes:
    """HKDF-SHA256 (RFC 5869) without a salt, one 32-byte block: the keys cryptography's HKDF
    derives (a test compares them), with the standard library's HMAC. Opening a workstation
    then loads no cryptography (its OpenSSL is 8 MB of the window's resident memory) until
    personal data is sealed or opened (`_aead`)."""
    extracted = hmac.new(bytes(hashlib.sha256().digest_size), master, hashlib.sha256).digest()
    return hmac.new(extracted, purpose + b"\x01", hashlib.sha256).digest()


class HallKey:
    """Shared by every workstation of a hall; the shared database never sees the plaintext."""

    def __init__(self, master: bytes) -> None:
        if len(master) != 32:
            raise StorageError("大厅密钥长度错误，应为 32 字节")
        self._master = master
        self._index_key = _derive(master, b"hall-desk/blind-index")
        self.audit_key = _derive(master, b"hall-desk/audit-chain")
        # Its own label: a MAC made for one purpose (an audit link) never passes for an event's.
        self.event_key = _derive(master, b"hall-desk/event-mac")
        self._openers: dict[str, Callable[[str], str]] = {}  # by field, made when first used
        # Stored in the database so that a workstation started with another hall's key stops.
        self.fingerprint = hmac.new(self._index_key, b"fingerprint", hashlib.sha256).hexdigest()[
            :16
        ]

    @cached_property
    def _aead(self) -> AESGCM:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        return AESGCM(_derive(self._master, b"hall-desk/pii-encryption"))

    @classmethod
    def generate(cls) -> HallKey:
        return cls(os.urandom(32))

    # -- personal data -------------------------------------------------------------------
    def encrypt(self, field: str, plaintext: str) -> str:
        nonce = os.urandom(12)
        # The field name is bound as associated data: a phone ciphertext cannot pass as an ID.
        sealed = self._aead.encrypt(nonce, plaintext.encode("utf-8"), field.encode())
        return CIPHER_PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def decrypt(self, field: str, token: str) -> str:
        opener = self._openers.get(field)
        if opener is None:
            opener = self._openers[field] = self.opener(field)
        return opener(token)

    def opener(self, field: str) -> Callable[[str], str]:
        """`decrypt` for one field, made once: a ledger opens tens of thousands of values, and
        the lookups made for each (the cipher, the field's bytes, the error class) were half
        the cost of opening one."""
        from cryptography.exceptions import InvalidTag

        decrypt, associated, skip = self._aead.decrypt, field.encode(), len(CIPHER_PREFIX)
        b64decode = base64.b64decode

        def open_value(token: str) -> str:
            if not token.startswith(CIPHER_PREFIX):
                raise StorageError("个人信息密文格式无法识别")
            raw = b64decode(token[skip:])
            try:
                return decrypt(raw[:12], raw[12:], associated).decode("utf-8")
            except InvalidTag as exc:
                raise StorageError("个人信息无法解密：大厅密钥不符或数据已损坏") from exc

        return open_value

    def blind_index(self, field: str, normalized: str) -> str:
        """Exact-match search key: equal inputs give equal indexes, nothing else is revealed."""
        mac = self._index_state.copy()
        mac.update(f"{field}\x1f{normalized}".encode())
        return mac.hexdigest()[:32]

    @cached_property
    def _index_state(self) -> hmac.HMAC:
        # The keyed state made once and copied per value: the key's padding is not hashed again
        # for every ID and phone number a bulk intake indexes.
        return hmac.new(self._index_key, digestmod=hashlib.sha256)

    # -- key file ------------------------------------------------------------------------
    def export_text(self) -> str:
        return f"{KEY_HEADER}\n{base64.b64encode(self._master).decode('ascii')}\n"

    def write(self, path: Path) -> None:
        """Write with owner-only permissions from the first byte (no window for other readers)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
        try:
            fd = os.open(path, flags, 0o600)
        except FileExistsError as exc:
            raise StorageError(f"密钥文件已存在，未覆盖：{path}") from exc
        try:
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(self.export_text())
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            path.unlink(missing_ok=True)  # a full disk leaves no empty key file
            raise

    @classmethod
    def read(cls, path: Path, *, check_permissions: bool = True) -> HallKey:
        if not path.exists():
            raise StorageError(f"找不到大厅密钥文件：{path}")
        if check_permissions and sys.platform != "win32":
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode & 0o077:
                raise StorageError(
                    f"大厅密钥文件 {path} 的权限过宽（{oct(mode)}），其他用户可以读取；"
                    f"请执行 chmod 600 后重试"
                )
        lines = path.read_text(encoding="ascii", errors="replace").split()
        text = " ".join(lines)
        if not text.startswith(KEY_HEADER):
            raise StorageError(f"{path} 不是 hall-desk 大厅密钥文件")
        try:
            master = base64.b64decode(lines[-1], validate=True)
        except (ValueError, IndexError) as exc:
            raise StorageError(f"大厅密钥文件 {path} 已损坏") from exc
        return cls(master)
