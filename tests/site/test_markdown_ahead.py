"""Markdown converted ahead by a worker process: the same site, cache entries and messages as converting here."""

from __future__ import annotations

import logging
from concurrent.futures import wait
from pathlib import Path

import pytest

from press.adapters import markdown_ahead
from press.adapters.markdown_ahead import MarkdownAhead

from .builder import article, make_fixture
from .test_determinism import snapshot

SOURCE = """\
    further_reading:
      - id: reuters
        publisher: Reuters
        title: "A source"
        url: https://www.reuters.com/x
      - id: ap
        publisher: AP News
        title: "Another source"
        url: https://apnews.com/y
    """
FILES = {
    "vera2/posts/2025/target.md": article("Target", body="## Part one\n\nText.\n\n## Part two\n\nMore."),
    "vera2/posts/2025/linking.md": article("Linking", extra=SOURCE, body=(
        "See [the target](target.md#part-two), [no such part](target.md#part-nine) and [a folder](../nowhere/). "
        "[@reuters; @ap]\n\n## Heading {: #custom }\n\nA note.[^1]\n\n[^1]: The footnote.")),
    "dispatch/posts/2025/essay.md": article("An essay", section="Commentary", body="## One\n\n> Quoted.\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
}


def entries(root: Path) -> dict[str, bytes]:
    folder = root / ".cache/press/render"
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.json"))}


def build(root: Path, caplog: pytest.LogCaptureFixture) -> list[tuple[int, str]]:
    fixture = make_fixture(root, FILES)
    caplog.clear()
    with caplog.at_level(logging.INFO):
        fixture.build(strict=False)
    return [(r.levelno, r.getMessage()) for r in caplog.records if r.levelno >= logging.WARNING]


def test_pages_the_worker_converted_are_those_the_build_converts(tmp_path: Path, caplog, monkeypatch) -> None:
    here = build(tmp_path / "here", caplog)  # three articles: under AHEAD_FROM, converted in the build

    monkeypatch.setattr(markdown_ahead, "AHEAD_FROM", 1)
    monkeypatch.setattr(markdown_ahead, "CHUNK", 1)
    started: list[MarkdownAhead] = []
    start = MarkdownAhead.start.__func__  # type: ignore[attr-defined]

    def start_and_finish(cls, *args):  # the worker converts every article before the build reaches the first
        ahead = start(cls, *args)
        if ahead is not None:
            wait(set(ahead.chunk_of.values()))
            started.append(ahead)
        return ahead

    monkeypatch.setattr(MarkdownAhead, "start", classmethod(start_and_finish))
    taken: list[str] = []
    take = MarkdownAhead.take
    monkeypatch.setattr(MarkdownAhead, "take", lambda self, src, key: taken.append(src) or take(self, src, key))
    ahead = build(tmp_path / "ahead", caplog)

    assert started and sorted(taken) == sorted(FILES)
    assert all(not ahead.chunk_of for ahead in started)  # every page came from the worker
    assert snapshot(tmp_path / "ahead/site") == snapshot(tmp_path / "here/site")
    assert entries(tmp_path / "ahead") == entries(tmp_path / "here")  # the next build's cache is the same too
    assert ahead == here
    # What the worker's conversion logged is logged in the build: the unrecognized link, the missing anchor.
    assert any("nowhere" in message for _, message in ahead) and any("part-nine" in message for _, message in ahead)


def test_a_page_whose_key_changed_is_converted_here(tmp_path: Path, monkeypatch) -> None:
    """The worker's entry is used only under the key the build computes for the page when it converts it."""
    monkeypatch.setattr(markdown_ahead, "AHEAD_FROM", 1)
    seen: list[MarkdownAhead] = []
    start = MarkdownAhead.start.__func__  # type: ignore[attr-defined]

    def start_and_finish(cls, *args):
        ahead = start(cls, *args)
        if ahead is not None:
            wait(set(ahead.chunk_of.values()))
            ahead.keys = dict.fromkeys(ahead.keys, "another key")  # as if a plugin changed every page's Markdown
            seen.append(ahead)
        return ahead

    monkeypatch.setattr(MarkdownAhead, "start", classmethod(start_and_finish))
    used: list[object] = []
    take = MarkdownAhead.take
    monkeypatch.setattr(MarkdownAhead, "take", lambda self, src, key: used.append(take(self, src, key)) or used[-1])
    fixture = make_fixture(tmp_path, FILES)
    fixture.build(strict=False)
    assert seen and len(used) == len(FILES) and not any(used)
    assert 'href="../target/#part-two"' in fixture.page("vera2/2025/11/linking")
