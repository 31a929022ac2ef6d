"""Scheduling to the hour, end to end: the build date (SOURCE_DATE_EPOCH) decides, to the second, what a build publishes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from .builder import article, make_fixture


def epoch(iso: str) -> str:
    return str(int(dt.datetime.fromisoformat(iso).timestamp()))


def test_an_article_dated_0930_is_left_out_of_the_0929_build_and_published_by_the_0930_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/timed.md": article("Timed", date="2025-11-28T09:30:00-05:00"),
        "vera2/posts/2025/dated.md": article("Dated", date="2025-11-28"),  # midnight in New York: out since 00:00
    })
    timed = fixture.site / "vera2/2025/11/timed/index.html"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2025-11-28T09:29:59-05:00"))
    fixture.build()
    assert not timed.exists() and (fixture.site / "vera2/2025/11/dated/index.html").exists()
    assert "Timed" not in (fixture.site / "feed.xml").read_text(encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2025-11-28T14:30:00+00:00"))  # 09:30:00 in New York
    fixture.build()
    assert timed.exists()
    assert "Timed" in (fixture.site / "feed.xml").read_text(encoding="utf-8")
