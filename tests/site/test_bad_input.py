"""A build with broken content reports every problem of every file at once, then fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from press.adapters.building import build_atomically

from .builder import article, make_fixture, press_errors

BROKEN = {
    "vera2/posts/2025/number-title.md": article("x").replace("title: 'x'", "title: 42"),
    "vera2/posts/2025/unknown-author.md": article("x", authors="[jt-mercr]"),
    "vera2/posts/2025/no-section.md": article("x", section="Sports"),
    "dispatch/posts/2025/typo.md": article("x", section=None, extra="tilte: Oops"),
    "dispatch/posts/2025/no-front-matter.md": "Just text.\n",
    "vera2/posts/2025/fine.md": article("Fine"),
}


def test_five_broken_files_are_reported_together(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, BROKEN)
    with pytest.raises((Abort, PluginError)):
        fixture.build()
    assert press_errors(caplog) == [
        "press: content/dispatch/posts/2025/no-front-matter.md:1: no front matter: an article starts with a '---' line\n"
        "  hint: start the file with front matter such as:\n"
        "    ---\n    title: \"Headline\"\n    description: \"One or two sentences.\"\n    date: 2025-11-28\n"
        "    authors: [jt-mercer]\n    ---",
        "press: content/dispatch/posts/2025/typo.md:6: tilte: unknown key\n"
        "  hint: did you mean 'title'? known keys: authors, canonical_url, categories, corrections, cta, date, description, "
        "draft, further_reading, id, image, image_alt, image_caption, image_credit, pin, readtime, redirect_from, slug, tags, title, updated",
        "press: content/vera2/posts/2025/no-section.md:6: categories[0]: 'Sports' is not a section of Vera2\n"
        "  hint: known sections of Vera2: Courts, Politics",
        "press: content/vera2/posts/2025/number-title.md:2: title: expected text, got the number 42\n"
        '  hint: put the value in quotes: title: "42"',
        "press: content/vera2/posts/2025/unknown-author.md:5: authors[0]: unknown author 'jt-mercr'\n"
        "  hint: did you mean 'jt-mercer'? known authors: dana-okafor, jt-mercer (authors are defined in content/authors.yml)",
    ]


def test_the_failure_message_counts_problems_and_files(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    make_fixture(tmp_path, BROKEN)
    assert not build_atomically(tmp_path / "mkdocs.yml")
    messages = [r.getMessage() for r in caplog.records]
    assert "5 content problems in 5 files: fix them and build again" in messages
    assert messages[-1] == "build failed, site/ left as it was: Aborted with a BuildError!"


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/fine.md": article("Fine")})
    assert build_atomically(tmp_path / "mkdocs.yml")
    before = {p: p.read_bytes() for p in fixture.site.rglob("*") if p.is_file()}
    fixture.write("vera2/posts/2025/fine.md", article("Fine", authors="[nobody]"))
    fixture.write("vera2/posts/2025/new.md", article("New"))
    assert not build_atomically(tmp_path / "mkdocs.yml")
    after = {p: p.read_bytes() for p in fixture.site.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "content", "mkdocs.yml", "site"]  # no staging left


def test_a_successful_build_replaces_the_site(tmp_path: Path) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/fine.md": article("Fine")})
    fixture.site.mkdir()
    for name in ("sitemap.xml", "404.html", "stale.html"):  # a previous build's site, with a page it no longer has
        (fixture.site / name).write_text("old")
    assert build_atomically(tmp_path / "mkdocs.yml")
    assert not (fixture.site / "stale.html").exists()
    assert (fixture.site / "vera2/2025/11/fine/index.html").exists()


def test_two_articles_at_one_url(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/story.md": article("One"),
        "vera2/posts/old/story.md": article("Two"),
    })
    with pytest.raises((Abort, PluginError)):
        fixture.build()
    assert press_errors(caplog) == [
        "press: content/vera2/posts/old/story.md:2: slug: has the same URL /vera2/2025/11/story/ as vera2/posts/2025/story.md\n"
        "  hint: give one of them another slug: (or file name)",
    ]


def test_authors_registry_problems_and_a_missing_registry(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/fine.md": article("Fine")})
    fixture.write("authors.yml", "authors:\n  jt-mercer:\n    nam: J.T.\n")
    with pytest.raises((Abort, PluginError)):
        fixture.build()
    assert [m.splitlines()[0] for m in press_errors(caplog)] == [
        "press: content/authors.yml:2: authors.jt-mercer.name: every author needs a name",
        "press: content/authors.yml:3: authors.jt-mercer.nam: unknown key",
    ]  # and no "unknown author 'jt-mercer'" in every article: the registry's error is the one to fix
    caplog.clear()
    (tmp_path / "content/authors.yml").unlink()
    with pytest.raises((Abort, PluginError)):
        fixture.build()
    assert press_errors(caplog)[0].startswith("press: content/authors.yml: the authors registry is missing")
