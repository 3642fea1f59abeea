"""What the highlighter looks for: per query word a step, per phrase a pattern of steps.

The query planner builds them as it reads the query; `index.highlight` finds them in text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.text.fold import fold
from index.text.terms import SYLLABLE_PATTERN, WORD_CHAR

NEVER = r"(?!)"  # a regex that matches nothing: a step that can accept no word


@dataclass(frozen=True)
class Step:
    """One syllable of a pattern: a set of words, a prefix or a glob, folded or exact."""

    exact: bool = False
    words: frozenset[str] = frozenset()
    prefix: str = ""
    glob: re.Pattern[str] | None = None

    def accepted(self, folded_tokens: list[str], exact_tokens: list[str]) -> list[bool]:
        """For each token, whether this step accepts it."""
        tokens = exact_tokens if self.exact else folded_tokens
        if self.words:
            return [token in self.words for token in tokens]
        if self.prefix:
            return [token.startswith(self.prefix) for token in tokens]
        glob = self.glob
        if glob is None:
            return [False] * len(tokens)
        return [glob.fullmatch(token) is not None for token in tokens]

    def folded_regex(self) -> str:
        """A regex for the folded tokens this step could accept (exact ones are checked later)."""
        if self.words:
            alternatives = sorted({fold(word) for word in self.words}, key=len, reverse=True)
            return "|".join(map(re.escape, alternatives))
        if self.prefix:
            return re.escape(fold(self.prefix)) + WORD_CHAR + "*"
        if self.glob is not None:
            return SYLLABLE_PATTERN
        return NEVER


Pattern = tuple[Step, ...]
