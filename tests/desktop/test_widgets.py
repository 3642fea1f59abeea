"""The small widgets: the magnifier, the search field, the banner, the chips and their flow."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton

from desktop.widgets import CHIPS_SHOWN, Banner, BannerKind, ChipBar, SearchField, magnifier_icon
from index import Variant, attach_log_file
from tests.desktop.helpers import catching_urls


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


def fits_its_text(chip: QToolButton) -> bool:
    needed = QFontMetrics(chip.font()).horizontalAdvance(chip.text())
    return chip.sizeHint().width() >= needed and chip.width() >= needed


def test_chips_wrap_at_a_narrow_width_and_are_never_cut(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    bar = ChipBar()
    qtbot.addWidget(bar)
    bar.caption.setText("Dạng có dấu:")
    forms = ["chủ", "chú", "chữ", "chu", "chư", "chừ", "chử"]
    bar.set_variants([Variant("chu", form, 10 + n) for n, form in enumerate(forms)])
    bar.resize(800, bar.heightForWidth(800))
    bar.show()
    QApplication.processEvents()
    one_row = {chip.y() for chip in bar.chips}
    assert len(one_row) == 1 and all(fits_its_text(chip) for chip in bar.chips)

    narrow = 200
    bar.resize(narrow, bar.heightForWidth(narrow))
    QApplication.processEvents()
    rows = {chip.y() for chip in bar.chips}
    assert len(rows) >= 3  # wrapped onto more rows…
    assert all(fits_its_text(chip) for chip in bar.chips)  # …and every label whole
    assert all(chip.geometry().right() < narrow for chip in bar.chips)
    assert bar.heightForWidth(narrow) > bar.heightForWidth(800)


def test_many_forms_collapse_behind_a_more_chip(qtbot) -> None:
    bar = ChipBar()
    qtbot.addWidget(bar)
    bar.show()
    variants = [Variant("a", f"á{n}", n) for n in range(CHIPS_SHOWN + 3)]
    bar.set_variants(variants)
    bar.resize(300, bar.heightForWidth(300))
    QApplication.processEvents()
    assert len(bar.chips) == CHIPS_SHOWN
    assert bar.more_chip.isVisible() and bar.more_chip.text() == "+3 more"
    assert fits_its_text(bar.more_chip)
    bar.more_chip.click()
    assert len(bar.chips) == len(variants)
    assert not bar.more_chip.isVisible()


def test_an_error_banner_opens_the_log(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = attach_log_file(tmp_path / "logs")
    root = logging.getLogger("timtin")
    try:
        logging.getLogger("timtin.desktop").error("boom")
        banner = Banner()
        qtbot.addWidget(banner)
        banner.show_message("Something went wrong. The details are in the log.", BannerKind.ERROR)
        assert banner.log_link.isVisible() and "Open the log" in banner.log_link.text()
        with catching_urls() as caught:
            banner.log_link.linkActivated.emit("log")
        assert [url.toLocalFile() for url in caught.urls] == [str(path)]
        banner.show_message("Index updated", BannerKind.INFO)
        assert not banner.log_link.isVisible()
    finally:
        for handler in list(root.handlers):
            if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
                root.removeHandler(handler)
                handler.close()
