"""The authors registry: valid entries load, every mistake is reported with its line."""

from __future__ import annotations

from press.core.content.authors import load_authors
from press.core.content.model import Author


def test_a_valid_registry() -> None:
    raw = b"""authors:
  jt-mercer:
    name: J.T. Mercer
    description: Novelist
    avatar: images/jt.png
    bio: |
      Writes *novels*.
    links:
      website: https://example.com/
"""
    authors, errors = load_authors("authors.yml", raw, frozenset({"images/jt.png"}))
    assert errors == []
    author = authors["jt-mercer"]
    assert (author.name, author.avatar, author.bio, author.links[0].url) == ("J.T. Mercer", "images/jt.png", "Writes *novels*.", "https://example.com/")


def test_every_problem_is_reported_with_its_line() -> None:
    raw = b"""authors:
  Bad Id:
    name: X
  no-name:
    description: 5
    avatar: images/missing.png
    homepage: https://x.example/
    links:
      website: example.com
"""
    authors, errors = load_authors("authors.yml", raw, frozenset({"images/jt.png"}))
    assert authors == {"no-name": Author("no-name", "no-name")}  # still known, so its articles do not repeat the error
    assert [e.headline() for e in sorted(errors)] == [
        "authors.yml:2: authors.Bad Id: an author id must be lower-case words joined by hyphens",
        "authors.yml:4: authors.no-name.name: every author needs a name",
        "authors.yml:5: authors.no-name.description: expected text, got the number 5",
        "authors.yml:6: authors.no-name.avatar: avatar file not found: images/missing.png",
        "authors.yml:7: authors.no-name.homepage: unknown key",
        "authors.yml:9: authors.no-name.links.website: expected an absolute http(s) URL, got the text 'example.com'",
    ]


def test_a_registry_without_the_authors_mapping() -> None:
    authors, errors = load_authors("authors.yml", b"jt-mercer:\n  name: X\n")
    assert authors is None  # unreadable: no article is told its author is unknown
    assert [e.headline() for e in errors] == ["authors.yml:1: authors: expected a mapping of author ids, got nothing (an empty value)"]


def test_links_in_a_bio_and_an_avatar_are_limited_to_safe_schemes() -> None:
    raw = b"""authors:
  jt-mercer:
    name: J.T. Mercer
    avatar: "javascript:alert(1)"
    bio: |
      Writes [js](javascript:alert(1)) and [fine](https://example.com/).
"""
    authors, errors = load_authors("authors.yml", raw)
    assert [str(e) for e in errors] == [
        "authors.yml:4: authors.jt-mercer.avatar: expected an https:// URL or a path relative to content/, got 'javascript:alert(1)'\n"
        "  hint: give a path relative to content/, such as images/authors/name.png (no spaces, quotes or < >)",
        "authors.yml:5: authors.jt-mercer.bio: a javascript: link is not allowed\n"
        "  hint: only http:, https: and mailto: links and paths relative to the file are published",
    ]
    assert (authors["jt-mercer"].avatar, authors["jt-mercer"].bio) == (None, "")


def test_quotes_and_brackets_are_refused_in_urls() -> None:
    raw = b"""authors:
  jt-mercer:
    name: J.T. Mercer
    avatar: 'https://x.example/a.png" onerror="alert(1)'
    links:
      website: 'https://x.example/"><script>'
"""
    authors, errors = load_authors("authors.yml", raw)
    assert [e.headline() for e in errors] == [
        "authors.yml:4: authors.jt-mercer.avatar: expected an https:// URL or a path relative to content/, "
        "got 'https://x.example/a.png\" onerror=\"alert(1)'",
        "authors.yml:6: authors.jt-mercer.links.website: expected an absolute http(s) URL, got the text 'https://x.example/\"><script>'",
    ]
