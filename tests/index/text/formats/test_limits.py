"""The caps every reader works under: the time a file may take, text kept, zip members read.

Real zip files built in memory; a bomb is a small archive whose member unpacks past the cap.
"""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from index.errors import UndecodableFile
from index.text.formats import limits
from index.text.formats.limits import Deadline, TextBudget, open_zip, read_member


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_deadline_passes_until_its_time_is_spent() -> None:
    deadline = Deadline(0.05)
    deadline.check()
    time.sleep(0.06)
    with pytest.raises(UndecodableFile, match=r"longer than 0\.05 s"):
        deadline.check()


def test_a_text_budget_cuts_what_goes_past_it() -> None:
    budget = TextBudget(10)
    assert budget.take("Việt Nam ") == "Việt Nam "
    assert budget.take("muôn năm") == "m" and budget.spent
    assert budget.take("nữa") == ""


def test_members_are_read_and_counted_against_the_whole_file() -> None:
    archive = open_zip(_zip({"a.xml": "<a>Hà</a>".encode(), "b.xml": b"<b/>"}))
    unpacked = [0]
    assert read_member(archive, "a.xml", unpacked) == "<a>Hà</a>".encode()
    read_member(archive, "b.xml", unpacked)
    assert unpacked == [len("<a>Hà</a>".encode()) + 4]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_MEMBER_BYTES", 1024 * 1024)
    bomb = _zip({"word/document.xml": b"\0" * (8 * 1024 * 1024)})
    assert len(bomb) < 64 * 1024
    started = time.perf_counter()
    with pytest.raises(UndecodableFile, match="zip bomb"):
        read_member(open_zip(bomb), "word/document.xml", [0])
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 cut short", b"not a zip at all"])
def test_a_damaged_container_is_refused_with_a_reason(data: bytes) -> None:
    with pytest.raises(UndecodableFile, match="damaged file"):
        open_zip(data)


def test_a_missing_member_is_damage_not_a_crash() -> None:
    with pytest.raises(UndecodableFile, match="missing"):
        read_member(open_zip(_zip({"a": b"x"})), "word/document.xml", [0])
