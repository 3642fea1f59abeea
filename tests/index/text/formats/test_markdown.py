"""Markdown notes read without their markup, so a phrase spans `**bold**` and links.

Title from the first heading or the YAML front matter; date from the front matter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.text.documents import read_text
from index.text.formats import Deadline, is_readable_name, read_format
from index.text.formats.markdown import inline_text, read_markdown
from tests.index.text.formats.web_files import ARTICLE, PUBLISHED_DMY, write_markdown


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("**Chủ tịch** nước", "Chủ tịch nước"),
        ("__Chủ tịch__ _nước_ *ta*", "Chủ tịch nước ta"),
        ("***đậm nghiêng*** và ~~gạch~~", "đậm nghiêng và gạch"),
        ("xem [bài viết](https://example.vn/a) này", "xem bài viết này"),
        ("ảnh ![bản đồ](ban-do.png) đây", "ảnh đây"),
        ("lệnh `timtin index` chạy", "lệnh timtin index chạy"),
        ("<span>Hà</span> Nội &amp; Huế", "Hà Nội & Huế"),
        (r"giá 5\*3 và snake_case_name", "giá 5*3 và snake_case_name"),
        ("<https://example.vn>", "https://example.vn"),
    ],
)
def test_inline_markup_is_taken_out(line: str, text: str) -> None:
    assert inline_text(line) == text


def test_a_document_reads_block_by_block(tmp_path: Path) -> None:
    path = tmp_path / "ghi-chu.md"
    path.write_text(
        "Lời mở\n=====\n\nĐoạn một\nnối dòng.\n\n## Danh sách ##\n\n- mục **một**\n2. mục hai\n"
        "- [x] việc xong\n\n> trích dẫn\n\n| Tỉnh | Dân số |\n|---|---:|\n| Huế | 1,1 |\n\n"
        "```python\nx = '**không đổi**'\n```\n\n---\n\n<div align='center'>giữa</div>\n\n"
        "[1]: https://example.vn\n",
        encoding="utf-8",
    )
    extracted = read_format(path, path.read_bytes())
    assert extracted.parts[0].split("\n") == [
        "Lời mở",
        "Đoạn một nối dòng.",
        "Danh sách",
        "mục một",
        "mục hai",
        "việc xong",
        "trích dẫn",
        "Tỉnh Dân số",
        "Huế 1,1",
        "x = '**không đổi**'",
        "giữa",
    ]
    assert extracted.title == "Lời mở"


def test_front_matter_gives_title_and_date_and_is_not_text(tmp_path: Path) -> None:
    path = write_markdown(tmp_path / "bai.markdown", ARTICLE, front_matter=True)
    document = read_text(path)
    assert document.text == ARTICLE
    assert (document.title, document.date) == (ARTICLE.split("\n")[0], PUBLISHED_DMY)


def test_the_phrase_across_bold_is_found_by_the_index_text(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Hôm nay **Chủ tịch** nước tiếp khách.", encoding="utf-8")
    assert "Chủ tịch nước" in read_text(path).text


def test_a_long_unterminated_fence_does_not_hang() -> None:
    text = ("```\n" + "dòng mã\n" * 100_000).encode()
    assert read_markdown(text, Deadline()).parts[0].count("\n") == 99_999


@pytest.mark.parametrize("name", ["a.md", "B.MD", "c.markdown"])
def test_markdown_names_are_readable(name: str) -> None:
    assert is_readable_name(name)
