"""Creating a home: a new hall, or a new workstation joining a hall with its key file."""

from __future__ import annotations

import csv
import logging
import shutil
from collections.abc import Callable
from pathlib import Path

from hall_desk.assets import resource
from hall_desk.domain.clock import SYSTEM_CLOCK, WallClock
from hall_desk.domain.errors import StorageError, ValidationError
from hall_desk.domain.roles import SYSTEM_ACTOR, Actor, Permission, Role
from hall_desk.domain.text import clean_hall_name, clean_window_name
from hall_desk.services import calendar as calendar_service
from hall_desk.services import catalog, users
from hall_desk.services.home import (
    Home,
    HomeConfig,
    check_output_path,
    normalize_workstation_code,
)
from hall_desk.services.settings import emit_hall_name
from hall_desk.services.workstation import Workstation
from hall_desk.store.db import Database, refuse_network_path
from hall_desk.store.files import create_private, make_private_dir
from hall_desk.store.keys import HallKey
from hall_desk.store.migrate import OpeningProgram, upgrade
from hall_desk.store.models import Meta

log = logging.getLogger(__name__)


def init_home(
    home: Home,
    *,
    hall: str,
    workstation: str,
    window: str = "",
    hall_key_file: Path | None = None,
    admin: tuple[str, str, str] | None = None,  # (username, display name, password)
    demo: bool = False,
    wall: WallClock = SYSTEM_CLOCK,
) -> Workstation:
    """All or nothing: on any error the folder is left as it was found."""
    if home.is_initialised():
        raise ValidationError("home", f"{home.path} 已经初始化过，不会覆盖")
    hall = clean_hall_name(hall)
    window = clean_window_name(window)
    code = normalize_workstation_code(workstation)
    if admin is not None:
        users.check_new_user(admin[0], admin[1], admin[2])
    key = HallKey.read(hall_key_file) if hall_key_file else HallKey.generate()
    refuse_network_path(home.db_path)
    if home.init_interrupted():
        # Killed half-way: nothing in it was ever used (no login, no sync), so start over.
        for path in home.files_of_init():
            path.unlink(missing_ok=True)
    if home.db_path.exists() or home.key_path.exists():
        raise ValidationError("home", f"{home.path} 中已有数据库或密钥文件，不会覆盖")
    created_dir = not home.path.exists()
    try:
        make_private_dir(home.path)
        create_private(home.init_marker_path).close()
        key.write(home.key_path)
        db = Database(home.db_path)
        try:
            upgrade(db.write_engine, program=OpeningProgram(key, code, wall.now()))
            with db.write() as s:
                s.add(Meta(key="hall_key_fingerprint", value=key.fingerprint))
                s.add(Meta(key="hall", value=hall))
                s.add(Meta(key="workstation", value=code))
                s.add(Meta(key="created_on", value=wall.today().isoformat()))
        finally:
            db.close()
        home.save_config(HomeConfig(hall=hall, workstation=code, window=window.strip(), demo=demo))
        ws = Workstation(home, wall, initialising=True)
        try:
            if hall_key_file is None:
                # A new hall starts from its name and what the program ships (the catalog, the
                # calendar days) for every workstation that joins it later. One that joins takes
                # all three from its first sync: its own would be newer than the hall's and
                # replace, at every workstation, what the hall's admin has made of them.
                with ws.transaction(SYSTEM_ACTOR) as tx:
                    emit_hall_name(tx, hall)
                catalog.import_catalog(ws, SYSTEM_ACTOR, catalog.bundled_catalog())
                calendar_service.seed_overrides(ws, SYSTEM_ACTOR, bundled_overrides())
            if admin is not None:
                users.create_user(ws, SYSTEM_ACTOR, admin[0], admin[1], Role.ADMIN, admin[2])
            ws.anchors.flush()  # a whole home has its anchor on disk
            home.init_marker_path.unlink()  # the last step: from here on the home is whole
        except BaseException as failure:
            # Closing also raises what the anchor writer kept (a write refused by the disk the
            # failed step may have met too): the step's error is still the one to see.
            _clean_up(failure, ws.close, "closing the new workstation")
            raise
        return ws
    except BaseException as failure:
        for path in home.files_of_init():
            _clean_up(failure, lambda p=path: p.unlink(missing_ok=True), f"removing {path}")
        if created_dir:
            shutil.rmtree(home.path, ignore_errors=True)
        raise


def _clean_up(failure: BaseException, step: Callable[[], object], what: str) -> None:
    """One step of the clean-up after a failed init. Should it fail as well, it is logged and
    noted on `failure`, which is what the caller must see (the reason the home was not made),
    and the clean-up goes on with its next step."""
    try:
        step()
    except Exception as exc:
        log.error("init clean-up: %s failed: %s", what, exc, exc_info=exc)
        failure.add_note(f"while cleaning up, {what} failed too: {exc}")


def bundled_overrides() -> list[dict[str, str]]:
    """The calendar overrides shipped in resources/ (local holidays, known closures)."""
    path = resource("calendar", "overrides.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(line for line in fh if not line.startswith("#"))]
    for r in rows:
        if r.get("kind") not in ("holiday", "workday", "year"):
            raise StorageError(f"{path} 中的类型「{r.get('kind')}」无效")
    return rows


def export_hall_key(ws: Workstation, actor: Actor, out: Path) -> None:
    """A copy of the hall key for another workstation of the same hall (owner-only file).

    The key opens every applicant's personal data: only an admin takes it, and it is audited."""
    actor.require(Permission.MANAGE_SETTINGS)
    ws.require_writable()  # the export is audited: refused before the key file exists
    # The key usually goes to a fresh folder on a USB stick: create it, owner-only.
    out.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    check_output_path(out)
    ws.key.write(out)
    try:
        with ws.transaction(actor) as tx:
            tx.audit("hall_key.export", str(out), {"fingerprint": ws.key.fingerprint})
    except BaseException:
        out.unlink(missing_ok=True)  # no copy of the key without its trace
        raise
