"""Turn the engine's highlighted HTML into Qt rich text: `<mark>` becomes a styled span.

Qt's rich-text subset has no `<mark>`, so painting it is the window's job, not the engine's;
the colours come from `desktop.theme`.
"""

from __future__ import annotations

import re

from desktop.theme import LIGHT, MarkStyle

_MARK_OPEN = re.compile(r"<mark(?:\s[^>]*)?>", re.IGNORECASE)
_MARK_CLOSE = re.compile(r"</mark\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def paint_marks(html: str, style: MarkStyle = LIGHT, *, bold: bool = False) -> str:
    """Replace every `<mark>…</mark>` with a span Qt can draw, leaving everything else alone."""
    weight = " font-weight:600;" if bold else ""
    span = f'<span style="background-color:{style.background}; color:{style.foreground};{weight}">'
    return _MARK_CLOSE.sub("</span>", _MARK_OPEN.sub(span, html))


def marked_words(html: str) -> list[str]:
    """The text inside each `<mark>` of an engine snippet (tags inside stripped)."""
    words = []
    for chunk in _MARK_OPEN.split(html)[1:]:
        inner = _MARK_CLOSE.split(chunk, maxsplit=1)[0]
        words.append(_TAG.sub("", inner))
    return words
