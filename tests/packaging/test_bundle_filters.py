"""What packaging/bundle_filters.py keeps: libraries loaded with ctypes survive the linked
closure, compiled packages' C and Cython sources stay out; no build needed."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable
from types import ModuleType

from tests.packaging.conftest import REPO


def load_filters() -> ModuleType:
    # packaging/ is no package (and `packaging` names a PyPI one): load the file itself.
    spec = importlib.util.spec_from_file_location(
        "timtin_bundle_filters", REPO / "packaging" / "bundle_filters.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


filters = load_filters()
BINARIES = [
    ("selectolax/lexbor.cpython-311-x86_64-linux-gnu.so", "/site/lexbor.so", "EXTENSION"),
    ("pypdfium2_raw/libpdfium.so", "/site/pypdfium2_raw/libpdfium.so", "BINARY"),
    ("libgcc_s.so.1", "/lib/libgcc_s.so.1", "BINARY"),
    ("libstdc++.so.6", "/lib/libstdc++.so.6", "BINARY"),
    ("libgtk-3.so.0", "/lib/libgtk-3.so.0", "BINARY"),
]
LINKS = {"/site/pypdfium2_raw/libpdfium.so": ["libgcc_s.so.1"], "/site/lexbor.so": []}


def imports_of(path: str) -> Iterable[str]:
    return LINKS.get(path, [])


def test_a_library_loaded_with_ctypes_stays_with_what_it_links() -> None:
    kept = [entry[0] for entry in filters.linked_closure(BINARIES, imports_of)]
    assert kept == [
        "selectolax/lexbor.cpython-311-x86_64-linux-gnu.so",
        "pypdfium2_raw/libpdfium.so",
        "libgcc_s.so.1",
    ]


def test_pdfium_is_known_by_its_base_name_on_every_platform() -> None:
    names = ("libpdfium.so", "pdfium.dll", "libpdfium.dylib")
    assert {filters.plugin_base_name(name) for name in names} == filters.LOADED_BY_CTYPES


def test_sources_beside_compiled_modules_are_left_out() -> None:
    datas = [
        ("selectolax/lexbor.c", "/site/selectolax/lexbor.c", "DATA"),
        ("selectolax/lexbor.pyx", "/site/selectolax/lexbor.pyx", "DATA"),
        ("selectolax/lexbor/node.pxi", "/site/selectolax/lexbor/node.pxi", "DATA"),
        ("selectolax/lexbor.pyi", "/site/selectolax/lexbor.pyi", "DATA"),
        ("selectolax/py.typed", "/site/selectolax/py.typed", "DATA"),
        ("pypdfium2_raw/version.json", "/site/pypdfium2_raw/version.json", "DATA"),
        ("seeds/004_95fb111942143312.txt", "/repo/seeds/004_95fb111942143312.txt", "DATA"),
    ]
    _, kept = filters.select([], datas)
    assert [entry[0] for entry in kept] == [
        "selectolax/py.typed",
        "pypdfium2_raw/version.json",
        "seeds/004_95fb111942143312.txt",
    ]
