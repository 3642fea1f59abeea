"""Bytes → normalised text → term forms: decoding, legacy encodings, normalisation, folding.

Every text and query goes through here: NFC, canonical tones, one-to-one folding, syllables.
"""

from index.text.decode import DecodedText, decode_bytes
from index.text.documents import Document, read_document, read_or_skip, read_text
from index.text.fold import fold, lower_exact
from index.text.normalize import normalize_text
from index.text.terms import TermForm, exact_form, exact_syllables, syllable_spans

__all__ = [
    "DecodedText",
    "Document",
    "TermForm",
    "decode_bytes",
    "exact_form",
    "exact_syllables",
    "fold",
    "lower_exact",
    "normalize_text",
    "read_document",
    "read_or_skip",
    "read_text",
    "syllable_spans",
]
