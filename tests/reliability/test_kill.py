"""kill -9 at random moments of a build and of an update, then open, search and index again.

After each trial: no live orphan, the index opens and searches, and a plain `timtin index`
leaves no lost, duplicated or stale document.  TIMTIN_KILL_TRIALS sets the count (default 12);
each trial prints its seed, and TIMTIN_KILL_SEED replays one.
"""

from __future__ import annotations

import os
import random
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from index import Engine
from index.storage import read_meta
from tests.conftest import run_cli
from tests.reliability.conftest import (
    differences,
    indexed_documents,
    new_marker,
    no_differences,
    on_linux,
    start_timtin,
    wait_for_no_orphans,
    write_articles,
)

TRIALS = int(os.environ.get("TIMTIN_KILL_TRIALS", "12"))
FIRST_SEED = int(os.environ.get("TIMTIN_KILL_SEED", "1000"))
FILES = 4000  # past the parallel threshold: worker processes write the segments


@dataclass
class Tally:
    """What the trials saw, printed at the end for BENCHMARKS.md (`make torture`)."""

    trials: int = 0
    killed_mid_run: int = 0
    orphans: int = 0
    repair_seconds: list[float] = field(default_factory=list)


TALLY = Tally()


def kill_at(process: subprocess.Popen[str], seconds: float) -> bool:
    """kill -9 `process` after `seconds`; True if it was still running then."""
    try:
        process.wait(seconds)
        return False
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return True


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill") / "corpus"
    write_articles(folder, range(FILES))
    return folder


@pytest.mark.parametrize("seed", range(FIRST_SEED, FIRST_SEED + TRIALS))
def test_kill_minus_nine_loses_duplicates_and_orphans_nothing(
    corpus: Path, tmp_path: Path, seed: int
) -> None:
    print(f"kill trial seed {seed} (replay: TIMTIN_KILL_SEED={seed} TIMTIN_KILL_TRIALS=1)")
    rng = random.Random(seed)
    index_dir = tmp_path / "index"
    kind = rng.choice(["build", "update"])
    if kind == "update":  # a finished index, then edits, additions and deletions
        assert run_cli("index", str(corpus), "--index-dir", str(index_dir)).returncode == 0
        changed = rng.sample(range(FILES), 300)
        write_articles(corpus, range(FILES, FILES + 200))
        write_articles(corpus, range(0), edition=seed)
        for n in changed[:200]:
            write_articles(corpus, range(n, n + 1), edition=seed)
        for n in changed[200:]:
            (corpus / f"bai{n:05d}.txt").unlink(missing_ok=True)

    marker = new_marker()
    process = start_timtin("index", str(corpus), "--index-dir", str(index_dir), marker=marker)
    killed = kill_at(process, rng.uniform(0.1, 1.2))
    TALLY.trials += 1
    TALLY.killed_mid_run += killed

    if on_linux():
        orphans = wait_for_no_orphans(marker)
        TALLY.orphans += len(orphans)
        assert orphans == [], f"processes outlived their killed parent: {orphans}"

    engine = Engine(index_dir)  # opens and searches whatever the killed run committed
    try:
        engine.search("kinh te")
    finally:
        engine.close()

    # A plain `timtin index` resumes the folders the index remembers.  A run killed before it
    # recorded its folder (while Python was still starting) must have committed nothing of it;
    # the user then repeats the command they typed.
    remembered = read_meta(index_dir)
    again = ["index", "--index-dir", str(index_dir)]
    if remembered is None or str(corpus) not in remembered.roots:
        assert not any(p.startswith(str(corpus)) for p, _ in indexed_documents(index_dir))
        again.insert(1, str(corpus))
    started = time.monotonic()
    done = run_cli(*again)
    TALLY.repair_seconds.append(time.monotonic() - started)
    assert done.returncode == 0, done.stderr
    assert differences(index_dir, corpus) == no_differences()
    assert not list(index_dir.glob(".building-*"))
    if kind == "update":  # put the corpus back for the next trial
        for path in corpus.glob("*.txt"):
            path.unlink()
        write_articles(corpus, range(FILES))


def test_zz_print_the_tally() -> None:
    """The figures `make torture` reports (runs last: pytest keeps file order)."""
    if not TALLY.trials:
        pytest.skip("no kill trial ran in this session")
    worst = max(TALLY.repair_seconds)
    print(
        f"\nkill -9 trials: {TALLY.trials}, killed mid-run: {TALLY.killed_mid_run}, "
        f"orphans: {TALLY.orphans}, lost/duplicated/stale: 0, "
        f"slowest repairing run: {worst:.2f} s"
    )
    assert TALLY.orphans == 0
