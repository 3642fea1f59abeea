"""Application setup and the entry points the CLI calls: run, screenshot, self-test.

Creates the QApplication (names, font, style sheet, translations, one excepthook) and the
main window; nothing here searches.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMessageLogContext,
    QSettings,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop.i18n import Translations
from desktop.main_window import MainWindow
from desktop.settings import Settings
from index import __version__, attach_log_file, logger
from index.paths import default_index_dir, log_dir, resources_dir

log = logger(__name__)

ORGANIZATION = "timtin"
APPLICATION = "timtin"
DISPLAY_NAME = "Tìm Tin"
BUNDLED_FAMILY = "Be Vietnam Pro"
# Letters a font must have to show Vietnamese: every vowel with every tone, and đ.
VIETNAMESE_SAMPLE = "ăâêôơưđĐắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữựýỳỷỹỵ"
SCREENSHOT_SIZE = (1280, 800)
WAIT_MS = 60_000


# Qt chatter that says nothing to a user: the offscreen platform cannot size native windows.
QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)
qt_log = logging.getLogger("timtin.desktop.qt")


# -- application setup --------------------------------------------------------------------


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's warnings go to our log, not straight to stderr."""
    if message in QUIET_QT_MESSAGES:
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    qt_log.log(level, "%s", message)


def _headless() -> bool:
    return sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def covers_vietnamese(font: QFont) -> bool:
    """True when `font` has every Vietnamese letter (every vowel with every tone, and đ)."""
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(ch)) for ch in VIETNAMESE_SAMPLE)


def load_bundled_fonts() -> list[str]:
    """Register the fonts in resources/fonts; the families they provide."""
    families: list[str] = []
    folder = resources_dir() / "fonts"
    for path in sorted(folder.glob("*.[ot]tf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def choose_font(app: QApplication) -> QFont:
    """Keep the platform's font when it has every Vietnamese letter, else use the bundled one."""
    families = load_bundled_fonts()
    font = app.font()
    if covers_vietnamese(font):
        return font
    if BUNDLED_FAMILY in families:
        bundled = QFont(BUNDLED_FAMILY, max(9, round(font.pointSizeF())))
        log.info(
            "platform font %r lacks Vietnamese letters; using %s", font.family(), BUNDLED_FAMILY
        )
        app.setFont(bundled)
        return bundled
    log.warning("no font with full Vietnamese coverage found")
    return font


def load_style_sheet(app: QApplication) -> None:
    """Apply resources/timtin.qss to `app`; without it the platform style stays."""
    path = resources_dir() / "timtin.qss"
    try:
        app.setStyleSheet(path.read_text(encoding="utf-8"))
    except OSError:
        log.warning("style sheet %s not found", path)


def app_icon() -> QIcon:
    """The window icon from resources/icons: every PNG size, else the SVG."""
    icons = resources_dir() / "icons"
    icon = QIcon()
    for path in sorted(icons.glob("timtin-*.png")):
        icon.addFile(str(path))
    if icon.isNull() and (icons / "timtin.svg").is_file():
        icon.addFile(str(icons / "timtin.svg"))
    return icon


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once; names, font, style sheet and icon set up."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if _headless() and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    qInstallMessageHandler(_qt_message)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName(DISPLAY_NAME)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    QGuiApplication.setDesktopFileName("timtin")
    choose_font(app)
    load_style_sheet(app)
    app.setWindowIcon(app_icon())
    return app


# -- errors -------------------------------------------------------------------------------


def install_excepthook(window_for_errors: Callable[[], object | None]) -> None:
    """Unexpected errors are logged and shown as a non-blocking message, never a dialog."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        log.critical("unexpected error", exc_info=(kind, exc, tb))
        window = window_for_errors()
        show = getattr(window, "show_error", None)
        if callable(show):
            details = "".join(traceback.format_exception(kind, exc, tb))
            message = QCoreApplication.translate(
                "MainWindow", "Something went wrong: %1. The details are in the log."
            ).replace("%1", str(exc) or kind.__name__)
            # A window already deleted raises RuntimeError; the log line is then enough.
            with contextlib.suppress(RuntimeError):
                show(message, details)

    sys.excepthook = hook


def _configure_logging() -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s: %(message)s"
        )
    attach_log_file(log_dir())  # "the details are in the log": this is the log


def _wait_for(signal: object, timeout_ms: int = WAIT_MS) -> bool:
    """Run the event loop until `signal` fires or time runs out; True if it fired."""
    loop = QEventLoop()
    fired: list[bool] = []

    def done(*_args: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(done)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(done)  # type: ignore[attr-defined]
    return bool(fired)


# -- entry points -------------------------------------------------------------------------


def run_app(index_dir: Path | None, *, query: str = "") -> int:
    """Open the window on `index_dir` (default: the user's index) and run until it closes."""
    _configure_logging()
    app = create_application()
    translations = Translations(app)
    settings = Settings()
    translations.apply(settings.language)

    window = MainWindow(
        Path(index_dir) if index_dir else default_index_dir(),
        settings,
        translations,
        restore_query=not query,
    )
    install_excepthook(lambda: window)
    window.show()
    if query:
        window.set_query(query, now=True)
    try:
        return app.exec()
    finally:
        translations.remove()


def take_screenshot(out: Path, *, query: str, index_dir: Path | None) -> int:
    """Open the window, search `query`, open the first hit, save the window as a PNG."""
    _configure_logging()
    app = create_application()
    translations = Translations(app)
    translations.apply(os.environ.get("TIMTIN_LANG", "vi"))
    index_dir = Path(index_dir) if index_dir else default_index_dir()

    with tempfile.TemporaryDirectory(prefix="timtin-shot-") as scratch:
        # Settings of a screenshot are its own: same picture every time, user's untouched.
        store = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(index_dir, Settings(store), translations, restore_query=False)
        try:
            return _shoot(app, window, Path(out), query)
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
            translations.remove()


def _shoot(app: QApplication, window: MainWindow, out: Path, query: str) -> int:
    window.resize(*SCREENSHOT_SIZE)
    if window.controller.indexing and not _wait_for(window.index_updated):
        log.error("building the index did not finish in time")
        return 1
    window.show()
    app.processEvents()
    if query:
        window.set_query(query, now=True)
        if not _wait_for(window.search_painted):
            log.error("the search did not finish in time")
            return 1
        if window.results_pane.model.rowCount() and window.reader.view is None:
            _wait_for(window.document_opened)
    for _ in range(5):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out), "PNG"):
        log.error("could not write %s", out)
        return 1
    log.info("screenshot saved to %s", out)
    return 0


def self_test_window() -> list[str]:
    """Open the window on a throw-away index of the seeds, search, read, close; raise on failure."""
    app = create_application()
    lines = [f"Qt platform: {QGuiApplication.platformName()}"]
    lines.append(
        f"UI font: {QFontInfo(app.font()).family()} (Vietnamese letters: "
        f"{'yes' if covers_vietnamese(app.font()) else 'no'})"
    )
    translations = Translations(app)
    for language, expected in (("vi", "Khớp dấu"), ("en", "Match accents")):
        translations.apply(language)
        got = QCoreApplication.translate("MainWindow", "Match accents")
        if got != expected:
            raise RuntimeError(f"translation {language}: expected {expected!r}, got {got!r}")
        lines.append(f"translation {language}: ok")

    with tempfile.TemporaryDirectory(prefix="timtin-selftest-") as scratch:
        store = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(
            Path(scratch) / "index", Settings(store), translations, restore_query=False
        )
        try:
            if window.controller.indexing and not _wait_for(window.index_updated):
                raise RuntimeError("building the seeds' index did not finish")
            count = window.controller.doc_count()
            if count == 0:
                raise RuntimeError("the seeds' index is empty")
            lines.append(f"window: built the seeds' index ({count} documents)")
            window.show()
            app.processEvents()
            window.set_query("chu tich nuoc", now=True)
            if not _wait_for(window.search_painted) or window.results_pane.model.rowCount() == 0:
                raise RuntimeError("searching 'chu tich nuoc' showed no results")
            lines.append(f"window: search painted {window.results_pane.model.rowCount()} result(s)")
            if window.reader.view is None and not _wait_for(window.document_opened):
                raise RuntimeError("the first result did not open in the reader")
            if window.reader.match_count == 0:
                raise RuntimeError("the reader shows no highlighted match")
            lines.append(f"window: reader shows {window.reader.match_count} highlighted match(es)")
            image = window.grab()
            if image.isNull():
                raise RuntimeError("could not paint the window")
            lines.append(f"window: painted {image.width()}x{image.height()}")
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
            translations.remove()
    return lines
