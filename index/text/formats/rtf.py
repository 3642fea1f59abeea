"""Rich Text `.rtf` files: body, headers, footers and footnotes, with `\\uN` escapes, each font's
code page (`\\ansicpg1258`, `\\fcharset163`) and text typed in legacy fonts (`.VnTime`) decoded.

striprtf gives the tables (destinations, special characters); striprtf itself does not track
which font a run is in, so the scanner here does, as a legacy font's bytes need its decoder.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace

from striprtf.striprtf import (
    charset_map,
    destinations,
    specialchars,
)

from index.errors import UndecodableFile
from index.text.formats.extracted import Extracted
from index.text.formats.limits import Deadline, TextBudget
from index.text.formats.office_xml import Runs, encoding_label, font_of_name
from index.text.legacy_fonts import LegacyFont

__all__ = ["read_rtf"]

_TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # a control word and its number
    r"|\\'([0-9a-fA-F]{2})"  # a byte in the font's code page
    r"|\\([^a-zA-Z])"  # a control symbol
    r"|([{}])"
    r"|[\r\n]+"  # line breaks in the file are not text
    r"|([^\\{}\r\n]+)"
    r"|\\"  # a backslash ending the file
)
_SPECIAL: dict[str, str] = {
    **specialchars,
    "cell": "\t",  # cells apart, so their words do not merge
    "nestcell": "\t",
    "sect": "\n",
    "page": "\n",
    "\r": "\n",
    "-": "",
}
_LITERAL = frozenset("\\{}")
_SINK_OF = {
    **dict.fromkeys(("header", "headerl", "headerr", "headerf"), "header"),
    **dict.fromkeys(("footer", "footerl", "footerr", "footerf"), "footer"),
    "footnote": "note",
}
_OUTPUT_SINKS = ("header", "body", "note", "footer")
_DEFAULT_CHARSETS = frozenset({0, 1})  # ANSI and DEFAULT: the document's code page
_CHECK_EVERY = 1024  # tokens between two deadline checks
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class _Font:
    """One entry of the font table."""

    name: str = ""
    charset: int = 0


@dataclass
class _State:
    """What a group inherits and a closing brace restores."""

    ucskip: int = 1
    ignorable: bool = False
    font: str = ""
    sink: str = "body"  # body, header, footer, note; fonttbl, info, title, creatim: no output


@dataclass
class _Scanner:
    """The running scan of one RTF file."""

    data: str
    deadline: Deadline
    codepage: str = "cp1252"
    default_font: str = ""
    fonts: dict[str, _Font] = field(default_factory=dict)
    legacy_seen: set[LegacyFont] = field(default_factory=set)
    codepages_used: set[str] = field(default_factory=set)
    sinks: dict[str, Runs] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=dict)
    pending: bytearray = field(default_factory=bytearray)
    pending_at: tuple[str, str] = ("body", "")
    font_entry: str = ""
    font_name: list[str] = field(default_factory=list)

    def runs(self, sink: str) -> Runs:
        """The text gathered so far for `sink`."""
        if sink not in self.sinks:
            self.sinks[sink] = Runs(self.legacy_seen)
        return self.sinks[sink]

    def legacy(self, font: str) -> LegacyFont | None:
        """The legacy encoding of font `font`, None for a Unicode font."""
        entry = self.fonts.get(font)
        return font_of_name(entry.name) if entry else None

    def codec(self, font: str) -> str:
        """The code page of the bytes typed in font `font`: its charset's, or the document's
        for ANSI/DEFAULT (files that say `\\ansicpg1258` also type Vietnamese in them)."""
        entry = self.fonts.get(font)
        if entry is None or entry.charset in _DEFAULT_CHARSETS:
            return self.codepage
        return str(charset_map.get(entry.charset, self.codepage))

    def add_bytes(self, data: bytes, state: _State) -> None:
        """Bytes typed in the state's font, decoded together with their neighbours."""
        where = (state.sink, state.font)
        if self.pending and where != self.pending_at:
            self.flush()
        self.pending_at = where
        self.pending += data

    def add_text(self, text: str, state: _State) -> None:
        """Unicode text (`\\uN`, special characters) in the state's font."""
        self.flush()
        legacy = self.legacy(state.font) if text.strip() else None
        self.runs(state.sink).add(text, legacy)

    def flush(self) -> None:
        """Decode the pending bytes with their font's code page."""
        if not self.pending:
            return
        sink, font = self.pending_at
        data, self.pending = bytes(self.pending), bytearray()
        legacy = self.legacy(font)
        if legacy is not None:  # a legacy font's bytes are its glyphs, whatever the code page
            self.runs(sink).add(data.decode("latin-1"), legacy)
            return
        codec = self.codec(font)
        if not data.isascii():
            self.codepages_used.add(codec)
        self.runs(sink).add(_decode(data, codec))


def _decode(data: bytes, codec: str) -> str:
    """`data` in `codec`; a byte the code page leaves undefined stays as its Latin-1 letter."""
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        out = []
        for byte in data:
            try:
                out.append(bytes([byte]).decode(codec))
            except (UnicodeDecodeError, LookupError):
                out.append(chr(byte))
        return "".join(out)


def _codepage(number: int) -> str:
    codec = f"cp{number}"
    try:
        codecs.lookup(codec)
    except LookupError:
        return "cp1252"
    return codec


class _Parser:
    """Walks the tokens of one RTF file, group by group, into its sinks."""

    def __init__(self, scanner: _Scanner) -> None:
        self.scan = scanner
        self.state = _State()
        self.stack: list[_State] = []
        self.skip = 0  # fallback characters after \uN still to skip

    def run(self) -> None:
        """Scan the whole file."""
        data, pos, count = self.scan.data, 0, 0
        while pos < len(data):
            match = _TOKEN.match(data, pos)
            if match is None:  # cannot happen: every character starts some token
                break
            pos = match.end()
            count += 1
            if count % _CHECK_EVERY == 0:
                self.scan.deadline.check()
            word, number, byte, symbol, brace, text = match.groups()
            if word is not None:
                skipped = self._word(word, number)
                pos += skipped
            elif byte is not None:
                self._byte(int(byte, 16))
            elif symbol is not None:
                self._symbol(symbol)
            elif brace is not None:
                if not self._brace(brace):
                    break
            elif text is not None:
                self._text(text)
        self.scan.flush()

    def _brace(self, brace: str) -> bool:
        """Open or close a group; False once the document's outer group has closed."""
        self.skip = 0
        if brace == "{":
            self.stack.append(replace(self.state))
            return True
        closing = self.state
        if not self.stack:
            return False
        self.state = self.stack.pop()
        if closing.sink != self.state.sink and closing.sink in ("header", "footer", "note"):
            self.scan.add_text("\n", closing)
        return bool(self.stack)

    def _byte(self, value: int) -> None:
        if self.skip:
            self.skip -= 1
        elif not self.state.ignorable and self.state.sink in (*_OUTPUT_SINKS, "title"):
            self.scan.add_bytes(bytes([value]), self.state)

    def _text(self, text: str) -> None:
        if self.skip:
            cut = min(self.skip, len(text))
            text, self.skip = text[cut:], self.skip - cut
        if not text or self.state.ignorable:
            return
        if self.state.sink == "fonttbl":
            self._font_name(text)
        elif self.state.sink in _OUTPUT_SINKS or self.state.sink == "title":
            self.scan.add_bytes(text.encode("latin-1"), self.state)

    def _font_name(self, text: str) -> None:
        """Font table text: names, each ended by `;`."""
        scan = self.scan
        *ended, rest = text.split(";")
        for piece in ended:
            scan.font_name.append(piece)
            entry = scan.fonts.setdefault(scan.font_entry, _Font())
            entry.name = "".join(scan.font_name).strip()
            scan.font_name = []
        scan.font_name.append(rest)

    def _symbol(self, symbol: str) -> None:
        self.skip = 0
        if symbol == "*":
            self.state.ignorable = True
        elif self.state.ignorable:
            return
        elif symbol in _LITERAL:
            self._text(symbol)
        elif symbol in _SPECIAL and self.state.sink in _OUTPUT_SINKS:
            self.scan.add_text(_SPECIAL[symbol], self.state)

    def _word(self, word: str, number: str | None) -> int:
        """Act on one control word; the count of raw bytes that follow it and are skipped."""
        self.skip = 0
        value = int(number) if number is not None else None
        if word == "bin":
            return max(value or 0, 0)
        state = self.state
        if state.ignorable:
            return 0
        if word in _SINK_OF:
            state.sink = _SINK_OF[word]
        elif word == "fonttbl":
            state.sink = "fonttbl"
        elif word == "info":
            state.sink = "info"
        elif state.sink == "info" and word in ("title", "creatim"):
            state.sink = word
        elif word in destinations:
            state.ignorable = True
        elif state.sink == "fonttbl":
            self._font_word(word, value)
        elif state.sink == "creatim":
            if word in ("yr", "mo", "dy") and value is not None:
                self.scan.created[word] = value
        else:
            self._format_word(word, value)
        return 0

    def _font_word(self, word: str, value: int | None) -> None:
        scan = self.scan
        if word == "f":
            scan.font_entry, scan.font_name = str(value or 0), []
            scan.fonts.setdefault(scan.font_entry, _Font())
        elif word == "fcharset" and value is not None:
            scan.fonts.setdefault(scan.font_entry, _Font()).charset = value

    def _format_word(self, word: str, value: int | None) -> None:
        state, scan = self.state, self.scan
        if word == "u" and value is not None:
            scan.add_text(chr(value + 0x10000 if value < 0 else value), state)
            self.skip = state.ucskip
        elif word == "uc" and value is not None:
            state.ucskip = max(value, 0)
        elif word == "f":
            state.font = str(value or 0)
        elif word == "plain":
            state.font = scan.default_font
        elif word == "deff":
            scan.default_font = state.font = str(value or 0)
        elif word == "ansicpg" and value is not None:
            scan.codepage = _codepage(value)
        elif word == "mac":
            scan.codepage = "mac_roman"
        elif word in ("pc", "pca"):
            scan.codepage = "cp437" if word == "pc" else "cp850"
        elif word in _SPECIAL and state.sink in _OUTPUT_SINKS:
            scan.add_text(_SPECIAL[word], state)


def _lines(text: str) -> list[str]:
    if _SURROGATE.search(text):  # Word writes a character past U+FFFF as two \u escapes
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return [line for line in text.replace("\r", "\n").split("\n") if line.strip()]


def _date(created: dict[str, int]) -> str:
    year, month, day = created.get("yr", 0), created.get("mo", 0), created.get("dy", 0)
    if 1800 <= year <= 2200 and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{day:02d}/{month:02d}/{year}"
    return ""


def _label(scanner: _Scanner) -> str:
    used = sorted(
        f"windows-{c[2:]}" if c.startswith("cp125") else c for c in scanner.codepages_used
    )
    base = "+".join(["rtf", *(name for name in used if name != "windows-1252")])
    return encoding_label(base, scanner.legacy_seen)


def read_rtf(data: bytes, deadline: Deadline) -> Extracted:
    """The text of an `.rtf` file: headers, body, footnotes, footers, a paragraph a line."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise UndecodableFile("not an RTF file: it does not start with {\\rtf")
    scanner = _Scanner(data.decode("latin-1"), deadline)
    _Parser(scanner).run()
    texts = {sink: scanner.runs(sink).text() for sink in (*_OUTPUT_SINKS, "title")}
    lines = [line for sink in _OUTPUT_SINKS for line in _lines(texts[sink])]
    text = TextBudget().take("\n".join(lines))
    title = " ".join(_lines(texts["title"])).strip()
    return Extracted((text,), _label(scanner), title=title, date=_date(scanner.created))
