"""Timing and memory measurement: child processes with their peak RSS, percentiles, sizes.

Peak RSS comes from wait4(), which reports the largest process of the child's tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import REPO

RESULT_MARK = "BENCH-RESULT "


@dataclass(frozen=True)
class CommandRun:
    """One finished child process: wall time, exit status, peak RSS and its merged output."""

    wall_s: float
    returncode: int
    maxrss_kb: int
    output: str
    timed_out: bool = False

    def tail(self, lines: int = 15) -> str:
        return "\n".join(self.output.splitlines()[-lines:])


class WorkerError(RuntimeError):
    """A benchmark phase failed in its child process."""


def run_command(
    cmd: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
    cwd: Path = REPO,
) -> CommandRun:
    """Run `cmd` to completion, timing it and reading its peak RSS from wait4()."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), stdout=out, stderr=subprocess.STDOUT, env=dict(env) if env else None, cwd=cwd
        )
        timer = threading.Timer(timeout, proc.kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        timed_out = timer is not None and timer.finished.is_set()
        if timer:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return CommandRun(wall, proc.returncode, int(usage.ru_maxrss), text, timed_out)


def peak_rss_kb() -> int:
    """This process's peak resident memory so far (Linux: VmHWM; elsewhere ru_maxrss)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
        return int(status.split("VmHWM:", 1)[1].split()[0])
    except (OSError, IndexError, ValueError):
        import resource

        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def run_worker(engine: str, phase: str, **args: object) -> dict[str, object]:
    """Run one engine phase in a fresh interpreter (bench.worker) and return its result."""
    cmd = [sys.executable, "-m", "bench.worker", engine, phase, json.dumps(args)]
    run = run_command(cmd)
    lines = [line for line in run.output.splitlines() if line.startswith(RESULT_MARK)]
    if run.returncode != 0 or not lines:
        raise WorkerError(f"{engine} {phase} failed (exit {run.returncode}):\n{run.tail()}")
    result: dict[str, object] = json.loads(lines[-1][len(RESULT_MARK) :])
    result["process_wall_s"] = run.wall_s
    result["peak_rss_kb"] = run.maxrss_kb
    return result


def percentile(values: Sequence[float], pct: float) -> float:
    """Linear-interpolated percentile (numpy's default method) of a non-empty sequence."""
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def disk_size(path: Path) -> int:
    """Bytes on disk of a file or of everything under a directory."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
