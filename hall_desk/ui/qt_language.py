"""Qt's own words (确定/取消/保存, the file, print and message dialogs) in Chinese.

Qt's `qt_zh_CN.qm` is only a meta catalog: it names a catalog per Qt module and loads nothing
unless every one of them is present. The wheel ships some of them (qtbase, qtdeclarative…) and
not others (qtmultimedia), so the meta catalog never loads and the dialogs stay English. The
module catalogs are loaded one by one instead: those this program's windows show.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hall_desk.assets import resources_dir

# qtbase holds the widgets, the file and message dialogs and the print support.
QT_CATALOGS = ("qtbase",)
CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


def qt_translations_dir() -> Path:
    """Where the installed Qt keeps its catalogs (inside the PySide6 package, and inside the
    packaged program at the same place relative to PySide6)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def catalog_files(folder: Path | None = None, locale: QLocale = CHINESE) -> list[Path]:
    """The catalog files for `locale` that exist, in QT_CATALOGS order."""
    folder = folder if folder is not None else qt_translations_dir()
    found = []
    for name in QT_CATALOGS:
        path = folder / f"{name}_{locale.name()}.qm"
        if path.is_file():
            found.append(path)
    return found


def gaps_file(locale: QLocale = CHINESE) -> Path:
    """The few labels the shipped catalog lacks (resources/translations/qt_gaps_<locale>.ts)."""
    return resources_dir() / "translations" / f"qt_gaps_{locale.name()}.qm"


def load_qt_catalogs(app: QCoreApplication, locale: QLocale = CHINESE) -> list[QTranslator]:
    """Loaded translators for Qt's own strings (not yet installed), in installation order;
    none when no catalog exists for the locale."""
    loaded: list[QTranslator] = []
    for path in catalog_files(locale=locale):
        translator = QTranslator(app)
        if translator.load(str(path)):
            loaded.append(translator)
    gaps = QTranslator(app)
    if loaded and gaps.load(str(gaps_file(locale))):
        loaded.append(gaps)  # installed after the catalog: Qt asks it first
    return loaded


def bundled_qt_catalogs() -> list[tuple[str, str]]:
    """(file, folder in the package) for the PyInstaller spec: each catalog goes where the
    packaged Qt looks, the same place relative to PySide6 as in the installed wheel."""
    import PySide6

    package = Path(PySide6.__file__).parent
    folder = qt_translations_dir()
    target = Path("PySide6") / folder.relative_to(package)
    return [(str(path), target.as_posix()) for path in catalog_files(folder)]
