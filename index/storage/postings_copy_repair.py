"""Rewrites a segment's postings copy from Whoosh's own postings when it is missing or broken.

Searching never needs this (Whoosh ranks a segment without a copy, only slower); indexing
runs it so that a damaged copy does not stay slow for ever.
"""

from __future__ import annotations

from array import array
from pathlib import Path

from index.log import logger
from index.storage.atomic_file import atomic_writer
from index.storage.codec import COPIED_FIELDS, WEIGHTED_FIELDS
from index.storage.postings_copy import EXTENSION, PostingsCopyWriter, open_copy
from index.storage.whoosh_types import WhooshMatcher, WhooshReader

log = logger(__name__)


def repair_copies(index_dir: Path, reader: WhooshReader) -> list[str]:
    """Rewrite every unreadable postings copy of the index `reader` reads; return the
    segments repaired."""
    repaired = []
    for leaf, _ in reader.leaf_readers():
        segment = leaf.segment() if hasattr(leaf, "segment") else None
        if segment is None:  # an empty index
            continue
        path = index_dir / segment.make_filename(EXTENSION)
        copy = open_copy(path)
        if copy is not None:
            copy.close()
            continue
        log.warning("postings copy of segment %s unreadable: rewriting it", segment)
        _rewrite(leaf, path)
        repaired.append(segment.segment_id())
    return repaired


def _rewrite(reader: WhooshReader, path: Path) -> None:
    with atomic_writer(path) as file:
        writer = PostingsCopyWriter(file)
        for field_name in sorted(COPIED_FIELDS):
            if field_name not in reader.indexed_field_names():
                continue
            weighted = field_name in WEIGHTED_FIELDS
            for text in reader.lexicon(field_name):
                ids, weights = _postings(reader.postings(field_name, text))
                writer.add(field_name, text, ids, weights if weighted else None)
        writer.close()


def _postings(matcher: WhooshMatcher) -> tuple[array[int], array[float]]:
    ids: array[int] = array("I")
    weights: array[float] = array("f")
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights
