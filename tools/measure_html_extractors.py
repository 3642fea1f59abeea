"""Measure article extractors on the saved Vietnamese news pages the tests build (issue 14).

Precision and recall of the article's words, boilerplate phrases leaked, time per page, and the
size each adds to the bundle.  trafilatura and readability-lxml are measured only where they
are installed (a scratch venv: `python tools/measure_html_extractors.py` with PYTHONPATH=.).
"""

from __future__ import annotations

import importlib.metadata
import re
import statistics
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from index.text.formats.html import read_html
from index.text.formats.html_main_text import find_article
from index.text.formats.html_tree import VOID_TAGS, Element, parse_html, visible_text
from index.text.formats.limits import Deadline
from tests.index.text.formats.web_files import (
    ARTICLE,
    BOILERPLATE,
    SITES,
    article_truth,
    news_page_html,
)

_OPAQUE = frozenset({"script", "style", "noscript", "template"})

SECOND_ARTICLE = (
    "Thành phố mở thêm ba tuyến xe buýt điện nối các khu đô thị mới\n"
    "Từ đầu tháng tới, người dân ở các khu đô thị phía tây có thêm lựa chọn đi lại bằng xe buýt "
    "điện với giá vé không đổi.\n"
    "Ba tuyến mới chạy qua nhiều trường đại học, bệnh viện và trung tâm thương mại, mỗi chuyến "
    "cách nhau mười lăm phút vào giờ cao điểm.\n"
    "Theo sở giao thông, đoàn xe gồm bốn mươi chiếc được trang bị cổng sạc, điều hòa và chỗ cho "
    "xe lăn, phục vụ từ năm giờ sáng đến mười giờ đêm.\n"
    "Hành khách có thể trả tiền bằng thẻ, mã quét trên điện thoại hoặc vé tháng, trong khi người "
    "cao tuổi và trẻ em dưới sáu tuổi được miễn phí.\n"
    "Nhiều người dân cho rằng tuyến xe mới giúp họ bớt phụ thuộc vào xe máy, nhất là trong những "
    "ngày trời mưa lớn."
)


class _StdlibTree(HTMLParser):
    """The same light tree as html_tree, built with the standard library's tokenizer."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("html", {})
        self.open: list[Element] = [self.root]
        self.order = 0
        self.opaque = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            return
        self.order += 1
        element = Element(tag, {k: v or "" for k, v in attrs}, self.open[-1], order=self.order)
        self.open[-1].children.append(element)
        if tag in _OPAQUE:
            self.opaque += 1
        if tag not in VOID_TAGS:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in _OPAQUE:
            self.opaque = max(0, self.opaque - 1)
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self.opaque:
            self.open[-1].children.append(data)


def stdlib_heuristic(page: str) -> str:
    parser = _StdlibTree()
    parser.feed(page)
    parser.close()
    article = find_article(parser.root, Deadline())
    return article.text if article else visible_text(parser.root)


def timtin(page: str) -> str:
    return read_html(page.encode(), Deadline()).parts[0]


def all_visible_text(page: str) -> str:
    return visible_text(parse_html(page, Deadline()))


def _trafilatura() -> Callable[[str], str] | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def extract(page: str) -> str:
        return str(trafilatura.extract(page, include_comments=False, with_metadata=False) or "")

    return extract


def _readability() -> Callable[[str], str] | None:
    try:
        from readability import Document
    except ImportError:
        return None

    def extract(page: str) -> str:
        document = Document(page)
        body = visible_text(parse_html(document.summary(), Deadline()))
        return f"{document.short_title()}\n{body}"

    return extract


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text).lower()))


def _big_page(site: str) -> str:
    """A long article (about 70,000 characters of page): the same page around more paragraphs."""
    title, _, rest = ARTICLE.partition("\n")
    return news_page_html("\n".join([title, *[rest] * 60]), site)


def _dist_size(name: str, seen: set[str]) -> int:
    """Bytes installed by distribution `name` and what it requires (each counted once)."""
    key = name.lower().replace("_", "-")
    if key in seen:
        return 0
    seen.add(key)
    try:
        dist = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return 0
    size = 0
    for file in dist.files or []:
        path = Path(str(dist.locate_file(file)))
        if path.is_file() and ".dist-info" not in str(file):
            size += path.stat().st_size
    for requirement in dist.requires or []:
        if "extra ==" in requirement:
            continue
        size += _dist_size(re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0], seen)
    return size


def main() -> None:
    candidates: dict[str, tuple[Callable[[str], str] | None, list[str]]] = {
        "all visible text (lexbor, no extraction)": (all_visible_text, ["selectolax"]),
        "stdlib html.parser + our heuristic": (stdlib_heuristic, []),
        "selectolax/lexbor + our heuristic (chosen)": (timtin, ["selectolax"]),
        "trafilatura 2.x": (_trafilatura(), ["trafilatura"]),
        "readability-lxml": (_readability(), ["readability-lxml"]),
    }
    pages = [
        (news_page_html(text, site), article_truth(text, site))
        for text in (ARTICLE, SECOND_ARTICLE)
        for site in SITES
    ]
    big = [_big_page(site) for site in SITES]
    base = {"whoosh", "platformdirs", "pyside6-essentials"}
    print("| Extractor | Precision | Recall | Boilerplate leaked | ms/page | ms/long page | MB |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    for name, (extract, dists) in candidates.items():
        if extract is None:
            print(f"| {name} | not installed | | | | | |")
            continue
        overlap = extracted = truth_words = leaked = 0
        for page, truth in pages:
            got = extract(page)
            got_words, want = _words(got), _words(truth)
            overlap += sum((got_words & want).values())
            extracted += sum(got_words.values())
            truth_words += sum(want.values())
            leaked += sum(phrase.lower() in got.lower() for phrase in BOILERPLATE)
        timings = []
        for page, _ in pages * 5:
            start = time.perf_counter()
            extract(page)
            timings.append(time.perf_counter() - start)
        big_timings = []
        for page in big:
            start = time.perf_counter()
            extract(page)
            big_timings.append(time.perf_counter() - start)
        size = sum(_dist_size(d, set(base)) for d in dists) / 1e6
        print(
            f"| {name} | {overlap / max(extracted, 1):.3f} | {overlap / truth_words:.3f} | "
            f"{leaked}/{len(BOILERPLATE) * len(pages)} | "
            f"{statistics.median(timings) * 1000:.1f} | "
            f"{statistics.median(big_timings) * 1000:.0f} | {size:.1f} |"
        )


if __name__ == "__main__":
    main()
