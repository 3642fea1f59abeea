"""The acceptance table of issue 5: Vietnamese queries against small corpora, one case a line.

Every case runs through the engine API and through `timtin search --json` in a subprocess.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from index.engine import Engine
from index.indexing.update import update_index
from index.results import SearchResult
from tests.conftest import run_cli, write_corpus

Docs = dict[str, str]
LIMIT = 50


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- corpora: document name -> text (title on the first line) ----------------------------------

TONES: Docs = {  # old (hoà thuỷ khoẻ uỷ) and new (hòa thủy khỏe ủy) tone placement
    "new": "Bài mới\nNhân dân mong hòa bình, chăm lo sức khỏe và thủy lợi; ủy ban họp.",
    "old": "Bài cũ\nNhân dân mong hoà bình, chăm lo sức khoẻ và thuỷ lợi; uỷ ban họp.",
    "flower": "Vườn xuân\nHoa đào nở, trẻ em khoe áo mới.",
    "chemistry": "Môn học\nHóa học và vật lý.",
}
REPAIR: Docs = {  # tones a typist put on the wrong vowel
    "whole": "Bài một\nĐối tác chiến lược toàn diện.",
    "misspelt": "Bài hai\nTòan thể nhân dân và qúy vị đại biểu.",
    "math": "Bài ba\nMột bài toán khó.",
    "guest": "Bài bốn\nKính chào quý khách.",
    "kneel": "Bài năm\nQuỳ gối trước tượng.",
}
TOAN = {"whole", "misspelt"}  # toàn, Tòan
QUY = {"guest", "misspelt"}  # quý, qúy
D: Docs = {  # đ, Đ and the eth Ð people type for it
    "road": "Tin giao thông\nĐường Trường Sơn đã thông xe.",
    "eth": "Tin cũ\n\u00d0ường sắt Bắc Nam được nâng cấp.",
    "sugar": "Tin chợ\nGiá đường và sữa tăng.",
    "ocean": "Tin biển\nThái Bình Dương rộng lớn.",
    "daklak": "Tin Tây Nguyên\nCà phê Đắk Lắk được mùa.",
}
ROADS = {"road", "eth", "sugar"}  # Đường, Ðường, đường
BAN: Docs = {  # one folded word, many accented words
    "friend1": "Thư gửi\nTôi và bạn đi học, bạn rất vui.",
    "friend2": "Nhật ký\nBạn thân của tôi ở quê.",
    "friend3": "Ghi chép\nHôm qua gặp bạn cũ.",
    "sell1": "Chợ quê\nHọ bán rau ngoài chợ.",
    "sell2": "Chợ phiên\nNgười bán cá đến sớm.",
    "table": "Đồ gỗ\nCái bàn gỗ mới mua.",
    "busy": "Công việc\nDạo này tôi bận lắm.",
    "poor": "Ngày xưa\nNhà nghèo bần cùng.",
    "flustered": "Bối rối\nAnh ấy bấn loạn.",
    "band": "Âm nhạc\nBan nhạc trẻ biểu diễn.",
}
FRIENDS = {"friend1", "friend2", "friend3"}  # bạn
SELLERS = {"sell1", "sell2"}  # bán
CIRCUMFLEX = {"busy", "poor", "flustered"}  # bận, bần, bấn
BAN_VARIANTS = (("bạn", 3), ("bán", 2), ("bàn", 1), ("bận", 1), ("bần", 1), ("bấn", 1))
TYPED: Docs = {  # for Telex/VNI typed without an input method, and did-you-mean
    "vietnam": "Tin trong nước\nViệt Nam đón nhiều khách quốc tế.",
    "road": "Giao thông\nCon đường mới mở rộng.",
    "exam": "Tuyển sinh\nThí sinh đến sớm.",
    "english": "Notes\nthis is the plan.",
    "people": "Dân số\nNgười dân đi bầu cử.",
}
EXAM_ONLY: Docs = {"exam": TYPED["exam"]}
INVISIBLE: Docs = {  # decomposed text, no-break spaces and invisible characters inside words
    "nfd": nfd("Bài một\nHà Nội mùa thu, thủ đô nghìn năm."),
    "nbsp": "Bài hai\nThành\u00a0phố Hồ\u00a0Chí\u00a0Minh đông vui.",
    "zwsp": "Bài ba\nCô\u200bng an phường tuần tra.",
    "shy": "Bài bốn\nĐại biểu Quố\u00adc hội họp.",
    "zwj": "Bài năm\nNgâ\u200dn hàng mở cửa.",
    "bom": "Bài sáu\nBệ\ufeffnh viện tỉnh.",
}
RANK: Docs = {  # phrase vs scattered, title vs body
    "phrase": "Bản tin sáng\nSáng nay công an phường đã có mặt.",
    "scattered": "Ghi chép\nAnh công nhân làm việc, chú an ninh đứng gác.",
    "title": "Hà Nội mùa thu\nThủ đô vào thu có hoa sữa.",
    "body": "Du lịch\nChúng tôi đến Hà Nội vào mùa thu.",
    "apart": "Gia đình\nÔng Hà sống ở nội thành.",
}
HANOI = ["title", "body", "apart"]  # best first
POLICE = ["phrase", "scattered"]  # best first


def others(docs: Docs, *groups: set[str]) -> set[str]:
    taken = set().union(*groups)
    return {name for name in docs if name not in taken}


@dataclass(frozen=True)
class Case:
    """One query against one corpus and what must come back.

    matches: exactly these documents are found.  order: groups, each ranked above the next.
    marks: every highlighted `text[start:end]` (and every snippet <mark>) is one of these,
    and each of them is highlighted somewhere.  variants: (form, count) pairs, most frequent
    first.  corrected / suggestion: the query the engine searched instead / proposes.
    """

    query: str
    docs: Docs
    matches: set[str] | None = None
    order: Sequence[str | set[str]] = ()
    exact: bool = False
    marks: set[str] | None = None
    variants: tuple[tuple[str, int], ...] | None = None
    corrected: str = ""
    suggestion: str = ""

    @property
    def id(self) -> str:
        return f"{CORPUS_NAMES[id(self.docs)]}: {self.query}" + (" --exact" if self.exact else "")


CORPUS_NAMES = {
    id(docs): name
    for name, docs in [
        ("tones", TONES),
        ("repair", REPAIR),
        ("d", D),
        ("ban", BAN),
        ("typed", TYPED),
        ("exam-only", EXAM_ONLY),
        ("invisible", INVISIBLE),
        ("rank", RANK),
    ]
}

# fmt: off
CASES = [
    # Tone placement, old and new: one word, even in exact mode
    Case("hoà", TONES, matches={"new", "old"}, exact=True, marks={"hòa", "hoà"}),
    Case("hòa", TONES, matches={"new", "old"}, exact=True, marks={"hòa", "hoà"}),
    Case("thuỷ", TONES, matches={"new", "old"}, exact=True, marks={"thủy", "thuỷ"}),
    Case("thủy", TONES, matches={"new", "old"}, exact=True, marks={"thủy", "thuỷ"}),
    Case("khoẻ", TONES, matches={"new", "old"}, exact=True, marks={"khỏe", "khoẻ"}),
    Case("khỏe", TONES, matches={"new", "old"}, exact=True, marks={"khỏe", "khoẻ"}),
    Case("uỷ ban", TONES, matches={"new", "old"}, exact=True, marks={"ủy ban", "uỷ ban"}),
    Case("hoà bình", TONES, matches={"new", "old"}, exact=True, marks={"hòa bình", "hoà bình"}),
    Case("hoà", TONES, matches=set(TONES), order=[{"new", "old"}, {"flower", "chemistry"}]),
    Case("khỏe", TONES, matches={"new", "old", "flower"}, order=[{"new", "old"}, "flower"]),
    # Misplaced tones repaired, in queries and in documents
    Case("tòan", REPAIR, matches=TOAN, exact=True, marks={"toàn", "Tòan"}),
    Case("toàn", REPAIR, matches=TOAN, exact=True, marks={"toàn", "Tòan"}),
    Case("qúy", REPAIR, matches=QUY, exact=True, marks={"quý", "qúy"}),
    Case("tòan", REPAIR, matches=TOAN | {"math"}, order=[TOAN, "math"]),
    Case("quý", REPAIR, matches=QUY | {"kneel"}, order=[QUY, "kneel"]),
    # đ / Đ / Ð fold to d; the highlight shows the word as written
    Case("duong", D, matches=ROADS | {"ocean"}, marks={"Đường", "đường", "Dương"}),
    Case("đường", D, matches=ROADS | {"ocean"}, order=[ROADS, "ocean"]),
    Case("ĐƯỜNG", D, matches=ROADS, exact=True, marks={"Đường", "đường"}),
    Case("\u00d0ường", D, matches=ROADS, exact=True, marks={"Đường", "đường"}),
    Case("dương", D, matches={"ocean"}, exact=True, marks={"Dương"}),
    Case("duong truong son", D, matches={"road"}, marks={"Đường Trường Sơn"}),
    Case("dak lak", D, matches={"daklak"}, marks={"Đắk Lắk"}),
    # Accent-aware ranking: typed forms first, the rest still found
    Case("bạn", BAN, matches=set(BAN), order=[FRIENDS, others(BAN, FRIENDS)], variants=()),
    Case("bán", BAN, matches=set(BAN), order=[SELLERS, others(BAN, SELLERS)]),
    Case("ban", BAN, matches=set(BAN), marks={*dict(BAN_VARIANTS), "Bạn", "Ban"}),
    # Exact mode: only the forms as typed (a word typed bare stands for itself)
    Case("bạn", BAN, matches=FRIENDS, exact=True, marks={"bạn", "Bạn"}),
    Case("BẠN", BAN, matches=FRIENDS, exact=True, marks={"bạn", "Bạn"}),
    Case("bán", BAN, matches=SELLERS, exact=True, marks={"bán"}),
    Case("bàn", BAN, matches={"table"}, exact=True, marks={"bàn"}),
    Case("ban", BAN, matches={"band"}, exact=True, marks={"Ban"}),
    # Partial accents: the marks typed constrain their letters, the tone stays free
    Case("bân", BAN, matches=set(BAN), order=[CIRCUMFLEX, others(BAN, CIRCUMFLEX)]),
    Case("bân", BAN, matches=CIRCUMFLEX, exact=True, marks={"bận", "bần", "bấn"}),
    # exact: operator, one word exact whatever the mode
    Case("exact:bạn", BAN, matches=FRIENDS, marks={"bạn", "Bạn"}),
    Case("exact:bạn thân", BAN, matches={"friend2"}, marks={"Bạn thân"}),
    Case("exact:ban nhac", BAN, matches={"band"}, marks={"Ban nhạc", "nhạc"}),
    # Variants of an unaccented word, most frequent first
    Case("ban", BAN, matches=set(BAN), variants=BAN_VARIANTS),
    Case("ban than", BAN, matches={"friend2"}, variants=(*BAN_VARIANTS, ("thân", 1))),
    # Telex and VNI typed without an input method
    Case("vieejt nam", TYPED, matches={"vietnam"}, corrected="việt nam", marks={"Việt Nam"}),
    Case("vie65t nam", TYPED, matches={"vietnam"}, corrected="việt nam", marks={"Việt Nam"}),
    Case("dduowngf", TYPED, matches={"road"}, corrected="đường", marks={"đường"}),
    Case("d9u7o7ng2", TYPED, matches={"road"}, corrected="đường", marks={"đường"}),
    Case("quoocs tees", TYPED, matches={"vietnam"}, corrected="quốc tế", marks={"quốc tế"}),
    Case("thi1 sinh", TYPED, matches={"exam"}, corrected="thí sinh", marks={"Thí sinh", "sinh"}),
    Case("this", TYPED, matches={"english"}, marks={"this"}),
    Case("the plan", TYPED, matches={"english"}, marks={"the plan"}),
    Case("this", EXAM_ONLY, matches={"exam"}, corrected="thí", marks={"Thí"}),
    # Did you mean
    Case("nguoii", TYPED, matches=set(), suggestion="người"),
    Case("nguoii dan", TYPED, matches=set(), suggestion="người dan"),
    # NFD text and queries; no-break spaces, zero-widths and soft hyphens inside words
    Case("hà nội", INVISIBLE, matches={"nfd"}, marks={"Hà Nội"}),
    Case(nfd("Hà Nội"), INVISIBLE, matches={"nfd"}, exact=True, marks={"Hà Nội"}),
    Case(nfd("thủ đô"), INVISIBLE, matches={"nfd"}, marks={"thủ đô", "thu"}),
    Case("thanh pho ho chi minh", INVISIBLE, matches={"nbsp"}, marks={"Thành phố Hồ Chí Minh"}),
    Case("Hồ\u00a0Chí\u00a0Minh", INVISIBLE, matches={"nbsp"}, exact=True, marks={"Hồ Chí Minh"}),
    Case("công an", INVISIBLE, matches={"zwsp"}, exact=True, marks={"Công an"}),
    Case("cô\u200bng an", INVISIBLE, matches={"zwsp"}, marks={"Công an"}),
    Case("quốc hội", INVISIBLE, matches={"shy"}, exact=True, marks={"Quốc hội"}),
    Case("quo\u00adc hoi", INVISIBLE, matches={"shy"}, marks={"Quốc hội"}),
    Case("ngan hang", INVISIBLE, matches={"zwj"}, marks={"Ngân hàng"}),
    Case("bệnh viện", INVISIBLE, matches={"bom"}, exact=True, marks={"Bệnh viện"}),
    # Phrase beats scattered, title beats body, multi-syllable words
    Case("cong an", RANK, matches=set(POLICE), order=POLICE),
    Case("công an", RANK, matches=set(POLICE), order=POLICE, exact=True),
    Case("công an", RANK, matches=set(POLICE), order=POLICE),
    Case('"cong an"', RANK, matches={"phrase"}, marks={"công an"}),
    Case("hà nội", RANK, matches=set(HANOI), order=HANOI),
    Case("ha noi", RANK, matches=set(HANOI), order=HANOI, marks={"Hà Nội", "Hà", "nội"}),
    Case('"hà nội"', RANK, matches={"title", "body"}, order=["title", "body"], marks={"Hà Nội"}),
    Case('"Hà Nội"', RANK, matches={"title", "body"}, order=["title", "body"], exact=True),
    Case('title:"ha noi"', RANK, matches={"title"}, marks={"Hà Nội"}),
]
# fmt: on


# --- what came back, whichever way it was asked -------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = {ord(c): " " for c in "\u00a0\u2007\u202f"}
_ETH = {0x00D0: "Đ", 0x00F0: "đ"}
_MARK = re.compile(r"<mark>(.*?)</mark>")


def as_read(raw: str) -> str:
    """The text offsets point into (issue 2): NFC, invisibles out, odd spaces as spaces, Ð as Đ."""
    return unicodedata.normalize("NFC", raw).translate({**_INVISIBLE, **_SPACES, **_ETH})


@dataclass(frozen=True)
class Observed:
    names: list[str]
    total: int
    marked: list[list[str]]  # per hit, text[start:end] of each match
    snippet_marks: list[list[str]]
    variants: list[tuple[str, str, int]]
    corrected: str
    suggestion: str


def observe(hits: list[tuple[str, str, list[list[int]]]], **rest: Any) -> Observed:
    """From (path, snippet, matches) triples; checks every span lies inside the text."""
    names, marked, snippet_marks = [], [], []
    for path, snippet, matches in hits:
        text = as_read(Path(path).read_text(encoding="utf-8"))
        for start, end in matches:
            assert 0 <= start < end <= len(text), (path, start, end)
        names.append(Path(path).stem)
        marked.append([text[start:end] for start, end in matches])
        snippet_marks.append([html.unescape(m) for m in _MARK.findall(snippet)])
    return Observed(names, marked=marked, snippet_marks=snippet_marks, **rest)


def from_result(result: SearchResult) -> Observed:
    return observe(
        [(h.path, h.snippet, [list(m) for m in h.matches]) for h in result.hits],
        total=result.total,
        variants=[(v.word, v.form, v.doc_count) for v in result.variants],
        corrected=result.corrected_query,
        suggestion=result.suggestion,
    )


def from_json(payload: dict[str, Any]) -> Observed:
    return observe(
        [(h["path"], h["snippet"], h["matches"]) for h in payload["hits"]],
        total=payload["total"],
        variants=[(v["word"], v["form"], v["count"]) for v in payload.get("variants", [])],
        corrected=payload.get("corrected_query", ""),
        suggestion=payload.get("suggestion", ""),
    )


def check(case: Case, seen: Observed) -> None:
    """Assert everything `case` expects of what came back."""
    if case.matches is not None:
        assert set(seen.names) == case.matches, f"found {seen.names}"
        assert seen.total == len(case.matches)
    groups = [{g} if isinstance(g, str) else set(g) for g in case.order]
    for group in groups:
        assert group <= set(seen.names), f"{group - set(seen.names)} missing from {seen.names}"
    rank = {name: i for i, name in enumerate(seen.names)}
    for higher, lower in itertools.pairwise(groups):
        worst = max(rank[n] for n in higher)
        best = min(rank[n] for n in lower)
        assert worst < best, f"{sorted(higher)} should rank above {sorted(lower)}: {seen.names}"
    for name, marked in zip(seen.names, seen.marked, strict=True):
        assert marked, f"{name} was found but nothing in it is highlighted"
    if case.marks is not None:
        all_marked = {m for marked in seen.marked for m in marked}
        assert all_marked == case.marks, f"highlighted {sorted(all_marked)}"
        in_snippets = {m for marks in seen.snippet_marks for m in marks}
        assert in_snippets <= case.marks, f"snippets mark {sorted(in_snippets)}"
    if case.variants is not None:
        forms = [(form, count) for _, form, count in seen.variants]
        assert sorted(forms) == sorted(case.variants), f"variants {forms}"
        counts = [count for _, count in forms]
        assert counts == sorted(counts, reverse=True), f"not most frequent first: {forms}"
    assert seen.corrected == case.corrected
    if case.suggestion:
        assert case.suggestion in seen.suggestion, f"suggestion {seen.suggestion!r}"
    else:
        assert seen.suggestion == ""


# --- one index per corpus, built once -----------------------------------------------------------


class Corpora:
    """Builds each distinct corpus into its own on-disk index on first use."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self._dirs: dict[tuple[tuple[str, str], ...], Path] = {}
        self._engines: dict[Path, Engine] = {}

    def index_dir(self, docs: Docs) -> Path:
        key = tuple(sorted(docs.items()))
        if key not in self._dirs:
            number = len(self._dirs)
            corpus = write_corpus(
                self.base / f"corpus{number}", {f"{n}.txt": t for n, t in docs.items()}
            )
            index_dir = self.base / f"index{number}"
            report = update_index([corpus], index_dir)
            assert report.added == len(docs) and not report.skipped
            self._dirs[key] = index_dir
        return self._dirs[key]

    def engine(self, docs: Docs) -> Engine:
        index_dir = self.index_dir(docs)
        if index_dir not in self._engines:
            self._engines[index_dir] = Engine(index_dir)
        return self._engines[index_dir]

    def close(self) -> None:
        for engine in self._engines.values():
            engine.close()


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpora]:
    built = Corpora(tmp_path_factory.mktemp("vietnamese-cases"))
    yield built
    built.close()


def cli_search(index_dir: Path, query: str, *, exact: bool) -> dict[str, Any]:
    args = ["search", query, "--json", "--index-dir", str(index_dir), "--limit", str(LIMIT)]
    done = run_cli(*args, *(["--exact"] if exact else []))
    assert done.returncode == 0, done.stderr
    payload: dict[str, Any] = json.loads(done.stdout)
    assert payload["query"] == query
    return payload


def through_engine(corpora: Corpora, case: Case) -> Observed:
    return from_result(corpora.engine(case.docs).search(case.query, limit=LIMIT, exact=case.exact))


def through_cli(corpora: Corpora, case: Case) -> Observed:
    return from_json(cli_search(corpora.index_dir(case.docs), case.query, exact=case.exact))


SURFACES: dict[str, Callable[[Corpora, Case], Observed]] = {
    "engine": through_engine,
    "cli": through_cli,
}


def test_the_table_has_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("surface", list(SURFACES))
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(corpora: Corpora, case: Case, surface: str) -> None:
    check(case, SURFACES[surface](corpora, case))
