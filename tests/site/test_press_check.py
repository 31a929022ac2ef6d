"""`press check`: every problem a build would stop on, in one run, without building."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from press.adapters.engine import NAME as ENGINE
from press.cli import main
from press.core.content.problems import ContentError
from press.core.content.validate import PLACEHOLDER_DESCRIPTION

from .builder import AUTHORS_YML, Fixture, article, base_config, make_fixture, press_errors


def config_with_ctas() -> dict:
    config = base_config()
    press = config["plugins"][0]["press/articles"]
    press["ctas"] = {"briefing": {"heading": "The Briefing", "action": "https://lists.example.com/briefing"}}
    press["publications"]["vera2"]["cta"] = "briefing"
    return config


REUTERS = "further_reading:\n  - publisher: Reuters\n    title: \"A source\"\n    url: {url}"

BROKEN = {
    "vera2/posts/2025/no-front-matter.md": "Just text, no front matter.\n",
    "vera2/posts/2025/bad-yaml.md": "---\ntitle: [unclosed\ndescription: x\n---\nBody.\n",
    "dispatch/posts/2025/typo.md": article("Typo", section=None, extra="tilte: Oops"),
    "vera2/posts/2025/no-description.md": article("No dek").replace("description: A short dek.\n", ""),
    "vera2/posts/2025/bad-date.md": article("Bad date", date="2025-02-30"),
    "vera2/posts/2025/unknown-author.md": article("Unknown author", authors="[jt-mercr]"),
    "vera2/posts/2025/sports.md": article("Sports", section="Sports"),
    "vera2/posts/2025/relative-url.md": article("Relative URL", extra=REUTERS.format(url="reuters.com/x")),
    "vera2/posts/2025/unknown-citation.md": article("Citation", extra=REUTERS.format(url="https://www.reuters.com/x"),
                                                    body="As reported. [@reutrs]"),
    "vera2/posts/2025/story.md": article("One story"),
    "vera2/posts/older/story.md": article("Same URL"),
    "vera2/posts/2025/unknown-cta.md": article("CTA", extra="cta: newsletter"),
    "vera2/posts/2025/missing-image.md": article("Image", extra="image: images/nope.jpg\nimage_alt: A photo"),
    "vera2/posts/2025/broken-link.md": article("Link", body="See [the other story](other-story.md)."),
    "vera2/posts/2025/placeholder.md": article("Placeholder").replace("A short dek.", f'"{PLACEHOLDER_DESCRIPTION}"'),
    "dispatch/posts/2025/draft.md": article("A draft", section=None, extra="draft: true"),
    "reading-lists/picks.md": "---\ntitle: Picks\nitems:\n  - dispatch/posts/2025/draft.md\n---\n",
    "vera2/posts/2025/fine.md": article("Fine"),
}

EXPECTED = """\
content/authors.yml:14: authors.guest.website: unknown key
  hint: known author keys: avatar, bio, description, links, name
content/dispatch/posts/2025/typo.md:6: tilte: unknown key
  hint: did you mean 'title'? known keys: authors, canonical_url, categories, corrections, cta, date, description, draft, further_reading, id, image, image_alt, image_caption, image_credit, pin, readtime, redirect_from, slug, tags, title, updated
content/reading-lists/picks.md:4: items[0].path: warning: dispatch/posts/2025/draft.md is a draft: left out of the list until it is published
content/vera2/posts/2025/bad-date.md:4: date: expected a date, got the text '2025-02-30'
  hint: write a date like 2025-11-28, or a time with its zone like 2025-11-28T09:30:00-05:00
content/vera2/posts/2025/bad-yaml.md:3: invalid YAML: while parsing a flow sequence (started on line 2): did not find expected ',' or ']'
  hint: check the indentation and quote values that contain ': ' or start with a special character
content/vera2/posts/2025/broken-link.md:9: link: links to other-story.md, but vera2/posts/2025/other-story.md does not exist
  hint: did you mean story.md?
content/vera2/posts/2025/missing-image.md:7: image: image file not found: vera2/posts/2025/images/nope.jpg
  hint: check the file name; the path is relative to the article
content/vera2/posts/2025/no-description.md:2: description: is required
  hint: add description: "One or two sentences for listings, feeds and link previews."
content/vera2/posts/2025/no-front-matter.md:1: no front matter: an article starts with a '---' line
  hint: start the file with front matter such as:
    ---
    title: "Headline"
    description: "One or two sentences."
    date: 2025-11-28
    authors: [jt-mercer]
    ---
content/vera2/posts/2025/placeholder.md:3: description: is still the placeholder that press new wrote
  hint: write one or two sentences of your own: they are shown in listings, feeds and link previews
content/vera2/posts/2025/relative-url.md:10: further_reading[0].url: expected an absolute http(s) URL, got 'reuters.com/x'
  hint: copy the full address, starting with https:// (spaces, quotes and < > written as %20, %22, %3C, %3E)
content/vera2/posts/2025/sports.md:6: categories[0]: 'Sports' is not a section of Vera2
  hint: known sections of Vera2: Courts, Politics
content/vera2/posts/2025/unknown-author.md:5: authors[0]: unknown author 'jt-mercr'
  hint: did you mean 'jt-mercer'? known authors: dana-okafor, guest, jt-mercer (authors are defined in content/authors.yml)
content/vera2/posts/2025/unknown-citation.md:13: citation: unknown source key '@reutrs'
  hint: did you mean 'reuters'? known keys in this article's further_reading: reuters
content/vera2/posts/2025/unknown-cta.md:7: cta: unknown call to action 'newsletter'
  hint: known calls to action: briefing (defined under ctas: of press/articles in mkdocs.yml)
content/vera2/posts/older/story.md:2: slug: has the same URL /vera2/2025/11/story/ as vera2/posts/2025/story.md
  hint: give one of them another slug: (or file name)
press check: 15 errors and 1 warning in 16 files (17 articles checked)
"""


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_fixture(tmp_path, BROKEN, config_with_ctas())
    (tmp_path / "content" / "authors.yml").write_text(AUTHORS_YML + "  guest:\n    name: A Guest\n    website: https://guest.example/\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_kind_of_problem_is_reported_in_one_run(broken: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out == EXPECTED
    assert err == ""


def test_check_reports_what_the_build_stops_on(broken: Path, capsys: pytest.CaptureFixture, caplog: pytest.LogCaptureFixture) -> None:
    main(["check", "--format", "json"])
    checked = [ContentError(r["path"], r["line"], r["field"], r["message"]).headline()
               for r in json.loads(capsys.readouterr().out) if r["severity"] == "error"]
    with pytest.raises((Abort, PluginError)):
        Fixture(broken).build()
    built = [m.removeprefix("press: ").split("\n")[0] for m in press_errors(caplog)]
    assert sorted(built) == sorted(checked)


def test_json_lists_every_problem_for_editors_and_ci(broken: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["check", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    records = json.loads(out)
    assert len(records) == 16
    assert records[1] == {
        "path": "content/dispatch/posts/2025/typo.md", "line": 6, "column": None, "field": "tilte", "message": "unknown key",
        "hint": "did you mean 'title'? known keys: authors, canonical_url, categories, corrections, cta, date, description, draft, "
                "further_reading, id, image, image_alt, image_caption, image_credit, pin, readtime, redirect_from, slug, tags, title, updated",
        "severity": "error",
    }
    assert (records[-1]["line"], records[-1]["column"]) == (2, None)  # a duplicate slug: the front matter's first key
    assert err == "press check: 15 errors and 1 warning in 16 files (17 articles checked)\n"


def test_paths_restrict_the_report_not_the_check(broken: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["check", "content/vera2/posts/older/story.md", "content/dispatch"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "content/dispatch/posts/2025/typo.md:6: tilte: unknown key",
        out[1],
        "content/vera2/posts/older/story.md:2: slug: has the same URL /vera2/2025/11/story/ as vera2/posts/2025/story.md",
        "  hint: give one of them another slug: (or file name)",
        "press check: 2 errors in 2 files (17 articles checked); 14 more problems in other files",
    ]
    assert main(["check", "content/vera2/posts/2025/fine.md"]) == 0
    assert capsys.readouterr().out == "press check: no problems in the given paths (17 articles checked); 16 more problems in other files\n"


def test_a_clean_site_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    make_fixture(tmp_path, {"vera2/posts/2025/fine.md": article("Fine"), "dispatch/posts/2025/note.md": article("Note", section=None)})
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    assert capsys.readouterr().out == "press check: no problems (2 articles checked)\n"
    assert main(["check", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("[]\n", "press check: no problems (2 articles checked)\n")


@pytest.mark.parametrize("args, message", [
    (["check", "-f", "nowhere.yml"],
     "press check: error: nowhere.yml: no such configuration file (run press in the folder of mkdocs.yml, or pass -f PATH)\n"),
    (["build", "-f", "nowhere.yml"],
     "press build: error: nowhere.yml: no such configuration file (run press in the folder of mkdocs.yml, or pass -f PATH)\n"),
    (["check", "content/nope.md"], "press check: error: content/nope.md: no such file or folder\n"),
])
def test_what_cannot_be_checked_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
                                        args: list[str], message: str) -> None:
    make_fixture(tmp_path, {})
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    assert capsys.readouterr().err == message


def test_a_configuration_error_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    config = base_config()
    config["plugins"][0]["press/articles"]["timezone"] = "Mars/Olympus"
    make_fixture(tmp_path, {}, config)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert capsys.readouterr().err == ("press check: error: mkdocs.yml: press/articles: timezone: unknown time zone 'Mars/Olympus'; "
                                       "use a name like America/New_York\n")


def test_an_unloadable_configuration_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    config = base_config()
    config["plugins"].append("press/nope")
    make_fixture(tmp_path, {}, config)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("ERROR   -  Config value 'plugins': ")
    assert err[-1].startswith("press check: error: mkdocs.yml: Aborted with ")


def test_check_reports_unreadable_images_as_the_build_does(tmp_path: Path, capsys) -> None:
    make_fixture(tmp_path, {"vera2/posts/2025/a.md": article("A", body="![x](img/broken.png)"),
                            "vera2/posts/2025/img/broken.png": b"not a png"})
    assert main(["check", "-f", str(tmp_path / "mkdocs.yml")]) == 1
    out = capsys.readouterr().out
    assert "content/vera2/posts/2025/img/broken.png: this image is not a PNG/JPEG/WebP/GIF image, or truncated\n" in out


def test_the_command_leaves_the_callers_logging_as_it_was(broken: Path, capsys: pytest.CaptureFixture) -> None:
    logger = logging.getLogger(ENGINE)
    before = (logger.level, list(logger.handlers))
    logger.setLevel(logging.DEBUG)
    try:
        main(["check", "-f", str(broken / "mkdocs.yml")])
        assert (logger.level, logger.handlers) == (logging.DEBUG, before[1])
    finally:
        logger.setLevel(before[0])


# -- for pull requests: annotations on the diff, and what is scheduled ---------------------------------------------

def test_github_format_annotates_each_problem_and_lists_what_is_scheduled(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Paths from the repository's root (mkdocs.yml in a subfolder here), every value escaped, exit status as for text."""
    (tmp_path / ".git").mkdir()
    make_fixture(tmp_path / "site", {
        "vera2/posts/2025/a, b.md": article("Comma", authors='["50%: a, b"]'),
        "vera2/posts/2025/no-front-matter.md": "Just text.\n",
        "vera2/posts/2025/link.md": article("Link", body="See [the next one](next.md)."),
        "vera2/posts/2025/next.md": article("Next", date="2026-01-05T09:30:00-05:00"),
        "vera2/posts/2025/draft.md": article("Draft", extra="draft: true"),
    })
    assert main(["check", "-f", str(tmp_path / "site" / "mkdocs.yml"), "--format", "github"]) == 1
    assert capsys.readouterr().out == (
        "::error file=site/content/vera2/posts/2025/a%2C b.md,line=5,title=authors[0]::unknown author '50%25: a, b'%0A"
        "hint: known authors: dana-okafor, jt-mercer (authors are defined in content/authors.yml)\n"
        "::warning file=site/content/vera2/posts/2025/link.md,line=9,title=link::links to vera2/posts/2025/next.md, which is "
        "scheduled for 2026-01-05 09:30 (UTC-0500): the link is broken until it is published%0A"
        "hint: publish the target first, or link to it once it is out\n"
        "::error file=site/content/vera2/posts/2025/no-front-matter.md,line=1::no front matter: an article starts with a '---' line%0A"
        "hint: start the file with front matter such as:%0A    ---%0A    title: \"Headline\"%0A    description: \"One or two sentences.\""
        "%0A    date: 2025-11-28%0A    authors: [jt-mercer]%0A    ---\n"
        "::notice file=site/content/vera2/posts/2025/next.md,line=4,title=scheduled::goes live 2026-01-05 09:30 EST (first deploy after)\n"
        "press check: 2 errors and 1 warning in 3 files (5 articles checked)\n"
    )


def test_check_lists_scheduled_articles_and_passes_with_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture) -> None:
    make_fixture(tmp_path, {
        "vera2/posts/2025/out.md": article("Out", date="2025-11-30T19:00:00-05:00"),  # the build's very second: live
        "vera2/posts/2025/later.md": article("Later", date="2025-12-08"),  # a date alone: midnight in New York
        "vera2/posts/2025/soon.md": article("Soon", date="2025-12-01T09:30:00-05:00"),
    })
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    assert capsys.readouterr().out == (
        "scheduled: content/vera2/posts/2025/soon.md goes live 2025-12-01 09:30 EST (first deploy after)\n"
        "scheduled: content/vera2/posts/2025/later.md goes live 2025-12-08 00:00 EST (first deploy after)\n"
        "press check: no problems (3 articles checked)\n")
    assert main(["check", "content/vera2/posts/2025/later.md"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "scheduled: content/vera2/posts/2025/later.md goes live 2025-12-08 00:00 EST (first deploy after)")
    assert main(["check", "--format", "json"]) == 0
    assert capsys.readouterr().out == "[]\n"  # json lists problems only: a scheduled article is not one
