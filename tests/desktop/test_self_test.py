"""`timtin --self-test`: every check passes on this copy, and a failing check is reported."""

from __future__ import annotations

import io

from desktop.self_test import SelfTest, run_self_test


def test_the_self_test_passes(app) -> None:
    out = io.StringIO()
    assert run_self_test(out) == 0
    report = out.getvalue()
    for check in ("seeds", "index", "search", "highlight", "parallel index", "window"):
        assert f"ok   {check}" in report
    assert "FAIL" not in report
    assert report.rstrip().endswith("self-test passed")


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
