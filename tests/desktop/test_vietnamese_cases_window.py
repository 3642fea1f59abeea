"""Issue 5's acceptance cases in the real main window, and the mixed-encodings folder read in it.

Each window searches a real on-disk index of the case's corpus; waits on the window's signals.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.i18n import Translations
from desktop.main_window import MainWindow
from desktop.results_model import Role
from desktop.settings import Settings
from tests.desktop.helpers import WAIT_MS, search
from tests.test_mixed_encodings import BINARY, ENCODINGS, PHRASE, SAMPLES
from tests.test_vietnamese_cases import BAN, CASES, FRIENDS, Case, Corpora, check, observe

# Every case of the table, through the window as a reader would type it (issue 5).
WINDOW_CASES = CASES


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpora]:
    built = Corpora(tmp_path_factory.mktemp("vietnamese-window"))
    yield built
    built.close()


def as_plain(rich: str) -> str:
    """What a rich-text label reads as: tags dropped, entities resolved."""
    return html.unescape(re.sub(r"<[^>]+>", "", rich))


def open_window(
    qtbot: QtBot, index_dir: Path, settings: Settings, translations: Translations
) -> MainWindow:
    window = MainWindow(index_dir, settings, translations, restore_query=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_window_runs_the_whole_table() -> None:
    assert len(WINDOW_CASES) >= 40


@pytest.mark.parametrize("case", WINDOW_CASES, ids=[case.id for case in WINDOW_CASES])
def test_case_in_the_window(
    qtbot: QtBot,
    app: QApplication,
    settings: Settings,
    translations: Translations,
    corpora: Corpora,
    case: Case,
) -> None:
    window = open_window(qtbot, corpora.index_dir(case.docs), settings, translations)
    window.search_bar.accent_box.setChecked(case.exact)  # the field is empty: nothing searches yet
    if case.matches == set():
        result = search(qtbot, window, case.query)
    else:
        with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS) as opened:
            result = search(qtbot, window, case.query)
    rows = [
        window.results_pane.model.index(row, 0)
        for row in range(window.results_pane.model.rowCount())
    ]
    hits = [row.data(Role.HIT) for row in rows]
    check(
        case,
        observe(
            [
                (row.data(Role.PATH), row.data(Role.SNIPPET), [list(m) for m in hit.matches])
                for row, hit in zip(rows, hits, strict=True)
            ],
            total=result.total,
            variants=[(v.word, v.form, v.doc_count) for v in result.variants],
            corrected=result.corrected_query,
            suggestion=result.suggestion,
        ),
    )

    notes = (
        as_plain(window.results_pane.info_label.text())
        if window.results_pane.info_label.isVisible()
        else ""
    )
    if case.corrected:
        assert f"Showing results for {case.corrected}" in notes
    else:
        assert "Showing results for" not in notes
    if case.suggestion:
        assert "Did you mean" in notes and case.suggestion in notes
    if case.variants:
        assert window.results_pane.chips.isVisible()
        chip_texts = [chip.text() for chip in window.results_pane.chips.chips]
        assert len(chip_texts) == len(case.variants)
        for form, count in case.variants:
            assert any(form in text and str(count) in text for text in chip_texts), chip_texts
    if case.variants == ():
        assert not window.results_pane.chips.isVisible()

    if case.matches == set():
        assert window.results_pane.results_stack.currentWidget() is window.results_pane.empty_label
        return
    view = opened.args[0]
    assert view.path == rows[0].data(Role.PATH)
    assert window.reader.match_count == view.match_count > 0
    if case.marks is not None:
        assert window.reader.current_match_text() in case.marks


def test_accent_toggle_narrows_an_accented_query_to_its_form(
    qtbot: QtBot,
    app: QApplication,
    settings: Settings,
    translations: Translations,
    corpora: Corpora,
) -> None:
    window = open_window(qtbot, corpora.index_dir(BAN), settings, translations)
    loose = search(qtbot, window, "bạn")
    assert {Path(hit.path).stem for hit in loose.hits} == set(BAN)
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS) as blocker:
        window.search_bar.accent_box.setChecked(True)
    assert {Path(hit.path).stem for hit in blocker.args[0].hits} == FRIENDS
    assert window.results_pane.model.rowCount() == len(FRIENDS)


def test_a_variant_chip_narrows_ban_to_ban_friend(
    qtbot: QtBot,
    app: QApplication,
    settings: Settings,
    translations: Translations,
    corpora: Corpora,
) -> None:
    window = open_window(qtbot, corpora.index_dir(BAN), settings, translations)
    result = search(qtbot, window, "ban")
    assert result.variants[0].form == "bạn"
    chip = next(chip for chip in window.results_pane.chips.chips if chip.text().startswith("bạn"))
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS) as blocker:
        chip.click()
    assert window.search_bar.field.text() == "exact:bạn"
    assert not window.search_bar.accent_box.isChecked()  # only that word is narrowed
    assert {Path(hit.path).stem for hit in blocker.args[0].hits} == FRIENDS


# --- the mixed-encodings folder, added and read through the window ------------------------------


def visible_label_texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]


def test_the_reader_shows_every_encoding_and_names_it(
    qtbot: QtBot, app: QApplication, settings: Settings, translations: Translations, tmp_path: Path
) -> None:
    # Neutral file names, so a path on screen never passes for the encoding's name.
    folder = tmp_path / "articles"
    folder.mkdir()
    sample_of: dict[str, str] = {}
    for number, sample in enumerate([*ENCODINGS, BINARY], start=1):
        shutil.copy(SAMPLES / sample, folder / f"bai_{number}.txt")
        sample_of[f"bai_{number}.txt"] = sample
    window = MainWindow(
        tmp_path / "index", settings, translations, restore_query=False, build_if_empty=False
    )
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.index_updated, timeout=WAIT_MS) as indexed:
        window.add_folder(folder)
    report = indexed.args[0]
    assert report.added == len(ENCODINGS)
    assert [sample_of[Path(s.path).name] for s in report.skipped] == [BINARY]
    assert window.results_pane.banner.isVisible()

    with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS) as opened:
        result = search(qtbot, window, "chu tich nuoc")
    assert {sample_of[Path(hit.path).name] for hit in result.hits} == set(ENCODINGS)
    shown: dict[str, tuple[str, list[str]]] = {}
    for row in range(window.results_pane.model.rowCount()):
        if row:
            with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS) as opened:
                window.results_pane.list_view.selectionModel().setCurrentIndex(
                    window.results_pane.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect,
                )
        view = opened.args[0]
        sample = sample_of[Path(view.path).name]
        assert view.path == window.results_pane.model.index(row, 0).data(Role.PATH)
        assert f"{PHRASE} Lương Cường" in window.reader.browser.toPlainText(), sample
        assert window.reader.current_match_text() == PHRASE, sample
        shown[sample] = (view.encoding, visible_label_texts(window.reader))
    assert set(shown) == set(ENCODINGS)
    missing = {
        sample: encoding
        for sample, word in ENCODINGS.items()
        for encoding, labels in [shown[sample]]
        if not any(word in text.casefold() for text in labels)
    }
    labels = shown["tcvn3.txt"][1][1:]
    assert not missing, f"the reader never names the encoding {missing}; it shows {labels}"
