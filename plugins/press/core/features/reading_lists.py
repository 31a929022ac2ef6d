"""Reading lists: ``content/reading-lists/<id>.md``, curated or filled by a query.

Front matter::

    title: "Borders, outsourced"
    description: "One or two sentences."
    ordered: true              # a series: members show "Part 2 of 5" and previous/next
    items:                     # curated: article paths relative to content/, with an optional note
      - path: vera2/posts/2025/why-democracies-outsource-their-borders.md
        note: "Start here."
    # or, instead of items, a list that fills itself (newest first):
    query: {tags: [courts], publication: vera2, section: Courts, author: dana-okafor, limit: 10}

An item that names no article is an error (with a "did you mean"), and so is one
naming an article that has errors of its own, an article named twice in a series,
a file name with no letters or digits (no id) and two files with one id; a draft
is left out with a warning; a scheduled article is left out until its date.
"""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from ..content.catalog import Catalog
from .listings import IndexEntry, IndexPage
from ..content.frontmatter import Document, describe, format_field, parse_document
from ..content.model import Article, Author, Publication
from ..content.raw_html import raw_html_errors
from ..content.problems import ContentError, did_you_mean
from ..content.slugs import slugify
from ..urls import READING_LISTS_FOLDER, reading_list_url

LIST_KEYS = ("title", "description", "ordered", "items", "query")
ITEM_KEYS = ("path", "note")
QUERY_KEYS = ("tags", "publication", "section", "author", "limit")


@dataclass(frozen=True)
class ListEntry:
    article: Article
    note: str = ""


@dataclass(frozen=True)
class ReadingList:
    id: str
    src_path: str
    title: str
    description: str
    ordered: bool
    entries: tuple[ListEntry, ...]
    is_query: bool = False

    @property
    def url(self) -> str:
        return reading_list_url(self.id)


def is_reading_list(path: str) -> bool:
    return path.startswith(f"{READING_LISTS_FOLDER}/") and path.endswith(".md") and path.count("/") == 1 and not path.endswith("/index.md")


def load_reading_lists(files: Iterable[tuple[str, bytes]], catalog: Catalog, every_article: Mapping[str, Article],
                       publications: Mapping[str, Publication], authors: Mapping[str, Author],
                       broken: Iterable[str] = ()) -> tuple[list[ReadingList], dict[str, str], list[ContentError], list[ContentError]]:
    """(lists, bodies by path, errors, warnings).

    `every_article` includes drafts, to tell them from typos; `broken` names the article files with errors, so an
    item naming one says so instead of "no article".
    """
    lists, bodies, errors, warnings = [], {}, [], []
    ids: dict[str, str] = {}  # list id -> the file that has it
    broken_files = frozenset(broken)
    for path, raw in sorted(files):
        doc, problems = parse_document(path, raw)
        errors += problems
        if doc is None:
            continue
        checker = _ListChecker(doc, catalog, every_article, publications, authors, broken_files)
        found = checker.check()
        if found is not None and found.id in ids:
            checker.error((), f"has the id {found.id!r} of {ids[found.id]}: both would be published at /{found.url}",
                          "rename one of the two files")
        elif found is not None and found.id:
            ids[found.id] = path
        errors += sorted(checker.errors + raw_html_errors(path, doc.body, doc.body_line))
        warnings += checker.warnings
        if found is not None and not checker.errors and doc.clean:
            lists.append(found)
            bodies[path] = doc.body
    return lists, bodies, errors, warnings


class _ListChecker:
    def __init__(self, doc: Document, catalog: Catalog, every_article: Mapping[str, Article],
                 publications: Mapping[str, Publication], authors: Mapping[str, Author], broken: frozenset[str] = frozenset()):
        self.doc, self.catalog, self.every, self.broken = doc, catalog, every_article, broken
        self.publications, self.authors = publications, authors
        self.errors: list[ContentError] = []
        self.warnings: list[ContentError] = []

    def error(self, at: tuple, message: str, hint: str = "") -> None:
        self.errors.append(ContentError(self.doc.path, self.doc.line(*at), format_field(at), message, hint))

    def check(self) -> ReadingList | None:
        data = self.doc.data
        for key in data:
            if key not in LIST_KEYS:
                self.error((key,), "unknown key", did_you_mean(str(key), LIST_KEYS, noun="reading-list keys"))
        title = data.get("title")
        if not isinstance(title, str) or not title.strip():
            self.error(("title",), "a reading list needs a title" if title is None else f"expected text, got {describe(title)}",
                       'add title: "The list\'s name"')
        description = data.get("description", "")
        if not isinstance(description, str):
            self.error(("description",), f"expected text, got {describe(description)}", 'write description: "One sentence."')
            description = ""
        ordered = data.get("ordered", False)
        if not isinstance(ordered, bool):
            self.error(("ordered",), f"expected true or false, got {describe(ordered)}", "write ordered: true for a series")
        if ("items" in data) == ("query" in data):
            self.error((), "a reading list needs either items (a curated list) or query (a list that fills itself)",
                       "add items: with '- path: vera2/posts/...md' entries, or query: {tags: [courts], limit: 10}")
            return None
        entries = self.items(data["items"], ordered is True) if "items" in data else self.query(data["query"])
        name = posixpath.basename(self.doc.path)
        list_id = slugify(posixpath.splitext(name)[0])
        if not list_id:
            self.error((), f"the file name {name!r} gives no id: it has no letters or digits for the URL",
                       "rename the file, such as reading-lists/borders-outsourced.md")
        if self.errors or not isinstance(title, str):
            return None
        return ReadingList(list_id, self.doc.path, title.strip(), description.strip(), bool(ordered), tuple(entries), "query" in data)

    def items(self, items: Any, ordered: bool) -> list[ListEntry]:
        if not isinstance(items, list):
            self.error(("items",), f"expected a list of articles, got {describe(items)}", "write '- path: vera2/posts/2025/story.md' per article")
            return []
        entries = []
        named: dict[str, int] = {}  # article path -> the item that first names it
        for i, item in enumerate(items):
            item = {"path": item} if isinstance(item, str) else item
            if not isinstance(item, dict) or not isinstance(item.get("path"), str):
                self.error(("items", i), f"expected an article path, got {describe(item)}", "write '- path: vera2/posts/2025/story.md'")
                continue
            for key in item:
                if key not in ITEM_KEYS:
                    self.error(("items", i, key), "unknown key", did_you_mean(str(key), ITEM_KEYS, noun="item keys"))
            path = posixpath.normpath(item["path"].lstrip("/"))
            note = item.get("note") or ""
            if not isinstance(note, str):
                self.error(("items", i, "note"), f"expected text, got {describe(note)}", 'write note: "Why it belongs here."')
                note = ""
            if path in named:  # in a series it read "Part 1, 3 and 4 of 4"
                first = named[path]
                where = f"part {first + 1} of this series" if ordered else "in this list"
                self.error(("items", i, "path"), f"{path} is already {where} (items[{first}])", "name each article once")
                continue
            named[path] = i
            article = self.catalog.by_src.get(path)
            if article is not None:
                entries.append(ListEntry(article, note.strip()))
            elif path in self.broken:
                self.error(("items", i, "path"), f"{path} has errors of its own, so it cannot be listed",
                           "fix the problems reported for that file")
            elif path in self.every and self.every[path].draft:
                self.warnings.append(ContentError(self.doc.path, self.doc.line("items", i), f"items[{i}].path",
                                                  f"{path} is a draft: left out of the list until it is published"))
            elif path not in self.every:
                close = difflib.get_close_matches(path, sorted(self.every), n=1, cutoff=0.6)
                self.error(("items", i, "path"), f"no article at {path}",
                           (f"did you mean {close[0]}? " if close else "") + "paths are relative to content/, such as vera2/posts/2025/story.md")
        return entries

    def query(self, query: Any) -> list[ListEntry]:
        if not isinstance(query, dict):
            self.error(("query",), f"expected a mapping of filters, got {describe(query)}", "write query: {tags: [courts], limit: 10}")
            return []
        for key in query:
            if key not in QUERY_KEYS:
                self.error(("query", key), "unknown key", did_you_mean(str(key), QUERY_KEYS, noun="query keys"))
        tags = query.get("tags") or []
        tags = [tags] if isinstance(tags, str) else tags
        pub, section, author, limit = query.get("publication"), query.get("section"), query.get("author"), query.get("limit", 10)
        if pub is not None and pub not in self.publications:
            self.error(("query", "publication"), f"unknown publication {pub!r}", did_you_mean(str(pub), self.publications, noun="publications"))
        sections = {s for p in self.publications.values() if pub in (None, p.id) for s in p.sections}
        if section is not None and section not in sections:
            self.error(("query", "section"), f"unknown section {section!r}", did_you_mean(str(section), sections, noun="sections"))
        if author is not None and author not in self.authors:
            self.error(("query", "author"), f"unknown author {author!r}", did_you_mean(str(author), self.authors, noun="authors"))
        for i, tag in enumerate(tags):
            if not isinstance(tag, str) or slugify(tag) not in self.catalog.by_tag:
                self.error(("query", "tags", i), f"no published article has the tag {tag!r}",
                           did_you_mean(str(tag), self.catalog.tag_names.values(), noun="tags"))
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            self.error(("query", "limit"), f"expected a positive whole number, got {describe(limit)}", "write limit: 10")
            limit = 10
        if self.errors:
            return []
        wanted_tags = {slugify(t) for t in tags}
        pool = self.catalog.articles if not wanted_tags else sorted(
            {a for t in wanted_tags for a in self.catalog.by_tag.get(t, ())}, key=lambda a: (-a.date.timestamp(), a.url))
        found = [a for a in pool
                 if (pub is None or a.publication == pub) and (section is None or a.section == section)
                 and (author is None or author in a.authors)]
        return [ListEntry(a) for a in found[:limit]]


def memberships(lists: Iterable[ReadingList]) -> dict[str, list[tuple[ReadingList, int]]]:
    """For each article, the lists it is in with its position (0-based), lists in title order."""
    found: dict[str, list[tuple[ReadingList, int]]] = {}
    for reading_list in sorted(lists, key=lambda r: (r.title.lower(), r.id)):
        for position, entry in enumerate(reading_list.entries):
            found.setdefault(entry.article.src_path, []).append((reading_list, position))
    return found


def reading_lists_index(lists: Iterable[ReadingList]) -> IndexPage:
    """The page of all reading lists, in title order."""
    entries = tuple(IndexEntry(r.title, r.url, len(r.entries), r.description)
                    for r in sorted(lists, key=lambda r: (r.title.lower(), r.id)))
    return IndexPage("reading-lists", "Reading lists", "Series and collections worth reading in order",
                     f"{READING_LISTS_FOLDER}/index.md", f"{READING_LISTS_FOLDER}/", entries)
