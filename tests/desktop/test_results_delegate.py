"""The results delegate: rows get a sensible size and paint the snippet with its marks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from desktop.results_delegate import SNIPPET_LINES, ResultDelegate
from desktop.results_model import ResultsModel
from desktop.theme import LIGHT
from index.engine import Engine


def test_rows_are_sized_and_painted_with_highlights(qtbot, app, seed_index: Path) -> None:
    engine = Engine(seed_index)
    try:
        result = engine.search("chu tich nuoc")
    finally:
        engine.close()
    view = QListView()
    qtbot.addWidget(view)
    model = ResultsModel(view)
    model.set_result(result)
    view.setModel(model)
    delegate = ResultDelegate(view)
    view.setItemDelegate(delegate)
    view.resize(420, 600)
    view.show()
    qtbot.waitExposed(view)

    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(model.index(0, 0))
    size = delegate.sizeHint(option, model.index(0, 0))
    line = view.fontMetrics().lineSpacing()
    assert 2 * line < size.height() <= (3 + SNIPPET_LINES) * line + 40

    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    option.rect = image.rect()
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    mark = QColor(LIGHT.background)
    marked_pixels = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y) == mark
    )
    assert marked_pixels > 20  # the snippet's <mark>s are painted in the highlight colour
