"""Builds the frozen program once per test session and runs it like a reader would.

The bundle is read-only for the whole session, and when the tests run as root the program
runs as `nobody`, so that read-only really bites.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "timtin.spec"
# Set to a built dist/timtin folder to smoke-test it instead of building (it is copied first).
BUNDLE_ENV = "TIMTIN_FROZEN_BUNDLE"
NOBODY = 65534
BUILD_TIMEOUT = 1200
RUN_TIMEOUT = 180


def executable_name(name: str = "timtin") -> str:
    return f"{name}-cli.exe" if sys.platform == "win32" else name


def runner_uid() -> int | None:
    """Run the program as `nobody` when we are root: root ignores read-only permissions."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    import pwd

    try:
        pwd.getpwuid(NOBODY)
    except KeyError:
        return None
    return NOBODY


def set_writable(root: Path, writable: bool) -> None:
    """chmod -R a-w (or u+w) without following symlinks."""
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder, name)
            if path.is_symlink():
                continue
            mode = path.stat().st_mode
            path.chmod(mode | stat.S_IWUSR if writable else mode & ~0o222)
    mode = root.stat().st_mode
    root.chmod(mode | stat.S_IWUSR if writable else mode & ~0o222)


def snapshot(root: Path) -> dict[str, tuple[int, int, int]]:
    """Every path under `root` with size, mtime and mode: a write anywhere changes it."""
    seen: dict[str, tuple[int, int, int]] = {}
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder, name)
            info = path.lstat()
            seen[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns, info.st_mode)
    return seen


@dataclass
class Bundle:
    """A built onedir bundle and a scratch area the program may write to."""

    root: Path
    scratch: Path
    uid: int | None
    build_seconds: float
    files: dict[str, tuple[int, int, int]]

    @property
    def exe(self) -> Path:
        return self.root / executable_name()

    def new_dir(self, name: str) -> Path:
        """A fresh folder the program (possibly running as nobody) can write to."""
        path = self.scratch / name
        suffix = 0
        while path.exists():
            suffix += 1
            path = self.scratch / f"{name}-{suffix}"
        path.mkdir(parents=True)
        self.give(path)
        return path

    def give(self, path: Path) -> None:
        """Hand `path` (recursively) to the user the program runs as."""
        if self.uid is None:
            return
        for folder, dirs, files in os.walk(path):
            for name in [*dirs, *files]:
                os.chown(Path(folder, name), self.uid, self.uid, follow_symlinks=False)
        os.chown(path, self.uid, self.uid)

    def run(
        self,
        *args: str,
        home: Path | None = None,
        exe: Path | None = None,
        timeout: float = RUN_TIMEOUT,
        extra_env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """Run the program with a bare environment: its own HOME, no Python, offscreen Qt."""
        home = home or self.new_dir("home")
        tmp = home / "tmp"
        tmp.mkdir(exist_ok=True)
        self.give(tmp)
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "TMPDIR": str(tmp),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            **(extra_env or {}),
        }
        if sys.platform == "win32":
            env.update(SYSTEMROOT=os.environ.get("SYSTEMROOT", ""), TEMP=str(tmp), TMP=str(tmp))
        return subprocess.run(
            [str(exe or self.exe), *args],
            env=env,
            cwd=home,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            check=False,
            user=self.uid,
            group=self.uid,
            extra_groups=None if self.uid is None else [],
        )


def build(work: Path) -> Path:
    """Run PyInstaller on packaging/timtin.spec; the onedir folder it made."""
    log = work / "pyinstaller.log"
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(work / "dist"),
        "--workpath",
        str(work / "build"),
        str(SPEC),
    ]
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            command,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=BUILD_TIMEOUT,
            check=False,
        )
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
        pytest.fail(f"PyInstaller failed ({done.returncode}):\n{tail}")
    shutil.rmtree(work / "build", ignore_errors=True)
    return work / "dist" / "timtin"


@pytest.fixture(scope="session")
def bundle() -> Iterator[Bundle]:
    """The frozen program, built from packaging/timtin.spec, read-only for the session."""
    work = Path(tempfile.mkdtemp(prefix="timtin-frozen-"))
    work.chmod(0o755)  # `nobody` must reach the program
    started = time.perf_counter()
    given = os.environ.get(BUNDLE_ENV)
    if given:
        root = work / "dist" / "timtin"
        shutil.copytree(given, root, symlinks=True)
    else:
        root = build(work)
    scratch = work / "scratch"
    scratch.mkdir()
    scratch.chmod(0o755)
    seconds = time.perf_counter() - started
    set_writable(root, False)
    built = Bundle(root, scratch, runner_uid(), seconds, snapshot(root))
    try:
        yield built
    finally:
        set_writable(root, True)
        shutil.rmtree(work, ignore_errors=True)
