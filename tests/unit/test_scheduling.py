"""When an article goes live: the first build whose date (SOURCE_DATE_EPOCH) is at or after the article's, to the second.

A date with a time and zone is that instant; a date alone is midnight in the site's time zone (America/New_York
here), as it always was; a time without a zone is in the site's time zone too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from press.core.content.frontmatter import parse_document
from press.core.content.model import Article
from press.core.content.reading_time import reading_minutes
from press.core.content.validate import validate_article

from .rules import RULES

UTC = dt.timezone.utc


def dated(date: str) -> Article:
    raw = f"---\ntitle: T\ndescription: D.\ndate: {date}\nauthors: [jt-mercer]\ncategories: [Courts]\n---\nBody.\n"
    doc, errors = parse_document("vera2/posts/a.md", raw.encode())
    assert doc is not None and not errors
    article, problems = validate_article(doc, "vera2", RULES, minutes=reading_minutes(doc.body))
    assert article is not None, problems
    return article


def at(iso: str) -> dt.datetime:
    """A pinned build clock, as MkDocs makes it from SOURCE_DATE_EPOCH: an aware UTC time."""
    return dt.datetime.fromisoformat(iso).astimezone(UTC)


@pytest.mark.parametrize("date", ["2025-11-28T09:30:00-05:00", "2025-11-28T14:30:00Z", "2025-11-28T15:30:00+01:00",
                                  "2025-11-28T09:30:00", "'2025-11-28 09:30'"])
def test_a_timed_article_goes_live_at_its_second_not_its_day(date: str) -> None:
    article = dated(date)  # one instant, written five ways (no zone: the site's)
    assert article.is_scheduled(at("2025-11-28T09:29:59-05:00"))
    assert not article.is_published(at("2025-11-28T09:29:59-05:00"))
    assert article.is_published(at("2025-11-28T09:30:00-05:00"))
    assert article.is_published(at("2025-11-28T10:05:00-05:00"))  # the first hourly deploy after


@pytest.mark.parametrize("date, midnight", [("2025-11-28", "2025-11-28T05:00:00Z"),  # EST, UTC-5
                                            ("2025-07-04", "2025-07-04T04:00:00Z")])  # EDT, UTC-4
def test_a_date_alone_still_means_midnight_in_the_site_time_zone(date: str, midnight: str) -> None:
    article = dated(date)
    assert article.date == at(midnight)
    assert article.is_scheduled(at(midnight) - dt.timedelta(seconds=1))
    assert article.is_published(at(midnight))


def test_a_draft_never_goes_live_whatever_the_clock() -> None:
    draft = dataclasses.replace(dated("2025-11-28T09:30:00-05:00"), draft=True)
    assert not draft.is_published(at("2030-01-01T00:00:00Z")) and not draft.is_scheduled(at("2030-01-01T00:00:00Z"))
