"""Shared parts of the reliability suite: real corpora, real `timtin` processes, and checks.

Every check reads the index back through Whoosh and the files from disk: nothing is mocked.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

from whoosh import index as whoosh_index

from tests.conftest import REPO, cli_env

ARTICLE = "Tin số {n}\n01/01/2025\nBài {n} nói về kinh tế và Chủ tịch nước, mã tin {n}.\n"


def write_articles(folder: Path, numbers: range, *, edition: int = 0) -> None:
    """One small Vietnamese article per number; `edition` changes their text."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        text = ARTICLE.format(n=n) * 3 + (f"Bản sửa {edition}.\n" if edition else "")
        (folder / f"bai{n:05d}.txt").write_text(text, encoding="utf-8")


def start_timtin(*args: str, marker: str) -> subprocess.Popen[str]:
    """`timtin ARGS` from this source tree; `marker` tags it and every process it starts."""
    env = cli_env(TIMTIN_TRIAL=marker)
    return subprocess.Popen(
        [sys.executable, "-m", "desktop.launch", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def new_marker() -> str:
    """A tag no other process carries."""
    return uuid.uuid4().hex


def processes_tagged(marker: str) -> list[int]:
    """Live processes whose environment carries `marker` (Linux: read from /proc)."""
    needle = f"TIMTIN_TRIAL={marker}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().split(") ", 1)[1][0]
        except OSError:
            continue
        if needle in environ.split(b"\0") and state != "Z":
            found.append(int(entry.name))
    return found


def wait_for_no_orphans(marker: str, timeout: float = 10.0) -> list[int]:
    """Poll until no process carries `marker`; the ones still alive after `timeout`."""
    deadline = time.monotonic() + timeout
    while (alive := processes_tagged(marker)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def indexed_documents(index_dir: Path) -> list[tuple[str, str]]:
    """(path, content hash) of every live document the index holds, as Whoosh reads it."""
    opened = whoosh_index.open_dir(str(index_dir))
    with opened.searcher() as searcher:
        return [(d["path"], d["content_hash"]) for d in searcher.all_stored_fields()]


def files_on_disk(folder: Path) -> dict[str, str]:
    """Path → content hash of the `.txt` files in `folder`, hashed as the indexer does."""
    return {
        str(path): hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        for path in sorted(folder.glob("*.txt"))
    }


def differences(index_dir: Path, folder: Path) -> dict[str, list[str]]:
    """What the index gets wrong about `folder`: lost, duplicated, stale and extra documents."""
    documents = indexed_documents(index_dir)
    expected = files_on_disk(folder)
    counts = Counter(path for path, _ in documents)
    held = dict(documents)
    return {
        "lost": sorted(set(expected) - set(counts)),
        "duplicated": sorted(p for p, times in counts.items() if times > 1),
        "stale": sorted(p for p, h in held.items() if p in expected and expected[p] != h),
        "extra": sorted(set(counts) - set(expected)),
    }


def no_differences() -> dict[str, list[str]]:
    """What `differences` says of an index that matches its folder."""
    return {"lost": [], "duplicated": [], "stale": [], "extra": []}


def on_linux() -> bool:
    """Orphans are found through /proc."""
    return sys.platform.startswith("linux") and os.path.isdir("/proc/self")
