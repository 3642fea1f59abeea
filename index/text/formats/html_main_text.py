"""The article of a news page: its heading, date line and paragraphs, without the page around it.

Menus, sidebars ("Tin đọc nhiều"), related links, comments, ads and footers are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.text.formats.html_tree import BLOCK_TAGS, Element, is_hidden, visible_text
from index.text.formats.limits import Deadline

# Parts of a page that are never the article, by tag and by ARIA role.
_BOILERPLATE_TAGS = frozenset({"nav", "aside", "footer", "header", "form", "dialog", "menu"})
_BOILERPLATE_ROLES = frozenset(
    {"navigation", "complementary", "contentinfo", "banner", "search", "menu", "menubar"}
)
# What sites call those parts in `class` and `id` (English and Vietnamese), and the article.
_NEGATIVE = re.compile(
    r"-(?:nav|navbar|navigation|menu|mainmenu|sidebar|side|aside|header|masthead|topbar|"
    r"footer|foot|breadcrumbs?|related|relate|lien-?quan|tinlienquan|comments?|binh-?luan|"
    r"share|sharing|social|ad|ads\w*|adv\w*|banner\w*|qc|quang-?cao|popular|"
    r"most-?read|most-?viewed?|xem-?nhieu|doc-?nhieu|docnhieu|widget|tags?|keywords?|"
    r"newsletter|subscribe|login|promo\w*|sponsor\w*|copyright|rss|print|hidden)(?=-)"
)
_POSITIVE = re.compile(
    r"-(?:article\w*|content\w*|detail\w*|body|entry|main|post|story|text|fck\w*|"
    r"singular\w*|sapo|news|chi-?tiet|noi-?dung)(?=-)"
)
_LEAD = re.compile(r"-(?:sapo|description|lead|summary|intro|abstract|chapeau)(?=-)")
_COMMENTS = re.compile(r"-(?:comments?|comment\w*|binh-?luan|y-?kien|fb)(?=-)")
_DATE_HINT = re.compile(r"-(?:date\w*|time\w*|publish\w*|ngay\w*|thoi-?gian)(?=-)")
_NEVER_DROPPED = frozenset({"html", "body", "main"})
_PARAGRAPH_TAGS = frozenset(
    {"p", "pre", "td", "blockquote", "li", "dd", "div", "section", "article", "h2"}
)
_SELF_CANDIDATE_TAGS = frozenset({"td", "div", "section", "article", "blockquote"})
_CONTAINER_TAGS = frozenset(
    {
        "div",
        "section",
        "ul",
        "ol",
        "dl",
        "table",
        "tbody",
        "tr",
        "td",
        "aside",
        "nav",
        "article",
        "header",
        "font",
        "span",
    }
)
_TAG_WEIGHT = {"div": 5, "article": 5, "pre": 3, "td": 3, "blockquote": 3}
_TAG_WEIGHT.update(dict.fromkeys(("address", "ol", "ul", "dl", "dd", "dt", "li", "form"), -3))
_TAG_WEIGHT.update(dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6", "th"), -5))
_HINT_WEIGHT = 25
_MIN_PARAGRAPH_CHARS = 25  # shorter blocks are labels, bylines, buttons
_MIN_ARTICLE_CHARS = 200  # below this the page has no article to pick
_MIN_ARTICLE_PARAGRAPHS = 2
_MIN_ONE_BLOCK_ARTICLE_CHARS = 500  # one block of <br>-parted lines (old table layouts)
_MAX_LINK_DENSITY = 0.5  # a container mostly of links is a menu or a list of other articles
_MAX_DATE_CHARS = 80
_MIN_LEAD_CHARS = 80
_CHECK_EVERY = 4096


@dataclass(frozen=True)
class Article:
    """The article found on a page: its text (heading first) and its heading alone."""

    text: str
    heading: str


@dataclass
class _Stats:
    """Per element: characters of visible text and of link text, boilerplate or not, score."""

    chars: dict[Element, int]
    link_chars: dict[Element, int]
    dropped: set[Element]
    commas: dict[Element, int]
    scores: dict[Element, float] = field(default_factory=dict)
    paragraphs: dict[Element, int] = field(default_factory=dict)

    def link_density(self, element: Element) -> float:
        chars = self.chars.get(element, 0)
        return self.link_chars.get(element, 0) / chars if chars else 0.0

    def own_chars(self, element: Element) -> int:
        return self.chars.get(element, 0) - self.link_chars.get(element, 0)


def find_article(html: Element, deadline: Deadline) -> Article | None:
    """The article on the page `html`, or None when the page has no clear one (a plain
    document, a list of links): then all its visible text is the document."""
    body = next((element for element in html.iter() if element.tag == "body"), html)
    stats = _measure(body, deadline)
    heading = _main_heading(body, stats)
    protected = set(heading.ancestors()) if heading is not None else set()
    protected |= {
        ancestor
        for element in body.iter()
        if element.attrs.get("itemprop", "").lower() == "articlebody"
        for ancestor in (element, *element.ancestors())
    }
    _mark_boilerplate(body, stats, protected, deadline)
    top = _best_candidate(body, stats, deadline)
    if top is None:
        return None
    own = stats.own_chars(top)
    if own < _MIN_ARTICLE_CHARS or (
        own < _MIN_ONE_BLOCK_ARTICLE_CHARS
        and _paragraphs_below(top, stats) < _MIN_ARTICLE_PARAGRAPHS
    ):
        return None
    parts = _article_parts(top, heading, stats)
    chosen = set(parts)
    protected |= chosen | set(top.ancestors())

    def skip(element: Element) -> bool:
        if is_hidden(element):
            return True
        if element in chosen:
            return False
        if element in stats.dropped:
            return True
        return (
            element.tag in _CONTAINER_TAGS
            and element not in protected
            and stats.link_density(element) > _MAX_LINK_DENSITY
        )

    texts = [visible_text(part, skip, deadline) for part in parts]
    heading_text = visible_text(heading, skip) if heading is not None else ""
    return Article("\n".join(text for text in texts if text), heading_text)


def _hint_key(element: Element) -> str:
    """`id` and `class` as `-word-word-`, so patterns match whole words of a class name."""
    return "-" + re.sub(r"[^a-z0-9]+", "-", element.hints) + "-"


def _measure(body: Element, deadline: Deadline) -> _Stats:
    """Visible and link characters of every element, children before parents."""
    chars: dict[Element, int] = {}
    link_chars: dict[Element, int] = {}
    commas: dict[Element, int] = {}
    elements = list(body.iter())
    for count, element in enumerate(reversed(elements), 1):
        if count % _CHECK_EVERY == 0:
            deadline.check()
        if is_hidden(element):
            chars[element] = link_chars[element] = commas[element] = 0
            continue
        total = links = commas_below = 0
        for child in element.children:
            if isinstance(child, str):
                total += len(child) - child.count(" ") - child.count("\n")
                commas_below += child.count(",")
            else:
                total += chars[child]
                links += link_chars[child]
                commas_below += commas[child]
        chars[element] = total
        link_chars[element] = total if element.tag == "a" else links
        commas[element] = commas_below
    return _Stats(chars, link_chars, set(), commas)


def _main_heading(body: Element, stats: _Stats) -> Element | None:
    """The article's `<h1>`: the longest one that is not a link (a site logo often is)."""
    headings = [
        element
        for element in body.find_all("h1")
        if stats.chars[element] and stats.link_density(element) < _MAX_LINK_DENSITY
    ]
    return max(headings, key=lambda element: stats.chars[element], default=None)


def _is_boilerplate(element: Element, stats: _Stats, page_chars: int) -> bool:
    """True for a menu, sidebar, footer, ad, comment or related-links part of the page."""
    if element.tag in _NEVER_DROPPED:
        return False
    if stats.chars.get(element, 0) > page_chars / 2:
        return False  # what holds most of the page's text is not a sidebar
    if element.tag in _BOILERPLATE_TAGS:
        return True
    if element.attrs.get("role", "").lower() in _BOILERPLATE_ROLES:
        return True
    return bool(_NEGATIVE.search(_hint_key(element)))


def _mark_boilerplate(
    body: Element, stats: _Stats, protected: set[Element], deadline: Deadline
) -> None:
    """Mark every element inside a boilerplate part, except the article heading's ancestors."""
    page_chars = stats.chars.get(body, 0)
    for count, element in enumerate(body.iter(), 1):
        if count % _CHECK_EVERY == 0:
            deadline.check()
        parent = element.parent
        if (parent is not None and parent in stats.dropped) or (
            element not in protected and _is_boilerplate(element, stats, page_chars)
        ):
            stats.dropped.add(element)


def _has_block_children(element: Element) -> bool:
    return any(isinstance(child, Element) and child.tag in BLOCK_TAGS for child in element.children)


def _weight(element: Element) -> float:
    """A candidate's head start: its tag, and whether its class names an article or not."""
    key = _hint_key(element)
    weight = float(_TAG_WEIGHT.get(element.tag, 0))
    if _POSITIVE.search(key):
        weight += _HINT_WEIGHT
    if _NEGATIVE.search(key):
        weight -= _HINT_WEIGHT
    return weight


def _best_candidate(body: Element, stats: _Stats, deadline: Deadline) -> Element | None:
    """The element whose paragraphs score highest (Readability's measure): each paragraph
    scores by length and commas, credited to its parent, and less to the ancestors above."""
    for count, element in enumerate(body.iter(), 1):
        if count % _CHECK_EVERY == 0:
            deadline.check()
        if element.tag not in _PARAGRAPH_TAGS or element in stats.dropped:
            continue
        if element.tag in {"div", "section", "article"} and _has_block_children(element):
            continue
        own = stats.own_chars(element)
        if own < _MIN_PARAGRAPH_CHARS:
            continue
        score = 1 + stats.commas[element] + min(own // 100, 3)
        if element.tag in _SELF_CANDIDATE_TAGS:  # a cell or box of text lines parted by <br>
            stats.scores[element] = stats.scores.get(element, _weight(element)) + score
        for level, ancestor in enumerate(element.ancestors()):
            if level > 4:
                break
            if ancestor in stats.dropped:
                break
            if ancestor not in stats.scores:
                stats.scores[ancestor] = _weight(ancestor)
            stats.scores[ancestor] += score / (1 if level == 0 else 2 if level == 1 else level * 3)
            if level == 0:
                stats.paragraphs[ancestor] = stats.paragraphs.get(ancestor, 0) + 1
    best: Element | None = None
    best_score = 0.0
    for element, total in stats.scores.items():
        final = total * (1 - stats.link_density(element))
        if final > best_score:
            best, best_score = element, final
    return best


def _paragraphs_below(top: Element, stats: _Stats) -> int:
    """Scored paragraphs under `top` (counted at their parents)."""
    return sum(
        count
        for element, count in stats.paragraphs.items()
        if element is top or top in element.ancestors()
    )


def _article_parts(top: Element, heading: Element | None, stats: _Stats) -> list[Element]:
    """The elements whose text is the article, in page order: `top`, and when they sit outside
    it the heading, the date line, the lead (sapo) and sibling blocks that read as part of it."""
    parts = [top]
    top_score = stats.scores.get(top, 0.0)
    if top.parent is not None:
        for sibling in top.parent.children:
            if (
                isinstance(sibling, Element)
                and sibling is not top
                and sibling not in stats.dropped
                and not is_hidden(sibling)
                and stats.scores.get(sibling, 0.0) >= max(10.0, top_score * 0.2)
            ):
                parts.append(sibling)
    if heading is not None:
        parts.append(heading)
        parts.extend(_leads(heading, top, stats))
    date = _date_line(top, heading, stats)
    if date is not None:
        parts.append(date)
    parts = [part for part in parts if not _inside_any(part, [p for p in parts if p is not part])]
    ordered = sorted(set(parts), key=lambda element: element.order)
    if heading in ordered:  # the heading first: the first line is a document's title
        ordered.remove(heading)
        ordered.insert(0, heading)
    return ordered


def _leads(heading: Element, top: Element, stats: _Stats) -> list[Element]:
    """Blocks between the heading and the body that read as the article's lead: a `sapo` or
    `description` class, or a paragraph of prose."""
    leads: list[Element] = []
    scope = heading.parent or heading
    for element in scope.iter():
        if element.order <= heading.order or element in stats.dropped or is_hidden(element):
            continue
        if element.order >= top.order:
            break
        low_links = stats.link_density(element) < 0.25
        if low_links and (
            _LEAD.search(_hint_key(element))
            or (element.tag == "p" and stats.own_chars(element) >= _MIN_LEAD_CHARS)
        ):
            leads.append(element)
    return leads


def _inside_any(element: Element, parts: list[Element]) -> bool:
    chain = {element, *element.ancestors()}
    return any(part in chain for part in parts)


def _date_line(top: Element, heading: Element | None, stats: _Stats) -> Element | None:
    """The article's short dated line (class `date`, `time`, a `<time>`): the first one near
    the heading (in the heading's parent), else in the body; even in a `header` box."""
    scopes = [heading.parent] if heading is not None and heading.parent is not None else []
    for scope in (*scopes, top):
        for element in scope.iter():
            if is_hidden(element) or _in_comments(element):
                continue
            if element.tag != "time" and not _DATE_HINT.search(_hint_key(element)):
                continue
            chars = stats.chars.get(element, 0)
            if 0 < chars <= _MAX_DATE_CHARS and any(
                ch.isdigit() for ch in visible_text(element, lambda _: False)
            ):
                return element
    return None


def _in_comments(element: Element) -> bool:
    """True inside a readers' comments box (their dates are not the article's)."""
    return any(_COMMENTS.search(_hint_key(e)) for e in (element, *element.ancestors()))
