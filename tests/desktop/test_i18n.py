"""Translations: catalogues complete, compiled, in sync with the code; language choice."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QTextBrowser,
    QWidget,
)

from desktop.i18n import LANGUAGES, Translations, resolve, system_language, translations_dir

REPO = Path(__file__).resolve().parents[2]
TOOLS = Path(sys.executable).parent


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_vietnamese_catalogue_is_complete() -> None:
    found = messages(translations_dir() / "timtin_vi.ts")
    assert len(found) > 40
    for key, message in found.items():
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), key
        texts = [f.text for f in translation.iter("numerusform")] or [translation.text]
        assert all(texts), key


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_compiled_catalogues_are_shipped(language: str) -> None:
    ts = translations_dir() / f"timtin_{language}.ts"
    qm = translations_dir() / f"timtin_{language}.qm"
    assert ts.is_file() and qm.is_file()
    assert qm.stat().st_size > 0


@pytest.mark.skipif(not (TOOLS / "pyside6-lupdate").exists(), reason="needs pyside6-lupdate")
def test_catalogues_cover_every_string_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "desktop").glob("*.py"))
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *sources, "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = set(messages(fresh))
    for language in LANGUAGES:
        shipped = set(messages(translations_dir() / f"timtin_{language}.ts"))
        if language == "en":  # English keeps only plural forms
            plural = {k for k, m in messages(fresh).items() if m.get("numerus") == "yes"}
            assert plural <= shipped
        else:
            assert in_code == shipped, f"run lupdate: {sorted(in_code ^ shipped)}"


@pytest.mark.skipif(not (TOOLS / "pyside6-lrelease").exists(), reason="needs pyside6-lrelease")
@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_compiled_catalogues_are_up_to_date(tmp_path: Path, language: str) -> None:
    source = translations_dir() / f"timtin_{language}.ts"
    out = tmp_path / f"timtin_{language}.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), str(source), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    shipped = translations_dir() / f"timtin_{language}.qm"
    assert out.read_bytes() == shipped.read_bytes(), "run pyside6-lrelease on the .ts files"


def test_apply_installs_and_remove_uninstalls(app) -> None:
    translations = Translations(app)
    try:
        assert translations.apply("vi") == "vi"
        assert QCoreApplication.translate("MainWindow", "Match accents") == "Khớp dấu"
        assert (
            QCoreApplication.translate("MainWindow", "Search — type with or without accents")
            == "Tìm kiếm — gõ có dấu hoặc không dấu"
        )
        assert QCoreApplication.translate("MainWindow", "%n result(s) · %1 ms", "", 2) == (
            "2 kết quả · %1 ms"
        )
        translations.apply("en")
        assert QCoreApplication.translate("MainWindow", "%n result(s) · %1 ms", "", 1) == (
            "1 result · %1 ms"
        )
    finally:
        translations.remove()
    assert QCoreApplication.translate("MainWindow", "Match accents") == "Match accents"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (QLocale("vi_VN"), "vi"),
        (QLocale("en_US"), "en"),
        (QLocale("fr_FR"), "en"),
    ],
)
def test_language_follows_the_locale(locale: QLocale, expected: str) -> None:
    assert system_language(locale) == expected


def test_saved_choice_wins_over_the_locale() -> None:
    assert resolve("vi") == "vi"
    assert resolve("en") == "en"
    assert resolve("") in LANGUAGES
    assert resolve("klingon") in LANGUAGES


def menu_texts(menu) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]


def test_qts_own_strings_follow_the_ui_language(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    translations = Translations(app)
    field, browser = QLineEdit(), QTextBrowser()
    qtbot.addWidget(field)
    qtbot.addWidget(browser)
    field.setText("chủ tịch")
    browser.setPlainText("chủ tịch")
    try:
        translations.apply("vi")
        assert menu_texts(field.createStandardContextMenu()) == [
            "&Hoàn tác",
            "&Làm lại",
            "&Cắt",
            "&Sao chép",
            "&Dán",
            "Xóa",
            "Chọn tất cả",
        ]
        assert "Chọn tất cả" in menu_texts(browser.createStandardContextMenu())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(buttons)
        assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "Đóng"
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
        translations.apply("en")
        assert "&Copy" in menu_texts(field.createStandardContextMenu())
        again = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        qtbot.addWidget(again)
        assert again.button(QDialogButtonBox.StandardButton.Close).text() == "Close"
    finally:
        translations.remove()


VIETNAMESE_LETTERS = set("ăâêôơưđàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def window_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    texts = [window.windowTitle()]
    for action in window.findChildren(QAction):
        texts += [action.text(), action.toolTip()]
    for menu in window.findChildren(QMenu):
        texts.append(menu.title())
    for widget in window.findChildren(QWidget):
        texts.append(widget.toolTip())
        for getter in ("text", "placeholderText"):
            value = getattr(widget, getter, None)
            if callable(value):
                with contextlib.suppress(TypeError):
                    texts.append(str(value()))
    for box in window.findChildren(QComboBox):
        texts += [box.itemText(i) for i in range(box.count())]
    return [t for t in texts if t]


def test_after_switching_to_english_nothing_vietnamese_remains(window) -> None:  # type: ignore[no-untyped-def]
    window.set_language("vi")
    vietnamese = set(window_texts(window))
    assert "Khớp dấu" in vietnamese and "&Kết quả" in vietnamese
    window.set_language("en")
    same_in_both = {*LANGUAGES.values(), "Tìm Tin"}
    left = [
        text
        for text in window_texts(window)
        if text in vietnamese
        and set(text.lower()) & VIETNAMESE_LETTERS
        and text not in same_in_both
    ]
    assert left == []
