"""The engine's loggers, one per subpackage, all named `timtin.<subpackage>`.

`logger(__name__)` maps a module to its subsystem's logger, so names follow one rule;
`attach_log_file` keeps them in a rotating file in the user data folder.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

ROOT = "timtin"


def logger(module: str) -> logging.Logger:
    """The logger of the subsystem `module` (a `__name__`) belongs to: `timtin.<part>`.

    `index.storage.codec` logs as `timtin.storage`, `index.engine` as `timtin.engine`,
    `desktop.reader` as `timtin.desktop`."""
    parts = module.split(".")
    if parts[0] == "desktop":
        return logging.getLogger(f"{ROOT}.desktop")
    subsystem = parts[1] if len(parts) > 1 else "index"
    return logging.getLogger(f"{ROOT}.{subsystem}")


LOG_FILE_NAME = "timtin.log"
_LOG_BYTES = 2 * 1024 * 1024
_LOG_BACKUPS = 2
_FORMAT = "%(asctime)s %(name)s %(levelname)s: %(message)s"


def attach_log_file(folder: Path) -> Path | None:
    """Keep every `timtin.*` record of INFO and up, tracebacks included, in a rotating
    `timtin.log` (a few MB) in `folder`; its path, or None if the folder cannot be written."""
    path = folder / LOG_FILE_NAME
    root = logging.getLogger(ROOT)
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=_LOG_BYTES, backupCount=_LOG_BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.getEffectiveLevel() > logging.INFO:
        root.setLevel(logging.INFO)
    return path
