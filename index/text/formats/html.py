"""Web pages (`.html`, `.htm`, `.xhtml`): the article's text, its title and publication date.

The encoding comes from the BOM, `<meta charset>` or detection (old pages: Windows-1258, TCVN3).
"""

from __future__ import annotations

import codecs
import re

from index.errors import UndecodableFile
from index.text.decode import decode_bytes
from index.text.formats.extracted import Extracted
from index.text.formats.html_main_text import find_article
from index.text.formats.html_meta import meta_values, page_date, page_title
from index.text.formats.html_tree import parse_html, visible_text
from index.text.formats.limits import MAX_TEXT_CHARS, Deadline

_SNIFF_BYTES = 4096  # browsers look this far for a <meta charset>
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# Declared encodings that old Vietnamese pages used while their text was TCVN3 or VNI (shown
# through a font): detection reads those better than the declaration.
_VAGUE_CHARSETS = frozenset({"ascii", "latin-1", "iso8859-1", "cp1252", "windows-1252"})
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_html(data: bytes, deadline: Deadline) -> Extracted:
    """The text of a saved web page: the article when the page has one (menus, sidebars and
    footers left out), else all its visible text; title and date from its metadata."""
    text, encoding = decode_html(data)
    html = parse_html(text, deadline)
    meta = meta_values(html)
    article = find_article(html, deadline)
    if article is not None:
        body, heading = article.text, article.heading
    else:
        body = visible_text(html, deadline=deadline)
        heading = ""
    return Extracted(
        (body[:MAX_TEXT_CHARS],),
        f"html+{encoding}",
        title=page_title(html, meta, heading),
        date=page_date(meta),
    )


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and the encoding it was read in: the BOM's, UTF-8 when the bytes are
    UTF-8, the declared one (`<meta charset>`, `http-equiv` content type), else detection's."""
    if not data.strip():
        raise UndecodableFile("empty file")
    if data.startswith(_BOMS) or _is_utf8(data):
        decoded = decode_bytes(data)  # also repairs UTF-8 mojibake
        return decoded.text, decoded.encoding
    declared = _declared_charset(data[:_SNIFF_BYTES])
    if declared is not None and declared not in _VAGUE_CHARSETS:
        try:
            return data.decode(declared), _label(declared)
        except UnicodeDecodeError:
            pass  # the declaration is wrong (a page re-saved by an editor): detect instead
    decoded = decode_bytes(data)
    return decoded.text, decoded.encoding


def _is_utf8(data: bytes) -> bool:
    """True for bytes that are valid UTF-8: legacy Vietnamese bytes almost never are, so a page
    that declares Windows-1258 but was saved as UTF-8 reads right."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _declared_charset(head: bytes) -> str | None:
    """The Python codec name of the encoding the page's head declares, if it names a known one."""
    found = _META_CHARSET.search(head) or _XML_ENCODING.match(head)
    if found is None:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _label(codec: str) -> str:
    """Codec names as users know them: `cp1258` -> `windows-1258`."""
    if codec.startswith("cp125"):
        return f"windows-{codec[2:]}"
    return codec
