"""`press new`'s skeleton: valid for any title and tags, a draft, never publishable as it is."""

from __future__ import annotations

import datetime as dt

import pytest

from press.core.content.frontmatter import parse_document
from press.core.authoring.scaffold import Refused, new_article, place
from press.core.content.reading_time import reading_minutes
from press.core.content.validate import PLACEHOLDER_DESCRIPTION, validate_article

from .rules import AUTHORS, PUBLICATIONS, RULES
from press.core.urls import article_url

DATE = dt.date(2025, 11, 20)


@pytest.mark.parametrize("title, tags", [
    ("Plain headline", ()),
    ('She said "no": the court\'s #1 rule & more', ("yes", "null", "1984", "a: b", "Global Affairs", "tag, with comma")),
    ("Ünïcödé — « guillemets » and 🗳️", ("élection",)),
    ("- starts like a list item", ("[bracket]",)),
])
def test_the_skeleton_validates_as_a_draft(title: str, tags: tuple[str, ...]) -> None:
    placement = place("vera2", "courts", "jt-mercer,dana-okafor", PUBLICATIONS, AUTHORS)
    article = new_article(title, placement, DATE, tags, RULES)
    doc, errors = parse_document(article.path, article.text.encode("utf-8"))
    assert doc is not None and errors == []
    valid, problems = validate_article(doc, "vera2", RULES, minutes=reading_minutes(doc.body))
    assert problems == [] and valid is not None
    assert (valid.title, valid.tags, valid.authors, valid.section, valid.draft) == (
        title, tags, ("jt-mercer", "dana-okafor"), "Courts", True)
    assert article.url == valid.url == article_url("vera2", DATE, valid.slug)
    assert article.path == f"vera2/posts/2025/{valid.slug}.md"


def test_the_placeholder_cannot_be_published() -> None:
    article = new_article("Headline", place("dispatch", None, "jt-mercer", PUBLICATIONS, AUTHORS), DATE, (), RULES)
    published = article.text.replace("draft: true", "draft: false")
    doc, _ = parse_document(article.path, published.encode("utf-8"))
    assert doc is not None
    valid, problems = validate_article(doc, "dispatch", RULES, minutes=1)
    assert valid is None
    assert [(p.line, p.field, p.message) for p in problems] == [(3, "description", "is still the placeholder that press new wrote")]
    assert PLACEHOLDER_DESCRIPTION in article.text


@pytest.mark.parametrize("args, message", [
    ((None, None, "jt-mercer"), "which publication? pass --pub"),
    (("vera2", None, "jt-mercer"), "a Vera2 article needs a section: pass --section"),
    (("vera2", "Sport", "jt-mercer"), "'Sport' is not a section of Vera2"),
    (("dispatch", None, None), "who wrote it? pass --author"),
    (("dispatch", None, "jt-mercer,nobody"), "unknown author 'nobody'"),
])
def test_placement_is_refused_with_what_would_work(args: tuple, message: str) -> None:
    with pytest.raises(Refused) as refused:
        place(*args, PUBLICATIONS, AUTHORS)
    assert refused.value.message == message
    assert refused.value.hint


def test_a_title_without_letters_is_refused() -> None:
    with pytest.raises(Refused, match="no letters or digits"):
        new_article("???", place("dispatch", None, "jt-mercer", PUBLICATIONS, AUTHORS), DATE, (), RULES)


@pytest.mark.parametrize("title, path", [
    ("Łódź votes", "vera2/posts/2025/lodz-votes.md"),
    ("Ørsted and the Straße", "vera2/posts/2025/orsted-and-the-strasse.md"),
    ("Выборы в Москве", "vera2/posts/2025/vybory-v-moskve.md"),
    ("東京の新しい政策", "vera2/posts/2025/dong-jing-no-xin-shii-zheng-ce.md"),  # kanji read as Mandarin: README says set slug:
])
def test_a_title_in_another_script_gives_a_readable_file_name(title: str, path: str) -> None:
    article = new_article(title, place("vera2", "courts", "jt-mercer", PUBLICATIONS, AUTHORS), DATE, ("Łódź",), RULES)
    assert article.path == path
