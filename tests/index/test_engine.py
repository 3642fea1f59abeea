"""Searching real indexes: accent-insensitive matching, accent-aware ranking, exact mode.

Each test builds a small corpus on disk, indexes it and checks what a reader would see.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from index.engine import Engine
from index.errors import SearchCancelled
from index.indexing.update import update_index
from index.query.filters import Filters
from tests.conftest import LUONG_CUONG, MOSCOW_VISIT, write_corpus

Build = Callable[[dict[str, str | bytes]], Engine]


def names(engine: Engine, query: str, **options: object) -> list[str]:
    return [Path(hit.path).name for hit in engine.search(query, **options).hits]  # type: ignore[arg-type]


def test_unaccented_query_finds_the_president_first_with_marks_as_written(
    seeds_engine: Engine,
) -> None:
    result = seeds_engine.search("chu tich nuoc")
    assert Path(result.hits[0].path) == LUONG_CUONG
    assert "<mark>Chủ tịch nước</mark>" in result.hits[0].snippet


def test_offsets_point_at_the_accented_words(seeds_engine: Engine) -> None:
    result = seeds_engine.search("dak lak")
    hit = result.hits[0]
    assert Path(hit.path) == MOSCOW_VISIT
    text = MOSCOW_VISIT.read_text(encoding="utf-8")
    assert hit.matches
    assert {text[start:end] for start, end in hit.matches} == {"Đắk Lắk"}


def test_result_carries_title_date_and_timing(seeds_engine: Engine) -> None:
    result = seeds_engine.search("Lương Cường")
    assert result.total == 1
    hit = result.hits[0]
    assert hit.title.startswith("Việt Nam coi Nga")
    assert hit.date == "26/10/2025"
    assert result.took_ms > 0


def test_accented_query_ranks_exact_form_first_and_unaccented_finds_both(
    build_engine: Build,
) -> None:
    engine = build_engine(
        {
            "ban.txt": "Chợ\nHôm nay tôi bán hàng, bán rau, bán cá ở chợ.\n",
            "ban-friend.txt": "Bạn học\nNgười bạn cũ đến chơi.\n",
        }
    )
    assert names(engine, "bạn")[0] == "ban-friend.txt"
    assert names(engine, "bán")[0] == "ban.txt"
    assert set(names(engine, "ban")) == {"ban.txt", "ban-friend.txt"}
    # Without exact mode an accented query still matches accent-insensitively.
    assert set(names(engine, "bạn")) == {"ban.txt", "ban-friend.txt"}


def test_exact_mode_matches_only_forms_as_typed(build_engine: Build) -> None:
    engine = build_engine(
        {
            "ban.txt": "Chợ\nTôi bán hàng ở chợ.\n",
            "ban-friend.txt": "Bạn học\nNgười bạn cũ đến chơi.\n",
            "plain.txt": "Notes\nthe ban on imports\n",
        }
    )
    assert names(engine, "bạn", exact=True) == ["ban-friend.txt"]
    assert names(engine, "ban", exact=True) == ["plain.txt"]
    assert names(engine, "Bạn học", exact=True) == ["ban-friend.txt"]


def test_old_and_new_tone_placement_match_each_other_even_in_exact_mode(
    build_engine: Build,
) -> None:
    engine = build_engine({"old.txt": "Hoà bình\nSức khoẻ và thuỷ lợi.\n", "new.txt": "x\nkhỏe\n"})
    assert set(names(engine, "hòa bình", exact=True)) == {"old.txt"}
    assert set(names(engine, "khỏe", exact=True)) == {"old.txt", "new.txt"}
    hit = engine.search("thủy lợi", exact=True).hits[0]
    text = Path(hit.path).read_text(encoding="utf-8")
    assert [text[s:e] for s, e in hit.matches] == ["thuỷ lợi"]  # shown as written


def test_adjacent_syllables_rank_above_scattered_ones(build_engine: Build) -> None:
    engine = build_engine(
        {
            "scattered.txt": "Tin tức\nNước ta có nhiều chủ trương, tích cực, tịch thu, chủ động, "
            "nước ngoài, tích lũy, nước sạch, chủ nhà.\n",
            "phrase.txt": "Tin tức\nHôm qua Chủ tịch nước đã tiếp đoàn.\n",
        }
    )
    assert names(engine, "chu tich nuoc") == ["phrase.txt", "scattered.txt"]


def test_title_matches_count_more_than_body_matches(build_engine: Build) -> None:
    engine = build_engine(
        {
            "body.txt": "Tin thể thao\nBóng đá hôm nay. Kinh tế được nhắc một lần.\n",
            "title.txt": "Kinh tế năm nay\nBóng đá hôm nay và nhiều tin khác nữa.\n",
        }
    )
    assert names(engine, "kinh te")[0] == "title.txt"


def test_phrase_query_requires_adjacency(build_engine: Build) -> None:
    engine = build_engine({"a.txt": "x\nHà Nội mùa thu\n", "b.txt": "x\nNội dung ở Hà Giang\n"})
    assert names(engine, '"ha noi"') == ["a.txt"]
    assert set(names(engine, "ha noi")) == {"a.txt", "b.txt"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ha OR giang", {"a.txt", "b.txt"}),
        ("ha NOT giang", {"a.txt"}),
        ("ha -giang", {"a.txt"}),
        ("gian*", {"b.txt"}),
        ("title:mua", {"a.txt"}),
        ("mùa", {"a.txt"}),
    ],
)
def test_whoosh_syntax(build_engine: Build, query: str, expected: set[str]) -> None:
    engine = build_engine(
        {"a.txt": "Mùa thu\nHà Nội mùa thu\n", "b.txt": "x\nNội dung ở Hà Giang\n"}
    )
    assert set(names(engine, query)) == expected


@pytest.mark.parametrize(
    "query",
    [
        '"unclosed phrase',
        "title:",
        "((ha",
        "ha AND",
        "OR",
        "*",
        "ha^^2",
        "[a TO",
        "a:b:c",
        ")))",
        "NOT",
        "-",
        "\\",
        "ha~",
        "'",
        "\x00",
    ],
)
def test_malformed_queries_still_search_and_never_raise(build_engine: Build, query: str) -> None:
    engine = build_engine({"a.txt": "Hà Nội\nHà Nội mùa thu unclosed phrase\n"})
    result = engine.search(query)
    assert result.total >= 0


@pytest.mark.parametrize("query", ['"unclosed phrase', "((ha", "ha AND"])
def test_malformed_queries_find_their_words(build_engine: Build, query: str) -> None:
    engine = build_engine({"a.txt": "Hà Nội\nHà Nội mùa thu unclosed phrase\n", "b.txt": "x\ny\n"})
    assert names(engine, query) == ["a.txt"]


@pytest.mark.parametrize("query", ["", "   ", "\n"])
def test_empty_query_returns_nothing(seeds_engine: Engine, query: str) -> None:
    result = seeds_engine.search(query)
    assert result.total == 0
    assert result.hits == []


def test_reader_view_marks_and_numbers_every_match(seeds_engine: Engine) -> None:
    view = seeds_engine.read(str(LUONG_CUONG), "chu tich nuoc")
    text = LUONG_CUONG.read_text(encoding="utf-8")
    assert view.match_count == len(view.matches) > 1
    assert view.html.count("<mark>") == view.match_count
    for number in range(1, view.match_count + 1):
        assert f'<a name="match-{number}"></a>' in view.html
    assert "<mark>Chủ tịch nước</mark>" in view.html
    assert all(text[s:e].lower() != "" for s, e in view.matches)


def test_markup_inside_documents_is_escaped(build_engine: Build) -> None:
    engine = build_engine(
        {"html.txt": "Tiêu đề <b>đậm</b>\n<script>alert('x')</script> nội dung\n"}
    )
    hit = engine.search("noi dung").hits[0]
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    view = engine.read(hit.path, "noi dung")
    assert "<script>" not in view.html and "<b>" not in view.html


def test_sort_by_date_puts_newest_first(build_engine: Build) -> None:
    engine = build_engine(
        {
            "old.txt": "Tin cũ\n01/02/2019\nKinh tế tăng trưởng kinh tế kinh tế.\n",
            "new.txt": "Tin mới\n2024-05-06\nKinh tế.\n",
            "none.txt": "Không ngày\nKinh tế.\n",
        }
    )
    ordered = names(engine, "kinh te", sort="date")
    assert ordered[:2] == ["new.txt", "old.txt"]
    assert engine.search("kinh te", sort="date").hits[0].date == "06/05/2024"


def test_a_cancelled_search_stops_and_a_later_one_still_answers(seeds_engine: Engine) -> None:
    with pytest.raises(SearchCancelled):
        seeds_engine.search("nga", cancelled=lambda: True)
    assert seeds_engine.search("nga").total == 2


def test_exhaustive_whoosh_scoring_ranks_like_the_fast_scorer(build_engine: Build) -> None:
    engine = build_engine(
        {f"{n}.txt": f"Tin {n}\n" + "kinh tế " * n + "xã hội\n" for n in range(1, 9)}
    )
    fast = engine.search("kinh te", limit=5)
    full = engine.search("kinh te", limit=5, exhaustive=True)
    assert [h.path for h in fast.hits] == [h.path for h in full.hits]
    assert [round(h.score, 6) for h in fast.hits] == [round(h.score, 6) for h in full.hits]


def test_a_repeated_search_is_answered_from_the_cache_until_the_index_changes(
    tmp_path: Path,
) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n"})
    update_index([corpus], tmp_path / "idx")
    engine = Engine(tmp_path / "idx")
    first = engine.search("ha noi")
    assert engine.search("ha noi").hits == first.hits
    write_corpus(corpus, {"b.txt": "B\nHà Nội nữa\n"})
    update_index([corpus], tmp_path / "idx")
    engine.refresh()
    assert engine.search("ha noi").total == 2
    engine.close()


def test_totals_are_exact_even_when_few_documents_can_reach_the_page(
    build_engine: Build,
) -> None:
    # Title hits score a whole tier higher, so only they can reach a page of two: BM25 is
    # computed for them alone, yet the total still counts every matching document, without
    # a second counting pass.
    files = {f"a-title{n}.txt": f"Kinh tế {n}\n" + "kinh tế " * (n + 1) for n in range(3)}
    files.update({f"body{n}.txt": f"Tin {n}\nKinh doanh và tế bào {n}.\n" for n in range(40)})
    engine = build_engine(files)
    ranked = engine.search("kinh te", limit=2)
    assert ranked.total == 43 and ranked.total_exact
    assert [Path(h.path).name for h in ranked.hits] == ["a-title2.txt", "a-title1.txt"]
    quick = engine.search("kinh te", limit=2, count=False)
    assert [h.path for h in quick.hits] == [h.path for h in ranked.hits]
    assert quick.total == 43 and quick.total_exact
    assert engine.count("kinh te") == 43
    assert engine.search("kinh*", limit=2, count=False).total == 43  # Whoosh ranks prefixes


def test_the_reader_marks_what_a_telex_query_was_read_as(seeds_engine: Engine) -> None:
    view = seeds_engine.read(str(LUONG_CUONG), "chur tichj nuwowcs")
    assert view.match_count > 0
    assert "<mark>Chủ tịch nước</mark>" in view.html


def test_a_matched_run_longer_than_the_snippet_still_gets_one(build_engine: Build) -> None:
    # Every word of the query, repeated with only spaces between: one merged match of ~400
    # characters, longer than any snippet window.
    run = " ".join(["chủ tịch nước"] * 30)
    engine = build_engine({"long.txt": f"Tin dài\n{run}\n"})
    hits = engine.search("chu tich nuoc").hits
    assert len(hits) == 1
    assert "<b>" in hits[0].snippet or "<mark>" in hits[0].snippet


def test_a_long_article_full_of_one_word_shows_the_passage_with_every_query_word(
    build_engine: Build,
) -> None:
    # Thousands of matches of "nước" and, far down, the one passage holding the whole query.
    filler = " ".join(["nước sạch cho dân"] * 3000)
    engine = build_engine(
        {"long.txt": f"Tin dài\n{filler}. Chủ tịch nước thăm vùng lũ.\n{filler}\n"}
    )
    hits = engine.search("chu tich nuoc").hits
    assert len(hits) == 1
    assert "<mark>Chủ tịch nước</mark>" in hits[0].snippet


@pytest.mark.parametrize("how", ["new folder", "empty folder indexed"])
def test_an_empty_index_searches_to_no_results(tmp_path: Path, how: str) -> None:
    # Whoosh's reader of an index with no segment has no segment to read the vocabulary of.
    index_dir = tmp_path / "index"
    if how == "empty folder indexed":
        (tmp_path / "empty").mkdir()
        update_index([tmp_path / "empty"], index_dir)
    engine = Engine(index_dir)
    try:
        result = engine.search("chu tich nuoc")
        assert (result.total, result.hits, result.variants) == (0, [], [])
        assert engine.count("chu tich nuoc") == 0
    finally:
        engine.close()


def test_filters_are_part_of_a_search_and_kinds_are_listed(build_engine: Build) -> None:
    engine = build_engine(
        {"a.txt": "A\n01/10/2025\nKinh tế.\n", "b.txt": "B\n01/10/2024\nKinh tế.\n"}
    )
    assert engine.kinds() == ["txt"]
    assert engine.search("kinh te").total == 2
    # The same words under another filter are another search, not a cached answer.
    assert names(engine, "kinh te", filters=Filters(after="20250101")) == ["a.txt"]
    assert names(engine, "kinh te", filters=Filters(before="20241231")) == ["b.txt"]
    assert engine.count("kinh te", filters=Filters(kinds=("pdf",))) == 0


def test_an_open_engine_follows_writers_that_merge_its_segments_away(tmp_path: Path) -> None:
    """The watcher or `timtin index` in another process commits while the window searches:
    a merge deletes the segment files the open searcher would read next."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a0.txt").write_text("Tin 0\nChủ tịch nước tiếp khách", encoding="utf-8")
    update_index([folder], tmp_path / "index")
    engine = Engine(tmp_path / "index")
    try:
        for number in range(1, 4):  # small updates: each commit merges the small segments
            (folder / f"a{number}.txt").write_text(
                f"Tin {number}\nChủ tịch nước {number}", encoding="utf-8"
            )
            update_index([folder], tmp_path / "index")
        result = engine.search("chu tich nuoc")
        assert result.total == 4 and {Path(hit.path).name for hit in result.hits} >= {"a3.txt"}
        assert engine.count("chu tich nuoc") == 4
    finally:
        engine.close()


def test_an_update_with_nothing_changed_commits_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Tin\nHà Nội", encoding="utf-8")
    update_index([folder], tmp_path / "index")
    files = sorted(p.name for p in (tmp_path / "index").iterdir())
    report = update_index([folder], tmp_path / "index")
    assert (report.unchanged, report.changed) == (1, False)
    assert sorted(p.name for p in (tmp_path / "index").iterdir()) == files


def test_the_roots_follow_a_folder_another_writer_added(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", {"a.txt": "Tin\nHà Nội"})
    second = write_corpus(tmp_path / "b", {"b.txt": "Tin\nHuế"})
    update_index([first], tmp_path / "index")
    engine = Engine(tmp_path / "index")
    try:
        update_index([second], tmp_path / "index")  # the window's Folders dialog, elsewhere
        assert engine.roots == [str(first.resolve()), str(second.resolve())]
    finally:
        engine.close()
