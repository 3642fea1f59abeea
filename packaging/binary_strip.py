"""Debug symbols stripped from the bundle's Linux libraries, except where strip(1) breaks them.

Imported by timtin.spec in place of PyInstaller's all-or-nothing `strip=True`: libraries that
auditwheel vendored into a wheel's `<name>.libs/` folder (NumPy's OpenBLAS) have program headers
rewritten by patchelf, and stripped they no longer load ("ELF load command address/offset not
page-aligned", pyinstaller/pyinstaller#9463), so they are bundled as they are.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

TocEntry = tuple[str, str, str]

# A wheel's vendored libraries: `numpy.libs/libscipy_openblas64_-….so`, `pillow.libs/…`.
_VENDORED = re.compile(r"(?:^|[/\\])[^/\\]+\.libs[/\\]")


def strippable(entry: TocEntry) -> bool:
    """True for a library or extension module strip(1) may shrink safely."""
    dest, _, typecode = entry
    return typecode in {"BINARY", "EXTENSION"} and _VENDORED.search(dest) is None


def stripped(binaries: list[TocEntry], cache: Path) -> list[TocEntry]:
    """The TOC with each strippable library replaced by a stripped copy kept in `cache`.

    A copy is made again only when its source's content changed, so rebuilds stay quick."""
    result: list[TocEntry] = []
    for entry in binaries:
        dest, source, typecode = entry
        if strippable(entry):
            source = str(_stripped_copy(Path(source), cache / dest))
        result.append((dest, source, typecode))
    return result


def _stripped_copy(source: Path, copy: Path) -> Path:
    """`copy`, stripped, made from `source` unless a copy of this very content is there."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    stamp = copy.with_name(copy.name + ".sha256")
    if copy.exists() and stamp.exists() and stamp.read_text() == digest:
        return copy
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, copy)
    copy.chmod(0o755)
    subprocess.run(["strip", str(copy)], check=True, capture_output=True)
    stamp.write_text(digest)
    return copy
