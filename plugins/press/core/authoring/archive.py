"""``press import --wxr/--ghost``: a whole archive as articles, each checked as the build checks it.

Each post of the export becomes ``<publication>/posts/<year>/<slug>.md``: its
title, description (the excerpt, else the opening sentences), date and last
change with their time and zone, authors, section and tags through the mapping
file (``archive_map``), ``redirect_from`` with the old paths that a static
host can serve (the permalink; ``?p=12`` is a query, which it cannot), and
``canonical_url`` where the piece stays published at its old address. Its body
goes through the same reader as ``press import page.html``.

Drafts and pending posts (and Ghost's email-only ones) are imported with
``draft: true`` (or left out with ``drafts: skip``); private posts and Ghost's
members-only ones are left out, so nothing private can go live by removing one
line. Scheduled posts keep their date, on which the site publishes them. A post that cannot be placed or does not validate is a
problem named by its id in the export, and is not written; the others are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import escape
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from ..content.frontmatter import parse_document
from ..content.model import Publication
from ..content.slugs import slugify
from ..content.validate import MAX_DESCRIPTION, SiteRules, validate_article
from ..urls import OutputRefused, article_path, article_url, redirect_path
from .archive_map import ArchiveMap
from .archive_read import DRAFT, PRIVATE, Archive, Entry
from .importer import import_article
from .scaffold import Placement, flow_list

_FOR_ONE_PAGE = ("tags:", "further_reading:")  # checklist lines about options of a one-page import


@dataclass(frozen=True)
class Planned:
    where: str  # the post's id in the export
    path: str  # relative to the docs folder
    text: str
    draft: bool
    review: tuple[str, ...]  # what the author should look at: images to download, what was left out


@dataclass(frozen=True)
class Plan:
    articles: tuple[Planned, ...]
    left_out: tuple[str, ...]  # posts not imported on purpose (private, skipped drafts, pages), with their ids
    problems: tuple[str, ...]  # posts that could not be imported, with their ids and what to do
    unredirected: tuple[str, ...]  # old URLs no redirect page can answer (?p=12), with the post's id


def plan_archive(archive: Archive, mapping: ArchiveMap, rules: SiteRules, today: dt.date) -> Plan:
    articles: list[Planned] = []
    left_out = list(archive.left_out)
    problems: list[str] = []
    paths: dict[str, str] = {}
    unredirected: list[str] = []
    for entry in archive.entries:
        if entry.status == PRIVATE or (entry.status == DRAFT and not mapping.import_drafts):
            left_out.append(f"{entry.where}: {'private' if entry.status == PRIVATE else 'a draft'} ({entry.title!r}): not imported")
            continue
        planned, errors = _plan_entry(entry, archive.site_url.rstrip("/"), mapping, rules, today, unredirected)
        if planned is not None and planned.path in paths:
            errors = [f"{planned.path} is also where {paths[planned.path]} goes: give one of them another slug in the export"]
        if errors:
            problems += [f"{entry.where} ({entry.title!r}): {e}" for e in errors]
            continue
        assert planned is not None
        paths[planned.path] = entry.where
        articles.append(planned)
    return Plan(tuple(articles), tuple(left_out), tuple(problems), tuple(unredirected))


def _plan_entry(entry: Entry, site_url: str, mapping: ArchiveMap, rules: SiteRules, today: dt.date,
                unredirected: list[str]) -> tuple[Planned | None, list[str]]:
    errors: list[str] = []
    names = [n for t in entry.categories + entry.tags for n in (t.name, t.slug) if n]
    pub_id = mapping.first(mapping.publications, names) or mapping.publication
    if not entry.title.strip():
        errors.append("has no title: give it one in the export")
    if pub_id is None:
        errors.append(f"no publication: map one of its categories or tags ({', '.join(names) or 'it has none'}) "
                      "under publications:, or give publication: for all")
        return None, errors
    pub = rules.publications[pub_id]
    section = _section(pub, mapping, names, errors)
    authors = _authors(entry, mapping, rules, errors)
    when = entry.date
    if when is None:
        errors.append("has no date in the export")
    slug = slugify(unquote(entry.slug)) or slugify(entry.title)
    if entry.title.strip() and not slug:
        errors.append("gives no slug: its slug and title have no letters or digits")
    if errors or when is None:
        return None, errors
    when = when if when.tzinfo else when.replace(tzinfo=rules.timezone)  # a WordPress draft has only its local time
    updated = entry.updated if entry.updated is None or entry.updated.tzinfo else entry.updated.replace(tzinfo=rules.timezone)
    path = article_path(pub_id, when, slug)
    url = article_url(pub_id, when, slug)
    review: list[str] = []
    redirects = () if entry.status == DRAFT else _old_paths(entry, url, review, unredirected)  # a draft had no public URL
    canonical = _canonical(entry, mapping, review)
    more = [f"updated: {updated.isoformat()}"] if updated and updated > when else []
    more += [f"redirect_from: {flow_list(redirects)}"] * bool(redirects) + [f"canonical_url: {canonical}"] * bool(canonical)
    more += [f"draft: true  # a draft in the export ({entry.where})"] * (entry.status == DRAFT)
    tags = tuple(dict.fromkeys(t.name for t in entry.tags if slugify(t.name)))
    placement = Placement(pub, section, authors, pub.cta)
    body = re.sub(r"</?(?:html|head|body|main|article)\b[^>]*>", "", entry.html, flags=re.IGNORECASE)  # the post is all article
    if site_url:  # "/wp-content/uploads/a.jpg": on the old site, which the new article cannot reach by a relative path
        body = re.sub(r"""\b(src|href)=(["'])/(?![/\\])""", lambda m: f"{m[1]}={m[2]}{site_url}/", body, flags=re.IGNORECASE)
    page = (f'<html><head><meta name="description" content="{escape(_description(entry.excerpt))}"></head>'
            f"<body><article><h1>{escape(entry.title)}</h1>{body}</article></body></html>")
    imported = import_article(page, placement, today=today, date=when, tags=tags, html=True, more=more)
    review += [r for r in imported.review if not r.startswith(_FOR_ONE_PAGE)] + [f"line {t}" for t in imported.todo]
    if entry.image:
        review.append(f"image: the featured image is {entry.image}: download it beside the article and set image: and image_alt:")
    doc, parse_errors = parse_document(path, imported.text.encode("utf-8"))
    article, invalid = validate_article(doc, pub_id, rules, minutes=0) if doc is not None else (None, parse_errors)
    if article is None:
        return None, [f"{e.field}: {e.message} ({e.hint})" if e.hint else f"{e.field}: {e.message}" for e in invalid]
    return Planned(entry.where, path, imported.text, entry.status == DRAFT, tuple(review)), []


def _section(pub: Publication, mapping: ArchiveMap, names: list[str], errors: list[str]) -> str | None:
    wanted = mapping.first(mapping.sections, names)
    by_lower = {s.lower(): s for s in pub.sections}
    if wanted is not None and wanted.lower() in by_lower:
        return by_lower[wanted.lower()]
    if wanted is not None:
        errors.append(f"sections: maps it to {wanted!r}, which is not a section of {pub.title} ({', '.join(pub.sections)})")
    elif pub.section_required:
        errors.append(f"no section: {pub.title} needs one; map one of its categories or tags ({', '.join(names) or 'it has none'}) "
                      f"under sections: to one of {', '.join(pub.sections)}")
    return None


def _authors(entry: Entry, mapping: ArchiveMap, rules: SiteRules, errors: list[str]) -> tuple[str, ...]:
    ids = []
    for login in entry.authors:
        author = mapping.authors.get(login.lower()) or (login if login in rules.authors else None)
        if author is None:
            errors.append(f"author {login!r} is not in the mapping file: add authors: {{{login}: <id in content/authors.yml>}}")
        else:
            ids.append(author)
    if not entry.authors:
        errors.append("names no author in the export")
    return tuple(dict.fromkeys(ids))


def _old_paths(entry: Entry, url: str, review: list[str], unredirected: list[str]) -> tuple[str, ...]:
    """The old URLs as the site-relative paths a redirect page can stand at; a query (?p=12) goes to the home page."""
    paths = []
    for old in entry.urls:
        parts = urlsplit(old)
        if parts.query:
            unredirected.append(f"{entry.where}: {old}")
            continue
        path = unquote(parts.path)
        try:
            served = redirect_path(path)
        except OutputRefused as exc:
            review.append(f"redirect_from: {old} cannot redirect: {exc.message}")
            continue
        if served != url:
            paths.append(path if path.endswith(".html") else served)
    return tuple(dict.fromkeys(paths))


def _canonical(entry: Entry, mapping: ArchiveMap, review: list[str]) -> str:
    """The old address, where the piece stays published (the export's own canonical URL first)."""
    if entry.canonical_url:
        wanted = entry.canonical_url
    elif mapping.canonical or entry.where.split()[-1] in mapping.canonical_items:
        wanted = entry.urls[0] if entry.urls else ""
    else:
        return ""
    if not wanted.startswith("https://"):
        review.append(f"canonical_url: {wanted or 'the old address'} is not an https address, which canonical_url needs: left out")
        return ""
    return wanted


def _description(excerpt_html: str) -> str:
    """The excerpt as plain text, cut to the limit at a word."""
    text = " ".join(BeautifulSoup(excerpt_html, "html.parser").get_text(" ").split()) if excerpt_html else ""
    if len(text) > MAX_DESCRIPTION:
        text = text[: MAX_DESCRIPTION - 1].rsplit(" ", 1)[0] + "…"
    return text

