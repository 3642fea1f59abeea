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

from index.errors import TimTinError
from index.highlight import find_matches, reader_html, snippet_html
from index.log import logger
from index.progress import CancelCheck
from index.query.plan import QueryPlan, plan_query
from index.query.suggest import did_you_mean, typed_without_input_method, variants_of
from index.query.vocabulary import Vocabulary
from index.ranking.cancellable_collector import CancellableCollector
from index.ranking.fast_rank import FastRanker
from index.ranking.scoring import ranking_weighting
from index.result_cache import ResultCache
from index.results import Hit, ReaderView, SearchResult, SortOrder
from index.storage.checksums import damaged_segments, mark_damaged
from index.storage.open_index import OpenedIndex, open_or_create, opened_segments, searcher_for
from index.storage.whoosh_types import StoredFields, WhooshSearcher
from index.text.documents import DocumentText, read_text
from index.text.normalize import normalize_text

log = logger(__name__)


class Engine:
    """Search over one on-disk index; create it empty if it does not exist yet."""

    def __init__(self, index_dir: str | os.PathLike[str]) -> None:
        self.index_dir = Path(index_dir)
        self._lock = threading.RLock()
        self._opened: OpenedIndex = open_or_create(self.index_dir)
        self._searcher: WhooshSearcher = searcher_for(self._opened, ranking_weighting())
        self._vocabulary: Vocabulary | None = None
        self._results = ResultCache()
        self._fast = FastRanker(self.index_dir)

    @property
    def needs_rebuild(self) -> bool:
        """True when the index was outdated or broken and now waits for a rebuild."""
        return self._opened.needs_rebuild

    @property
    def roots(self) -> list[str]:
        """The folders this index covers."""
        return list(self._opened.meta.roots)

    def refresh(self) -> None:
        """Pick up what another writer committed since this engine opened."""
        with self._lock:
            if self._opened.needs_rebuild:  # rebuilt meanwhile, or damaged segments left out
                self._reopen(open_or_create(self.index_dir))
                return
            fresh = self._searcher.refresh()
            if fresh is not self._searcher:
                self._use_searcher(fresh)

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

    def plan(self, query: str, *, exact: bool = False) -> QueryPlan:
        """What `query` searches for, as search, count and read all see it."""
        return self._understand(query).plan(exact)

    def _understand(self, query: str) -> _Understood:
        """The normalised query, read again as Telex/VNI where that has hits."""
        text = normalize_text(query).strip()
        vocabulary = self.vocabulary()
        corrected = typed_without_input_method(text, vocabulary) if text else ""
        return _Understood(corrected or text, corrected, vocabulary)

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
    ) -> SearchResult:
        """Ranked hits for `query`, each with a snippet and its match offsets.

        By relevance the total is exact: the fast ranker knows it as it ranks, and Whoosh's
        matchers score every match.  Sorted by date, Whoosh stops at the top `limit`, so the
        exact total takes a second, unranked pass, which `count=False` skips (`total` is then a
        lower bound and `total_exact` False; `count()` gets it later).  `cancelled` is asked while
        the search runs (raises SearchCancelled).  `exhaustive` ranks with Whoosh's matchers
        and its own BM25F, for checking that the fast ranker ranks alike.
        """
        started = time.perf_counter()
        sort = SortOrder(sort)
        key = (query, limit, exact, sort, exhaustive, count)
        with self._lock:
            cached = self._results.get(key)
        if cached is not None:
            return replace(cached, took_ms=_elapsed_ms(started))
        understood = self._understand(query)
        plan = understood.plan(exact)
        vocabulary, corrected = understood.vocabulary, understood.corrected
        if plan.is_empty or limit <= 0:
            return SearchResult(query, 0, _elapsed_ms(started), [])
        try:
            scored, ranked, exact_total = self._ranked(plan, limit, sort, cancelled, exhaustive)
        except TimTinError:
            raise
        except Exception as error:  # Whoosh failing on a damaged file: find it, leave it out
            if not self._leave_out_damage(error):
                raise
            scored, ranked, exact_total = self._ranked(plan, limit, sort, cancelled, exhaustive)
        if exact_total:
            total = scored
        else:
            total = self._count(plan) if count and scored >= limit else scored
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
            corrected_query=corrected,
            suggestion=suggestion,
            total_exact=exact_total,
        )
        with self._lock:
            self._results.put(key, result)
        return result

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

    def count(self, query: str, *, exact: bool = False) -> int:
        """How many documents match `query` (the exact total `search(count=False)` skipped)."""
        plan = self.plan(query, exact=exact)
        return 0 if plan.is_empty else self._count(plan)

    def _count(self, plan: QueryPlan) -> int:
        with self._lock:
            counted = self._fast.count(self._searcher, plan.match)
            if counted is not None:
                return counted
            return sum(1 for _ in self._searcher.docs_for_query(plan.match))

    def _ranked(
        self,
        plan: QueryPlan,
        limit: int,
        sort: SortOrder,
        cancelled: CancelCheck | None,
        exhaustive: bool,
    ) -> tuple[int, list[tuple[float, StoredFields]], bool]:
        """(documents counted; the top hits with their fields; whether the count is exact)."""
        with self._lock:
            searcher = self._searcher
            if not exhaustive and sort is SortOrder.RELEVANCE:
                fast = self._fast.rank(searcher, plan.query, limit, cancelled)
                if fast is not None:
                    stored = searcher.stored_fields
                    return fast.total, [(score, stored(doc)) for score, doc in fast.top], True
            if exhaustive:
                searcher = self._opened.index.searcher(weighting=ranking_weighting(stock_bm25=True))
            try:
                results, exact_total = self._collect(searcher, plan.query, limit, sort, cancelled)
                hits: list[tuple[float, StoredFields]] = [
                    (float(hit.score or 0.0), dict(hit.fields())) for hit in results[:limit]
                ]
                return len(results), hits, exact_total
            finally:
                if exhaustive:
                    searcher.close()

    @staticmethod
    def _collect(
        searcher: WhooshSearcher,
        query: wq.Query,
        limit: int,
        sort: SortOrder,
        cancelled: CancelCheck | None,
    ) -> tuple[Any, bool]:
        """Whoosh's results and whether their length is the exact total.

        By relevance every match is scored: Whoosh's top-N collection lets `ANDMAYBE` drop
        ranking tiers of some documents (a document with a title hit ranked without it).
        """
        options: dict[str, Any] = {"limit": None, "optimize": False}
        if sort is SortOrder.DATE:
            options.update(limit=limit, sortedby="date_key", reverse=True)
        collector = searcher.collector(**options)
        if cancelled is not None:
            collector = CancellableCollector(collector, cancelled)
        searcher.search_with_collector(query, collector)
        return collector.results(), sort is not SortOrder.DATE

    def _hit(self, stored: StoredFields, score: float, plan: QueryPlan) -> Hit:
        path = stored["path"]
        try:
            document = read_text(Path(path))
        except Exception as error:  # moved or changed since indexing: still list it
            log.info("cannot re-read %s for its snippet: %s", path, error)
            document = DocumentText(stored.get("title", ""), "", stored.get("kind", "txt"))
        matches = find_matches(document.text, plan.patterns)
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

    def read(self, path: str, query: str = "", *, exact: bool = False) -> ReaderView:
        """One whole document as HTML, every match of `query` marked and numbered."""
        document = read_text(Path(path))
        plan = self.plan(query, exact=exact)
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


@dataclass(frozen=True)
class _Understood:
    """A query as the engine reads it: the text it searches, and the correction if any."""

    text: str
    corrected: str
    vocabulary: Vocabulary

    def plan(self, exact: bool) -> QueryPlan:
        return plan_query(self.text, self.vocabulary, exact=exact)


def _elapsed_ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0
