"""The 68-case Vietnamese table of tests/test_vietnamese_cases.py, against the same corpora
stored in every file type the indexer reads: each case's hits and marks hold in each format.

Each corpus is written in a format with the readers' fixture makers, indexed once per module;
the marks are `text[start:end]` of the text as extracted (what `timtin text` prints).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from index.engine import Engine
from index.indexing.update import update_index
from index.text.documents import read_text
from tests.index.text.formats.office_files import write_docx, write_odt, write_rtf
from tests.index.text.formats.pdf_files import write_article_pdf
from tests.index.text.formats.web_files import write_article_epub, write_markdown
from tests.test_vietnamese_cases import CASES, LIMIT, Case, Docs, Observed, check

_MARK = re.compile(r"<mark>(.*?)</mark>")


def _write_txt(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _write_web_page(path: Path, text: str) -> Path:
    """A saved web page of one short note: the site's name after the title, the first words
    in bold, every letter past ASCII a character reference (as old pages were saved).

    Not a news page (web_files.write_news_page): beside its menus and footers a note of one
    sentence is too short to tell from them, and the reader rightly keeps the whole page."""
    title, _, body = text.partition("\n")
    first, _, rest = body.partition(" ")
    page = (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} - Sổ tay</title><style>p {{ margin: 0 }}</style></head>"
        f"<body><!-- lưu từ trình duyệt --><h1>{html.escape(title)}</h1>"
        f"<p><b>{html.escape(first)}</b> {html.escape(rest)}</p>"
        f"<script>var ghiChu = 'không phải bài';</script></body></html>"
    )
    path.write_bytes(page.encode("ascii", "xmlcharrefreplace"))
    return path


# Suffix -> how a document (its title the first line, its body the rest) is stored in it.
WRITERS: dict[str, Callable[[Path, str], Path]] = {
    "txt": _write_txt,
    "pdf": write_article_pdf,
    "docx": write_docx,
    "odt": write_odt,
    "rtf": write_rtf,
    "html": _write_web_page,
    "epub": write_article_epub,
    "md": write_markdown,
}


class FormatCorpora:
    """Each (format, corpus) pair written and indexed on first use, one index each."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self._engines: dict[tuple[str, tuple[tuple[str, str], ...]], Engine] = {}

    def engine(self, suffix: str, docs: Docs) -> Engine:
        key = (suffix, tuple(sorted(docs.items())))
        if key not in self._engines:
            root = self.base / f"{suffix}-{len(self._engines)}"
            corpus = root / "corpus"
            corpus.mkdir(parents=True)
            for name, text in docs.items():
                WRITERS[suffix](corpus / f"{name}.{suffix}", text)
            report = update_index([corpus], root / "index")
            assert report.added == len(docs) and not report.skipped, report.skipped
            self._engines[key] = Engine(root / "index")
        return self._engines[key]

    def close(self) -> None:
        for engine in self._engines.values():
            engine.close()


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FormatCorpora]:
    built = FormatCorpora(tmp_path_factory.mktemp("vietnamese-cases-formats"))
    yield built
    built.close()


def observed(engine: Engine, case: Case) -> Observed:
    """What the engine found, the marks cut from each file's extracted text."""
    result = engine.search(case.query, limit=LIMIT, exact=case.exact)
    names, marked, snippet_marks = [], [], []
    for hit in result.hits:
        text = read_text(Path(hit.path)).text
        for start, end in hit.matches:
            assert 0 <= start < end <= len(text), (hit.path, start, end)
        names.append(Path(hit.path).stem)
        marked.append([text[start:end] for start, end in hit.matches])
        snippet_marks.append([html.unescape(m) for m in _MARK.findall(hit.snippet)])
    return Observed(
        names,
        total=result.total,
        marked=marked,
        snippet_marks=snippet_marks,
        variants=[(v.word, v.form, v.doc_count) for v in result.variants],
        corrected=result.corrected_query,
        suggestion=result.suggestion,
    )


def test_every_format_the_indexer_reads_is_here() -> None:
    from index.text.formats import READERS, file_kind

    kinds = {file_kind(Path(f"x{suffix}")) for suffix in READERS}
    assert kinds - {"htm", "xhtml", "markdown"} == set(WRITERS)


@pytest.mark.parametrize("suffix", list(WRITERS))
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case_in_format(corpora: FormatCorpora, case: Case, suffix: str) -> None:
    check(case, observed(corpora.engine(suffix, case.docs), case))
