"""File → Folders…: the indexed folders with their document counts, last update and watching,
and the buttons that add, remove, pause or resume watching, and re-index one folder.

A view over `LiveFolders`, which runs the removals and re-indexing off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.live_folders import LiveFolders
from desktop.status_texts import watch_reason
from index import FolderInfo, IndexReport

DIALOG_SIZE = (760, 360)
FOLDER, DOCUMENTS, UPDATED, WATCHING = range(4)
# The dialog's texts have their own catalogue context, "FoldersDialog".
translate = QCoreApplication.translate


def shown_path(path: str, home: Path | None = None) -> str:
    """A folder as the table shows it: under the home folder, `~/…`; elsewhere as it is."""
    home = home if home is not None else Path.home()
    try:
        inside = Path(path).relative_to(home)
    except ValueError:
        return path
    return str(Path("~") / inside)


def last_update_text(when: float | None) -> str:
    """When a folder was last updated, in the UI locale's short format; "Never" for None."""
    if when is None:
        return translate("FoldersDialog", "Never")
    moment = QDateTime.fromSecsSinceEpoch(int(when))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


class FoldersDialog(QDialog):
    """The indexed folders in a table, one row each, and what can be done to the selected one.

    `choose_folder` is the window's own Add Folder (a folder chooser, then indexing with the
    window's progress bar); the rest goes to `live`.
    """

    def __init__(
        self, live: LiveFolders, choose_folder: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("foldersDialog")
        self._live = live
        self._choose_folder = choose_folder
        self._infos: list[FolderInfo] = []
        self.confirmation: QMessageBox | None = None
        self._build()
        self.retranslate()
        live.folders_changed.connect(self.reload)
        live.job_progressed.connect(self.on_job_progressed)
        live.job_waiting.connect(self.on_job_waiting)
        live.job_finished.connect(self.on_job_finished)
        live.job_failed.connect(self.on_job_failed)
        self.resize(*DIALOG_SIZE)
        self.reload()

    def _build(self) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("foldersTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long path keeps its end
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FOLDER, QHeaderView.ResizeMode.Stretch)
        for column in (DOCUMENTS, UPDATED, WATCHING):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self.update_buttons)

        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self._choose_folder)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.ask_remove)
        self.pause_button = QPushButton(self)
        self.pause_button.clicked.connect(self.toggle_paused)
        self.reindex_button = QPushButton(self)
        self.reindex_button.clicked.connect(self.reindex_selected)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("foldersStatus")
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.pause_button):
            row.addWidget(button)
        row.addWidget(self.reindex_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

    # -- the table ---------------------------------------------------------------------------

    @property
    def infos(self) -> list[FolderInfo]:
        """The folders listed, in table order."""
        return list(self._infos)

    def selected(self) -> FolderInfo | None:
        """The selected folder, None when none."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._infos):
            return None
        return self._infos[rows[0].row()]

    def select(self, folder: str) -> None:
        """Select `folder`'s row."""
        for row, info in enumerate(self._infos):
            if info.path == folder:
                self.table.selectRow(row)
                return

    def reload(self) -> None:
        """List the index's folders again, the selected one still selected."""
        chosen = self.selected()
        self._infos = self._live.folders()
        self.table.setRowCount(len(self._infos))
        for row, info in enumerate(self._infos):
            self._fill_row(row, info)
        if chosen is not None:
            self.select(chosen.path)
        elif self._infos:
            self.table.selectRow(0)
        self.update_buttons()

    def _fill_row(self, row: int, info: FolderInfo) -> None:
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        cells = [
            (shown_path(info.path), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            (QLocale().toString(info.documents), right),
            (last_update_text(info.last_update), Qt.AlignmentFlag.AlignVCenter),
            (self.watching_text(info), Qt.AlignmentFlag.AlignVCenter),
        ]
        for column, (text, alignment) in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setTextAlignment(alignment)
            item.setToolTip(info.path if column == FOLDER else text)
            self.table.setItem(row, column, item)

    def watching_text(self, info: FolderInfo) -> str:
        """Whether `info`'s changes are watched, paused, or rescanned instead (and why)."""
        if info.paused:
            return translate("FoldersDialog", "Paused")
        reason = self._live.fallback.get(info.path)
        if reason is not None:
            return translate("FoldersDialog", "Rescanned: %1").replace("%1", watch_reason(reason))
        if info.path in self._live.watched:
            return translate("FoldersDialog", "Watched")
        return translate("FoldersDialog", "Not watched")

    def update_buttons(self) -> None:
        """What can be done to the selected folder; nothing else while a folder job runs."""
        info = self.selected()
        idle = not self._live.job_running
        self.remove_button.setEnabled(info is not None and idle)
        self.reindex_button.setEnabled(info is not None and idle)
        self.pause_button.setEnabled(info is not None)
        paused = info is not None and info.paused
        self.pause_button.setText(
            translate("FoldersDialog", "Res&ume Watching")
            if paused
            else translate("FoldersDialog", "&Pause Watching")
        )

    # -- what the buttons do -----------------------------------------------------------------

    def ask_remove(self) -> QMessageBox | None:
        """Ask whether to take the selected folder out of the index (window-modal, at once)."""
        info = self.selected()
        if info is None:
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("FoldersDialog", "Remove Folder"))
        box.setText(
            translate("FoldersDialog", "Remove %1 from the index?").replace("%1", info.path)
        )
        count = info.documents  # a plain name: lupdate reads it as the count of "%n"
        box.setInformativeText(
            translate(
                "FoldersDialog",
                "Its %n document(s) will leave the index. The files themselves stay where "
                "they are.",
                "",
                count,
            )
        )
        remove = box.addButton(
            translate("FoldersDialog", "Remove"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(button: QAbstractButton) -> None:
            if button is remove:
                self.remove(info.path)

        box.buttonClicked.connect(answered)
        self.confirmation = box
        box.open()
        return box

    def remove(self, folder: str) -> bool:
        """Take `folder` out of the index in the background (no question asked)."""
        started = self._live.remove(folder)
        if started:
            self.status_label.setText(
                translate("FoldersDialog", "Removing %1…").replace("%1", folder)
            )
        self.update_buttons()
        return started

    def toggle_paused(self) -> None:
        """Pause watching the selected folder, or resume it."""
        info = self.selected()
        if info is None:
            return
        if info.paused:
            self._live.resume(info.path)
        else:
            self._live.pause(info.path)

    def reindex_selected(self) -> bool:
        """Read every file of the selected folder again, in the background."""
        info = self.selected()
        if info is None or not self._live.reindex(info.path):
            return False
        self.status_label.setText(
            translate("FoldersDialog", "Re-indexing %1…").replace("%1", info.path)
        )
        self.update_buttons()
        return True

    # -- what the folder jobs report ---------------------------------------------------------

    def on_job_progressed(self, done: int, total: int) -> None:
        """A re-index advanced."""
        self.status_label.setText(
            translate("FoldersDialog", "Re-indexing %1… %2 / %3")
            .replace("%1", self._live.job_folder)
            .replace("%2", str(done))
            .replace("%3", str(total))
        )

    def on_job_waiting(self) -> None:
        """The folder job waits for another indexing run."""
        self.status_label.setText(translate("FoldersDialog", "Waiting for another indexing run…"))

    def on_job_finished(self, action: str, folder: str, report: IndexReport) -> None:
        """Say what the folder job did."""
        if report.cancelled:
            text = translate("FoldersDialog", "Stopped; what was done so far is kept.")
        elif action == LiveFolders.REMOVE:
            removed = report.removed
            text = translate(
                "FoldersDialog", "Removed %1: %n document(s) left the index.", "", removed
            ).replace("%1", folder)
        else:
            text = (
                translate("FoldersDialog", "Re-indexed %1: %2 added, %3 updated, %4 removed.")
                .replace("%1", folder)
                .replace("%2", str(report.added))
                .replace("%3", str(report.updated))
                .replace("%4", str(report.removed))
            )
        self.status_label.setText(text)
        self.update_buttons()

    def on_job_failed(self, reason: str) -> None:
        """Say why the folder job failed."""
        self.status_label.setText(translate("FoldersDialog", "Failed: %1").replace("%1", reason))
        self.update_buttons()

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Re-set every text in the current language."""
        self.setWindowTitle(translate("FoldersDialog", "Folders"))
        self.intro.setText(
            translate(
                "FoldersDialog",
                "The folders Tìm Tin searches. Their changes are watched and indexed as they "
                "happen; a paused folder keeps its documents as they are.",
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                translate("FoldersDialog", "Folder"),
                translate("FoldersDialog", "Documents"),
                translate("FoldersDialog", "Last Update"),
                translate("FoldersDialog", "Watching"),
            ]
        )
        self.add_button.setText(translate("FoldersDialog", "&Add…"))
        self.remove_button.setText(translate("FoldersDialog", "&Remove"))
        self.reindex_button.setText(translate("FoldersDialog", "Re-&index"))
        for row, info in enumerate(self._infos):
            self._fill_row(row, info)
        self.update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        """Qt changed the application's language: re-set the texts."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
