"""The accent-exact words an index holds, grouped by their folded form, with document counts.

Answers "which accented forms of `ban` exist, and how often" without touching postings;
segments never change once written, so each one's word counts are cached beside the index.
"""

from __future__ import annotations

import bisect
import contextlib
import json
from collections import defaultdict
from pathlib import Path

from index.log import logger
from index.storage.atomic_file import write_atomically
from index.storage.whoosh_types import WhooshReader, WhooshSegment
from index.text.fold import fold

log = logger(__name__)
CACHE_PREFIX = "timtin-vocab-"
FIELD = "body_exact"


def _segment_counts(leaf: WhooshReader) -> dict[str, int]:
    counts: dict[str, int] = {}
    for term, info in leaf.iter_field(FIELD):
        text = term.decode("utf-8") if isinstance(term, bytes) else term
        counts[text] = info.doc_frequency()
    return counts


def _cached_segment_counts(
    leaf: WhooshReader, segment: WhooshSegment, cache_dir: Path | None
) -> dict[str, int]:
    if cache_dir is None:
        return _segment_counts(leaf)
    path = cache_dir / f"{CACHE_PREFIX}{segment.segment_id()}.json"
    try:
        counts: dict[str, int] = json.loads(path.read_text(encoding="utf-8"))
        return counts
    except (OSError, ValueError):
        pass
    counts = _segment_counts(leaf)
    try:
        write_atomically(path, json.dumps(counts, ensure_ascii=False).encode("utf-8"))
    except OSError as error:  # a read-only index still searches, only slower to open
        log.info("cannot cache vocabulary in %s: %s", cache_dir, error)
    return counts


def _remove_stale_caches(cache_dir: Path, live: set[str]) -> None:
    for path in cache_dir.glob(f"{CACHE_PREFIX}*.json"):
        if path.name not in live:
            path.unlink(missing_ok=True)


class Vocabulary:
    """Exact syllables of one index generation, keyed by folded form."""

    def __init__(self, forms_by_fold: dict[str, list[tuple[str, int]]]) -> None:
        self._forms = forms_by_fold
        self._sorted: list[str] | None = None

    @classmethod
    def from_reader(cls, reader: WhooshReader, cache_dir: Path | None = None) -> Vocabulary:
        """Sum the per-segment counts (deleted documents still count until a merge)."""
        totals: dict[str, int] = defaultdict(int)
        live: set[str] = set()
        for leaf, _offset in reader.leaf_readers():
            segment = leaf.segment()
            if segment is None:  # the empty reader of an index with no segment yet
                continue
            live.add(f"{CACHE_PREFIX}{segment.segment_id()}.json")
            for term, count in _cached_segment_counts(leaf, segment, cache_dir).items():
                totals[term] += count
        if cache_dir is not None:
            with contextlib.suppress(OSError):
                _remove_stale_caches(cache_dir, live)
        grouped: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for term, count in totals.items():
            grouped[fold(term)].append((term, count))
        for forms in grouped.values():
            forms.sort(key=lambda pair: (-pair[1], pair[0]))
        return cls(dict(grouped))

    def forms_of(self, folded: str) -> list[tuple[str, int]]:
        """Exact forms sharing `folded`, most frequent first."""
        return self._forms.get(folded, [])

    def __contains__(self, folded: str) -> bool:
        return folded in self._forms

    def words_starting(self, folded_prefix: str) -> list[str]:
        """Folded words that start with `folded_prefix`, in alphabetical order."""
        if self._sorted is None:
            self._sorted = sorted(self._forms)
        words = self._sorted
        start = bisect.bisect_left(words, folded_prefix)
        end = bisect.bisect_left(words, folded_prefix + "\U0010ffff", lo=start)
        return words[start:end]

    def uses(self, folded: str) -> int:
        """How often the index uses a folded word: its forms' document counts, summed."""
        return sum(count for _, count in self._forms.get(folded, ()))
