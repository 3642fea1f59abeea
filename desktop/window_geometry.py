"""The window's size and place on the screen it opens on: never larger than that screen.

A first window takes at most SCREEN_SHARE of the available area; a geometry restored from
another (larger) screen is shrunk and moved back inside the current one.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.9


def available_area(window: QWidget) -> QRect:
    """The part of the window's screen (or the primary one) that windows may use."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect()


def first_size(wanted: QSize, area: QRect) -> QSize:
    """`wanted`, shrunk to at most SCREEN_SHARE of `area` in each direction."""
    if area.isEmpty():
        return wanted
    return QSize(
        min(wanted.width(), int(area.width() * SCREEN_SHARE)),
        min(wanted.height(), int(area.height() * SCREEN_SHARE)),
    )


def clamped(frame: QRect, area: QRect) -> QRect:
    """`frame` made to fit inside `area`: shrunk if larger, moved in if it sticks out."""
    if area.isEmpty():
        return QRect(frame)
    width = min(frame.width(), area.width())
    height = min(frame.height(), area.height())
    left = max(area.left(), min(frame.left(), area.right() + 1 - width))
    top = max(area.top(), min(frame.top(), area.bottom() + 1 - height))
    return QRect(left, top, width, height)


def fit_first_window(window: QWidget, wanted: QSize) -> None:
    """Size a window opened for the first time: `wanted`, within its screen, centred there."""
    area = available_area(window)
    size = first_size(wanted, area)
    window.resize(size)
    if not area.isEmpty():
        window.move(area.center() - QRect(0, 0, size.width(), size.height()).center())


def keep_on_screen(window: QWidget) -> None:
    """Shrink and move a restored window so that all of it is on its current screen."""
    area = available_area(window)
    if area.isEmpty():
        return
    frame = window.frameGeometry()
    inside = clamped(frame, area)
    if inside == frame:
        return
    # The frame (title bar, borders) sits around the client area: keep their difference.
    extra = frame.size() - window.geometry().size()
    window.resize(inside.size() - extra)
    window.move(inside.topLeft())
