"""The theme: one home for the window's colours, chosen to read on light and dark palettes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from desktop import theme
from desktop.widgets import BannerKind


def palette(base: str, text: str, highlight: str = "#3874d8") -> QPalette:
    colours = QPalette()
    colours.setColor(QPalette.ColorRole.Base, QColor(base))
    colours.setColor(QPalette.ColorRole.Text, QColor(text))
    colours.setColor(QPalette.ColorRole.Highlight, QColor(highlight))
    colours.setColor(QPalette.ColorRole.Mid, QColor("#888888"))
    return colours


LIGHT_PALETTE = ("#ffffff", "#202020")
DARK_PALETTE = ("#1e1e1e", "#eeeeee")


@pytest.mark.parametrize(
    ("colours", "dark", "marks"),
    [(LIGHT_PALETTE, False, theme.LIGHT), (DARK_PALETTE, True, theme.DARK)],
)
def test_marks_follow_the_palette(
    app, colours: tuple[str, str], dark: bool, marks: theme.MarkStyle
) -> None:
    chosen = palette(*colours)
    assert theme.is_dark(chosen) is dark
    assert theme.mark_style(chosen) == marks


@pytest.mark.parametrize("marks", [theme.LIGHT, theme.DARK])
def test_a_mark_and_the_current_match_stand_out(marks: theme.MarkStyle) -> None:
    def lightness(name: str) -> int:
        return QColor(name).lightness()

    assert abs(lightness(marks.background) - lightness(marks.foreground)) > 100
    assert abs(lightness(marks.current_background) - lightness(marks.current_foreground)) > 100
    assert marks.current_background != marks.background  # the current match looks different


@pytest.mark.parametrize("colours", [LIGHT_PALETTE, DARK_PALETTE])
def test_muted_text_lies_between_text_and_base(app, colours: tuple[str, str]) -> None:
    chosen = palette(*colours)
    soft = theme.muted(chosen)
    base, text = (QColor(name) for name in colours)
    assert min(base.lightness(), text.lightness()) < soft.lightness()
    assert soft.lightness() < max(base.lightness(), text.lightness())


def test_row_tints_are_faint_accents(app) -> None:
    light, dark = palette(*LIGHT_PALETTE), palette(*DARK_PALETTE)
    assert theme.selected_tint(light).rgb() == theme.accent(light).rgb()
    assert 0 < theme.hover_tint(light).alpha() < theme.selected_tint(light).alpha() < 255
    assert theme.selected_tint(dark).alpha() > theme.selected_tint(light).alpha()
    assert 0 < theme.separator(light).alpha() < 255


def test_every_banner_kind_has_its_own_readable_colours() -> None:
    seen = set()
    for kind in BannerKind:
        colours = kind.colours
        background, foreground = QColor(colours.background), QColor(colours.foreground)
        assert background.lightness() - foreground.lightness() > 80
        seen.add(colours.background)
    assert len(seen) == len(BannerKind)
