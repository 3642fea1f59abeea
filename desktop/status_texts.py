"""What the window says about its state: the empty results pane, result and document counts.

Plain functions of what is known, so the wording lives in one place and needs no widget.
"""

from __future__ import annotations

import html
from enum import Enum
from pathlib import PurePath

from PySide6.QtCore import QCoreApplication

from index import SearchResult, WatchEvent, WatchUpdate

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
    *,
    building: bool,
    doc_count: int,
    query: str,
    no_results: bool,
    exact: bool,
    seeds_only: bool = False,
) -> tuple[str, str]:
    """Title and body (rich text) for the results pane with nothing to list; ("", "") for none.

    `building`: the first index is being built; `no_results`: a search for `query` found nothing;
    `seeds_only`: the index holds only the bundled articles, so the start says how to add one's own.
    """
    if building:
        return (
            translate("MainWindow", "Building the index…"),
            translate(
                "MainWindow", "The first start reads the bundled articles. This takes a moment."
            ),
        )
    if not query:
        body = translate(
            "MainWindow",
            "Type words with or without accents: <i>chu tich nuoc</i> finds <i>Chủ tịch nước</i>.",
        )
        if seeds_only:
            hint = translate(
                "MainWindow",
                '<a href="%1">Add your own folder</a>: File → Folders… or drag a folder onto '
                "the window.",
            )
            body += "<br><br>" + hint.replace("%1", html.escape(link_href(LinkAction.ADD_FOLDER)))
        return translate("MainWindow", "Search %n document(s)", "", doc_count), body
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
    shown, total = len(result.hits), result.total  # lupdate reads a plain name as the count
    if not result.total_exact:  # the exact total is still being counted
        text = translate("MainWindow", "%1 of at least %n result(s) · %2 ms", "", total)
        return text.replace("%1", str(shown)).replace("%2", took)
    if result.total > shown:
        text = translate("MainWindow", "%1 of %n result(s) · %2 ms", "", total)
        return text.replace("%1", str(shown)).replace("%2", took)
    return translate("MainWindow", "%n result(s) · %1 ms", "", total).replace("%1", took)


def document_count(count: int) -> str:
    """'2 documents', for the status bar's corner."""
    return translate("MainWindow", "%n document(s)", "", count)


def watch_note(update: WatchUpdate) -> str:
    """What the status bar says about one thing the watcher did; "" for nothing worth saying."""
    if update.kind is WatchEvent.UPDATE and (update.indexed or update.removed):
        return (
            translate("MainWindow", "Changes indexed: %1 updated, %2 removed.")
            .replace("%1", str(len(update.indexed)))
            .replace("%2", str(len(update.removed)))
        )
    if update.kind is WatchEvent.RESCAN and update.report is not None and update.report.changed:
        report = update.report
        return (
            translate("MainWindow", "Changes indexed: %1 updated, %2 removed.")
            .replace("%1", str(report.added + report.updated))
            .replace("%2", str(report.removed))
        )
    if update.kind is WatchEvent.FALLBACK:
        folder = update.folders[0] if update.folders else ""
        name = PurePath(folder).name or folder
        return (
            translate("MainWindow", "Not watching %1 (%2): it is rescanned every minute instead.")
            .replace("%1", name)
            .replace("%2", watch_reason(update.reason))
        )
    if update.kind is WatchEvent.WAITING:
        return translate("MainWindow", "Waiting for another indexing run…")
    if update.kind is WatchEvent.ERROR:
        return translate("MainWindow", "Watching folders: %1").replace("%1", update.reason)
    return ""


def watch_reason(reason: str) -> str:
    """The engine's reason a folder cannot be watched, in the UI's language where known."""
    if reason.startswith("the system's limit on watched folders"):
        return translate(
            "MainWindow",
            "the system's limit on watched folders is reached "
            "(Linux: raise fs.inotify.max_user_watches)",
        )
    if reason.startswith("the system's limit on file watchers"):
        return translate(
            "MainWindow",
            "the system's limit on file watchers is reached "
            "(Linux: raise fs.inotify.max_user_instances)",
        )
    if reason.startswith(("it is on a network drive", "it is on a network share")):
        return translate("MainWindow", "it is on a network drive")
    if reason == "the folder is gone":
        return translate("MainWindow", "the folder is gone")
    return reason
