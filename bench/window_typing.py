"""Keystroke to paint in the real window: the query mix typed key by key at a typist's pace.

For each debounce tried, the time from a query's last key to its results painted, and how many
searches the keys started: `python -m bench.window_typing INDEX_DIR [--debounce 0,60,120,180]`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

KEY_INTERVAL_MS = 120  # a quick typist: about 8 keys a second
SETTLE_MS = 5000  # the longest a query's last paint may take before it counts as lost


def measure(index_dir: Path, debounces: list[int], queries: list[str]) -> dict[str, object]:
    """Type every query at KEY_INTERVAL_MS per key under each debounce; figures per debounce."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from bench.measure import percentile
    from desktop.i18n import Translations
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    app = QApplication.instance() or QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    store = QSettings(str(index_dir.parent / "bench-window.ini"), QSettings.Format.IniFormat)
    settings = Settings(store)
    window = MainWindow(index_dir, settings, Translations(app), restore_query=False)
    window.show()
    painted: list[tuple[float, str]] = []
    window.search_painted.connect(lambda r: painted.append((time.perf_counter(), r.query)))
    field = window.search_bar.field
    figures: dict[str, object] = {}

    def wait(ms: float) -> None:
        end = time.perf_counter() + ms / 1000
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    for debounce in debounces:
        window.controller._debounce.setInterval(debounce)
        to_paint: list[float] = []
        lost = 0
        first_generation = window.controller.searches.generation
        for query in queries:
            window.clear_query()
            window.controller.engine.clear_result_cache()
            wait(50)
            painted.clear()
            for char in query:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    app.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
                last_key = time.perf_counter()
                wait(KEY_INTERVAL_MS)
            deadline = last_key + SETTLE_MS / 1000
            while not any(q.rstrip() == query.rstrip() for _, q in painted):
                if time.perf_counter() > deadline:
                    break
                app.processEvents()
                time.sleep(0.001)
            done = [t for t, q in painted if q.rstrip() == query.rstrip()]
            if done:
                to_paint.append((done[0] - last_key) * 1000)
            else:
                lost += 1
        keys = sum(len(q) for q in queries)
        figures[str(debounce)] = {
            "paint_p50_ms": percentile(to_paint, 50) if to_paint else None,
            "paint_p95_ms": percentile(to_paint, 95) if to_paint else None,
            "searches_per_key": (window.controller.searches.generation - first_generation) / keys,
            "lost": lost,
        }
    window.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    from bench.corpus import load_queries

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index_dir", type=Path)
    parser.add_argument("--debounce", default="0,60,120,180")
    args = parser.parse_args(argv)
    debounces = [int(d) for d in args.debounce.split(",")]
    print(json.dumps(measure(args.index_dir, debounces, load_queries()), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
