"""Calls to action and connect blocks: defined once in the configuration, picked per article.

Each call to action also has a confirmation page (``subscribed/<id>/``), where its provider sends a new
subscriber back to: it wears the colours of the first publication whose default the call to action is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Collection, Mapping

from ..content.model import Article, ConnectBlock, Cta, Publication
from ..urls import confirmation_url

DEFAULT_CONFIRMATION = (
    "We have sent you an email: open it and confirm your address to finish signing up. "
    "If it has not arrived in a few minutes, look in your spam or promotions folder."
)


@dataclass(frozen=True)
class ConfirmationPage:
    """The thank-you page of one call to action; `publication` None: in the site's own style."""

    cta: Cta
    publication: str | None
    src_uri: str
    url: str


def check_ctas(cta_ids: Collection[str], blocks: Mapping[str, ConnectBlock], publications: Mapping[str, Publication]) -> list[str]:
    """Configuration problems of references to calls to action and connect blocks, each naming the option and the fix.

    Each call to action's own options are checked by ``signup_forms.resolve_cta``.
    """
    problems = []
    for pub in publications.values():
        if pub.cta is not None and pub.cta not in cta_ids:
            problems.append(f"publications.{pub.id}.cta: unknown call to action {pub.cta!r} (defined: {', '.join(sorted(cta_ids)) or 'none'})")
        for block in pub.connect_off:
            if block not in blocks:
                defined = ", ".join(sorted(blocks)) or "none"
                problems.append(f"publications.{pub.id}.connect_off: unknown connect block {block!r} (defined: {defined})")
    for block in blocks.values():
        if not re.match(r"^(https?://|/)|^[\w./-]+$", block.url):
            problems.append(f"connect.{block.id}.url: expected a URL or a site path, got {block.url!r}")
    return problems


def confirmation_pages(ctas: Mapping[str, Cta], publications: Mapping[str, Publication]) -> list[ConfirmationPage]:
    """One page per call to action, in the order of mkdocs.yml."""
    pages = []
    for cta in ctas.values():
        owner = next((pub.id for pub in publications.values() if pub.cta == cta.id), None)
        url = confirmation_url(cta.id)
        pages.append(ConfirmationPage(cta, owner, f"{url}index.md", url))
    return pages


def cta_for(article: Article, publication: Publication, ctas: Mapping[str, Cta]) -> Cta | None:
    """The article's own choice, else its publication's default; `cta: false` means none."""
    if article.cta is False:
        return None
    chosen = article.cta if isinstance(article.cta, str) else publication.cta
    return ctas.get(chosen) if chosen else None


def connect_for(publication: Publication, blocks: Mapping[str, ConnectBlock]) -> list[ConnectBlock]:
    return [block for block in blocks.values() if block.id not in publication.connect_off]
