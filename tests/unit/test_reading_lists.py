"""Reading lists: curated and query lists, series positions, every mistake reported."""

from __future__ import annotations

from press.core.content.catalog import build_catalog
from press.core.features.reading_lists import is_reading_list, load_reading_lists, memberships

from .rules import AUTHORS, PUBLICATIONS
from .test_catalog_and_listings import article

ARTICLES = [article("one", 1, tags=("courts",)), article("two", 2, tags=("courts", "europe")),
            article("three", 3, section="Politics", authors=("dana-okafor",))]
DRAFT = article("draft", 4, draft=True)
CATALOG = build_catalog(ARTICLES)
EVERY = {a.src_path: a for a in ARTICLES + [DRAFT]}


def load(text: str, path: str = "reading-lists/series.md"):
    return load_reading_lists([(path, text.encode())], CATALOG, EVERY, PUBLICATIONS, AUTHORS)


def test_a_series_keeps_its_order_and_notes() -> None:
    lists, bodies, errors, warnings = load("""---
title: "A <series>"
ordered: true
items:
  - path: vera2/posts/two.md
    note: Start here.
  - vera2/posts/one.md
  - path: vera2/posts/draft.md
---
Intro.
""")
    assert errors == []
    [series] = lists
    assert (series.id, series.url, series.title, series.ordered) == ("series", "reading-lists/series/", "A <series>", True)
    assert [(e.article.slug, e.note) for e in series.entries] == [("two", "Start here."), ("one", "")]
    assert bodies["reading-lists/series.md"] == "Intro.\n"
    assert [w.headline() for w in warnings] == [
        "reading-lists/series.md:8: items[2].path: vera2/posts/draft.md is a draft: left out of the list until it is published"]
    member = memberships(lists)
    assert [(rl.id, position) for rl, position in member["vera2/posts/one.md"]] == [("series", 1)]


def test_a_query_list_fills_itself_newest_first() -> None:
    lists, _, errors, _ = load("---\ntitle: Courts\nquery: {tags: [courts], publication: vera2, limit: 1}\n---\n")
    assert errors == []
    assert [e.article.slug for e in lists[0].entries] == ["two"]
    lists, _, _, _ = load("---\ntitle: Dana\nquery: {author: dana-okafor, section: Politics}\n---\n")
    assert [e.article.slug for e in lists[0].entries] == ["three"]


def test_every_mistake_is_reported_with_its_line() -> None:
    _, _, errors, _ = load("""---
title: Broken
items:
  - path: vera2/posts/on.md
  - path: vera2/posts/one.md
    notes: typo
---
""")
    assert [e.headline() for e in errors] == [
        "reading-lists/series.md:4: items[0].path: no article at vera2/posts/on.md",
        "reading-lists/series.md:6: items[1].notes: unknown key",
    ]
    assert errors[0].hint.startswith("did you mean vera2/posts/one.md?")
    _, _, errors, _ = load("---\ntitle: Q\nquery: {section: Sport, author: nobody, tags: [courtz], limit: 0}\n---\n")
    assert [e.headline() for e in errors] == [
        "reading-lists/series.md:3: query.author: unknown author 'nobody'",
        "reading-lists/series.md:3: query.limit: expected a positive whole number, got the number 0",
        "reading-lists/series.md:3: query.section: unknown section 'Sport'",
        "reading-lists/series.md:3: query.tags[0]: no published article has the tag 'courtz'",
    ]
    _, _, errors, _ = load("---\ntitle: Neither\n---\n")
    assert errors[0].message.startswith("a reading list needs either items")


def test_which_files_are_reading_lists() -> None:
    assert is_reading_list("reading-lists/series.md")
    assert not is_reading_list("reading-lists/index.md") and not is_reading_list("reading-lists/a/b.md")
