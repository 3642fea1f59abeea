"""Whoosh's view of a segment's terms: the syllable fields from the postings file, the rest W3.

Whoosh's queries, matchers, merges and term listings read the postings file through this
reader exactly as they read Whoosh's own files; only the fields the file owns are served here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from whoosh.codec import base
from whoosh.matching import ListMatcher, ReadTooFar
from whoosh.reading import TermInfo, TermNotFound
from whoosh.system import pack_uint

from index.storage.postings_file import EXTENSION, Postings, PostingsFile, TermEntry


class PostingsTermInfo(TermInfo):  # type: ignore[misc]
    """A term's statistics: its document count from the directory, the rest from its
    postings, read only when asked (term listings need only the count)."""

    def __init__(self, file: PostingsFile, entry: TermEntry) -> None:
        self._file = file
        self._entry = entry
        self._read: Postings | None = None
        self._shifts: list[int] | None = None  # TermInfo.__init__'s values are not kept
        super().__init__(df=entry.count, minlength=0)
        self._shifts = [0, 0]  # added to the first and last document numbers

    def postings(self) -> Postings:
        """The term's documents and counts."""
        if self._read is None:
            self._read = self._file.read(self._entry)
        return self._read

    def weight(self) -> float:
        """The term's count over all documents."""
        weights = self.postings().weights
        return float(sum(weights)) if weights is not None else float(self._df)

    def max_weight(self) -> float:
        """The term's largest count in one document."""
        weights = self.postings().weights
        return float(max(weights)) if weights is not None else 1.0

    # Whoosh's MultiReader shifts a term found in one segment only by that segment's first
    # document number, in place (`info._minid += offset`): both are read from the postings
    # when asked, and keep the shift.
    @property
    def _minid(self) -> int:
        return self.postings().ids[0] + (self._shifts or (0, 0))[0]

    @_minid.setter
    def _minid(self, value: int) -> None:
        if self._shifts is not None:
            self._shifts[0] = value - self.postings().ids[0]

    @property
    def _maxid(self) -> int:
        return self.postings().ids[-1] + (self._shifts or (0, 0))[1]

    @_maxid.setter
    def _maxid(self, value: int) -> None:
        if self._shifts is not None:
            self._shifts[1] = value - self.postings().ids[-1]

    def min_id(self) -> int:
        """The first document holding the term."""
        return self._minid

    def max_id(self) -> int:
        """The last document holding the term."""
        return self._maxid


class PostingsMatcher(ListMatcher):  # type: ignore[misc]
    """Whoosh's list matcher over a term's arrays, skipping by binary search."""

    _ids: Sequence[int]
    _weights: Sequence[int] | None
    _i: int

    def __init__(
        self,
        ids: Sequence[int],
        weights: Sequence[int] | None,
        format_: Any,
        scorer: Any = None,
        term: Any = None,
        terminfo: TermInfo | None = None,
        position: int = 0,
    ) -> None:
        super().__init__(
            ids,
            weights,
            None,
            format_,
            scorer=scorer,
            position=position,
            term=term,
            terminfo=terminfo,
        )

    def skip_to(self, id: int) -> None:
        """Move to the first posting at or after document `id`."""
        if not self.is_active():
            raise ReadTooFar
        if id > self._ids[self._i]:
            self._i = bisect_left(self._ids, id, self._i)

    def copy(self) -> PostingsMatcher:
        """An independent matcher at the same posting."""
        return PostingsMatcher(
            self._ids,
            self._weights,
            self._format,
            self._scorer,
            self._term,
            self._terminfo,
            self._i,
        )

    def weight(self) -> float:
        """The current document's count (1 for a field without counts)."""
        weights = self._weights
        return float(weights[self._i]) if weights is not None else 1.0

    def block_max_weight(self) -> float:
        """The largest count of the term."""
        weights = self._weights
        return float(max(weights)) if weights is not None else 1.0

    def value(self) -> bytes | None:
        """The posting's value as Whoosh's Frequency format encodes it (None for presence,
        as Whoosh's Existence format reads)."""
        weights = self._weights
        return pack_uint(int(weights[self._i])) if weights is not None else None

    def supports_block_quality(self) -> bool:
        """One block: no block-max pruning (it never paid here)."""
        return False

    def all_ids(self) -> Iterator[int]:
        """Every remaining document, in order."""
        return iter(self._ids[self._i :])


class TimTinTermsReader(base.TermsReader):  # type: ignore[misc]
    """Whoosh's W3 terms reader for the fields it holds, the postings file for the rest."""

    def __init__(self, whoosh: Any, postings: PostingsFile) -> None:
        self._whoosh = whoosh
        self.postings = postings
        self._owned = frozenset(name for name, field in postings.fields.items() if field.owned)

    def _entry(self, fieldname: str, tbytes: bytes) -> TermEntry:
        entry = self.postings.entry(fieldname, tbytes)
        if entry is None:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}")
        return entry

    def __contains__(self, term: tuple[str, bytes]) -> bool:
        fieldname, tbytes = term
        if fieldname in self._owned:
            return self.postings.entry(fieldname, tbytes) is not None
        return term in self._whoosh

    def cursor(self, fieldname: str, fieldobj: Any) -> Any:
        """Whoosh's cursor for its fields; the postings file's fields have none (spelling
        suggestions, the only user, are not asked of them)."""
        if fieldname in self._owned:
            raise NotImplementedError(f"no cursor over {fieldname}")
        return self._whoosh.cursor(fieldname, fieldobj)

    def indexed_field_names(self) -> list[str]:
        """Every field with terms in the segment."""
        return sorted(set(self._whoosh.indexed_field_names()) | self._owned)

    def terms(self) -> Iterator[tuple[str, bytes]]:
        """Every (field, term) of the segment, in order."""
        return (term for term, _ in self.items())

    def terms_from(self, fieldname: str, prefix: bytes) -> Iterator[tuple[str, bytes]]:
        """Every (field, term) from `fieldname`'s `prefix` on."""
        return (term for term, _ in self.items_from(fieldname, prefix))

    def items(self) -> Iterator[tuple[tuple[str, bytes], TermInfo]]:
        """Every ((field, term), info) of the segment, fields in name order."""
        whoosh_items = self._whoosh.items()
        return self._merged(whoosh_items, sorted(self._owned))

    def items_from(
        self, fieldname: str, prefix: bytes
    ) -> Iterator[tuple[tuple[str, bytes], TermInfo]]:
        """Every ((field, term), info) of `fieldname` from `prefix` on (Whoosh's callers stop
        at the field's end; for its own fields, the later fields may follow)."""
        if fieldname in self._owned:
            return self._field_items(fieldname, prefix)
        return (
            item
            for item in self._whoosh.items_from(fieldname, prefix)
            if item[0][0] not in self._owned
        )

    def _field_items(
        self, fieldname: str, start: bytes
    ) -> Iterator[tuple[tuple[str, bytes], TermInfo]]:
        postings = self.postings
        for entry in postings.entries_from(fieldname, start):
            yield (fieldname, entry.name), PostingsTermInfo(postings, entry)

    def _merged(
        self, whoosh_items: Iterator[tuple[tuple[str, bytes], TermInfo]], owned: list[str]
    ) -> Iterator[tuple[tuple[str, bytes], TermInfo]]:
        """Whoosh's items with the owned fields' put in their place by field name (Whoosh
        lists fields in the order it numbered them, which is by name for our writer)."""
        pending = list(owned)
        for item in whoosh_items:
            fieldname = item[0][0]
            if fieldname in self._owned:
                continue  # a field Whoosh also holds is served from the postings file
            while pending and pending[0] < fieldname:
                yield from self._field_items(pending.pop(0), b"")
            yield item
        for name in pending:
            yield from self._field_items(name, b"")

    def term_info(self, fieldname: str, tbytes: bytes) -> TermInfo:
        """The term's statistics."""
        if fieldname in self._owned:
            return PostingsTermInfo(self.postings, self._entry(fieldname, tbytes))
        return self._whoosh.term_info(fieldname, tbytes)

    def frequency(self, fieldname: str, tbytes: bytes) -> float:
        """The term's count over all documents."""
        if fieldname in self._owned:
            return float(self.term_info(fieldname, tbytes).weight())
        return float(self._whoosh.frequency(fieldname, tbytes))

    def doc_frequency(self, fieldname: str, tbytes: bytes) -> int:
        """How many documents hold the term (KeyError when none does)."""
        if fieldname in self._owned:
            entry = self.postings.entry(fieldname, tbytes)
            if entry is None:
                raise KeyError(tbytes)
            return entry.count
        return int(self._whoosh.doc_frequency(fieldname, tbytes))

    def matcher(self, fieldname: str, tbytes: bytes, format_: Any, scorer: Any = None) -> Any:
        """A matcher over the term's postings."""
        if fieldname not in self._owned:
            return self._whoosh.matcher(fieldname, tbytes, format_, scorer=scorer)
        info = PostingsTermInfo(self.postings, self._entry(fieldname, tbytes))
        postings = info.postings()
        return PostingsMatcher(
            postings.ids, postings.weights, format_, scorer, (fieldname, tbytes), info
        )

    def close(self) -> None:
        """Close Whoosh's files and the postings file."""
        self._whoosh.close()
        self.postings.close()


def postings_path(storage: Any, segment: Any) -> Path:
    """Where a segment's postings file is."""
    return Path(storage.folder) / str(segment.make_filename(EXTENSION))


def postings_of(reader: Any) -> PostingsFile | None:
    """The postings file a Whoosh segment reader reads, or None for a segment another codec
    wrote (then Whoosh's matchers rank it)."""
    terms = getattr(reader, "_terms", None)
    return terms.postings if isinstance(terms, TimTinTermsReader) else None
