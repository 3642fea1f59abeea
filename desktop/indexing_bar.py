"""The indexing corner of the status bar: what indexing is doing, how far it got, and Cancel.

It paints an `IndexJob`'s progress; starting, cancelling and finishing are the window's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

# The window's parts share its translation context, "MainWindow", so one catalogue entry per text.
translate = QCoreApplication.translate

# QStatusBar puts 6 px between its items; the three parts here keep that look as one item.
STATUS_BAR_SPACING = 6


class IndexingBar(QWidget):
    """A label, a progress bar and a Cancel button, shown only while indexing runs."""

    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.building = False  # the first build (True) or an update of an existing index
        self.progress_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("indexProgress")
        self.progress_bar.setMaximumWidth(200)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(14)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelIndexing")
        self.cancel_button.clicked.connect(self.cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(STATUS_BAR_SPACING)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.cancel_button)

    def label_text(self) -> str:
        """What indexing is doing, in words: building the first index or updating it."""
        if self.building:
            return translate("MainWindow", "Building the index…")
        return translate("MainWindow", "Indexing…")

    def set_running(self, running: bool) -> None:
        """Show the bar (with Cancel enabled) while indexing runs, hide it after."""
        self.setVisible(running)
        self.cancel_button.setEnabled(running)

    def on_indexing_started(self) -> None:
        """A busy bar until the first progress report says how many files there are."""
        self.progress_bar.setRange(0, 0)
        self.progress_label.setText(self.label_text())

    def on_indexing_progress(self, done: int, total: int, current: str) -> None:
        """Show `done` of `total`; the file just indexed is the label's tooltip."""
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        self.progress_label.setText(f"{self.label_text()} {done} / {total}")
        self.progress_label.setToolTip(current)

    def show_waiting(self) -> None:
        """Another process is indexing the same index: say that ours waits for it."""
        self.progress_bar.setRange(0, 0)
        self.progress_label.setText(translate("MainWindow", "Waiting for another indexing run…"))

    def show_cancelling(self) -> None:
        """Cancel was clicked: say so, and let it be clicked only once."""
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(translate("MainWindow", "Cancelling…"))

    def retranslate(self) -> None:
        """Re-set the bar's texts in the current language."""
        self.cancel_button.setText(translate("MainWindow", "Cancel"))
