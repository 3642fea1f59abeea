"""Reading in parts: a long document cut into pages or chunks, its matches numbered across them.

Every character and every match lands in exactly one part, and a part's HTML numbers its
matches as the whole document does.
"""

from __future__ import annotations

import re
import time
from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from index import Engine, update_index
from index.highlight import find_matches
from index.query.plan import plan_query
from index.query.vocabulary import Vocabulary
from index.reading.parts import PART_CHARS, ReaderDocument, split_parts

PARAGRAPH = "Chủ tịch nước tiếp đoàn đại biểu. Hai bên trao đổi về hợp tác.\n"


def reader_document(text: str, query: str, page_starts: tuple[int, ...] = ()) -> ReaderDocument:
    matches = find_matches(text, plan_query(query, Vocabulary({})).patterns)
    parts = split_parts(text, matches, page_starts)
    return ReaderDocument("a.txt", "A", "", text, matches, parts, page_starts=page_starts)


def anchors(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<a name="match-(\d+)"></a>', html)]


def test_a_long_text_is_cut_at_line_ends_into_parts_of_about_the_part_size() -> None:
    document = reader_document(PARAGRAPH * 5000, "chu tich nuoc")
    parts = document.parts
    assert len(parts) > 3
    assert parts[0].start == 0 and parts[-1].end == len(document.text)
    assert all(a.end == b.start for a, b in pairwise(parts))
    assert all(document.text[p.end - 1] == "\n" for p in parts)
    assert all(p.end - p.start <= 4 * PART_CHARS for p in parts)
    assert sum(p.match_count for p in parts) == document.match_count == 5000


def test_each_part_numbers_its_matches_as_the_whole_document_does() -> None:
    document = reader_document(PARAGRAPH * 5000, "chu tich nuoc")
    seen: list[int] = []
    for index, part in enumerate(document.parts):
        numbers = anchors(document.part_html(index))
        assert numbers == list(range(part.first_match + 1, part.end_match + 1))
        assert all(document.part_holding(n) == index for n in numbers)
        seen += numbers
    assert seen == list(range(1, document.match_count + 1))
    assert anchors(document.html) == seen  # the one-piece HTML says the same


def test_a_part_never_cuts_a_match_even_in_one_endless_line() -> None:
    text = "tiếp " * 60_000 + " ".join(["chủ tịch nước"] * 20_000)  # one line, 500k chars
    document = reader_document(text, "chu tich nuoc")
    assert len(document.parts) > 1
    for part in document.parts:
        for start, end in document.matches[part.first_match : part.end_match]:
            assert part.start <= start < end <= part.end


@given(st.lists(st.sampled_from(["chủ tịch nước", "nước", "chủ", "\n", " ", ".", "x" * 40])))
@settings(max_examples=60, deadline=None)
def test_parts_cover_the_text_and_every_match_once(words: list[str]) -> None:
    text = " ".join(words)
    matches = find_matches(text, plan_query("chu tich nuoc", Vocabulary({})).patterns)
    parts = split_parts(text, matches, size=16)
    assert parts[0].start == 0 and parts[-1].end == len(text)
    assert [p.first_match for p in parts[1:]] == [p.end_match for p in parts[:-1]]
    assert parts[-1].end_match == len(matches)
    for part in parts:
        for start, end in matches[part.first_match : part.end_match]:
            assert part.start <= start < end <= part.end


def test_a_paged_document_is_read_by_whole_pages_with_their_headings() -> None:
    pages = [f"Trang thứ {n}: Chủ tịch nước phát biểu." for n in range(1, 301)]
    text = "\n\n".join(pages)
    starts = tuple(sum(len(p) + 2 for p in pages[:n]) for n in range(len(pages)))
    document = reader_document(text, "chu tich nuoc", starts)
    part_starts = {p.start for p in document.parts}
    assert part_starts <= set(starts)  # a part begins where a page does
    html = document.part_html(0)
    assert "<h3" in html and "Trang 1<" in html and "Trang 2<" in html
    small = reader_document("\n\n".join(pages[:3]), "chu tich nuoc", starts[:3])
    assert len(small.parts) == 1
    html = small.part_html(0, page_label="Page %1")
    assert [int(n) for n in re.findall(r">Page (\d+)</h3>", html)] == [1, 2, 3]
    assert anchors(html) == [1, 2, 3]


def test_a_document_without_matches_still_reads_in_parts() -> None:
    document = reader_document(PARAGRAPH * 3000, "")
    assert document.match_count == 0 and len(document.parts) > 1
    assert document.part_holding(1) == 0
    assert "Hai bên trao đổi" in document.part_html(len(document.parts) - 1)
    assert reader_document("", "x").parts[0].end == 0


def test_laying_out_a_part_costs_the_same_whatever_the_documents_size() -> None:
    costs = []
    for copies in (2_000, 16_000):
        document = reader_document(PARAGRAPH * copies, "chu tich nuoc")
        middle = len(document.parts) // 2
        started = time.perf_counter()
        for _ in range(5):
            document.part_html(middle)
        costs.append(time.perf_counter() - started)
    assert costs[1] < costs[0] * 3 + 0.05  # eight times the text, not eight times the cost


def test_the_engine_opens_a_document_on_the_part_of_its_first_match(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    text = "Tin dài\n" + "Hai bên trao đổi về hợp tác.\n" * 6000 + PARAGRAPH * 3
    (folder / "long.txt").write_text(text, encoding="utf-8")
    update_index([folder], tmp_path / "index")
    engine = Engine(tmp_path / "index")
    document = engine.open_document(str(folder / "long.txt"), "chu tich nuoc")
    assert document.match_count == 3 and len(document.parts) > 1
    assert document.shown_part == document.part_holding(1) > 0
    assert anchors(document.shown_html) == [1, 2, 3]
    assert document.html == engine.read(str(folder / "long.txt"), "chu tich nuoc").html
    engine.close()
