"""Front-matter validation, driven by the table of cases in cases/articles.yml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from press.core.content.frontmatter import parse_document
from press.core.content.problems import ContentError
from press.core.content.reading_time import reading_minutes
from press.core.content.validate import validate_article

from .rules import RULES

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "articles.yml").read_text(encoding="utf-8"))


def check(path: str, raw: bytes) -> list[ContentError]:
    doc, errors = parse_document(path, raw)
    if doc is not None:
        article, problems = validate_article(doc, path.split("/")[0], RULES, minutes=reading_minutes(doc.body))
        assert (article is None) == bool(problems)
        errors = errors + problems
    return sorted(errors)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict) -> None:
    errors = check(case.get("path", "vera2/posts/a.md"), case["file"].encode("utf-8"))
    assert [e.headline() for e in errors] == case["errors"]
    for error, hint in zip(errors, case.get("hints", [])):
        assert hint in error.hint, f"hint of {error.headline()!r} lacks {hint!r}: {error.hint!r}"


def test_a_file_that_is_not_utf8_names_the_line() -> None:
    raw = "---\ntitle: Caf\u00e9\n".encode("latin-1") + b"---\n"
    [error] = check("vera2/posts/a.md", raw)
    assert error.headline() == "vera2/posts/a.md:2: the file is not UTF-8 (byte 0xe9 at offset 14)"
    assert "UTF-8" in error.hint


def test_a_valid_article_becomes_a_record() -> None:
    raw = b"""---
title: "Courts & <b>power</b>"
description: A dek.
date: 2025-11-28T09:30:00+01:00
authors: [jt-mercer, dana-okafor]
categories: [Courts]
tags: [courts, Civil Rights, europe]
image: ../images/cable.jpg
image_alt: A cable
image_caption: "  The cable, as the embassy received it. "
image_credit: "Photo: State Department"
further_reading:
  - publisher: Reuters
    title: One
    url: https://www.reuters.com/a
  - publisher: Reuters
    title: Two
    url: https://www.reuters.com/b
    date: 2025-11-27
  - id: reuters-2
    publisher: AP News
    title: Three
    url: https://apnews.com/c
corrections:
  - date: 2025-11-30
    text: An earlier version misnamed the court.
---
word """ + b"word " * 600
    doc, errors = parse_document("vera2/posts/2025/some-case.md", raw)
    assert doc is not None and errors == []
    article, problems = validate_article(doc, "vera2", RULES, minutes=reading_minutes(doc.body))
    assert problems == [] and article is not None
    assert article.url == "vera2/2025/11/some-case/"
    assert article.title == "Courts & <b>power</b>"
    assert article.date.isoformat() == "2025-11-28T09:30:00+01:00"
    assert article.tags == ("courts", "Civil Rights", "europe")
    assert article.image == "vera2/posts/images/cable.jpg"
    assert (article.image_caption, article.image_credit) == ("The cable, as the embassy received it.", "Photo: State Department")
    # Default source ids are the publisher's slug, made unique around explicit ids.
    assert [s.id for s in article.further_reading] == ["reuters", "reuters-3", "reuters-2"]
    assert article.further_reading[1].date.isoformat() == "2025-11-27"
    # A correction sets the updated date.
    assert article.updated.isoformat() == "2025-11-30T00:00:00-05:00"
    assert article.readtime == 2
    assert article.key == article.url


def test_a_date_without_zone_takes_the_site_zone() -> None:
    doc, _ = parse_document("dispatch/posts/x.md", b"---\ntitle: x\ndescription: x\ndate: 2025-07-01\nauthors: [jt-mercer]\n---\n")
    article, _ = validate_article(doc, "dispatch", RULES, minutes=1)
    assert article.date.isoformat() == "2025-07-01T00:00:00-04:00"
    assert article.url == "dispatch/2025/07/x/"
