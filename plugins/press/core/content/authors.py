"""The one authors registry of both publications: ``content/authors.yml``.

Its shape follows Material's ``.authors.yml`` so a registry moves over as is::

    authors:
      jt-mercer:
        name: J.T. Mercer
        description: Novelist, author of The Unmaking of America
        avatar: images/authors/jt-mercer.png   # relative to content/, or an https URL
        bio: |
          Markdown, shown on the author page and in the author box.
        links:
          website: https://example.com
"""

from __future__ import annotations

import re
from typing import Any

from .frontmatter import describe, parse_yaml_file
from .links import find_links, scheme_errors, unsafe_scheme
from .model import Author, Link
from .problems import ContentError, did_you_mean
from .slugs import SLUG_PATTERN

AUTHOR_KEYS = ("name", "description", "avatar", "bio", "links")
_URL = re.compile(r"^(https?://|mailto:)[^\s\"'<>]+$")  # no quotes or angle brackets: they break out of attributes


def load_authors(path: str, raw: bytes, known_files: frozenset[str] = frozenset()) -> tuple[dict[str, Author] | None, list[ContentError]]:
    """Parse and validate the registry: the authors and every problem; None when the file cannot be read at all.

    An author with a problem is still returned, without the part in error (a bio with a ``javascript:`` link has
    no bio), so their articles are not reported as having an unknown author: one root cause, one error. The
    problems fail the build all the same.
    """
    doc, errors = parse_yaml_file(path, raw)
    if doc is None:
        return None, errors
    entries = doc.data.get("authors")
    if not isinstance(entries, dict):
        return None, errors + [ContentError(path, doc.line("authors"), "authors", f"expected a mapping of author ids, got {describe(entries)}",
                                            "start the file with 'authors:' and indent one entry per author id under it")]
    authors: dict[str, Author] = {}
    for author_id, entry in entries.items():
        author, problems = _author(path, doc.line, str(author_id), entry, known_files)
        errors.extend(problems)
        if author is not None:
            authors[author.id] = author
    return authors, errors


def _author(path: str, line: Any, author_id: str, entry: Any, known_files: frozenset[str]) -> tuple[Author | None, list[ContentError]]:
    at = f"authors.{author_id}"
    errors: list[ContentError] = []

    def error(key: str | None, message: str, hint: str) -> None:
        where = ("authors", author_id, key) if key else ("authors", author_id)
        errors.append(ContentError(path, line(*where), f"{at}.{key}" if key else at, message, hint))

    if not SLUG_PATTERN.match(author_id):
        error(None, "an author id must be lower-case words joined by hyphens", "rename it, such as jt-mercer")
        return None, errors
    if not isinstance(entry, dict):
        error(None, f"expected the author's fields, got {describe(entry)}", "indent name:, description: and bio: under the id")
        return None, errors
    for key in entry:
        if key not in AUTHOR_KEYS:
            error(str(key), "unknown key", did_you_mean(str(key), AUTHOR_KEYS, noun="author keys"))
    texts = {}
    for key in ("name", "description", "avatar", "bio"):
        value = entry.get(key)
        if value is not None and not isinstance(value, str):
            error(key, f"expected text, got {describe(value)}", f'put the value in quotes: {key}: "..."')
        texts[key] = value.strip() if isinstance(value, str) else ""
    if not texts["name"]:
        error("name", "every author needs a name", "add name: Full Name")
    avatar = texts["avatar"] or None
    if avatar and (unsafe_scheme(avatar) or avatar.startswith(("http:", "mailto:")) or re.search(r"[\s\"'<>]", avatar)):
        error("avatar", f"expected an https:// URL or a path relative to content/, got {avatar!r}",
              "give a path relative to content/, such as images/authors/name.png (no spaces, quotes or < >)")
        avatar = None
    elif avatar and not avatar.startswith("https://") and known_files and avatar.lstrip("/") not in known_files:
        error("avatar", f"avatar file not found: {avatar}", "give a path relative to content/, such as images/authors/name.png")
        avatar = None
    bio_line = line("authors", author_id, "bio")
    in_bio = scheme_errors(path, ((target, bio_line) for target, _ in find_links(path, texts["bio"])), f"{at}.bio")
    errors += in_bio
    bio = "" if in_bio else texts["bio"]
    links: list[Link] = []
    raw_links = entry.get("links") or {}
    if not isinstance(raw_links, dict):
        error("links", f"expected a mapping of label to URL, got {describe(raw_links)}", "write links: then 'website: https://...' indented below")
    else:
        for label, url in raw_links.items():
            if not isinstance(url, str) or not _URL.match(url):
                errors.append(ContentError(path, line("authors", author_id, "links", label), f"{at}.links.{label}",
                                           f"expected an absolute http(s) URL, got {describe(url)}", "copy the full address, starting with https://"))
            else:
                links.append(Link(str(label), url))
    return Author(author_id, texts["name"] or author_id, texts["description"], avatar and avatar.lstrip("/"), bio, tuple(links)), errors


def bio_markdown(author: Author) -> str:
    """The bio as Markdown whose raw HTML is text: a bio formats with Markdown, never with tags.

    Only ``&`` and ``<`` are escaped, so Markdown's own syntax (``>`` quotes, ``*``, links) still works.
    """
    return author.bio.replace("&", "&amp;").replace("<", "&lt;")
