"""The authors registry: valid entries load, every mistake is reported with its line."""

from __future__ import annotations

from press.core.content.authors import load_authors


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
    assert authors == {}
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
    assert [e.headline() for e in errors] == ["authors.yml:1: authors: expected a mapping of author ids, got nothing (an empty value)"]
