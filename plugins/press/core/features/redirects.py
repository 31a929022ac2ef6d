"""Redirect pages for ``redirect_from``: old paths keep working after a slug or URL change.

Each old path gets a small HTML page (``fragments/press/redirect.html``) with a canonical
link and a meta refresh: no JavaScript needed, and search engines follow it. An old path that is a real
page of the site is an error: the redirect would replace that page.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Iterable, Mapping

from ..content.model import Article
from ..content.problems import ContentError
from ..urls import page_file


@dataclass(frozen=True)
class Redirect:
    old: str  # site-root-relative: "vera2/2024/old-slug/" or "old/page.html"
    article: Article

    @property
    def output_path(self) -> str:
        return page_file(self.old)

    @property
    def relative_target(self) -> str:
        """The article's URL relative to the old page, so the redirect works on any host and in previews."""
        here = posixpath.dirname(self.output_path) or "."
        return posixpath.relpath(self.article.url, here) + "/"


def plan_redirects(articles: Iterable[Article], taken: Mapping[str, str]) -> tuple[list[Redirect], list[ContentError]]:
    """Redirects of every article; `taken` maps existing page URLs to the file that owns them."""
    redirects, errors, claimed = [], [], dict(taken)
    for article in sorted(articles, key=lambda a: a.src_path):
        for old in article.redirect_from:
            owner = claimed.get(old)
            if owner is not None:
                errors.append(ContentError(article.src_path, article.line_of("redirect_from"), "redirect_from",
                                           f"/{old} is already {'a page' if owner != article.src_path else 'this article'} ({owner})",
                                           "remove it from redirect_from: a redirect must not replace a page"))
                continue
            claimed[old] = article.src_path
            redirects.append(Redirect(old, article))
    return redirects, errors


def redirect_view(redirect: Redirect, site_url: str, language: str) -> dict[str, str]:
    """What ``fragments/press/redirect.html`` prints: the canonical URL (absolute) and the target (relative)."""
    return {"title": redirect.article.title, "canonical": site_url + redirect.article.url,
            "target": redirect.relative_target, "lang": language}
