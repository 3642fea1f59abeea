"""Folders → committed segments: walk, incremental update, parallel build, manifest.

`update_index` brings an index up to date with its folders; everything else serves it.
"""

from index.indexing.update import update_index

__all__ = ["update_index"]
