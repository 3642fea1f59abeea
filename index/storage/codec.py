"""The Whoosh codec of a Tìm Tin index: the syllable fields' postings in one compact file.

Every segment Whoosh writes (bulk, update or merge) keeps its syllable fields' postings once, in
index.storage.postings_file, which Whoosh's matchers and the fast ranker both read; the other
fields (paths, dates, kinds, titles with positions) stay in Whoosh's W3 files.
"""

from __future__ import annotations

from array import array
from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3PostingsWriter, W3TermsReader

from index.storage.postings_file import EXTENSION, PostingsFile, PostingsFileWriter
from index.storage.postings_in_memory import GENERAL, PRESENCE, FieldPostings, InvertedPostings
from index.storage.postings_terms import TimTinTermsReader, postings_path
from index.storage.schema import SCORED_FIELDS, TIER_FIELDS

# Fields the fast ranker reads: those Whoosh keeps (the titles, for their positions) are
# copied into the postings file too, ids only.
COPIED_FIELDS = frozenset(SCORED_FIELDS + TIER_FIELDS)


class TimTinCodec(W3Codec):  # type: ignore[misc]
    """Whoosh's W3 codec without per-posting length statistics, the syllable fields' postings
    in the postings file.

    Length statistics only serve block-max pruning, which never pays here (BENCHMARKS.md),
    and cost a column lookup per posting while writing.
    """

    length_stats = False

    def field_writer(self, storage: Any, segment: Any) -> CopyingFieldWriter:
        """Whoosh's field writer, the syllable fields going to the postings file."""
        return CopyingFieldWriter(self, storage, segment)

    def terms_reader(self, storage: Any, segment: Any) -> TimTinTermsReader:
        """Whoosh's terms reader for its fields, the postings file for the syllable fields."""
        whoosh = W3TermsReader(
            self,
            storage.open_file(segment.make_filename(self.TERMS_EXT)),
            storage.file_length(segment.make_filename(self.TERMS_EXT)),
            segment.open_file(storage, self.POSTS_EXT),
        )
        try:
            postings = PostingsFile(postings_path(storage, segment))
        except Exception:
            whoosh.close()
            raise
        return TimTinTermsReader(whoosh, postings)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> CopyingPostingsWriter:
        """Whoosh's postings writer, also keeping each term's ids for the postings file."""
        return CopyingPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


class CopyingPostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    """Whoosh's postings writer that also keeps each block's ids, block by block
    (one array copy per 128 postings, nothing per posting).  Whoosh never inlines postings
    at the default inline limit, so every posting goes through a block."""

    copying = False

    def start_postings(self, format_: Any, terminfo: Any) -> None:
        """Start a term's postings; the copy's lists start empty."""
        super().start_postings(format_, terminfo)
        self.copied_ids: array[int] = array("I")

    def _write_block(self, last: bool = False) -> None:
        if self.copying:
            self.copied_ids.extend(self._ids)
        super()._write_block(last)


class CopyingFieldWriter(W3FieldWriter):  # type: ignore[misc]
    """Writes the syllable fields to the postings file, the others through Whoosh (the
    titles' ids also to the postings file, for the fast ranker)."""

    def __init__(self, codec: W3Codec, storage: Any, segment: Any) -> None:
        super().__init__(codec, storage, segment)
        self._copy = PostingsFileWriter(segment.create_file(storage, EXTENSION))

    def start_field(self, fieldname: str, fieldobj: Any) -> None:
        """Start a Whoosh field; its terms are copied if it is one the fast ranker reads."""
        super().start_field(fieldname, fieldobj)
        self._postwriter.copying = fieldname in COPIED_FIELDS

    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:
        """Whoosh's sorted (field, term, document, weight, value) postings, as its own
        SegmentWriter gives them: gathered by term, then written as add_inverted writes."""
        inverted = InvertedPostings(schema)
        for item in items:
            if item[2] >= 0:  # -1: a spelling word, which the schema never asks for
                inverted.add(item)
        self.add_inverted(schema, inverted)

    def add_inverted(self, schema: Any, inverted: InvertedPostings) -> None:
        """Write postings gathered in memory: the syllable fields to the postings file, the
        others through Whoosh's postings writer."""
        for field_name, postings in inverted.fields():
            if postings.kind == GENERAL:
                self.start_field(field_name, schema[field_name])
                self._add_general(postings)
                self.finish_field()
            else:
                self._add_lean(field_name, postings)

    def _add_general(self, postings: FieldPostings) -> None:
        add = self._postwriter.add_posting
        for tbytes in sorted(postings.general):
            self.start_term(tbytes)
            for docnum, weight, value in postings.general[tbytes]:
                add(docnum, weight, value, None)
            self.finish_term()

    def _add_lean(self, field_name: str, postings: FieldPostings) -> None:
        add = self._copy.add
        presence = postings.kind == PRESENCE
        ids, counts = postings.ids, postings.counts
        for term in sorted(ids):
            add(field_name, term.encode("utf-8"), ids[term], None if presence else counts[term])

    def finish_term(self) -> None:
        """Finish a term, and add its ids to the postings file if the ranker reads them."""
        super().finish_term()
        postings = self._postwriter
        if postings.copying:
            self._copy.add(self._fieldname, self._btext, postings.copied_ids, None, owned=False)

    def close(self) -> None:
        """Close the segment's files and its postings file."""
        super().close()
        self._copy.close()
