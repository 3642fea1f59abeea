"""Word `.docx` files: headers, body (paragraphs, tables, text boxes), footnotes, endnotes and
footers in reading order, with runs typed in legacy fonts (`.VnTime`, `VNI-Times`) decoded.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator

from index.errors import UndecodableFile
from index.text.formats.extracted import Extracted
from index.text.formats.limits import Deadline, TextBudget, open_zip
from index.text.formats.office_xml import (
    ElementTicker,
    Lines,
    Runs,
    dmy_date,
    encoding_label,
    font_of_name,
    has_part,
    read_xml_part,
)
from index.text.legacy_fonts import LegacyFont

__all__ = ["read_docx"]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_DC_CREATED = "{http://purl.org/dc/terms/}created"
_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_SYMBOL_FONTS = frozenset({"symbol", "wingdings", "wingdings 2", "wingdings 3", "webdings"})
_NOTE_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_DIGITS = re.compile(r"(\d+)")
_Walk = Callable[[ET.Element], None]

# Elements holding no text a reader sees: properties, deleted or moved-away text, field codes.
_SKIPPED = frozenset(
    {
        *("pPr", "rPr", "tblPr", "tblGrid", "trPr", "tcPr", "sectPr"),
        *("del", "moveFrom", "delText", "delInstrText", "instrText", "fldChar"),
        *("footnoteReference", "endnoteReference", "commentReference", "annotationRef"),
        *("footnoteRef", "endnoteRef", "commentRangeStart", "commentRangeEnd"),
        *("bookmarkStart", "bookmarkEnd", "proofErr", "lastRenderedPageBreak"),
    }
)


def _local(tag: str, namespace: str) -> str:
    """The local name of a WordprocessingML tag, '' for another namespace's."""
    prefix = "{" + namespace + "}"
    return tag[len(prefix) :] if tag.startswith(prefix) else ""


class _Styles:
    """The fonts styles.xml gives: the document default, and each style's (through basedOn)."""

    def __init__(self, root: ET.Element | None, namespace: str) -> None:
        self._w = "{" + namespace + "}"
        self._fonts: dict[str, str | None] = {}
        self._based_on: dict[str, str] = {}
        self._resolved: dict[str, str | None] = {}
        self.default: str | None = None
        self.default_paragraph = ""
        if root is None:
            return
        w = self._w
        defaults = root.find(f"{w}docDefaults/{w}rPrDefault/{w}rPr")
        self.default = self.font_of_rpr(defaults)
        for style in root.iter(f"{w}style"):
            style_id = style.get(f"{w}styleId", "")
            self._fonts[style_id] = self.font_of_rpr(style.find(f"{w}rPr"))
            based = style.find(f"{w}basedOn")
            if based is not None:
                self._based_on[style_id] = based.get(f"{w}val", "")
            if style.get(f"{w}type") == "paragraph" and style.get(f"{w}default") in ("1", "true"):
                self.default_paragraph = style_id

    def font_of_rpr(self, rpr: ET.Element | None) -> str | None:
        """The font a run-properties element names for Latin text, '' for a theme font, None
        when it names none."""
        if rpr is None:
            return None
        fonts = rpr.find(f"{self._w}rFonts")
        if fonts is None:
            return None
        w = self._w
        if fonts.get(f"{w}hAnsiTheme") or fonts.get(f"{w}asciiTheme"):
            return ""
        return fonts.get(f"{w}hAnsi") or fonts.get(f"{w}ascii")

    def font_of_style(self, style_id: str) -> str | None:
        """The font style `style_id` gives, through its basedOn chain; None when none does."""
        if style_id in self._resolved:
            return self._resolved[style_id]
        font: str | None = None
        seen: set[str] = set()
        current = style_id
        while current and current not in seen:
            seen.add(current)
            font = self._fonts.get(current)
            if font is not None:
                break
            current = self._based_on.get(current, "")
        self._resolved[style_id] = font
        return font


class _Reader:
    """Walks WordprocessingML parts into lines, one paragraph or table row a line."""

    def __init__(self, styles: _Styles, namespace: str, budget: TextBudget, deadline: Deadline):
        self._ns = namespace
        self._w = "{" + namespace + "}"
        self._styles = styles
        self._budget = budget
        self._ticker = ElementTicker(deadline)
        self._lines = Lines(budget)
        self.legacy_seen: set[LegacyFont] = set()

    def read(self, root: ET.Element) -> list[str]:
        """The lines of one part (document, header, footnotes …)."""
        self._lines = Lines(self._budget)
        self._block(root)
        return self._lines.lines

    def _block(self, element: ET.Element) -> None:
        for child in element:
            self._ticker.tick()
            name = _local(child.tag, self._ns)
            if name == "p":
                self._paragraph(child)
            elif name == "tbl":
                self._table(child)
            elif name in _SKIPPED:
                continue
            elif name == "footnote" or name == "endnote":
                if child.get(f"{self._w}type") not in _NOTE_SEPARATORS:
                    self._block(child)
            elif child.tag.startswith(_MC):
                self._alternate(child, self._block)
            else:
                self._block(child)

    def _alternate(self, element: ET.Element, walk: _Walk) -> None:
        """mc:AlternateContent holds the same content twice: read its first choice only."""
        for child in element:
            if child.tag in (f"{_MC}Choice", f"{_MC}Fallback"):
                walk(child)
                return
        walk(element)

    def _table(self, table: ET.Element) -> None:
        for row in self._children(table, "tr"):
            cells: list[str] = []
            for cell in self._children(row, "tc"):
                outer = self._lines
                self._lines = Lines(self._budget)
                self._block(cell)
                cells.append(" ".join(line for line in self._lines.lines if line.strip()))
                self._lines = outer
            self._lines.add("\t".join(cells))

    def _children(self, element: ET.Element, wanted: str) -> Iterator[ET.Element]:
        """Rows of a table or cells of a row, also those wrapped in w:sdt or w:customXml."""
        for child in element:
            self._ticker.tick()
            name = _local(child.tag, self._ns)
            if name == wanted:
                yield child
            elif name in ("sdt", "sdtContent", "customXml"):
                yield from self._children(child, wanted)

    def _paragraph(self, paragraph: ET.Element) -> None:
        w = self._w
        style = paragraph.find(f"{w}pPr/{w}pStyle")
        style_id = style.get(f"{w}val", "") if style is not None else self._styles.default_paragraph
        font = self._styles.font_of_style(style_id)
        runs = Runs(self.legacy_seen)
        self._inline(paragraph, runs, self._styles.default if font is None else font)
        self._lines.add(runs.text())

    def _inline(self, element: ET.Element, runs: Runs, paragraph_font: str | None) -> None:
        for child in element:
            self._ticker.tick()
            name = _local(child.tag, self._ns)
            if name == "r":
                self._run(child, runs, paragraph_font)
            elif name in _SKIPPED:
                continue
            elif name == "p":  # a paragraph inside a paragraph: text box content
                self._paragraph(child)
            elif child.tag.startswith(_MC):
                self._alternate(child, lambda part: self._inline(part, runs, paragraph_font))
            else:
                self._inline(child, runs, paragraph_font)

    def _run_font(self, run: ET.Element, paragraph_font: str | None) -> str | None:
        w = self._w
        rpr = run.find(f"{w}rPr")
        font = self._styles.font_of_rpr(rpr)
        if font is None and rpr is not None:
            style = rpr.find(f"{w}rStyle")
            if style is not None:
                font = self._styles.font_of_style(style.get(f"{w}val", ""))
        return paragraph_font if font is None else font

    def _run(self, run: ET.Element, runs: Runs, paragraph_font: str | None) -> None:
        legacy = font_of_name(self._run_font(run, paragraph_font))
        for child in run:
            self._ticker.tick()
            name = _local(child.tag, self._ns)
            if name == "t":
                runs.add(child.text, legacy)
            elif name == "tab" or name == "ptab":
                runs.add("\t")
            elif name in ("br", "cr"):
                runs.add("\n")
            elif name == "noBreakHyphen":
                runs.add("-")
            elif name == "sym":
                self._symbol(child, runs)
            elif name in ("drawing", "pict", "object") or child.tag.startswith(_MC):
                self._boxes(child)

    def _symbol(self, symbol: ET.Element, runs: Runs) -> None:
        """w:sym: a character of a named font; a legacy font's is a legacy byte."""
        w = self._w
        font = symbol.get(f"{w}font", "")
        try:
            code = int(symbol.get(f"{w}char", ""), 16)
        except ValueError:
            return
        legacy = font_of_name(font)
        if legacy is not None:
            runs.add(chr(code), legacy)
        elif font.strip().lower() not in _SYMBOL_FONTS and 0 < code < 0xF000:
            runs.add(chr(code))

    def _boxes(self, element: ET.Element) -> None:
        """Text boxes inside a drawing: their paragraphs, read once (not per alternative)."""
        if element.tag == f"{_MC}AlternateContent":
            self._alternate(element, self._boxes)
            return
        for child in element:
            self._ticker.tick()
            if _local(child.tag, self._ns) == "txbxContent":
                self._block(child)
            elif child.tag == f"{_MC}AlternateContent":
                self._alternate(child, self._boxes)
            else:
                self._boxes(child)


def _relationships(
    archive: zipfile.ZipFile, part: str, unpacked: list[int]
) -> list[tuple[str, str]]:
    """(type's last word, member name) of each internal relationship of `part`, in order."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if not has_part(archive, rels):
        return []
    found: list[tuple[str, str]] = []
    for rel in read_xml_part(archive, rels, unpacked).iter(_REL):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        member = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found.append((rel.get("Type", "").rsplit("/", 1)[-1], posixpath.normpath(member)))
    return found


def _natural(member: str) -> list[object]:
    """header2.xml before header10.xml."""
    return [int(piece) if piece.isdigit() else piece for piece in _DIGITS.split(member)]


def _refuse_ole(data: bytes) -> None:
    """A compound (OLE) file where a .docx should be: a password-protected one, or a .doc."""
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise UndecodableFile("encrypted: the document is protected by a password")
        raise UndecodableFile("an old Word document (.doc) named .docx: not supported")


def _metadata(archive: zipfile.ZipFile, unpacked: list[int]) -> tuple[str, str]:
    """(title, dd/mm/yyyy created) from docProps/core.xml, empty when absent."""
    cores = [m for kind, m in _relationships(archive, "", unpacked) if kind == "core-properties"]
    core = next((m for m in cores if has_part(archive, m)), "docProps/core.xml")
    if not has_part(archive, core):
        return "", ""
    root = read_xml_part(archive, core, unpacked)
    return (root.findtext(_DC_TITLE) or "").strip(), dmy_date(root.findtext(_DC_CREATED))


def read_docx(data: bytes, deadline: Deadline) -> Extracted:
    """The text of a `.docx` file, one paragraph or table row a line, in reading order."""
    _refuse_ole(data)
    archive = open_zip(data)
    unpacked = [0]
    main = next(
        (m for kind, m in _relationships(archive, "", unpacked) if kind == "officeDocument"),
        "word/document.xml",
    )
    root = read_xml_part(archive, main, unpacked)
    namespace = _TRANSITIONAL if root.tag.startswith("{" + _TRANSITIONAL) else _STRICT
    parts: dict[str, list[str]] = {}
    for kind, member in _relationships(archive, main, unpacked):
        if has_part(archive, member):
            parts.setdefault(kind, []).append(member)
    styles_root = next((read_xml_part(archive, m, unpacked) for m in parts.get("styles", [])), None)
    reader = _Reader(_Styles(styles_root, namespace), namespace, TextBudget(), deadline)

    def lines_of(kind: str) -> list[str]:
        out: list[str] = []
        for member in sorted(parts.get(kind, []), key=_natural):
            for line in reader.read(read_xml_part(archive, member, unpacked)):
                if line.strip() and line not in out:  # the same header on first and odd pages
                    out.append(line)
        return out

    headers = lines_of("header")
    body = [line for line in reader.read(root) if line.strip()]
    notes = lines_of("footnotes") + lines_of("endnotes")
    footers = lines_of("footer")
    title, created = _metadata(archive, unpacked)
    if not title and headers and body:
        title = body[0]  # the header came first, but the first body line names the document
    text = "\n".join(headers + body + notes + footers)
    return Extracted((text,), encoding_label("docx", reader.legacy_seen), title=title, date=created)
