"""What a reader returns: parts in reading order and the metadata, before normalisation.

How documents turn parts into one text with page starts is in tests/index/text/test_documents.py.
"""

from __future__ import annotations

from pathlib import Path

from index.text.documents import PART_SEPARATOR, _document_text
from index.text.formats import Extracted


def test_plain_text_is_one_unpaged_part_with_no_metadata() -> None:
    extracted = Extracted.of_text("Hà Nội\nmùa thu", "utf-8")
    assert extracted == Extracted(("Hà Nội\nmùa thu",), "utf-8", paged=False, title="", date="")


def test_pages_are_normalised_one_by_one_and_their_starts_kept() -> None:
    nfd = "Ha\u0300 No\u0302\u0323i"  # what a PDF extractor may return
    pages = Extracted((nfd, "trang hai"), "pdf", paged=True, title="", date="02/09/2025")
    text = _document_text(Path("a.pdf"), pages)
    assert text.text == "Hà Nội" + PART_SEPARATOR + "trang hai"
    assert text.page_starts == (0, len("Hà Nội") + len(PART_SEPARATOR))
    assert text.text[text.page_starts[1] :].startswith("trang hai")
    assert (text.kind, text.title, text.date) == ("pdf", "Hà Nội", "02/09/2025")
    assert [text.page_of(0), text.page_of(text.page_starts[1] + 2)] == [1, 2]


def test_chapters_are_parts_without_page_starts_and_metadata_wins() -> None:
    chapters = Extracted(("Chương 1\nMở đầu", "Chương 2"), "epub", title="Truyện Kiều")
    text = _document_text(Path("kieu.epub"), chapters)
    assert text.page_starts == () and text.page_of(5) == 0
    assert text.title == "Truyện Kiều"
