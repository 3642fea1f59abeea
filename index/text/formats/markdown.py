"""Markdown notes (`.md`, `.markdown`): the text with its markup taken out, so phrases read whole.

`**Chủ tịch** nước` reads `Chủ tịch nước`; links keep their text, images and HTML tags go.
"""

from __future__ import annotations

import html
import re

from index.text.decode import decode_bytes
from index.text.describe import date_of
from index.text.formats.extracted import Extracted
from index.text.formats.limits import Deadline

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(r"^(title|date)[ \t]*:[ \t]*(.+?)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^[ \t]{0,3}(>[ \t]?)+")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_TABLE_SEPARATOR = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$"
)
_LINK_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)|!\[([^\]]*)\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_EMPHASIS = (
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"),
    re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"),
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_CHECK_EVERY = 2048


def read_markdown(data: bytes, deadline: Deadline) -> Extracted:
    """The text of a Markdown file, markup taken out; title and date from YAML front matter."""
    decoded = decode_bytes(data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    title = date = ""
    front = _FRONT_MATTER.match(text)
    if front is not None:
        for key, value in _FRONT_FIELD.findall(front.group(1)):
            value = value.strip().strip("'\"")
            if key.lower() == "title" and not title:
                title = value
            elif key.lower() == "date" and not date:
                date = date_of(value)
        text = text[front.end() :]
    plain, heading = markdown_text(text, deadline)
    return Extracted((plain,), decoded.encoding, title=title or heading, date=date)


def markdown_text(text: str, deadline: Deadline | None = None) -> tuple[str, str]:
    """Markdown `text` as plain lines (one per heading, paragraph, list item or table row),
    and its first heading."""
    lines: list[str] = []
    headings: list[str] = []
    paragraph: list[str] = []
    fence = ""

    def flush() -> None:
        if paragraph:
            lines.append(inline_text(" ".join(paragraph)))
            paragraph.clear()

    for count, line in enumerate(text.split("\n"), 1):
        if deadline is not None and count % _CHECK_EVERY == 0:
            deadline.check()
        if fence:
            if line.strip().startswith(fence):
                fence = ""
            elif line.strip():
                lines.append(line.rstrip())  # code is kept as it is written
            continue
        opening = _FENCE.match(line)
        if opening:
            flush()
            fence = opening.group(1)
            continue
        if not line.strip() or _RULE.match(line) or _LINK_DEFINITION.match(line):
            flush()
            continue
        if _SETEXT_UNDERLINE.match(line) and paragraph:
            flush()  # the paragraph above was a heading
            headings.append(lines[-1])
            continue
        if _TABLE_SEPARATOR.match(line) and "-" in line:
            continue
        line = _QUOTE.sub("", line)
        heading = _HEADING.match(line)
        if heading:
            flush()
            lines.append(inline_text(heading.group(1)))
            headings.append(lines[-1])
            continue
        item = _LIST_ITEM.match(line)
        if item:
            flush()
            paragraph.append(line[item.end() :])
            continue
        if line.lstrip().startswith("|") or line.count("|") >= 2:
            flush()
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            lines.append(inline_text(" ".join(cell for cell in cells if cell)))
            continue
        paragraph.append(line.strip())
    flush()
    return "\n".join(line for line in lines if line.strip()), next(iter(headings), "")


def inline_text(text: str) -> str:
    """A line's inline markup taken out: emphasis, code spans, links (their text), images,
    HTML tags; entities and backslash escapes read as their characters."""
    text = _CODE_SPAN.sub(lambda m: m.group(2).strip(), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    for _ in range(3):  # nested: ***đậm nghiêng***, **_cả hai_**
        for pattern in _EMPHASIS:
            text = pattern.sub(lambda m: m.group(m.lastindex or 1), text)
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(html.unescape(text).split())
