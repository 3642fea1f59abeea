"""The helpers the DOCX and ODT readers share: XML parts that refuse DTDs, runs in legacy
fonts decoded together, lines within the text budget, metadata dates and encoding labels.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from index.errors import UndecodableFile
from index.text.formats.limits import Deadline, TextBudget, open_zip
from index.text.formats.office_xml import (
    ElementTicker,
    Lines,
    Runs,
    dmy_date,
    encoding_label,
    font_of_name,
    parse_xml,
    read_xml_part,
)
from index.text.legacy_fonts import LegacyFont

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i else "") + ";") * 10}">' for i in range(9)
    )
    + "]><lolz>&lol8;</lolz>"
)


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be"])
def test_a_dtd_is_refused_before_anything_expands(codec: str) -> None:
    with pytest.raises(UndecodableFile, match="declares a DTD"):
        parse_xml(BILLION_LAUGHS.encode(codec), "word/document.xml")


def test_an_external_entity_is_refused() -> None:
    data = b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'
    with pytest.raises(UndecodableFile, match="declares a DTD"):
        parse_xml(data, "content.xml")


def test_broken_xml_is_a_damaged_file() -> None:
    with pytest.raises(UndecodableFile, match=r"damaged file: content\.xml"):
        parse_xml(b"<office:text><text:p>Tin", "content.xml")


def test_a_part_is_read_from_its_zip_container(tmp_path: Path) -> None:
    path = tmp_path / "tin.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", "<t>Tin tức hôm nay</t>".encode())
    root = read_xml_part(open_zip(path.read_bytes()), "content.xml", [0])
    assert root.text == "Tin tức hôm nay"


def test_neighbouring_runs_in_one_legacy_font_decode_together() -> None:
    seen: set[LegacyFont] = set()
    runs = Runs(seen)
    runs.add("Vie", LegacyFont.VNI)  # "Việt" in VNI is "Vieät", cut between two runs
    runs.add("ät ", LegacyFont.VNI)
    runs.add("Nam, ")
    runs.add("®Êt n\xadíc", LegacyFont.TCVN3)
    assert runs.text() == "Việt Nam, đất nước"
    assert seen == {LegacyFont.VNI, LegacyFont.TCVN3}


@pytest.mark.parametrize(
    ("name", "font"),
    [
        (".VnTime", LegacyFont.TCVN3),
        ("'.VnArial'", LegacyFont.TCVN3),
        ("VNI-Times", LegacyFont.VNI),
        ("Times New Roman", None),
        ("", None),
        (None, None),
    ],
)
def test_font_names_tell_the_legacy_encoding(name: str | None, font: LegacyFont | None) -> None:
    assert font_of_name(name) is font


@pytest.mark.parametrize(
    ("iso", "date"),
    [
        ("2024-04-02T08:00:00Z", "02/04/2024"),
        ("2023-12-31", "31/12/2023"),
        ("2024-13-01T00:00:00", ""),
        ("hôm qua", ""),
        (None, ""),
    ],
)
def test_metadata_dates_read_as_day_month_year(iso: str | None, date: str) -> None:
    assert dmy_date(iso) == date


def test_encoding_labels_name_the_legacy_fonts_met() -> None:
    assert encoding_label("docx", []) == "docx"
    assert encoding_label("odt", {LegacyFont.VNI, LegacyFont.TCVN3}) == "odt+tcvn3+vni-windows"


def test_lines_stop_at_the_text_budget() -> None:
    lines = Lines(TextBudget(12))
    for line in ("Hà Nội", "", "mưa rào", "nắng"):
        lines.add(line)
    assert lines.text() == "Hà Nội\nmưa rà"


def test_the_ticker_checks_the_deadline() -> None:
    ticker = ElementTicker(Deadline(seconds=-1.0))
    with pytest.raises(UndecodableFile, match="longer than"):
        for _ in range(1000):
            ticker.tick()
