"""The typed settings wrapper: round trips, defaults for junk, folders without duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from desktop.settings import HISTORY_SIZE, PORTABLE_SETTINGS_FILE, Settings
from index import paths


def fresh(path: Path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


def test_defaults(tmp_path: Path) -> None:
    settings = fresh(tmp_path / "s.ini")
    assert settings.last_query == ""
    assert settings.exact is False
    assert settings.sort == "relevance"
    assert settings.zoom == 0
    assert settings.language == ""
    assert settings.folders == []
    assert settings.geometry.isEmpty()


def test_round_trip_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    settings = fresh(path)
    settings.last_query = "chủ tịch nước"
    settings.exact = True
    settings.sort = "date"
    settings.zoom = 3
    settings.language = "vi"
    settings.folders = ["/một/thư mục"]
    settings.add_folder("/hai")
    settings.add_folder("/một/thư mục")
    settings.geometry = QByteArray(b"\x01\x02")
    settings.sync()
    again = fresh(path)
    assert again.last_query == "chủ tịch nước"
    assert again.exact is True
    assert again.sort == "date"
    assert again.zoom == 3
    assert again.language == "vi"
    assert again.folders == ["/một/thư mục", "/hai"]
    assert bytes(again.geometry.data()) == b"\x01\x02"


def test_a_single_folder_survives_the_ini_format(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    fresh(path).folders = ["/only"]
    assert fresh(path).folders == ["/only"]


@pytest.mark.parametrize(
    ("key", "raw", "attribute", "expected"),
    [
        ("search/sort", "sideways", "sort", "relevance"),
        ("reader/zoom", "huge", "zoom", 0),
        ("reader/zoom", 999, "zoom", 20),
        ("search/exact", "maybe", "exact", False),
        ("search/exact", "true", "exact", True),
        ("collection/folders", 42, "folders", []),
    ],
)
def test_junk_values_fall_back(
    tmp_path: Path, key: str, raw: object, attribute: str, expected: object
) -> None:
    path = tmp_path / "s.ini"
    store = QSettings(str(path), QSettings.Format.IniFormat)
    store.setValue(key, raw)
    store.sync()
    assert getattr(fresh(path), attribute) == expected


def test_portable_mode_keeps_settings_beside_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "executable_dir", lambda: tmp_path)
    monkeypatch.setattr(paths, "_portable_forced", False)
    (tmp_path / paths.PORTABLE_DIR_NAME).mkdir()
    settings = Settings()
    settings.last_query = "hà nội"
    settings.sync()
    ini = tmp_path / paths.PORTABLE_DIR_NAME / PORTABLE_SETTINGS_FILE
    assert ini.is_file()
    assert Settings(QSettings(str(ini), QSettings.Format.IniFormat)).last_query == "hà nội"


def test_search_history_is_kept_newest_first_once_and_capped(settings: Settings) -> None:
    assert settings.history == []
    settings.history = ["nga", "chu tich nuoc", "nga", ""]
    assert settings.history == ["nga", "chu tich nuoc"]
    settings.history = [f"q{n}" for n in range(HISTORY_SIZE + 5)]
    assert len(settings.history) == HISTORY_SIZE and settings.history[0] == "q0"
    settings.history = ["một"]
    settings.sync()
    again = Settings(QSettings(settings.store.fileName(), QSettings.Format.IniFormat))
    assert again.history == ["một"]  # an INI store's one-element list comes back a list
