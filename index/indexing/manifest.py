"""What the index holds, file by file, kept beside it so incremental runs need not scan it.

A cache of the stored fields: when it disagrees with the index it is rebuilt from them.
"""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC

from index.log import logger
from index.storage.atomic_file import write_atomically
from index.storage.whoosh_types import WhooshIndex

if TYPE_CHECKING:
    from index.text.documents import Document

log = logger(__name__)
# marshal, not JSON: at 100,000 files reading and writing it took 0.4 s of a one-file update.
# A manifest marshal cannot read (another Python, damage) is rebuilt from the index, and so is
# one written for another commit than the index's newest (a bulk build records it only now
# and then, and a run may be killed between a commit and the manifest's write).
MANIFEST_FILE = "timtin-manifest.bin"
_FORMAT = "timtin-manifest/3"


class FileRecord(NamedTuple):
    """What the index knows of one file, to tell whether it changed."""

    size: int
    mtime: float
    content_hash: str

    @classmethod
    def of(cls, doc: Document) -> FileRecord:
        """The record of a document just read."""
        return cls(doc.size, doc.mtime, doc.content_hash)


def _from_stored_fields(index: WhooshIndex) -> dict[str, FileRecord]:
    records: dict[str, FileRecord] = {}
    with index.searcher() as searcher:
        for stored in searcher.all_stored_fields():
            records[stored["path"]] = FileRecord(
                stored["size"], stored["mtime"], stored["content_hash"]
            )
    return records


def load_manifest(index_dir: Path, index: WhooshIndex, doc_count: int) -> dict[str, FileRecord]:
    """Every indexed file's record; from the manifest when it was written for the index's
    newest commit and holds its `doc_count` documents (the caller has a reader open already:
    opening one reads every segment)."""
    try:
        tag, generation, raw = marshal.loads((index_dir / MANIFEST_FILE).read_bytes())
        if tag != _FORMAT:
            raise ValueError(f"manifest format {tag!r}")
        records = dict(zip(raw.keys(), map(FileRecord._make, raw.values()), strict=True))
    except (OSError, ValueError, TypeError, EOFError):
        generation, records = None, {}
    if len(records) == doc_count and generation == index.latest_generation():
        return records
    if records:
        log.info("manifest of %s is out of step with the index: rebuilding it", index_dir)
    return _from_stored_fields(index)


def save_manifest(index_dir: Path, records: dict[str, FileRecord]) -> None:
    """Write the manifest atomically, after the commit it describes (the newest)."""
    generation = TOC._latest_generation(FileStorage(str(index_dir)), "MAIN")
    payload = dict(zip(records.keys(), map(tuple, records.values()), strict=True))
    write_atomically(index_dir / MANIFEST_FILE, marshal.dumps((_FORMAT, generation, payload)))
