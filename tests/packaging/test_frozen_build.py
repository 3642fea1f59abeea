"""Smoke tests of the frozen program: build it with PyInstaller, then run it like a reader.

`--version`, `--self-test` (every file format), index + `search --json` on the seeds, portable
mode and a parallel index, all from a read-only program folder, with no Python on PATH.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tomllib
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest

from tests.packaging.conftest import REPO, Bundle, executable_name, set_writable, snapshot

VERSION = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
LEADER = "004_95fb111942143312.txt"
ACCENTED = "Chủ tịch nước"
# NumPy (the fast ranker's arrays) brings 41 MB, 25 MB of it OpenBLAS, which its core links.
SIZE_GOAL_MB = 170
SELF_TEST_CHECKS = (
    "seeds",
    "index",
    "search",
    "highlight",
    "parallel index",
    "formats",
    "watch",
    "window",
)
LINUX = sys.platform.startswith("linux")


def ok(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert done.returncode == 0, (
        f"exit {done.returncode}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    )
    return done


def search_json(bundle: Bundle, query: str, *args: str, **kwargs: object) -> dict[str, object]:
    done = ok(bundle.run("search", query, "--json", *args, **kwargs))  # type: ignore[arg-type]
    payload: dict[str, object] = json.loads(done.stdout)
    return payload


def first_hit(payload: dict[str, object]) -> dict[str, object]:
    hits = payload["hits"]
    assert isinstance(hits, list) and hits, payload
    hit: dict[str, object] = hits[0]
    return hit


def assert_leader_found(payload: dict[str, object], seeds: Path) -> None:
    """The Lương Cường seed comes first, from the bundle's seeds, marked and with true offsets."""
    hit = first_hit(payload)
    path = Path(str(hit["path"]))
    assert path.name == LEADER
    assert path.parent.resolve() == seeds.resolve()
    assert f"<mark>{ACCENTED}</mark>" in str(hit["snippet"])
    text = path.read_text(encoding="utf-8")
    spans = cast(list[list[int]], hit["matches"])
    covered = [text[start:end] for start, end in spans]
    assert ACCENTED in covered, covered[:5]


def bundle_mb(root: Path) -> float:
    total = sum(
        Path(folder, name).lstat().st_size
        for folder, _dirs, files in os.walk(root)
        for name in files
    )
    return total / 2**20


def test_version(bundle: Bundle) -> None:
    done = ok(bundle.run("--version"))
    assert done.stdout.strip() == f"timtin {VERSION}"


def test_bundle_ships_its_data_files(bundle: Bundle) -> None:
    internal = bundle.root / "_internal"
    expected = [
        f"seeds/{LEADER}",
        "resources/timtin.qss",
        "resources/translations/timtin_vi.qm",
        "resources/translations/timtin_en.qm",
        "resources/fonts/OFL.txt",
        "resources/icons/timtin.svg",
        "resources/icons/timtin.png",
        "index/text/data/syllables.txt",
    ]
    missing = [name for name in expected if not (internal / name).is_file()]
    assert not missing
    assert list((internal / "resources" / "fonts").glob("*.ttf"))
    seeds = sorted(p.name for p in (REPO / "seeds").glob("*.txt"))
    assert sorted(p.name for p in (internal / "seeds").glob("*.txt")) == seeds


def test_bundle_has_only_the_qt_it_uses(bundle: Bundle) -> None:
    internal = bundle.root / "_internal"
    names = [str(p.relative_to(internal)).replace("\\", "/") for p in internal.rglob("*")]
    unwanted = re.compile(
        r"Qt6?(Network|Qml|Quick|Pdf|OpenGL|Sql|Test|Designer|VirtualKeyboard|WebEngine)"
        r"|plugins/(sqldrivers|tls|qmltooling|egldeviceintegrations|generic|networkinformation)/"
        r"|plugins/platforms/.*(eglfs|vnc|linuxfb)"
        r"|QtNetwork\.|tkinter"
    )
    assert [name for name in names if unwanted.search(name)] == []
    catalogues = [n for n in names if re.search(r"PySide6/(Qt/)?translations/.+\.qm$", n)]
    assert all(re.search(r"/qt(base)?_(vi|en)\.qm$", name) for name in catalogues), catalogues
    dangling = [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


def test_bundle_size_is_under_goal(bundle: Bundle) -> None:
    size = bundle_mb(bundle.root)
    assert size < SIZE_GOAL_MB, f"the bundle is {size:.1f} MB"


def linked_libraries(path: Path, internal: Path) -> list[tuple[str, str | None]]:
    """(name, resolved path or None) for each library `path` links, as the bundle sees them."""
    env = {"LD_LIBRARY_PATH": str(internal), "PATH": os.environ.get("PATH", "")}
    done = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True, check=False)
    found: list[tuple[str, str | None]] = []
    for line in done.stdout.splitlines():
        name, arrow, target = line.strip().partition(" => ")
        if arrow:
            found.append((name, None if target.startswith("not found") else target.split()[0]))
    return found


def qt_wheel_lib_dir() -> Path:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / "Qt" / "lib"


@pytest.mark.skipif(not LINUX or shutil.which("ldd") is None, reason="ldd: Linux only")
def test_every_bundled_library_finds_its_dependencies(bundle: Bundle) -> None:
    """Plugins not exercised offscreen (xcb, wayland) still load: nothing they link was lost.

    A library PyInstaller bundles (not libc, GL, wayland...) must come from the bundle; one
    the build machine lacks altogether is left to the reader's system, with a warning.
    """
    from PyInstaller.depend.dylib import include_library

    internal = bundle.root / "_internal"
    wheel_libs = {p.name for p in qt_wheel_lib_dir().glob("*.so*")}
    lost: dict[str, set[str]] = {}
    absent: set[str] = set()
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        for name, target in linked_libraries(path, internal):
            if target is not None and Path(target).resolve().is_relative_to(internal.resolve()):
                continue
            if target is None and name not in wheel_libs:
                absent.add(name)
            elif target is None or include_library(name):
                lost.setdefault(name, set()).add(str(path.relative_to(internal)))
    assert lost == {}, "linked but not bundled"
    if absent:
        warnings.warn(
            f"not on the build machine, left to the reader's system: {sorted(absent)}", stacklevel=1
        )


def test_self_test_passes(bundle: Bundle) -> None:
    """Every check, and every format's sample read by the bundled libraries (pdfium, pypdf for
    the TCVN3 page, lexbor, striprtf) and found; the folder watcher uses inotify on Linux."""
    done = ok(bundle.run("--self-test"))
    out = done.stdout
    assert "(frozen," in out
    for check in SELF_TEST_CHECKS:
        assert f"ok   {check}" in out, out
    for kind in ("pdf", "docx", "odt", "rtf", "html", "epub", "md", "txt"):
        assert re.search(rf"^ok   formats: {kind} +mau\.{kind} \(", out, re.MULTILINE), out
    assert "mau.pdf (pdf+tcvn3)" in out
    if LINUX:
        assert "ok   watch: InotifyObserver saw" in out
    assert "FAIL" not in out
    assert out.rstrip().endswith("self-test passed")
    assert f"<mark>{ACCENTED}</mark>" in out


def test_bundle_carries_the_readers_libraries_and_no_extras(bundle: Bundle) -> None:
    """pdfium (loaded with ctypes, so nothing links it) and NumPy (the fast ranker's) are in;
    Pillow, fontTools and the C and Cython sources that some packages install are out."""
    internal = bundle.root / "_internal"
    pdfium = [p.name for p in (internal / "pypdfium2_raw").iterdir() if "pdfium" in p.name]
    assert pdfium, "pypdfium2_raw has no pdfium library"
    assert list((internal / "selectolax").glob("lexbor*.*"))
    assert list((internal / "numpy" / "_core").glob("_multiarray_umath*.*"))
    names = [str(p.relative_to(internal)).replace("\\", "/") for p in internal.rglob("*")]
    extras = re.compile(r"^(PIL|pillow\.libs|fontTools)(/|$)|\.(c|h|pyx|pxd|pxi|pyi)$")
    assert [name for name in names if extras.search(name)] == []


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private Xvfb server, so the xcb platform plugin is exercised too; skip without one."""
    xvfb = shutil.which("Xvfb")
    if not LINUX or xvfb is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            xvfb,
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            "1280x1024x24",
            "-nolisten",
            "tcp",
            "-ac",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=30)


def test_self_test_passes_on_x11(bundle: Bundle, x_display: str) -> None:
    done = ok(bundle.run("--self-test", extra_env={"QT_QPA_PLATFORM": "xcb", "DISPLAY": x_display}))
    assert "ok   window: Qt platform: xcb" in done.stdout
    assert done.stdout.rstrip().endswith("self-test passed")


def test_index_and_search_json_on_the_seeds(bundle: Bundle) -> None:
    index_dir = bundle.new_dir("index") / "ix"
    done = ok(bundle.run("index", "--index-dir", str(index_dir)))
    assert "Indexed: 2 added" in done.stdout
    seeds = bundle.root / "_internal" / "seeds"
    for query in ("chu tich nuoc", ACCENTED):
        payload = search_json(bundle, query, "--index-dir", str(index_dir))
        assert_leader_found(payload, seeds)


def test_index_goes_to_the_user_data_folder(bundle: Bundle) -> None:
    home = bundle.new_dir("home")
    ok(bundle.run("index", home=home))
    assert any((home / ".local" / "share" / "timtin" / "index").iterdir())
    payload = search_json(bundle, "chu tich nuoc", home=home)
    assert_leader_found(payload, bundle.root / "_internal" / "seeds")


def test_portable_mode_keeps_data_beside_the_program(bundle: Bundle) -> None:
    stick = bundle.new_dir("usb-stick")
    copy = stick / "timtin"
    shutil.copytree(bundle.root, copy, symlinks=True)
    set_writable(copy, True)  # a copy on a stick belongs to the reader
    (copy / "timtin-data").mkdir()
    bundle.give(stick)
    exe = copy / executable_name()
    home = bundle.new_dir("home")

    ok(bundle.run("index", exe=exe, home=home))
    assert any((copy / "timtin-data" / "index").iterdir())
    assert_leader_found(
        search_json(bundle, "chu tich nuoc", exe=exe, home=home), copy / "_internal" / "seeds"
    )
    assert not (home / ".local" / "share" / "timtin").exists()

    # `--portable` creates the folder when it is not there yet.
    shutil.rmtree(copy / "timtin-data")
    ok(bundle.run("--portable", "index", exe=exe, home=home))
    assert any((copy / "timtin-data" / "index").iterdir())
    assert not (home / ".local" / "share" / "timtin").exists()


def test_portable_mode_in_a_read_only_folder_says_why_it_cannot(bundle: Bundle) -> None:
    done = bundle.run("--portable", "index")
    assert done.returncode == 2
    assert "cannot use portable mode" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_big_folder_indexes_with_worker_processes(bundle: Bundle) -> None:
    """1000 files take the worker processes (index.indexing.parallel_build), frozen too."""
    corpus = bundle.new_dir("corpus")
    for number in range(1000):
        (corpus / f"tin_{number:04d}.txt").write_text(
            f"Bản tin số {number}\n\nNgày {number % 28 + 1}/10/2025, phóng viên đưa tin về sự "
            f"kiện mã{number:04d} tại Hà Nội. {ACCENTED} tiếp đoàn đại biểu.\n",
            encoding="utf-8",
        )
    bundle.give(corpus)
    index_dir = bundle.new_dir("big") / "ix"
    done = ok(bundle.run("index", str(corpus), "--index-dir", str(index_dir)))
    assert "Indexed: 1000 added" in done.stdout
    payload = search_json(bundle, "ma0777", "--index-dir", str(index_dir))
    assert payload["total"] == 1
    assert Path(str(first_hit(payload)["path"])).name == "tin_0777.txt"


def test_no_run_wrote_into_the_program_folder(bundle: Bundle) -> None:
    """Runs last: the read-only program folder is exactly as built."""
    assert snapshot(bundle.root) == bundle.files
