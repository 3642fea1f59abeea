"""Plain text files: bytes in any encoding `index.text.decode` recognises, as they are.

UTF-8, UTF-16 and the old Vietnamese encodings (Windows-1258, TCVN3, VNI, VIQR, mojibake).
"""

from __future__ import annotations

from index.text.decode import decode_bytes
from index.text.formats.extracted import Extracted
from index.text.formats.limits import Deadline


def read_plain_text(data: bytes, deadline: Deadline) -> Extracted:
    """The text of a `.txt` file, decoded with the encoding that reads it as Vietnamese."""
    decoded = decode_bytes(data)
    return Extracted.of_text(decoded.text, decoded.encoding)
