"""Calls to action and connect blocks: defined once in the configuration, picked per article."""

from __future__ import annotations

import re
from typing import Mapping

from ..content.model import Article, ConnectBlock, Cta, Publication

_HTTPS = re.compile(r"^https://[^\s/?#]+\.[^\s/?#]+\S*$")
_LOOPBACK = re.compile(r"^http://(127\.0\.0\.1|localhost)(:\d+)?/\S*$")  # a local test endpoint, never public


def check_ctas(ctas: Mapping[str, Cta], blocks: Mapping[str, ConnectBlock], publications: Mapping[str, Publication]) -> list[str]:
    """Configuration problems, each naming the option and what to write."""
    problems = []
    for cta in ctas.values():
        if not (_HTTPS.match(cta.action) or _LOOPBACK.match(cta.action)):
            problems.append(f"ctas.{cta.id}.action: expected the provider's https:// form URL, got {cta.action!r}")
        if cta.method not in ("post", "get"):
            problems.append(f"ctas.{cta.id}.method: expected post or get, got {cta.method!r}")
    for pub in publications.values():
        if pub.cta is not None and pub.cta not in ctas:
            problems.append(f"publications.{pub.id}.cta: unknown call to action {pub.cta!r} (defined: {', '.join(sorted(ctas)) or 'none'})")
        for block in pub.connect_off:
            if block not in blocks:
                defined = ", ".join(sorted(blocks)) or "none"
                problems.append(f"publications.{pub.id}.connect_off: unknown connect block {block!r} (defined: {defined})")
    for block in blocks.values():
        if not re.match(r"^(https?://|/)|^[\w./-]+$", block.url):
            problems.append(f"connect.{block.id}.url: expected a URL or a site path, got {block.url!r}")
    return problems


def cta_for(article: Article, publication: Publication, ctas: Mapping[str, Cta]) -> Cta | None:
    """The article's own choice, else its publication's default; `cta: false` means none."""
    if article.cta is False:
        return None
    chosen = article.cta if isinstance(article.cta, str) else publication.cta
    return ctas.get(chosen) if chosen else None


def connect_for(publication: Publication, blocks: Mapping[str, ConnectBlock]) -> list[ConnectBlock]:
    return [block for block in blocks.values() if block.id not in publication.connect_off]
