"""Benchmark inputs: generated corpora cached under .bench-cache/, and the shared query mix.

Also the one-file edit that the incremental re-index measurement needs, undone afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_BENCH = REPO.parent / "shared" / "bench"
CACHE = REPO / ".bench-cache"
DEFAULT_SEED = 2025
_DONE = ".complete"
_EDIT = "\nCập nhật: Bộ Công an bổ sung thông tin về chính sách đất đai mới.\n"


def corpus_dir(n_docs: int, seed: int = DEFAULT_SEED) -> Path:
    """Where the corpus of `n_docs` documents for `seed` lives in the cache."""
    return CACHE / f"corpus-{n_docs}-seed{seed}"


def ensure_corpus(n_docs: int, seed: int = DEFAULT_SEED) -> Path:
    """Return the cached corpus, generating it first with make_corpus.py if missing."""
    out = corpus_dir(n_docs, seed)
    if (out / _DONE).exists():
        return out
    script = SHARED_BENCH / "make_corpus.py"
    if not script.exists():
        raise FileNotFoundError(f"{script} not found: shared/ must sit beside the repo")
    partial = out.with_name(out.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    print(f"generating {n_docs} documents into {out} ...", file=sys.stderr, flush=True)
    cmd = [sys.executable, str(script), str(partial), str(n_docs), "--seed", str(seed)]
    subprocess.run(cmd, check=True)
    partial.rename(out)
    (out / _DONE).write_text("ok\n", encoding="utf-8")
    return out


def iter_corpus_files(root: Path) -> Iterator[Path]:
    """Every document of a corpus, in sorted path order, one folder listed at a time: a million
    documents are never all held as a list."""
    with os.scandir(root) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from iter_corpus_files(Path(entry.path))
        elif entry.name.endswith(".txt") and entry.is_file():
            yield Path(entry.path)


def corpus_files(root: Path) -> list[Path]:
    """Every document of a corpus, in a stable order (iter_corpus_files as a list)."""
    return list(iter_corpus_files(root))


def count_files(root: Path) -> int:
    return sum(1 for _ in iter_corpus_files(root))


def corpus_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in iter_corpus_files(root))


def load_queries(path: Path | None = None) -> list[str]:
    """The query mix: one query per line, blank lines and #-comments skipped."""
    text = (path or SHARED_BENCH / "queries.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@contextmanager
def one_file_changed(root: Path, share: float = 0.5) -> Iterator[Path]:
    """Append a sentence to one document, `share` of the way through the corpus (new size,
    newer mtime); restore it byte for byte after."""
    target = next(islice(iter_corpus_files(root), int(count_files(root) * share), None))
    original = target.read_bytes()
    stat = target.stat()
    try:
        target.write_bytes(original + _EDIT.encode("utf-8"))
        bumped = max(stat.st_mtime_ns + 5_000_000_000, os.stat(target).st_mtime_ns)
        os.utime(target, ns=(bumped, bumped))
        yield target
    finally:
        target.write_bytes(original)
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
