"""What the figures were measured on: CPU, memory, OS and the versions of every engine.

Read from /proc, /etc/os-release and package metadata; nothing here is timed.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from importlib import metadata
from pathlib import Path

from bench.corpus import REPO


def _proc_field(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            name, _, value = line.partition(":")
            if name.strip() == key:
                return value.strip()
    except OSError:
        pass
    return "?"


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return platform.platform()


def _whoosh() -> str:
    try:
        return metadata.version("Whoosh")
    except metadata.PackageNotFoundError:
        return "?"


def _git(*args: str) -> str:
    run = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
    return run.stdout.strip() if run.returncode == 0 else ""


def _commit() -> str:
    """HEAD, and whether the measured engine or app differed from it."""
    head = _git("rev-parse", "--short", "HEAD") or "no commit yet"
    dirty = _git("status", "--porcelain", "--", "index", "desktop")
    return f"{head} + uncommitted changes in index/ or desktop/" if dirty else head


def describe(recoll_version: str | None) -> list[tuple[str, str]]:
    """(label, value) pairs for the machine table of a report section."""
    mem_kb = _proc_field("/proc/meminfo", "MemTotal").split()[0]
    mem = f"{int(mem_kb) / 1024 / 1024:.1f} GiB" if mem_kb.isdigit() else "?"
    cpu = _proc_field("/proc/cpuinfo", "model name")
    return [
        ("CPU", f"{cpu}, {len(os.sched_getaffinity(0))} cores (nproc)"),
        ("RAM", mem),
        ("OS", f"{_os_name()}, kernel {platform.release()}"),
        ("Python", platform.python_version()),
        ("Whoosh", _whoosh()),
        ("SQLite", sqlite3.sqlite_version),
        ("Recoll", recoll_version or "not run"),
        ("Repo commit", _commit()),
    ]
