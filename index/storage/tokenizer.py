"""The Whoosh tokenizer of every syllable field: one term form per syllable, with offsets.

Whoosh pickles it into every index by this module path: moving it needs a schema version bump.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer

from index.text.terms import FOLDED, TermForm, iter_terms


class SyllableTokenizer(Tokenizer):  # type: ignore[misc]
    """Whoosh tokenizer emitting one `form` of every syllable, with positions and offsets."""

    def __init__(self, form: TermForm = FOLDED) -> None:
        self.form = form

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        """Whoosh's tokenizer call: one Token per syllable of `value`, in this form."""
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for position, (start, end, term) in enumerate(iter_terms(value, self.form)):
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = start_pos + position
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token
