"""The Recoll peer (Xapian): recollindex/recollq from Debian's recollcmd on a throwaway config.

Diacritics stripped by unac, plus đ→d (unac_except_trans); queries run as recollq subprocesses.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from bench.measure import CommandRun, disk_size, run_command

PACKAGE = "recollcmd"
_CONF = """\
topdirs = {corpus}
indexStripChars = 1
defaultcharset = UTF-8
# unac has no mapping for đ/Đ (no Unicode decomposition): fold them like the other engines
unac_except_trans = đd Đd ßss œoe Œoe æae Æae ﬀff ﬁfi ﬂfl ’' ❜' ʼ' ‐-
# no stemmer and no speller for Vietnamese: build neither
indexstemminglanguages =
noaspell = 1
loglevel = 1
"""


def ensure_installed() -> str | None:
    """Install recollcmd with apt-get if recollindex is missing; return why not if that fails."""
    if shutil.which("recollindex") and shutil.which("recollq"):
        return None
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    install = [*sudo, "apt-get", "install", "-y", "-q", "--no-install-recommends", PACKAGE]
    update = [*sudo, "apt-get", "update", "-q"]
    for cmd in (install, update, install):
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if shutil.which("recollindex") and shutil.which("recollq"):
            return None
    return f"{PACKAGE} is not installed and apt-get could not install it"


def version() -> str:
    run = run_command(["dpkg-query", "-W", "-f", "${Version}", PACKAGE])
    return run.output.strip() if run.returncode == 0 else "?"


def _confdir(work: Path) -> Path:
    return work / "recoll"


def build(corpus: Path, work: Path) -> dict[str, object]:
    """Index the corpus from scratch (recollindex -z) in a fresh configuration directory."""
    confdir = _confdir(work)
    shutil.rmtree(confdir, ignore_errors=True)
    confdir.mkdir(parents=True)
    (confdir / "recoll.conf").write_text(_CONF.format(corpus=corpus), encoding="utf-8")
    run = _checked(["recollindex", "-c", str(confdir), "-z"])
    return {
        "wall_s": run.wall_s,
        "peak_rss_kb": run.maxrss_kb,
        "size_bytes": disk_size(confdir / "xapiandb"),
    }


def reindex(work: Path) -> dict[str, object]:
    """Incremental pass after one file changed: recollindex walks the tree and updates it."""
    run = _checked(["recollindex", "-c", str(_confdir(work))])
    status = (_confdir(work) / "idxstatus.txt").read_text(encoding="utf-8")
    done = re.search(r"^docsdone = (\d+)", status, re.MULTILINE)
    updated = int(done.group(1)) if done else -1
    return {"wall_s": run.wall_s, "peak_rss_kb": run.maxrss_kb, "updated": updated}


def reindex_named(work: Path, path: Path) -> dict[str, object]:
    """One changed file named (`recollindex -i`, what its real-time monitor runs)."""
    run = _checked(["recollindex", "-c", str(_confdir(work)), "-i", str(path)])
    return {"wall_s": run.wall_s, "peak_rss_kb": run.maxrss_kb, "updated": 1}


def search(work: Path, queries: list[str], rounds: int) -> dict[str, object]:
    """Top 10 with 3 snippets each for each query, one recollq process each (startup included)."""
    latencies: list[float] = []
    peak = 0
    for _ in range(rounds):
        for query in queries:
            run = _checked(
                ["recollq", "-c", str(_confdir(work)), "-n", "10", "-A", "-p", "3", query]
            )
            latencies.append(run.wall_s * 1000)
            peak = max(peak, run.maxrss_kb)
    return {"latencies_ms": latencies, "peak_rss_kb": peak}


def keystrokes(work: Path, queries: list[str]) -> dict[str, object]:
    """Every keystroke of the query mix, the last word a prefix (`word*`), one recollq process
    each: top 10 with 3 snippets, start-up included as a person's search would pay it."""
    from bench.keystrokes import as_words, judge
    from bench.keystrokes import keystrokes as typed_keys

    def top(text: str, typing: bool) -> list[str]:
        words = as_words(text).split()
        if not words:
            return []
        if typing and not text[-1].isspace():
            words[-1] += "*"
        run = run_command(
            ["recollq", "-c", str(_confdir(work)), "-n", "10", "-A", "-p", "3", " ".join(words)]
        )
        return re.findall(r"\[file://([^\]]+)\]", run.output)

    return judge(typed_keys(queries), lambda t: top(t, True), lambda q: top(q, False))


def count(work: Path, query: str) -> int:
    """How many documents recollq reports for a query (a sanity check of the folding)."""
    run = _checked(["recollq", "-c", str(_confdir(work)), "-n", "0", "-b", query])
    found = re.search(r"^(\d+) results", run.output, re.MULTILINE)
    return int(found.group(1)) if found else 0


def _checked(cmd: list[str]) -> CommandRun:
    run = run_command(cmd)
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed (exit {run.returncode}):\n{run.tail()}")
    return run
