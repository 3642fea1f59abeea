"""Render the app icon (resources/icons/timtin.svg) to the PNG, ICO and ICNS files we ship.

QtSvg rasterises the SVG at each size; Pillow packs the Windows .ico and the macOS .icns.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PIL import Image

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "timtin.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)
APP_PNG_SIZE = 256


def render(svg: Path, size: int) -> Image.Image:
    """The SVG drawn on a transparent `size`x`size` square."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    straight = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return Image.frombuffer(
        "RGBA",
        (size, size),
        bytes(straight.constBits()),
        "raw",
        "RGBA",
        straight.bytesPerLine(),
        1,
    )


def make_icons(svg: Path = SOURCE, out: Path = ICONS) -> list[Path]:
    """Write timtin-<size>.png for every size, timtin.png, timtin.ico and timtin.icns."""
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = {size: render(svg, size) for size in PNG_SIZES}
    written: list[Path] = []
    for size, image in images.items():
        target = out / f"timtin-{size}.png"
        image.save(target, optimize=True)
        written.append(target)
    images[APP_PNG_SIZE].save(out / "timtin.png", optimize=True)
    written.append(out / "timtin.png")

    # Each size is drawn from the SVG rather than scaled down from the largest bitmap.
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        out / "timtin.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES],
    )
    written.append(out / "timtin.ico")
    largest_icns = images[max(ICNS_SIZES)]
    largest_icns.save(
        out / "timtin.icns", append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)]
    )
    written.append(out / "timtin.icns")
    del app
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SOURCE, help="the icon source")
    parser.add_argument("--out", type=Path, default=ICONS, help="where the files go")
    args = parser.parse_args(argv)
    for path in make_icons(args.svg, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
