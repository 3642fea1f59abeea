"""From what the user typed to a Whoosh query plan: what must match, what ranks higher.

Whoosh syntax is parsed on accent-exact words; every word then matches folded, and ranks
its accent-exact forms, title hits and neighbouring syllables (shingles) above the rest.
"""

from __future__ import annotations

import fnmatch
import itertools
import re
from dataclasses import dataclass, field

from whoosh import query as wq

from index.log import logger
from index.query.complete import Completer, Completions, TypedPrefix, split_typed
from index.query.parse import EXACT_OPERATOR, fallback_words, only_exclusions, parse
from index.query.patterns import Pattern, Step
from index.query.vocabulary import Vocabulary
from index.text.fold import fold
from index.text.marks import has_any_mark, stands_for
from index.text.terms import exact_form, exact_syllables, shingles, syllable_spans

log = logger(__name__)

# Ranking is lexicographic: words found as typed (accents), then neighbouring syllables, then
# title words, then BM25 over the body.  Tier fields score presence (index.ranking.scoring), times
# these units, so a short document's BM25 never overtakes a tier: each unit is above the most
# all lower tiers can add.
# (Lexicographic for queries of up to nine words: BM25 over nine words stays under 1,000.)
EXACT_SCORE = 1_000_000.0  # the word exactly as typed
PARTIAL_SCORE = 500_000.0  # typed marks held, tone free (`bân` → bấn), when not as typed
SHINGLE_SCORE = 10_000.0
TITLE_SCORE = 1_000.0

_EXACT_FIELD = {"body": "body_exact", "title": "title_exact"}
# A term no document holds (no syllable is empty): a clause that can never match.
_NOTHING = wq.Term("body_exact", "")


@dataclass
class QueryPlan:
    """A parsed query: the Whoosh query that ranks, the one that decides what matches (for
    counting), and what to highlight."""

    query: wq.Query
    patterns: list[Pattern] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    match: wq.Query = wq.NullQuery
    no_exact_match: list[str] = field(default_factory=list)  # exact words the index lacks
    completions: list[str] = field(default_factory=list)  # typing: what the last prefix is

    @property
    def is_empty(self) -> bool:
        """True when the query asks for nothing (empty, only operators or exclusions)."""
        return self.query is wq.NullQuery


class _Planner:
    """Turns a parsed query tree into the folded/exact query, collecting boosts and patterns."""

    def __init__(self, vocabulary: Vocabulary, exact: bool, text: str = "") -> None:
        self.vocabulary = vocabulary
        self.exact = exact
        # The syllable pairs the query's text joins, cut as a document's text is cut.
        folded = fold(text)
        self.joined = {term for _, _, term in shingles(folded, syllable_spans(folded))}
        self.boosts: list[wq.Query] = []
        self.patterns: list[Pattern] = []
        self.words: list[str] = []
        self.no_exact_match: list[str] = []

    def forms(self, typed: str, exact: bool) -> list[str]:
        return [
            form
            for form, _ in self.vocabulary.forms_of(fold(typed))
            if stands_for(typed, form, exact=exact)
        ]

    def word_step(self, typed: str, exact: bool) -> Step:
        if exact:
            return Step(exact=True, words=frozenset(self.forms(typed, exact)))
        return Step(words=frozenset({fold(typed)}))

    def word_match(self, field_name: str, typed: str, exact: bool) -> wq.Query:
        folded = wq.Term(field_name, fold(typed))
        if exact:
            terms = [wq.Term(_EXACT_FIELD[field_name], f) for f in self.forms(typed, exact)]
            if not terms:
                # No document holds the word as typed: this AND matches nothing (a NullQuery
                # would be dropped from it, and the stricter mode would find more).
                if typed not in self.no_exact_match:
                    self.no_exact_match.append(typed)
                return _NOTHING
            # The exact forms decide the match; the folded term brings BM25 to the ranking.
            return wq.And([wq.Or(terms), folded])
        return folded

    def add_word_boosts(self, field_name: str, typed: str, exact: bool) -> None:
        folded = fold(typed)
        if not exact and has_any_mark(typed):
            # One tier however many matching forms a document holds (DisjunctionMax takes
            # the best; it ignores a boost of its own, so each term carries it).
            field = _EXACT_FIELD[field_name]
            terms = [
                wq.Term(field, f, boost=EXACT_SCORE if f == typed else PARTIAL_SCORE)
                for f in self.forms(typed, exact)
            ]
            if terms:
                self.boosts.append(wq.DisjunctionMax(terms))
        if field_name == "body":
            self.boosts.append(wq.Term("title", folded, boost=TITLE_SCORE))

    def convert(self, node: wq.Query, positive: bool = True) -> wq.Query:
        if isinstance(node, wq.Phrase):
            return self.phrase(node.fieldname, list(node.words), positive)
        if isinstance(node, (wq.Prefix, wq.Wildcard)):
            return self.pattern_term(node, positive)
        if isinstance(node, wq.Term):
            return self.term(node.fieldname, str(node.text), positive)
        if isinstance(node, wq.Not):
            return wq.Not(self.convert(node.query, positive=False))
        if isinstance(node, wq.AndNot):
            return wq.AndNot(self.convert(node.a, positive), self.convert(node.b, False))
        if isinstance(node, wq.AndMaybe):
            return wq.AndMaybe(self.convert(node.a, positive), self.convert(node.b, positive))
        if isinstance(node, (wq.And, wq.Or, wq.DisjunctionMax, wq.Ordered)):
            children = [self.convert(child, positive) for child in node.subqueries]
            kind = wq.Or if isinstance(node, (wq.Or, wq.DisjunctionMax)) else wq.And
            return kind(children).normalize()
        return wq.NullQuery  # ranges, Every, fuzzy syntax: nothing a reader means by a word

    def _field_and_mode(self, field_name: str) -> tuple[str, bool]:
        if field_name == EXACT_OPERATOR:
            return "body", True
        return field_name, self.exact

    def term(self, field_name: str, typed: str, positive: bool) -> wq.Query:
        syllables = exact_syllables(typed)
        if len(syllables) != 1:
            return self.phrase(field_name, syllables, positive) if syllables else wq.NullQuery
        typed = syllables[0]
        field_name, exact = self._field_and_mode(field_name)
        if positive:
            self.patterns.append((self.word_step(typed, exact),))
            self.add_word_boosts(field_name, typed, exact)
            self.words.append(typed)
        return self.word_match(field_name, typed, exact)

    def phrase(self, field_name: str, words: list[str], positive: bool) -> wq.Query:
        typed = [s for word in words for s in exact_syllables(word)]
        if len(typed) < 2:
            return self.term(field_name, typed[0], positive) if typed else wq.NullQuery
        field_name, exact = self._field_and_mode(field_name)
        if positive:
            self.patterns.append(tuple(self.word_step(w, exact) for w in typed))
            for word in typed:
                self.add_word_boosts(field_name, word, exact)
        folded = [fold(w) for w in typed]
        if field_name != "body":
            return wq.Phrase(field_name, folded)
        # Neighbouring pairs stand for the phrase: exact for two syllables, and for longer
        # phrases every pair must stand somewhere (the highlighter marks only true runs).
        # A pair the query's own text does not join (`"Nga, Việt Nam"`: a comma and a space)
        # is no pair in a document either: its words are only both required.
        pairs: list[wq.Query] = []
        for (a, b), (word_a, word_b) in zip(
            itertools.pairwise(folded), itertools.pairwise(typed), strict=True
        ):
            if f"{a} {b}" in self.joined:
                pairs.append(wq.Term("shingles", f"{a} {b}"))
            else:
                pairs += [self.word_match(field_name, w, exact) for w in (word_a, word_b)]
        if exact:
            pairs += [self.word_match(field_name, w, exact) for w in typed]
        return wq.And(pairs)

    def pattern_term(self, node: wq.Query, positive: bool) -> wq.Query:
        raw = str(node.text)
        field_name, exact = self._field_and_mode(node.fieldname)
        use_exact = exact and has_any_mark(raw)
        text = raw.lower() if use_exact else fold(raw)
        if not text.strip("*?"):
            return wq.NullQuery  # a lone `*` would match every document
        target = _EXACT_FIELD[field_name] if use_exact else field_name
        if isinstance(node, wq.Prefix):
            step = Step(exact=use_exact, prefix=text)
            result: wq.Query = wq.Prefix(target, text)
        else:
            step = Step(exact=use_exact, glob=re.compile(fnmatch.translate(text)))
            result = wq.Wildcard(target, text)
        if positive:
            self.patterns.append((step,))
        return result

    def completion(self, typed: TypedPrefix, found: Completions) -> wq.Query:
        """What the unfinished last word matches: any of its completions (in exact mode, their
        forms that begin as typed); completions right after the previous word rank higher."""
        prefix = exact_form(typed.prefix)
        if self.exact:
            forms = [
                form
                for word in found.words
                for form, _ in self.vocabulary.forms_of(word)
                if stands_for(prefix, form[: len(prefix)], exact=True)
            ]
            self.patterns.append((Step(exact=True, words=frozenset(forms)),))
            if not forms:
                self.no_exact_match.append(typed.prefix)
                return _NOTHING
            return wq.Or([wq.Term("body_exact", form) for form in forms])
        # Marked: the completions that follow the previous word, where there are some (what
        # the user is heading toward), else every completion.
        self.patterns.append((Step(words=frozenset(found.following or found.words)),))
        if not found.words:
            return _NOTHING
        if has_any_mark(prefix):  # `tịc`: tịch as typed ranks above tích
            self.boosts.append(
                wq.DisjunctionMax(
                    [
                        wq.Term("body_exact", form, boost=self._prefix_score(prefix, form))
                        for word in found.words
                        for form, _ in self.vocabulary.forms_of(word)
                        if stands_for(prefix, form[: len(prefix)], exact=False)
                    ]
                    or [_NOTHING]
                )
            )
        if found.following:  # one tier: the previous word stands with some completion
            self.boosts.append(
                wq.DisjunctionMax(
                    [
                        wq.Term("shingles", f"{typed.previous} {word}", boost=SHINGLE_SCORE)
                        for word in found.following
                    ]
                )
            )
        self.boosts.append(
            wq.DisjunctionMax([wq.Term("title", w, boost=TITLE_SCORE) for w in found.words])
        )
        # Any completion matches; a document scores by its likeliest one, not by how many.
        return wq.DisjunctionMax(
            [wq.Term("body", word, boost=found.weight(word)) for word in found.words]
        )

    @staticmethod
    def _prefix_score(prefix: str, form: str) -> float:
        return EXACT_SCORE if form.startswith(prefix) else PARTIAL_SCORE

    def shingle_boosts(self, text: str) -> None:
        """Rank higher the documents holding the query's neighbouring words together, where
        the query's text joins them as a document's would (index.text.terms.shingles)."""
        wanted = {fold(w) for w in self.words}
        folded = fold(text)
        pairs = dict.fromkeys(
            term
            for _, _, term in shingles(folded, syllable_spans(folded))
            if all(part in wanted for part in term.split(" "))
        )
        self.boosts.extend(wq.Term("shingles", pair, boost=SHINGLE_SCORE) for pair in pairs)


def plan_query(
    text: str,
    vocabulary: Vocabulary,
    *,
    exact: bool = False,
    completer: Completer | None = None,
) -> QueryPlan:
    """Plan the search for `text` (already normalised) against an index's vocabulary.

    With a `completer` the text is being typed: its last word, with no space after it, is a
    prefix read as the whole words it most likely is (index.query.complete)."""
    if not text.strip():
        return QueryPlan(wq.NullQuery)
    typed = split_typed(text) if completer is not None else None
    planner, matcher = _planned_words(typed.head if typed else text, vocabulary, exact)
    completions: list[str] = []
    if typed is not None and completer is not None:
        found = completer.complete(typed.prefix, typed.previous)
        completions = found.words
        clause = planner.completion(typed, found)
        matcher = clause if matcher is wq.NullQuery else wq.And([matcher, clause]).normalize()
    if matcher is wq.NullQuery or _only_negative(matcher):
        return QueryPlan(wq.NullQuery)
    planner.shingle_boosts(text)
    missing = planner.no_exact_match
    final = wq.AndMaybe(matcher, wq.Or(planner.boosts)) if planner.boosts else matcher
    return QueryPlan(final, planner.patterns, planner.words, matcher, missing, completions)


def _planned_words(text: str, vocabulary: Vocabulary, exact: bool) -> tuple[_Planner, wq.Query]:
    """The planner that read `text` as whole words, and what must match (NullQuery: nothing)."""
    planner = _Planner(vocabulary, exact, text)
    if not text.strip():
        return planner, wq.NullQuery
    try:
        parsed = parse(text)
    except Exception as error:  # the parser is lenient, but a user's query must never crash
        log.info("query %r did not parse (%s); searching its words", text, error)
        parsed = fallback_words(text)
    matcher = planner.convert(parsed).normalize()
    if matcher is wq.NullQuery and not only_exclusions(text):
        # `-ha` asks for what `ha` is not: nothing to search for; anything else, its words
        retry = fallback_words(text)
        planner = _Planner(vocabulary, exact, text)
        matcher = wq.NullQuery if retry is wq.NullQuery else planner.convert(retry).normalize()
    return planner, matcher


def _only_negative(node: wq.Query) -> bool:
    if isinstance(node, wq.Not):
        return True
    if isinstance(node, wq.And):
        return all(_only_negative(child) for child in node.subqueries)
    return False
