"""The indexing corner of the status bar: what it says while indexing runs, and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.indexing_bar import IndexingBar

HOSTS: list[QWidget] = []  # the bars' windows, kept alive for the test


def make_bar(qtbot) -> IndexingBar:  # type: ignore[no-untyped-def]
    """A bar in a shown window, as in the status bar: hidden until indexing runs."""
    host = QWidget()
    qtbot.addWidget(host, before_close_func=HOSTS.remove)
    HOSTS.append(host)
    bar = IndexingBar(host)
    bar.retranslate()
    host.show()
    bar.set_running(False)
    return bar


def test_it_shows_only_while_indexing_runs(qtbot, translations) -> None:
    bar = make_bar(qtbot)
    assert not bar.isVisible()
    bar.set_running(True)
    assert bar.isVisible() and bar.cancel_button.isEnabled()
    assert bar.cancel_button.text() == "Cancel"
    bar.set_running(False)
    assert not bar.isVisible()


def test_progress_names_the_count_and_the_current_file(qtbot, translations) -> None:
    bar = make_bar(qtbot)
    bar.set_running(True)
    bar.on_indexing_started()
    assert (bar.progress_bar.minimum(), bar.progress_bar.maximum()) == (0, 0)  # busy
    assert bar.progress_label.text() == "Indexing…"
    bar.on_indexing_progress(3, 10, "/ghi chú/ba.txt")
    assert (bar.progress_bar.maximum(), bar.progress_bar.value()) == (10, 3)
    assert bar.progress_label.text() == "Indexing… 3 / 10"
    assert bar.progress_label.toolTip() == "/ghi chú/ba.txt"


def test_the_first_build_says_so(qtbot, translations) -> None:
    bar = make_bar(qtbot)
    bar.building = True
    bar.on_indexing_started()
    assert bar.progress_label.text() == "Building the index…"
    translations.apply("vi")
    assert bar.label_text() != "Building the index…"


def test_cancel_is_announced_once(qtbot, translations) -> None:
    bar = make_bar(qtbot)
    bar.set_running(True)
    with qtbot.waitSignal(bar.cancel_clicked):
        bar.cancel_button.click()
    bar.show_cancelling()
    assert not bar.cancel_button.isEnabled()
    assert bar.progress_label.text() == "Cancelling…"


def test_waiting_for_another_run_is_said(qtbot, translations) -> None:
    bar = make_bar(qtbot)
    bar.show_waiting()
    assert bar.progress_label.text() == "Waiting for another indexing run…"
    translations.apply("vi")
    bar.show_waiting()
    assert bar.progress_label.text() == "Đang chờ một lượt lập chỉ mục khác…"
    assert bar.progress_bar.maximum() == 0  # busy, no count yet
