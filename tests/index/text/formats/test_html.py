"""Saved web pages read as a person sees their article: the right text, title, date, encoding.

Real files on disk in the layouts of Vietnamese news sites, read through read_format.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from index.text.documents import read_text
from index.text.formats import Deadline, is_readable_name, read_format
from index.text.formats.html import read_html
from tests.index.text.formats.web_files import (
    ARTICLE,
    BOILERPLATE,
    MOST_READ_HEADING,
    PUBLISHED_DMY,
    SITES,
    write_news_page,
)
from tests.index.text.legacy_fixtures import encode_cp1258

TITLE = ARTICLE.split("\n", 1)[0]


def _read(path: Path) -> str:
    return read_format(path, path.read_bytes()).parts[0]


@pytest.mark.parametrize("site", SITES)
def test_a_saved_news_page_gives_its_article_and_none_of_the_page_around_it(
    tmp_path: Path, site: str
) -> None:
    path = write_news_page(tmp_path / f"{site}.html", ARTICLE, site=site)
    text = _read(path)
    for paragraph in ARTICLE.split("\n"):
        assert paragraph in text
    assert MOST_READ_HEADING not in text
    leaked = [phrase for phrase in BOILERPLATE if phrase in text]
    assert leaked == []


def test_the_title_is_og_title_without_the_site_and_the_date_the_published_time(
    tmp_path: Path,
) -> None:
    path = write_news_page(tmp_path / "vnexpress.html", ARTICLE, site="vnexpress")
    extracted = read_format(path, path.read_bytes())
    assert (extracted.title, extracted.date) == (TITLE, PUBLISHED_DMY)
    assert extracted.parts[0].split("\n")[0] == TITLE  # the heading opens the text
    assert extracted.encoding == "html+utf-8"


def test_entities_are_read_as_the_letters_they_stand_for(tmp_path: Path) -> None:
    path = tmp_path / "thu.htm"
    path.write_text(
        "<html><body><p>Ng&agrave;y h&#7897;i&nbsp;l&#x1EDB;n &amp; vui &lt;3</p></body></html>",
        encoding="ascii",
    )
    assert _read(path) == "Ngày hội lớn & vui <3"


def test_a_page_written_with_entities_only_reads_like_the_utf8_one(tmp_path: Path) -> None:
    plain = write_news_page(tmp_path / "a.html", ARTICLE, site="dantri")
    entities = write_news_page(tmp_path / "b.html", ARTICLE, site="dantri", charset="ascii")
    assert entities.read_bytes().isascii()
    assert _read(entities) == _read(plain)


def test_a_phrase_across_inline_tags_stays_one_phrase(tmp_path: Path) -> None:
    path = tmp_path / "tin.html"
    path.write_text(
        "<html><body><p><b>Chủ tịch</b> nước đến th<i>ă</i>m <a href='#'>Hà</a> <span>Nội</span>"
        "</p><div>Đoạn</div><div>hai</div><p>Một<br>dòng</p></body></html>",
        encoding="utf-8",
    )
    assert _read(path) == "Chủ tịch nước đến thăm Hà Nội\nĐoạn\nhai\nMột\ndòng"
    assert "Chủ tịch nước" in read_text(path).text


@pytest.mark.parametrize("site", ["vnexpress", "oldsite"])
def test_an_old_windows_1258_page_reads_as_vietnamese(tmp_path: Path, site: str) -> None:
    path = write_news_page(tmp_path / "cu.htm", ARTICLE, site=site, charset="windows-1258")
    assert b"windows-1258" in path.read_bytes()
    document = read_text(path)  # normalised to NFC as the index sees it
    assert ARTICLE.split("\n")[3] in document.text
    assert document.encoding == "html+windows-1258"
    assert document.title == TITLE


def test_an_undeclared_legacy_page_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "khong-khai.html"
    body = "<html><body><p>Người dân miền Trung thiếu nước sinh hoạt trầm trọng.</p></body></html>"
    path.write_bytes(encode_cp1258(body))
    assert read_text(path).text == "Người dân miền Trung thiếu nước sinh hoạt trầm trọng."


def test_a_page_without_an_article_gives_all_its_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "danh-sach.html"
    links = "".join(f"<li><a href='/{n}'>Bài số {n} về mùa lũ</a></li>" for n in range(30))
    path.write_text(
        f"<html><head><title>Mục lục</title><style>p{{}}</style></head><body><nav>Trang chủ</nav>"
        f"<h2>Danh sách bài</h2><ul>{links}</ul><footer>Liên hệ</footer></body></html>",
        encoding="utf-8",
    )
    text = _read(path)
    assert text.startswith("Trang chủ\nDanh sách bài\nBài số 0 về mùa lũ")
    assert text.endswith("Bài số 29 về mùa lũ\nLiên hệ")


def test_malformed_html_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "hong.html"
    path.write_text(
        "<html><body><div><p>Chủ <b>tịch <i>nước</b> đi</i> thăm<p>đoạn hai<table><tr><td>ô một"
        "<td>ô hai</table><li>mục</ul></span></div></div></div><p>cuối <!-- chưa đóng",
        encoding="utf-8",
    )
    assert _read(path) == "Chủ tịch nước đi thăm\nđoạn hai\nô một ô hai\nmục\ncuối"


def test_a_5_mb_page_nested_10000_deep_neither_crashes_nor_hangs(tmp_path: Path) -> None:
    path = tmp_path / "sau.html"
    chunk = "<div>" * 10_000 + "Hà Nội mùa thu" + "</div>" * 10_000
    path.write_text("<html><body>" + chunk * 46 + "</body></html>", encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    started = time.monotonic()
    text = read_html(path.read_bytes(), Deadline())
    assert time.monotonic() - started < 20
    assert text.parts[0].split("\n") == ["Hà Nội mùa thu"] * 46


@pytest.mark.parametrize("name", ["a.html", "B.HTM", "c.xhtml", "d.htm"])
def test_web_page_names_are_readable(name: str) -> None:
    assert is_readable_name(name)
