"""OpenDocument `.odt` files: headers, body (headings, paragraphs, lists, tables, frames), notes
and footers in reading order, with text in legacy fonts (`.VnTime`, `VNI-Times`) decoded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile

from index.errors import UndecodableFile
from index.text.formats.extracted import Extracted
from index.text.formats.limits import Deadline, TextBudget, open_zip, read_member
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

__all__ = ["read_odt"]

_ODF = "urn:oasis:names:tc:opendocument:xmlns:"
_TEXT = "{" + _ODF + "text:1.0}"
_TABLE = "{" + _ODF + "table:1.0}"
_OFFICE = "{" + _ODF + "office:1.0}"
_STYLE = "{" + _ODF + "style:1.0}"
_DRAW = "{" + _ODF + "drawing:1.0}"
_FO = "{" + _ODF + "xsl-fo-compatible:1.0}"
_SVG = "{" + _ODF + "svg-compatible:1.0}"
_META = "{" + _ODF + "meta:1.0}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"

_PARAGRAPHS = frozenset({f"{_TEXT}p", f"{_TEXT}h"})
_ROWS = frozenset({f"{_TABLE}table-rows", f"{_TABLE}table-header-rows", f"{_TABLE}table-row-group"})
# Elements with no text a reader sees: change records, comments, declarations, citations.
_SKIPPED = frozenset(
    {
        f"{_TEXT}tracked-changes",
        f"{_OFFICE}annotation",
        f"{_OFFICE}annotation-end",
        f"{_TEXT}note-citation",
        f"{_TEXT}sequence-decls",
        f"{_TEXT}variable-decls",
        f"{_TEXT}user-field-decls",
        f"{_TEXT}table-of-content-source",
        f"{_TABLE}table-columns",
        f"{_TABLE}table-column",
        f"{_TABLE}covered-table-cell",
        f"{_OFFICE}forms",
    }
)
_WHITE_SPACE = re.compile(r"[ \t\r\n]+")
_BOXES = frozenset({f"{_DRAW}frame", f"{_DRAW}g", f"{_DRAW}text-box"})
_MASTER_PARTS = ("header", "header-first", "header-left", "footer", "footer-first", "footer-left")


class _Styles:
    """The font each style gives (through its parent styles), and each family's default."""

    def __init__(self) -> None:
        self._faces: dict[str, str] = {}
        self._fonts: dict[tuple[str, str], str | None] = {}
        self._parents: dict[tuple[str, str], str] = {}
        self._defaults: dict[str, str | None] = {}

    def add(self, root: ET.Element | None, scope: str) -> None:
        """Take the font faces and the styles of one part; `scope` keeps its automatic styles
        apart from another part's of the same name."""
        if root is None:
            return
        for face in root.iter(f"{_STYLE}font-face"):
            name = face.get(f"{_STYLE}name", "")
            self._faces[name] = face.get(f"{_SVG}font-family") or name
        for group, prefix in ((f"{_OFFICE}styles", ""), (f"{_OFFICE}automatic-styles", scope)):
            for container in root.iter(group):
                self._add_styles(container, prefix)

    def _add_styles(self, container: ET.Element, prefix: str) -> None:
        for style in container:
            props = style.find(f"{_STYLE}text-properties")
            font = None
            if props is not None:
                face = props.get(f"{_STYLE}font-name")
                font = self._faces.get(face, face) if face else props.get(f"{_FO}font-family")
            family = style.get(f"{_STYLE}family", "")
            if style.tag == f"{_STYLE}default-style":
                self._defaults[family] = font
            elif style.tag == f"{_STYLE}style":
                key = (prefix + family, style.get(f"{_STYLE}name", ""))
                self._fonts[key] = font
                parent = style.get(f"{_STYLE}parent-style-name")
                if parent:
                    self._parents[key] = parent

    def font(self, family: str, name: str | None, scope: str) -> str | None:
        """The font of style `name` of `family` (`paragraph`, `text`) seen from part `scope`,
        through its parents; None when no style in the chain names one."""
        seen: set[tuple[str, str]] = set()
        key = (scope + family, name or "")
        if key not in self._fonts:
            key = (family, name or "")
        while key in self._fonts and key not in seen:
            seen.add(key)
            if self._fonts[key] is not None:
                return self._fonts[key]
            parent = self._parents.get(key)
            if parent is None:
                break
            key = (family, parent)
        return None

    def paragraph_font(self, name: str | None, scope: str) -> str | None:
        """A paragraph style's font, else the paragraph default."""
        found = self.font("paragraph", name, scope)
        return found if found is not None else self._defaults.get("paragraph")


class _Reader:
    """Walks ODF text elements into lines, one paragraph or table row a line; notes apart."""

    def __init__(self, styles: _Styles, budget: TextBudget, deadline: Deadline) -> None:
        self._styles = styles
        self._budget = budget
        self._ticker = ElementTicker(deadline)
        self._lines = Lines(budget)
        self._scope = ""
        self.notes = Lines(budget)
        self.legacy_seen: set[LegacyFont] = set()

    def read(self, element: ET.Element, scope: str) -> list[str]:
        """The lines of `element` (the body, a header …), its styles those of part `scope`."""
        self._lines, self._scope = Lines(self._budget), scope
        self._block(element)
        return self._lines.lines

    def _block(self, element: ET.Element) -> None:
        for child in element:
            self._ticker.tick()
            tag = child.tag
            if tag in _PARAGRAPHS:
                self._paragraph(child)
            elif tag == f"{_TABLE}table":
                self._table(child)
            elif tag not in _SKIPPED:
                self._block(child)  # lists, list items, sections, frames, text boxes

    def _table(self, table: ET.Element) -> None:
        for row in self._rows(table):
            cells: list[str] = []
            for cell in row:
                self._ticker.tick()
                if cell.tag != f"{_TABLE}table-cell":
                    continue
                outer = self._lines
                self._lines = Lines(self._budget)
                self._block(cell)
                cells.append(" ".join(line for line in self._lines.lines if line.strip()))
                self._lines = outer
            self._lines.add("\t".join(cells))

    def _rows(self, element: ET.Element) -> list[ET.Element]:
        rows: list[ET.Element] = []
        for child in element:
            if child.tag == f"{_TABLE}table-row":
                rows.append(child)
            elif child.tag in _ROWS:
                rows += self._rows(child)
        return rows

    def _paragraph(self, paragraph: ET.Element) -> None:
        font = self._styles.paragraph_font(paragraph.get(f"{_TEXT}style-name"), self._scope)
        runs = Runs(self.legacy_seen)
        self._inline(paragraph, runs, font_of_name(font), font)
        self._lines.add(runs.text().strip(" "))

    def _inline(
        self, element: ET.Element, runs: Runs, legacy: LegacyFont | None, font: str | None
    ) -> None:
        """Mixed content: the element's text, then each child and the text after it."""
        runs.add(_collapsed(element.text), legacy)
        for child in element:
            self._ticker.tick()
            tag = child.tag
            if tag == f"{_TEXT}span":
                named = self._styles.font("text", child.get(f"{_TEXT}style-name"), self._scope)
                inner = named if named is not None else font
                self._inline(child, runs, font_of_name(inner), inner)
            elif tag == f"{_TEXT}s":
                runs.add(" " * _count(child.get(f"{_TEXT}c")))
            elif tag == f"{_TEXT}tab":
                runs.add("\t")
            elif tag == f"{_TEXT}line-break":
                runs.add("\n")
            elif tag == f"{_TEXT}note":
                self._note(child)
            elif tag in _PARAGRAPHS:  # inside a text box or caption
                self._paragraph(child)
            elif tag in _BOXES:
                self._block(child)
            elif tag not in _SKIPPED:
                self._inline(child, runs, legacy, font)  # links, fields, ruby, bookmarks …
            runs.add(_collapsed(child.tail), legacy)

    def _note(self, note: ET.Element) -> None:
        """A footnote or endnote: read after the body, not inside the sentence citing it."""
        body = note.find(f"{_TEXT}note-body")
        if body is None:
            return
        outer = self._lines
        self._lines = self.notes
        self._block(body)
        self._lines = outer


def _collapsed(text: str | None) -> str | None:
    """XML white space as ODF reads it in text: any run of it is one space."""
    return _WHITE_SPACE.sub(" ", text) if text else text


def _count(value: str | None) -> int:
    """text:s c="3": three spaces (one when absent; a silly count is capped)."""
    try:
        return min(max(int(value or "1"), 1), 1000)
    except ValueError:
        return 1


def _refuse_encrypted(archive: zipfile.ZipFile, unpacked: list[int]) -> None:
    manifest = "META-INF/manifest.xml"
    if has_part(archive, manifest) and b"encryption-data" in read_member(
        archive, manifest, unpacked
    ):
        raise UndecodableFile("encrypted: the document is protected by a password")


def _optional(archive: zipfile.ZipFile, name: str, unpacked: list[int]) -> ET.Element | None:
    return read_xml_part(archive, name, unpacked) if has_part(archive, name) else None


def _master_lines(reader: _Reader, styles_root: ET.Element | None) -> tuple[list[str], list[str]]:
    """(header lines, footer lines) of the master pages, each text once."""
    headers: list[str] = []
    footers: list[str] = []
    if styles_root is None:
        return headers, footers
    for master in styles_root.iter(f"{_STYLE}master-page"):
        for part in _MASTER_PARTS:
            for element in master.findall(f"{_STYLE}{part}"):
                into = headers if part.startswith("header") else footers
                into += [
                    line
                    for line in reader.read(element, "styles:")
                    if line.strip() and line not in into
                ]
    return headers, footers


def read_odt(data: bytes, deadline: Deadline) -> Extracted:
    """The text of an `.odt` file, one paragraph or table row a line, in reading order."""
    archive = open_zip(data)
    unpacked = [0]
    _refuse_encrypted(archive, unpacked)
    content = read_xml_part(archive, "content.xml", unpacked)
    styles_root = _optional(archive, "styles.xml", unpacked)
    styles = _Styles()
    styles.add(styles_root, "styles:")
    styles.add(content, "content:")
    reader = _Reader(styles, TextBudget(), deadline)
    headers, footers = _master_lines(reader, styles_root)
    body_element = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if body_element is None:
        raise UndecodableFile("not a text document: content.xml has no office:text")
    body = [line for line in reader.read(body_element, "content:") if line.strip()]
    notes = [line for line in reader.notes.lines if line.strip()]
    title = date = ""
    meta = _optional(archive, "meta.xml", unpacked)
    if meta is not None:
        title = (meta.findtext(f"{_OFFICE}meta/{_DC_TITLE}") or "").strip()
        date = dmy_date(meta.findtext(f"{_OFFICE}meta/{_META}creation-date"))
    if not title and headers and body:
        title = body[0]  # the header came first, but the first body line names the document
    text = "\n".join(headers + body + notes + footers)
    return Extracted((text,), encoding_label("odt", reader.legacy_seen), title=title, date=date)
