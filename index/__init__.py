"""Tìm Tin's search engine: Vietnamese text in, ranked and highlighted results out.

Everything a terminal or a test could want lives here; it never imports Qt.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("timtin")
except PackageNotFoundError:  # frozen builds without dist-info, or a bare source tree
    __version__ = "0.1.0"
