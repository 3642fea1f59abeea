"""The SQLite FTS5 peer: same corpus, same folding (unicode61 remove_diacritics 2, đ→d).

Ranked by bm25() with snippet(); queries become FTS5 syntax (phrases kept, words AND-ed).
"""

from __future__ import annotations

import re
import sqlite3
import time
import unicodedata
from pathlib import Path

from bench.corpus import iter_corpus_files
from bench.measure import disk_size

_FOLD = str.maketrans({"đ": "d", "Đ": "D"})
_QUERY_PARTS = re.compile(r'"([^"]*)"|(\S+)')
_SCHEMA = (
    "CREATE VIRTUAL TABLE docs USING fts5("
    "path UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');"
    "CREATE TABLE files (path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER, doc INTEGER);"
)
_TOP10 = (
    "SELECT path, title, snippet(docs, 2, '<mark>', '</mark>', '…', 32), bm25(docs) "
    "FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10"
)


def fold(text: str) -> str:
    """What unicode61 cannot do alone: NFC first, then đ→d (it has no decomposition)."""
    return unicodedata.normalize("NFC", text).translate(_FOLD)


def to_match(query: str) -> str:
    """FTS5 MATCH text for one query of the mix: quoted phrases stay phrases, the rest AND-ed."""
    parts = []
    for phrase, word in _QUERY_PARTS.findall(fold(query)):
        text = (phrase or word).replace('"', '""').strip()
        if text:
            parts.append(f'"{text}"')
    return " AND ".join(parts)


def _db(index_dir: str) -> Path:
    return Path(index_dir) / "fts5.db"


def _add(conn: sqlite3.Connection, path: Path) -> None:
    text = fold(path.read_text(encoding="utf-8"))
    title, _, body = text.partition("\n")
    cur = conn.execute(
        "INSERT INTO docs (path, title, body) VALUES (?, ?, ?)", (str(path), title, body)
    )
    st = path.stat()
    conn.execute(
        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
        (str(path), st.st_mtime_ns, st.st_size, cur.lastrowid),
    )


def phase_build(corpus: str, index_dir: str) -> dict[str, object]:
    """Index every document from scratch in one transaction."""
    db = _db(index_dir)
    db.parent.mkdir(parents=True, exist_ok=True)
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.executescript(_SCHEMA)
    docs = 0
    with conn:
        for path in iter_corpus_files(Path(corpus)):  # streamed: a million paths are no list
            _add(conn, path)
            docs += 1
    conn.close()
    return {
        "wall_s": time.perf_counter() - started,
        "docs": docs,
        "size_bytes": disk_size(db),
    }


def phase_search(index_dir: str, queries: list[str], rounds: int) -> dict[str, object]:
    """Answer the query mix `rounds` times: top 10 by bm25 with a snippet each."""
    started = time.perf_counter()
    conn = sqlite3.connect(_db(index_dir))
    open_ms = (time.perf_counter() - started) * 1000
    latencies: list[float] = []
    no_hits: set[str] = set()
    for _ in range(rounds):
        for query in queries:
            t0 = time.perf_counter()
            rows = conn.execute(_TOP10, (to_match(query),)).fetchall()
            _ = [row[2] for row in rows]  # snippets are part of the answer
            latencies.append((time.perf_counter() - t0) * 1000)
            if not rows:
                no_hits.add(query)
    (doc_count,) = conn.execute("SELECT count(*) FROM files").fetchone()
    conn.close()
    return {
        "open_ms": open_ms,
        "latencies_ms": latencies,
        "doc_count": doc_count,
        "no_hits": sorted(no_hits),
    }


def phase_pasted(index_dir: str, files: list[str]) -> dict[str, object]:
    """Paragraphs of 200 words pasted as queries: their words AND-ed, top 10 by bm25."""
    from bench.keystrokes import judge_pasted, pasted_paragraphs

    conn = sqlite3.connect(_db(index_dir))

    def top(text: str) -> list[str]:
        words = [w for w in re.findall(r"\w+", fold(text))]
        match = " AND ".join(f'"{w}"' for w in words)
        rows = conn.execute(_TOP10, (match,)).fetchall() if match else []
        _ = [row[2] for row in rows]
        return [row[0] for row in rows]

    try:
        return judge_pasted(pasted_paragraphs(files), top)
    finally:
        conn.close()


def to_prefix_match(typed: str) -> str:
    """FTS5 MATCH text for a query being typed: its words AND-ed, the unfinished last one a
    prefix (`word*`)."""
    words = [w.replace('"', "") for w in fold(typed).replace('"', " ").split()]
    words = [w for w in words if w]
    if not words:
        return ""
    parts = [f'"{w}"' for w in words]
    if not typed[-1].isspace():
        parts[-1] += " *"
    return " AND ".join(parts)


def phase_keystrokes(index_dir: str, queries: list[str]) -> dict[str, object]:
    """Every keystroke of the query mix, the last word a prefix: top 10 by bm25 with snippets."""
    from bench.keystrokes import judge, keystrokes

    conn = sqlite3.connect(_db(index_dir))

    def top(match: str) -> list[str]:
        if not match:
            return []
        try:
            rows = conn.execute(_TOP10, (match,)).fetchall()
        except sqlite3.OperationalError:  # half-typed syntax FTS5 refuses
            return []
        _ = [row[2] for row in rows]
        return [row[0] for row in rows]

    try:
        return judge(
            keystrokes(queries), lambda t: top(to_prefix_match(t)), lambda q: top(to_match(q))
        )
    finally:
        conn.close()


def phase_reindex(corpus: str, index_dir: str) -> dict[str, object]:
    """Incremental update: stat every file, re-index those whose size or mtime changed."""
    started = time.perf_counter()
    conn = sqlite3.connect(_db(index_dir))
    known = {p: (m, s, d) for p, m, s, d in conn.execute("SELECT * FROM files")}
    updated = 0
    with conn:
        for path in iter_corpus_files(Path(corpus)):
            st = path.stat()
            old = known.get(str(path))
            if old and old[:2] == (st.st_mtime_ns, st.st_size):
                continue
            if old:
                conn.execute("DELETE FROM docs WHERE rowid = ?", (old[2],))
            _add(conn, path)
            updated += 1
    conn.close()
    return {"wall_s": time.perf_counter() - started, "updated": updated}


def phase_reindex_named(index_dir: str, path: str) -> dict[str, object]:
    """One changed file named: its row replaced if its size or mtime changed."""
    started = time.perf_counter()
    conn = sqlite3.connect(_db(index_dir))
    named = Path(path)
    st = named.stat()
    old = conn.execute("SELECT * FROM files WHERE path = ?", (path,)).fetchone()
    updated = 0
    if not old or tuple(old[1:3]) != (st.st_mtime_ns, st.st_size):
        with conn:
            if old:
                conn.execute("DELETE FROM docs WHERE rowid = ?", (old[3],))
            _add(conn, named)
        updated = 1
    conn.close()
    return {"wall_s": time.perf_counter() - started, "updated": updated}
