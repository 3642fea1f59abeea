"""A document → the parts the reader lays out one at a time, its matches numbered across them.

Below the engine, above highlight: `parts` cuts a document by pages or line ends.
"""

from index.reading.parts import PAGE_LABEL, PART_CHARS, Part, ReaderDocument, split_parts

__all__ = ["PAGE_LABEL", "PART_CHARS", "Part", "ReaderDocument", "split_parts"]
