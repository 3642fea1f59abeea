"""What the index holds, file by file, kept beside it so incremental runs need not scan it.

A cache of the stored fields: when it disagrees with the index it is rebuilt from them.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("timtin.index")
MANIFEST_FILE = "timtin-manifest.json"


@dataclass(frozen=True)
class FileRecord:
    """What the index knows of one file, to tell whether it changed."""

    size: int
    mtime: float
    content_hash: str


def _from_stored_fields(index: Any) -> dict[str, FileRecord]:
    records: dict[str, FileRecord] = {}
    with index.searcher() as searcher:
        for stored in searcher.all_stored_fields():
            records[stored["path"]] = FileRecord(
                stored["size"], stored["mtime"], stored["content_hash"]
            )
    return records


def load_manifest(index_dir: Path, index: Any) -> dict[str, FileRecord]:
    """Every indexed file's record; from the manifest when it matches the index."""
    try:
        raw = json.loads((index_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
        records = {path: FileRecord(*fields) for path, fields in raw.items()}
    except (OSError, ValueError, TypeError):
        records = {}
    if len(records) == index.doc_count():
        return records
    if records:
        log.info("manifest of %s is out of step with the index: rebuilding it", index_dir)
    return _from_stored_fields(index)


def save_manifest(index_dir: Path, records: dict[str, FileRecord]) -> None:
    """Write the manifest atomically, after the commit it describes."""
    payload = {path: [r.size, r.mtime, r.content_hash] for path, r in records.items()}
    temporary = index_dir / f"{MANIFEST_FILE}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, index_dir / MANIFEST_FILE)
