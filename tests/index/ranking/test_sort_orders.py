"""Orders other than relevance: newest, oldest and by file name, undated documents last."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from index.engine import Engine
from index.ranking.sort_orders import name_key
from index.results import SortOrder

Build = Callable[[dict[str, str | bytes]], Engine]

FILES = {
    "b/Đà Lạt.txt": "Đà Lạt\n03/03/2023\nKinh tế.\n",
    "a/anh.txt": "Anh\n01/01/2021\nKinh tế.\n",
    "Ánh.txt": "Ánh\n02/02/2022\nKinh tế.\n",
    "zebra.txt": "Zebra\nKinh tế, không ngày.\n",
    "Bình.txt": "Bình\n04/04/2024\nKinh tế.\n",
}


def names(build_engine: Build, sort: str) -> list[str]:
    engine = build_engine(FILES)
    return [Path(h.path).name for h in engine.search("kinh te", limit=10, sort=sort).hits]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("date", ["Bình.txt", "Đà Lạt.txt", "Ánh.txt", "anh.txt", "zebra.txt"]),
        ("newest", ["Bình.txt", "Đà Lạt.txt", "Ánh.txt", "anh.txt", "zebra.txt"]),
        ("oldest", ["anh.txt", "Ánh.txt", "Đà Lạt.txt", "Bình.txt", "zebra.txt"]),
        ("name", ["anh.txt", "Ánh.txt", "Bình.txt", "Đà Lạt.txt", "zebra.txt"]),
    ],
)
def test_sorted_orders(build_engine: Build, sort: str, expected: list[str]) -> None:
    assert names(build_engine, sort) == expected


def test_names_sort_with_accents_and_case_aside_first() -> None:
    keys = sorted(["/x/Zoo.txt", "/y/ánh.txt", "C:\\d\\Anh.txt", "/x/đào.txt", "/x/Dao.txt"])
    ordered = sorted(keys, key=name_key)
    assert [Path(k.replace("\\", "/")).name for k in ordered] == [
        "Anh.txt",
        "ánh.txt",
        "Dao.txt",
        "đào.txt",
        "Zoo.txt",
    ]


def test_newest_is_date_by_its_plain_name() -> None:
    assert SortOrder("newest") is SortOrder.DATE is SortOrder.NEWEST
    assert [order.value for order in SortOrder] == ["relevance", "date", "oldest", "name"]
