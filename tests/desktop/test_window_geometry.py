"""The window on its screen: the first one fits, a restored one is brought back inside."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication

from desktop.main_window import MainWindow
from desktop.settings import Settings
from desktop.window_geometry import SCREEN_SHARE, clamped, first_size


@pytest.mark.parametrize(
    ("wanted", "area", "expected"),
    [
        (QSize(1180, 760), QRect(0, 0, 800, 800), QSize(720, 720)),
        (QSize(1180, 760), QRect(0, 0, 1920, 1080), QSize(1180, 760)),
        (QSize(1180, 760), QRect(), QSize(1180, 760)),
    ],
)
def test_the_first_size_is_at_most_ninety_percent(
    wanted: QSize, area: QRect, expected: QSize
) -> None:
    assert first_size(wanted, area) == expected


@pytest.mark.parametrize(
    ("frame", "area", "expected"),
    [
        (QRect(2000, 1500, 3000, 2000), QRect(0, 0, 800, 800), QRect(0, 0, 800, 800)),
        (QRect(700, 700, 300, 200), QRect(0, 0, 800, 800), QRect(500, 600, 300, 200)),
        (QRect(-50, 10, 300, 200), QRect(0, 0, 800, 800), QRect(0, 10, 300, 200)),
        (QRect(10, 10, 300, 200), QRect(0, 0, 800, 800), QRect(10, 10, 300, 200)),
    ],
)
def test_a_frame_is_clamped_inside_the_area(frame: QRect, area: QRect, expected: QRect) -> None:
    assert clamped(frame, area) == expected


def test_the_first_window_fits_the_offscreen_screen(window: MainWindow) -> None:
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert window.width() <= area.width() * SCREEN_SHARE
    assert window.height() <= area.height() * SCREEN_SHARE
    assert area.contains(window.frameGeometry())


def test_a_geometry_saved_on_a_larger_screen_is_clamped(
    qtbot, app, seed_index: Path, settings: Settings, translations
) -> None:  # type: ignore[no-untyped-def]
    big = MainWindow(seed_index, settings, translations, restore_query=False)
    qtbot.addWidget(big)
    big.setGeometry(1500, 1200, 2600, 1500)  # as on a 4K monitor, now unplugged
    big.save_settings()
    big.close()
    assert not settings.geometry.isEmpty()

    again = MainWindow(seed_index, settings, translations, restore_query=False)
    qtbot.addWidget(again)
    again.show()
    area = again.screen().availableGeometry()
    assert area.contains(again.frameGeometry()), (again.frameGeometry(), area)
    assert again.width() <= area.width()
