"""An HTML page as a light tree of elements and text, and the visible text of any part of it.

Parsed by lexbor (selectolax), the HTML5 way browsers recover from broken markup; no recursion.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from index.errors import UndecodableFile
from index.text.formats.limits import Deadline

# Never shown: code, styling, embedded documents, form controls, the head's machinery.
HIDDEN_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "datalist",
        "audio",
        "video",
        "source",
        "track",
        "map",
        "head",
    ]
)
# Elements that start a new line: the text before and after them never runs together.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
_CELL_TAGS = frozenset({"td", "th"})
# Their content is code or markup as text, never words of the page: not even copied.
_OPAQUE_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math"})
_SPACES = re.compile(r"\s+")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*>")
# Elements that never hold anything: no closing tag follows.
VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_KEPT_WHEN_FLAT = frozenset(
    {"html", "head", "body", "title", "meta", "script", "style", "noscript", "template"}
)
_LINE_BREAKS = re.compile(r"(?:<br>\s*){2,}")
_MAX_DEPTH = 512  # Chromium's HTML parser stops nesting here too
_CHECK_EVERY = 4096  # elements between deadline checks


@dataclass(eq=False, slots=True)
class Element:
    """One HTML element: its tag, attributes, children (elements and text) and place in order."""

    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)
    order: int = 0  # position in document order

    @property
    def hints(self) -> str:
        """Its `id` and `class`, lower-cased: what a site calls this part of the page."""
        return f"{self.attrs.get('id', '')} {self.attrs.get('class', '')}".lower()

    def ancestors(self) -> Iterator[Element]:
        """Its parent, the parent's parent … up to the root."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def iter(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(
                child for child in reversed(element.children) if isinstance(child, Element)
            )

    def find_all(self, tag: str) -> list[Element]:
        """Every element named `tag` at or below this one, in document order."""
        return [element for element in self.iter() if element.tag == tag]


def parse_html(text: str, deadline: Deadline) -> Element:
    """The `html` element of the page `text`, with comments and hidden parts (script, style…)
    left out."""
    try:
        parser = LexborHTMLParser(_flattened_if_deep(text))
    except Exception as error:  # lexbor reports failures as plain errors
        raise UndecodableFile(f"damaged HTML: {error}") from error
    root = parser.root
    html = Element("html", {})
    if root is None:
        return html
    _copy_children(root, html, deadline)
    return html


def _flattened_if_deep(text: str) -> str:
    """`text`, or for a page nested past any real one's depth (the HTML5 tree builder is slow
    on those: its work grows with depth at every tag) the same page with its nesting tags
    turned into line breaks (block tags) or dropped (inline ones): its text, in one level."""
    depth = deepest = 0
    for tag in _TAG.finditer(text):
        if tag.group(2).lower() in VOID_TAGS:
            continue
        depth += -1 if tag.group(1) else 1
        deepest = max(deepest, depth)
    if deepest <= _MAX_DEPTH:
        return text

    def flat(tag: re.Match[str]) -> str:
        name = tag.group(2).lower()
        if name in _KEPT_WHEN_FLAT:
            return tag.group(0)
        return "<br>" if name in BLOCK_TAGS else ""

    return _LINE_BREAKS.sub("<br>", _TAG.sub(flat, text))


def _copy_children(source: LexborNode, target: Element, deadline: Deadline) -> None:
    """Copy the lexbor subtree below `source` into `target`, walking siblings, not recursing."""
    stack: list[tuple[LexborNode | None, Element]] = [(source.child, target)]
    order = 0
    while stack:
        node, parent = stack.pop()
        if node is None:
            continue
        stack.append((node.next, parent))
        if node.is_text_node:
            value = node.text_content
            if value:
                parent.children.append(value)
            continue
        if not node.is_element_node:
            continue  # comments, doctypes, processing instructions
        tag = (node.tag or "").lower()
        order += 1
        if order % _CHECK_EVERY == 0:
            deadline.check()
        attrs = {key: value or "" for key, value in node.attributes.items()}
        element = Element(tag, attrs, parent, order=order)
        parent.children.append(element)
        if tag not in _OPAQUE_TAGS:
            stack.append((node.child, element))


def is_hidden(element: Element) -> bool:
    """True for an element no reader sees: scripts, styles, `hidden`, `display:none`."""
    if element.tag in HIDDEN_TAGS or "hidden" in element.attrs:
        return True
    style = element.attrs.get("style", "")
    return "none" in style and bool(re.search(r"display\s*:\s*none", style, re.IGNORECASE))


def visible_text(
    top: Element, skip: Callable[[Element], bool] = is_hidden, deadline: Deadline | None = None
) -> str:
    """The text a reader sees in `top`: one line per block, inline runs kept whole, white
    space collapsed (line breaks kept in `<pre>`), elements for which `skip` is true left out."""
    pieces: list[str] = []
    stack: list[Element | str | tuple[Element]] = [top]  # a 1-tuple marks an element's end
    in_pre = 0
    count = 0
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):
            in_pre -= node[0].tag == "pre"
            pieces.append("\n")
            continue
        if isinstance(node, str):
            pieces.append(node if in_pre else _SPACES.sub(" ", node))
            continue
        count += 1
        if deadline is not None and count % _CHECK_EVERY == 0:
            deadline.check()
        if skip(node):
            pieces.append(" ")  # a skipped element still parts the words on either side
            continue
        if node.tag == "br":
            pieces.append("\n")
            continue
        if node.tag in _CELL_TAGS:
            pieces.append("\t")
        if node.tag in BLOCK_TAGS:
            in_pre += node.tag == "pre"
            pieces.append("\n")
            stack.append((node,))
        stack.extend(reversed(node.children))
    return _tidy("".join(pieces))


def _tidy(text: str) -> str:
    """Lines stripped of runs of spaces, blank lines gone (`<pre>` lines keep their indent)."""
    lines = (_SPACES_IN_LINE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


_SPACES_IN_LINE = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")
