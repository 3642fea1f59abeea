"""Finding the files to index: a folder walked in a stable order, hidden entries left out.

Unreadable folders and unsupported single files are reported as skipped, never raised.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from index.errors import Cancelled
from index.progress import CancelCheck
from index.results import SkippedFile
from index.text.file_bytes import kind_of_special_file, not_a_file_reason
from index.text.formats import is_readable_name


class FileState(NamedTuple):
    """What the index knows of a file, to decide whether it changed (a tuple: a walk of a
    million files holds a million of them)."""

    size: int
    mtime: float


def resolve_roots(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Absolute, symlink-free spellings of `paths`, as the index records its folders."""
    return [str(Path(p).expanduser().resolve()) for p in paths]


class Roots:
    """Whether a path is one of some roots or below one (one C call per path)."""

    def __init__(self, roots: Sequence[str]) -> None:
        self._exact = frozenset(roots)
        self._prefixes = tuple(root.rstrip(os.sep) + os.sep for root in roots)

    def hold(self, path: str) -> bool:
        """True when `path` is one of the roots or lies below one."""
        return path.startswith(self._prefixes) or path in self._exact


def walk_files(
    root: str, skipped: list[SkippedFile], cancelled: CancelCheck | None = None
) -> Iterator[tuple[str, FileState]]:
    """Every readable file below `root` (or `root` itself), hidden folders left out; raises
    Cancelled at the next folder once `cancelled()` is true (a million files take seconds)."""
    top = Path(root)
    if top.is_dir():
        yield from _walk_folder(str(top), skipped, cancelled)
        return
    if not top.exists():
        skipped.append(SkippedFile(root, "no such file or folder"))
    elif not is_readable_name(top.name):
        skipped.append(SkippedFile(str(top), f"unsupported file type '{top.suffix}'"))
    else:
        yield from _regular_file(str(top), top.stat(), skipped)


def _regular_file(
    path: str, stat: os.stat_result, skipped: list[SkippedFile]
) -> Iterator[tuple[str, FileState]]:
    """`path` with its state if it is a regular file; a pipe, socket or device is skipped."""
    kind = kind_of_special_file(stat.st_mode)
    if kind:
        skipped.append(SkippedFile(path, not_a_file_reason(kind)))
        return
    yield path, FileState(stat.st_size, stat.st_mtime)


def _walk_folder(
    folder: str, skipped: list[SkippedFile], cancelled: CancelCheck | None
) -> Iterator[tuple[str, FileState]]:
    """Depth-first, sorted, hidden entries left out; `scandir` saves a lookup per file."""
    if cancelled is not None and cancelled():
        raise Cancelled
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        skipped.append(SkippedFile(folder, f"cannot read folder: {error.strerror}"))
        return
    pages = _saved_page_stems(entries)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if _is_saved_page_files(entry.name, pages):
                    continue  # a saved page's images, styles and frames: part of the page
                yield from _walk_folder(entry.path, skipped, cancelled)
                continue
            if not is_readable_name(entry.name):
                continue
            stat = entry.stat()
        except OSError as error:
            skipped.append(SkippedFile(entry.path, f"cannot read: {error.strerror}"))
            continue
        yield from _regular_file(entry.path, stat, skipped)


_SAVED_PAGE_SUFFIXES = (".html", ".htm")
_FILES_FOLDER_SUFFIX = "_files"


def _saved_page_stems(entries: list[os.DirEntry[str]]) -> frozenset[str]:
    """Lower-cased stems of the web pages in a folder (`bai.html` -> `bai`)."""
    return frozenset(
        entry.name[: entry.name.rfind(".")].lower()
        for entry in entries
        if entry.name.lower().endswith(_SAVED_PAGE_SUFFIXES)
    )


def _is_saved_page_files(name: str, pages: frozenset[str]) -> bool:
    """True for `X_files/`, the folder a browser saves beside the page `X.html`."""
    lowered = name.lower()
    return lowered.endswith(_FILES_FOLDER_SUFFIX) and lowered[: -len(_FILES_FOLDER_SUFFIX)] in pages
