"""Shared fixtures: real on-disk corpora and Whoosh indexes built in `tmp_path`.

Nothing is mocked: every test that searches builds its index with the real indexer.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from index.engine import Engine
from index.indexing.update import update_index

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
TEST_DATA_HOME = Path(tempfile.mkdtemp(prefix="timtin-tests-data-"))
# The tests' own process too: the window's start-up (run in-process by some tests) attaches
# its log file in the user data folder, which must never be the real one.
os.environ["XDG_DATA_HOME"] = str(TEST_DATA_HOME)
LUONG_CUONG = SEEDS / "004_95fb111942143312.txt"
MOSCOW_VISIT = SEEDS / "000_a37147b4426653dc.txt"


def cli_env(**extra: str) -> dict[str, str]:
    """The bare environment a `timtin` subprocess of the tests runs in, plus `extra`."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(REPO),
        "XDG_DATA_HOME": str(TEST_DATA_HOME),  # the log file goes here, not into a home
        "PYTHONIOENCODING": "utf-8",
        **extra,
    }


def run_cli(
    *args: str, stdin: str = "", env_index: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `timtin` from this source tree in a subprocess with a bare environment."""
    env = cli_env()
    if env_index is not None:
        env["TIMTIN_INDEX_DIR"] = str(env_index)
    return subprocess.run(
        [sys.executable, "-m", "desktop.launch", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


def engine_over(
    factory: pytest.TempPathFactory, name: str, files: dict[str, str | bytes]
) -> Iterator[Engine]:
    """An engine over a fresh index of `files`, for a module-scoped fixture to yield from."""
    root = factory.mktemp(name)
    update_index([write_corpus(root / "corpus", files)], root / "index")
    opened = Engine(root / "index")
    yield opened
    opened.close()


_HOLD_RUN_LOCK = (
    "import sys, time; from pathlib import Path; from index.indexing.run_lock import indexing_run\n"
    "with indexing_run(Path(sys.argv[1])):\n"
    "    print('held', flush=True); time.sleep(60)\n"
)


@contextlib.contextmanager
def run_lock_held(index_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding `index_dir`'s indexing run lock (as a `timtin index` in a
    terminal would) for up to a minute, or until the block kills it or ends."""
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLD_RUN_LOCK, str(index_dir)],
        cwd=REPO,
        env=cli_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        yield process
    finally:
        process.kill()
        process.wait()


def count_hits(index_dir: Path, query: str) -> int:
    """How many documents of the index at `index_dir` match `query`, from a fresh engine."""
    engine = Engine(index_dir)
    try:
        return engine.search(query).total
    finally:
        engine.close()


def write_corpus(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` (name -> text or bytes) under `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


@pytest.fixture
def build_engine(tmp_path: Path) -> Iterator[Callable[[dict[str, str | bytes]], Engine]]:
    """Index a small corpus of given files into a fresh index; yields a factory."""
    engines: list[Engine] = []

    def build(files: dict[str, str | bytes]) -> Engine:
        corpus = write_corpus(tmp_path / f"corpus{len(engines)}", files)
        index_dir = tmp_path / f"index{len(engines)}"
        update_index([corpus], index_dir)
        engine = Engine(index_dir)
        engines.append(engine)
        return engine

    yield build
    for engine in engines:
        engine.close()


@pytest.fixture(scope="session")
def seeds_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the bundled seeds, built once per test session."""
    index_dir = tmp_path_factory.mktemp("seeds-index")
    update_index([SEEDS], index_dir)
    return index_dir


@pytest.fixture
def seeds_engine(seeds_index: Path) -> Iterator[Engine]:
    engine = Engine(seeds_index)
    yield engine
    engine.close()
