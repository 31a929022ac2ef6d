"""Internal links between content files: checked when content loads, turned into backlinks.

A link to a Markdown file or an image that does not exist is a content error
with its line and a "did you mean" among the files that do exist. Links between
articles become backlinks ("Referenced in") without a second pass over pages.
Anchors are left to MkDocs' own validation, which sees the rendered headings.

Link schemes are limited to http, https and mailto (and none: a relative link):
``javascript:``, ``data:`` and the rest are content errors here, and
``press.mdx.safe_links`` drops them from whatever renders anyway.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping
from urllib.parse import unquote

from .problems import ContentError
from .prose import prose_lines

_INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
CHECKED_SUFFIXES = (".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".pdf")
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
SCHEME_HINT = "only http:, https: and mailto: links and paths relative to the file are published"
_SCHEME_OF = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20]")  # browsers strip these around a URL and tabs and newlines inside it


def unsafe_scheme(url: str) -> str | None:
    """The scheme of `url`, lower-cased, when it is not one we publish; None for http(s), mailto and relative URLs.

    The URL is read as a browser would read the attribute: entities decoded (``&#106;avascript:``), control
    characters and spaces dropped (``java\tscript:``), case ignored (``JavaScript:``).
    """
    match = _SCHEME_OF.match(_IGNORED_IN_URLS.sub("", html.unescape(url)))
    scheme = match.group(1).lower() if match else None
    return scheme if scheme is not None and scheme not in ALLOWED_SCHEMES else None


def scheme_errors(path: str, links: Iterable[tuple[str, int]], field: str) -> list[ContentError]:
    """An error for each link whose scheme is not published (see `unsafe_scheme`)."""
    return [ContentError(path, line, field, f"a {scheme}: link is not allowed", SCHEME_HINT)
            for raw, line in links if (scheme := unsafe_scheme(raw))]


@dataclass(frozen=True)
class Link:
    source: str  # docs-relative path of the linking file
    target: str  # docs-relative path of the linked file
    line: int


def find_links(path: str, markdown: str, first_line: int = 1) -> Iterable[tuple[str, int]]:
    """(raw target, line) of every inline link, image and reference definition outside code."""
    for number, line in prose_lines(markdown, first_line):
        for match in _INLINE.finditer(line):
            yield match.group(1), number
        reference = _REFERENCE.match(line)
        if reference:
            yield reference.group(1), number


def link_path(path: str, target: str) -> str | None:
    """The docs-relative path a relative link points at (any file or folder), or None for URLs and anchors."""
    if _SCHEME.match(target) or target.startswith(("#", "/")):
        return None
    file_part = unquote(target.split("#", 1)[0].split("?", 1)[0])
    return posixpath.normpath(posixpath.join(posixpath.dirname(path), file_part)) if file_part else None


def resolve(path: str, target: str) -> str | None:
    """The docs-relative file a relative link points at, or None when it is not a file link we check."""
    found = link_path(path, target)
    return found if found and found.lower().endswith(CHECKED_SUFFIXES) else None


def check_links(found: Mapping[str, Iterable[tuple[str, int]]], known_files: frozenset[str]) -> tuple[list[Link], list[ContentError]]:
    """Every resolved link of every body, and an error for each link to a missing file.

    `found` maps a docs-relative path to the links `find_links` found in its body.
    """
    links: list[Link] = []
    errors: list[ContentError] = []
    by_name: defaultdict[str, list[str]] = defaultdict(list)
    for known in known_files:
        by_name[posixpath.basename(known)].append(known)
    for path in sorted(found):
        here = tuple(found[path])
        errors += scheme_errors(path, here, "link")
        for raw, line in here:
            target = resolve(path, raw)
            if target is None:
                continue
            if target in known_files:
                links.append(Link(path, target, line))
                continue
            errors.append(ContentError(path, line, "link", f"links to {raw}, but {target} does not exist",
                                       _suggest(path, target, by_name, known_files)))
    return links, errors


def _suggest(path: str, target: str, by_name: Mapping[str, list[str]], known: frozenset[str]) -> str:
    """A relative link to the file the author most likely meant."""
    here = posixpath.dirname(path)
    same_name = sorted(by_name.get(posixpath.basename(target), []))
    if same_name:
        return f"did you mean {posixpath.relpath(same_name[0], here)}? (links are relative to the linking file)"
    close = difflib.get_close_matches(target, sorted(k for k in known if k.endswith(posixpath.splitext(target)[1])), n=1, cutoff=0.75)
    if close:
        return f"did you mean {posixpath.relpath(close[0], here)}?"
    return "check the file name; links are relative to the linking file, such as ../../../vera2/posts/2025/story.md"


def backlinks(links: Iterable[Link], articles: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """For each article, the other articles linking to it (sorted, each once)."""
    article_set = set(articles)
    found: defaultdict[str, set[str]] = defaultdict(set)
    for link in links:
        if link.source in article_set and link.target in article_set and link.source != link.target:
            found[link.target].add(link.source)
    return {target: tuple(sorted(sources)) for target, sources in found.items()}
