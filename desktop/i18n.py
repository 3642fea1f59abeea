"""UI language: which one to use, and installing its compiled Qt Linguist catalogue.

Sources are `resources/translations/timtin_<lang>.ts`; the `.qm` next to them is what loads.
After changing UI strings: `pyside6-lupdate desktop/*.py -locations none -no-obsolete -ts
resources/translations/timtin_vi.ts` (and `-pluralonly` for timtin_en.ts), translate, then
`pyside6-lrelease resources/translations/*.ts`.  tests/desktop/test_i18n.py checks all three.
Qt's own strings (buttons, the text fields' context menus, the file dialog) come from Qt's
`qtbase_<lang>.qm` where Qt ships one; PySide6 has none for Vietnamese, so
`timtin_qt_vi.ts` holds those (Qt's exact contexts and sources), compiled the same way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from index import logger
from index.paths import resources_dir

log = logger(__name__)

# Language names are shown in their own language, so they are never translated.
LANGUAGES: dict[str, str] = {"vi": "Tiếng Việt", "en": "English"}
FALLBACK = "en"
QT_CATALOGUE = "timtin_qt"  # our catalogue of Qt's own strings, for languages Qt lacks


def translations_dir() -> Path:
    """Where the .ts sources and compiled .qm catalogues live."""
    return resources_dir() / "translations"


def system_language(locale: QLocale | None = None) -> str:
    """The UI language for a locale: Vietnamese for a Vietnamese locale, otherwise English."""
    locale = locale if locale is not None else QLocale.system()
    if locale.language() == QLocale.Language.Vietnamese:
        return "vi"
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return FALLBACK


def resolve(choice: str) -> str:
    """The language to load for a saved choice ('' means follow the system)."""
    return choice if choice in LANGUAGES else system_language()


class Translations:
    """Owns the translators installed on the application; `apply` switches language live.

    Installing a translator makes Qt send a LanguageChange event to every widget, which
    re-sets its texts (see `retranslate` in the widgets).
    """

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = FALLBACK

    def remove(self) -> None:
        """Uninstall this object's translators (the UI falls back to the English sources)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()

    def apply(self, choice: str) -> str:
        """Install the catalogues of `choice` ('' follows the system); the language loaded."""
        language = resolve(choice)
        self.remove()

        ours = QTranslator(self._app)
        if ours.load(f"timtin_{language}", str(translations_dir())):
            self._installed.append(ours)
        else:
            log.warning("no compiled translation for %r in %s", language, translations_dir())

        # Qt's own strings (standard buttons, context menus, file dialog): Qt's catalogue when
        # the Qt build ships one, else ours (English needs none: Qt's sources are English).
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_base = QTranslator(self._app)
        if qt_base.load(f"qtbase_{language}", qt_dir) or qt_base.load(
            f"{QT_CATALOGUE}_{language}", str(translations_dir())
        ):
            self._installed.append(qt_base)

        for translator in self._installed:
            self._app.installTranslator(translator)
        self.language = language
        QLocale.setDefault(
            QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
        )
        log.info("UI language: %s", language)
        return language
