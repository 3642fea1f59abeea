"""Command line of the benchmark: `python -m bench --docs 10000 [--rounds 3] [--peers fts5,...]`.

Runs every engine on one cached corpus, prints the report section and merges it into BENCHMARKS.md;
`--format html|docx` instead times our index build on that corpus converted to the file type.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Callable
from datetime import datetime
from functools import partial
from itertools import islice
from pathlib import Path

from bench import formats, machine, ours, peer_recoll, peer_tantivy, report
from bench.corpus import (
    CACHE,
    DEFAULT_SEED,
    corpus_bytes,
    count_files,
    ensure_corpus,
    iter_corpus_files,
    load_queries,
    one_file_changed,
)
from bench.keystrokes import PASTED_QUERIES
from bench.measure import WorkerError, percentile, run_worker
from bench.report import Figures

MB = 1024 * 1024
LABELS = {"fts5": "FTS5", "ours": "Tìm Tin", "recoll": "Recoll", "tantivy": "Tantivy"}
PEER_KEYS = ("fts5", "recoll", "tantivy")


def _peer_list(text: str) -> list[str]:
    """`--peers fts5,tantivy`: the peers to run beside ours ('' for none)."""
    peers = [name.strip().lower() for name in text.split(",") if name.strip()]
    unknown = [name for name in peers if name not in PEER_KEYS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown peer {', '.join(unknown)} (choose from {','.join(PEER_KEYS)})"
        )
    return peers


def _parse(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000, help="corpus size (default 10000)")
    ap.add_argument("--rounds", type=int, default=3, help="passes over the query mix")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="make_corpus.py seed")
    ap.add_argument("--procs", type=int, default=None, help="procs= for our indexer")
    ap.add_argument(
        "--peers",
        type=_peer_list,
        default=list(PEER_KEYS),
        help=f"comma list of peers to run beside ours (default {','.join(PEER_KEYS)}; '' for none)",
    )
    ap.add_argument("--skip-recoll", action="store_true", help="leave Recoll out")
    ap.add_argument("--no-write", action="store_true", help="print only, keep BENCHMARKS.md")
    ap.add_argument(
        "--no-overlap",
        action="store_true",
        help="skip the exhaustive top-10 relevance check (25 minutes at a million documents)",
    )
    ap.add_argument(
        "--format",
        choices=formats.FORMATS,
        default=None,
        help="time only our index build, on the corpus converted to this file type, beside .txt",
    )
    return ap.parse_args(argv)


def _say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _latency(into: Figures, result: dict[str, object]) -> None:
    values = result["latencies_ms"]
    assert isinstance(values, list)
    into["p50_ms"], into["p95_ms"] = percentile(values, 50), percentile(values, 95)
    into["open_ms"] = _float(result.get("open_ms"))
    counted = result.get("counted_latencies_ms")
    if isinstance(counted, list) and counted:
        into["counted_p95_ms"] = percentile(counted, 95)


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _build_figures(into: Figures, result: dict[str, object], docs: int) -> None:
    wall = _float(result["wall_s"]) or 0.0
    into["build_s"], into["docs_per_s"] = wall, docs / wall if wall else None
    into["size_mb"] = (_float(result.get("size_bytes")) or 0.0) / MB
    into["build_rss_mb"] = (_float(result.get("peak_rss_kb")) or 0.0) / 1024


class Bench:
    """One run: the corpus, the work directory and what has been measured so far."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.corpus = ensure_corpus(args.docs, args.seed)
        self.queries = load_queries()
        self.work = CACHE / f"run-{args.docs}"
        self.figures: dict[str, Figures] = {key: {} for key in LABELS}
        self.notes: list[str] = []
        self.recoll_version: str | None = None
        self.tantivy_version: str | None = None
        self.load_at_start = os.getloadavg()[0]
        self.keystrokes = 0

    def attempt(self, what: str, step: Callable[[], None]) -> None:
        """Run one measurement; a failure becomes a note and the figure stays n/a."""
        _say(what)
        try:
            step()
        except (WorkerError, RuntimeError, OSError) as exc:
            first = str(exc).strip().splitlines()
            _say(f"{what} failed: {str(exc).strip()}")
            self.notes.append(f"{what}: failed — {first[-1] if first else type(exc).__name__}")

    def run(self) -> report.Run:
        docs = count_files(self.corpus)
        for path in iter_corpus_files(self.corpus):  # warm the page cache alike for every engine
            path.read_bytes()
        self._peers_ready()
        ours_dir, fts_dir = str(self.work / "ours"), str(self.work / "fts5")
        engines = self._engines(ours_dir, fts_dir)
        for engine, label, index_dir in engines:
            self.attempt(f"{label} build", partial(self._build, engine, index_dir, docs))
        built = {engine for engine, figures in self.figures.items() if "build_s" in figures}
        for engine, label, index_dir in engines:
            if engine in built:
                self.attempt(f"{label} queries", partial(self._search, engine, index_dir, docs))
                self.attempt(f"{label} keystrokes", partial(self._keystrokes, engine, index_dir))
                if engine != "recoll":
                    self.attempt(f"{label} pasted", partial(self._pasted, engine, index_dir))
        with one_file_changed(self.corpus) as changed:
            _say(f"changed {changed.relative_to(self.corpus)}")
            for engine, label, index_dir in engines:
                if engine in built:
                    self.attempt(f"{label} re-index", partial(self._reindex, engine, index_dir))
        # Another file, named as the watcher names a change: no walk of the corpus.
        with one_file_changed(self.corpus, share=1 / 3) as changed:
            _say(f"changed {changed.relative_to(self.corpus)}, named")
            for engine, label, index_dir in engines:
                if engine in built:
                    step = partial(self._reindex_named, engine, index_dir, changed)
                    self.attempt(f"{label} named re-index", step)
        if "ours" in built:
            self.attempt("App launch", lambda: self._app(Path(ours_dir)))
        else:
            self.notes.append(
                "Queries, re-index and app launch: n/a — our index could not be built."
            )
        self.attempt("Big documents in the reader", self._big_documents)
        return self._report(docs)

    def _engines(self, ours_dir: str, fts_dir: str) -> list[tuple[str, str, str]]:
        """(key, label, index dir) of every engine in this run, in the order they run."""
        tantivy_dir = str(self.work / "tantivy")
        dirs = {"fts5": fts_dir, "ours": ours_dir, "recoll": "", "tantivy": tantivy_dir}
        ready = {
            "ours": True,
            "fts5": "fts5" in self.args.peers,
            "recoll": bool(self.recoll_version),
            "tantivy": bool(self.tantivy_version),
        }
        return [(key, LABELS[key], dirs[key]) for key in LABELS if ready[key]]

    def _peers_ready(self) -> None:
        chosen = self.args.peers
        shown = shlex.quote(",".join(chosen))
        for key in PEER_KEYS:
            if key not in chosen:
                self.notes.append(f"{LABELS[key]}: not run (--peers {shown}).")
        if "tantivy" in chosen:
            self.tantivy_version = peer_tantivy.installed_version()
            if not self.tantivy_version:
                self.notes.append(
                    "Tantivy: not run — the tantivy package is not installed "
                    "(`pip install -e '.[bench]'`, which `make bench` runs)."
                )
        if "recoll" not in chosen:
            return
        if self.args.skip_recoll:
            self.notes.append("Recoll: skipped (--skip-recoll).")
            return
        why = peer_recoll.ensure_installed()
        if why:
            self.notes.append(f"Recoll: not run — {why}.")
        else:
            self.recoll_version = peer_recoll.version()

    def _build(self, engine: str, index_dir: str, docs: int) -> None:
        if engine == "recoll":
            result = peer_recoll.build(self.corpus, self.work)
        else:
            args: dict[str, object] = {"corpus": str(self.corpus), "index_dir": index_dir}
            if engine == "ours":
                args["procs"] = self.args.procs
            result = run_worker(engine, "build", **args)
        _build_figures(self.figures[engine], result, docs)

    def _search(self, engine: str, index_dir: str, docs: int) -> None:
        if engine == "recoll":
            self._recoll_queries()
            return
        skip = {"overlap": False} if engine == "ours" and self.args.no_overlap else {}
        result = run_worker(
            engine,
            "search",
            index_dir=index_dir,
            queries=self.queries,
            rounds=self.args.rounds,
            **skip,
        )
        label = LABELS[engine]
        held, no_hits = result.get("doc_count"), result.get("no_hits")
        if result.get("needs_rebuild") or held not in (None, docs):
            self.notes.append(
                f"{label} queries: discarded — the index held {held} of {docs} documents or "
                "asked for a rebuild when opened (did index/ change during the run?)."
            )
            return
        _latency(self.figures[engine], result)
        # The peak while answering the query mix, when the worker reports it (ours does, before
        # its exhaustive relevance check); otherwise the whole process's peak.
        peak = _float(result.get("search_peak_rss_kb")) or _float(result["peak_rss_kb"]) or 0.0
        self.figures[engine]["search_rss_mb"] = peak / 1024
        if isinstance(no_hits, list) and no_hits:
            self.notes.append(f"{label}: no hits for {len(no_hits)} queries: {no_hits}.")
        if engine == "ours":
            overlap = _float(result.get("overlap"))
            self.figures["ours"]["overlap"] = overlap
            if self.args.no_overlap:
                self.notes.append("Top-10 overlap: not measured (--no-overlap).")
            elif overlap is None:
                self.notes.append(
                    "Top-10 overlap: n/a — Engine.search() has no `exhaustive=` keyword yet."
                )

    def _keystrokes(self, engine: str, index_dir: str) -> None:
        if engine == "recoll":
            result = peer_recoll.keystrokes(self.work, self.queries)
        else:
            result = run_worker(engine, "keystrokes", index_dir=index_dir, queries=self.queries)
        into = self.figures[engine]
        for key in ("p50_ms", "p95_ms", "vanished_pct", "on_track_pct"):
            into[f"key_{key}"] = _float(result.get(key))
        self.keystrokes = int(_float(result.get("keystrokes")) or 0)

    def _pasted(self, engine: str, index_dir: str) -> None:
        files = [str(path) for path in islice(iter_corpus_files(self.corpus), PASTED_QUERIES)]
        result = run_worker(engine, "pasted", index_dir=index_dir, files=files)
        self.figures[engine]["pasted_p95_ms"] = _float(result.get("p95_ms"))
        self.figures[engine]["pasted_first_pct"] = _float(result.get("source_first_pct"))

    def _recoll_queries(self) -> None:
        result = peer_recoll.search(self.work, self.queries, self.args.rounds)
        values = result["latencies_ms"]
        assert isinstance(values, list)
        self.figures["recoll"]["search_rss_mb"] = (_float(result["peak_rss_kb"]) or 0.0) / 1024
        self.notes.append(
            f"Recoll queries ran as one `recollq -n 10 -A -p 3` process each (start-up and "
            f"Xapian open included): p50 {percentile(values, 50):.1f} ms, p95 "
            f"{percentile(values, 95):.1f} ms. Not comparable with in-process latencies, so "
            "left out of the table; its RSS row is the largest recollq process."
        )

    def _reindex(self, engine: str, index_dir: str) -> None:
        if engine == "recoll":
            result = peer_recoll.reindex(self.work)
        else:
            args: dict[str, object] = {"corpus": str(self.corpus), "index_dir": index_dir}
            if engine == "ours":
                args["procs"] = self.args.procs
            result = run_worker(engine, "reindex", **args)
        self._keep_reindex(engine, "reindex_s", "re-index", result)

    def _reindex_named(self, engine: str, index_dir: str, changed: Path) -> None:
        if engine == "recoll":
            result = peer_recoll.reindex_named(self.work, changed)
        else:
            result = run_worker(engine, "reindex_named", index_dir=index_dir, path=str(changed))
        self._keep_reindex(engine, "reindex_named_s", "named re-index", result)

    def _keep_reindex(self, engine: str, key: str, what: str, result: dict[str, object]) -> None:
        """A re-index's wall time as the `key` figure, if it re-indexed the one changed file."""
        wall, updated = _float(result["wall_s"]), result.get("updated")
        if updated == 1:
            self.figures[engine][key] = wall
        else:
            self.notes.append(
                f"{LABELS[engine]} {what}: discarded — it re-indexed {updated} documents, not 1 "
                f"({wall or 0:.2f} s)."
            )

    def _app(self, index_dir: Path) -> None:
        result = ours.app_ready(index_dir)
        if "error" in result:
            self.notes.append(f"App launch to window: n/a — {result['error']}")
        else:
            self.figures["ours"]["app_ready_s"] = _float(result["wall_s"])

    def _big_documents(self) -> None:
        result = run_worker("big", "documents")
        sizes = result["sizes"]
        assert isinstance(sizes, dict)
        stalls = []
        for megabytes, row in sizes.items():
            mb = int(float(megabytes))
            self.figures["ours"][f"big{mb}_first_s"] = _float(row["first_match_s"])
            stalls.append(_float(row["longest_stall_s"]) or 0.0)
        self.figures["ours"]["big_stall_s"] = max(stalls, default=None)

    def _load(self) -> tuple[str, str]:
        """Other work on the machine skews timings: say how busy it was."""
        now = os.getloadavg()[0]
        return ("Load (1-min) at start / end", f"{self.load_at_start:.2f} / {now:.2f}")

    def _report(self, docs: int) -> report.Run:
        self.notes.append(
            "Re-index: Tìm Tin and FTS5 times are the update call inside a fresh process "
            "(stat every file, re-index the changed one); Recoll's is a whole `recollindex` run. "
            "Named re-index: another file changed, and only its path given, as a watcher gives "
            "it: Tìm Tin's `update_paths([path])` (its folder's manifest shard read and "
            "rewritten, no walk), FTS5's row and Tantivy's document replaced, "
            "`recollindex -i PATH`; each in a fresh process. "
            "App launch runs the `timtin` entry point from this checkout with "
            "`--screenshot PNG --index-dir DIR` under QT_QPA_PLATFORM=offscreen, "
            "process start to exit."
        )
        self.notes.append(
            f"Keystrokes: every prefix of 2 characters and up of every query of the mix "
            f"({self.keystrokes} keystrokes), the last word a prefix: Tìm Tin's "
            "`search(typing=True)` as the window asks, FTS5's `\"word\" *`, Recoll's `word*` "
            "(one `recollq` process each, start-up included), Tantivy's 50 most frequent "
            "completions of the last word OR-ed; top 10 with snippets. "
            "'Vanished' counts keystrokes with no results although the finished query has some; "
            "'on track', those whose top 10 holds the finished query's first hit (each engine's "
            "own). Pasted: a 200-word run from each of the first 30 files, as typed in the "
            "file, searched as one query; 'source first' is the share ranking that file first."
        )
        if self.tantivy_version:
            self.notes.append(peer_tantivy.NOTE)
        command = shlex.join([".venv/bin/python", "-m", "bench", *sys.argv[1:]])
        return report.Run(
            docs=docs,
            corpus_mb=corpus_bytes(self.corpus) / MB,
            seed=self.args.seed,
            queries=len(self.queries),
            rounds=self.args.rounds,
            command=command,
            date=datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            machine=[
                *machine.describe(self.recoll_version),
                ("Tantivy (Python package)", self.tantivy_version or "not run"),
                self._load(),
            ],
            figures=self.figures,
            notes=self.notes,
        )


class FormatBench:
    """A `--format` run: our index built from the text corpus, then from its conversion."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.corpus = ensure_corpus(args.docs, args.seed)
        self.converted = formats.ensure_converted(self.corpus, args.format)
        self.work = CACHE / f"run-{args.docs}-{args.format}"
        self.load_at_start = os.getloadavg()[0]

    def _build(self, corpus: Path, files: list[Path], name: str) -> Figures:
        for path in files:  # warm the page cache alike for both
            path.read_bytes()
        _say(f"Tìm Tin build, {name} corpus")
        result = run_worker(
            "ours",
            "build",
            corpus=str(corpus),
            index_dir=str(self.work / name),
            procs=self.args.procs,
        )
        figures: Figures = {"corpus_mb": sum(p.stat().st_size for p in files) / MB}
        _build_figures(figures, result, len(files))
        figures["skipped"] = _float(result.get("skipped"))
        return figures

    def run(self) -> report.FormatRun:
        fmt = self.args.format
        txt_files = list(iter_corpus_files(self.corpus))
        figures = {
            "txt": self._build(self.corpus, txt_files, "txt"),
            fmt: self._build(self.converted, formats.format_files(self.converted, fmt), fmt),
        }
        load = f"{self.load_at_start:.2f} / {os.getloadavg()[0]:.2f}"
        return report.FormatRun(
            docs=len(txt_files),
            fmt=fmt,
            seed=self.args.seed,
            command=shlex.join([".venv/bin/python", "-m", "bench", *sys.argv[1:]]),
            date=datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            machine=[*machine.describe(None), ("Load (1-min) at start / end", load)],
            figures=figures,
        )


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if args.format:
        format_run = FormatBench(args).run()
        format_section = report.render_formats(format_run)
        print(format_section)
        if not args.no_write:
            _say(f"wrote {report.write(format_section, format_run.docs, fmt=format_run.fmt)}")
        return 0
    run = Bench(args).run()
    section = report.render(run)
    print(section)
    if not args.no_write:
        _say(f"wrote {report.write(section, run.docs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
