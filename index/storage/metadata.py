"""The metadata kept beside the index: its schema version and the folders it covers.

Written atomically; the bundled seeds are remembered by name, since the program folder moves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from index.paths import seeds_dir
from index.storage.atomic_file import write_atomically
from index.storage.schema import SCHEMA_VERSION

META_FILE = "timtin-meta.json"
SEEDS_ROOT = "@seeds"
# Held by the indexing run working on the index (index.indexing.run_lock); never deleted.
RUN_LOCK_FILE = "timtin-run.lock"


@dataclass
class IndexMeta:
    """What the index remembers about itself: its schema version and the folders it covers."""

    schema_version: int = SCHEMA_VERSION
    roots: list[str] = field(default_factory=list)


def _bundled_seeds() -> str:
    return str(seeds_dir().resolve())


def _root_for_meta(root: str) -> str:
    """The bundled seeds are remembered by name: the program folder may move, and a onefile
    build unpacks itself somewhere new on every start."""
    return SEEDS_ROOT if root == _bundled_seeds() else root


def _root_from_meta(root: str) -> str:
    return _bundled_seeds() if root == SEEDS_ROOT else root


def read_meta(index_dir: Path) -> IndexMeta | None:
    """The stored metadata, or None when it is missing or unreadable."""
    try:
        raw = json.loads((index_dir / META_FILE).read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            return None
        roots = [_root_from_meta(str(r)) for r in raw.get("roots", [])]
        return IndexMeta(int(raw["schema_version"]), roots)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_meta(index_dir: Path, meta: IndexMeta) -> None:
    """Write the metadata atomically, so a crash never leaves half a file."""
    payload = {
        "schema_version": meta.schema_version,
        "roots": [_root_for_meta(root) for root in meta.roots],
    }
    data = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
    write_atomically(index_dir / META_FILE, data)
