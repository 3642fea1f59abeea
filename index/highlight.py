"""Finding the query's words in a document and marking them up: snippets and the reader's HTML.

Matching runs on folded (or exact) forms but cuts the original text, so `duong` marks `Đường`.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress

from index.query.patterns import NEVER, Pattern
from index.text.fold import fold
from index.text.terms import SHINGLE_GAP, WORD_CHAR, exact_form

SNIPPET_CHARS = 240
_CONTEXT_BEFORE = 60
_WORD_CHAR = re.compile(WORD_CHAR)
_PIECE_CHARS = 1 << 16  # a limited search looks this far at a time
# Neither a word's letter nor anything SHINGLE_GAP lets a phrase run across.
_HARD_BREAK = re.compile(r"[^\w \t\-./,:'’–&+]|_")


@lru_cache(maxsize=256)
def _candidate_regex(patterns: tuple[Pattern, ...]) -> re.Pattern[str] | None:
    """What finds candidate syllables, or None when no step can accept any.

    It starts with the words, with no lookbehind or never-matching branch in front (see
    _candidate_spans), so that `re` can skip straight to their first letters."""
    alternatives = {step.folded_regex() for pattern in patterns for step in pattern} - {NEVER}
    if not alternatives:
        return None
    return re.compile(rf"(?:{'|'.join(sorted(alternatives))})(?!{WORD_CHAR})")


def _candidate_spans(folded: str, regex: re.Pattern[str]) -> list[tuple[int, int]]:
    """Matches of `regex` that do not start inside a word, as a lookbehind in front would find."""
    spans: list[tuple[int, int]] = []
    position = 0
    while (match := regex.search(folded, position)) is not None:
        start, end = match.span()
        if start == end:  # a step accepting an empty word: let finditer's rules decide
            return [m.span() for m in re.finditer(rf"(?<!{WORD_CHAR}){regex.pattern}", folded)]
        if start and _WORD_CHAR.match(folded, start - 1):
            position = start + 1
        else:
            spans.append((start, end))
            position = end
    return spans


def find_matches(
    text: str, patterns: Sequence[Pattern], *, limit: int | None = None
) -> list[tuple[int, int]]:
    """Spans of `text` the patterns match; neighbours separated by spaces merge into one span.

    With `limit`, only the first `limit` spans: the text is searched a piece at a time (cut
    at line ends, which no match crosses) and the search stops once that many were found.
    """
    if not patterns:
        return []
    if limit is not None:
        return _first_matches(text, patterns, limit)
    return _all_matches(text, patterns)


def _first_matches(text: str, patterns: Sequence[Pattern], limit: int) -> list[tuple[int, int]]:
    """The first `limit` matches, found piece by piece."""
    found: list[tuple[int, int]] = []
    start = 0
    while start < len(text) and len(found) < limit:
        end = piece_end(text, start, _PIECE_CHARS)
        piece = _all_matches(text[start:end], patterns)
        found.extend((start + a, start + b) for a, b in piece[: limit - len(found)])
        start = end
    return found


def piece_end(text: str, start: int, size: int) -> int:
    """Where a piece of `text` from `start`, about `size` long, may end with no match cut:
    after a line end (no phrase crosses one), else after a character that is neither part of
    a word nor a gap inside a phrase, else (one endless word) after `4 * size` characters."""
    if len(text) - start <= size:
        return len(text)
    line_end = text.find("\n", start + size, start + 4 * size)
    if line_end >= 0:
        return line_end + 1
    hard = _HARD_BREAK.search(text, start + size, start + 4 * size)
    if hard is not None:
        return hard.end()
    return min(len(text), start + 4 * size)


def _all_matches(text: str, patterns: Sequence[Pattern]) -> list[tuple[int, int]]:
    """Every match of `patterns` in `text`."""
    regex = _candidate_regex(tuple(patterns))
    if regex is None:
        return []
    folded = fold(text)
    spans = _candidate_spans(folded, regex)
    if not spans:
        return []
    folded_tokens = [folded[start:end] for start, end in spans]
    needs_exact = any(step.exact for pattern in patterns for step in pattern)
    exact_tokens = (
        [exact_form(text[start:end]) for start, end in spans] if needs_exact else folded_tokens
    )
    covered = [False] * len(spans)
    for pattern in patterns:
        if not pattern:
            continue
        accepted = [step.accepted(folded_tokens, exact_tokens) for step in pattern]
        # Only where the first step accepts can the pattern start.
        for index in compress(range(len(spans) - len(pattern) + 1), accepted[0]):
            end = index + len(pattern)
            if all(accepted[offset][index + offset] for offset in range(1, len(pattern))) and (
                _contiguous(folded, spans, index, end)
            ):
                covered[index:end] = [True] * len(pattern)
    return _merge(folded, spans, covered)


def _contiguous(text: str, spans: list[tuple[int, int]], first: int, end: int) -> bool:
    """Phrase syllables must stand next to each other, with only spaces between them."""
    return all(
        SHINGLE_GAP.fullmatch(text, spans[i][1], spans[i + 1][0]) for i in range(first, end - 1)
    )


def _merge(text: str, spans: list[tuple[int, int]], covered: list[bool]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for (start, end), hit in zip(spans, covered, strict=True):
        if not hit:
            continue
        if merged and merged[-1][1] <= start and SHINGLE_GAP.fullmatch(text, merged[-1][1], start):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _marked(text: str, start: int, end: int, matches: Sequence[tuple[int, int]]) -> str:
    """HTML of text[start:end] with the matches inside it wrapped in <mark>."""
    parts: list[str] = []
    cursor = start
    for match_start, match_end in matches:
        if match_end <= start or match_start >= end:
            continue
        match_start, match_end = max(match_start, start), min(match_end, end)
        parts.append(html.escape(text[cursor:match_start]))
        parts.append(f"<mark>{html.escape(text[match_start:match_end])}</mark>")
        cursor = match_end
    parts.append(html.escape(text[cursor:end]))
    return "".join(parts)


def _best_window(text: str, matches: Sequence[tuple[int, int]], body_start: int) -> int:
    """Start of the window holding the most distinct matched words, preferring the body."""
    candidates = sorted(m for m in matches if m[0] >= body_start) or sorted(matches)
    starts = [s for s, _ in candidates]
    words = [fold(text[s:e]).split() for s, e in candidates]
    best_start, best_score = candidates[0][0], (-1, -1, -1)
    for anchor in starts:
        start = max(0, anchor - _CONTEXT_BEFORE)
        limit = start + SNIPPET_CHARS
        # Only the matches starting inside the window can fit in it: found by bisection, so a
        # word matched thousands of times in a long text costs no more than a few.
        first, last = bisect_left(starts, start), bisect_right(starts, limit)
        inside = [words[i] for i in range(first, last) if candidates[i][1] <= limit]
        syllables = {syllable for span in inside for syllable in span}
        # A match longer than the window fits in none: it still anchors a window of its own.
        score = (len(syllables), max((len(span) for span in inside), default=0), len(inside))
        if score > best_score:
            best_start, best_score = start, score
    return best_start


def _word_boundary(text: str, position: int, *, forward: bool) -> int:
    if position <= 0 or position >= len(text):
        return max(0, min(position, len(text)))
    step = 1 if forward else -1
    limit = 20
    while 0 < position < len(text) and limit and not text[position - 1].isspace():
        position += step
        limit -= 1
    return position


def snippet_html(text: str, matches: Sequence[tuple[int, int]]) -> str:
    """A one-line excerpt around the best cluster of matches, escaped, matches in <mark>."""
    first_break = text.find("\n", len(text) - len(text.lstrip()))
    body_start = first_break + 1 if first_break >= 0 else 0
    if matches:
        start = _best_window(text, matches, body_start)
    else:
        start = body_start if body_start < len(text) else 0
    start = _word_boundary(text, start, forward=False)
    end = _word_boundary(text, start + SNIPPET_CHARS, forward=True)
    while start < end and text[start].isspace():
        start += 1
    excerpt = _marked(text, start, end, matches).strip()
    excerpt = re.sub(r"\s*\n\s*", " · ", excerpt)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return f"{prefix}{excerpt}{suffix}"


def reader_html(text: str, matches: Sequence[tuple[int, int]], first_number: int = 1) -> str:
    """The whole text as paragraphs, every match as `<a name="match-N"></a><mark>…</mark>`,
    N counting from `first_number` (a part of a longer document numbers its matches as the
    whole document does)."""
    paragraphs: list[str] = []
    numbered = list(enumerate(matches, start=first_number))
    cursor = 0
    match_index = 0
    for line in text.split("\n"):
        line_end = cursor + len(line)
        if line.strip():
            parts: list[str] = []
            position = cursor
            while match_index < len(numbered) and numbered[match_index][1][0] < line_end:
                number, (start, end) = numbered[match_index]
                parts.append(html.escape(text[position:start]))
                parts.append(
                    f'<a name="match-{number}"></a><mark>{html.escape(text[start:end])}</mark>'
                )
                position = end
                match_index += 1
            parts.append(html.escape(text[position:line_end]))
            paragraphs.append(f"<p>{''.join(parts)}</p>")
        cursor = line_end + 1
    return "\n".join(paragraphs)
