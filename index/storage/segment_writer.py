"""Whoosh's segment writer, gathering postings in memory and writing them a term at a time.

Same segments, commits, merges and deletions as Whoosh's SegmentWriter; only the path from
terms to the postings file is shorter (see postings_in_memory and codec beside it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from whoosh.writing import SegmentWriter

from index.storage.atomic_file import flush_to_disk
from index.storage.checksums import sync_and_record
from index.storage.postings_in_memory import InvertedPostings


class InvertingSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """A SegmentWriter whose pool is an InvertedPostings; its codec must be TimTinCodec.

    Documents take no boosts, spelling words or vectors (the Tìm Tin schema has none).
    """

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        whoosh_pool: Any = self.pool
        whoosh_pool.cleanup()  # nothing was added to it, nothing is on disk
        self.pool: InvertedPostings = InvertedPostings(self.schema)

    def add_document(self, **fields: Any) -> None:
        """Add one document, its syllable fields' postings gathered term by term."""
        self._check_state()
        schema, pool, perdoc = self.schema, self.pool, self.perdocwriter
        docnum = self.docnum
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, names)
        perdoc.start_doc(docnum)
        for name in names:
            value = fields[name]
            if value is None:
                continue
            field = schema[name]
            length = 0
            if field.indexed and pool.is_lean(name):
                terms = field.distinct_terms(value)
                pool.add_terms(name, docnum, terms)
                if field.scorable:
                    length = sum(terms.values())
            elif field.indexed:
                for tbytes, freq, weight, vbytes in field.index(value):
                    if field.scorable:
                        length += freq
                    pool.add((name, tbytes, docnum, weight, vbytes))
            stored = fields.get(f"_stored_{name}", value) if field.stored else None
            perdoc.add_field(name, field, stored, length)
            column = field.column_type
            if column:
                perdoc.add_column_value(name, column, field.to_column_value(value))
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _commit_toc(self, segments: list[Any]) -> None:
        """Flush the new segments' files to disk and record their checksums, then let Whoosh
        publish the new table of contents, and flush that too: a crash never publishes a
        segment whose files are not on disk."""
        folder = Path(self.storage.folder)
        sync_and_record(folder, segments)
        super()._commit_toc(segments)
        _sync_folder(folder)

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        self.fieldwriter.add_inverted(self.schema, self.pool)
        self.fieldwriter.close()


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entries (the renamed table of contents) where the OS allows it."""
    for toc in folder.glob("_*.toc"):
        flush_to_disk(toc)
    if sys.platform != "win32":
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
