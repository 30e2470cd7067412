"""A home folder: config, hall key and local database of one workstation."""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

from hall_desk.domain.errors import StorageError, ValidationError
from hall_desk.store.files import create_private

CONFIG_NAME = "config.json"
KEY_NAME = "hall.key"
DB_NAME = "local.sqlite3"
AUDIT_ANCHOR_NAME = "audit.anchor"
# Present from the first file `init` writes until its last step: a home holding it was never
# finished (the process was killed) and `init` may start it over.
INIT_MARKER_NAME = "init.incomplete"
APP_NAME = "hall-desk"
WORKSTATION_CODE = re.compile(r"^[A-Z0-9]{1,8}$")


def default_home(demo: bool = False) -> Path:
    base = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    # A demo never touches the real home, even when both live under the same user folder.
    return base / "demo" if demo else base


def resolve_home(arg: str | None, *, demo: bool = False) -> Path:
    if arg:
        return Path(arg).expanduser()
    env = os.environ.get("HALL_DESK_HOME")
    if env and not demo:
        return Path(env).expanduser()
    return default_home(demo)


def normalize_workstation_code(raw: str) -> str:
    code = raw.strip().upper()
    if not WORKSTATION_CODE.match(code):
        raise ValidationError(
            "workstation", f"工作站编码「{raw}」无效：应为 1–8 位大写字母或数字，如 W01"
        )
    return code


@dataclass
class HomeConfig:
    hall: str
    workstation: str
    window: str = ""
    demo: bool = False
    idle_lock_minutes: int = 10
    shared_url: str = ""
    sync_time: str = "02:00"
    extra: dict[str, object] = field(default_factory=dict)


# What each config field must be; a hand-edited file that breaks this is refused in words.
_CONFIG_TYPES: dict[str, type | tuple[type, ...]] = {
    "hall": str,
    "workstation": str,
    "window": str,
    "demo": bool,
    "idle_lock_minutes": int,
    "shared_url": str,
    "sync_time": str,
    "extra": dict,
}


def _checked_config(data: object, path: Path) -> HomeConfig:
    if not isinstance(data, dict):
        raise StorageError(f"配置文件 {path} 已损坏：内容应为一个对象（{{…}}）")
    known = {k: v for k, v in data.items() if k in _CONFIG_TYPES}
    for key in ("hall", "workstation"):
        if key not in known:
            raise StorageError(f"配置文件 {path} 已损坏：缺少「{key}」")
    for key, value in known.items():
        wanted = _CONFIG_TYPES[key]
        if not isinstance(value, wanted) or (wanted is int and isinstance(value, bool)):
            raise StorageError(f"配置文件 {path} 已损坏：「{key}」的值 {value!r} 类型不对")
    try:
        # The code is written into every event as its origin: it must be a real code.
        if normalize_workstation_code(known["workstation"]) != known["workstation"]:
            raise ValidationError("workstation", "")
    except ValidationError:
        raise StorageError(
            f"配置文件 {path} 中的工作站编码「{known['workstation']}」无效：应为 1–8 位大写字母"
            "或数字，如 W01"
        ) from None
    return HomeConfig(**known)


@dataclass(frozen=True)
class Home:
    path: Path

    @property
    def config_path(self) -> Path:
        return self.path / CONFIG_NAME

    @property
    def key_path(self) -> Path:
        return self.path / KEY_NAME

    @property
    def db_path(self) -> Path:
        return self.path / DB_NAME

    @property
    def audit_anchor_path(self) -> Path:
        return self.path / AUDIT_ANCHOR_NAME

    @property
    def log_dir(self) -> Path:
        return self.path / "logs"

    @property
    def init_marker_path(self) -> Path:
        return self.path / INIT_MARKER_NAME

    def init_interrupted(self) -> bool:
        return self.init_marker_path.exists()

    def is_initialised(self) -> bool:
        return self.config_path.exists() and not self.init_interrupted()

    def files_of_init(self) -> list[Path]:
        """Everything `init` writes, so an interrupted one can be cleared and started over."""
        main = [self.config_path, self.key_path, self.db_path, self.audit_anchor_path]
        extra = [Path(str(self.db_path) + s) for s in ("-wal", "-shm", "-journal")]
        return [*main, *extra, self.config_path.with_suffix(".tmp"), self.init_marker_path]

    def load_config(self) -> HomeConfig:
        if not self.config_path.exists():
            raise StorageError(f"{self.path} 尚未初始化，请先执行 hall-desk init")
        try:
            data = json.loads(self.config_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StorageError(f"配置文件 {self.config_path} 已损坏：{exc}") from exc
        return _checked_config(data, self.config_path)

    def save_config(self, config: HomeConfig) -> None:
        # Write-then-rename: a power cut leaves the old file or the new one, never half of one.
        tmp = self.config_path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        with create_private(tmp) as fh:
            fh.write(json.dumps(asdict(config), ensure_ascii=False, indent=2).encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.config_path)


def refuse_workstation_database(path: Path) -> None:
    """A shared database is never a workstation's own local database (this one's or another's):
    syncing into it would mix the hall's events into one workstation's private file."""
    target = Path(path).expanduser().absolute()
    if target.name.startswith(DB_NAME) and (target.parent / CONFIG_NAME).exists():
        raise ValidationError(
            "shared_url",
            f"{target} 是一个工作站自己的本地数据库，不能作为共享数据库："
            "请另选一个文件（如 hall-shared.sqlite3）或使用 PostgreSQL",
        )


def check_output_path(path: Path) -> None:
    """Files the program writes never replace an existing file (a key, a config, a ledger)."""
    if path.exists():
        raise ValidationError("out", f"{path} 已存在，不会覆盖；请换一个文件名")
    if not path.parent.is_dir():
        raise ValidationError("out", f"目录 {path.parent} 不存在")
