"""Small Protocols for the Whoosh objects the engine handles: index, reader, searcher, writer.

Whoosh 2.7 has no type hints; these name just the parts we call, so mypy checks our side.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol


class WhooshSegment(Protocol):
    """One segment of an index (`whoosh.codec.base.Segment`)."""

    def segment_id(self) -> str:
        """The segment's unique name."""

    def make_filename(self, ext: str) -> str:
        """The file name of one of its parts, by extension."""

    def doc_count_all(self) -> int:
        """Documents in the segment, deleted ones included."""

    def deleted_docs(self) -> Iterable[int]:
        """The segment-local numbers of its deleted documents."""


class WhooshTermInfo(Protocol):
    """What the term table knows of one term (`whoosh.codec.base.TermInfo`)."""

    def doc_frequency(self) -> int:
        """How many documents hold the term."""


class WhooshMatcher(Protocol):
    """A cursor over one term's postings (`whoosh.matching.Matcher`)."""

    def is_active(self) -> bool:
        """False once every posting was read."""

    def id(self) -> int:
        """The current document number."""

    def weight(self) -> float:
        """The current posting's weight (term frequency)."""

    def next(self) -> None:
        """Move to the next posting."""


class WhooshReader(Protocol):
    """An index or segment reader (`whoosh.reading.IndexReader`)."""

    def doc_count(self) -> int:
        """Live documents."""

    def doc_count_all(self) -> int:
        """Documents, deleted ones included."""

    def has_deletions(self) -> bool:
        """True when some documents are deleted."""

    def leaf_readers(self) -> list[tuple[WhooshReader, int]]:
        """Each segment's reader with its document number offset."""

    def segment(self) -> WhooshSegment | None:
        """The segment a leaf reader reads (None for an empty index)."""

    def indexed_field_names(self) -> Iterable[str]:
        """The fields that have terms."""

    def lexicon(self, fieldname: str) -> Iterable[bytes]:
        """Every term of a field, in order."""

    def iter_field(self, fieldname: str) -> Iterator[tuple[bytes, WhooshTermInfo]]:
        """Every term of a field with its term info."""

    def iter_prefix(self, fieldname: str, prefix: str) -> Iterator[tuple[bytes, WhooshTermInfo]]:
        """The terms of a field that start with `prefix`, in order, with their term info."""

    def doc_frequency(self, fieldname: str, text: str) -> int:
        """How many documents hold a term."""

    def postings(self, fieldname: str, text: bytes) -> WhooshMatcher:
        """A matcher over one term's postings."""

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        """A document's length in a field."""

    def field_length(self, fieldname: str) -> int:
        """The total length of a field over all documents."""

    def close(self) -> None:
        """Release the reader's files."""

    def __enter__(self) -> WhooshReader: ...

    def __exit__(self, *exc: object) -> None: ...


class WhooshSearcher(Protocol):
    """A searcher over one index generation (`whoosh.searching.Searcher`)."""

    def up_to_date(self) -> bool:
        """True when no writer committed since this searcher opened."""

    def reader(self) -> WhooshReader:
        """The reader underneath."""

    def refresh(self) -> WhooshSearcher:
        """This searcher if the index did not change, else a new one."""

    def doc_count(self) -> int:
        """Live documents."""

    def doc_count_all(self) -> int:
        """Documents, deleted ones included."""

    def leaf_searchers(self) -> list[tuple[WhooshSearcher, int]]:
        """Each segment's searcher with its document number offset."""

    def avg_field_length(self, fieldname: str, default: float | None = None) -> float | None:
        """The mean length of a field."""

    def idf(self, fieldname: str, text: str | bytes) -> float:
        """The term's inverse document frequency (Whoosh's formula)."""

    def stored_fields(self, docnum: int) -> dict[str, Any]:
        """The stored fields of one document."""

    def all_stored_fields(self) -> Iterator[dict[str, Any]]:
        """The stored fields of every live document."""

    def docs_for_query(self, q: Any) -> Iterator[int]:
        """The numbers of the documents `q` matches, unscored."""

    def collector(self, **options: Any) -> Any:
        """A Whoosh collector for `search_with_collector`."""

    def search_with_collector(self, q: Any, collector: Any) -> None:
        """Run `q`, handing matches to `collector`."""

    def close(self) -> None:
        """Release the searcher's readers."""

    def __enter__(self) -> WhooshSearcher: ...

    def __exit__(self, *exc: object) -> None: ...


class WhooshWriter(Protocol):
    """A writer holding the index's lock (`whoosh.writing.SegmentWriter`)."""

    schema: Any
    storage: Any

    def add_reader(self, reader: WhooshReader) -> None:
        """Copy a segment's live documents into the new segment (a merge)."""

    def add_document(self, **fields: Any) -> None:
        """Add one document."""

    def update_document(self, **fields: Any) -> None:
        """Replace the document with the same unique field value, or add it."""

    def delete_by_term(self, fieldname: str, text: str, searcher: Any = None) -> int:
        """Delete the documents holding a term."""

    def searcher(self) -> WhooshSearcher:
        """A searcher over what the writer started from."""

    def commit(self, mergetype: Any = None, optimize: bool = False, merge: bool = True) -> None:
        """Write the new segment and publish it, releasing the lock."""

    def cancel(self) -> None:
        """Drop what was added and release the lock."""


class WhooshIndex(Protocol):
    """An index on disk (`whoosh.index.FileIndex`)."""

    schema: Any

    def searcher(self, **kwargs: Any) -> WhooshSearcher:
        """A searcher over the latest generation."""

    def reader(self) -> WhooshReader:
        """A reader over the latest generation."""

    def doc_count(self) -> int:
        """Live documents in the latest generation."""

    def latest_generation(self) -> int:
        """The generation of the newest commit on disk (-1 before the first)."""


StoredFields = Mapping[str, Any]
