"""Time Tìm Tin from launch to window and to first results, from source and frozen.

Each figure is wall-clock time of a whole process (start, work, exit), median of --runs, with
offscreen Qt and a private HOME; prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BUNDLE = REPO / "dist" / "timtin"
QUERY = "chu tich nuoc"

# (label, what the process does, arguments; {index} and {out} are filled in per run)
SCENARIOS: list[tuple[str, str, list[str]]] = [
    ("--version", "start Python, print the version, exit (no Qt)", ["--version"]),
    (
        "search --json",
        "CLI: open the seeds' index, search, print JSON",
        ["search", QUERY, "--json", "--index-dir", "{index}"],
    ),
    (
        "window shown",
        "open the window on the seeds' index, paint it to a PNG, exit",
        ["--screenshot", "{out}", "--index-dir", "{index}"],
    ),
    (
        "first results",
        "same, and search, paint results, open the first hit in the reader",
        ["--screenshot", "{out}", "--query", QUERY, "--index-dir", "{index}"],
    ),
    (
        "first start",
        "first results with no index yet: index the seeds first",
        ["--screenshot", "{out}", "--query", QUERY, "--index-dir", "{fresh}"],
    ),
]


def bundle_size_mb(root: Path) -> float:
    """Size of the onedir folder in MiB (what `du -sm --apparent-size` counts)."""
    return (
        sum(
            Path(folder, name).lstat().st_size
            for folder, _dirs, files in os.walk(root)
            for name in files
        )
        / 2**20
    )


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{command} failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed


def measure(program: list[str], runs: int, scratch: Path) -> dict[str, list[float]]:
    """Seconds per scenario for `program` (the command that starts timtin)."""
    home = scratch / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    index = scratch / "index"
    subprocess.run(
        [*program, "index", "--index-dir", str(index)], env=env, check=True, capture_output=True
    )
    timings: dict[str, list[float]] = {label: [] for label, _what, _args in SCENARIOS}
    for run in range(runs + 1):  # run 0 warms the page cache and is not counted
        for label, _what, args in SCENARIOS:
            fill: dict[str, str] = {
                "index": str(index),
                "out": str(scratch / f"shot-{run}.png"),
                "fresh": str(scratch / f"fresh-{label.replace(' ', '-')}-{run}"),
            }
            seconds = timed([*program, *(arg.format(**fill) for arg in args)], env)
            if run:
                timings[label].append(seconds)
    return timings


def table(columns: dict[str, dict[str, list[float]]], note: Callable[[str], str]) -> str:
    names = list(columns)
    lines = [
        "| measure (median) | " + " | ".join(names) + " | what the process does |",
        "|---|" + "---:|" * len(names) + "---|",
    ]
    for label, what, _args in SCENARIOS:
        cells = [f"{statistics.median(columns[name][label]):.2f} s" for name in names]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {note(what)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bundle",
        type=Path,
        default=DEFAULT_BUNDLE,
        help="the onedir build to time (default dist/timtin)",
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure")
    parser.add_argument("--onefile", type=Path, help="also time this single-file build")
    parser.add_argument("--no-source", action="store_true", help="time the frozen build only")
    args = parser.parse_args(argv)

    programs: dict[str, list[str]] = {}
    if not args.no_source:
        programs["from source"] = [sys.executable, "-m", "desktop.launch"]
    exe = args.bundle / ("timtin-cli.exe" if sys.platform == "win32" else "timtin")
    if exe.exists():
        programs["frozen"] = [str(exe)]
    else:
        print(f"no frozen build at {exe}: run `make package` first", file=sys.stderr)
    if args.onefile:
        programs["onefile"] = [str(args.onefile.resolve())]

    columns: dict[str, dict[str, list[float]]] = {}
    for name, program in programs.items():
        with tempfile.TemporaryDirectory(prefix="timtin-startup-") as scratch:
            columns[name] = measure(program, args.runs, Path(scratch))

    print(
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, QT_QPA_PLATFORM=offscreen, {args.runs} runs after one "
        "warm-up"
    )
    if exe.exists():
        print(f"bundle: {args.bundle} = {bundle_size_mb(args.bundle):.1f} MiB")
    if args.onefile:
        print(f"onefile: {args.onefile} = {args.onefile.stat().st_size / 2**20:.1f} MiB")
    print()
    print(table(columns, lambda what: what))
    return 0


if __name__ == "__main__":
    sys.exit(main())
