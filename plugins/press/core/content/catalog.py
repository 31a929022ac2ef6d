"""The Catalog: every visible article of the build, indexed once.

Later features (listings, feeds, related articles) read these indexes instead
of rescanning articles. Orders are stable: newest first, then URL.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .model import Article
from .problems import ContentError
from .slugs import slugify


def newest_first(article: Article) -> tuple[float, str]:
    return (-article.date.timestamp(), article.url)


@dataclass(frozen=True)
class Catalog:
    """Articles newest first, with indexes; tuples inside are in the same order."""

    articles: tuple[Article, ...]
    by_src: Mapping[str, Article] = field(repr=False)
    by_key: Mapping[str, Article] = field(repr=False)
    by_publication: Mapping[str, tuple[Article, ...]] = field(repr=False)
    by_section: Mapping[tuple[str, str], tuple[Article, ...]] = field(repr=False)
    by_tag: Mapping[str, tuple[Article, ...]] = field(repr=False)
    tag_names: Mapping[str, str] = field(repr=False)  # tag slug -> display name
    by_author: Mapping[str, tuple[Article, ...]] = field(repr=False)
    by_year: Mapping[int, tuple[Article, ...]] = field(repr=False)


def visible(articles: Iterable[Article], now: dt.datetime, *, include_unpublished: bool) -> list[Article]:
    """Drafts and articles dated after `now` are left out unless previewing."""
    if include_unpublished:
        return list(articles)
    return [a for a in articles if a.is_published(now)]


def find_duplicates(articles: Iterable[Article]) -> tuple[list[Article], list[ContentError]]:
    """Keep the first article (by file path) of each URL and identity; the others are errors naming both files.

    The identity (`Article.identity`: the id, else the first URL the article had) makes its feed GUID: one
    article's id equal to another's old URL in redirect_from would give two feed items one GUID. Two articles
    claiming one URL through redirect_from are left to the redirect checks, which name the clash as such.
    """
    errors: list[ContentError] = []
    by_url: dict[str, Article] = {}
    by_identity: dict[str, Article] = {}
    kept = []
    for article in sorted(articles, key=lambda a: a.src_path):
        field, identity = article.identity
        if article.url in by_url:
            errors.append(ContentError(article.src_path, article.line_of("slug"), "slug",
                                       f"has the same URL /{article.url} as {by_url[article.url].src_path}",
                                       "give one of them another slug: (or file name)"))
        elif identity in by_identity and "id" in (field, by_identity[identity].identity[0]):
            other = by_identity[identity]
            errors.append(ContentError(article.src_path, article.line_of(field.split("[")[0]), field,
                                       _identity_clash(field, identity, other),
                                       "each article needs its own id: it identifies the article in feeds"))
        else:
            by_url[article.url] = article
            by_identity.setdefault(identity, article)
            kept.append(article)
    return kept, errors


def _identity_clash(field: str, identity: str, other: Article) -> str:
    theirs = {"id": "the id", "redirect_from[0]": "the first redirect_from", "slug": "the URL"}[other.identity[0]]
    mine = f"id {identity!r}" if field == "id" else f"{identity!r}"
    return f"{mine} is {theirs} of {other.src_path}: the two articles would share one feed id"


def check_pins(articles: Iterable[Article], limit: int) -> list[ContentError]:
    """Pinned articles lead every listing of their publication: more than `limit` and the newest never show."""
    pinned: defaultdict[str, list[Article]] = defaultdict(list)
    for article in sorted(articles, key=newest_first):
        if article.pin:
            pinned[article.publication].append(article)
    return [ContentError(a.src_path, a.line_of("pin"), "pin",
                         f"{len(group)} articles of this publication are pinned, the limit is {limit}",
                         f"unpin the older ones: the {limit} newest stay (max_pinned of press/articles in mkdocs.yml)")
            for group in pinned.values() if len(group) > limit for a in group[limit:]]


def build_catalog(articles: Iterable[Article]) -> Catalog:
    """Index articles whose URLs and ids are unique (see `find_duplicates`)."""
    ordered = sorted(articles, key=newest_first)
    groups: dict[str, defaultdict] = {name: defaultdict(list) for name in ("pub", "section", "tag", "author", "year")}
    spellings: defaultdict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
    for article in ordered:
        groups["pub"][article.publication].append(article)
        if article.section:
            groups["section"][(article.publication, article.section)].append(article)
        for tag in article.tags:
            spellings[slugify(tag)][tag] += 1
            groups["tag"][slugify(tag)].append(article)
        for author in article.authors:
            groups["author"][author].append(article)
        groups["year"][article.date.year].append(article)
    frozen = {name: {key: tuple(items) for key, items in group.items()} for name, group in groups.items()}
    return Catalog(
        articles=tuple(ordered),
        by_src={a.src_path: a for a in ordered},
        by_key={a.key: a for a in ordered},
        by_publication=frozen["pub"],
        by_section=frozen["section"],
        by_tag=frozen["tag"],
        tag_names={slug: min(names.items(), key=lambda kv: (-kv[1], kv[0]))[0] for slug, names in spellings.items()},
        by_author=frozen["author"],
        by_year=frozen["year"],
    )
