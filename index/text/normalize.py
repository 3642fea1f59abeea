"""Normalisation of every text and query before anything else looks at it.

Invisible characters out, odd spaces to spaces, eth repaired to đ, then NFC.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_SPACES = "\u00a0\u2007\u202f\u3000"

_TABLE: dict[int, str | None] = {
    **dict.fromkeys(map(ord, _INVISIBLE), None),
    **dict.fromkeys(map(ord, _SPACES), " "),
    # Old Vietnamese files often typed the Icelandic eth where they meant đ.
    ord("\u00d0"): "\u0110",
    ord("\u00f0"): "\u0111",
}
# translate() raises and catches a KeyError for every character missing from a dict table, which
# is most of an article: find out first whether there is anything to translate.
_TRANSLATED = re.compile("[" + re.escape("".join(map(chr, _TABLE))) + "]")


def normalize_text(text: str) -> str:
    """NFC, line endings to `\\n`, no-break spaces to spaces, soft hyphens and zero-widths out."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Invisible characters go before composing: one between a letter and its marks would
    # otherwise keep them apart, and the syllable would not fold.
    if _TRANSLATED.search(text):
        text = text.translate(_TABLE)
    return unicodedata.normalize("NFC", text)
