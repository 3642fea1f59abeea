"""A small typed wrapper over QSettings: everything the window remembers between runs.

Keys live here and nowhere else, so a renamed key is one edit and a wrong type is a default.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from index import SortOrder
from index.paths import portable_dir

SORTS = tuple(SortOrder)
PORTABLE_SETTINGS_FILE = "settings.ini"
ZOOM_RANGE = (-5, 20)
HISTORY_SIZE = 20


def default_store() -> QSettings:
    """The user's settings; in portable mode an INI file in `timtin-data/`, so they travel."""
    portable = portable_dir()
    if portable is not None:
        return QSettings(str(portable / PORTABLE_SETTINGS_FILE), QSettings.Format.IniFormat)
    return QSettings()


class Settings:
    """Typed accessors over one `QSettings` store (the application's default one if none given)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else default_store()

    @property
    def store(self) -> QSettings:
        """The QSettings store behind these accessors."""
        return self._store

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._store.sync()

    # -- helpers ---------------------------------------------------------------------------

    def _str(self, key: str, default: str = "") -> str:
        value = self._store.value(key, default)
        return value if isinstance(value, str) else default

    def _bool(self, key: str, default: bool) -> bool:
        value = self._store.value(key, default)
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes", "on")
        if isinstance(value, int):
            return bool(value)
        return default

    def _int(self, key: str, default: int) -> int:
        value = self._store.value(key, default)
        if not isinstance(value, int | float | str):
            return default
        try:
            return int(value)
        except (ValueError, OverflowError):
            return default

    def _strings(self, key: str) -> list[str]:
        """A saved list of non-empty strings, in order, without duplicates."""
        value = self._store.value(key, [])
        if isinstance(value, str):  # an INI store returns a one-element list as a bare string
            value = [value] if value else []
        if not isinstance(value, list):
            return []
        seen: list[str] = []
        for item in value:
            if isinstance(item, str) and item and item not in seen:
                seen.append(item)
        return seen

    def _bytes(self, key: str) -> QByteArray:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    # -- window ----------------------------------------------------------------------------

    @property
    def geometry(self) -> QByteArray:
        """The window's saved geometry (empty when never saved)."""
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        """The window's saved toolbar and dock state."""
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    @property
    def splitter(self) -> QByteArray:
        """The saved sizes of the results and reader panes."""
        return self._bytes("window/splitter")

    @splitter.setter
    def splitter(self, value: QByteArray) -> None:
        self._store.setValue("window/splitter", value)

    # -- search ----------------------------------------------------------------------------

    @property
    def last_query(self) -> str:
        """What was in the search field when the window last closed."""
        return self._str("search/last_query")

    @last_query.setter
    def last_query(self, value: str) -> None:
        self._store.setValue("search/last_query", value)

    @property
    def exact(self) -> bool:
        """Match accents."""
        return self._bool("search/exact", False)

    @exact.setter
    def exact(self, value: bool) -> None:
        self._store.setValue("search/exact", bool(value))

    @property
    def sort(self) -> SortOrder:
        """How results are ordered; the first order for anything unknown."""
        value = self._str("search/sort", SORTS[0].value)
        return SortOrder(value) if value in SORTS else SORTS[0]

    @sort.setter
    def sort(self, value: SortOrder | str) -> None:
        self._store.setValue("search/sort", str(value) if value in SORTS else SORTS[0].value)

    @property
    def history(self) -> list[str]:
        """Recent queries, newest first, without duplicates, at most HISTORY_SIZE."""
        return self._strings("search/history")[:HISTORY_SIZE]

    @history.setter
    def history(self, value: list[str]) -> None:
        kept = [q for q in dict.fromkeys(value) if isinstance(q, str) and q]
        self._store.setValue("search/history", kept[:HISTORY_SIZE])

    # -- reading and language --------------------------------------------------------------

    @property
    def zoom(self) -> int:
        """The reader's zoom steps, within ZOOM_RANGE."""
        low, high = ZOOM_RANGE
        return max(low, min(high, self._int("reader/zoom", 0)))

    @zoom.setter
    def zoom(self, value: int) -> None:
        low, high = ZOOM_RANGE
        self._store.setValue("reader/zoom", max(low, min(high, int(value))))

    @property
    def language(self) -> str:
        """'' follows the system locale; otherwise a language code such as 'vi' or 'en'."""
        return self._str("ui/language")

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("ui/language", value)

    # -- collection ------------------------------------------------------------------------

    @property
    def folders(self) -> list[str]:
        """Folders the user added, in the order added, without duplicates."""
        return self._strings("collection/folders")

    @folders.setter
    def folders(self, value: list[str]) -> None:
        self._store.setValue("collection/folders", list(dict.fromkeys(value)))

    def add_folder(self, folder: str) -> None:
        """Remember one more folder (once)."""
        self.folders = [*self.folders, folder]
