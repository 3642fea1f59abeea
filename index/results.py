"""Plain result objects the engine hands to the CLI, the window and the tests.

No Whoosh or Qt types leak out of the engine: everything here is data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SortOrder(StrEnum):
    """How hits are ordered; the values, and `newest`, are the CLI's `--sort` choices."""

    RELEVANCE = "relevance"
    DATE = "date"  # newest first; "date" is the CLI's and the settings' older spelling
    NEWEST = "date"  # the same order by its plain name (an alias: not listed apart)
    OLDEST = "oldest"  # undated documents last
    NAME = "name"  # by file name, accents and case aside

    @classmethod
    def _missing_(cls, value: object) -> SortOrder | None:
        return cls.DATE if value == "newest" else None


SORT_CHOICES = (*(order.value for order in SortOrder), "newest")


@dataclass(frozen=True)
class Variant:
    """One accented form of an unaccented query word, with how many documents hold it."""

    word: str
    form: str
    doc_count: int


@dataclass(frozen=True)
class Completion:
    """A whole word the prefix being typed was read as, with how many documents hold it."""

    word: str
    doc_count: int


@dataclass(frozen=True)
class Hit:
    """One ranked document: where it is, what it is, and where the query matched it."""

    path: str
    title: str
    date: str
    score: float
    snippet: str
    matches: list[tuple[int, int]]
    folder: str = ""
    encoding: str = "utf-8"
    kind: str = "txt"
    pages: list[int] = field(default_factory=list)  # 1-based pages holding matches (paged)


@dataclass(frozen=True)
class SearchResult:
    """The answer to one query: ranked hits plus what the engine learned about the query."""

    query: str
    total: int
    took_ms: float
    hits: list[Hit]
    variants: list[Variant] = field(default_factory=list)
    corrected_query: str = ""
    suggestion: str = ""
    total_exact: bool = True
    no_exact_match: list[str] = field(default_factory=list)  # exact mode: words never as typed
    completions: list[Completion] = field(default_factory=list)  # typing: the last prefix read as

    def to_json(self) -> dict[str, object]:
        """The contract shape of `timtin search --json`."""
        payload: dict[str, object] = {
            "query": self.query,
            "total": self.total,
            "took_ms": round(self.took_ms, 3),
            "hits": [
                {
                    "path": hit.path,
                    "title": hit.title,
                    "date": hit.date,
                    "score": round(hit.score, 4),
                    "snippet": hit.snippet,
                    "matches": [list(span) for span in hit.matches],
                    **({"pages": hit.pages} if hit.pages else {}),
                }
                for hit in self.hits
            ],
        }
        if self.variants:
            payload["variants"] = [
                {"word": v.word, "form": v.form, "count": v.doc_count} for v in self.variants
            ]
        if self.corrected_query:
            payload["corrected_query"] = self.corrected_query
        if self.suggestion:
            payload["suggestion"] = self.suggestion
        if self.no_exact_match:
            payload["no_exact_match"] = self.no_exact_match
        if self.completions:
            payload["completions"] = [
                {"word": c.word, "count": c.doc_count} for c in self.completions
            ]
        return payload


@dataclass(frozen=True)
class ReaderView:
    """One whole document prepared for reading: escaped HTML with numbered match anchors."""

    path: str
    title: str
    date: str
    html: str
    match_count: int
    matches: list[tuple[int, int]]
    encoding: str = "utf-8"
    kind: str = "txt"
    page_starts: tuple[int, ...] = ()


@dataclass(frozen=True)
class SkippedFile:
    """A file the indexer could not take, and why."""

    path: str
    reason: str


@dataclass
class IndexReport:
    """What one indexing run did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    cancelled: bool = False
    repaired: list[str] = field(default_factory=list)  # damaged segments rewritten, and why

    @property
    def changed(self) -> bool:
        """True when the run added, updated or removed any document."""
        return bool(self.added or self.updated or self.removed)


@dataclass(frozen=True)
class Progress:
    """Where a running indexing job is: `done` of `total` files, the current one named."""

    done: int
    total: int
    current: str = ""
