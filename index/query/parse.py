"""Reading what the user typed as Whoosh query syntax, on accent-exact words.

A query that does not parse, or holds only operators, falls back to its words AND-ed.
"""

from __future__ import annotations

import re

from whoosh import query as wq
from whoosh.fields import TEXT, Schema
from whoosh.qparser import AndGroup, PlusMinusPlugin, QueryParser

from index.storage.tokenizer import SyllableTokenizer
from index.text.terms import EXACT, SYLLABLE

_PARSE_SCHEMA = Schema(
    body=TEXT(analyzer=SyllableTokenizer(EXACT), multitoken_query="phrase"),
    title=TEXT(analyzer=SyllableTokenizer(EXACT), multitoken_query="phrase"),
    exact=TEXT(analyzer=SyllableTokenizer(EXACT), multitoken_query="phrase"),
)
# `exact:bạn` matches that one word with its accents as typed, whatever the mode.
EXACT_OPERATOR = "exact"
# Whoosh's parser tries each of its taggers at every character: 0.6 s for 10,000 characters
# here.  Past this length (a long paragraph) a query is read as plain words, in linear time.
MAX_SYNTAX_CHARS = 2000
_LEADING_OPERATOR = re.compile(r"^\s*(?:AND|OR|ANDNOT|ANDMAYBE)(?:\s+|$)")
_TRAILING_OPERATOR = re.compile(r"(?:^|\s+)(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\s*$")
_OPERATOR_WORDS = frozenset({"and", "or", "not", "andnot", "andmaybe"})
# `Tại sao?` ends a question: a `?` after a word and before a space is punctuation, not
# Whoosh's one-character wildcard (which would ask for `sao` plus one letter).
_QUESTION_MARK = re.compile(r"(?<=[^\W_])\?+(?=[\s\W]|$)")
OPERATORS = frozenset(word.upper() for word in _OPERATOR_WORDS)  # as the parser spells them


def parse(text: str) -> wq.Query:
    """The Whoosh query tree of `text` (normalised), dangling operators dropped.

    A text longer than MAX_SYNTAX_CHARS is a pasted passage, not syntax: its words, AND-ed."""
    if len(text) > MAX_SYNTAX_CHARS:
        return fallback_words(text)
    parser = QueryParser("body", _PARSE_SCHEMA, group=AndGroup)
    # `-word` excludes only at a word's start: `COVID-19` and `Việt Nam - Nga` are plain text.
    parser.add_plugin(
        PlusMinusPlugin(plusexpr=r"(?:(?<=\s)|^)\+(?=\w)", minusexpr=r"(?:(?<=\s)|^)-(?=\w)")
    )
    return parser.parse(_strip_dangling_operators(_QUESTION_MARK.sub(" ", text)))


def _strip_dangling_operators(text: str) -> str:
    """`ha AND` or `OR ha` mean `ha`: an operator with nothing on one side is dropped."""
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_OPERATOR.sub("", _TRAILING_OPERATOR.sub("", text))
    return text


def fallback_words(text: str) -> wq.Query:
    """A query that fails to parse still searches its words, AND-ed."""
    words = [w for w in SYLLABLE.findall(text) if w.lower() not in _OPERATOR_WORDS]
    return wq.And([wq.Term("body", w) for w in words]) if words else wq.NullQuery


def only_exclusions(text: str) -> bool:
    """True when every word of `text` is an exclusion (`-ha -giang`) or an operator: Whoosh
    parses such a query to nothing, and its words must not be searched in its place."""
    words = text.split()
    return any(w.startswith("-") for w in words) and all(
        w.startswith("-") or w.upper() in OPERATORS for w in words
    )
