"""Issue 14: input a careless or hostile author writes is an error with file, line and field, never a traceback.

Each case runs `press check` (and the build where the build sees more) on a fixture site, asserts the exact
report and that neither content/ nor site/ was touched.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from press.adapters.building import build_atomically
from press.cli import main

from .builder import AUTHORS_YML, Fixture, article, make_fixture, press_errors


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def check(fixture: Fixture, capsys: pytest.CaptureFixture, *extra: str) -> str:
    """`press check`'s report (it must find problems), after asserting it changed nothing."""
    before = files_of(fixture.root / "content")
    assert main(["check", "-f", str(fixture.root / "mkdocs.yml"), *extra]) == 1
    assert files_of(fixture.root / "content") == before
    assert not fixture.site.exists()
    return capsys.readouterr().out


def build_fails(fixture: Fixture, caplog: pytest.LogCaptureFixture) -> list[str]:
    """The problems a failed build logged, after asserting it left content/ and site/ as they were."""
    content, site = files_of(fixture.root / "content"), files_of(fixture.site) if fixture.site.exists() else None
    assert not build_atomically(fixture.root / "mkdocs.yml")
    assert files_of(fixture.root / "content") == content
    assert (files_of(fixture.site) if fixture.site.exists() else None) == site
    return [m for m in press_errors(caplog) if m.startswith("press: ")]  # without "build failed, site/ left as it was"


# -- tracebacks instead of messages ------------------------------------------------------------------

def test_a_duplicate_slug_and_a_broken_link_in_one_file(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/story.md": article("One"),
        "vera2/posts/old/story.md": article("Two", body="See [this](missing.md)."),
    })
    assert check(fixture, capsys) == (
        "content/vera2/posts/old/story.md:2: slug: has the same URL /vera2/2025/11/story/ as vera2/posts/2025/story.md\n"
        "  hint: give one of them another slug: (or file name)\n"
        "content/vera2/posts/old/story.md:9: link: links to missing.md, but vera2/posts/old/missing.md does not exist\n"
        "  hint: did you mean story.md?\n"
        "press check: 2 errors in 1 file (2 articles checked)\n"
    )
    main(["check", "-f", str(tmp_path / "mkdocs.yml"), "--format", "json"])
    assert [(r["line"], r["field"]) for r in json.loads(capsys.readouterr().out)] == [(2, "slug"), (9, "link")]
    assert [m.splitlines()[0] for m in build_fails(fixture, caplog)] == [
        "press: content/vera2/posts/old/story.md:2: slug: has the same URL /vera2/2025/11/story/ as vera2/posts/2025/story.md",
        "press: content/vera2/posts/old/story.md:9: link: links to missing.md, but vera2/posts/old/missing.md does not exist",
    ]


def test_control_characters_are_named_with_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    hint = "  hint: delete it: most editors do not show it, so retype the text around that column\n"
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/pasted.md": article("Pasted from Word", extra='image_alt: "A \\e[31m red"', body="Body\x00 text.\n\nMore \ufffe.")
        .replace("Pasted from", "Pasted\vfrom").replace("A short dek.", "A\fdek."),
    })
    assert check(fixture, capsys) == (
        "content/vera2/posts/2025/pasted.md:2:15: title: the character U+000B LINE TABULATION (vertical tab) is not allowed\n" + hint +
        "content/vera2/posts/2025/pasted.md:3:15: description: the character U+000C FORM FEED is not allowed\n" + hint +
        "content/vera2/posts/2025/pasted.md:7: image_alt: is set but there is no image\n"
        "  hint: add image: images/<file> or remove image_alt\n"
        "content/vera2/posts/2025/pasted.md:7:12: image_alt: the character U+001B ESCAPE is not allowed "
        "(written as an escape in quoted text)\n" + hint +
        "content/vera2/posts/2025/pasted.md:10:5: body: the character U+0000 NULL is not allowed\n" + hint +
        "content/vera2/posts/2025/pasted.md:12:6: body: the character U+FFFE (a noncharacter) is not allowed\n" + hint +
        "press check: 6 errors in 1 file (1 article checked)\n"
    )
    assert len(build_fails(fixture, caplog)) == 6


def test_keys_are_reported_as_written(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/keys.md": article("Keys", extra="~: a\n1: b\ntrue: c")})
    out = check(fixture, capsys)
    assert [line for line in out.splitlines() if not line.startswith(" ")] == [
        "content/vera2/posts/2025/keys.md:7: ~: unknown key",
        "content/vera2/posts/2025/keys.md:8: 1: unknown key",
        "content/vera2/posts/2025/keys.md:9: true: unknown key",
        "press check: 3 errors in 1 file (1 article checked)",
    ]


# -- denial of service ---------------------------------------------------------------------------

def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/bomb.md": article("Bomb", extra="\n".join(lines))})
    started = time.perf_counter()
    out = check(fixture, capsys)
    assert time.perf_counter() - started < 5  # seconds and a gigabyte before: the expansion is never walked
    assert out == (
        "content/vera2/posts/2025/bomb.md:7: the values anchored here (&name) are repeated through aliases (*name) "
        "into more than 10,000 values\n"
        "  hint: write the values out instead of repeating them with anchors and aliases\n"
        "press check: 1 error in 1 file (1 article checked)\n"
    )


# -- accepted silently before --------------------------------------------------------------------

def test_an_id_equal_to_another_articles_old_url_would_share_its_feed_guid(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/a.md": article("A", extra="redirect_from: [old-story/]"),
        "vera2/posts/2025/b.md": article("B", extra="id: old-story"),
    })
    assert check(fixture, capsys) == (
        "content/vera2/posts/2025/b.md:7: id: id 'old-story' is the first redirect_from of vera2/posts/2025/a.md: "
        "the two articles would share one feed id\n"
        "  hint: each article needs its own id: it identifies the article in feeds\n"
        "press check: 1 error in 1 file (2 articles checked)\n"
    )


def test_too_many_pinned_articles(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {f"vera2/posts/2025/p{day}.md": article(f"P{day}", date=f"2025-11-{day:02}", extra="pin: true")
                                      for day in range(1, 6)})
    assert check(fixture, capsys) == "".join(
        f"content/vera2/posts/2025/p{day}.md:7: pin: 5 articles of this publication are pinned, the limit is 3\n"
        "  hint: unpin the older ones: the 3 newest stay (max_pinned of press/articles in mkdocs.yml)\n" for day in (1, 2)
    ) + "press check: 2 errors in 2 files (5 articles checked)\n"


def test_implausible_years_are_checked_against_the_build_date(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/y.md": article("Y", date="0025-11-20", extra="updated: 9999-12-31")})
    expected = [
        "content/vera2/posts/2025/y.md:4: date: the year 25 is not plausible (expected a year from 1900 to 2027)",
        "content/vera2/posts/2025/y.md:7: updated: the year 9999 is not plausible (expected a year from 1900 to 2027)",
    ]
    assert [line for line in check(fixture, capsys).splitlines() if not line.startswith(" ")][:-1] == expected
    assert [m.splitlines()[0] for m in build_fails(fixture, caplog)] == ["press: " + e for e in expected]


def test_empty_slugs_and_a_tag_longer_than_a_file_name(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/🎉.md": article("Party"),
        "vera2/posts/2025/---.md": article("Dashes"),
        "vera2/posts/2025/tag.md": article("Tag", extra=f"tags: [{'t' * 300}]"),
    })
    expected = [
        "content/vera2/posts/2025/---.md:2: slug: the file name '---.md' gives no slug: it has no letters or digits for the URL",
        "content/vera2/posts/2025/tag.md:7: tags[0]: the tag is 300 characters long, the limit is 60",
        "content/vera2/posts/2025/🎉.md:2: slug: the file name '🎉.md' gives no slug: it has no letters or digits for the URL",
    ]
    assert [line for line in check(fixture, capsys).splitlines() if not line.startswith(" ")][:-1] == expected
    assert [m.splitlines()[0] for m in build_fails(fixture, caplog)] == ["press: " + e for e in expected]  # no OSError


# -- link schemes --------------------------------------------------------------------------------

def test_javascript_links_in_bodies_and_bios_are_errors(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {"vera2/posts/2025/js.md": article("JS", body="[a](javascript:alert(1)) and ![b](data:x)\n\n"
                                                                                   "[c]: JavaScript:alert(2)")})
    fixture.write("authors.yml", AUTHORS_YML.replace("*novels*", "[novels](javascript:alert(1))"))
    hint = "  hint: only http:, https: and mailto: links and paths relative to the file are published\n"
    assert check(fixture, capsys) == (
        "content/authors.yml:5: authors.jt-mercer.bio: a javascript: link is not allowed\n" + hint +
        "content/vera2/posts/2025/js.md:9: link: a data: link is not allowed\n" + hint +
        "content/vera2/posts/2025/js.md:9: link: a javascript: link is not allowed\n" + hint +
        "content/vera2/posts/2025/js.md:11: link: a javascript: link is not allowed\n" + hint +
        "press check: 4 errors in 2 files (1 article checked)\n"
    )
    assert len(build_fails(fixture, caplog)) == 4


# -- reading lists -------------------------------------------------------------------------------

def test_reading_list_mistakes(tmp_path: Path, capsys: pytest.CaptureFixture, caplog: pytest.LogCaptureFixture) -> None:
    series = "---\ntitle: Series\nordered: true\nitems:\n" + "  - vera2/posts/2025/a.md\n" * 3 + "  - vera2/posts/2025/broken.md\n---\n"
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/a.md": article("A"),
        "vera2/posts/2025/broken.md": article("Broken", authors="[nobody]"),
        "reading-lists/series.md": series,
        "reading-lists/dup.md": "---\ntitle: One\nitems: [vera2/posts/2025/a.md]\n---\n",
        "reading-lists/Dup.md": "---\ntitle: Two\nitems: [vera2/posts/2025/a.md]\n---\n",
        "reading-lists/🎉.md": "---\ntitle: Party\nitems: [vera2/posts/2025/a.md]\n---\n",
    })
    expected = [
        "content/reading-lists/dup.md:2: has the id 'dup' of reading-lists/Dup.md: both would be published at /reading-lists/dup/",
        "content/reading-lists/series.md:6: items[1].path: vera2/posts/2025/a.md is already part 1 of this series (items[0])",
        "content/reading-lists/series.md:7: items[2].path: vera2/posts/2025/a.md is already part 1 of this series (items[0])",
        "content/reading-lists/series.md:8: items[3].path: vera2/posts/2025/broken.md has errors of its own, so it cannot be listed",
        "content/reading-lists/🎉.md:2: the file name '🎉.md' gives no id: it has no letters or digits for the URL",
        "content/vera2/posts/2025/broken.md:5: authors[0]: unknown author 'nobody'",
    ]
    assert [line for line in check(fixture, capsys).splitlines() if not line.startswith(" ")][:-1] == expected
    assert [m.splitlines()[0] for m in build_fails(fixture, caplog)] == ["press: " + e for e in expected]  # not "two feeds ..."


# -- press check sees what the build sees --------------------------------------------------------

def test_links_to_drafts_and_scheduled_articles_say_so(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    fixture = make_fixture(tmp_path, {
        "vera2/posts/2025/a.md": article("A", body="See [the draft](draft.md) and [the next one](next.md)."),
        "vera2/posts/2025/draft.md": article("Draft", extra="draft: true"),
        "vera2/posts/2025/next.md": article("Next", date="2026-01-05T09:30:00-05:00"),
    })
    hint = "  hint: publish the target first, or link to it once it is out\n"
    assert check(fixture, capsys) == (
        "content/vera2/posts/2025/a.md:9: link: warning: links to vera2/posts/2025/draft.md, which is a draft: "
        "the link is broken until it is published\n" + hint +
        "content/vera2/posts/2025/a.md:9: link: warning: links to vera2/posts/2025/next.md, which is scheduled for "
        "2026-01-05 09:30 (UTC-0500): the link is broken until it is published\n" + hint +
        "scheduled: content/vera2/posts/2025/next.md goes live 2026-01-05 09:30 EST (first deploy after)\n"
        "press check: 2 warnings in 1 file (3 articles checked)\n"
    )
    assert not build_atomically(tmp_path / "mkdocs.yml")  # --strict: a warning fails the build, with our words first
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warnings[0].startswith("press: content/vera2/posts/2025/a.md:9: link: links to vera2/posts/2025/draft.md, which is a draft")
