"""The on-disk index: Whoosh's format, our schema, lean segment writer, codec and postings file.

`open_or_create` opens (or rebuilds) an index; `writer_for` gives the one writer at a time.
"""

from index.storage.metadata import META_FILE, SEEDS_ROOT, IndexMeta, read_meta, write_meta
from index.storage.open_index import (
    OpenedIndex,
    check_index,
    create_fresh,
    open_or_create,
    searcher_for,
)
from index.storage.schema import SCHEMA_VERSION, DocumentSchema, document_fields, path_key
from index.storage.writers import merge_small_segments, writer_for

__all__ = [
    "META_FILE",
    "SCHEMA_VERSION",
    "SEEDS_ROOT",
    "DocumentSchema",
    "IndexMeta",
    "OpenedIndex",
    "check_index",
    "create_fresh",
    "document_fields",
    "merge_small_segments",
    "open_or_create",
    "path_key",
    "read_meta",
    "searcher_for",
    "write_meta",
    "writer_for",
]
