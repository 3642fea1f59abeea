"""The one Whoosh schema of a Tìm Tin index, and its version.

Bump SCHEMA_VERSION whenever fields or analysis change: older indexes are rebuilt on open.
"""

from __future__ import annotations

from whoosh.fields import ID, STORED, SchemaClass

from index.analysis import EXACT, FOLDED, SHINGLE
from index.fields import SyllableField

SCHEMA_VERSION = 3


class DocumentSchema(SchemaClass):  # type: ignore[misc]
    """Folded syllables match, exact syllables rank, shingles give phrase precision."""

    path = ID(stored=True, unique=True)
    title = SyllableField(FOLDED, phrase=True, stored=True)
    title_exact = SyllableField(EXACT, phrase=False)
    # Phrases in the body are matched as syllable pairs (shingles): no positions needed.
    body = SyllableField(FOLDED, phrase=False)
    body_exact = SyllableField(EXACT, phrase=False)
    shingles = SyllableField(SHINGLE, phrase=False)
    date = STORED()
    date_key = ID(sortable=True)
    size = STORED()
    mtime = STORED()
    content_hash = STORED()
    encoding = STORED()
