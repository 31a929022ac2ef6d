"""Absolute links to the site itself: checked against what the build wrote, like relative ones.

A link written as ``https://<site_url>/newsletter/`` never goes through MkDocs' link
validation or `press.core.content.links` (both skip URLs with a scheme), so a typo or a
page that was never written stays a 404 on every page that shows it. After the build,
each such link must name a file of the site, or a folder with an ``index.html``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable
from urllib.parse import unquote, urlsplit

from ..content.problems import ContentError


@dataclass(frozen=True)
class UrlUse:
    """One URL an author wrote: where, and in which field."""

    path: str  # docs-relative file
    line: int | None
    field: str
    url: str


def site_path(url: str, site_url: str) -> str | None:
    """The site-root-relative path of `url` when it points into the site at `site_url`, else None."""
    target, base = urlsplit(url), urlsplit(site_url)
    if target.scheme not in ("http", "https") or target.netloc.lower() != base.netloc.lower():
        return None
    prefix = base.path if base.path.endswith("/") else base.path + "/"
    path = target.path or "/"
    if not (path + ("/" if not path.endswith("/") else "")).startswith(prefix):
        return None
    return unquote(path[len(prefix):]) if len(path) >= len(prefix) else ""


def dead_self_links(uses: Iterable[UrlUse], site_url: str, exists: Callable[[str], bool]) -> list[ContentError]:
    """An error for each link into the site whose page or file `exists` (a site-relative path) does not know."""
    errors = []
    for use in sorted(uses, key=lambda u: (u.path, u.line or 0, u.field, u.url)):
        path = site_path(use.url, site_url)
        if path is None:
            continue
        page = path + "index.html" if path == "" or path.endswith("/") else path
        if exists(page) or exists(path.rstrip("/") + "/index.html"):
            continue
        errors.append(ContentError(use.path, use.line, use.field, f"links to {use.url}, but the site has no page at /{path}",
                                   "link to a page that exists (absolute links to this site are checked like relative "
                                   "ones), or add the page"))
    return errors
