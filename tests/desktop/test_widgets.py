"""The small widgets: the magnifier, the search field, the banner, the accented-form chips."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit

from desktop.widgets import Banner, BannerKind, ChipBar, SearchField, magnifier_icon
from index import Variant


def test_the_magnifier_is_drawn_in_the_given_colour(app) -> None:
    icon = magnifier_icon(QColor("#c00000"), 32)
    image = icon.pixmap(32, 32).toImage()
    reds = sum(
        1
        for y in range(32)
        for x in range(32)
        if image.pixelColor(x, y).alpha() > 200 and image.pixelColor(x, y).red() > 150
    )
    assert reds > 20


def test_search_field_has_a_clear_button_and_a_magnifier(qtbot) -> None:
    field = SearchField()
    qtbot.addWidget(field)
    assert field.isClearButtonEnabled()
    assert field.objectName() == "searchField"
    assert any(not action.icon().isNull() for action in field.actions())
    assert field.font().pointSizeF() > QLineEdit().font().pointSizeF()


@pytest.mark.parametrize("kind", list(BannerKind))
def test_banner_shows_a_message_in_its_kinds_colours(qtbot, kind: BannerKind) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    assert not banner.isVisible()
    banner.show_message("Không mở được chỉ mục", kind, "chi tiết")
    assert banner.isVisible()
    assert banner.kind is kind
    assert banner.text == "Không mở được chỉ mục"
    assert banner.label.toolTip() == "chi tiết"
    assert kind.colours.background in banner.styleSheet()
    assert kind.colours.foreground in banner.styleSheet()


def test_banner_text_is_never_rich_text_and_closes(qtbot) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message("<b>not bold</b>")
    assert banner.kind is BannerKind.INFO
    assert banner.text == "<b>not bold</b>"
    banner.close_button.click()
    assert not banner.isVisible()


def test_chips_offer_each_form_and_report_the_one_clicked(qtbot) -> None:
    bar = ChipBar()
    qtbot.addWidget(bar)
    bar.show()
    variants = [Variant("ban", "bạn", 3), Variant("ban", "bàn", 1)]
    bar.set_variants(variants)
    assert bar.isVisible()
    assert [chip.text() for chip in bar.chips] == ["bạn · 3", "bàn · 1"]
    assert bar.chips[1].toolTip() == "ban → bàn"
    with qtbot.waitSignal(bar.variant_chosen) as chosen:
        bar.chips[1].click()
    assert chosen.args == ["ban", "bàn"]
    bar.set_variants([])
    assert bar.chips == []
    assert not bar.isVisible()
