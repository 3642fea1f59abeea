"""OpenDocument `.odt` files written with zipfile: Vietnamese text from headings, paragraphs,
tables, notes, headers and footers, text in legacy fonts decoded, hostile files refused.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from index.errors import UndecodableFile
from index.text.documents import read_document
from index.text.formats import Deadline, read_format
from index.text.formats.odt import read_odt
from index.text.normalize import normalize_text
from tests.index.text.formats.office_files import odt_members, write_odt, write_zip
from tests.index.text.legacy_fixtures import SYLLABLE_PANGRAMS, tcvn3_expected

ARTICLE = "\n".join(
    [
        "Lũ lụt ở đồng bằng sông Cửu Long",
        "Nước sông dâng cao  làm ngập hàng nghìn héc-ta lúa.",
        "Bà con nông dân khẩn trương gia cố bờ bao.",
        *SYLLABLE_PANGRAMS,
    ]
)
ROWS = [["Tỉnh", "Diện tích ngập"], ["An Giang", "bốn nghìn héc-ta"]]


def _text(path: Path) -> str:
    extracted = read_format(path, path.read_bytes())
    assert len(extracted.parts) == 1
    return normalize_text(extracted.parts[0])


def test_body_table_note_header_and_footer_read_in_reading_order(tmp_path: Path) -> None:
    path = write_odt(
        tmp_path / "lu-lut.odt",
        ARTICLE,
        table_rows=ROWS,
        header="Báo Cần Thơ — thời sự",
        footer="Trang hai",
        footnote="Theo Ban chỉ huy phòng chống thiên tai.",
    )
    assert _text(path).split("\n") == [
        "Báo Cần Thơ — thời sự",
        *ARTICLE.split("\n"),
        "Tỉnh\tDiện tích ngập",
        "An Giang\tbốn nghìn héc-ta",
        "Theo Ban chỉ huy phòng chống thiên tai.",
        "Trang hai",
    ]


def test_spans_split_mid_word_and_repeated_spaces_keep_the_words(tmp_path: Path) -> None:
    members: dict[str, str | bytes] = dict(odt_members("Tiêu đề\nđoạn"))
    content = str(members["content.xml"])
    start = content.index("<office:text>") + len("<office:text>")
    end = content.index("</office:text>")
    members["content.xml"] = (
        content[:start]
        + '<text:p><text:span text:style-name="TU_B">Nước sông dâ</text:span>ng cao<text:s'
        ' text:c="2"/>làm<text:tab/>ngập<text:line-break/>lúa</text:p>' + content[end:]
    )
    path = write_zip(tmp_path / "lu.odt", members)
    assert _text(path) == "Nước sông dâng cao  làm\tngập\nlúa"


def test_white_space_in_the_xml_counts_as_one_space(tmp_path: Path) -> None:
    """ODF collapses runs of spaces, tabs and newlines in the XML; text:s and text:tab say more."""
    members: dict[str, str | bytes] = dict(odt_members("Tiêu đề\nđoạn"))
    content = str(members["content.xml"])
    members["content.xml"] = content.replace(
        "<office:text>",
        "<office:text>\n  <text:p>\n    Nước sông\n    dâng   cao\n  </text:p>\n",
    )
    path = write_zip(tmp_path / "lu.odt", members)
    assert _text(path).split("\n")[0] == "Nước sông dâng cao"


@pytest.mark.parametrize("font", [".VnTime", "VNI-Times"])
@pytest.mark.parametrize("font_in", ["span", "style", "default"])
def test_text_in_a_legacy_font_reads_as_vietnamese(tmp_path: Path, font: str, font_in: str) -> None:
    """The heading is in Times New Roman, the paragraphs in the legacy font, named by their
    spans' styles, their paragraph style (through its parent) or the default paragraph style."""
    path = write_odt(
        tmp_path / "lu-lut.odt", ARTICLE, font=font, font_in=font_in, table_rows=ROWS, header="Báo"
    )
    expected = tcvn3_expected(ARTICLE) if font.startswith(".") else ARTICLE
    lines = _text(path).split("\n")
    assert lines[1 : len(ARTICLE.split("\n")) + 1] == expected.split("\n")
    assert lines[0] == "Báo"
    assert "An Giang\tbốn nghìn héc-ta" in lines
    legacy = "tcvn3" if font.startswith(".") else "vni-windows"
    assert read_format(path, path.read_bytes()).encoding == f"odt+{legacy}"


def test_the_title_and_date_come_from_meta_xml(tmp_path: Path) -> None:
    path = write_odt(
        tmp_path / "lu-lut.odt", ARTICLE, title_meta="Mùa lũ", created="2022-10-09T07:15:00"
    )
    extracted = read_odt(path.read_bytes(), Deadline())
    assert (extracted.title, extracted.date) == ("Mùa lũ", "09/10/2022")
    bare = read_odt(write_odt(tmp_path / "bare.odt", ARTICLE).read_bytes(), Deadline())
    assert (bare.title, bare.date) == ("", "")


def test_read_document_gives_an_odt_document(tmp_path: Path) -> None:
    path = write_odt(tmp_path / "lu-lut.odt", ARTICLE, font=".VnTime")
    document = read_document(path)
    assert (document.kind, document.encoding) == ("odt", "odt+tcvn3")
    assert document.text == tcvn3_expected(ARTICLE)
    assert document.title == "Lũ lụt ở đồng bằng sông Cửu Long"


def _refused(path: Path) -> str:
    started = time.monotonic()
    with pytest.raises(UndecodableFile) as error:
        read_format(path, path.read_bytes())
    assert time.monotonic() - started < 2.0
    return error.value.reason


def test_an_encrypted_odt_is_refused_as_encrypted(tmp_path: Path) -> None:
    members: dict[str, str | bytes] = dict(odt_members(ARTICLE))
    members["META-INF/manifest.xml"] = str(members["META-INF/manifest.xml"]).replace(
        'manifest:media-type="text/xml"/>',
        'manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type='
        '"SHA1/1K" manifest:checksum="AAAA"/></manifest:file-entry>',
    )
    members["content.xml"] = bytes(range(256)) * 8
    path = write_zip(tmp_path / "mat.odt", members)
    assert _refused(path).startswith("encrypted")


def test_a_truncated_odt_is_refused_as_damaged(tmp_path: Path) -> None:
    whole = write_odt(tmp_path / "whole.odt", ARTICLE, table_rows=ROWS).read_bytes()
    path = tmp_path / "cut.odt"
    path.write_bytes(whole[: len(whole) // 2])
    assert _refused(path).startswith("damaged file")


def test_an_entity_expansion_attack_is_refused(tmp_path: Path) -> None:
    members: dict[str, str | bytes] = dict(odt_members(ARTICLE))
    content = str(members["content.xml"])
    members["content.xml"] = content.replace(
        "<office:document-content",
        '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<office:document-content",
        1,
    ).replace("Bà con", "&b;", 1)
    path = write_zip(tmp_path / "cuoi.odt", members)
    assert "DTD" in _refused(path)
