"""A feed item's content as an email client shows it: the body of each item of a publication's ``email.xml``.

Mailing-list providers paste an item's content into the email they send (RSS-to-email), and email clients drop
what a web page may have: scripts, style sheets and ``style`` attributes, frames, embedded media, forms. So:

- scripts, style sheets and forms (with their fields) are removed, ``<noscript>`` keeps its content;
- frames, video, audio and other embedded media become a link to the article, where the reader can see them;
- attributes are limited to the ones email keeps (``href``, ``src``, ``alt``, sizes, table spans, ...): no
  ``style``, ``class``, ``on*``, ``data-*`` or ``srcset``; a link to anything but http(s) or mailto loses its href;
- every image gets ``width`` and ``height`` (from the sizes the images plugin measured, else from its own
  attributes), scaled down to at most `MAX_WIDTH` pixels wide, the width of an email's column.

The input is the item content of the other feeds (``feeds.item_view`` through ``fragments/press/feed-item.html``):
every URL is already absolute and the citation chips are plain linked text, as is the call to action.
"""

from __future__ import annotations

import html
from typing import Mapping
from urllib.parse import urlsplit

import lxml.html

MAX_WIDTH = 600
REMOVED = frozenset({"script", "style", "link", "meta", "base", "template", "form", "input", "button", "select",
                     "textarea", "datalist", "output"})
EMBEDDED = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "video", "audio", "canvas", "svg",
                      "math", "portal"})
KEPT_ATTRIBUTES = frozenset({"href", "src", "alt", "title", "width", "height", "id", "colspan", "rowspan", "scope",
                             "headers", "abbr", "datetime", "cite", "lang", "dir", "start", "reversed", "value"})
LINK_SCHEMES = ("http", "https", "mailto")
EMBEDDED_TEXT = "This part of the article plays on its page: open it on the site."


def email_html(content: str, article_url: str, sizes: Mapping[str, tuple[int, int]]) -> str:
    """`content` for email; `sizes` maps an image's absolute URL to its intrinsic (width, height)."""
    if not content.strip():
        return content
    fragment = lxml.html.fragment_fromstring(content, create_parent="div")
    for element in list(fragment.iter()):
        if element is fragment or not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in REMOVED:
            element.drop_tree()
        elif tag in EMBEDDED:
            _link_instead(element, article_url)
        elif tag == "noscript":
            element.drop_tag()
    for comment in fragment.xpath("//comment() | //processing-instruction()"):
        comment.drop_tree()
    for element in fragment.iter():
        if element is fragment or not isinstance(element.tag, str):
            continue
        for name in [n for n in element.attrib if n.lower() not in KEPT_ATTRIBUTES]:
            del element.attrib[name]
        href = element.get("href")
        if href is not None and urlsplit(href.strip()).scheme.lower() not in LINK_SCHEMES:
            del element.attrib["href"]
        if element.tag == "img":
            _size(element, sizes)
    lead = html.escape(fragment.text or "", quote=False)
    return lead + "".join(lxml.html.tostring(child, encoding="unicode") for child in fragment)


def _link_instead(element: lxml.html.HtmlElement, article_url: str) -> None:
    """Replace embedded media with a paragraph linking to the article, keeping what follows it."""
    paragraph = lxml.html.Element("p")
    link = lxml.html.Element("a", href=article_url)
    link.text = EMBEDDED_TEXT
    paragraph.append(link)
    paragraph.tail = element.tail
    parent = element.getparent()
    parent.replace(element, paragraph)


def _size(image: lxml.html.HtmlElement, sizes: Mapping[str, tuple[int, int]]) -> None:
    """Width and height at most MAX_WIDTH wide, keeping the picture's proportions; untouched when unknown."""
    known = sizes.get(image.get("src", ""))
    if known is None:
        try:
            known = (int(image.get("width", "")), int(image.get("height", "")))
        except ValueError:
            return
    width, height = known
    if width <= 0 or height <= 0:
        return
    if width > MAX_WIDTH:
        width, height = MAX_WIDTH, max(1, round(height * MAX_WIDTH / width))
    image.set("width", str(width))
    image.set("height", str(height))
    if image.get("alt") is None:
        image.set("alt", "")
