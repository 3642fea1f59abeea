"""Child-process entry point: run one phase of one engine and print its result as JSON.

Usage: python -m bench.worker ENGINE PHASE JSON_ARGS (ENGINE: `ours`, `fts5`, `tantivy`, `big`).
"""

from __future__ import annotations

import importlib
import json
import sys

from bench.measure import RESULT_MARK

MODULES = {
    "ours": "bench.ours",
    "fts5": "bench.peer_fts5",
    "tantivy": "bench.peer_tantivy",
    "big": "bench.big_documents",
}


def main(argv: list[str]) -> int:
    engine, phase, raw_args = argv
    module = importlib.import_module(MODULES[engine])
    result = getattr(module, f"phase_{phase}")(**json.loads(raw_args))
    print(RESULT_MARK + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
