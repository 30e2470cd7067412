"""What `make dist` ships around the program, checked without building it (PyInstaller takes
minutes; `make dist` builds and smoke-tests the real thing): the .deb's layout and control file,
the desktop entry, and the PyInstaller spec."""

from __future__ import annotations

import ast
import configparser
import runpy
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

import pytest

import hall_desk

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))
import build_deb  # noqa: E402

needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read(PACKAGING / "hall-desk.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_names_the_program_in_chinese_with_icon_and_menu():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "政务服务中心前台"
    assert entry["Name[zh_CN]"] == "政务服务中心前台"
    assert entry["Exec"] == "hall-desk"
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    assert entry["Icon"] == "hall-desk"
    assert (ROOT / "resources" / "icons" / "hall-desk.png").is_file()


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb around a stand-in of the PyInstaller folder (a script and a library folder)."""
    program = tmp_path_factory.mktemp("program") / "hall-desk"
    (program / "_internal").mkdir(parents=True)
    (program / "hall-desk").write_text("#!/bin/sh\necho hall-desk\n", encoding="utf-8")
    (program / "hall-desk").chmod(0o700)
    (program / "_internal" / "base_library.zip").write_bytes(b"zip")
    return build_deb.build(program, tmp_path_factory.mktemp("out"))


def _dpkg_deb(*args: str | Path) -> str:
    return subprocess.run(
        ["dpkg-deb", *map(str, args)], capture_output=True, text=True, check=True
    ).stdout


@needs_dpkg
def test_the_deb_is_named_and_versioned_from_the_package(deb):
    arch = build_deb.architecture()
    assert deb.name == f"hall-desk_{hall_desk.__version__}_{arch}.deb"
    fields = dict(line.split(": ", 1) for line in _dpkg_deb("-f", deb).splitlines() if ": " in line)
    assert fields["Package"] == "hall-desk"
    assert fields["Version"] == hall_desk.__version__
    assert fields["Architecture"] == arch
    depends = fields["Depends"].split(", ")
    assert {"libegl1", "libxcb-icccm4", "fontconfig"} <= set(depends)
    assert "fonts-noto-cjk" in fields["Recommends"]


@needs_dpkg
def test_the_deb_installs_under_opt_with_a_command_a_menu_entry_and_an_icon(deb):
    listing = {}
    for line in _dpkg_deb("-c", deb).splitlines():
        mode, owner, _size, _day, _time, name = line.split(None, 5)
        listing[name.split(" -> ")[0].removeprefix(".")] = (mode, owner, name)
    assert listing["/opt/hall-desk/hall-desk"][0] == "-rwxr-xr-x"
    assert listing["/opt/hall-desk/_internal/base_library.zip"][0] == "-rw-r--r--"
    link = listing["/usr/bin/hall-desk"]
    assert link[0].startswith("l") and link[2].endswith("-> /opt/hall-desk/hall-desk")
    assert "/usr/share/applications/hall-desk.desktop" in listing
    assert "/usr/share/icons/hicolor/256x256/apps/hall-desk.png" in listing
    assert "/usr/share/doc/hall-desk/CHANGELOG.md" in listing
    # Root's files, writable by root only: nothing runs as root, nothing writes beside itself.
    for mode, owner, _ in listing.values():
        assert owner == "root/root"
        assert mode.startswith("l") or mode[8] != "w", mode


@needs_dpkg
def test_removing_the_deb_runs_nothing_and_so_keeps_every_users_data(deb, tmp_path):
    _dpkg_deb("-e", deb, tmp_path / "control")
    scripts = sorted(p.name for p in (tmp_path / "control").iterdir())
    assert scripts == ["control", "md5sums"] or scripts == ["control"]


# --- the PyInstaller spec ----------------------------------------------------------------------

LOADERS = {"resource", "resources_dir", "forms_dir", "load_form"}


def run_spec(*, windows: bool) -> dict[str, object]:
    """The spec run as PyInstaller runs it, with stand-ins recording what it asks for."""
    recorded: dict[str, object] = {"exes": []}

    def analysis(scripts, **kwargs):  # type: ignore[no-untyped-def]
        recorded.update(kwargs, scripts=scripts)
        return SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[])

    def exe(*_args, **kwargs):  # type: ignore[no-untyped-def]
        recorded["exes"].append(kwargs)  # type: ignore[union-attr]
        return kwargs["name"]

    def collect(*args, **kwargs):  # type: ignore[no-untyped-def]
        recorded["collect"] = (args, kwargs)

    spec = PACKAGING / "hall-desk.spec"
    runpy.run_path(
        str(spec),
        init_globals={
            "SPECPATH": str(spec.parent),
            "TARGET_WINDOWS": windows,
            "Analysis": analysis,
            "PYZ": lambda *_a, **_k: None,
            "EXE": exe,
            "COLLECT": collect,
        },
    )
    return recorded


def bundled_files(datas: list[tuple[str, str]]) -> set[str]:
    """Where each file of the spec's data list lands in the bundle, relative to its root."""
    files = set()
    for source, dest in datas:
        path = Path(source)
        if path.is_dir():
            for file in path.rglob("*"):
                if file.is_file() and "__pycache__" not in file.parts:
                    files.add((PurePosixPath(dest) / file.relative_to(path).as_posix()).as_posix())
        else:
            files.add((PurePosixPath(dest) / path.name).as_posix())
    return {f.removeprefix("./") for f in files}


def _loader_name(call: ast.Call) -> str | None:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    return name if name in LOADERS else None


def _pattern(node: ast.expr) -> str:
    """A path part as a glob: a literal as itself, an f-string's holes as '*', a name as '*'."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "*" for v in node.values)
    return "*"


@cache
def loaded_paths() -> tuple[tuple[str, str], ...]:
    """(module, glob under the bundle's root) for every place the program loads a resource or
    a form: resource("a", f"{x}.qss"), resources_dir() / "a" / "b", forms_dir() / f"{n}.ui",
    load_form("login")."""
    found = []
    for module in sorted((ROOT / "hall_desk").rglob("*.py")):
        tree = ast.parse(module.read_text("utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            name = _loader_name(call)
            if name is None or module.name == "assets.py":
                continue
            if name == "load_form":
                parts = ["forms", f"{_pattern(call.args[0])}.ui"] if call.args else ["forms", "*"]
            elif name == "resource":
                parts = ["resources", *(_pattern(a) for a in call.args)]
            else:
                parts = ["resources" if name == "resources_dir" else "forms"]
                node: ast.AST = call
                while isinstance(parents.get(node), ast.BinOp) and isinstance(
                    parents[node].op,
                    ast.Div,  # type: ignore[attr-defined]
                ):
                    node = parents[node]
                    parts.append(_pattern(node.right))  # type: ignore[attr-defined]
            if len(parts) == 1:
                parts.append("*")
            found.append((module.relative_to(ROOT).as_posix(), "/".join(parts)))
    return tuple(found)


def test_the_loader_walk_finds_every_kind_of_call():
    """The walk below is only as good as what it finds: the known loaders must all be there."""
    paths = dict.fromkeys(p for _, p in loaded_paths())
    for expected in (
        "resources/catalog/catalog.json",
        "resources/calendar/overrides.csv",
        "resources/themes/*.qss",
        "resources/translations",
        "forms/*.ui",
        "resources/icons/hall-desk.png",
    ):
        assert expected in paths, sorted(paths)


def test_the_spec_bundles_every_file_the_program_loads():
    bundle = bundled_files(run_spec(windows=False)["datas"])  # type: ignore[arg-type]
    for module, pattern in loaded_paths():
        matched = list(ROOT.glob(pattern))
        # A folder (translations_dir()) stands for every file in it.
        files = [f for m in matched for f in ([m] if m.is_file() else m.rglob("*")) if f.is_file()]
        in_checkout = [f.relative_to(ROOT).as_posix() for f in files]
        assert in_checkout, f"{module} loads {pattern}, which matches no file in the checkout"
        missing = [p for p in in_checkout if p not in bundle]
        assert not missing, f"{module} loads {pattern}: not in the spec's datas: {missing}"
    # And the other way: every file of resources/ and forms/ ships (a new icon, a new form).
    for folder in ("resources", "forms"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file():
                assert path.relative_to(ROOT).as_posix() in bundle
    assert "hall_desk/store/migrations/env.py" in bundle
    assert "hall_desk/store/migrations/versions/0001_initial_schema.py" in bundle
    assert "CHANGELOG.md" in bundle


def test_the_spec_makes_a_windowed_program_and_on_windows_a_command_line_one_beside_it():
    linux = run_spec(windows=False)
    (window,) = linux["exes"]  # type: ignore[misc]
    assert window["name"] == "hall-desk" and window["console"] is False
    windows = run_spec(windows=True)
    names = {e["name"]: e for e in windows["exes"]}  # type: ignore[union-attr]
    assert names["hall-desk"]["console"] is False
    assert names["hall-desk-cli"]["console"] is True
    for exe in names.values():
        assert Path(exe["icon"]).suffix == ".ico" and Path(exe["icon"]).is_file()
        resource = Path(exe["version"]).read_text("utf-8")
        assert f"StringStruct('ProductVersion', '{hall_desk.__version__}')" in resource
        assert "StringStruct('ProductName', '政务服务中心前台')" in resource
    args, kwargs = windows["collect"]  # type: ignore[misc]
    programs = {a for a in args if isinstance(a, str)}
    assert programs == {"hall-desk", "hall-desk-cli"} and kwargs["name"] == "hall-desk"


# --- the Windows installer ---------------------------------------------------------------------


def inno_script() -> str:
    return (PACKAGING / "windows" / "hall-desk.iss").read_text("utf-8")


def test_the_installer_is_chinese_per_machine_with_shortcuts_and_an_optional_nightly_sync():
    script = inno_script()
    setup = dict(
        line.split("=", 1)
        for line in script.split("[Setup]")[1].split("\n[")[0].splitlines()
        if "=" in line and not line.startswith(";")
    )
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["DefaultDirName"] == "{autopf}\\hall-desk"
    assert setup["OutputBaseFilename"] == "hall-desk-setup-{#AppVersion}"
    assert (PACKAGING / "windows" / setup["SetupIconFile"].replace("\\", "/")).resolve().is_file()
    assert (PACKAGING / "windows" / setup["InfoAfterFile"].replace("\\", "/")).resolve().is_file()
    assert 'MessagesFile: "compiler:Languages\\ChineseSimplified.isl"' in script
    assert "{autoprograms}\\{#AppName}" in script
    assert "{autodesktop}\\{#AppName}" in script
    assert '#define AppName "政务服务中心前台"' in script
    # The nightly sync is a task the installer offers, unchecked, run by the command-line program.
    tasks = script.split("[Tasks]")[1].split("\n[")[0]
    assert "nightlysync" in tasks and "Flags: unchecked" in tasks.split("nightlysync")[1]
    assert "-Execute '{app}\\{#CliExe}' -Argument 'sync'" in script
    assert "Unregister-ScheduledTask" in script.split("[UninstallRun]")[1]
    # No data is written by the installer nor removed by the uninstaller: it lives per user.
    assert "{localappdata}" not in script.lower()
    assert "[UninstallDelete]" not in script


def test_the_installer_takes_its_version_from_the_program_it_packs():
    script = inno_script()
    assert (
        'GetStringFileInfo(AddBackslash(SourcePath) + Program + "\\" + AppExe, "ProductVersion")'
        in (script)
    )
    assert '#define Program "..\\..\\dist\\hall-desk"' in script
