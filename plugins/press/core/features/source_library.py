"""The source library: every source cited on the site, grouped by publisher.

Publishers are grouped by the slug of their name, so "Reuters" and "reuters"
are one; the spelling most articles use is shown. A source is one URL; the
articles citing it are listed newest first.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..content.catalog import Catalog
from ..content.model import Article
from ..content.slugs import slugify
from ..urls import publisher_url



@dataclass(frozen=True)
class CitedSource:
    url: str
    title: str
    date: dt.date | None
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Publisher:
    slug: str
    name: str
    sources: tuple[CitedSource, ...]

    @property
    def url(self) -> str:
        return publisher_url(self.name)

    @property
    def citations(self) -> int:
        return sum(len(s.articles) for s in self.sources)


def source_library(catalog: Catalog) -> list[Publisher]:
    """Publishers in alphabetical order; their sources most cited first, then by title."""
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    by_url: dict[tuple[str, str], list] = {}
    slugs: dict[str, str] = {}
    for article in catalog.articles:  # newest first: the first entry seen gives the title
        for source in article.further_reading:
            slug = slugs.get(source.publisher) or slugs.setdefault(source.publisher, slugify(source.publisher) or "unnamed")
            spellings[slug][source.publisher] += 1
            key = (slug, source.url.rstrip("/"))
            entry = by_url.setdefault(key, [source.url, source.title, source.date, []])
            if not entry[3] or entry[3][-1] is not article:  # an article citing one URL twice counts once
                entry[3].append(article)
    grouped: defaultdict[str, list[CitedSource]] = defaultdict(list)
    for (slug, _), (url, title, date, articles) in by_url.items():
        grouped[slug].append(CitedSource(url, title, date, tuple(articles)))
    publishers = []
    for slug, sources in grouped.items():
        name = min(spellings[slug].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        ordered = tuple(sorted(sources, key=lambda s: (-len(s.articles), s.title.lower(), s.url)))
        publishers.append(Publisher(slug, name, ordered))
    return sorted(publishers, key=lambda p: (p.name.casefold(), p.slug))
