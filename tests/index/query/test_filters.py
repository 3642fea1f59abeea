"""Search filters: query fields read out of the text, and real indexes searched through them.

Each filter alone and combined, typed as fields or passed as `Filters`, on every ranking path
(the fast ranker, Whoosh's matchers, sorted orders), with exact totals.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.engine import Engine
from index.indexing.update import update_index
from index.query.filters import Filters, date_range, filters_from, kinds_of, split_filters
from tests.conftest import write_corpus

FILES = {
    "tin/old.txt": "Tin cũ\n01/02/2019\nKinh tế năm cũ.\n",
    "tin/sep.txt": "Tin tháng chín\n15/09/2025\nKinh tế kinh tế tháng chín.\n",
    "bao cao/oct.txt": "Tin tháng mười\n20/10/2025\nKinh tế tháng mười.\n",
    "bao cao/Ánh.txt": "Ánh sáng\n01/10/2025\nKinh tế và ánh sáng.\n",
    "none.txt": "Không ngày\nKinh tế không ngày, pdf.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Path]]:
    root = tmp_path_factory.mktemp("filters")
    folder = write_corpus(root / "corpus", FILES)
    update_index([folder], root / "index")
    engine = Engine(root / "index")
    yield engine, folder
    engine.close()


def names(engine: Engine, query: str, **options: object) -> list[str]:
    return [Path(hit.path).name for hit in engine.search(query, limit=20, **options).hits]


# -- reading the fields --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected", "rest"),
    [
        ("kinh te date:2025-10", Filters("20251001", "20251031"), "kinh te"),
        ("date:2025-09..2025-10 kinh", Filters("20250901", "20251031"), "kinh"),
        ("date:2025", Filters("20250101", "20251231"), ""),
        ("date:2024-02", Filters("20240201", "20240229"), ""),  # a leap year's February
        ("date:15/10/2025", Filters("20251015", "20251015"), ""),
        ("date:10/2025", Filters("20251001", "20251031"), ""),
        ("date:2025-10..2025-09", Filters("20250901", "20251031"), ""),  # typed backwards
        ("date:..2019", Filters("", "20191231"), ""),
        ("DATE:2025-09..", Filters("20250901", ""), ""),
        ("type:pdf", Filters(kinds=("pdf",)), ""),
        ("type:PDF,.docx type:htm", Filters(kinds=("pdf", "docx", "html")), ""),
        ('folder:"/home/an/bao cao/" ha', Filters(folders=("/home/an/bao cao",)), "ha"),
        ("path:/srv/tin x", Filters(folders=("/srv/tin",)), "x"),
        ("folder:bao-cao", Filters(folders=("bao-cao",)), ""),
    ],
)
def test_fields_become_a_filter_and_leave_the_words(
    typed: str, expected: Filters, rest: str
) -> None:
    filters, text, _fields = split_filters(typed)
    assert (filters, text) == (expected, rest)


@pytest.mark.parametrize(
    "typed", ["date:abc", "date:2025-13", "date:31/02/2025", "date:..", "type:", "type:p/df"]
)
def test_a_malformed_field_stays_plain_words(typed: str) -> None:
    assert split_filters(f"kinh {typed}") == (Filters(), f"kinh {typed}", "")


def test_words_that_merely_contain_a_colon_are_not_fields() -> None:
    assert split_filters("giờ 10:30 update:x") == (Filters(), "giờ 10:30 update:x", "")
    assert date_range("2025-09..2025-10") == ("20250901", "20251031")
    assert kinds_of("Pdf, DOCX") == ["pdf", "docx"]


def test_readable_parts_become_filters_and_bad_ones_say_why() -> None:
    assert filters_from(after="2025-09", before="2025", kinds=["pdf,txt"]) == Filters(
        "20250901", "20251231", (), ("pdf", "txt")
    )
    with pytest.raises(ValueError, match="not a date"):
        filters_from(after="hôm qua")
    with pytest.raises(ValueError, match="not a file type"):
        filters_from(kinds=["p d f"])


# -- searching through them ----------------------------------------------------------------


def test_each_filter_alone_lets_through_only_its_documents(corpus: tuple[Engine, Path]) -> None:
    engine, folder = corpus
    assert sorted(names(engine, "kinh te date:2025-10")) == ["oct.txt", "Ánh.txt"]
    assert sorted(names(engine, "kinh te date:2025-09..2025-10")) == [
        "oct.txt",
        "sep.txt",
        "Ánh.txt",
    ]
    assert sorted(names(engine, f'kinh te folder:"{folder / "tin"}"')) == ["old.txt", "sep.txt"]
    assert sorted(names(engine, 'kinh te folder:"bao cao"')) == ["oct.txt", "Ánh.txt"]
    assert len(names(engine, "kinh te type:txt")) == 5
    assert engine.search("kinh te type:pdf").total == 0  # no document of that kind


def test_filters_combine_and_fields_match_filters_passed_apart(
    corpus: tuple[Engine, Path],
) -> None:
    engine, folder = corpus
    typed = engine.search(f'kinh te date:2025 folder:"{folder / "bao cao"}" type:txt')
    passed = engine.search(
        "kinh te",
        filters=Filters("20250101", "20251231", (str(folder / "bao cao"),), ("txt",)),
    )
    assert typed.total == passed.total == 2
    assert [h.path for h in typed.hits] == [h.path for h in passed.hits]
    # A field and a passed filter both hold: September and "bao cao" share nothing.
    both = engine.search('kinh te date:2025-09 folder:"bao cao"', filters=Filters("20250101"))
    assert both.total == 0 and not both.hits
    assert engine.count("kinh te", filters=Filters("20260101", "20250101")) == 0  # no overlap
    sibling = engine.search(f'kinh te folder:"{folder}/ti"')  # a prefix, not a folder
    assert sibling.total == 0


def test_documents_without_a_date_never_pass_a_date_filter(corpus: tuple[Engine, Path]) -> None:
    engine, _ = corpus
    assert "none.txt" not in names(engine, "kinh te date:..2030")
    assert "none.txt" not in names(engine, "kinh te", filters=Filters(after="19000101"))


@pytest.mark.parametrize("sort", ["relevance", "date", "oldest", "name"])
@pytest.mark.parametrize("query", ["kinh te", "kinh*", "kinh -sang"])
def test_totals_count_only_filtered_documents_on_every_path(
    corpus: tuple[Engine, Path], sort: str, query: str
) -> None:
    # "kinh te" goes through the fast ranker, "kinh*" through Whoosh's matchers; sorted
    # orders take Whoosh's sorting collector and a counting pass.
    engine, _ = corpus
    expected = 2 if query == "kinh -sang" else 3
    found = engine.search(f"{query} date:2025", limit=1, sort=sort)
    assert found.total == expected and found.total_exact
    assert engine.count(f"{query} date:2025") == expected
    assert engine.count(query, filters=Filters("20250101", "20251231")) == expected
    all_hits = engine.search(f"{query} date:2025", limit=10, sort=sort).hits
    assert {h.date[-4:] for h in all_hits} == {"2025"}


def test_the_fields_are_not_searched_or_marked(corpus: tuple[Engine, Path]) -> None:
    engine, _ = corpus
    result = engine.search("kinh te type:txt")
    hit = next(h for h in result.hits if h.path.endswith("none.txt"))
    assert "<mark>Kinh tế</mark>" in hit.snippet and "<mark>txt" not in hit.snippet
    text = engine.read(hit.path, "kinh te type:pdf")  # the body holds the word "pdf"
    assert text.match_count == 1 and "<mark>pdf" not in text.html
    assert engine.search("type:txt").total == 5  # fields alone list what they let through


def test_fields_alone_list_their_documents_newest_first(corpus: tuple[Engine, Path]) -> None:
    engine, _ = corpus
    assert names(engine, "date:2025") == ["oct.txt", "Ánh.txt", "sep.txt"]
    assert names(engine, "date:2025", sort="oldest") == ["sep.txt", "Ánh.txt", "oct.txt"]
    assert engine.count("date:2025") == 3


def test_a_correction_keeps_the_fields(corpus: tuple[Engine, Path]) -> None:
    engine, _ = corpus
    result = engine.search("kinh tees date:2025")  # "tees": Telex for tế
    assert result.corrected_query == "kinh tế date:2025"
    assert result.total == 3


def test_filters_follow_the_index_when_a_document_changes(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "c", {"a.txt": "A\n01/10/2025\nKinh tế.\n"})
    update_index([folder], tmp_path / "i")
    engine = Engine(tmp_path / "i")
    assert engine.search("kinh te date:2025-10").total == 1
    write_corpus(folder, {"a.txt": "A\n01/11/2025\nKinh tế.\n", "b.txt": "B\n02/10/2025\nKinh.\n"})
    update_index([folder], tmp_path / "i")
    engine.refresh()
    assert names(engine, "kinh date:2025-10") == ["b.txt"]
    assert engine.count("kinh", filters=Filters("20251101", "20251130")) == 1
    engine.close()


def test_the_fast_ranker_filters_as_whoosh_does(corpus: tuple[Engine, Path]) -> None:
    engine, _ = corpus
    chosen = Filters(after="20250101")
    fast = engine.search("kinh te", limit=2, filters=chosen)
    full = engine.search("kinh te", limit=2, filters=chosen, exhaustive=True)
    assert [h.path for h in fast.hits] == [h.path for h in full.hits]
    assert fast.total == full.total == 3
