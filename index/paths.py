"""Where things live: bundled seeds and resources, the index, portable mode.

The same lookups work from a source tree and from a PyInstaller bundle (`sys._MEIPASS`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "timtin"
PORTABLE_DIR_NAME = "timtin-data"
INDEX_DIR_ENV = "TIMTIN_INDEX_DIR"
_portable_forced = False


def bundle_root() -> Path:
    """The folder holding `seeds/` and `resources/`: the repo from source, the bundle frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def seeds_dir() -> Path:
    """The bundled seed articles: the default collection."""
    return bundle_root() / "seeds"


def resources_dir() -> Path:
    """Icons, translations, fonts and style sheets."""
    return bundle_root() / "resources"


def executable_dir() -> Path:
    """The folder of the running program (the frozen executable, or the repo from source)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return bundle_root()


def force_portable(enabled: bool = True) -> Path | None:
    """`--portable`: keep the index and settings in `timtin-data/` beside the executable.

    Creates the folder; raises OSError when the program folder is not writable."""
    global _portable_forced
    _portable_forced = enabled
    if not enabled:
        return None
    folder = executable_dir() / PORTABLE_DIR_NAME
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def portable_dir() -> Path | None:
    """`timtin-data/` beside the executable when portable mode is on, else None."""
    candidate = executable_dir() / PORTABLE_DIR_NAME
    return candidate if _portable_forced or candidate.is_dir() else None


def data_dir() -> Path:
    """Per-user data folder (or the portable folder): index and settings live under it."""
    portable = portable_dir()
    if portable is not None:
        return portable
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Where the rotating log file lives: `logs/` under the data folder."""
    return data_dir() / "logs"


def default_index_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--index-dir`, else `$TIMTIN_INDEX_DIR`, else `index/` under the data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(INDEX_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return data_dir() / "index"
