"""What packaging/binary_strip.py strips: real wheel libraries shrink and still load, the ones
auditwheel vendored (NumPy's OpenBLAS, broken by strip(1)) are bundled untouched."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import numpy

from tests.packaging.conftest import REPO


def load_strip() -> ModuleType:
    # packaging/ is no package (and `packaging` names a PyPI one): load the file itself.
    spec = importlib.util.spec_from_file_location(
        "timtin_binary_strip", REPO / "packaging" / "binary_strip.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


binary_strip = load_strip()
NUMPY = Path(numpy.__file__).parent
# A small extension module NumPy's wheel ships with its symbols.
EXTENSION = next((NUMPY / "_core").glob("_operand_flag_tests.*.so"))
VENDORED = next((NUMPY.parent / "numpy.libs").glob("libscipy_openblas*.so"))


def test_a_wheels_extension_is_stripped_into_the_cache_and_still_loads(tmp_path: Path) -> None:
    dest = f"numpy/_core/{EXTENSION.name}"
    [(kept_dest, source, typecode)] = binary_strip.stripped(
        [(dest, str(EXTENSION), "EXTENSION")], tmp_path
    )
    copy = Path(source)
    assert (kept_dest, typecode) == (dest, "EXTENSION")
    assert copy == tmp_path / dest
    assert copy.stat().st_size < EXTENSION.stat().st_size
    name = "numpy._core._operand_flag_tests"
    loads = (
        "import importlib.util\n"
        f"spec = importlib.util.spec_from_file_location({name!r}, {str(copy)!r})\n"
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)\n"
        "print(module.inplace_add)\n"
    )
    run = subprocess.run([sys.executable, "-c", loads], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert "inplace_add" in run.stdout


def test_an_unchanged_library_is_not_stripped_again(tmp_path: Path) -> None:
    entry = [(f"numpy/_core/{EXTENSION.name}", str(EXTENSION), "EXTENSION")]
    [(_, first, _)] = binary_strip.stripped(entry, tmp_path)
    made = Path(first).stat().st_mtime_ns
    [(_, second, _)] = binary_strip.stripped(entry, tmp_path)
    assert second == first
    assert Path(second).stat().st_mtime_ns == made


def test_vendored_libraries_and_data_are_left_as_they_are(tmp_path: Path) -> None:
    toc = [
        (f"numpy.libs/{VENDORED.name}", str(VENDORED), "BINARY"),
        ("seeds/article.txt", "/repo/seeds/article.txt", "DATA"),
    ]
    assert binary_strip.stripped(toc, tmp_path) == toc
    assert list(tmp_path.iterdir()) == []
