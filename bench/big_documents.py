"""Big documents in the reader: time to open and to show the first match, and the GUI's stalls.

`python -m bench.big_documents [MB ...]` prints the figures; `make bench` runs it in a worker.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

SIZES_MB = (1, 8, 30)
QUERY = "chu tich nuoc"
_BLOCK = (
    "Hai bên trao đổi về hợp tác kinh tế, thương mại và đầu tư.\n" * 6
    + "Sáng nay Chủ tịch nước tiếp đoàn đại biểu quốc hội.\n"
)  # one match in about 420 bytes: a 30 MB text holds some 75,000


def write_document(path: Path, megabytes: float) -> None:
    """A text of about `megabytes` MB with a match of QUERY every few lines."""
    copies = int(megabytes * 1024 * 1024 / len(_BLOCK.encode("utf-8")))
    path.write_text("Tin dài\n" + _BLOCK * copies, encoding="utf-8")


def phase_documents(sizes: list[float] | None = None) -> dict[str, object]:
    """For each size: index one document, open it in a ReaderPane as the window does, and
    time the loading state, the first match shown, the longest event-loop gap, a part's
    layout and a step to the next part."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.reader import ReaderPane
    from desktop.workers import LatestRunner
    from index import Engine, update_index

    app = QApplication.instance() or QApplication([])
    rows: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="timtin-big-") as scratch:
        for megabytes in sizes or list(SIZES_MB):
            folder = Path(scratch) / f"docs-{megabytes}"
            folder.mkdir()
            path = folder / "big.txt"
            write_document(path, megabytes)
            update_index([folder], Path(scratch) / f"index-{megabytes}")
            engine = Engine(Path(scratch) / f"index-{megabytes}")
            pane = ReaderPane()
            pane.resize(700, 800)
            pane.show()
            ticks: list[float] = [time.perf_counter()]
            timer = QTimer()
            timer.setInterval(50)
            timer.timeout.connect(lambda ticks=ticks: ticks.append(time.perf_counter()))
            timer.start()
            pool = QThreadPool()
            runner = LatestRunner(pool)
            opened: dict[str, float] = {}
            runner.finished.connect(
                lambda doc, opened=opened: opened.update(read=time.perf_counter())
            )
            runner.finished.connect(pane.show_view)
            started = time.perf_counter()
            pane.show_loading(str(path))
            loading_s = time.perf_counter() - started
            runner.submit(lambda engine=engine, path=path: engine.open_document(str(path), QUERY))
            while pane.view is None:
                app.processEvents()
                time.sleep(0.005)
            shown = time.perf_counter()
            document = pane.view
            ticks.append(shown)
            stall = max(b - a for a, b in pairwise(ticks))
            timer.stop()
            step_started = time.perf_counter()
            pane.go_to_match(document.parts[0].end_match + 1)
            while pane.shown_part != 1:
                app.processEvents()
                time.sleep(0.001)
            step_s = time.perf_counter() - step_started
            rows[str(megabytes)] = {
                "matches": document.match_count,
                "parts": len(document.parts),
                "loading_shown_s": loading_s,
                "read_s": opened["read"] - started,
                "first_match_s": shown - started,
                "longest_stall_s": stall,
                "next_part_s": step_s,
            }
            pane.close()
            pool.waitForDone(10_000)
            engine.close()
    return {"sizes": rows}


def main(argv: list[str]) -> int:
    sizes = [float(arg) for arg in argv] or list(SIZES_MB)
    print(json.dumps(phase_documents(sizes), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
