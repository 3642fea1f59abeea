"""Tìm Tin's search engine: Vietnamese text in, ranked and highlighted results out.

Start at `engine.Engine` (search and read) and `indexing.update_index` (folders in). Text flows
one way through the subpackages: `text` (bytes → normalised text → term forms), `indexing`
(folders → committed segments), `storage` (Whoosh on disk), `query` (what was typed → a plan),
`ranking` (plan → top documents), then `highlight` and `engine`.  It never imports Qt.

This module is the face the window and scripts use: what it exports is the engine's API.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("timtin")
except PackageNotFoundError:  # frozen builds without dist-info, or a bare source tree
    __version__ = "0.1.0"

from index.engine import Engine
from index.errors import (
    Cancelled,
    IndexLocked,
    IndexUnavailable,
    SearchCancelled,
    TimTinError,
    UndecodableFile,
    reason_of,
)
from index.indexing import update_index
from index.indexing.folders import (
    FolderInfo,
    add_folder,
    list_folders,
    reindex_folder,
    remove_folder,
    set_folder_paused,
)
from index.indexing.watch import Watcher, WatchEvent, WatchUpdate
from index.log import attach_log_file, logger
from index.progress import CancelCheck, ProgressCallback
from index.query.filters import Filters, filters_from
from index.reading import Part, ReaderDocument
from index.results import (
    Hit,
    IndexReport,
    Progress,
    ReaderView,
    SearchResult,
    SkippedFile,
    SortOrder,
    Variant,
)
from index.text import read_text

__all__ = [
    "CancelCheck",
    "Cancelled",
    "Engine",
    "Filters",
    "FolderInfo",
    "Hit",
    "IndexLocked",
    "IndexReport",
    "IndexUnavailable",
    "Part",
    "Progress",
    "ProgressCallback",
    "ReaderDocument",
    "ReaderView",
    "SearchCancelled",
    "SearchResult",
    "SkippedFile",
    "SortOrder",
    "TimTinError",
    "UndecodableFile",
    "Variant",
    "WatchEvent",
    "WatchUpdate",
    "Watcher",
    "__version__",
    "add_folder",
    "attach_log_file",
    "filters_from",
    "list_folders",
    "logger",
    "read_text",
    "reason_of",
    "reindex_folder",
    "remove_folder",
    "set_folder_paused",
    "update_index",
]
