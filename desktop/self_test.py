"""`timtin --self-test`: prove this copy of the program works, from source or frozen.

Indexes the bundled seeds and a sample of every file format in a throw-away folder, searches
with and without accents, checks the highlight and the folder watcher, opens and closes the
window; prints every check, exits 0 only if all held.
"""

from __future__ import annotations

import functools
import json
import platform
import queue
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TextIO

from desktop.self_test_documents import LEGACY_PAGE, LEGACY_PHRASE, PHRASE, write_samples
from index import Engine, Watcher, WatchEvent, WatchUpdate, __version__, read_text, update_index
from index.paths import bundle_root, seeds_dir

LEADER_PREFIX = "004_"  # the seed about Chủ tịch nước Lương Cường
ACCENTED = "Chủ tịch nước"
QUERIES = ("chu tich nuoc", ACCENTED)
# What a reader types for the format samples (desktop.self_test_documents), both ways.
FORMAT_QUERIES = (PHRASE, "den long hoi an")
WATCH_TEXT = "Bản tin mới: đội thuyền rồng Cẩm Nam tập luyện cho ngày hội."
WATCH_QUERY = "thuyen rong"
WATCH_SECONDS = 20.0


class SelfTest:
    """Runs named checks in order, prints one line per check, remembers failures."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.failures: list[str] = []

    def say(self, line: str) -> None:
        """Print one line of the report."""
        print(line, file=self.out, flush=True)

    def check(self, name: str, run: Callable[[], str | list[str]]) -> bool:
        """Run one named check and report it; False (and remembered) if it failed."""
        started = time.perf_counter()
        try:
            detail = run()
        except Exception as error:  # a self-test reports every failure, whatever it is
            self.failures.append(name)
            self.say(f"FAIL {name}: {type(error).__name__}: {error}")
            return False
        took = f" ({(time.perf_counter() - started) * 1000:.0f} ms)"
        if isinstance(detail, list):
            for line in detail:
                self.say(f"ok   {name}: {line}")
            self.say(f"ok   {name}{took}")
        else:
            self.say(f"ok   {name}: {detail}{took}")
        return True


def check_seeds() -> str:
    """The bundled seeds are there, the Lương Cường article among them."""
    seeds = sorted(seeds_dir().glob("*.txt"))
    if not any(seed.name.startswith(LEADER_PREFIX) for seed in seeds):
        raise AssertionError(f"no {LEADER_PREFIX}… seed in {seeds_dir()}")
    return f"{len(seeds)} seed files in {seeds_dir()}"


def check_index(index_dir: Path, procs: int) -> str:
    """The seeds index in `procs` processes, every seed added and none skipped."""
    report = update_index([seeds_dir()], index_dir, rebuild=True, procs=procs)
    seeds = len(list(seeds_dir().glob("*.txt")))
    if report.skipped or report.added != seeds:
        raise AssertionError(f"expected {seeds} added, got {report}")
    workers = "one process" if procs == 1 else f"{procs} worker processes"
    return f"indexed {report.added} seeds with {workers} into {index_dir}"


def check_query(engine: Engine, query: str) -> str:
    """`query` finds the Lương Cường article first."""
    result = engine.search(query)
    if not result.hits:
        raise AssertionError(f"no hits for {query!r}")
    first = Path(result.hits[0].path).name
    if not first.startswith(LEADER_PREFIX):
        raise AssertionError(f"{query!r}: first hit is {first}, expected {LEADER_PREFIX}…")
    return f"{query!r} -> {result.total} hit(s), first {first}"


def check_highlight(engine: Engine) -> str:
    """The unaccented query marks the accented words, and its offsets point at them."""
    hit = engine.search(QUERIES[0]).hits[0]
    marked = f"<mark>{ACCENTED}</mark>"
    if marked not in hit.snippet:
        raise AssertionError(f"snippet lacks {marked}: {hit.snippet[:200]!r}")
    payload = json.loads(json.dumps(engine.search(QUERIES[0]).to_json(), ensure_ascii=False))
    spans = payload["hits"][0]["matches"]
    text = read_text(Path(hit.path)).text
    on_word = [(start, end) for start, end in spans if text[start:end] == ACCENTED]
    if not on_word:
        found = [text[start:end] for start, end in spans[:5]]
        raise AssertionError(f"no JSON match span covers {ACCENTED!r}; spans cover {found}")
    start, end = on_word[0]
    return f"snippet has {marked}; JSON span [{start}, {end}] is {text[start:end]!r}"


def check_formats(folder: Path, index_dir: Path) -> list[str]:
    """A sample of every format indexes with none skipped, and both ways of typing the phrase
    find every sample; the PDF's legacy-font page is read too (pypdf keeps TCVN3's "ư")."""
    samples = write_samples(folder)
    report = update_index([folder], index_dir, rebuild=True, procs=1)
    if report.skipped:
        raise AssertionError(
            "; ".join(f"{Path(skip.path).name}: {skip.reason}" for skip in report.skipped)
        )
    if report.added != len(samples):
        raise AssertionError(f"expected {len(samples)} added, got {report}")
    lines: list[str] = []
    with closing(Engine(index_dir)) as engine:
        for query in FORMAT_QUERIES:
            hits = {Path(hit.path).name: hit for hit in engine.search(query, limit=50).hits}
            missing = [path.name for path in samples.values() if path.name not in hits]
            if missing:
                raise AssertionError(f"{query!r} does not find {missing}")
        for kind, path in samples.items():
            hit = hits[path.name]
            if "<mark>" not in hit.snippet:
                raise AssertionError(f"{path.name}: no <mark> in {hit.snippet[:200]!r}")
            lines.append(f"{kind:<4} {path.name} ({hit.encoding}), title {hit.title!r}")
        legacy = engine.search(LEGACY_PHRASE).hits
        if not legacy or Path(legacy[0].path).name != samples["pdf"].name:
            raise AssertionError(f"{LEGACY_PHRASE!r} does not find {samples['pdf'].name}")
        if LEGACY_PAGE not in legacy[0].pages:
            raise AssertionError(f"{LEGACY_PHRASE!r}: pages {legacy[0].pages}, not {LEGACY_PAGE}")
        lines.append(
            f"{LEGACY_PHRASE!r} -> {samples['pdf'].name} page(s) {legacy[0].pages} "
            f"({legacy[0].encoding})"
        )
    queries = " and ".join(repr(query) for query in FORMAT_QUERIES)
    lines.append(f"{queries} find all {len(samples)} samples in {folder}")
    return lines


def check_watcher(folder: Path, index_dir: Path) -> str:
    """A file written into a watched folder is indexed within seconds and found."""
    from watchdog.observers import Observer  # the observer this platform got

    updates: queue.Queue[WatchUpdate] = queue.Queue()
    watcher = Watcher(
        index_dir, [folder], on_update=updates.put, debounce=0.1, rescan_on_start=False
    )
    watcher.start()
    new = folder / "tin_moi.txt"
    started = time.monotonic()
    try:
        while not watcher.folders and time.monotonic() - started < WATCH_SECONDS:
            time.sleep(0.05)
        if watcher.fallback or not watcher.folders:
            raise AssertionError(f"not watched: {watcher.fallback or 'no folder'}")
        new.write_text(f"{WATCH_TEXT}\n", encoding="utf-8")
        while True:
            left = WATCH_SECONDS - (time.monotonic() - started)
            try:
                update = updates.get(timeout=max(left, 0.01))
            except queue.Empty:
                raise AssertionError(f"{new.name} not indexed in {WATCH_SECONDS:g} s") from None
            if update.kind is WatchEvent.ERROR:
                raise AssertionError(update.reason)
            if any(Path(path).name == new.name for path in update.indexed):
                break
    finally:
        watcher.stop()
    took = time.monotonic() - started
    with closing(Engine(index_dir)) as engine:
        hits = engine.search(WATCH_QUERY).hits
    if not hits or Path(hits[0].path).name != new.name:
        raise AssertionError(f"{WATCH_QUERY!r} does not find {new.name}")
    observer = getattr(Observer, "__name__", "observer")
    return f"{observer} saw {new.name}; indexed in {took:.1f} s, found by {WATCH_QUERY!r}"


def check_window() -> list[str]:
    """The window opens, builds, searches, reads and paints (see app.self_test_window)."""
    from desktop.app import self_test_window

    return [line.removeprefix("window: ") for line in self_test_window()]


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check; 0 only if all held."""
    test = SelfTest(out or sys.stdout)
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    test.say(
        f"Tìm Tin {__version__} self-test ({frozen}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()})"
    )
    test.say(f"bundle: {bundle_root()}")
    test.check("seeds", check_seeds)
    with tempfile.TemporaryDirectory(prefix="timtin-selftest-") as scratch:
        index_dir = Path(scratch) / "index"
        if test.check("index", lambda: check_index(index_dir, 1)):
            engine = Engine(index_dir)
            try:
                for query in QUERIES:
                    test.check("search", functools.partial(check_query, engine, query))
                test.check("highlight", lambda: check_highlight(engine))
            finally:
                engine.close()
        # Worker processes, the path big folders take (index.indexing.parallel_build): works
        # frozen only with freeze_support() and importable analyzers.
        test.check("parallel index", lambda: check_index(Path(scratch) / "parallel", 2))
        samples, formats_index = Path(scratch) / "samples", Path(scratch) / "formats"
        if test.check("formats", lambda: check_formats(samples, formats_index)):
            test.check("watch", lambda: check_watcher(samples, formats_index))
    test.check("window", check_window)
    if test.failures:
        test.say(f"self-test FAILED: {', '.join(dict.fromkeys(test.failures))}")
        return 1
    test.say("self-test passed")
    return 0
