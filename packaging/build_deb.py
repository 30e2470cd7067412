"""Wraps the PyInstaller one-folder program (dist/hall-desk/) in a .deb for 统信 UOS, 麒麟 Kylin and
Debian, on the machine's own architecture (amd64, arm64):

  python packaging/build_deb.py dist/hall-desk --out dist      (part of `make dist`)

The package holds the program in /opt/hall-desk, a `hall-desk` command in /usr/bin (a link), the
desktop entry 政务服务中心前台 with its icon, and the changelog. Nothing in it runs as root at run
time and it has no maintainer scripts: the data of each person stays in their own data folder
(~/.local/share/hall-desk, the program's default home), which removing or purging the package
never touches.

Standard library only, so that any Python can run it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "hall-desk"
PREFIX = Path("opt") / PACKAGE
# What the bundled Qt needs of the system and PyInstaller leaves out (checked with ldd over the
# bundle): the C library, OpenGL/EGL, the X and Wayland client libraries, and fc-list, through
# which the printed notices find a Chinese font.
DEPENDS = [
    "libc6",
    "libegl1",
    "libgl1",
    "libdrm2",
    "libxcb1",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "fontconfig",
]
RECOMMENDS = ["fonts-noto-cjk | fonts-wqy-microhei | fonts-arphic-uming"]
SUGGESTS = ["libgtk-3-0"]  # the GTK look on GNOME-like desktops; Qt's own look without it


def version() -> str:
    text = (ROOT / "hall_desk" / "__init__.py").read_text("utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, flags=re.MULTILINE)
    if found is None:
        raise SystemExit("hall_desk/__init__.py has no __version__")
    return found.group(1)


def architecture() -> str:
    done = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def control(version: str, arch: str, installed_kb: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: hall-desk maintainers <hall-desk@localhost>\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        f"Suggests: {', '.join(SUGGESTS)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: 政务服务中心前台 (county government service hall front desk)\n"
        " 一窗受理、咨询登记、材料流转、统一出件、办不成事与投诉、统计报表。\n"
        " Each window's workstation works offline on its own database and syncs with\n"
        " the hall's shared database every night. Data stays in each user's own data\n"
        " folder (~/.local/share/hall-desk) and is kept when the package is removed.\n"
    )


def _size_kb(folder: Path) -> int:
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return (total + 1023) // 1024


def stage(program: Path, tree: Path) -> None:
    """Lays the package's files out under `tree`, as they will be on the disk."""
    target = tree / PREFIX
    shutil.copytree(program, target, symlinks=True)
    # Readable by everyone, writable by root only: the program never writes beside itself.
    for path in [target, *target.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or os.access(path, os.X_OK)
        path.chmod(0o755 if executable else 0o644)
    bin_dir = tree / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / PACKAGE).symlink_to(Path("/") / PREFIX / PACKAGE)
    apps = tree / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "hall-desk.desktop", apps / "hall-desk.desktop")
    icons = tree / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
    icons.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "hall-desk.png", icons / "hall-desk.png")
    docs = tree / "usr" / "share" / "doc" / PACKAGE
    docs.mkdir(parents=True)
    shutil.copy(ROOT / "CHANGELOG.md", docs / "CHANGELOG.md")
    for path in [*apps.parent.rglob("*"), *docs.parent.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def build(program: Path, out: Path) -> Path:
    if not (program / PACKAGE).is_file():
        raise SystemExit(f"no program at {program / PACKAGE}: run pyinstaller first (make dist)")
    ver, arch = version(), architecture()
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{ver}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="hall-desk-deb-") as scratch:
        tree = Path(scratch) / "root"
        tree.mkdir(mode=0o755)
        stage(program, tree)
        meta = tree / "DEBIAN"
        meta.mkdir(mode=0o755)
        (meta / "control").write_text(control(ver, arch, _size_kb(tree)), encoding="utf-8")
        (meta / "control").chmod(0o644)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(tree), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the hall-desk .deb")
    parser.add_argument("program", type=Path, help="the PyInstaller folder (dist/hall-desk)")
    parser.add_argument("--out", type=Path, default=Path("dist"), help="where the .deb goes")
    args = parser.parse_args(argv)
    print(build(args.program.resolve(), args.out.resolve()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
