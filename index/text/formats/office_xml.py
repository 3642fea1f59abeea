"""What the zip + XML office readers (DOCX, ODT) share: safe XML parts, runs in legacy fonts,
the lines a document is read into, and metadata dates.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable

from index.errors import UndecodableFile
from index.text.formats.limits import Deadline, TextBudget, read_member
from index.text.legacy_fonts import LegacyFont, decode_font_text, legacy_font_of

__all__ = [
    "ElementTicker",
    "Lines",
    "Runs",
    "dmy_date",
    "encoding_label",
    "font_of_name",
    "has_part",
    "parse_xml",
    "read_xml_part",
]

# A DTD is where entity bombs (billion laughs, external entities) live; office XML never has one.
_DTD_MARKERS = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
_CHECK_EVERY = 256  # elements walked between two deadline checks
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def parse_xml(data: bytes, name: str) -> ET.Element:
    """The root element of the XML part `name`, refusing any DTD (entity expansion attacks)."""
    if any(marker in data for marker in _DTD_MARKERS):
        raise UndecodableFile(f"refused: {name} declares a DTD or entities")
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        raise UndecodableFile(f"damaged file: {name} is not well-formed XML ({error})") from error


def has_part(archive: zipfile.ZipFile, name: str) -> bool:
    """True when the container holds a member called `name`."""
    return name in archive.NameToInfo


def read_xml_part(archive: zipfile.ZipFile, name: str, unpacked: list[int]) -> ET.Element:
    """The parsed XML member `name`, read within the zip-bomb caps."""
    return parse_xml(read_member(archive, name, unpacked), name)


def font_of_name(name: str | None) -> LegacyFont | None:
    """The legacy encoding of a font name (`.VnTime`, `'VNI-Times'`), None for Unicode fonts."""
    if not name:
        return None
    return legacy_font_of(name.strip().strip("'\""))


def dmy_date(iso: str | None) -> str:
    """`dd/mm/yyyy` for an ISO 8601 timestamp (`2024-04-02T08:00:00Z`), '' when there is none."""
    match = _ISO_DATE.match(iso or "")
    if not match:
        return ""
    year, month, day = match.groups()
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return ""
    return f"{day}/{month}/{year}"


def encoding_label(base: str, fonts: Iterable[LegacyFont]) -> str:
    """`docx`, or `docx+tcvn3` when some text was typed in a legacy font."""
    return "+".join([base, *sorted({font.value for font in fonts})])


class ElementTicker:
    """Counts the elements a reader walks and checks the deadline every few hundred."""

    def __init__(self, deadline: Deadline) -> None:
        self._deadline = deadline
        self._count = 0

    def tick(self) -> None:
        """One more element walked."""
        self._count += 1
        if self._count % _CHECK_EVERY == 0:
            self._deadline.check()


class Runs:
    """The text of one paragraph as runs, each in a Unicode or a legacy font.

    Neighbouring runs in the same legacy font are decoded together, so a letter that a
    formatting change split in two (VNI writes `ệ` as `e` + `ä`) still decodes whole."""

    def __init__(self, legacy_seen: set[LegacyFont]) -> None:
        self._pieces: list[tuple[LegacyFont | None, list[str]]] = []
        self._legacy_seen = legacy_seen

    def add(self, text: str | None, font: LegacyFont | None = None) -> None:
        """Append `text`, typed in `font` (None: Unicode text as it is)."""
        if not text:
            return
        if self._pieces and self._pieces[-1][0] is font:
            self._pieces[-1][1].append(text)
        else:
            self._pieces.append((font, [text]))

    def text(self) -> str:
        """The paragraph's Unicode text."""
        out: list[str] = []
        for font, texts in self._pieces:
            joined = "".join(texts)
            if font is None:
                out.append(joined)
            else:
                self._legacy_seen.add(font)
                out.append(decode_font_text(joined, font))
        return "".join(out)


class Lines:
    """The lines a document is read into, in reading order, within the text budget."""

    def __init__(self, budget: TextBudget) -> None:
        self.lines: list[str] = []
        self._budget = budget

    def add(self, line: str) -> None:
        """Append one paragraph or table row; text past the budget is cut."""
        if self._budget.spent:
            return
        self.lines.append(self._budget.take(line))

    def text(self) -> str:
        """The lines joined, one paragraph a line, blank lines dropped."""
        return "\n".join(line for line in self.lines if line.strip())
