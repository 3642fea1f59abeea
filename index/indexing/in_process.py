"""One indexing run's bookkeeping and writing steps, shared by whole runs and changed paths.

What the index held and holds now, deletions, and files read and written in this process with
a commit every so many documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from index.indexing.manifest import FileRecord, Manifest
from index.indexing.walk import FileState
from index.progress import CancelCheck, ThrottledProgress
from index.results import IndexReport, SkippedFile
from index.storage import document_fields, merge_small_segments, path_key, writer_for
from index.storage.whoosh_types import WhooshIndex, WhooshWriter
from index.text.documents import read_or_skip


def same_state(record: FileRecord | None, state: FileState) -> bool:
    """True when the file looks as it did when `record` was made (size and time)."""
    return record is not None and record.size == state.size and record.mtime == state.mtime


def commit(writer: WhooshWriter, index_dir: Path, records: Manifest, *, bulk: bool) -> None:
    """Commit, then record what the commit holds.  Small updates fold the small segments of
    earlier updates into theirs, and never rewrite a large segment."""
    if bulk:
        # Whoosh merges segments in this one process, in Python: at 100,000 articles that
        # took most of a bulk build (BENCHMARKS.md).  Bulk commits add segments, no merging.
        writer.commit(merge=False)
    else:
        writer.commit(mergetype=merge_small_segments)
    records.save(index_dir)


@dataclass
class IndexingRun:
    """One indexing run's bookkeeping: what the index holds, and the report."""

    index: WhooshIndex
    index_dir: Path
    records: Manifest
    report: IndexReport

    def indexed(self, path: str, record: FileRecord) -> None:
        """Count `path` as added, updated or unchanged, and record what the index holds."""
        previous = self.records.get(path)
        if previous is None:
            self.report.added += 1
        elif previous.content_hash == record.content_hash:
            self.report.unchanged += 1
        else:
            self.report.updated += 1
        self.records[path] = record

    def skipped(self, skipped: SkippedFile) -> bool:
        """Record an unreadable file; True when the index holds an older copy to delete."""
        self.report.skipped.append(skipped)
        if skipped.path not in self.records:
            return False
        del self.records[skipped.path]  # it was readable once: the stale copy goes
        self.report.removed += 1
        return True


def delete_paths(writer: WhooshWriter, paths: list[str]) -> None:
    """Delete the documents of `paths`, through one searcher (each opening reads every
    segment)."""
    if not paths:
        return
    with writer.searcher() as searcher:
        for path in paths:
            writer.delete_by_term("path", path_key(path), searcher=searcher)


def index_in_process(
    run: IndexingRun,
    writer: WhooshWriter,
    todo: list[str],
    throttled: ThrottledProgress,
    cancelled: CancelCheck | None,
    commit_every: int,
) -> None:
    """Read and write each of `todo` here, committing every `commit_every` documents and at
    the end; unreadable files are reported (their older copies deleted)."""
    in_batch = 0
    for done, path in enumerate(todo, start=1):
        if cancelled is not None and cancelled():
            run.report.cancelled = True
            break
        doc = read_or_skip(path)
        if isinstance(doc, SkippedFile):
            if run.skipped(doc):
                writer.delete_by_term("path", path_key(path))
            throttled(done, path)
            continue
        if path in run.records:
            writer.update_document(**document_fields(doc))
        else:
            writer.add_document(**document_fields(doc))
        run.indexed(path, FileRecord.of(doc))
        in_batch += 1
        throttled(done, path)
        if in_batch >= commit_every:
            commit(writer, run.index_dir, run.records, bulk=False)
            writer = writer_for(run.index)
            in_batch = 0
    commit(writer, run.index_dir, run.records, bulk=False)
