"""The Tantivy peer (its Python package): same corpus, same folding (simple tokenizer, lowercase,
ASCII folding after đ→d), BM25 top 10 with SnippetGenerator snippets; the near-limit reference.

Queries are FTS5's own translations (to_match, to_prefix_match) read back into Tantivy queries.
"""

from __future__ import annotations

import importlib
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.corpus import iter_corpus_files
from bench.measure import disk_size
from bench.peer_fts5 import fold, to_match, to_prefix_match

ANALYZER = "vi_folded"
FIELDS = ("title", "body")
HEAP_BYTES = 128_000_000  # the package's default writer heap, split among its threads
PREFIX_TERMS = 50  # a typed prefix stands for its most frequent completions, as Tantivy's own
# PhrasePrefixQuery expands to at most 50 terms
NOTE = (
    "Tantivy (its Python package, in-process): fields path (raw, stored), title and body (simple "
    "tokenizer, lowercase, ASCII folding, after NFC and đ→d; stored for snippets); each query is "
    "FTS5's MATCH text read back, every phrase or word a term or phrase query in title or body, "
    "all AND-ed; BM25 top 10 with a SnippetGenerator snippet of the body (150 characters). Build: "
    "one writer (128 MB heap, the package's default threads), one commit, merges waited for; "
    "re-index: delete by path term, add, commit (file states kept in a side file, as FTS5 keeps "
    "them in a table)."
)
_FILES = "files.tsv"  # path, mtime_ns, size per line, appended to: the last line of a path wins
_MATCH_PART = re.compile(r'"((?:[^"]|"")*)"( \*)?')


def _tantivy() -> Any:
    """The package, imported when a phase runs: the bench works without it (a note says so)."""
    return importlib.import_module("tantivy")


def _analyzer() -> Any:
    t = _tantivy()
    builder = t.TextAnalyzerBuilder(t.Tokenizer.simple())
    return builder.filter(t.Filter.lowercase()).filter(t.Filter.ascii_fold()).build()


def _schema() -> Any:
    builder = _tantivy().SchemaBuilder()
    builder.add_text_field("path", stored=True, tokenizer_name="raw", index_option="basic")
    for name in FIELDS:
        builder.add_text_field(name, stored=True, tokenizer_name=ANALYZER)
    return builder.build()


class _Opened:
    """An index opened for searching, with the analyzer its fields were indexed with."""

    def __init__(self, index_dir: str) -> None:
        t = _tantivy()
        self.index = t.Index.open(index_dir)
        self.analyzer = _analyzer()
        self.index.register_tokenizer(ANALYZER, self.analyzer)
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

    def either_field(self, tokens: list[str], prefix: bool = False) -> Any | None:
        """Tokens as a term or phrase found in the title or the body (as FTS5's MATCH takes
        a phrase in any column); None when a prefix has no completion."""
        t = _tantivy()
        if prefix and len(tokens) == 1:
            return self._completions(tokens[0])
        if prefix:
            make = t.Query.phrase_prefix_query
        elif len(tokens) == 1:
            return t.Query.boolean_query(
                [(t.Occur.Should, t.Query.term_query(self.schema, f, tokens[0])) for f in FIELDS]
            )
        else:
            make = t.Query.phrase_query
        return t.Query.boolean_query(
            [(t.Occur.Should, make(self.schema, f, tokens)) for f in FIELDS]
        )

    def _completions(self, prefix: str) -> Any | None:
        """A one-word prefix: its most frequent completions in each field, OR-ed and scored
        by BM25 (a regex or phrase-prefix query would give every match the same score)."""
        t = _tantivy()
        if not hasattr(self.searcher, "terms_with_prefix"):  # packages before 0.25 or so
            make = t.Query.phrase_prefix_query
            return t.Query.boolean_query(
                [(t.Occur.Should, make(self.schema, f, [prefix])) for f in FIELDS]
            )
        clauses = []
        for f in FIELDS:
            found = self.searcher.terms_with_prefix(f, prefix)
            found.sort(key=lambda term_df: -term_df[1])
            for term, _ in found[:PREFIX_TERMS]:
                clauses.append((t.Occur.Should, t.Query.term_query(self.schema, f, term)))
        return t.Query.boolean_query(clauses) if clauses else None

    def all_of(self, parts: list[tuple[str, bool]]) -> Any | None:
        """Every part (text, is it a prefix) must match; None when nothing can match."""
        t = _tantivy()
        clauses = []
        for text, prefix in parts:
            tokens = self.analyzer.analyze(text)
            if not tokens:
                continue
            query = self.either_field(tokens, prefix)
            if query is None:
                return None
            clauses.append((t.Occur.Must, query))
        return t.Query.boolean_query(clauses) if clauses else None

    def top(self, query: Any | None) -> list[str]:
        """Paths of the top 10 by BM25, each with its snippet made (part of the answer)."""
        if query is None:
            return []
        t = _tantivy()
        hits = self.searcher.search(query, 10, count=False).hits
        snippets = t.SnippetGenerator.create(self.searcher, query, self.schema, "body")
        paths = []
        for _, address in hits:
            doc = self.searcher.doc(address)
            _ = snippets.snippet_from_doc(doc).to_html()
            paths.append(doc["path"][0])
        return paths


def match_parts(match: str) -> list[tuple[str, bool]]:
    """FTS5 MATCH text (`"a b" AND "c" *`) read back: each phrase and whether it is a prefix."""
    return [(text.replace('""', '"'), bool(star)) for text, star in _MATCH_PART.findall(match)]


def _document(path: Path) -> tuple[Any, str]:
    text = fold(path.read_text(encoding="utf-8"))
    title, _, body = text.partition("\n")
    st = path.stat()
    doc = _tantivy().Document(path=str(path), title=title, body=body)
    return doc, f"{path}\t{st.st_mtime_ns}\t{st.st_size}\n"


def phase_build(corpus: str, index_dir: str) -> dict[str, object]:
    """Index every document from scratch, one commit, merges waited for."""
    import shutil

    shutil.rmtree(index_dir, ignore_errors=True)
    Path(index_dir).mkdir(parents=True)
    started = time.perf_counter()
    index = _tantivy().Index(_schema(), path=index_dir)
    index.register_tokenizer(ANALYZER, _analyzer())
    writer = index.writer(heap_size=HEAP_BYTES)
    docs = 0
    with open(Path(index_dir) / _FILES, "w", encoding="utf-8") as states:
        for path in iter_corpus_files(Path(corpus)):
            doc, state = _document(path)
            writer.add_document(doc)
            states.write(state)
            docs += 1
    writer.commit()
    writer.wait_merging_threads()
    return {
        "wall_s": time.perf_counter() - started,
        "docs": docs,
        "size_bytes": disk_size(Path(index_dir)),
    }


def phase_search(index_dir: str, queries: list[str], rounds: int) -> dict[str, object]:
    """Answer the query mix `rounds` times: top 10 by BM25 with a snippet each."""
    started = time.perf_counter()
    opened = _Opened(index_dir)
    open_ms = (time.perf_counter() - started) * 1000
    latencies: list[float] = []
    no_hits: set[str] = set()
    for _ in range(rounds):
        for query in queries:
            t0 = time.perf_counter()
            paths = opened.top(opened.all_of(match_parts(to_match(query))))
            latencies.append((time.perf_counter() - t0) * 1000)
            if not paths:
                no_hits.add(query)
    return {
        "open_ms": open_ms,
        "latencies_ms": latencies,
        "doc_count": opened.searcher.num_docs,
        "no_hits": sorted(no_hits),
    }


def phase_pasted(index_dir: str, files: list[str]) -> dict[str, object]:
    """Paragraphs of 200 words pasted as queries: their words AND-ed, top 10 by BM25."""
    from bench.keystrokes import judge_pasted, pasted_paragraphs

    opened = _Opened(index_dir)

    def top(text: str) -> list[str]:
        words = re.findall(r"\w+", fold(text))
        return opened.top(opened.all_of([(word, False) for word in words]))

    return judge_pasted(pasted_paragraphs(files), top)


def phase_keystrokes(index_dir: str, queries: list[str]) -> dict[str, object]:
    """Every keystroke of the query mix, the last word a prefix (its most frequent
    completions): top 10 by BM25 with snippets."""
    from bench.keystrokes import judge, keystrokes

    opened = _Opened(index_dir)

    def top(match: str) -> list[str]:
        return opened.top(opened.all_of(match_parts(match)))

    return judge(
        keystrokes(queries),
        lambda typed: top(to_prefix_match(typed)),
        lambda query: top(to_match(query)),
    )


def _known_states(index_dir: str) -> dict[str, tuple[int, int]]:
    known: dict[str, tuple[int, int]] = {}
    with open(Path(index_dir) / _FILES, encoding="utf-8") as states:
        for line in states:
            path, mtime_ns, size = line.rstrip("\n").rsplit("\t", 2)
            known[path] = (int(mtime_ns), int(size))
    return known


def _changed(corpus: str, known: dict[str, tuple[int, int]]) -> Iterator[Path]:
    for path in iter_corpus_files(Path(corpus)):
        st = path.stat()
        if known.get(str(path)) != (st.st_mtime_ns, st.st_size):
            yield path


def phase_reindex(corpus: str, index_dir: str) -> dict[str, object]:
    """Incremental update: stat every file; each changed one is deleted by its path term and
    added again, then one commit (merges it starts are waited for after the clock stops)."""
    started = time.perf_counter()
    index = _tantivy().Index.open(index_dir)
    index.register_tokenizer(ANALYZER, _analyzer())
    writer = None
    updated = 0
    with open(Path(index_dir) / _FILES, "a", encoding="utf-8") as states:
        for path in _changed(corpus, _known_states(index_dir)):
            writer = writer or index.writer(heap_size=HEAP_BYTES // 2, num_threads=1)
            delete = getattr(writer, "delete_documents_by_term", None) or writer.delete_documents
            delete("path", str(path))
            doc, state = _document(path)
            writer.add_document(doc)
            states.write(state)
            updated += 1
        if writer is not None:
            writer.commit()
            states.flush()
            os.fsync(states.fileno())
    wall = time.perf_counter() - started
    if writer is not None:
        writer.wait_merging_threads()
    return {"wall_s": wall, "updated": updated}


def phase_reindex_named(index_dir: str, path: str) -> dict[str, object]:
    """One changed file named: deleted by its path term, added again, one commit."""
    started = time.perf_counter()
    index = _tantivy().Index.open(index_dir)
    index.register_tokenizer(ANALYZER, _analyzer())
    writer = index.writer(heap_size=HEAP_BYTES // 2, num_threads=1)
    delete = getattr(writer, "delete_documents_by_term", None) or writer.delete_documents
    delete("path", path)
    doc, state = _document(Path(path))
    writer.add_document(doc)
    with open(Path(index_dir) / _FILES, "a", encoding="utf-8") as states:
        writer.commit()
        states.write(state)
        states.flush()
        os.fsync(states.fileno())
    wall = time.perf_counter() - started
    writer.wait_merging_threads()
    return {"wall_s": wall, "updated": 1}


def installed_version() -> str | None:
    """The tantivy package's version, or None when it is not installed (the bench goes on)."""
    from importlib import metadata
    from importlib.util import find_spec

    try:
        return metadata.version("tantivy") if find_spec("tantivy") else None
    except metadata.PackageNotFoundError:
        return None
