"""A new segment's postings gathered in memory, term by term, in document order.

Stands in for Whoosh's PostingPool: no tuple per posting and no sort of them all, which took
most of a segment's writing time.  Documents arrive in ascending order, so each list is sorted.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from itertools import repeat
from typing import Any

from whoosh.formats import Existence, Frequency
from whoosh.system import unpack_uint

from index.storage.fields import SyllableField


class PostingsKind(Enum):
    """How a field's postings are kept, chosen by its Whoosh format."""

    PRESENCE = "presence"  # Existence: document numbers only
    COUNTS = "counts"  # Frequency with no boost: document numbers and term counts
    GENERAL = "general"  # anything else: Whoosh's (document, weight, value) postings


PRESENCE = PostingsKind.PRESENCE
COUNTS = PostingsKind.COUNTS
GENERAL = PostingsKind.GENERAL


def kind_of(field_type: Any) -> PostingsKind:
    """How `field_type`'s postings are kept: the lean kinds are our syllable fields'."""
    if not isinstance(field_type, SyllableField):
        return GENERAL
    format_ = field_type.format
    if type(format_) is Existence:
        return PRESENCE
    if type(format_) is Frequency and format_.field_boost == 1.0:
        return COUNTS
    return GENERAL


@dataclass
class FieldPostings:
    """One field's postings: term -> document numbers, and counts or Whoosh postings."""

    kind: PostingsKind
    ids: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    counts: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    general: dict[bytes, list[tuple[int, float, bytes]]] = field(default_factory=dict)


class InvertedPostings:
    """Postings of a segment being written, field by field.  Also takes Whoosh's pool items
    (`add`), which is how merged segments and non-syllable fields arrive."""

    def __init__(self, schema: Any) -> None:
        self._kinds = {name: kind_of(schema[name]) for name in schema.names()}
        self._fields: dict[str, FieldPostings] = {}

    def is_lean(self, field_name: str) -> bool:
        """Whether `field_name` takes a whole document's terms at once (`add_terms`)."""
        return self._kinds.get(field_name, GENERAL) != GENERAL

    def _field(self, field_name: str) -> FieldPostings:
        postings = self._fields.get(field_name)
        if postings is None:
            postings = self._fields[field_name] = FieldPostings(self._kinds[field_name])
        return postings

    def add_terms(self, field_name: str, docnum: int, terms: Collection[str]) -> None:
        """Every distinct term of one document in a lean field; a Mapping gives their counts
        (needed by COUNTS fields)."""
        postings = self._field(field_name)
        _append_each(map(postings.ids.__getitem__, terms), repeat(docnum))
        if postings.kind == COUNTS:
            assert isinstance(terms, Mapping)
            _append_each(map(postings.counts.__getitem__, terms), terms.values())

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting the way Whoosh's pool takes it: (field, term, document, weight, value)."""
        field_name, tbytes, docnum, weight, value = item
        postings = self._field(field_name)
        if postings.kind == GENERAL:
            postings.general.setdefault(tbytes, []).append((docnum, weight, value or b""))
            return
        term = tbytes.decode("utf-8")
        postings.ids[term].append(docnum)
        if postings.kind == COUNTS:
            postings.counts[term].append(unpack_uint(value)[0] if value else round(weight))

    def fields(self) -> Iterator[tuple[str, FieldPostings]]:
        """The fields holding postings, in Whoosh's order (by name)."""
        for name in sorted(self._fields):
            yield name, self._fields[name]

    def cleanup(self) -> None:
        """Whoosh's pool protocol: nothing on disk to remove."""
        self._fields.clear()


def _append_each(lists: Iterator[list[int]], items: Iterator[int] | Collection[int]) -> None:
    """lists[i].append(items[i]) for every i, looping in C: a posting costs no bytecode."""
    deque(map(list.append, lists, items), maxlen=0)
