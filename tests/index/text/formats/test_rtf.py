"""Rich Text `.rtf` files: Vietnamese from `\\uN` escapes, Windows-1258 bytes (tone marks
apart), and legacy fonts' bytes; headers, footnotes and metadata; broken files refused.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from index.errors import UndecodableFile
from index.text.documents import read_document
from index.text.formats import Deadline, read_format
from index.text.formats.rtf import read_rtf
from index.text.normalize import normalize_text
from tests.index.text.formats.office_files import rtf_text, write_rtf
from tests.index.text.legacy_fixtures import SYLLABLE_PANGRAMS, tcvn3_expected

ARTICLE = "\n".join(
    [
        "Giá xăng dầu giảm lần thứ ba",
        "Từ ba giờ chiều nay, giá xăng giảm hơn năm trăm đồng mỗi lít {E5}.",
        "Người tiêu dùng và doanh nghiệp vận tải được hưởng lợi.",
        *SYLLABLE_PANGRAMS,
    ]
)


def _text(path: Path) -> str:
    extracted = read_format(path, path.read_bytes())
    assert len(extracted.parts) == 1
    return normalize_text(extracted.parts[0])


def _rtf(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "tin.rtf"
    path.write_bytes(source.encode("latin-1"))
    return path


def test_unicode_escapes_read_as_vietnamese(tmp_path: Path) -> None:
    path = write_rtf(tmp_path / "gia-xang.rtf", ARTICLE, codepage="unicode")
    assert "\\u7843?" in path.read_text(encoding="ascii")  # ả
    assert _text(path) == ARTICLE
    assert read_format(path, path.read_bytes()).encoding == "rtf"


def test_windows_1258_bytes_with_tone_marks_apart_read_as_vietnamese(tmp_path: Path) -> None:
    path = write_rtf(tmp_path / "gia-xang.rtf", ARTICLE, codepage=1258)
    assert "\\ansicpg1258" in path.read_text(encoding="ascii")
    assert _text(path) == ARTICLE  # the tone marks compose once normalised
    assert read_format(path, path.read_bytes()).encoding == "rtf+windows-1258"


@pytest.mark.parametrize("codepage", [1252, 1258])
@pytest.mark.parametrize("font", [".VnTime", "VNI-Times"])
def test_text_in_a_legacy_font_reads_as_vietnamese(
    tmp_path: Path, codepage: int, font: str
) -> None:
    """The title is in Times New Roman, the paragraphs in the legacy font's bytes."""
    path = write_rtf(tmp_path / "gia-xang.rtf", ARTICLE, codepage=codepage, font=font)
    expected = tcvn3_expected(ARTICLE) if font.startswith(".") else ARTICLE
    assert _text(path) == expected
    legacy = "tcvn3" if font.startswith(".") else "vni-windows"
    assert read_format(path, path.read_bytes()).encoding.endswith(f"+{legacy}")


def test_header_body_and_footnote_in_reading_order(tmp_path: Path) -> None:
    path = write_rtf(
        tmp_path / "gia-xang.rtf",
        ARTICLE,
        header="Bản tin kinh tế",
        footnote="Theo Bộ Công Thương.",
    )
    lines = [line.strip() for line in _text(path).split("\n")]
    assert lines == ["Bản tin kinh tế", *ARTICLE.split("\n"), "Theo Bộ Công Thương."]


def test_the_title_and_date_come_from_the_info_group(tmp_path: Path) -> None:
    path = write_rtf(
        tmp_path / "gia-xang.rtf", ARTICLE, title_meta="Xăng giảm giá", created=(2024, 3, 7)
    )
    extracted = read_rtf(path.read_bytes(), Deadline())
    assert (extracted.title, extracted.date) == ("Xăng giảm giá", "07/03/2024")
    bare = read_rtf(write_rtf(tmp_path / "bare.rtf", ARTICLE).read_bytes(), Deadline())
    assert (bare.title, bare.date) == ("", "")


def test_table_cells_are_kept_apart(tmp_path: Path) -> None:
    path = _rtf(
        tmp_path,
        r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\trowd\cellx2000\cellx4000"
        r"\pard\intbl T\u7881?nh\cell Gi\u225?\cell\row}",
    )
    assert _text(path).split("\t")[:2] == ["Tỉnh", "Giá"]


def test_characters_past_the_basic_plane_and_binary_data(tmp_path: Path) -> None:
    path = _rtf(
        tmp_path,
        r"{\rtf1\ansi\uc1 Vui \u-10179?\u-8704? qu\u225?"
        r"{\pict\wmetafile8\bin4 }}}}}{\*\generator Tr\'ecnh so\'b9n th\'b3o;} nh\'e9!}",
    )
    assert _text(path) == "Vui 😀 quá nhé!"


def test_read_document_gives_an_rtf_document(tmp_path: Path) -> None:
    path = write_rtf(tmp_path / "gia-xang.rtf", ARTICLE, codepage=1258, created=(2023, 1, 15))
    document = read_document(path)
    assert (document.kind, document.text) == ("rtf", ARTICLE)
    assert (document.title, document.date) == ("Giá xăng dầu giảm lần thứ ba", "15/01/2023")


def test_a_file_that_is_not_rtf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gia.rtf"
    path.write_bytes(b"PK\x03\x04 not rich text")
    with pytest.raises(UndecodableFile, match="not an RTF file"):
        read_format(path, path.read_bytes())


def test_a_truncated_or_deeply_nested_rtf_reads_what_it_has_fast(tmp_path: Path) -> None:
    whole = rtf_text(ARTICLE, codepage=1258)
    cut = _rtf(tmp_path, whole[: len(whole) // 2])
    assert _text(cut).startswith("Giá xăng dầu giảm lần thứ ba\nTừ ba giờ")
    nested = _rtf(tmp_path, r"{\rtf1 Tin " + "{" * 200_000 + "nhanh" + "}" * 100)
    started = time.monotonic()
    assert _text(nested) == "Tin nhanh"
    assert time.monotonic() - started < 5.0
