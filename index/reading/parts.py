"""A document prepared for reading in parts: pages, or chunks of text cut at line ends.

The reader lays out one part at a time, so its cost follows the part, not the whole document;
matches keep the numbers they have in the whole document, and each part knows which it holds.
"""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import pairwise

from index.highlight import piece_end, reader_html

PART_CHARS = 64 * 1024  # about this much text per part: a few milliseconds to lay out
PAGE_LABEL = "Trang %1"  # the heading over each page of a paged document, %1 its number


@dataclass(frozen=True)
class Part:
    """One part of a document: text[start:end], holding matches first_match..end_match-1
    (0-based indexes into the document's matches), its pages (1-based, 0 when unpaged)."""

    start: int
    end: int
    first_match: int
    end_match: int
    first_page: int = 0
    last_page: int = 0

    @property
    def match_count(self) -> int:
        """How many matches this part holds."""
        return self.end_match - self.first_match


def split_parts(
    text: str,
    matches: list[tuple[int, int]],
    page_starts: tuple[int, ...] = (),
    size: int = PART_CHARS,
) -> tuple[Part, ...]:
    """`text` in parts of about `size` characters: whole pages for a paged document (a page
    longer than `size` alone, cut like text), otherwise cut after a line end.  No part cuts
    a match; an empty text is one empty part."""
    cuts = _page_cuts(text, page_starts, size) if page_starts else _text_cuts(text, 0, size)
    cuts = [_outside_matches(cut, matches) for cut in cuts]
    edges = [0, *sorted(set(cuts) - {0, len(text)}), len(text)]
    match_starts = [start for start, _ in matches]
    parts: list[Part] = []
    for start, end in pairwise(edges):
        first = bisect_left(match_starts, start)
        last = bisect_left(match_starts, end) if end < len(text) else len(matches)
        pages = (_page_at(page_starts, start), _page_at(page_starts, max(start, end - 1)))
        parts.append(Part(start, end, first, last, *pages))
    return tuple(parts) or (Part(0, 0, 0, len(matches)),)


def _text_cuts(text: str, start: int, size: int, stop: int | None = None) -> list[int]:
    """Cut points after line ends (else after a break no match crosses) every ~`size`."""
    stop = len(text) if stop is None else stop
    cuts: list[int] = []
    while stop - start > size:
        end = min(piece_end(text, start, size), stop)
        if end <= start:
            break
        cuts.append(end)
        start = end
    return cuts


def _page_cuts(text: str, page_starts: tuple[int, ...], size: int) -> list[int]:
    """Whole pages gathered up to `size`; a longer page is a run of parts of its own."""
    bounds = [*page_starts, len(text)]
    cuts: list[int] = []
    gathered_from = 0
    for page_start, page_end in pairwise(bounds):
        if page_end - page_start > size:
            cuts += [page_start, *_text_cuts(text, page_start, size, page_end), page_end]
            gathered_from = page_end
        elif page_end - gathered_from > size:
            cuts.append(page_start)
            gathered_from = page_start
    return cuts


def _outside_matches(cut: int, matches: list[tuple[int, int]]) -> int:
    """`cut`, or the end of the match it would fall inside."""
    index = bisect_right(matches, (cut, cut)) - 1
    if index >= 0 and matches[index][0] < cut < matches[index][1]:
        return matches[index][1]
    return cut


def _page_at(page_starts: tuple[int, ...], offset: int) -> int:
    """The 1-based page holding `offset`; 0 for an unpaged document."""
    return bisect_right(page_starts, offset) if page_starts else 0


@dataclass(frozen=True)
class ReaderDocument:
    """A document to read part by part, every match of the query numbered 1..N across it.

    `shown_part` and `shown_html` are the part the reader opens on (the one holding the first
    match) with its HTML, prepared with the document, off the window's thread."""

    path: str
    title: str
    date: str
    text: str
    matches: list[tuple[int, int]]
    parts: tuple[Part, ...]
    encoding: str = "utf-8"
    kind: str = "txt"
    page_starts: tuple[int, ...] = ()
    shown_part: int = 0
    shown_html: str = ""

    @property
    def match_count(self) -> int:
        """How many matches the whole document has."""
        return len(self.matches)

    @cached_property
    def html(self) -> str:
        """The whole document as one HTML text (what `Engine.read` gives); costly when big."""
        return reader_html(self.text, self.matches)

    def part_holding(self, number: int) -> int:
        """The index of the part holding match `number` (1-based); 0 when there is none."""
        if not 1 <= number <= len(self.matches):
            return 0
        firsts = [part.first_match for part in self.parts]
        return bisect_right(firsts, number - 1) - 1  # the last part starting at or before it

    def part_html(self, index: int, page_label: str = PAGE_LABEL) -> str:
        """The HTML of part `index`: its paragraphs, its matches anchored `match-N` with their
        numbers in the whole document, and a heading (`page_label`, %1 the number) over
        each page that begins in it."""
        part = self.parts[index]
        matches = self.matches[part.first_match : part.end_match]
        heads = [s for s in self.page_starts if part.start <= s < part.end]
        edges = [part.start, *[s for s in heads if s > part.start], part.end]
        pieces: list[str] = []
        next_match = 0
        for start, end in pairwise(edges):
            if start in heads:
                label = page_label.replace("%1", str(_page_at(self.page_starts, start)))
                pieces.append(f'<h3 class="page">{html.escape(label)}</h3>')
            inside: list[tuple[int, int]] = []
            while next_match < len(matches) and matches[next_match][0] < end:
                match_start, match_end = matches[next_match]
                inside.append((match_start - start, match_end - start))
                next_match += 1
            number = part.first_match + next_match - len(inside) + 1
            pieces.append(reader_html(self.text[start:end], inside, number))
        return "\n".join(piece for piece in pieces if piece)

    def showing(self, index: int, page_label: str = PAGE_LABEL) -> ReaderDocument:
        """This document with part `index` prepared to be shown first."""
        return replace(self, shown_part=index, shown_html=self.part_html(index, page_label))
