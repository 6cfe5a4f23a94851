"""`python -m bench`: a quick look prints only, so the committed full report and plot stay as measured."""

from __future__ import annotations

from pathlib import Path

from bench.__main__ import _args


def test_a_quick_run_writes_nothing_unless_told_where() -> None:
    assert _args(["--quick"]).no_write
    assert not _args([]).no_write
    told = _args(["--quick", "--output", "/tmp/quick.md"])
    assert not told.no_write and told.output == Path("/tmp/quick.md")
