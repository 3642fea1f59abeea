"""Handing a file to the system: its own viewer, its folder in the file manager, the log file.

Each opener builds the URL in a small function of its own, so a test can check the URL it
would open; the opening itself is Qt's `QDesktopServices.openUrl` (or the file manager's D-Bus).
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from index import logger

log = logger(__name__)

FILE_MANAGER_SERVICE = "org.freedesktop.FileManager1"
FILE_MANAGER_PATH = "/org/freedesktop/FileManager1"


def file_url(path: str | Path) -> QUrl:
    """The `file:` URL of `path`, as the system's viewer is asked to open it."""
    return QUrl.fromLocalFile(str(Path(path)))


def folder_url(path: str | Path) -> QUrl:
    """The `file:` URL of the folder holding `path`."""
    return QUrl.fromLocalFile(str(Path(path).parent))


def open_url(url: QUrl) -> bool:
    """Ask the system to open `url`; False (and a log line) when it could not."""
    opened = QDesktopServices.openUrl(url)
    if not opened:
        log.warning("the system could not open %s", url.toString())
    return bool(opened)


def open_original(path: str | Path) -> bool:
    """Open the document at `path` in the system's viewer for its type."""
    return open_url(file_url(path))


def _show_items_over_dbus(url: QUrl) -> bool:
    """Ask a freedesktop file manager to select `url` in its folder; False if none answers."""
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface
    except ImportError:  # a build without QtDBus
        return False
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    registered = bus.interface().isServiceRegistered(FILE_MANAGER_SERVICE)
    if not registered.value():
        return False
    manager = QDBusInterface(FILE_MANAGER_SERVICE, FILE_MANAGER_PATH, FILE_MANAGER_SERVICE, bus)
    reply = manager.call("ShowItems", [url.toString()], "")
    error = reply.errorMessage() if hasattr(reply, "errorMessage") else ""
    if error:
        log.info("the file manager did not show %s: %s", url.toString(), error)
        return False
    return True


def show_in_folder(path: str | Path) -> bool:
    """Show `path` in its folder: selected by the file manager where it can, else the folder."""
    if sys.platform.startswith("linux") and _show_items_over_dbus(file_url(path)):
        return True
    return open_url(folder_url(path))


def log_file() -> Path | None:
    """The log file the program writes (attached at start by `index.attach_log_file`), or None."""
    root = logging.getLogger(log.name.partition(".")[0])  # the `timtin` logger
    for handler in reversed(root.handlers):  # the one attached last
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def open_log() -> bool:
    """Open the log file in the system's text viewer (its folder, if nothing was written yet)."""
    path = log_file()
    if path is None:
        return False
    if path.is_file():
        return open_url(file_url(path))
    return open_url(QUrl.fromLocalFile(str(path.parent)))
