"""The Protocols name only what Whoosh's real objects have: each member exists on them.

A Protocol that promised a method Whoosh lacks would type-check and then fail at run time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index import update_index
from index.storage import open_or_create, writer_for
from index.storage.whoosh_types import (
    WhooshIndex,
    WhooshMatcher,
    WhooshReader,
    WhooshSearcher,
    WhooshSegment,
    WhooshTermInfo,
    WhooshWriter,
)
from tests.conftest import SEEDS


def members(protocol: type) -> set[str]:
    """The names a Protocol declares, methods and attributes alike."""
    declared = set(vars(protocol)) | set(getattr(protocol, "__annotations__", {}))
    return {name for name in declared if not name.startswith("_")}


@pytest.fixture
def real_objects(tmp_path: Path) -> Iterator[dict[type, object]]:
    """One of each Whoosh object, from a real index of the seeds."""
    update_index([SEEDS], tmp_path)
    index = open_or_create(tmp_path).index
    searcher = index.searcher()
    reader = searcher.reader()
    leaf, _ = reader.leaf_readers()[0]
    term, info = next(iter(leaf.iter_field("body")))
    objects: dict[type, object] = {
        WhooshIndex: index,
        WhooshSearcher: searcher,
        WhooshReader: leaf,
        WhooshSegment: leaf.segment(),
        WhooshTermInfo: info,
        WhooshMatcher: leaf.postings("body", term),
        WhooshWriter: writer_for(index),
    }
    yield objects
    objects[WhooshWriter].cancel()  # type: ignore[attr-defined]
    searcher.close()


@pytest.mark.parametrize(
    "protocol",
    [
        WhooshIndex,
        WhooshSearcher,
        WhooshReader,
        WhooshSegment,
        WhooshTermInfo,
        WhooshMatcher,
        WhooshWriter,
    ],
    ids=lambda protocol: protocol.__name__,
)
def test_whoosh_objects_have_every_member_the_protocol_names(
    real_objects: dict[type, object], protocol: type
) -> None:
    real = real_objects[protocol]
    missing = sorted(name for name in members(protocol) if not hasattr(real, name))
    assert missing == [], f"{type(real).__name__} lacks {missing}"


def test_the_protocols_are_not_empty() -> None:
    assert {"searcher", "reader", "doc_count"} <= members(WhooshIndex)
    assert {"commit", "add_document", "storage"} <= members(WhooshWriter)
