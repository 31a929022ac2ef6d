"""One generated article as the peers (Pelican, Hugo) receive it, read back from the product's file.

The product's Markdown file is the single source: ``from_product`` takes its front matter and
body, so every tool gets the same title, description, date, authors, section, tags, hero image
and prose. What the peers cannot read is translated: links to other articles' ``.md`` files
become the articles' URLs (the same ``/<pub>/<yyyy>/<mm>/<slug>/`` in every tool), author ids
become names, and the hero image becomes the body's first image (``/images/<file>``, one shared
copy per design). Citation markers (``[@reuters]``) stay as text: the peers have no source lists.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass

import yaml

LINK = re.compile(r"\]\(([^)\s]+\.md)\)")
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class PeerArticle:
    publication: str
    slug: str
    url: str  # "vera2/2021/03/<slug>/", as the product's press.core.urls.article_url
    title: str
    description: str
    date: str  # as the product's file has it: "2021-03-04" or "2021-03-04T10:15:00-05:00"
    authors: tuple[str, ...]  # names, "J.T. Mercer"
    author_ids: tuple[str, ...]  # the registry's ids, "jt-mercer"
    section: str | None
    tags: tuple[str, ...]
    image: str | None  # the shared file name under images/, "harbor.jpg"
    body: str


def article_url(publication: str, date: dt.date, slug: str) -> str:
    return f"{publication}/{date:%Y}/{date:%m}/{slug}/"


def from_product(path: str, text: str, urls: dict[str, str], author_names: dict[str, str]) -> PeerArticle:
    """``path`` is the file's path under content/, ``urls`` maps every article's path to its URL."""
    _, head, body = text.split("---\n", 2)
    meta = yaml.load(head, Loader=Loader)
    when = meta["date"]
    day = when.date() if isinstance(when, dt.datetime) else when
    publication, slug = path.split("/", 1)[0], posixpath.splitext(posixpath.basename(path))[0]
    folder = posixpath.dirname(path)
    body = LINK.sub(lambda m: f"](/{urls[posixpath.normpath(posixpath.join(folder, m.group(1)))]})", body.lstrip("\n"))
    image = posixpath.basename(meta["image"]) if "image" in meta else None
    if image:
        body = f"![{meta['image_alt']}](/images/{image})\n\n{body}"
    return PeerArticle(
        publication=publication, slug=slug, url=article_url(publication, day, slug), title=meta["title"],
        description=meta["description"], date=when.isoformat(), authors=tuple(author_names[a] for a in meta["authors"]),
        author_ids=tuple(meta["authors"]), section=(meta.get("categories") or [None])[0], tags=tuple(meta["tags"]),
        image=image, body=body)
