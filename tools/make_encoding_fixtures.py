"""Write tests/data/encodings/: one short Vietnamese article in every encoding old files come in.

The app's end-to-end tests read these; regenerate with: python tools/make_encoding_fixtures.py
"""

from __future__ import annotations

import random
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.index.text.legacy_fixtures import (  # noqa: E402
    encode_cp1258,
    encode_tcvn3,
    encode_viqr,
    encode_vni,
    mis_decode,
)

SEED = ROOT / "seeds" / "004_95fb111942143312.txt"  # "Chủ tịch nước Lương Cường tiếp ..."
OUT = ROOT / "tests" / "data" / "encodings"
LINES = 6


def article() -> str:
    """The first lines of the seed article, NFC, ending in a newline."""
    text = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    return "".join(text.splitlines(keepends=True)[:LINES])


def binary() -> bytes:
    """Random bytes with NULs in them: a .txt that must be skipped."""
    rng = random.Random(1258)
    data = bytearray(rng.randbytes(1024))
    data[::97] = bytes(len(data[::97]))
    return bytes(data)


ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf8.txt": lambda text: text.encode("utf-8"),
    "utf8_bom.txt": lambda text: text.encode("utf-8-sig"),
    "utf16.txt": lambda text: text.encode("utf-16"),  # with a BOM
    "windows1258.txt": encode_cp1258,
    "tcvn3.txt": encode_tcvn3,
    "vni.txt": encode_vni,
    # VIQR spells letters in ASCII; the article's "…" and "–" stay as they are, in UTF-8.
    "viqr.txt": lambda text: encode_viqr(text).encode("utf-8"),
    "mojibake.txt": lambda text: mis_decode(text).encode("utf-8"),
    "binary.bin.txt": lambda _: binary(),
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    text = article()
    for name, encode in ENCODINGS.items():
        data = encode(text)
        (OUT / name).write_bytes(data)
        print(f"{name:16} {len(data):5} bytes")


if __name__ == "__main__":
    main()
