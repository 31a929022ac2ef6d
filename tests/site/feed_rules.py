"""The W3C feed validator's rules that our RSS 2.0 and Atom feeds could break, as plain checks.

The validator (github w3c/feedvalidator, ``src/feedvalidator``) is not on a package registry, so
the rules our generator can get wrong are restated here, each named after the validator's
message. `problems(data, url)` returns one line per broken rule; an empty list is a clean feed.
"""

from __future__ import annotations

import email.utils
import re
from html.entities import name2codepoint
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

ATOM = "http://www.w3.org/2005/Atom"
MEDIA = "http://search.yahoo.com/mrss/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
NS = {"a": ATOM, "media": MEDIA, "content": CONTENT}

# validators.py rfc822: day name optional, two- or four-digit year (we write four), numeric or named zone.
RFC822 = re.compile(r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    r"\d{4} \d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|GMT|UT|[ECMP][SD]T)$")
# validators.py rfc3339: a full date-time with seconds and a zone.
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")
# validators.py rfc2396 tag_re: RFC 4151 tag URIs.
TAG = re.compile(r"^tag:([a-z0-9\-._]+?@)?[a-z0-9.\-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*"
                 r"(#[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]*)?$")
MIME = re.compile(r"^[a-z0-9!#$&.+\-^_]+/[a-z0-9!#$&.+\-^_]+$", re.IGNORECASE)
MEDIUMS = {"image", "audio", "video", "document", "executable"}
IMAGE_EXTENSIONS = {"jpg", "jpeg", "gif", "png"}  # image.py ImageUrlFormat
# HTMLValidator: elements and attributes the validator calls a security risk in HTML content.
UNSAFE_ELEMENTS = {"script", "iframe", "object", "embed", "applet", "frame", "frameset", "form", "input", "style",
                   "meta", "link", "base", "noscript", "button", "textarea", "select"}
HTML_END_TAG = re.compile(r"</(\w+)>")
ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]\w*);")


def problems(data: bytes, url: str) -> list[str]:
    """Every rule the feed at `url` breaks, as ``"<Message>: detail"`` lines."""
    root = etree.fromstring(data)
    if root.tag == "rss":
        return _rss(root, data, url)
    if root.tag == f"{{{ATOM}}}feed":
        return _atom(root, url)
    return [f"UnknownFeedType: root element {root.tag}"]


def _full_url(value: str | None) -> bool:
    parts = urlsplit(value or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in (value or "")


def _html(name: str, markup: str) -> list[str]:
    """safeHtml: no element or attribute the validator calls a security risk, no relative URL (ContainsRelRef)."""
    found: list[str] = []
    if not markup.strip():
        return found
    fragment = lxml.html.fragment_fromstring(markup, create_parent="div")
    for element in fragment.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in UNSAFE_ELEMENTS:
            found.append(f"SecurityRisk: <{element.tag}> in {name}")
        for attribute, value in element.attrib.items():
            if attribute.startswith("on") or attribute == "style":
                found.append(f"SecurityRiskAttr: {attribute} on <{element.tag}> in {name}")
            if attribute in ("href", "src") and not (value.startswith("mailto:") or _full_url(value)):
                found.append(f"ContainsRelRef: {attribute}={value!r} in {name}")
    return found


def _text_only(name: str, value: str, raw_line: str) -> list[str]:
    """nonhtml: no HTML end tag, and no entity unless the raw XML shows it is escaped text (``&#x``)."""
    if (tag := HTML_END_TAG.search(value)) and tag.group(1).lower() in lxml.html.defs.tags:
        return [f"ContainsHTML: {name} has </{tag.group(1)}>"]
    entities = [m.group(0) for m in ENTITY.finditer(value) if m.group(1).startswith("#") or m.group(1) in name2codepoint]
    if entities and "&#x" not in raw_line:
        return [f"ContainsHTML: {name} has an entity {entities[0]!r}"]
    return []


def _unique_children(element: etree._Element, names: list[str], where: str) -> list[str]:
    return [f"DuplicateElement: {where} has {len(element.findall(n, NS))} {n}"
            for n in names if len(element.findall(n, NS)) > 1]


def _rss(root: etree._Element, data: bytes, url: str) -> list[str]:
    found: list[str] = []
    if root.get("version") != "2.0":
        found.append(f"InvalidRSSVersion: {root.get('version')!r}")
    channel = root.find("channel")
    if channel is None:
        return found + ["MissingElement: channel"]
    for name in ("title", "link", "description"):
        if not (channel.findtext(name) or "").strip():
            found.append(f"MissingElement: channel/{name}")
    found += _unique_children(channel, ["title", "link", "description", "language", "lastBuildDate", "image",
                                        "generator", "docs"], "channel")
    if not _full_url(channel.findtext("link")):
        found.append("InvalidFullLink: channel/link")
    description = channel.find("description")
    if description is not None:
        line = data.decode("utf-8").splitlines()[description.sourceline - 1]
        found += _text_only("channel/description", description.text or "", line)
    for name in ("lastBuildDate", "pubDate"):
        value = channel.findtext(name)
        if value is not None and not (RFC822.match(value) and email.utils.parsedate_to_datetime(value)):
            found.append(f"InvalidRFC2822Date: channel/{name} {value!r}")
    selves = [link for link in channel.findall("a:link", NS) if link.get("rel") == "self"]
    if len(selves) != 1:
        found.append(f"MissingAtomSelfLink: {len(selves)} atom:link rel=self")
    elif selves[0].get("href") != url or selves[0].get("type") != "application/rss+xml":
        found.append(f"SelfDoesntMatchLocation: {selves[0].get('href')} ({selves[0].get('type')}) at {url}")
    image = channel.find("image")
    if image is not None:
        for name in ("url", "title", "link"):
            if not image.findtext(name):
                found.append(f"MissingElement: image/{name}")
        if image.findtext("link") != channel.findtext("link"):
            found.append("ImageLinkDoesntMatch: image/link differs from channel/link")
        if (image.findtext("url") or "").rsplit(".", 1)[-1].lower() not in IMAGE_EXTENSIONS:
            found.append(f"ImageUrlFormat: {image.findtext('url')}")
        for name, most in (("width", 144), ("height", 400)):
            value = image.findtext(name)
            if value is not None and not (value.isdigit() and 0 < int(value) <= most):
                found.append(f"InvalidWidth/Height: image/{name} {value!r} (at most {most})")
    guids: set[str] = set()
    for n, item in enumerate(channel.findall("item"), start=1):
        where = f"item {n}"
        if not item.findtext("title") and not item.findtext("description"):
            found.append(f"ItemMustContainTitleOrDescription: {where}")
        found += _unique_children(item, ["title", "link", "description", "guid", "pubDate", "enclosure",
                                         "content:encoded"], where)
        if not _full_url(item.findtext("link")):
            found.append(f"InvalidFullLink: {where}/link")
        guid = item.find("guid")
        if guid is None:
            found.append(f"MissingGuid: {where}")
        else:
            if guid.get("isPermaLink", "true") == "true" and not _full_url(guid.text):
                found.append(f"InvalidPermalink: {where}/guid {guid.text!r}")
            if guid.text in guids:
                found.append(f"DuplicateItem: guid {guid.text!r}")
            guids.add(guid.text or "")
        value = item.findtext("pubDate")
        if value is None or not RFC822.match(value):
            found.append(f"InvalidRFC2822Date: {where}/pubDate {value!r}")
        names = [etree.QName(child).localname for child in item]
        if "encoded" in names and ("description" not in names or names.index("description") > names.index("encoded")):
            found.append(f"NeedDescriptionBeforeContent: {where}")
        found += _html(f"{where}/description", item.findtext("description") or "")
        found += _html(f"{where}/content:encoded", item.findtext("content:encoded", namespaces=NS) or "")
        for enclosure in item.findall("enclosure"):
            if not _full_url(enclosure.get("url")) or not (enclosure.get("length") or "").isdigit() \
                    or not MIME.match(enclosure.get("type") or ""):
                found.append(f"InvalidEnclosure: {where} {dict(enclosure.attrib)}")
    return found


def _atom(root: etree._Element, url: str) -> list[str]:
    found: list[str] = []
    for name in ("id", "title", "updated"):
        if root.find(f"a:{name}", NS) is None:
            found.append(f"MissingElement: feed/{name}")
    found += _unique_children(root, ["a:id", "a:title", "a:updated", "a:subtitle", "a:icon", "a:logo", "a:generator"], "feed")
    if not _full_url(root.findtext("a:id", namespaces=NS)):
        found.append("InvalidFullLink: feed/id")
    if not RFC3339.match(root.findtext("a:updated", default="", namespaces=NS)):
        found.append("InvalidRFC3339Date: feed/updated")
    for name in ("icon", "logo"):
        value = root.findtext(f"a:{name}", namespaces=NS)
        if value is not None and not _full_url(value):
            found.append(f"InvalidFullLink: feed/{name}")
    selves = [link for link in root.findall("a:link", NS) if link.get("rel") == "self"]
    if len(selves) != 1:
        found.append(f"MissingSelf: {len(selves)} link rel=self")
    elif selves[0].get("href") != url or selves[0].get("type") != "application/atom+xml":
        found.append(f"SelfDoesntMatchLocation: {selves[0].get('href')} ({selves[0].get('type')}) at {url}")
    feed_author = root.find("a:author", NS) is not None
    ids: set[str] = set()
    for n, entry in enumerate(root.findall("a:entry", NS), start=1):
        where = f"entry {n}"
        for name in ("id", "title", "updated"):
            if entry.find(f"a:{name}", NS) is None:
                found.append(f"MissingElement: {where}/{name}")
        found += _unique_children(entry, ["a:id", "a:title", "a:updated", "a:published", "a:summary", "a:content"], where)
        entry_id = entry.findtext("a:id", default="", namespaces=NS)
        if entry_id.startswith("tag:") and not TAG.match(entry_id):
            found.append(f"InvalidTAG: {where}/id {entry_id!r}")
        elif not entry_id.startswith("tag:") and not _full_url(entry_id):
            found.append(f"InvalidFullLink: {where}/id {entry_id!r}")
        if entry_id in ids:
            found.append(f"DuplicateEntries: {entry_id!r}")
        ids.add(entry_id)
        for name in ("updated", "published"):
            value = entry.findtext(f"a:{name}", namespaces=NS)
            if value is not None and not RFC3339.match(value):
                found.append(f"InvalidRFC3339Date: {where}/{name} {value!r}")
        if not feed_author and not entry.findall("a:author", NS):
            found.append(f"MissingAuthor: {where}")
        for author in entry.findall("a:author", NS):
            if not author.findtext("a:name", namespaces=NS):
                found.append(f"MissingElement: {where}/author/name")
        alternates = [link for link in entry.findall("a:link", NS) if link.get("rel", "alternate") == "alternate"]
        content = entry.find("a:content", NS)
        if not alternates and content is None:
            found.append(f"MissingContentOrAlternate: {where}")
        for link in alternates:
            if not _full_url(link.get("href")):
                found.append(f"InvalidFullLink: {where}/link {link.get('href')!r}")
        if content is not None:
            if content.get("type") not in ("text", "html", "xhtml"):
                found.append(f"InvalidContentType: {where} {content.get('type')!r}")
            if content.get("type") == "html":
                found += _html(f"{where}/content", content.text or "")
        summary = entry.find("a:summary", NS)
        if summary is not None and summary.get("type", "text") == "text":
            found += _text_only(f"{where}/summary", summary.text or "", "")
        for group in entry.findall("media:group", NS):
            if len(group.findall("media:content", NS)) < 2:
                found.append(f"MediaGroupWithoutAlternatives: {where} has a media:group with fewer than two media:content")
        for media in entry.iter(f"{{{MEDIA}}}content"):
            found += _media_content(media, where)
    return found


def _media_content(media: etree._Element, where: str) -> list[str]:
    """media.py media_content: a full URL, a positive fileSize, a known medium, a MIME type."""
    found = []
    if not _full_url(media.get("url")):
        found.append(f"InvalidFullLink: {where}/media:content url")
    size = media.get("fileSize")
    if size is not None and not (size.isdigit() and int(size) > 0):
        found.append(f"InvalidPositiveInteger: {where}/media:content fileSize {size!r}")
    if media.get("medium") is not None and media.get("medium") not in MEDIUMS:
        found.append(f"InvalidMediaMedium: {where} {media.get('medium')!r}")
    if media.get("type") is not None and not MIME.match(media.get("type")):
        found.append(f"InvalidMIMEAttribute: {where} {media.get('type')!r}")
    return found
