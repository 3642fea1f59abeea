"""Index writers: one process at a time behind Whoosh's lock, and the merge policy of updates.

Separate segment files (not compound), written by our lean segment writer and codec.
"""

from __future__ import annotations

import time

from whoosh import index as whoosh_index
from whoosh.index import Index
from whoosh.reading import SegmentReader

from index.errors import IndexLocked
from index.storage.codec import TimTinCodec
from index.storage.segment_writer import InvertingSegmentWriter
from index.storage.whoosh_types import WhooshSegment, WhooshWriter

SMALL_SEGMENT = 32  # documents: smaller segments are merged by the next small update (cheap)


def merge_small_segments(
    writer: WhooshWriter, segments: list[WhooshSegment]
) -> list[WhooshSegment]:
    """Whoosh merge policy: segments under SMALL_SEGMENT documents join the new one, the rest
    stay as they are.  Each update would otherwise leave a segment of its own behind; merging
    costs about as much as indexing the documents again, so only small ones are."""
    kept = []
    for segment in segments:
        if segment.doc_count_all() < SMALL_SEGMENT:
            writer.add_reader(SegmentReader(writer.storage, writer.schema, segment))
        else:
            kept.append(segment)
    return kept


def writer_for(
    opened: Index, *, timeout: float = 30.0, lock: bool = True
) -> InvertingSegmentWriter:
    """A writer for one process, waiting for another process's lock (flock dies with its
    process); `lock=False` for a worker whose parent holds it.  Bulk builds use several
    processes through index.indexing.parallel_build.  Raises IndexLocked after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            # Separate segment files, not one compound file: Whoosh reads a compound
            # segment's parts through BytesIO, a copy of the whole index in memory.
            return InvertingSegmentWriter(opened, _lk=lock, compound=False, codec=TimTinCodec())
        except whoosh_index.LockError as error:
            if time.monotonic() > deadline:
                raise IndexLocked(f"another process is writing to the index ({error})") from error
            time.sleep(0.1)
