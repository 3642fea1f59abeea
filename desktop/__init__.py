"""Tìm Tin's desktop window (PySide6): it paints what `index/` returns, off the GUI thread.

`desktop.app` holds the entry points the CLI calls: run_app, take_screenshot, self_test_window.
"""
