"""Read a WordPress export (WXR) or a Ghost export (JSON) into plain `Entry` records.

WXR is RSS 2.0 with WordPress' namespaces: one ``<item>`` per post, page or
attachment, with ``wp:post_id``, ``wp:post_type``, ``wp:status``,
``wp:post_name``, ``wp:post_date`` (local) and ``wp:post_date_gmt``,
``dc:creator`` (the author's login), ``<category domain="category|post_tag">``,
``content:encoded`` and ``excerpt:encoded``; ``_thumbnail_id`` in ``wp:postmeta``
names the attachment that is the featured image. It is parsed with lxml with
entities left unexpanded, no DTD and no network: an export is someone else's file.

A Ghost export is its database as JSON, optionally inside ``{"db": [...]}``:
``data.posts`` (``html``, ``status``, ``published_at``, ``custom_excerpt``,
``feature_image``, ``canonical_url``, ``visibility``...), ``users``, ``tags`` and the
``posts_authors`` and ``posts_tags`` tables that join them. URLs in it start
with ``__GHOST_URL__``, the site's address, which the mapping file gives.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from lxml import etree

from .scaffold import Refused

PUBLISHED, DRAFT, PRIVATE = "published", "draft", "private"
GHOST_URL = "__GHOST_URL__"
_NS = {"wp": "http://wordpress.org/export/1.2/", "dc": "http://purl.org/dc/elements/1.1/",
       "content": "http://purl.org/rss/1.0/modules/content/", "excerpt": "http://wordpress.org/export/1.2/excerpt/"}
_NAMES = ("wp", "excerpt")  # their URIs name the WXR version (1.0, 1.1, 1.2): the file's own are used
_WP_STATUS = {"publish": PUBLISHED, "future": PUBLISHED, "draft": DRAFT, "pending": DRAFT, "private": PRIVATE}


@dataclass(frozen=True)
class Term:
    name: str
    slug: str


@dataclass(frozen=True)
class Entry:
    """One post of an export, as the export has it."""

    where: str  # "post_id 12" (WordPress) or "post id 5f1c..." (Ghost): how problems name it
    title: str
    slug: str
    html: str
    excerpt: str
    date: dt.datetime | None  # with its zone
    updated: dt.datetime | None
    status: str  # published | draft | private
    authors: tuple[str, ...]  # WordPress logins, Ghost author slugs
    categories: tuple[Term, ...]
    tags: tuple[Term, ...]
    urls: tuple[str, ...]  # where it was published: absolute URLs
    image: str = ""  # the featured image's URL
    canonical_url: str = ""  # the export's own canonical URL for it (Ghost)


@dataclass(frozen=True)
class Archive:
    site_url: str  # the old site's address, as the export gives it ("" when it does not)
    entries: tuple[Entry, ...]
    left_out: tuple[str, ...]  # "page post_id 4: pages are not articles", ...


# -- WordPress ----------------------------------------------------------------------------

def read_wxr(data: bytes) -> Archive:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, strip_cdata=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise Refused(f"not a WordPress export: {exc}", "export again from Tools > Export in WordPress (a .xml file)") from None
    wxr = _Wxr(_NS | {k: v for k, v in root.nsmap.items() if k in _NAMES})
    channel = root.find("channel")
    if root.tag != "rss" or channel is None or channel.find("wp:wxr_version", wxr.ns) is None:
        raise Refused("not a WordPress export: no <rss><channel> with <wp:wxr_version>",
                      "export again from Tools > Export in WordPress (a .xml file)")
    items = channel.findall("item")
    attachments = {wxr.text(i, "wp:post_id"): wxr.text(i, "wp:attachment_url") for i in items
                   if wxr.text(i, "wp:post_type") == "attachment"}
    entries, left_out = [], []
    for item in items:
        kind, status, title = wxr.text(item, "wp:post_type"), wxr.text(item, "wp:status"), wxr.text(item, "title")
        if kind == "attachment":
            continue
        where = f"post_id {wxr.text(item, 'wp:post_id')}"
        if kind != "post":
            left_out.append(f"{where}: a {kind or 'item'} ({title!r}), not a post: only posts become articles")
        elif status not in _WP_STATUS:
            left_out.append(f"{where}: status {status!r} ({title!r}): only published, scheduled, pending, draft and private posts are read")
        else:
            entries.append(wxr.entry(item, where, _WP_STATUS[status], attachments))
    return Archive(wxr.text(channel, "wp:base_blog_url") or wxr.text(channel, "link"), tuple(entries), tuple(left_out))


@dataclass(frozen=True)
class _Wxr:
    ns: dict[str, str]  # prefix -> URI, with the file's own WordPress URIs (they name its WXR version: 1.0, 1.1, 1.2)

    def text(self, element: Any, path: str) -> str:
        found = element.find(path, self.ns)
        return (found.text or "").strip() if found is not None else ""

    def entry(self, item: Any, where: str, status: str, attachments: dict[str, str]) -> Entry:
        text = self.text
        terms = [(c.get("domain"), Term(" ".join((c.text or "").split()), c.get("nicename") or "")) for c in item.findall("category")]
        meta = {text(m, "wp:meta_key"): text(m, "wp:meta_value") for m in item.findall("wp:postmeta", self.ns)}
        post_id = where.split()[-1]
        urls = [u for u in (text(item, "link"), text(item, "guid")) if u]
        if urls and not any(f"p={post_id}" in u for u in urls):
            urls.append(re.sub(r"^(https?://[^/]+).*", r"\1", urls[0]) + f"/?p={post_id}")  # WordPress answers ?p=ID for every post
        return Entry(
            where=where, title=text(item, "title"), slug=text(item, "wp:post_name"), html=wp_paragraphs(text(item, "content:encoded")),
            excerpt=text(item, "excerpt:encoded"), date=self.date(item, "wp:post_date"), updated=self.date(item, "wp:post_modified"),
            status=status, authors=tuple(a for a in (text(item, "dc:creator"),) if a),
            categories=tuple(t for d, t in terms if d == "category"), tags=tuple(t for d, t in terms if d == "post_tag"),
            urls=tuple(dict.fromkeys(urls)), image=attachments.get(meta.get("_thumbnail_id", ""), ""))

    def date(self, item: Any, name: str) -> dt.datetime | None:
        """The local time with the zone WordPress was set to, from the local and the GMT times it exports."""
        local, gmt = _wp_time(self.text(item, name)), _wp_time(self.text(item, f"{name}_gmt"))
        if local is None:
            return None
        if gmt is None:  # a draft has no GMT time yet: the site's zone will be assumed
            return local
        offset = round((local - gmt).total_seconds() / 900) * 900  # zones are whole quarter hours
        return local.replace(tzinfo=dt.timezone(dt.timedelta(seconds=offset)))


def _wp_time(text: str) -> dt.datetime | None:
    if not text or text.startswith("0000"):
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


_BLOCK_START = re.compile(r"^\s*<(?:p|div|h[1-6]|ul|ol|li|table|pre|blockquote|figure|hr|dl|form|iframe|script|!--)\b", re.IGNORECASE)


def wp_paragraphs(html: str) -> str:
    """The classic editor stores paragraphs as blank lines (WordPress adds the <p> when it shows the post): add them.

    Its ``[caption]`` shortcode becomes the figure it stands for; block-editor content already has its <p>.
    """
    html = re.sub(r"\[caption[^\]]*\](.*?)\[/caption\]", _caption, html, flags=re.DOTALL)
    if re.search(r"<p[\s>]", html, re.IGNORECASE):
        return html
    chunks = [c.strip() for c in re.split(r"\n\s*\n", html.replace("\r\n", "\n")) if c.strip()]
    return "\n".join(c if _BLOCK_START.match(c) else "<p>" + c.replace("\n", "<br>\n") + "</p>" for c in chunks)


def _caption(found: re.Match[str]) -> str:
    inner = found[1].strip()
    image = re.match(r"(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", inner, re.IGNORECASE)
    if not image:
        return inner
    return f"<figure>{image[0]}<figcaption>{inner[image.end():].strip()}</figcaption></figure>"


# -- Ghost --------------------------------------------------------------------------------

def read_ghost(text: str, site_url: str, permalink: str, timezone: dt.tzinfo) -> Archive:
    """`site_url` replaces ``__GHOST_URL__``; `permalink` is Ghost's URL pattern (both from the mapping file).

    Ghost stores times in UTC: they are given in the site's `timezone`, as its permalinks' {year} and {month} are.
    """
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refused(f"not a Ghost export: {exc}", "export again from Settings > Advanced > Import/Export in Ghost (a .json file)") from None
    db = raw.get("db") if isinstance(raw, dict) else None
    data = (db[0] if isinstance(db, list) and db else raw).get("data") if isinstance(raw, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get("posts"), list):
        raise Refused("not a Ghost export: no data.posts", "export again from Settings > Advanced > Import/Export in Ghost (a .json file)")
    if not site_url.startswith(("https://", "http://")):
        raise Refused("a Ghost export needs the old site's address: its URLs start with __GHOST_URL__",
                      "add site_url: https://your-old-site.example to the mapping file")
    site = site_url.rstrip("/")
    resolve: Callable[[str], str] = lambda value: (value or "").replace(GHOST_URL, site)  # noqa: E731
    users = {u.get("id"): u.get("slug", "") for u in _rows(data, "users")}
    tags = {t.get("id"): t for t in _rows(data, "tags")}
    authors_of = _joined(_rows(data, "posts_authors"), "author_id", lambda i: users.get(i, ""))
    tags_of = _joined(_rows(data, "posts_tags"), "tag_id", tags.get)
    meta = {m.get("post_id"): m for m in _rows(data, "posts_meta")}
    entries, left_out = [], []
    for post in _rows(data, "posts"):
        where = f"post id {post.get('id')}"
        if post.get("type", "post") != "post" or post.get("page"):
            left_out.append(f"{where}: a page ({post.get('title')!r}), not a post: only posts become articles")
            continue
        # "sent": a newsletter that was never on the web; members-only and paid posts were not public either
        status = {"published": PUBLISHED, "scheduled": PUBLISHED, "sent": DRAFT, "draft": DRAFT}.get(post.get("status", ""))
        if post.get("visibility", "public") != "public":
            left_out.append(f"{where}: for members only (visibility {post.get('visibility')}) ({post.get('title')!r}): not imported")
            continue
        if status is None:
            left_out.append(f"{where}: status {post.get('status')!r} ({post.get('title')!r}): only published, scheduled and draft posts are read")
            continue
        post_tags = [t for t in tags_of.get(post.get("id"), ())  # a tag named "#x" is internal to Ghost
                     if t and t.get("name") and not str(t["name"]).startswith("#")]
        extra = meta.get(post.get("id"), {})
        authors = tuple(a for a in authors_of.get(post.get("id"), ()) if a) or tuple(
            a for a in (users.get(post.get("author_id")),) if a)
        date, updated = (_ghost_date(post.get(k) or (post.get("created_at") if k == "published_at" else None), timezone)
                         for k in ("published_at", "updated_at"))
        url = _permalink(permalink, date, str(post.get("slug") or "")) if site and post.get("slug") and date else ""
        entries.append(Entry(
            where=where, title=str(post.get("title") or ""), slug=str(post.get("slug") or ""), html=resolve(post.get("html") or ""),
            excerpt=str(post.get("custom_excerpt") or post.get("meta_description") or extra.get("meta_description") or ""),
            date=date, updated=updated,
            status=status, authors=authors, categories=(),
            tags=tuple(Term(str(t.get("name") or ""), str(t.get("slug") or "")) for t in post_tags),
            urls=(site + url,) if url else (),
            image=resolve(post.get("feature_image") or ""), canonical_url=resolve(post.get("canonical_url") or "")))
    return Archive(site, tuple(entries), tuple(left_out))


def _permalink(pattern: str, date: dt.datetime, slug: str) -> str:
    return "/" + pattern.format(year=f"{date:%Y}", month=f"{date:%m}", day=f"{date:%d}", slug=slug).strip("/") + "/"


def _rows(data: dict[str, Any], table: str) -> list[dict[str, Any]]:
    rows = data.get(table)
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def _joined(rows: Iterable[dict[str, Any]], key: str, look_up: Callable[[Any], Any]) -> dict[Any, list[Any]]:
    """post id -> the joined records in sort_order."""
    out: dict[Any, list[tuple[int, Any]]] = {}
    for row in rows:
        out.setdefault(row.get("post_id"), []).append((int(row.get("sort_order") or 0), look_up(row.get(key))))
    return {post: [value for _, value in sorted(pairs, key=lambda p: p[0])] for post, pairs in out.items()}


def _ghost_date(value: Any, timezone: dt.tzinfo) -> dt.datetime | None:
    """``2025-06-30T15:35:36.000Z``, ``2025-06-30 15:35:36`` (UTC) or milliseconds since 1970, as old exports wrote."""
    if isinstance(value, (int, float)):
        return dt.datetime.fromtimestamp(value / 1000, timezone)
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)).astimezone(timezone).replace(microsecond=0)
