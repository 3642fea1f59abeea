"""Fixture makers: real `.docx`, `.odt` and `.rtf` files (and an encrypted `.docx`) written with
zipfile and XML strings from an article text (first line the title, then paragraphs).
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from tests.index.text.legacy_fixtures import encode_cp1258, encode_tcvn3, encode_vni

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
UNICODE_FONT = "Times New Roman"


def legacy_glyphs(text: str, font: str) -> str:
    """`text` as a legacy font's typist left it: the legacy bytes shown as cp1252 glyphs."""
    data = encode_vni(text) if font.lower().startswith("vni") else encode_tcvn3(text)
    return "".join(
        bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in data
    )


def _halves(text: str) -> tuple[str, str]:
    """A paragraph cut in two at its middle (inside a word, often), for two formatted runs."""
    middle = len(text) // 2
    return text[:middle], text[middle:]


# --- DOCX --------------------------------------------------------------------------------------


def _w_run(text: str, font: str | None, *, bold: bool = False) -> str:
    props = ""
    if font:
        props += f"<w:rFonts w:ascii={quoteattr(font)} w:hAnsi={quoteattr(font)}/>"
    if bold:
        props += "<w:b/>"
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _w_paragraph(text: str, font: str | None, *, style: str = "", run_font: bool = True) -> str:
    """One paragraph in two runs (bold, then plain); legacy text is stored as its glyphs, and
    Unicode text names a Unicode font (a legacy default font must not reach it)."""
    stored = legacy_glyphs(text, font) if font else text
    first, second = _halves(stored)
    named = (font if run_font else None) if font else UNICODE_FONT
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{_w_run(first, named, bold=True)}{_w_run(second, named)}</w:p>"


def _w_document(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}'
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
        '<w:footerReference w:type="default" r:id="rIdFooter"/></w:sectPr>'
        "</w:body></w:document>"
    )


def _w_styles(font: str | None, font_in: str) -> str:
    defaults = ""
    if font and font_in == "defaults":
        defaults = (
            "<w:docDefaults><w:rPrDefault><w:rPr>"
            f"<w:rFonts w:ascii={quoteattr(font)} w:hAnsi={quoteattr(font)}/>"
            "</w:rPr></w:rPrDefault></w:docDefaults>"
        )
    body_font = font if font and font_in == "style" else None
    body_rpr = (
        f"<w:rPr><w:rFonts w:ascii={quoteattr(body_font)} w:hAnsi={quoteattr(body_font)}/></w:rPr>"
        if body_font
        else ""
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">{defaults}'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "</w:style>"
        '<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/>'
        '<w:basedOn w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Article"><w:name w:val="Article"/>'
        f'<w:basedOn w:val="BodyText"/>{body_rpr}</w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        f'<w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="{UNICODE_FONT}" '
        f'w:hAnsi="{UNICODE_FONT}"/><w:b/></w:rPr></w:style></w:styles>'
    )


def _w_table(rows: Sequence[Sequence[str]]) -> str:
    cells = "".join(
        "<w:tr>"
        + "".join(f"<w:tc><w:tcPr/>{_w_paragraph(cell, None)}</w:tc>" for cell in row)
        + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl><w:tblPr/>{cells}</w:tbl>"


def _w_part(kind: str, text: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:{kind} xmlns:w="{W_NS}">'
        f"{_w_paragraph(text, None)}</w:{kind}>"
    )


def _w_footnotes(text: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1">{_w_paragraph(text, None)}</w:footnote></w:footnotes>'
    )


def _core(title: str, created: str | None) -> str:
    when = f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
    return (
        '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>Tòa soạn</dc:creator>"
        f"{when if created else ''}</cp:coreProperties>"
    )


def _rels(relations: Sequence[tuple[str, str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
        for rid, kind, target in relations
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{REL_NS}">'
        f"{items}</Relationships>"
    )


def docx_members(
    article_text: str,
    *,
    font: str | None = None,
    font_in: str = "run",
    table_rows: Sequence[Sequence[str]] | None = None,
    header: str | None = None,
    footer: str | None = None,
    footnote: str | None = None,
    title_meta: str = "",
    created: str | None = None,
) -> dict[str, str]:
    """The members of a `.docx` (name -> XML), for tests that change one before zipping."""
    title, *paragraphs = article_text.split("\n")
    style = "Article" if font_in == "style" else ""
    run_font = font_in == "run"
    body = [_w_paragraph(title, None, style="Heading1")]
    body += [_w_paragraph(p, font, style=style, run_font=run_font) for p in paragraphs]
    if footnote is not None:
        body[-1] = body[-1].replace("</w:p>", '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    if table_rows:
        body.append(_w_table(table_rows))
    relations = [("rIdStyles", f"{DOC_REL}/styles", "styles.xml")]
    members = {"word/styles.xml": _w_styles(font, font_in)}
    for kind, text, rid in (
        ("hdr", header, "rIdHeader"),
        ("ftr", footer, "rIdFooter"),
    ):
        if text is not None:
            name = "header1.xml" if kind == "hdr" else "footer1.xml"
            members[f"word/{name}"] = _w_part(kind, text)
            relations.append((rid, f"{DOC_REL}/{'header' if kind == 'hdr' else 'footer'}", name))
    if footnote is not None:
        members["word/footnotes.xml"] = _w_footnotes(footnote)
        relations.append(("rIdNotes", f"{DOC_REL}/footnotes", "footnotes.xml"))
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types '
            'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>'
        ),
        "_rels/.rels": _rels(
            [
                ("rId1", f"{DOC_REL}/officeDocument", "word/document.xml"),
                (
                    "rId2",
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                    "core-properties",
                    "docProps/core.xml",
                ),
            ]
        ),
        "docProps/core.xml": _core(title_meta, created),
        "word/document.xml": _w_document("".join(body)),
        "word/_rels/document.xml.rels": _rels(relations),
        **members,
    }


def write_zip(path: Path, members: Mapping[str, str | bytes]) -> Path:
    """A zip container of `members` (deflated, `mimetype` first and stored as ODF wants)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=method)
    return path


def write_docx(
    path: Path,
    article_text: str,
    *,
    font: str | None = None,
    font_in: str = "run",
    table_rows: Sequence[Sequence[str]] | None = None,
    header: str | None = None,
    footer: str | None = None,
    footnote: str | None = None,
    title_meta: str = "",
    created: str | None = None,
) -> Path:
    """A `.docx` of the article: the title in a Unicode heading, each paragraph in two runs
    (bold, plain) cut mid-paragraph; `font` (`.VnTime`, `VNI-Times`) types the paragraphs in a
    legacy font named on the runs, their style or the document defaults (`font_in`)."""
    members = docx_members(
        article_text,
        font=font,
        font_in=font_in,
        table_rows=table_rows,
        header=header,
        footer=footer,
        footnote=footnote,
        title_meta=title_meta,
        created=created,
    )
    return write_zip(path, members)


# --- an encrypted DOCX: a compound (OLE) file as Word writes for a password ---------------------

_FREE, _END, _FAT_SECTOR, _NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
_SECTOR = 512


def _directory_entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        encoded,
        len(encoded),
        kind,
        1,  # black
        _NO_STREAM,
        right,
        child,
        b"\0" * 16,
        0,
        0,
        0,
        start,
        size,
    )


def write_encrypted_docx(path: Path) -> Path:
    """A password-protected `.docx` as Word saves it: a compound file holding EncryptionInfo and
    EncryptedPackage streams (random-looking bytes), not a zip."""
    stream = bytes((i * 73 + 41) % 256 for i in range(4096))  # 8 sectors each, past the mini cutoff
    fat = [_FAT_SECTOR, _END]
    for first in (2, 10):
        fat += [first + i + 1 for i in range(7)] + [_END]
    fat += [_FREE] * (_SECTOR // 4 - len(fat))
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\0" * 16,
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,  # directory sectors (0 in version 3)
        1,  # FAT sectors
        1,  # first directory sector
        0,
        4096,
        _END,  # no mini FAT
        0,
        _END,  # no DIFAT sectors
        0,
    ) + struct.pack("<109I", 0, *([_FREE] * 108))
    directory = (
        _directory_entry("Root Entry", 5, _NO_STREAM, 1, _END, 0)
        + _directory_entry("EncryptionInfo", 2, 2, _NO_STREAM, 2, len(stream))
        + _directory_entry("EncryptedPackage", 2, _NO_STREAM, _NO_STREAM, 10, len(stream))
        + _directory_entry("", 0, _NO_STREAM, _NO_STREAM, 0, 0)
    )
    path.write_bytes(header + struct.pack(f"<{len(fat)}I", *fat) + directory + stream + stream)
    return path


# --- ODT ---------------------------------------------------------------------------------------

ODF = "urn:oasis:names:tc:opendocument:xmlns:"
ODF_NAMESPACES = (
    f'xmlns:office="{ODF}office:1.0" xmlns:style="{ODF}style:1.0" xmlns:text="{ODF}text:1.0" '
    f'xmlns:table="{ODF}table:1.0" xmlns:fo="{ODF}xsl-fo-compatible:1.0" '
    f'xmlns:svg="{ODF}svg-compatible:1.0" xmlns:meta="{ODF}meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'
)


def _o_paragraph(text: str, font: str | None, *, tag: str = "text:p", style: str = "Body") -> str:
    """A paragraph in two spans (bold, then plain) cut mid-paragraph; spaces as text:s."""
    stored = legacy_glyphs(text, font) if font else text
    first, second = (
        escape(half).replace("  ", ' <text:s text:c="1"/>') for half in _halves(stored)
    )
    bold, plain = ("TL_B", "TL") if font else ("TU_B", "TU")
    return (
        f'<{tag} text:style-name="{style}"><text:span text:style-name="{bold}">{first}</text:span>'
        f'<text:span text:style-name="{plain}">{second}</text:span></{tag}>'
    )


def _o_font_faces(font: str | None) -> str:
    faces = "".join(
        f'<style:font-face style:name="{name}" svg:font-family="&apos;{name}&apos;"/>'
        for name in (UNICODE_FONT, font)
        if name
    )
    return f"<office:font-face-decls>{faces}</office:font-face-decls>"


def _o_text_style(name: str, font: str | None, *, bold: bool) -> str:
    weight = ' fo:font-weight="bold"' if bold else ""
    face = f' style:font-name="{font}"' if font else ""
    return (
        f'<style:style style:name="{name}" style:family="text">'
        f"<style:text-properties{face}{weight}/></style:style>"
    )


def _o_content(body: str, font: str | None, font_in: str) -> str:
    span_font = font if font_in == "span" else None
    automatic = (
        _o_text_style("TU_B", UNICODE_FONT, bold=True)
        + _o_text_style("TU", UNICODE_FONT, bold=False)
        + _o_text_style("TL_B", span_font, bold=True)
        + _o_text_style("TL", span_font, bold=False)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NAMESPACES}>'
        f"{_o_font_faces(font)}<office:automatic-styles>{automatic}</office:automatic-styles>"
        f"<office:body><office:text><text:sequence-decls/>{body}</office:text></office:body>"
        "</office:document-content>"
    )


def _o_styles(font: str | None, font_in: str, header: str | None, footer: str | None) -> str:
    default = ""
    if font and font_in == "default":
        default = (
            '<style:default-style style:family="paragraph">'
            f'<style:text-properties style:font-name="{font}"/></style:default-style>'
        )
    article = (
        '<style:style style:name="Article" style:family="paragraph" '
        'style:parent-style-name="Body">'
        f'<style:text-properties style:font-name="{font}"/></style:style>'
        if font
        else ""
    )
    master = "".join(
        f"<style:{kind}>{_o_paragraph(text, None)}</style:{kind}>"
        for kind, text in (("header", header), ("footer", footer))
        if text is not None
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NAMESPACES}>'
        f"{_o_font_faces(font)}<office:styles>{default}"
        '<style:style style:name="Standard" style:family="paragraph"/>'
        '<style:style style:name="Body" style:family="paragraph" '
        'style:parent-style-name="Standard"/>'
        f"{article}</office:styles><office:automatic-styles>"
        f"{_o_text_style('TU_B', UNICODE_FONT, bold=True)}"
        f"{_o_text_style('TU', UNICODE_FONT, bold=False)}</office:automatic-styles>"
        '<office:master-styles><style:master-page style:name="Standard">'
        f"{master}</style:master-page></office:master-styles></office:document-styles>"
    )


def _o_meta(title: str, created: str | None) -> str:
    when = f"<meta:creation-date>{created}</meta:creation-date>" if created else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODF_NAMESPACES}>'
        f"<office:meta><dc:title>{escape(title)}</dc:title>{when}</office:meta>"
        "</office:document-meta>"
    )


def odt_members(
    article_text: str,
    *,
    font: str | None = None,
    font_in: str = "span",
    table_rows: Sequence[Sequence[str]] | None = None,
    header: str | None = None,
    footer: str | None = None,
    footnote: str | None = None,
    title_meta: str = "",
    created: str | None = None,
) -> dict[str, str]:
    """The members of an `.odt` (name -> XML), for tests that change one before zipping."""
    title, *paragraphs = article_text.split("\n")
    style = "Article" if font_in == "style" else "Body"
    body = [_o_paragraph(title, None, tag='text:h text:outline-level="1"', style="Body")]
    body[0] = body[0].replace('</text:h text:outline-level="1">', "</text:h>")
    body += [_o_paragraph(p, font, style=style) for p in paragraphs]
    if footnote is not None:
        note = (
            '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1'
            f"</text:note-citation><text:note-body>{_o_paragraph(footnote, None)}"
            "</text:note-body></text:note>"
        )
        body[-1] = body[-1][: body[-1].rindex("</text:p>")] + note + "</text:p>"
    if table_rows:
        rows = "".join(
            "<table:table-row>"
            + "".join(
                f'<table:table-cell office:value-type="string">{_o_paragraph(cell, None)}'
                "</table:table-cell>"
                for cell in row
            )
            + "</table:table-row>"
            for row in table_rows
        )
        columns = f'<table:table-column table:number-columns-repeated="{len(table_rows[0])}"/>'
        body.append(f'<table:table table:name="Bang1">{columns}{rows}</table:table>')
    return {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "META-INF/manifest.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" '
            'manifest:media-type="text/xml"/></manifest:manifest>'
        ),
        "content.xml": _o_content("".join(body), font, font_in),
        "styles.xml": _o_styles(font, font_in, header, footer),
        "meta.xml": _o_meta(title_meta, created),
    }


def write_odt(
    path: Path,
    article_text: str,
    *,
    font: str | None = None,
    font_in: str = "span",
    table_rows: Sequence[Sequence[str]] | None = None,
    header: str | None = None,
    footer: str | None = None,
    footnote: str | None = None,
    title_meta: str = "",
    created: str | None = None,
) -> Path:
    """An `.odt` of the article: the title a heading, each paragraph in two spans (bold, plain)
    cut mid-paragraph; `font` types the paragraphs in a legacy font named on the spans' styles,
    the paragraph style, or the paragraph default style (`font_in`: span, style, default)."""
    members = odt_members(
        article_text,
        font=font,
        font_in=font_in,
        table_rows=table_rows,
        header=header,
        footer=footer,
        footnote=footnote,
        title_meta=title_meta,
        created=created,
    )
    return write_zip(path, members)


# --- RTF ---------------------------------------------------------------------------------------


def _rtf_bytes(data: bytes) -> str:
    """Bytes as RTF writes them: ASCII as it is (braces and backslashes escaped), others `\\'xx`."""
    out: list[str] = []
    for byte in data:
        ch = chr(byte)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif 0x20 <= byte < 0x80:
            out.append(ch)
        else:
            out.append(f"\\'{byte:02x}")
    return "".join(out)


def _rtf_unicode(text: str) -> str:
    """Text as `\\uN?` escapes past ASCII, as Word writes characters beyond the code page."""
    out: list[str] = []
    for ch in text:
        if ord(ch) < 0x80:
            out.append("\\" + ch if ch in "\\{}" else ch)
        else:
            code = ord(ch)
            out.append(f"\\u{code - 0x10000 if code > 0x7FFF else code}?")
    return "".join(out)


def rtf_text(
    article_text: str,
    *,
    codepage: int | str = "unicode",
    font: str | None = None,
    header: str | None = None,
    footnote: str | None = None,
    title_meta: str = "",
    created: tuple[int, int, int] | None = None,
) -> str:
    """The RTF source of the article (see write_rtf)."""
    cpg = 1252 if codepage in ("unicode", 1252) else int(codepage)
    charset = 163 if cpg == 1258 else 0

    def encode(text: str, legacy: str | None) -> str:
        if legacy:
            data = encode_vni(text) if legacy.lower().startswith("vni") else encode_tcvn3(text)
            return _rtf_bytes(data)
        if codepage == 1258:
            return _rtf_bytes(encode_cp1258(text, precomposed=False))
        return _rtf_unicode(text)

    title, *paragraphs = article_text.split("\n")
    fonts = f"{{\\f0\\froman\\fcharset{charset} {UNICODE_FONT};}}"
    if font:
        fonts += f"{{\\f1\\fnil\\fcharset0{{\\*\\panose 00000000000000000000}} {font};}}"
    info = f"{{\\title {encode(title_meta, None)}}}" if title_meta else ""
    if created:
        year, month, day = created
        info += f"{{\\creatim\\yr{year}\\mo{month}\\dy{day}\\hr8\\min0}}"
    body = f"{{\\pard\\plain\\f0\\b {encode(title, None)}\\b0\\par}}\n"
    for paragraph in paragraphs:
        # two runs, bold then plain, cut mid-paragraph
        first, second = _halves(paragraph)
        f = "\\f1" if font else "\\f0"
        body += f"\\pard\\plain{f} {{\\b {encode(first, font)}}}{encode(second, font)}\\par\n"
    if footnote is not None:
        body = body.rstrip("\n").removesuffix("\\par") + (
            f"{{\\super\\chftn}}{{\\footnote\\pard\\plain\\f0 {{\\super\\chftn}} "
            f"{encode(footnote, None)}}}\\par\n"
        )
    head = f"{{\\header\\pard\\plain\\f0 {encode(header, None)}\\par}}" if header else ""
    return (
        f"{{\\rtf1\\ansi\\ansicpg{cpg}\\uc1\\deff0{{\\fonttbl{fonts}}}"
        "{\\colortbl;\\red0\\green0\\blue0;}"
        f"{{\\info{info}{{\\author T\\u242?a so\\u7841?n}}}}\n{head}{body}}}"
    )


def write_rtf(
    path: Path,
    article_text: str,
    *,
    codepage: int | str = "unicode",
    font: str | None = None,
    header: str | None = None,
    footnote: str | None = None,
    title_meta: str = "",
    created: tuple[int, int, int] | None = None,
) -> Path:
    """An `.rtf` of the article, the title bold in Times New Roman: `codepage` "unicode" writes
    `\\uN?` escapes (\\ansicpg1252), 1258 the Windows-1258 bytes with tone marks apart as `\\'xx`
    (\\ansicpg1258, \\fcharset163); `font` (`.VnTime`, `VNI-Times`) types the paragraphs in that
    legacy font's bytes. `created` is (year, month, day)."""
    source = rtf_text(
        article_text,
        codepage=codepage,
        font=font,
        header=header,
        footnote=footnote,
        title_meta=title_meta,
        created=created,
    )
    path.write_bytes(source.encode("ascii"))
    return path
