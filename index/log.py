"""The engine's loggers, one per subpackage, all named `timtin.<subpackage>`.

`logger(__name__)` maps a module to its subsystem's logger, so names follow one rule.
"""

from __future__ import annotations

import logging

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
