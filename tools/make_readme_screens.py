"""Pictures for the README: the filters, and the reader on a big document (docs/screens/).

Run `QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_readme_screens.py`: it builds a
small index of the seeds, a saved page, a PDF-free big text, opens the real window and grabs it.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screens"


def _wait(app: object, seconds: float) -> None:
    import time

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def main() -> int:
    sys.path.insert(0, str(REPO))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.app import choose_font, load_style_sheet
    from desktop.i18n import Translations
    from desktop.main_window import MainWindow
    from desktop.results_model import Role
    from desktop.settings import Settings
    from index import update_index
    from index.paths import seeds_dir

    work = Path(tempfile.mkdtemp(prefix="timtin-screens-"))
    corpus = work / "Bài báo"
    shutil.copytree(seeds_dir(), corpus)
    seed = sorted(seeds_dir().glob("*.txt"))[1].read_text(encoding="utf-8")
    big = "Tuyển tập bài báo năm 2025\n" + "\n".join([seed] * 400)  # about 4 MB, many matches
    (corpus / "tuyen-tap-2025.txt").write_text(big, encoding="utf-8")
    update_index([corpus], work / "index")

    app = QApplication.instance() or QApplication([])
    choose_font(app)
    load_style_sheet(app)
    store = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    translations = Translations(app)
    translations.apply("vi")
    window = MainWindow(work / "index", Settings(store), translations, restore_query=False)
    window.resize(1280, 720)
    window.show()
    _wait(app, 1.0)
    window.set_query("chu tich nuoc", now=True)
    _wait(app, 1.5)
    bar = window.filter_bar
    for index in range(bar.type_box.count()):  # the file type filter, set as a person would
        if "TXT" in bar.type_box.itemText(index).upper():
            bar.type_box.setCurrentIndex(index)
    _wait(app, 1.0)
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / "filters.png"))
    window.set_query("Nga", now=True)
    _wait(app, 1.5)
    model = window.results_pane.model
    for row in range(model.rowCount()):
        if str(model.index(row, 0).data(Role.PATH) or "").endswith("tuyen-tap-2025.txt"):
            window.results_pane.list_view.setCurrentIndex(model.index(row, 0))
            break
    window.open_current()
    _wait(app, 4.0)
    window.reader.next_match()
    _wait(app, 1.0)
    window.grab().save(str(OUT / "big_document.png"))
    window.close()
    shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {OUT / 'filters.png'} and {OUT / 'big_document.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
