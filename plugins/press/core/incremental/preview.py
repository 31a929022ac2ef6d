"""Which pages the live preview renders again after an edit, decided from digests of plain data.

A page is a function of what every page shares (settings, templates, navigation, authors, the
problems banner, the URL of every page, the static files) and of its own inputs: its source and
the records of the articles it shows (its own, the cards of a listing, related articles,
backlinks, its reading lists). Each build digests both; the next build compares:

- the shared part changed, or a page was added or removed: everything is rendered again, into
  an emptied folder (so nothing stale is left behind);
- otherwise only the pages whose own digest changed are rendered again. Editing an article's
  prose renders that article; changing its title also renders every page showing its card.

`page_digests` must name every input a page's views read (``press.core.views`` and the
crosslinks adapter): ``tests/site/test_incremental_preview.py`` holds it to that, comparing the
preview's rebuild after each kind of edit with a full build, byte for byte.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping

from .digest import digest
from ..features.listings import IndexPage, ListingPage
from ..content.model import Article
from ..features.reading_lists import ReadingList
from ..features.related import Related
from ..site import Site
from ..features.source_library import Publisher

FORMAT = "press-preview:1"
KnownRecords = dict[str, tuple[Article, bool, str]]  # src path -> (the record, whether scheduled, its digest)


@dataclass(frozen=True)
class Snapshot:
    """One build's inputs: the shared digest, each page's own (by source path), and the other files it wrote."""

    shared: str
    pages: Mapping[str, str]
    files: frozenset[str] = frozenset()  # output paths of the files that are not pages (images, social cards...)


@dataclass(frozen=True)
class Plan:
    clean: bool  # empty the output folder and render every page
    pages: frozenset[str]  # the pages to render again (all of them when clean)
    reason: str  # for the log
    stale: frozenset[str] = frozenset()  # output files of the previous build this one no longer has: to remove


def plan(previous: Snapshot | None, current: Snapshot) -> Plan:
    """Compare two builds' inputs."""
    everything = frozenset(current.pages)
    if previous is None:
        return Plan(True, everything, "first build")
    if previous.shared != current.shared:
        return Plan(True, everything, "a change every page shows (settings, templates, authors, problems, URLs or static files)")
    if previous.pages.keys() != current.pages.keys():
        return Plan(True, everything, "pages were added or removed")
    changed = frozenset(src for src, value in current.pages.items() if previous.pages[src] != value)
    return Plan(False, changed, f"{len(changed)} of {len(everything)} pages changed", previous.files - current.files)


def record_digests(articles: Iterable[Article], now: dt.datetime, known: KnownRecords | None = None) -> dict[str, str]:
    """Everything a card or an article page can show about each article, including its draft/scheduled status.

    `known` holds an earlier build's digests by article: an article its memo handed back unchanged (the very
    same frozen record) with the same status is not digested again. It is replaced by this build's.
    """
    earlier = known if known is not None else {}
    kept: dict[str, tuple[Article, bool, str]] = {}
    for a in articles:
        scheduled = a.is_scheduled(now)
        found = earlier.get(a.src_path)
        if found is None or found[0] is not a or found[1] != scheduled:
            found = (a, scheduled, digest(FORMAT, [("record", repr(a)), ("scheduled", str(scheduled))]))
        kept[a.src_path] = found
    if known is not None:
        known.clear()
        known.update(kept)
    return {src: value for src, (_, _, value) in kept.items()}


def page_digests(site: Site, sources: Mapping[str, str], records: Mapping[str, str],
                 related: Mapping[str, Related], memberships: Mapping[str, list[tuple[ReadingList, int]]],
                 library: Mapping[str, Publisher | None]) -> dict[str, str]:
    """The own digest of every press page (articles, listings, reading lists, the source library).

    ``sources`` maps a page to the digest of its source file; ``library`` maps each library page
    to its publisher (None: the index). Pages the caller knows only by their source (authored
    pages) are its to add.
    """
    pages: dict[str, str] = {}
    for article in site.catalog.articles:
        src = article.src_path
        shown = [("source", sources.get(src, "")), ("record", records[src])]
        found = related.get(src)
        shown += [("related", records[a.src_path]) for a in (found.same + found.other if found else ())]
        shown += [("backlink", records[s]) for s in site.backlinks.get(src, ()) if s in records]
        for reading_list, position in memberships.get(src, []):
            shown += [("list", _list_digest(reading_list, records)), ("position", str(position))]
        pages[src] = digest(FORMAT, shown)
    for page in site.pages:
        pages[page.src_uri] = _listing_digest(page, records)
    for reading_list in site.reading_lists:
        pages[reading_list.src_path] = digest(FORMAT, [("source", sources.get(reading_list.src_path, "")),
                                                       ("list", _list_digest(reading_list, records))])
    for src, publisher in library.items():
        pages[src] = _library_digest(publisher, library, records)
    return pages


def _listing_digest(page: ListingPage | IndexPage, records: Mapping[str, str]) -> str:
    if isinstance(page, IndexPage):
        return digest(FORMAT, [("index", repr(page))])
    head = (page.kind, page.key, page.title, page.description, page.url, page.number, page.page_urls, page.publication)
    return digest(FORMAT, [("listing", repr(head))] + [("card", records[a.src_path]) for a in page.articles])


def _list_digest(reading_list: ReadingList, records: Mapping[str, str]) -> str:
    head = (reading_list.id, reading_list.title, reading_list.description, reading_list.ordered, reading_list.is_query)
    return digest(FORMAT, [("list", repr(head))] + [(e.note, records[e.article.src_path]) for e in reading_list.entries])


def _library_digest(publisher: Publisher | None, library: Mapping[str, Publisher | None], records: Mapping[str, str]) -> str:
    if publisher is None:  # the index: every publisher with its counts
        return digest(FORMAT, [("publisher", repr((p.name, p.url, len(p.sources), p.citations)))
                               for p in library.values() if p is not None])
    parts = [("name", publisher.name)]
    for source in publisher.sources:
        parts.append(("source", repr((source.url, source.title, source.date))))
        parts += [("citing", records[a.src_path]) for a in source.articles]
    return digest(FORMAT, parts)
