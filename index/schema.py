"""The one Whoosh schema of a Tìm Tin index, and its version.

Bump SCHEMA_VERSION whenever fields or analysis change: older indexes are rebuilt on open.
"""

from __future__ import annotations

from whoosh.fields import ID, STORED, TEXT, SchemaClass

from index.analysis import EXACT, FOLDED, SHINGLE, SyllableTokenizer

SCHEMA_VERSION = 1


class DocumentSchema(SchemaClass):  # type: ignore[misc]
    """Folded syllables match, exact syllables rank, shingles give phrase precision."""

    path = ID(stored=True, unique=True)
    title = TEXT(analyzer=SyllableTokenizer(FOLDED), phrase=True, stored=True)
    title_exact = TEXT(analyzer=SyllableTokenizer(EXACT), phrase=False)
    body = TEXT(analyzer=SyllableTokenizer(FOLDED), phrase=True)
    body_exact = TEXT(analyzer=SyllableTokenizer(EXACT), phrase=True)
    shingles = TEXT(analyzer=SyllableTokenizer(SHINGLE), phrase=False)
    date = STORED()
    date_key = ID(sortable=True)
    size = STORED()
    mtime = STORED()
    content_hash = STORED()
    encoding = STORED()
