"""Real PDF files made by test code: Unicode text in an embedded DejaVu font (fpdf2), text in
legacy Vietnamese fonts (`.VnTime`, `VNI-Times`) written as raw PDF syntax, scans and shapes.

Metadata and passwords are set by pypdf on the finished file, so every maker controls them.
"""

from __future__ import annotations

import io
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Literal

import pypdf
from fpdf import FPDF
from PIL import Image

from tests.index.text.legacy_fixtures import encode_tcvn3, encode_vni

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # package fonts-dejavu-core
Font = Literal["unicode", "tcvn3", "vni"]
RawFont = Literal["tcvn3", "vni", "helvetica"]
_BASE_FONTS: dict[RawFont, bytes] = {
    "tcvn3": b"/TrueType /BaseFont /.VnTime",
    "vni": b"/TrueType /BaseFont /VNI-Times",
    "helvetica": b"/Type1 /BaseFont /Helvetica",
}
_LINE_CHARS = 80


def _encode(text: str, font: RawFont) -> bytes:
    if font == "tcvn3":
        return encode_tcvn3(text)
    if font == "vni":
        return encode_vni(text)
    return text.encode("cp1252")


def _wrapped(paragraph: str) -> list[str]:
    """A paragraph cut into lines of about _LINE_CHARS at spaces, as a typesetter would."""
    lines: list[str] = []
    line = ""
    for word in paragraph.split(" "):
        if line and len(line) + 1 + len(word) > _LINE_CHARS:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def _escaped(text: bytes) -> bytes:
    return text.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def raw_pdf(pages: list[list[tuple[RawFont, str]]], *, drawings: bool = False) -> bytes:
    """A PDF written by hand: each page a list of `(font, line)`, each line shown in a simple
    font (not embedded, WinAnsi bytes) named like the Word fonts of the 1990s.

    With `drawings`, every page also strokes a few shapes; a page with no lines has only those."""
    objects: list[bytes] = [b"", b""]  # the catalog and the page tree, written last
    font_ids = {}
    for key, base in _BASE_FONTS.items():
        objects.append(b"<< /Type /Font /Subtype %s /Encoding /WinAnsiEncoding >>" % base)
        font_ids[key] = len(objects)
    resources = b"<< /Font << %s >> >>" % b" ".join(
        b"/F%d %d 0 R" % (number, number) for number in font_ids.values()
    )
    kids: list[int] = []
    for lines in pages:
        ops = [b"0.5 w 72 72 200 100 re S 100 300 m 400 500 l S"] if drawings else []
        if lines:
            ops.append(b"BT 72 770 Td 15 TL")
            for font, line in lines:
                ops.append(
                    b"/F%d 11 Tf (%s) Tj T*" % (font_ids[font], _escaped(_encode(line, font)))
                )
            ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s"
            b" /Contents %d 0 R >>" % (resources, len(objects))
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _unicode_pdf(pages: list[str], *, nfd: bool) -> bytes:
    """Pages in DejaVu Sans, embedded and subset by fpdf2 with its ToUnicode map."""
    pdf = FPDF()
    pdf.add_font("dejavu", fname=str(DEJAVU))
    pdf.set_font("dejavu", size=11)
    for page in pages:
        pdf.add_page()
        for paragraph in page.split("\n"):
            text = unicodedata.normalize("NFD", paragraph) if nfd else paragraph
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _finished(
    data: bytes, *, title_meta: str, date_meta: datetime | None, encrypt_password: str | None
) -> bytes:
    """`data` with exactly the metadata asked for, encrypted if a password is given."""
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(data))
    info: dict[str, str] = {}
    if title_meta:
        info["/Title"] = title_meta
    if date_meta is not None:
        info["/CreationDate"] = date_meta.strftime("D:%Y%m%d%H%M%S+07'00'")
    writer.metadata = info
    if encrypt_password is not None:
        writer.encrypt(user_password=encrypt_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_pdf(
    path: Path,
    pages: list[str],
    *,
    title_meta: str = "",
    date_meta: datetime | None = None,
    font: Font = "unicode",
    nfd: bool = False,
    encrypt_password: str | None = None,
) -> Path:
    """A PDF at `path` with one page per string (paragraphs separated by "\\n").

    `font` "unicode" embeds DejaVu Sans (NFD text if `nfd`); "tcvn3" and "vni" type the text in
    `.VnTime` / `VNI-Times` with the legacy bytes, as old Word files printed to PDF did."""
    if font == "unicode":
        data = _unicode_pdf(pages, nfd=nfd)
    else:
        data = raw_pdf(
            [
                [(font, line) for paragraph in page.split("\n") for line in _wrapped(paragraph)]
                for page in pages
            ]
        )
    path.write_bytes(
        _finished(
            data, title_meta=title_meta, date_meta=date_meta, encrypt_password=encrypt_password
        )
    )
    return path


def write_article_pdf(path: Path, article: str, *, font: Font = "unicode") -> Path:
    """An article (first line the title, then paragraphs) as a one-page PDF with no metadata."""
    return write_pdf(path, [article], font=font)


def write_scanned_pdf(path: Path, *, pages: int = 2) -> Path:
    """A PDF of page images and nothing else, as a scanner makes it."""
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.image(Image.new("L", (200, 280), 235), x=10, y=10, w=190)
    path.write_bytes(bytes(pdf.output()))
    return path


def write_drawing_pdf(path: Path) -> Path:
    """A PDF of stroked shapes only: no text, no image."""
    path.write_bytes(raw_pdf([[], []], drawings=True))
    return path


def write_lines_pdf(path: Path, pages: list[list[tuple[RawFont, str]]]) -> Path:
    """A hand-written PDF whose lines are each in the named simple font (see raw_pdf)."""
    path.write_bytes(raw_pdf(pages))
    return path
