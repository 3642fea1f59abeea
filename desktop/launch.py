"""The `timtin` console script: the command line, or the window when no command is given.

It lives in `desktop` so that `index.cli` never imports the window; Qt is imported only when
the window, its screenshot or its self-test is wanted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from index import cli


def open_window(args: argparse.Namespace) -> int:
    """Open the window, take its screenshot or run the self-test, as `args` ask."""
    if args.self_test:
        from desktop.self_test import run_self_test

        return run_self_test()
    from desktop.app import run_app, take_screenshot

    index_dir = cli.window_index_dir(args)
    if args.screenshot:
        return take_screenshot(Path(args.screenshot), query=args.query, index_dir=index_dir)
    return run_app(index_dir, query=args.query)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `timtin` console script and of the frozen program."""
    return cli.main(argv, open_window=open_window)


if __name__ == "__main__":
    sys.exit(main())
