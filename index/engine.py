"""The search engine a reader talks to: open an index, rank, highlight, read one document.

Thread-safe: one long-lived searcher shared behind a lock, reopened when the index changes.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from whoosh import query as wq

from index.errors import Cancelled, TimTinError
from index.highlight import find_matches, reader_html, snippet_html
from index.log import logger
from index.progress import CancelCheck
from index.query.complete import Completer
from index.query.filters import Filters, allowed_docs, split_filters
from index.query.plan import QueryPlan, plan_query
from index.query.suggest import did_you_mean, typed_without_input_method, variants_of
from index.query.vocabulary import Vocabulary
from index.ranking.cancellable_collector import CancellableCollector
from index.ranking.fast_rank import FastRanker
from index.ranking.scoring import ranking_weighting
from index.ranking.sort_orders import NameKeys, sort_facet
from index.reading import ReaderDocument, split_parts
from index.result_cache import ResultCache
from index.results import Completion, Hit, ReaderView, SearchResult, SortOrder
from index.storage.checksums import damaged_segments, mark_damaged
from index.storage.metadata import read_meta
from index.storage.open_index import OpenedIndex, open_or_create, opened_segments, searcher_for
from index.storage.whoosh_types import StoredFields, WhooshSearcher
from index.text.documents import DocumentText, read_text
from index.text.normalize import normalize_text

log = logger(__name__)
# A hit of a document longer than HIT_FULL_CHARS lists (and its snippet weighs) only its first
# HIT_MATCHES matches: finding all of a 16M-character text's took seconds per hit.
HIT_FULL_CHARS = 1 << 20
HIT_MATCHES = 1_000
_FILTERS_KEPT = 16  # filters whose documents are remembered per index generation
Allowed = frozenset[int] | None  # the documents a filter lets through; None: every one


class Engine:
    """Search over one on-disk index; create it empty if it does not exist yet."""

    def __init__(self, index_dir: str | os.PathLike[str]) -> None:
        self.index_dir = Path(index_dir)
        self._lock = threading.RLock()
        self._opened: OpenedIndex = open_or_create(self.index_dir, keep_reader=True)
        self._searcher: WhooshSearcher = searcher_for(self._opened, ranking_weighting())
        self._vocabulary: Vocabulary | None = None
        self._results = ResultCache()
        self._fast = FastRanker(self.index_dir)
        self._allowed: dict[tuple[Filters, ...], Allowed] = {}
        self._names = NameKeys()

    @property
    def needs_rebuild(self) -> bool:
        """True when the index was outdated or broken and now waits for a rebuild."""
        return self._opened.needs_rebuild

    @property
    def roots(self) -> list[str]:
        """The folders this index covers, as last recorded (another writer may add some)."""
        recorded = read_meta(Path(self.index_dir))
        return list((recorded or self._opened.meta).roots)

    def kinds(self) -> list[str]:
        """The file types (`txt`, `pdf` …) of the indexed documents, for a `type:` filter."""
        with self._lock:
            terms = [term for term, _ in self._searcher.reader().iter_field("kind")]
        return sorted(t.decode("utf-8") if isinstance(t, bytes) else str(t) for t in terms)

    def refresh(self) -> None:
        """Pick up what another writer committed since this engine opened."""
        with self._lock:
            if self._opened.needs_rebuild:  # rebuilt meanwhile, or damaged segments left out
                self._reopen(open_or_create(self.index_dir, keep_reader=True))
                return
            fresh = self._searcher.refresh()
            if fresh is not self._searcher:
                self._use_searcher(fresh)

    def _follow_writers(self) -> bool:
        """Search what writers last committed; True if the searcher was behind.

        Another process (the watcher, `timtin index`) may commit at any time, and a commit
        that merges segments deletes the files this searcher would open next."""
        with self._lock:
            try:
                if self._searcher.up_to_date():
                    return False
            except OSError as error:  # the folder went away: searching says so
                log.info("cannot see the index's newest generation: %s", error)
                return False
            self.refresh()
            return True

    def _reopen(self, opened: OpenedIndex) -> None:
        """Search `opened` from now on, its damaged segments left out."""
        self._opened = opened
        self._searcher.close()
        self._use_searcher(searcher_for(opened, ranking_weighting()))

    def _use_searcher(self, searcher: WhooshSearcher) -> None:
        """A new index generation: what was learnt of the old one is forgotten."""
        self._searcher = searcher
        self._vocabulary = None
        self._results.clear()
        self._allowed.clear()
        self._names.clear()

    def clear_result_cache(self) -> None:
        """Forget recent answers (the benchmark measures every search at full price)."""
        with self._lock:
            self._results.clear()

    def close(self) -> None:
        """Release the searcher and the postings copies; the engine is not used after."""
        with self._lock:
            self._searcher.close()
            self._fast.close()

    def doc_count(self) -> int:
        """How many live documents the index holds."""
        with self._lock:
            return int(self._searcher.doc_count())

    def vocabulary(self) -> Vocabulary:
        """Accent-exact forms in the index, built once per index generation."""
        with self._lock:
            if self._vocabulary is None:
                self._vocabulary = Vocabulary.from_reader(
                    self._searcher.reader(), cache_dir=self.index_dir
                )
            return self._vocabulary

    def plan(self, query: str, *, exact: bool = False, typing: bool = False) -> QueryPlan:
        """What `query` searches for, as search, count and read all see it.

        `typing`: the query is being typed, its unfinished last word a prefix."""
        return self._understand(query).plan(exact, self._completer(query, typing))

    def _completer(self, query: str, typing: bool) -> Completer | None:
        """What completes the last word of a query being typed; None when it is finished."""
        if not typing or not query or query[-1].isspace():
            return None
        with self._lock:
            return Completer(self.vocabulary(), self._searcher.reader(), self._lock)

    def _understand(self, query: str) -> _Understood:
        """The normalised query, its filter fields apart, read again as Telex/VNI where that
        has hits."""
        fields, text, typed_fields = split_filters(normalize_text(query).strip())
        vocabulary = self.vocabulary()
        corrected = typed_without_input_method(text, vocabulary) if text else ""
        return _Understood(corrected or text, corrected, vocabulary, fields, typed_fields)

    def _allowed_by(self, filters: tuple[Filters, ...]) -> Allowed:
        """The documents all of `filters` let through, remembered for this index generation."""
        if not any(chosen.active for chosen in filters):
            return None
        with self._lock:
            if filters not in self._allowed:
                if len(self._allowed) >= _FILTERS_KEPT:
                    self._allowed.clear()
                self._allowed[filters] = allowed_docs(self._searcher, *filters)
            return self._allowed[filters]

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        exact: bool = False,
        sort: SortOrder | str = SortOrder.RELEVANCE,
        cancelled: CancelCheck | None = None,
        exhaustive: bool = False,
        count: bool = True,
        filters: Filters | None = None,
        typing: bool = False,
    ) -> SearchResult:
        """Ranked hits for `query`, each with a snippet and its match offsets.

        By relevance the total is exact: the fast ranker knows it as it ranks, and Whoosh's
        matchers score every match.  Sorted by date, Whoosh stops at the top `limit`, so the
        exact total takes a second, unranked pass, which `count=False` skips (`total` is then a
        lower bound and `total_exact` False; `count()` gets it later).  `cancelled` is asked while
        the search runs (raises SearchCancelled).  `exhaustive` ranks with Whoosh's matchers
        and its own BM25F, for checking that the fast ranker ranks alike.

        Only documents that `filters` and the query's own fields (`date:2025-10`, `type:pdf`,
        `folder:…`) let through are ranked and counted; the rest of the query is what ranks
        and is marked.  Fields alone list every document they let through, newest first.

        `typing`: the query is being typed; its last word, with no space after it, is read as
        the whole words it most likely is (listed in `completions`).
        """
        started = time.perf_counter()
        self._follow_writers()
        sort = SortOrder(sort)
        filters = filters or Filters()
        key = (query, limit, exact, sort, exhaustive, count, filters, typing)
        with self._lock:
            cached = self._results.get(key)
        if cached is not None:
            return replace(cached, took_ms=_elapsed_ms(started))
        understood = self._understand(query)
        plan = understood.plan(exact, self._completer(query, typing))
        vocabulary, corrected = understood.vocabulary, understood.corrected
        if plan.is_empty or limit <= 0:
            return SearchResult(query, 0, _elapsed_ms(started), [])
        if understood.lists_only and sort is SortOrder.RELEVANCE:
            sort = SortOrder.DATE  # nothing to rank by: the newest first
        chosen = (filters, understood.filters)

        def ranked_now() -> tuple[int, list[tuple[float, StoredFields]], bool, Allowed]:
            allowed = self._allowed_by(chosen)
            return *self._ranked(plan, limit, sort, cancelled, exhaustive, allowed), allowed

        try:
            scored, ranked, exact_total, allowed = ranked_now()
        except TimTinError:
            raise
        except Exception as error:  # a writer merged the segments away, or a damaged file
            if not self._follow_writers() and not self._leave_out_damage(error):
                raise
            scored, ranked, exact_total, allowed = ranked_now()
        if exact_total:
            total = scored
        else:
            total = self._count(plan, allowed) if count and scored >= limit else scored
            exact_total = count or scored < limit
        hits = [self._hit(stored, score, plan) for score, stored in ranked]
        variants = variants_of(plan.words, vocabulary)
        suggestion = did_you_mean(understood.text, vocabulary) if total == 0 else ""
        result = SearchResult(
            query,
            total,
            _elapsed_ms(started),  # everything above counts, suggestions included
            hits,
            variants=variants,
            corrected_query=understood.with_fields(corrected),
            suggestion=understood.with_fields(suggestion),
            total_exact=exact_total,
            no_exact_match=plan.no_exact_match,
            completions=self._completions(plan.completions),
        )
        with self._lock:
            self._results.put(key, result)
        return result

    def _completions(self, words: list[str]) -> list[Completion]:
        """The words a prefix was read as, with their document counts, most used first."""
        if not words:
            return []
        with self._lock:
            reader = self._searcher.reader()
            counted = [Completion(word, reader.doc_frequency("body", word)) for word in words]
        return sorted(counted, key=lambda c: -c.doc_count)

    def _leave_out_damage(self, error: Exception) -> bool:
        """After a failure inside Whoosh: check every segment file's checksum; if some are
        damaged, search without those segments from now on (the next indexing run rewrites
        them) and say True.  The cheap check at open reads only sizes and small files."""
        with self._lock:
            segments = opened_segments(self._opened.index)
            damaged = damaged_segments(self.index_dir, segments, full=True)
            if not damaged:
                return False
            with contextlib.suppress(OSError):  # a read-only index: searching still works
                mark_damaged(self.index_dir, damaged)
            log.warning("searching without damaged segments after %r: %s", error, damaged)
            self._reopen(replace(self._opened, needs_rebuild=True, damaged=damaged))
            return True

    def count(
        self,
        query: str,
        *,
        exact: bool = False,
        filters: Filters | None = None,
        typing: bool = False,
    ) -> int:
        """How many documents match `query` (the exact total `search(count=False)` skipped),
        of those `filters` and the query's fields let through."""
        self._follow_writers()
        understood = self._understand(query)
        plan = understood.plan(exact, self._completer(query, typing))
        if plan.is_empty:
            return 0
        return self._count(plan, self._allowed_by((filters or Filters(), understood.filters)))

    def _count(self, plan: QueryPlan, allowed: Allowed = None) -> int:
        with self._lock:
            if allowed is not None and isinstance(plan.match, wq.Every):
                return len(allowed)
            counted = self._fast.count(self._searcher, plan.match, allowed)
            if counted is not None:
                return counted
            docs = self._searcher.docs_for_query(plan.match)
            if allowed is None:
                return sum(1 for _ in docs)
            return sum(1 for doc in docs if doc in allowed)

    def _ranked(
        self,
        plan: QueryPlan,
        limit: int,
        sort: SortOrder,
        cancelled: CancelCheck | None,
        exhaustive: bool,
        allowed: Allowed = None,
    ) -> tuple[int, list[tuple[float, StoredFields]], bool]:
        """(documents counted; the top hits with their fields; whether the count is exact),
        of the `allowed` documents only when given."""
        with self._lock:
            searcher = self._searcher
            if not exhaustive and sort is SortOrder.RELEVANCE:
                fast = self._fast.rank(searcher, plan.query, limit, cancelled, allowed)
                if fast is not None:
                    stored = searcher.stored_fields
                    return fast.total, [(score, stored(doc)) for score, doc in fast.top], True
            if exhaustive:
                searcher = self._opened.index.searcher(weighting=ranking_weighting(stock_bm25=True))
            try:
                results, exact_total = self._collect(
                    searcher, plan.query, limit, sort, cancelled, allowed
                )
                hits: list[tuple[float, StoredFields]] = [  # sorted, a hit's score is its key
                    (float(hit.score or 0.0) if exact_total else 0.0, dict(hit.fields()))
                    for hit in results[:limit]
                ]
                return len(results), hits, exact_total
            finally:
                if exhaustive:
                    searcher.close()

    def _collect(
        self,
        searcher: WhooshSearcher,
        query: wq.Query,
        limit: int,
        sort: SortOrder,
        cancelled: CancelCheck | None,
        allowed: Allowed,
    ) -> tuple[Any, bool]:
        """Whoosh's results and whether their length is the exact total.

        By relevance every match is scored: Whoosh's top-N collection lets `ANDMAYBE` drop
        ranking tiers of some documents (a document with a title hit ranked without it).
        """
        options: dict[str, Any] = {"limit": None, "optimize": False}
        ranked = sort is SortOrder.RELEVANCE
        if not ranked:
            facet, reverse = sort_facet(sort, self._names)
            options.update(limit=limit, sortedby=facet, reverse=reverse)
        collector = searcher.collector(**options)
        if cancelled is not None or allowed is not None:
            collector = CancellableCollector(collector, cancelled, allowed)
        searcher.search_with_collector(query, collector)
        return collector.results(), ranked

    def _hit(self, stored: StoredFields, score: float, plan: QueryPlan) -> Hit:
        path = stored["path"]
        try:
            document = read_text(Path(path))
        except Exception as error:  # moved or changed since indexing: still list it
            log.info("cannot re-read %s for its snippet: %s", path, error)
            document = DocumentText(stored.get("title", ""), "", stored.get("kind", "txt"))
        # A giant document's matches cost seconds to find: the hit takes only the first ones
        # (the reader finds them all).
        giant = len(document.text) > HIT_FULL_CHARS
        matches = find_matches(document.text, plan.patterns, limit=HIT_MATCHES if giant else None)
        return Hit(
            path=path,
            title=stored.get("title", "") or Path(path).name,
            date=stored.get("date", ""),
            score=float(score),
            snippet=snippet_html(document.text, matches),
            matches=matches,
            folder=str(Path(path).parent),
            encoding=stored.get("encoding", ""),
            kind=stored.get("kind", "txt"),
            pages=sorted({document.page_of(start) for start, _ in matches} - {0}),
        )

    def read(
        self, path: str, query: str = "", *, exact: bool = False, typing: bool = False
    ) -> ReaderView:
        """One whole document as HTML, every match of `query` marked and numbered."""
        document = read_text(Path(path))
        plan = self.plan(query, exact=exact, typing=typing)
        matches = find_matches(document.text, plan.patterns)
        return ReaderView(
            path=path,
            title=document.title or Path(path).name,
            date=document.date,
            html=reader_html(document.text, matches),
            match_count=len(matches),
            matches=matches,
            encoding=document.encoding,
            kind=document.kind,
            page_starts=document.page_starts,
        )

    def open_document(
        self,
        path: str,
        query: str = "",
        *,
        exact: bool = False,
        typing: bool = False,
        cancelled: CancelCheck | None = None,
    ) -> ReaderDocument:
        """One document to read part by part, every match of `query` numbered, the part
        holding the first match prepared; raises Cancelled when `cancelled()` says so."""

        def check() -> None:
            if cancelled is not None and cancelled():
                raise Cancelled("a newer document or search superseded this one")

        document = read_text(Path(path))
        check()
        plan = self.plan(query, exact=exact, typing=typing)
        # A piece at a time (a limit no text reaches): no one C call holds the interpreter
        # long, so the window's thread keeps turning while a giant text is searched.
        matches = find_matches(document.text, plan.patterns, limit=len(document.text) + 1)
        check()
        opened = ReaderDocument(
            path=path,
            title=document.title or Path(path).name,
            date=document.date,
            text=document.text,
            matches=matches,
            parts=split_parts(document.text, matches, document.page_starts),
            encoding=document.encoding,
            kind=document.kind,
            page_starts=document.page_starts,
        )
        return opened.showing(opened.part_holding(1))


@dataclass(frozen=True)
class _Understood:
    """A query as the engine reads it: the text it searches, and the correction if any."""

    text: str
    corrected: str
    vocabulary: Vocabulary
    filters: Filters  # what its fields (`date:2025`, `type:pdf` …) ask for
    fields: str  # those fields as typed

    @property
    def lists_only(self) -> bool:
        """True when only fields were typed: every document they let through is a hit."""
        return not self.text and self.filters.active

    def plan(self, exact: bool, completer: Completer | None = None) -> QueryPlan:
        if self.lists_only:
            return QueryPlan(wq.Every(), match=wq.Every())
        return plan_query(self.text, self.vocabulary, exact=exact, completer=completer)

    def with_fields(self, text: str) -> str:
        """A query the engine suggests (a correction), the typed fields kept after it."""
        return f"{text} {self.fields}" if text and self.fields else text


def _elapsed_ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0
