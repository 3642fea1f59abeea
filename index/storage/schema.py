"""The one Whoosh schema of a Tìm Tin index, and its version.

Bump SCHEMA_VERSION whenever fields or analysis change: older indexes are rebuilt on open.
"""

from __future__ import annotations

import os
from typing import Any

from whoosh.fields import ID, STORED, SchemaClass

from index.storage.fields import SyllableField
from index.text.documents import Document
from index.text.terms import EXACT, FOLDED, SHINGLE

# Whoosh pickles the schema into every index's table of contents, and with it the classes of
# our fields (index.storage.fields), tokenizer (index.storage.tokenizer), term forms
# (index.text.terms) and codec (index.storage.codec), by module path.  Moving or renaming any
# of them, like changing a field or the analysis, needs SCHEMA_VERSION bumped: an index of an
# older version is rebuilt from its folders when it is opened, never unpickled.
# 5: the modules moved into index.text / index.storage (term forms became an enum).
# 6: every file type: a document's `kind` (txt, pdf, docx …) and its page starts.
# 7: the syllable fields' postings stored once, in the postings file (index.storage.postings_file).
SCHEMA_VERSION = 7

# Which fields rank how: BM25 over the folded body; presence in the ranking-tier fields.
SCORED_FIELDS = ("body",)
TIER_FIELDS = ("title", "title_exact", "body_exact", "shingles")


class DocumentSchema(SchemaClass):  # type: ignore[misc]
    """Folded syllables match, exact syllables rank, shingles give phrase precision."""

    path = ID(stored=True, unique=True)
    title = SyllableField(FOLDED, phrase=True, stored=True)
    title_exact = SyllableField(EXACT, phrase=False, weighted=False)
    # Phrases in the body are matched as syllable pairs (shingles): no positions needed.
    body = SyllableField(FOLDED, phrase=False)
    # The ranking tiers only ask whether a document holds a term.
    body_exact = SyllableField(EXACT, phrase=False, weighted=False)
    shingles = SyllableField(SHINGLE, phrase=False, weighted=False)
    date = STORED()
    date_key = ID(sortable=True)
    size = STORED()
    mtime = STORED()
    content_hash = STORED()
    encoding = STORED()
    kind = ID(stored=True)
    page_starts = STORED()


def path_key(path: str) -> str:
    """The `path` field's term for a file: the path itself, or for a name that is not valid
    UTF-8 (Whoosh encodes terms strictly) a NUL, which no path holds, and its bytes in hex.
    The stored path keeps the real name."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return "\0" + os.fsencode(path).hex()
    return path


def document_fields(doc: Document) -> dict[str, Any]:
    """The fields of one Whoosh document; the text goes to every analysed field."""
    return {
        "path": path_key(doc.path),
        "_stored_path": doc.path,
        "title": doc.title,
        "title_exact": doc.title,
        "body": doc.text,
        "body_exact": doc.text,
        "shingles": doc.text,
        "date": doc.date,
        "date_key": doc.date_key,
        "size": doc.size,
        "mtime": doc.mtime,
        "content_hash": doc.content_hash,
        "encoding": doc.encoding,
        "kind": doc.kind,
        "page_starts": list(doc.page_starts),
    }
