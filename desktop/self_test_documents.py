"""The sample documents `timtin --self-test` indexes: one small file for every format read.

Written from strings with zipfile alone (raw PDF syntax, Office XML), so no writer library ships.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

__all__ = [
    "LEGACY_LINE",
    "LEGACY_PAGE",
    "LEGACY_PHRASE",
    "LEGACY_TEXT",
    "PHRASE",
    "SAMPLE_NAMES",
    "TITLE",
    "write_samples",
]

TITLE = "Đèn lồng phố cổ Hội An"
PHRASE = "đèn lồng Hội An"  # every sample holds it, accented as a reader types it
BODY = (
    "Đêm rằm tháng Giêng, đèn lồng Hội An thắp sáng phố cổ bên dòng sông Hoài.",
    "Du khách thả hoa đăng và nghe hát bài chòi đến khuya.",
)
# The PDF's second page is typed in the legacy font .VnTime (TCVN3 bytes, read by pypdf): only a
# reader that keeps its bytes turns 0xAD into "ư" rather than a hyphen.
LEGACY_PHRASE = "khách nước ngoài"
LEGACY_PAGE = 2
LEGACY_TEXT = "Đêm nay có nhiều khách nước ngoài."
LEGACY_LINE = b"\xa7\xaam nay c\xe3 nhi\xd2u kh\xb8ch n\xad\xedc ngo\xb5i."  # LEGACY_TEXT in TCVN3
SAMPLE_NAMES = {
    "pdf": "mau.pdf",
    "docx": "mau.docx",
    "odt": "mau.odt",
    "rtf": "mau.rtf",
    "html": "mau.html",
    "epub": "mau.epub",
    "md": "mau.md",
    "txt": "mau.txt",
}
_CREATED = "2025-01-15T08:00:00Z"


def write_samples(folder: Path) -> dict[str, Path]:
    """Write one sample of every format into `folder`; the path of each, by file kind."""
    folder.mkdir(parents=True, exist_ok=True)
    contents: dict[str, bytes] = {
        "pdf": pdf_bytes(),
        "docx": docx_bytes(),
        "odt": odt_bytes(),
        "rtf": rtf_bytes(),
        "html": html_text().encode("utf-8"),
        "epub": epub_bytes(),
        "md": f"# {TITLE}\n\n{BODY[0]}\n\n*{BODY[1]}*\n".encode(),
        "txt": f"{TITLE}\n\n{BODY[0]}\n{BODY[1]}\n".encode(),
    }
    paths: dict[str, Path] = {}
    for kind, data in contents.items():
        paths[kind] = folder / SAMPLE_NAMES[kind]
        paths[kind].write_bytes(data)
    return paths


# --- PDF ---------------------------------------------------------------------------------------


def _pdf_string(codes: bytes) -> bytes:
    """A PDF hex string: no escaping to get wrong."""
    return b"<" + codes.hex().upper().encode("ascii") + b">"


def _simple_font_codes(lines: tuple[str, ...]) -> tuple[list[bytes], dict[int, str]]:
    """One byte per character: ASCII as itself, other letters at codes from 0x80 up, which
    the font's ToUnicode map names (a standard font's WinAnsi encoding lacks Vietnamese)."""
    extra: dict[str, int] = {}
    encoded: list[bytes] = []
    for line in lines:
        codes = bytearray()
        for ch in line:
            if ch.isascii():
                codes.append(ord(ch))
            else:
                codes.append(extra.setdefault(ch, 0x80 + len(extra)))
        encoded.append(bytes(codes))
    if len(extra) > 0x80:
        raise ValueError("too many distinct letters for one simple font")
    return encoded, {code: ch for ch, code in extra.items()}


def _to_unicode_cmap(names: dict[int, str]) -> bytes:
    """A ToUnicode CMap giving each byte code in `names` its character."""
    pairs = [f"<{code:02X}> <{ord(ch):04X}>" for code, ch in sorted(names.items())]
    blocks = []
    for start in range(0, len(pairs), 100):  # at most 100 entries a block
        chunk = pairs[start : start + 100]
        blocks.append(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar")
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /TimTin-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def _page_content(font: bytes, lines: list[bytes]) -> bytes:
    """A content stream showing `lines` (byte codes) one under another."""
    shown = b" T* ".join(_pdf_string(line) + b" Tj" for line in lines)
    return b"BT /" + font + b" 12 Tf 16 TL 56 780 Td " + shown + b" ET"


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def pdf_bytes() -> bytes:
    """A two-page PDF: page 1 in Helvetica with a ToUnicode map (read by pdfium), page 2 in
    .VnTime with TCVN3 bytes (read by pypdf); with a title and a creation date."""
    lines, names = _simple_font_codes((TITLE, *BODY))
    title = _pdf_string(b"\xfe\xff" + TITLE.encode("utf-16-be"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F2 7 0 R >> >> /Contents 8 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        b"/ToUnicode 9 0 R >>",
        _stream(_page_content(b"F1", lines)),
        b"<< /Type /Font /Subtype /TrueType /BaseFont /.VnTime /Encoding /WinAnsiEncoding >>",
        _stream(_page_content(b"F2", [LEGACY_LINE])),
        _stream(_to_unicode_cmap(names)),
        b"<< /Title " + title + b" /CreationDate (D:20250115080000Z) /Producer (Tim Tin) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, len(objects))
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# --- Zipped XML: DOCX, ODT, EPUB ---------------------------------------------------------------


def _zip(members: list[tuple[str, str]], *, stored_first: bool = False) -> bytes:
    """A zip of (name, text) members; ODF and EPUB want their `mimetype` first, uncompressed."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for position, (name, text) in enumerate(members):
            stored = stored_first and position == 0
            archive.writestr(name, text, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def docx_bytes() -> bytes:
    """A Word document: a title paragraph and the body, with core properties."""
    paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in (TITLE, *BODY))
    return _zip(
        [
            (
                "[Content_Types].xml",
                _XML
                + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" '
                'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/word/document.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                '<Override PartName="/docProps/core.xml" '
                'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                "</Types>",
            ),
            (
                "_rels/.rels",
                _XML + f'<Relationships xmlns="{_PKG_REL}">'
                f'<Relationship Id="rId1" Type="{_DOC_REL}/officeDocument" '
                'Target="word/document.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
                'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                "</Relationships>",
            ),
            (
                "word/document.xml",
                _XML + f'<w:document xmlns:w="{_W}"><w:body>{paragraphs}</w:body></w:document>',
            ),
            (
                "docProps/core.xml",
                _XML + "<cp:coreProperties xmlns:cp="
                '"http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" '
                'xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f"<dc:title>{TITLE}</dc:title>"
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{_CREATED}</dcterms:created>'
                "</cp:coreProperties>",
            ),
        ]
    )


_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def odt_bytes() -> bytes:
    """An OpenDocument text: a heading and the body paragraphs."""
    body = f'<text:h text:outline-level="1">{TITLE}</text:h>' + "".join(
        f"<text:p>{line}</text:p>" for line in BODY
    )
    manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    return _zip(
        [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            (
                "META-INF/manifest.xml",
                _XML + f'<manifest:manifest xmlns:manifest="{manifest}" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" '
                'manifest:media-type="text/xml"/></manifest:manifest>',
            ),
            (
                "content.xml",
                _XML + f'<office:document-content xmlns:office="{_OFFICE}" '
                f'xmlns:text="{_TEXT}" office:version="1.2"><office:body><office:text>'
                f"{body}</office:text></office:body></office:document-content>",
            ),
        ],
        stored_first=True,
    )


def _xhtml(title: str, lines: tuple[str, ...]) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="vi" xml:lang="vi">'
        f"<head><title>{title}</title></head>"
        f"<body><h1>{title}</h1>{paragraphs}</body></html>"
    )


def epub_bytes() -> bytes:
    """An EPUB 3 book with one chapter."""
    return _zip(
        [
            ("mimetype", "application/epub+zip"),
            (
                "META-INF/container.xml",
                '<?xml version="1.0"?><container version="1.0" '
                'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                '<rootfile full-path="OEBPS/content.opf" '
                'media-type="application/oebps-package+xml"/></rootfiles></container>',
            ),
            (
                "OEBPS/content.opf",
                _XML + '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
                'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
                '<dc:identifier id="id">timtin-self-test</dc:identifier>'
                f"<dc:title>{TITLE}</dc:title><dc:language>vi</dc:language></metadata>"
                '<manifest><item id="c1" href="chuong1.xhtml" '
                'media-type="application/xhtml+xml"/></manifest>'
                '<spine><itemref idref="c1"/></spine></package>',
            ),
            ("OEBPS/chuong1.xhtml", _xhtml(TITLE, BODY)),
        ],
        stored_first=True,
    )


# --- RTF and HTML ------------------------------------------------------------------------------


def _rtf_escape(text: str) -> str:
    r"""Text for an RTF body: every non-ASCII letter as `\uN?` (signed 16-bit)."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif code < 0x80:
            out.append(ch)
        else:
            out.append(f"\\u{code if code < 0x8000 else code - 0x10000}?")
    return "".join(out)


def rtf_bytes() -> bytes:
    """An RTF document as Word writes one: cp1252 with `\\u` escapes, a title in its info."""
    paragraphs = "".join(f"{_rtf_escape(line)}\\par\n" for line in (TITLE, *BODY))
    return (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
        f"{{\\info{{\\title {_rtf_escape(TITLE)}}}{{\\creatim\\yr2025\\mo1\\dy15}}}}\n"
        f"\\uc1\\pard\\f0\\fs24 {paragraphs}}}\n"
    ).encode("ascii")


def html_text() -> str:
    """A saved news page: a menu, the article, a footer."""
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY)
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{TITLE}</title>"
        '<meta property="article:published_time" content="2025-01-15T08:00:00+07:00">'
        '</head><body><nav><a href="/">Trang chủ</a> <a href="/du-lich">Du lịch</a></nav>'
        f"<article><h1>{TITLE}</h1>{paragraphs}</article>"
        "<footer>Bản quyền thuộc về tòa soạn</footer></body></html>"
    )
