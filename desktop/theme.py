"""The window's colours in one place: match highlights, banners, row tints and muted text.

Widgets import them from here; the style sheet (resources/timtin.qss) uses only palette roles.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True)
class MarkStyle:
    """Colours of a highlighted match; `current_*` emphasise the match the reader is on."""

    background: str = "#ffe38a"
    foreground: str = "#1f1f1f"
    current_background: str = "#ff9f1a"
    current_foreground: str = "#000000"


LIGHT = MarkStyle()
DARK = MarkStyle(
    background="#7a5c00",
    foreground="#ffffff",
    current_background="#ff9f1a",
    current_foreground="#000000",
)


@dataclass(frozen=True)
class BannerColours:
    """Background, text and border of one kind of banner message."""

    background: str
    foreground: str
    border: str


INFO_BANNER = BannerColours("#e8f1fb", "#1d4f82", "#b9d3ef")
WARNING_BANNER = BannerColours("#fff6dd", "#6b4d00", "#f0d98a")
ERROR_BANNER = BannerColours("#fdecec", "#8a1c1c", "#f2bcbc")

# Result rows: a tint of the palette's highlight instead of its solid fill, so marks stay readable.
SELECTED_ALPHA_DARK = 60
SELECTED_ALPHA_LIGHT = 38
HOVER_ALPHA = 16
SEPARATOR_ALPHA = 90


def is_dark(palette: QPalette) -> bool:
    """True when the palette paints light text on a dark base."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def mark_style(palette: QPalette) -> MarkStyle:
    """The match colours that read well on `palette`."""
    return DARK if is_dark(palette) else LIGHT


def muted(palette: QPalette) -> QColor:
    """A secondary text colour: halfway between text and background."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() * 3 + base.red() * 2) // 5,
        (text.green() * 3 + base.green() * 2) // 5,
        (text.blue() * 3 + base.blue() * 2) // 5,
    )


def accent(palette: QPalette) -> QColor:
    """The colour of the bar beside the selected row."""
    return palette.color(QPalette.ColorRole.Highlight)


def selected_tint(palette: QPalette) -> QColor:
    """The selected row's background: the accent, faint."""
    tint = QColor(accent(palette))
    tint.setAlpha(SELECTED_ALPHA_DARK if is_dark(palette) else SELECTED_ALPHA_LIGHT)
    return tint


def hover_tint(palette: QPalette) -> QColor:
    """The background of the row under the mouse: the accent, fainter still."""
    tint = QColor(accent(palette))
    tint.setAlpha(HOVER_ALPHA)
    return tint


def separator(palette: QPalette) -> QColor:
    """The thin rule between result rows."""
    colour = QColor(palette.color(QPalette.ColorRole.Mid))
    colour.setAlpha(SEPARATOR_ALPHA)
    return colour
