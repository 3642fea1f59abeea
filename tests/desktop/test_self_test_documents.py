"""The self-test's samples: every format's sample reads back, with the engine's own readers, as
the Vietnamese text and title it was written with."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pypdf
import pytest

from desktop.self_test_documents import (
    BODY,
    LEGACY_LINE,
    LEGACY_PAGE,
    LEGACY_TEXT,
    PHRASE,
    SAMPLE_NAMES,
    TITLE,
    write_samples,
)
from index.text import read_text
from index.text.formats import file_kind
from index.text.legacy_fonts import LegacyFont, decode_font_text
from index.text.normalize import normalize_text


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_samples(tmp_path_factory.mktemp("samples"))


def test_one_sample_of_every_format_is_written(samples: dict[str, Path]) -> None:
    assert {kind: path.name for kind, path in samples.items()} == SAMPLE_NAMES
    assert all(file_kind(path) == kind for kind, path in samples.items())
    assert all(path.stat().st_size > 0 for path in samples.values())


@pytest.mark.parametrize("kind", list(SAMPLE_NAMES))
def test_each_sample_reads_back_as_written(samples: dict[str, Path], kind: str) -> None:
    document = read_text(samples[kind])
    assert document.kind == kind
    assert document.title == TITLE
    for line in BODY:
        assert normalize_text(line) in document.text
    assert PHRASE in document.text


def test_the_pdf_has_a_unicode_page_and_a_tcvn3_page(samples: dict[str, Path]) -> None:
    document = read_text(samples["pdf"])
    assert len(document.page_starts) == 2
    page_two = document.text[document.page_starts[LEGACY_PAGE - 1] :]
    assert LEGACY_TEXT in page_two
    assert TITLE not in page_two
    assert document.encoding == "pdf+tcvn3"
    assert document.date == "15/01/2025"


def test_the_legacy_line_is_tcvn3_for_the_legacy_text() -> None:
    assert decode_font_text(LEGACY_LINE.decode("latin-1"), LegacyFont.TCVN3) == LEGACY_TEXT
    assert b"\xad" in LEGACY_LINE  # TCVN3's "ư": the byte pdfium would read as a hyphen


def test_the_pdf_is_well_formed_for_a_strict_reader(samples: dict[str, Path]) -> None:
    reader = pypdf.PdfReader(samples["pdf"], strict=True)
    assert len(reader.pages) == 2
    assert reader.metadata is not None and reader.metadata.title == TITLE
    fonts = [page["/Resources"]["/Font"] for page in reader.pages]
    assert [font[name]["/BaseFont"] for font in fonts for name in font] == [
        "/Helvetica",
        "/.VnTime",
    ]


@pytest.mark.parametrize("kind", ["odt", "epub"])
def test_zipped_formats_start_with_their_stored_mimetype(
    samples: dict[str, Path], kind: str
) -> None:
    with zipfile.ZipFile(samples[kind]) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert archive.testzip() is None
