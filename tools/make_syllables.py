"""Regenerate index/text/data/syllables.txt from the word lists in the underthesea wheel.

Run once by a developer (needs PyPI or a downloaded wheel): python tools/make_syllables.py
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.text.syllables import canonical_tone, parse_syllable  # noqa: E402

WHEEL = "underthesea-9.5.0-py3-none-any.whl"
WHEEL_SHA256 = "81400f41b75ceff6f80c52b4ad043806c80f5899ec555d8e6374d468a59bce56"
WORD_LIST = "underthesea/corpus/data/Viet74K.txt"
SENTENCES = "underthesea/pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt"
OUT = ROOT / "index" / "text" / "data" / "syllables.txt"
HEADER = (
    "# Vietnamese syllables attested in underthesea 9.5.0 (Apache-2.0): Viet74K.txt and the\n"
    "# VLSP-2013 sentences; lowercase NFC, canonical tones. See syllables.LICENSE.md.\n"
    "# Regenerate with: python tools/make_syllables.py\n"
)
_WORD = re.compile(r"[^\W\d_]+")


def fetch_wheel(folder: Path) -> Path:
    """Download the pinned wheel with pip into a folder and return its path."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet"]
    command += ["--dest", str(folder), "underthesea==9.5.0"]
    subprocess.run(command, check=True)
    return folder / WHEEL


def read_lines(wheel: Path) -> Iterator[str]:
    """The word list's lines and the first column of the tagged sentences."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{wheel}: sha256 {digest} is not the pinned {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as archive:
        yield from archive.read(WORD_LIST).decode("utf-8").splitlines()
        for line in archive.read(SENTENCES).decode("utf-8").splitlines():
            yield line.split("\t", 1)[0]


def syllables(lines: Iterable[str]) -> set[str]:
    """Every well-formed syllable in the lines, canonically spelt.

    A stop coda without a tone mark (``cot``, ``lit``) only occurs in loans and
    stripped text, so it is left out.
    """
    found = set()
    for line in lines:
        for word in _WORD.findall(unicodedata.normalize("NFC", line).lower()):
            word = canonical_tone(word)
            syllable = parse_syllable(word)
            if syllable is None or syllable.tone_at != syllable.tone_index:
                continue
            if syllable.final in ("c", "ch", "k", "p", "t") and syllable.tone_at is None:
                continue
            found.add(word)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"a downloaded {WHEEL} (default: pip)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        found = syllables(read_lines(wheel))
    OUT.write_text(HEADER + "".join(f"{s}\n" for s in sorted(found)), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(found)} syllables")


if __name__ == "__main__":
    main()
