"""The report: one Markdown section per corpus size, merged into BENCHMARKS.md at the repo root.

A run replaces only its own size's section, so 10k and 100k figures live side by side; a
`--format` run has a section of its own per size and file type (`N=10000:html`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import REPO

Figures = dict[str, float | None]
ENGINES = (
    ("ours", "Tìm Tin"),
    ("fts5", "SQLite FTS5"),
    ("recoll", "Recoll"),
    ("tantivy", "Tantivy"),
)
PEERS = (("fts5", "FTS5"), ("recoll", "Recoll"), ("tantivy", "Tantivy"))
HEADER = """# Benchmarks

Issue 6's speed benchmark: our engine, SQLite FTS5, Recoll and Tantivy (issue 16's near-limit
reference) built and queried side by side on the same generated corpus
(`../shared/bench/make_corpus.py`) and query mix (`../shared/bench/queries.txt`), with the same
folding (diacritics removed, đ→d). Produced by `make bench` (`.venv/bin/python -m bench --docs
N`); each section is one corpus size and a run replaces only its own section.
"""
NOTES_MARKER = "<!-- notes -->"
_SECTION = re.compile(r"<!-- bench:N=(\d+)((?::\w+)?) -->\n.*?<!-- /bench:N=\1\2 -->\n", re.DOTALL)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    digits: int
    ratio: bool = True


ROWS = (
    Row("build_s", "Index build, wall (s)", 1),
    Row("docs_per_s", "Build throughput (docs/s, higher is better)", 0),
    Row("size_mb", "Index size on disk (MB)", 1),
    Row("open_ms", "Open index for searching (ms)", 1),
    Row("p50_ms", "Query latency p50 (ms)", 1),
    Row("p95_ms", "Query latency p95 (ms)", 1),
    Row("counted_p95_ms", "Query latency p95 with exact total (ms, 1 round)", 1, ratio=False),
    Row("reindex_s", "Re-index after one file changed (s)", 2),
    Row("reindex_named_s", "Re-index one changed file, named as the watcher does (s)", 2),
    Row("search_rss_mb", "Peak RSS, searching process (MB)", 0),
    Row("build_rss_mb", "Peak RSS, indexing process (MB)", 0),
    Row("app_ready_s", "App launch to window on this index (s)", 2, ratio=False),
    Row("big1_first_s", "Reader: open a 1 MB text to its first match (s)", 2, ratio=False),
    Row("big8_first_s", "Reader: open an 8 MB text to its first match (s)", 2, ratio=False),
    Row("big30_first_s", "Reader: open a 30 MB text to its first match (s)", 2, ratio=False),
    Row("big_stall_s", "Reader: longest GUI stall meanwhile (s)", 2, ratio=False),
    Row("overlap", "Top-10 overlap with exhaustive ranking", 2, ratio=False),
    Row("key_p50_ms", "Keystroke latency p50 (ms; Recoll: whole process)", 1),
    Row("key_p95_ms", "Keystroke latency p95 (ms; Recoll: whole process)", 1),
    Row("key_vanished_pct", "Keystrokes with results vanished (%)", 1, ratio=False),
    Row(
        "key_on_track_pct",
        "Keystrokes on track: top 10 holds the finished first hit (%)",
        1,
        ratio=False,
    ),
    Row("pasted_p95_ms", "Pasted 200-word paragraph p95 (ms)", 1),
    Row("pasted_first_pct", "Pasted paragraph: its source ranked first (%)", 1, ratio=False),
)


@dataclass
class Run:
    """Everything one benchmark run measured, ready to render."""

    docs: int
    corpus_mb: float
    seed: int
    queries: int
    rounds: int
    command: str
    date: str
    machine: list[tuple[str, str]]
    figures: Mapping[str, Figures]
    notes: list[str] = field(default_factory=list)


def _num(value: float | None, digits: int) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def _ratio(ours: float | None, theirs: float | None) -> str:
    if ours is None or theirs is None or theirs == 0:
        return "—"
    return f"{ours / theirs:.2f}×"


def _table(run: Run) -> list[str]:
    heads = [name for _, name in ENGINES] + [f"Tìm Tin ÷ {name}" for _, name in PEERS]
    lines = ["| Measure | " + " | ".join(heads) + " |", "|---|" + "--:|" * len(heads)]
    for row in ROWS:
        cells = [_num(run.figures.get(key, {}).get(row.key), row.digits) for key, _ in ENGINES]
        ours = run.figures.get("ours", {}).get(row.key)
        for key, _ in PEERS:
            theirs = run.figures.get(key, {}).get(row.key)
            cells.append(_ratio(ours, theirs) if row.ratio else "—")
        lines.append(f"| {row.label} | " + " | ".join(cells) + " |")
    return lines


Check = tuple[str, Callable[[Mapping[str, Figures]], tuple[float | None, ...]], str]


def _pair(key: str, peer: str) -> Callable[[Mapping[str, Figures]], tuple[float | None, ...]]:
    return lambda f: (f["ours"].get(key), f[peer].get(key))


def _bound(key: str, limit: float) -> Callable[[Mapping[str, Figures]], tuple[float | None, ...]]:
    return lambda f: (f["ours"].get(key), limit)


GOALS: tuple[Check, ...] = (
    ("Query p95 ≤ FTS5's p95", _pair("p95_ms", "fts5"), "ms"),
    ("Index build ≤ Recoll's", _pair("build_s", "recoll"), "s"),
    ("Re-index after one change < 2 s", _bound("reindex_s", 2.0), "s"),
    ("Named re-index of one change < 3 s", _bound("reindex_named_s", 3.0), "s"),
    ("App ready < 1.5 s", _bound("app_ready_s", 1.5), "s"),
    ("Peak RSS searching < 400 MB", _bound("search_rss_mb", 400.0), "MB"),
    ("Keystroke p95 ≤ Recoll's keystroke p95", _pair("key_p95_ms", "recoll"), "ms"),
)


def _goals(figures: Mapping[str, Figures]) -> list[str]:
    full = {key: dict(figures.get(key, {})) for key, _ in ENGINES}
    lines = []
    for label, pick, unit in GOALS:
        ours, bound = pick(full)
        if ours is None or bound is None:
            lines.append(f"- {label}: **not measured**")
        else:
            verdict = "met" if ours <= bound else "not met"
            lines.append(f"- {label}: **{verdict}** ({ours:,.2f} {unit} vs {bound:,.2f} {unit})")
    on_track, theirs = full["ours"].get("key_on_track_pct"), full["fts5"].get("key_on_track_pct")
    if on_track is None or theirs is None:
        lines.append("- Keystrokes on track ≥ FTS5's: **not measured**")
    else:
        verdict = "met" if on_track >= theirs else "not met"
        lines.append(
            f"- Keystrokes on track ≥ FTS5's: **{verdict}** ({on_track:.1f} % vs {theirs:.1f} %)"
        )
    vanished = full["ours"].get("key_vanished_pct")
    if vanished is not None:
        verdict = "met" if vanished == 0 else "not met"
        lines.append(f"- No vanishing results while typing: **{verdict}** ({vanished:.1f} %)")
    overlap = full["ours"].get("overlap")
    if overlap is None:
        lines.append("- Top-10 overlap ≥ 0.9: **not measured**")
    else:
        verdict = "met" if overlap >= 0.9 else "not met"
        lines.append(f"- Top-10 overlap ≥ 0.9: **{verdict}** ({overlap:.3f})")
    return lines


def render(run: Run) -> str:
    """The Markdown section for one run, fenced by markers that `write` looks for."""
    out = [
        f"<!-- bench:N={run.docs} -->",
        f"## {run.docs:,} documents",
        "",
        f"Measured {run.date} with `{run.command}`.",
        f"Corpus: {run.docs:,} documents, {run.corpus_mb:.1f} MB of text (make_corpus.py seed "
        f"{run.seed}). Query mix: {run.queries} queries × {run.rounds} rounds, top 10 hits with "
        "snippets, in-process (Recoll: one `recollq` process per query, see notes).",
        "",
        "| Machine | |",
        "|---|---|",
        *(f"| {label} | {value} |" for label, value in run.machine),
        "",
        *_table(run),
        "",
        "Ratios are Tìm Tin ÷ peer: below 1.00× Tìm Tin is faster or smaller "
        "(for docs/s, higher is better).",
        "",
        "Goals of issue 6 on this corpus:",
        "",
        *_goals(run.figures),
    ]
    if run.notes:
        out += ["", "Notes and missing figures:", "", *(f"- {note}" for note in run.notes)]
    out.append(f"<!-- /bench:N={run.docs} -->")
    return "\n".join(out) + "\n"


@dataclass
class FormatRun:
    """A `--format` run: our index build on the text corpus and on its conversion."""

    docs: int
    fmt: str
    seed: int
    command: str
    date: str
    machine: list[tuple[str, str]]
    figures: Mapping[str, Figures]  # "txt" and the format -> build figures


FORMAT_ROWS = (
    Row("corpus_mb", "Corpus on disk (MB)", 1),
    Row("build_s", "Index build, wall (s)", 1),
    Row("docs_per_s", "Build throughput (docs/s, higher is better)", 0),
    Row("size_mb", "Index size on disk (MB)", 1),
    Row("build_rss_mb", "Peak RSS, indexing process (MB)", 0),
    Row("skipped", "Files skipped", 0, ratio=False),
)


def render_formats(run: FormatRun) -> str:
    """The Markdown section of a `--format` run: the text corpus beside its conversion."""
    name = run.fmt.upper()
    txt, converted = run.figures.get("txt", {}), run.figures.get(run.fmt, {})
    table = [f"| Measure | .txt corpus | {name} corpus | {name} ÷ .txt |", "|---|--:|--:|--:|"]
    for row in FORMAT_ROWS:
        theirs, ours = txt.get(row.key), converted.get(row.key)
        ratio = _ratio(ours, theirs) if row.ratio else "—"
        table.append(
            f"| {row.label} | {_num(theirs, row.digits)} | {_num(ours, row.digits)} | {ratio} |"
        )
    out = [
        f"<!-- bench:N={run.docs}:{run.fmt} -->",
        f"## {run.docs:,} documents as {name}",
        "",
        f"Measured {run.date} with `{run.command}`.",
        f"Tìm Tin's index build from scratch on the {run.docs:,}-document corpus (make_corpus.py "
        f"seed {run.seed}) and on the same documents converted to {name} by bench/formats.py "
        "(HTML: a saved news page, the article among a menu, a sidebar and a footer; DOCX: a "
        "heading and a paragraph per line).",
        "",
        "| Machine | |",
        "|---|---|",
        *(f"| {label} | {value} |" for label, value in run.machine),
        "",
        *table,
        f"<!-- /bench:N={run.docs}:{run.fmt} -->",
    ]
    return "\n".join(out) + "\n"


def write(section: str, docs: int, path: Path = REPO / "BENCHMARKS.md", fmt: str = "") -> Path:
    """Put `section` into BENCHMARKS.md, replacing an older section for the same size (and
    file type, for a `--format` run's)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    sections = {(int(m.group(1)), m.group(2)): m.group(0) for m in _SECTION.finditer(old)}
    sections[(docs, f":{fmt}" if fmt else "")] = section
    body = "\n".join(sections[key] for key in sorted(sections))
    notes_at = old.find(NOTES_MARKER)
    notes = "\n" + old[notes_at:] if notes_at >= 0 else ""  # written by hand, kept as is
    path.write_text(HEADER + "\n" + body + notes, encoding="utf-8")
    return path
