"""Plain text files: bytes in any encoding `index.text.decode` recognises, as they are.

UTF-8, UTF-16 and the old Vietnamese encodings (Windows-1258, TCVN3, VNI, VIQR, mojibake).
"""

from __future__ import annotations

from index.text.decode import DecodedText, decode_bytes


def read_plain_text(data: bytes) -> DecodedText:
    """The text of a `.txt` file, decoded with the encoding that reads it as Vietnamese."""
    return decode_bytes(data)
