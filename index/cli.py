"""The `timtin` command line: index folders and search from a terminal.

`index`, `search` (with `--json` and `--batch`) and `text` are a contract other tools rely on.  The
window's flags are parsed here too, but the window is opened by the caller (`desktop.launch`
passes `open_window`), so the engine never imports it.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import multiprocessing
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from index import __version__
from index.engine import Engine
from index.errors import TimTinError, reason_of
from index.indexing import update_index
from index.indexing.watch import Watcher, WatchEvent, WatchUpdate
from index.log import attach_log_file, logger
from index.paths import default_index_dir, force_portable, log_dir
from index.query.filters import Filters, absolute_folder, day_bound, filters_from, kinds_of
from index.results import SORT_CHOICES, IndexReport, Progress, SearchResult
from index.storage import check_index
from index.text.documents import DocumentText, read_text

WindowOpener = Callable[[argparse.Namespace], int]
log = logger(__name__)

_MARK = re.compile(r"<mark>(.*?)</mark>")
_TAG = re.compile(r"<[^>]+>")


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timtin", description="Tìm Tin: offline full-text search for Vietnamese text."
    )
    parser.add_argument("--version", action="version", version=f"timtin {__version__}")
    parser.add_argument("--index-dir", help="where the index lives")
    parser.add_argument("--portable", action="store_true", help="keep data beside the program")
    parser.add_argument("--screenshot", metavar="OUT.png", help="save a picture of the window")
    parser.add_argument("--query", default="", help="query to run in the window")
    parser.add_argument("--self-test", action="store_true", help="check the program works")
    commands = parser.add_subparsers(dest="command")

    index_cmd = commands.add_parser("index", help="add or update folders in the index")
    index_cmd.add_argument("paths", nargs="*", help="files or folders (default: bundled seeds)")
    index_cmd.add_argument("--index-dir", dest="sub_index_dir", help="where the index lives")
    index_cmd.add_argument("--rebuild", action="store_true", help="start the index from scratch")
    index_cmd.add_argument(
        "--no-wait",
        action="store_true",
        help="exit with an error instead of waiting when another run is indexing",
    )

    watch_cmd = commands.add_parser("watch", help="keep the index up to date as files change")
    watch_cmd.add_argument("paths", nargs="*", help="folders to watch (default: the indexed ones)")
    watch_cmd.add_argument("--index-dir", dest="sub_index_dir", help="where the index lives")

    check_cmd = commands.add_parser("check", help="verify every part of the index")
    check_cmd.add_argument("--index-dir", dest="sub_index_dir", help="where the index lives")
    check_cmd.add_argument(
        "--repair", action="store_true", help="rewrite what is damaged from the indexed folders"
    )

    text_cmd = commands.add_parser(
        "text", help="print a file's text as indexed (search offsets point into it)"
    )
    text_cmd.add_argument("path", help="the file to read")
    text_cmd.add_argument("--json", action="store_true", help="print one JSON object")

    search_cmd = commands.add_parser("search", help="search the index")
    search_cmd.add_argument("query", nargs="?", default="", help="the query (Whoosh syntax)")
    search_cmd.add_argument("--index-dir", dest="sub_index_dir", help="where the index lives")
    search_cmd.add_argument("--limit", type=int, default=10, help="how many hits (default 10)")
    search_cmd.add_argument("--exact", action="store_true", help="match accents as typed")
    search_cmd.add_argument(
        "--typing",
        action="store_true",
        help="search as the window does while typing: the unfinished last word is a prefix",
    )
    search_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    search_cmd.add_argument("--batch", action="store_true", help="one query per stdin line")
    search_cmd.add_argument(
        "--sort",
        choices=SORT_CHOICES,
        default="relevance",
        help="order of hits (date and newest: newest first; name: by file name)",
    )
    search_cmd.add_argument(
        "--after",
        type=_date_bound,
        default=None,
        metavar="DATE",
        help="documents dated on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)",
    )
    search_cmd.add_argument(
        "--before",
        type=_date_bound,
        default=None,
        metavar="DATE",
        help="documents dated on or before DATE (a month or year: up to its last day)",
    )
    search_cmd.add_argument(
        "--folder",
        action="append",
        default=[],
        help="documents under this folder (repeat for several)",
    )
    search_cmd.add_argument(
        "--type",
        action="append",
        type=_file_types,
        default=[],
        metavar="TYPE",
        help="file type: pdf, docx, txt … (repeat or comma-separate for several)",
    )
    return parser


def _date_bound(value: str) -> str:
    """A `--after`/`--before` value as typed, once it reads as a date, month or year."""
    if day_bound(value, end=False) is None:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return value


def _file_types(value: str) -> str:
    """A `--type` value as typed, once every comma-separated part names a file type."""
    if kinds_of(value) is None:
        raise argparse.ArgumentTypeError(f"not a file type: {value!r} (such as pdf, docx, txt)")
    return value


def _search_filters(args: argparse.Namespace) -> Filters:
    """The filter `--after`, `--before`, `--folder` and `--type` ask for (folders as paths
    from the current folder, like the shell's)."""
    return filters_from(
        after=args.after or "",
        before=args.before or "",
        folders=[absolute_folder(folder) for folder in args.folder],
        kinds=args.type,
    )


def _index_dir(args: argparse.Namespace) -> Path:
    return default_index_dir(getattr(args, "sub_index_dir", None) or args.index_dir)


class _ProgressLine:
    """Progress on stderr: one rewritten line on a terminal, a few lines otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.last_tenth = -1

    def __call__(self, progress: Progress) -> None:
        if self.tty:
            self.stream.write(f"\rIndexing {progress.done}/{progress.total} files")
            self.stream.flush()
            return
        tenth = progress.done * 10 // max(progress.total, 1)
        if tenth != self.last_tenth:
            self.last_tenth = tenth
            self.stream.write(f"Indexing {progress.done}/{progress.total} files\n")

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")


def run_index(args: argparse.Namespace) -> int:
    """Run `timtin index`: update the index, print the summary and each skipped file."""
    progress = _ProgressLine(sys.stderr)

    def waiting(message: str) -> None:
        print(f"timtin: {message}", file=sys.stderr, flush=True)

    try:
        report = update_index(
            args.paths or None,
            _index_dir(args),
            rebuild=args.rebuild,
            progress=progress,
            wait=not args.no_wait,
            waiting=waiting,
        )
    except KeyboardInterrupt:
        progress.finish()
        print("Interrupted: what was indexed so far is kept.", file=sys.stderr)
        return 130
    progress.finish()
    _print_report(report)
    return 0


def _print_report(report: IndexReport) -> None:
    print(
        f"Indexed: {report.added} added, {report.updated} updated, {report.removed} removed, "
        f"{report.unchanged} unchanged, {len(report.skipped)} skipped"
    )
    for repaired in report.repaired:
        print(f"repaired: {repaired}", file=sys.stderr)
    for skipped in report.skipped:
        print(f"skipped: {skipped.path}: {skipped.reason}", file=sys.stderr)


def _open_engine(index_dir: Path) -> Engine:
    engine = Engine(index_dir)
    if engine.needs_rebuild:
        print("The index is outdated or was damaged: rebuilding it.", file=sys.stderr)
        engine.close()
        update_index(None, index_dir)
        engine = Engine(index_dir)
    return engine


def _terminal_snippet(snippet: str, tty: bool) -> str:
    marked = _MARK.sub(r"\033[1;33m\1\033[0m" if tty else r"**\1**", snippet)
    return html.unescape(_TAG.sub("", marked))


def _print_readable(result: SearchResult, stream: TextIO) -> None:
    tty = stream.isatty()
    print(f'{result.total} result(s) for "{result.query}" in {result.took_ms:.0f} ms', file=stream)
    if result.corrected_query:
        print(f"Showing results for: {result.corrected_query}", file=stream)
    if result.suggestion:
        print(f"Did you mean: {result.suggestion}", file=stream)
    if result.variants:
        forms = " · ".join(f"{v.form} {v.doc_count}" for v in result.variants)
        print(f"Accented forms: {forms}", file=stream)
    for rank, hit in enumerate(result.hits, start=1):
        print(f"\n{rank}. {hit.title}", file=stream)
        details = " · ".join(part for part in (hit.date, f"score {hit.score:.2f}") if part)
        print(f"   {hit.path}  ({details})", file=stream)
        print(f"   {_terminal_snippet(hit.snippet, tty)}", file=stream)


def run_watch(args: argparse.Namespace) -> int:
    """Run `timtin watch`: a rescan, then one line per update until Ctrl+C or SIGTERM, which
    end it with everything committed kept."""
    stop = threading.Event()

    def tell(update: WatchUpdate) -> None:
        done = update.kind in (WatchEvent.RESCAN, WatchEvent.UPDATE)  # the rest: to stderr
        print(
            update.describe() if done else f"timtin: {update.describe()}",
            file=sys.stdout if done else sys.stderr,
            flush=True,
        )

    watcher = Watcher(_index_dir(args), args.paths or None, on_update=tell)
    previous = {
        number: signal.signal(number, lambda *_: stop.set())
        for number in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        watcher.start()
        while watcher.running and not stop.wait(0.25):
            pass
    finally:
        watcher.stop()
        for number, handler in previous.items():
            signal.signal(number, handler)
    if not stop.is_set():  # the watcher ended by itself: it said why
        return 1
    print("Stopped watching: what was indexed is kept.", file=sys.stderr)
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Run `timtin check`: list what is damaged (exit 1), or repair it with `--repair`."""
    index_dir = _index_dir(args)
    problems = check_index(index_dir)
    for problem in problems:
        print(f"damaged: {problem}")
    if not problems:
        print(f"The index at {index_dir} is intact.")
        return 0
    if not args.repair:
        print("Run `timtin check --repair` to rewrite it from the indexed folders.")
        return 1
    report = update_index(None, index_dir, verify=True)
    _print_report(report)
    left = check_index(index_dir)
    for problem in left:
        print(f"still damaged: {problem}")
    return 1 if left else 0


def run_search(args: argparse.Namespace) -> int:
    """Run `timtin search`: one query, or one per stdin line with `--batch`."""
    filters = _search_filters(args)
    engine = _open_engine(_index_dir(args))
    try:
        if args.batch:
            for line in sys.stdin:
                result = engine.search(
                    line.rstrip("\n"),
                    limit=args.limit,
                    exact=args.exact,
                    sort=args.sort,
                    filters=filters,
                    typing=args.typing,
                )
                print(json.dumps(result.to_json(), ensure_ascii=False), flush=True)
            return 0
        result = engine.search(
            args.query,
            limit=args.limit,
            exact=args.exact,
            sort=args.sort,
            filters=filters,
            typing=args.typing,
        )
        if args.json:
            print(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            _print_readable(result, sys.stdout)
        return 0
    finally:
        engine.close()


def text_json(path: Path, document: DocumentText) -> dict[str, object]:
    """The contract shape of `timtin text --json`: `pages` only for paged formats."""
    payload: dict[str, object] = {
        "path": str(path),
        "kind": document.kind,
        "encoding": document.encoding,
        "title": document.title,
        "date": document.date,
        "text": document.text,
    }
    if document.page_starts:
        payload["pages"] = [
            {"page": number, "start": start}
            for number, start in enumerate(document.page_starts, start=1)
        ]
    return payload


def run_text(args: argparse.Namespace) -> int:
    """Run `timtin text`: the extracted, normalised text exactly as indexed (no newline is
    added, so `text[start:end]` of a hit's `matches` is the matched words), or one JSON object."""
    path = Path(args.path).absolute()
    try:
        document = read_text(path)
    except (TimTinError, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else None
        print(f"timtin: cannot read {path}: {reason or reason_of(error)}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(text_json(path, document), ensure_ascii=False))
    else:
        sys.stdout.write(document.text)
        sys.stdout.flush()
    return 0


def window_index_dir(args: argparse.Namespace) -> Path | None:
    """The index folder the window was asked to use, or None for its default."""
    return default_index_dir(args.index_dir) if args.index_dir else None


def main(argv: Sequence[str] | None = None, open_window: WindowOpener | None = None) -> int:
    """Run the command line; without a command, `open_window(args)` opens the window
    (`--self-test` and `--screenshot` included), or a message says only commands work."""
    multiprocessing.freeze_support()
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    for handler in logging.getLogger().handlers:  # the terminal gets warnings; the file more
        handler.setLevel(logging.WARNING)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            # A file name that is not valid UTF-8 prints escaped (`\udcff`), and JSON reads
            # that escape back to the same name.
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(encoding="utf-8", errors="replace")
    args = _build_parser().parse_args(argv)
    if args.portable:
        try:
            force_portable()
        except OSError as error:
            print(
                f"timtin: cannot use portable mode: {error.strerror} ({error.filename}). "
                "Copy the program to a folder you can write to, or leave out --portable.",
                file=sys.stderr,
            )
            return 2
    if args.command:
        attach_log_file(log_dir())
    try:
        if args.command == "index":
            return run_index(args)
        if args.command == "search":
            return run_search(args)
        if args.command == "text":
            return run_text(args)
        if args.command == "check":
            return run_check(args)
        if args.command == "watch":
            return run_watch(args)
    except BrokenPipeError:  # `timtin search … | head`: the reader stopped listening
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (TimTinError, OSError) as error:  # expected: a sentence, the traceback to the log
        log.info("timtin %s failed", args.command, exc_info=True)  # the log file only
        print(f"timtin: {reason_of(error)}", file=sys.stderr)
        return 1
    if open_window is None:
        print(
            "timtin: the window is not part of this program; use `timtin index` or "
            "`timtin search`.",
            file=sys.stderr,
        )
        return 2
    return open_window(args)


if __name__ == "__main__":
    sys.exit(main())
