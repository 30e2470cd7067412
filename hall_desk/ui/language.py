"""The window's language (设置 → 界面语言): 跟随系统, 中文 or English, switched without a restart.

The source strings are Chinese, so 中文 means no translator at all; English installs
resources/translations/hall_desk_en.qm; 跟随系统 loads the system locale's catalog if one is
bundled. Qt's own words (确定/取消/保存, ui/qt_language.py) follow: Chinese while the window is,
Qt's English source otherwise. Widgets built before a switch keep their texts: the caller
rebuilds the main window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from hall_desk.assets import resources_dir

SYSTEM, CHINESE, ENGLISH = "system", "zh", "en"
CHOICES = (SYSTEM, CHINESE, ENGLISH)
SETTING = "language"

_installed: list[QTranslator] = []  # the one in use; Qt drops a translator Python collected
_qt_words: list[QTranslator] = []  # Qt's own Chinese catalogs, while the window is Chinese
_choice: list[str] = []  # the choice in force, if any was applied


def translations_dir() -> Path:
    return resources_dir() / "translations"


def choice_of(extra: dict) -> str:
    value = str(extra.get(SETTING, SYSTEM))
    return value if value in CHOICES else SYSTEM


def load_translation(app: QCoreApplication, locale: QLocale) -> QTranslator | None:
    """resources/translations/hall_desk_<locale>.qm (e.g. _en_US, then _en), loaded, or None.

    Only the locale itself is tried, not Qt's list of fallback UI languages: the source strings
    are Chinese, so a Chinese desktop that also lists English must stay in Chinese.
    """
    name = locale.name()  # "en_US"; "C" for the C locale
    for candidate in dict.fromkeys((name, name.split("_")[0])):
        path = translations_dir() / f"hall_desk_{candidate}.qm"
        if path.is_file():
            translator = QTranslator(app)
            if translator.load(str(path)):
                return translator
    return None


def current() -> str | None:
    return _choice[0] if _choice else None


def apply(app: QCoreApplication, choice: str) -> bool:
    """Installs the translator for `choice` (removing the previous one); True when the choice
    differs from the one in force, i.e. when the windows must be rebuilt."""
    choice = choice if choice in CHOICES else SYSTEM
    if _choice and _choice[0] == choice:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    translator = None
    if choice == ENGLISH:
        translator = load_translation(app, QLocale(QLocale.Language.English))
    elif choice == SYSTEM:
        translator = load_translation(app, QLocale.system())
    if translator is not None:
        app.installTranslator(translator)
        _installed.append(translator)
    # No translator: the window shows its Chinese source, and Qt's dialogs speak Chinese too.
    _set_qt_words(app, chinese=translator is None)
    changed = bool(_choice)
    _choice[:] = [choice]
    set_display_name(app)
    return changed


def _set_qt_words(app: QCoreApplication, chinese: bool) -> None:
    from hall_desk.ui.qt_language import load_qt_catalogs

    if chinese and not _qt_words:
        for translator in load_qt_catalogs(app):
            app.installTranslator(translator)
            _qt_words.append(translator)
    elif not chinese:
        for translator in _qt_words:
            app.removeTranslator(translator)
        _qt_words.clear()


def set_display_name(app: QCoreApplication) -> None:
    from PySide6.QtGui import QGuiApplication

    if isinstance(app, QGuiApplication):
        app.setApplicationDisplayName(QCoreApplication.translate("Application", "政务服务中心前台"))
