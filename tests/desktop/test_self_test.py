"""`timtin --self-test`: every check passes on this copy, every format's sample is found, and a
failing check is reported."""

from __future__ import annotations

import io
from pathlib import Path

from desktop.self_test import SelfTest, check_formats, run_self_test
from desktop.self_test_documents import SAMPLE_NAMES

CHECKS = ("seeds", "index", "search", "highlight", "parallel index", "formats", "watch", "window")


def test_the_self_test_passes(app) -> None:
    out = io.StringIO()
    assert run_self_test(out) == 0
    report = out.getvalue()
    for check in CHECKS:
        assert f"ok   {check}" in report
    for kind, name in SAMPLE_NAMES.items():
        assert f"ok   formats: {kind:<4} {name}" in report
    assert "(pdf+tcvn3)" in report
    assert "FAIL" not in report
    assert report.rstrip().endswith("self-test passed")


def test_the_formats_check_names_each_sample_it_found(tmp_path: Path) -> None:
    lines = check_formats(tmp_path / "samples", tmp_path / "index")
    for name in SAMPLE_NAMES.values():
        assert sum(f" {name} (" in line for line in lines) == 1
    assert lines[-1].endswith(f"find all {len(SAMPLE_NAMES)} samples in {tmp_path / 'samples'}")


def test_a_file_a_reader_refuses_fails_the_formats_check(tmp_path: Path) -> None:
    """A bundle missing a reader's library would skip its sample: that is a failure, named."""
    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "hong.pdf").write_bytes(b"%PDF-1.4\nnot really\n%%EOF\n")
    out = io.StringIO()
    test = SelfTest(out)
    assert test.check("formats", lambda: check_formats(samples, tmp_path / "index")) is False
    assert out.getvalue().startswith("FAIL formats: AssertionError: hong.pdf: damaged file")


def test_a_failing_check_is_reported_and_remembered() -> None:
    out = io.StringIO()
    test = SelfTest(out)

    def broken() -> str:
        raise ValueError("hỏng")

    assert test.check("broken", broken) is False
    assert test.check("fine", lambda: ["one", "two"]) is True
    assert test.failures == ["broken"]
    lines = out.getvalue().splitlines()
    assert lines[0] == "FAIL broken: ValueError: hỏng"
    assert lines[1:3] == ["ok   fine: one", "ok   fine: two"]
