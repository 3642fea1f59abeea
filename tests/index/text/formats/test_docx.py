"""Word `.docx` files written with zipfile: Vietnamese text from the body, tables, headers,
footers and footnotes in reading order, legacy-font runs decoded, hostile files refused.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from index.errors import UndecodableFile
from index.text.documents import read_document
from index.text.formats import Deadline, read_format
from index.text.formats.docx import read_docx
from index.text.normalize import normalize_text
from tests.index.text.formats.office_files import (
    docx_members,
    write_docx,
    write_encrypted_docx,
    write_zip,
)
from tests.index.text.legacy_fixtures import SYLLABLE_PANGRAMS, tcvn3_expected

ARTICLE = "\n".join(
    [
        "Hạn hán ở miền Trung",
        "Người dân miền Trung thiếu nước sinh hoạt suốt mùa khô.",
        "Chính quyền đã đưa xe bồn chở nước sạch tới từng xã.",
        *SYLLABLE_PANGRAMS,
    ]
)
ROWS = [["Tỉnh", "Số hộ thiếu nước"], ["Quảng Ngãi", "mười hai nghìn hộ"]]
W_RUN = "<w:r><w:rPr><w:rFonts w:ascii={font} w:hAnsi={font}/></w:rPr>{content}</w:r>"


def _text(path: Path) -> str:
    extracted = read_format(path, path.read_bytes())
    assert len(extracted.parts) == 1
    return normalize_text(extracted.parts[0])


def _with_body(tmp_path: Path, paragraphs_xml: str) -> Path:
    """A .docx whose body is the given paragraphs (WordprocessingML), styles as the maker's."""
    members: dict[str, str | bytes] = dict(docx_members("Tiêu đề\nđoạn"))
    document = str(members["word/document.xml"])
    start, end = document.index("<w:body>") + len("<w:body>"), document.index("<w:sectPr>")
    members["word/document.xml"] = document[:start] + paragraphs_xml + document[end:]
    return write_zip(tmp_path / "tin.docx", members)


def test_body_table_header_footnote_and_footer_read_in_reading_order(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "han-han.docx",
        ARTICLE,
        table_rows=ROWS,
        header="Báo Tuổi Trẻ — thời sự",
        footer="Trang một, số ra ngày thứ hai",
        footnote="Số liệu của Sở Nông nghiệp tỉnh.",
    )
    lines = _text(path).split("\n")
    assert lines == [
        "Báo Tuổi Trẻ — thời sự",
        *ARTICLE.split("\n"),
        "Tỉnh\tSố hộ thiếu nước",
        "Quảng Ngãi\tmười hai nghìn hộ",
        "Số liệu của Sở Nông nghiệp tỉnh.",
        "Trang một, số ra ngày thứ hai",
    ]


def test_a_header_does_not_become_the_title(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "han-han.docx", ARTICLE, header="Báo Tuổi Trẻ")
    assert read_document(path).title == "Hạn hán ở miền Trung"


def test_a_phrase_split_across_a_bold_and_a_plain_run_stays_one_phrase(tmp_path: Path) -> None:
    path = _with_body(
        tmp_path,
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Người dân miền Tr</w:t></w:r>"
        '<w:r><w:t xml:space="preserve">ung thiếu nước</w:t></w:r></w:p>',
    )
    assert _text(path) == "Người dân miền Trung thiếu nước"


def test_a_vni_letter_split_across_two_runs_is_decoded_whole(tmp_path: Path) -> None:
    vni = '"VNI-Times"'
    path = _with_body(  # "Việt" in VNI is "Vieät": the run ends between the e and its marks
        tmp_path,
        "<w:p>"
        + W_RUN.format(font=vni, content="<w:t>Vie</w:t>")
        + W_RUN.format(font=vni, content="<w:t>ät Nam</w:t>")
        + "</w:p>",
    )
    assert _text(path) == "Việt Nam"


@pytest.mark.parametrize("font", [".VnTime", ".VnArial", "VNI-Times"])
@pytest.mark.parametrize("font_in", ["run", "style", "defaults"])
def test_runs_in_a_legacy_font_read_as_vietnamese(tmp_path: Path, font: str, font_in: str) -> None:
    """The title is in Times New Roman (Unicode), the paragraphs in the legacy font, named on
    the runs, on their paragraph style (through basedOn) or as the document's default font."""
    path = write_docx(
        tmp_path / "han-han.docx", ARTICLE, font=font, font_in=font_in, table_rows=ROWS
    )
    expected = tcvn3_expected(ARTICLE) if font.startswith(".") else ARTICLE
    assert _text(path).split("\n")[: len(ARTICLE.split("\n"))] == expected.split("\n")
    assert "Quảng Ngãi\tmười hai nghìn hộ" in _text(path)
    legacy = "tcvn3" if font.startswith(".") else "vni-windows"
    assert read_format(path, path.read_bytes()).encoding == f"docx+{legacy}"


def test_the_legacy_text_is_what_a_vntime_typist_left(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "hop-dong.docx", "Tiêu đề\nHợp đồng lao động", font=".VnTime")
    document = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "Hîp ®ång" in document
    assert _text(path) == "Tiêu đề\nHợp đồng lao động"


def test_a_symbol_character_and_symbol_area_text_in_a_legacy_font(tmp_path: Path) -> None:
    vntime = '".VnTime"'
    path = _with_body(
        tmp_path,
        "<w:p>"
        + W_RUN.format(font=vntime, content='<w:sym w:font=".VnTime" w:char="F0AE"/>')
        + W_RUN.format(font=vntime, content="<w:t>i h\uf0e4c</w:t>")
        + '<w:r><w:sym w:font="Wingdings" w:char="F0D8"/><w:t xml:space="preserve"> vui</w:t>'
        + "</w:r></w:p>",
    )
    assert _text(path) == "đi học vui"


def test_text_box_content_is_read_once_and_deleted_text_not_at_all(tmp_path: Path) -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>Chú thích ảnh</w:t></w:r></w:p></w:txbxContent>"
    path = _with_body(
        tmp_path,
        '<w:p><w:r><w:t xml:space="preserve">Mùa khô </w:t></w:r>'
        '<w:del w:id="1" w:author="A"><w:r><w:delText>bỏ đi</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t>năm nay</w:t></w:r></w:ins>'
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
        f'markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing>{box}</w:drawing>'
        f"</mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent>"
        "</w:r></w:p>",
    )
    assert _text(path) == "Chú thích ảnh\nMùa khô năm nay"


def test_the_title_and_date_come_from_the_core_properties(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "han-han.docx",
        ARTICLE,
        title_meta="Miền Trung khát nước",
        created="2024-04-02T08:30:00Z",
    )
    extracted = read_docx(path.read_bytes(), Deadline())
    assert (extracted.title, extracted.date) == ("Miền Trung khát nước", "02/04/2024")


def test_without_metadata_title_and_date_are_empty(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "han-han.docx", ARTICLE)
    extracted = read_docx(path.read_bytes(), Deadline())
    assert (extracted.title, extracted.date) == ("", "")
    assert read_document(path).title == "Hạn hán ở miền Trung"


def test_read_document_gives_a_docx_document(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "han-han.docx", ARTICLE, font="VNI-Times", created="2023-12-31")
    document = read_document(path)
    assert (document.kind, document.encoding) == ("docx", "docx+vni-windows")
    assert document.text == ARTICLE
    assert (document.title, document.date) == ("Hạn hán ở miền Trung", "31/12/2023")


def _refused(path: Path) -> str:
    started = time.monotonic()
    with pytest.raises(UndecodableFile) as error:
        read_format(path, path.read_bytes())
    assert time.monotonic() - started < 2.0
    return error.value.reason


def test_a_truncated_docx_is_refused_as_damaged(tmp_path: Path) -> None:
    whole = write_docx(tmp_path / "whole.docx", ARTICLE, table_rows=ROWS).read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    assert _refused(path).startswith("damaged file")


def test_a_password_protected_docx_is_refused_as_encrypted(tmp_path: Path) -> None:
    path = write_encrypted_docx(tmp_path / "mat.docx")
    assert path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    assert _refused(path).startswith("encrypted")


def test_an_old_doc_named_docx_is_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "cu.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    assert "old Word document" in _refused(path)


def test_a_zip_bomb_docx_is_refused_before_it_unpacks(tmp_path: Path) -> None:
    members: dict[str, str | bytes] = dict(docx_members(ARTICLE))
    members["word/document.xml"] = b"\0" * (65 * 1024 * 1024)  # past the 64 MB member cap
    path = write_zip(tmp_path / "bom.docx", members)
    assert path.stat().st_size < 1024 * 1024
    assert "size limit" in _refused(path)


def test_an_entity_expansion_attack_is_refused(tmp_path: Path) -> None:
    laughs = '<!DOCTYPE w:document [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">'
        for i in range(9)
    )
    members: dict[str, str | bytes] = dict(docx_members(ARTICLE))
    document = str(members["word/document.xml"])
    members["word/document.xml"] = document.replace(
        "<w:document", laughs + "]><w:document", 1
    ).replace("Trung", "&lol8;", 1)
    path = write_zip(tmp_path / "cuoi.docx", members)
    assert "DTD" in _refused(path)


def test_a_zip_without_a_document_is_refused_as_damaged(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "rong.docx", {"mimetype": "application/zip"})
    assert _refused(path).startswith("damaged file")
