"""What the window says about its state: the empty results pane, result and document counts.

Plain functions of what is known, so the wording lives in one place and needs no widget.
"""

from __future__ import annotations

import html
from enum import Enum

from PySide6.QtCore import QCoreApplication

from index import SearchResult

# The window's parts share its translation context, "MainWindow", so one catalogue entry per text.
translate = QCoreApplication.translate


class LinkAction(Enum):
    """What a link in the window's texts does when clicked; the value is its href's scheme part."""

    QUERY = "query"  # search for the text after "query:"
    EXACT_OFF = "action:exact-off"  # turn Match accents off
    ADD_FOLDER = "action:add-folder"  # choose a folder to add


def link_href(action: LinkAction, argument: str = "") -> str:
    """The href of a link doing `action` (unescaped: escape it into the attribute)."""
    if action is LinkAction.QUERY:
        return f"{action.value}:{argument}"
    return str(action.value)


def parse_link(href: str) -> tuple[LinkAction, str] | None:
    """The action and argument of a clicked link's href; None for a link the window never makes."""
    scheme, colon, argument = href.partition(":")
    if colon and scheme == LinkAction.QUERY.value:
        return LinkAction.QUERY, argument
    for action in LinkAction:
        if action is not LinkAction.QUERY and href == action.value:
            return action, ""
    return None


def empty_state(
    *, building: bool, doc_count: int, query: str, no_results: bool, exact: bool
) -> tuple[str, str]:
    """Title and body (rich text) for the results pane with nothing to list; ("", "") for none.

    `building`: the first index is being built; `no_results`: a search for `query` found nothing.
    """
    if building:
        return (
            translate("MainWindow", "Building the index…"),
            translate(
                "MainWindow", "The first start reads the bundled articles. This takes a moment."
            ),
        )
    if not query:
        return (
            translate("MainWindow", "Search %n document(s)", "", doc_count),
            translate(
                "MainWindow",
                "Type words with or without accents: <i>chu tich nuoc</i> finds "
                "<i>Chủ tịch nước</i>.",
            ),
        )
    if no_results:
        title = translate("MainWindow", "No results for “%1”").replace("%1", html.escape(query))
        tips = [translate("MainWindow", "Try fewer words, or type them without accents.")]
        if exact:
            turn_off = translate("MainWindow", "Turn off Match accents")
            href = html.escape(link_href(LinkAction.EXACT_OFF))
            tips.append(f'<a href="{href}">{turn_off}</a>')
        return title, "<br>".join(tips)
    return "", ""


def result_count(result: SearchResult) -> str:
    """ "12 results · 8 ms", or "50 of 120 results · 8 ms" when only some are listed."""
    took = f"{result.took_ms:.0f}"
    shown = len(result.hits)
    if not result.total_exact:  # the exact total is still being counted
        text = translate("MainWindow", "%1 of at least %n result(s) · %2 ms", "", result.total)
        return text.replace("%1", str(shown)).replace("%2", took)
    if result.total > shown:
        text = translate("MainWindow", "%1 of %n result(s) · %2 ms", "", result.total)
        return text.replace("%1", str(shown)).replace("%2", took)
    return translate("MainWindow", "%n result(s) · %1 ms", "", result.total).replace("%1", took)


def document_count(count: int) -> str:
    """'2 documents', for the status bar's corner."""
    return translate("MainWindow", "%n document(s)", "", count)
