"""The rendered-Markdown cache: a hit gives the same site as a fresh render, and every input invalidates it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from .builder import article, base_config, make_fixture
from .test_determinism import snapshot

FILES = {
    "vera2/posts/2025/target.md": article("Target", body="## Part one\n\nText.\n\n## Part two\n\nMore."),
    "vera2/posts/2025/linking.md": article("Linking", extra="""\
        further_reading:
          - id: reuters
            publisher: Reuters
            title: "A source"
            url: https://www.reuters.com/x
        """, body="See [the target](target.md#part-two) and [a folder](../nowhere/). [@reuters]\n\n## Heading\n\nText."),
}


def entries(root: Path) -> list[Path]:
    return sorted((root / ".cache/press/render").rglob("*.json"))


def build_logged(fixture, caplog) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.INFO):
        fixture.build(strict=False)
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_second_build_is_served_from_the_cache_and_identical(tmp_path: Path, caplog) -> None:
    fixture = make_fixture(tmp_path, FILES)
    first_warnings = build_logged(fixture, caplog)
    first = snapshot(fixture.site)
    stored = entries(tmp_path)
    assert len(stored) == 2
    times = [p.stat().st_mtime_ns for p in stored]
    second_warnings = build_logged(fixture, caplog)
    assert entries(tmp_path) == stored and [p.stat().st_mtime_ns for p in stored] == times  # hits: nothing rewritten
    assert snapshot(fixture.site) == first
    # The warning the render logged (an unrecognized link) is logged again on a hit.
    assert any("nowhere" in w for w in first_warnings)
    assert [w for w in second_warnings if "nowhere" in w] == [w for w in first_warnings if "nowhere" in w]


@pytest.mark.parametrize("change, expect", [
    (lambda f: f.write("vera2/posts/2025/linking.md", FILES["vera2/posts/2025/linking.md"].replace("Text.", "New text.")),
     "New text."),
    (lambda f: f.write("vera2/posts/2025/target.md", article("Target", extra="slug: renamed",
                                                             body="## Part one\n\nText.\n\n## Part two\n\nMore.")),
     'href="../renamed/#part-two"'),
    (lambda f: f.write("vera2/posts/2025/linking.md", FILES["vera2/posts/2025/linking.md"].replace("publisher: Reuters",
                                                                                                   "publisher: Reuters Wire")),
     "</span>Reuters Wire</a>"),  # the chip, rendered from the Markdown
])
def test_each_input_invalidates_the_entry(tmp_path: Path, change, expect) -> None:
    fixture = make_fixture(tmp_path, FILES)
    fixture.build(strict=False)
    change(fixture)
    fixture.build(strict=False)
    assert expect in fixture.page("vera2/2025/11/linking")


def test_markdown_options_are_part_of_the_key(tmp_path: Path) -> None:
    config = base_config()
    fixture = make_fixture(tmp_path, FILES, config)
    fixture.build(strict=False)
    assert 'class="headerlink"' not in fixture.page("vera2/2025/11/linking")
    config["markdown_extensions"] = [{"toc": {"permalink": True}}]
    make_fixture(tmp_path, {}, config)
    fixture.build(strict=False)
    assert 'class="headerlink"' in fixture.page("vera2/2025/11/linking")
