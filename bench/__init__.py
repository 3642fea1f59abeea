"""The speed benchmark of issue 6: our engine against SQLite FTS5 and Recoll on one corpus.

Run with `python -m bench --docs N`; never part of the test suite.
"""
