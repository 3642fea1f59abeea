"""The frozen program's entry script: PyInstaller starts here instead of the console script.

`freeze_support()` comes first so a multiprocessing child (the indexing workers) never
re-runs the command line.
"""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from desktop.launch import main

    sys.exit(main())
