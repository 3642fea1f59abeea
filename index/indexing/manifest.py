"""What the index holds, file by file, kept beside it so incremental runs need not scan it.

Kept in shards by folder, so a few changed files read and rewrite only their shards; a cache of
the stored fields, rebuilt from them whenever it disagrees with the index.
"""

from __future__ import annotations

import marshal
import os
import zlib
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC

from index.indexing.walk import FileState
from index.log import logger
from index.storage.atomic_file import write_atomically
from index.storage.whoosh_types import WhooshIndex

if TYPE_CHECKING:
    from index.text.documents import Document

log = logger(__name__)
# marshal, not JSON: at 100,000 files reading and writing JSON took 0.4 s of a one-file update.
# The head names the commit the shards were written for, how many records they hold and each
# shard's length.  A head or shard marshal cannot read (another Python, damage), a head written
# for another commit than the index's newest (a bulk build records it only now and then, and a
# run may be killed between a commit and the write) or a shard of another length than the head
# says (killed between the shards and the head) makes the whole manifest be rebuilt.
MANIFEST_FILE = "timtin-manifest.bin"
SHARD_FOLDER = "timtin-manifest"
SHARDS = 256
_FORMAT = "timtin-manifest/4"

_Raw = tuple[int, float, str]  # a FileRecord as marshal stores it


class FileRecord(NamedTuple):
    """What the index knows of one file, to tell whether it changed."""

    size: int
    mtime: float
    content_hash: str

    @classmethod
    def of(cls, doc: Document) -> FileRecord:
        """The record of a document just read."""
        return cls(doc.size, doc.mtime, doc.content_hash)


def shard_of(path: str) -> int:
    """The shard holding `path`'s record: one per folder, so a folder's files share it."""
    return zlib.crc32(os.fsencode(path.rpartition(os.sep)[0])) % SHARDS


class ManifestNotLoaded(RuntimeError):
    """A record was asked of a shard that `load_manifest(only=...)` did not read."""


class Manifest(MutableMapping[str, FileRecord]):
    """Every indexed file's record, by path; the shards read so far, and those changed since."""

    def __init__(self, shards: list[dict[str, _Raw] | None], lengths: list[int], count: int):
        self._shards = shards
        self._lengths = lengths  # each shard's bytes on disk, as the head records them
        self._count = count
        self._dirty: set[int] = set()

    @classmethod
    def of(cls, records: Mapping[str, FileRecord]) -> Manifest:
        """A manifest of `records`, every shard to be written at the next save."""
        made = cls([{} for _ in range(SHARDS)], [0] * SHARDS, 0)
        for path, record in records.items():
            made[path] = record
        made._dirty = set(range(SHARDS))
        return made

    def _shard(self, path: str) -> tuple[int, dict[str, _Raw]]:
        number = shard_of(path)
        shard = self._shards[number]
        if shard is None:
            raise ManifestNotLoaded(f"the manifest shard of {path!r} was not read")
        return number, shard

    def __getitem__(self, path: str) -> FileRecord:
        return FileRecord._make(self._shard(path)[1][path])

    def get(self, path: str, default: FileRecord | None = None) -> FileRecord | None:  # type: ignore[override]
        """The record of `path`, or `default` when the index does not hold it."""
        raw = self._shard(path)[1].get(path)
        return default if raw is None else FileRecord._make(raw)

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and path in self._shard(path)[1]

    def __setitem__(self, path: str, record: FileRecord) -> None:
        number, shard = self._shard(path)
        if path not in shard:
            self._count += 1
        shard[path] = (record.size, record.mtime, record.content_hash)
        self._dirty.add(number)

    def __delitem__(self, path: str) -> None:
        number, shard = self._shard(path)
        del shard[path]
        self._count -= 1
        self._dirty.add(number)

    def __iter__(self) -> Iterator[str]:
        for shard in self._shards:
            if shard is None:
                raise ManifestNotLoaded("the manifest was read only in part")
            yield from shard

    def __len__(self) -> int:
        return self._count

    def changed(self, walked: Mapping[str, FileState]) -> list[str]:
        """The paths of `walked` whose size or time differ from their records, or that have
        none; one shard lookup per folder (the walk lists a folder's files together)."""
        todo: list[str] = []
        folder, shard = None, {}
        for path, state in walked.items():
            here = path.rpartition(os.sep)[0]
            if here != folder:
                folder, shard = here, self._shard(path)[1]
            raw = shard.get(path)
            if raw is None or raw[0] != state[0] or raw[1] != state[1]:
                todo.append(path)
        return todo

    def save(self, index_dir: Path) -> None:
        """Write the shards changed since the last save, then the head naming the index's
        newest commit (the caller has just made it)."""
        (index_dir / SHARD_FOLDER).mkdir(exist_ok=True)
        for number in sorted(self._dirty):
            shard = self._shards[number]
            target = _shard_file(index_dir, number)
            if shard:
                data = marshal.dumps(shard)
                write_atomically(target, data)
                self._lengths[number] = len(data)
            else:
                target.unlink(missing_ok=True)
                self._lengths[number] = 0
        self._dirty.clear()
        generation = TOC._latest_generation(FileStorage(str(index_dir)), "MAIN")
        head = (_FORMAT, generation, self._count, self._lengths)
        write_atomically(index_dir / MANIFEST_FILE, marshal.dumps(head))


def load_manifest(
    index_dir: Path, index: WhooshIndex, doc_count: int, *, only: Iterable[str] | None = None
) -> Manifest:
    """Every indexed file's record, or with `only` the records of those paths' folders; from
    the manifest when it was written for the index's newest commit and holds its `doc_count`
    documents (the caller has counted them: `OpenedIndex.document_count`)."""
    try:
        return _read(index_dir, index.latest_generation(), doc_count, only)
    except _Empty:  # none yet, or killed before the first save: nothing to say
        pass
    except (OSError, ValueError, TypeError, EOFError, IndexError) as error:
        log.info(
            "manifest of %s is out of step with the index (%s): rebuilding it", index_dir, error
        )
    return Manifest.of(_from_stored_fields(index))


def save_manifest(index_dir: Path, records: Mapping[str, FileRecord]) -> None:
    """Write `records` as the whole manifest of the index's newest commit."""
    (records if isinstance(records, Manifest) else Manifest.of(records)).save(index_dir)


class _Empty(Exception):
    """No manifest, or one of no records: rebuilt without a word."""


def _read(index_dir: Path, generation: int, doc_count: int, only: Iterable[str] | None) -> Manifest:
    try:
        head = marshal.loads((index_dir / MANIFEST_FILE).read_bytes())
    except FileNotFoundError as missing:
        raise _Empty from missing
    tag, written_for, count, lengths = head
    if tag != _FORMAT:
        raise ValueError(f"manifest format {tag!r}")
    if count == 0 and doc_count:
        raise _Empty
    if written_for != generation or count != doc_count or len(lengths) != SHARDS:
        raise ValueError(f"written for commit {written_for} with {count} records")
    wanted = range(SHARDS) if only is None else sorted({shard_of(path) for path in only})
    shards: list[dict[str, _Raw] | None] = [None] * SHARDS
    for number in wanted:
        shards[number] = _read_shard(_shard_file(index_dir, number), lengths[number])
    if only is None and sum(len(shard or ()) for shard in shards) != count:
        raise ValueError("the shards hold another number of records than the head")
    return Manifest(shards, list(lengths), count)


def _shard_file(index_dir: Path, number: int) -> Path:
    return index_dir / SHARD_FOLDER / f"{number:03d}.bin"


def _read_shard(path: Path, length: int) -> dict[str, _Raw]:
    if not length:
        return {}
    data = path.read_bytes()
    if len(data) != length:
        raise ValueError(f"shard {path.name} has {len(data)} bytes, not {length}")
    shard = marshal.loads(data)
    if not isinstance(shard, dict) or any(len(raw) != 3 for raw in shard.values()):
        raise ValueError(f"shard {path.name} is not a manifest shard")
    return shard


def _from_stored_fields(index: WhooshIndex) -> dict[str, FileRecord]:
    records: dict[str, FileRecord] = {}
    with index.searcher() as searcher:
        for stored in searcher.all_stored_fields():
            records[stored["path"]] = FileRecord(
                stored["size"], stored["mtime"], stored["content_hash"]
            )
    return records
