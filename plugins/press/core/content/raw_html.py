"""Raw HTML in a Markdown body: the markup an author may write, and what is active content and refused.

Python-Markdown passes raw HTML through, and a body may come from a pull request. The rule:

- Markup for prose stays: ``<figure>``, ``<figcaption>``, ``<sup>``, ``<sub>``, ``<abbr>``, ``<mark>``, ``<kbd>``,
  ``<details>``/``<summary>``, tables, ``<div markdown>``, ``<br>``, ``<img>``, ``<video>`` and the rest.
- Active content is an error (`raw_html_errors`, with its line): the elements in `FORBIDDEN` (scripts, style
  sheets, frames and embeds, forms, the page head's elements, raw ``<svg>`` and ``<math>``, and the elements a
  browser parses as raw text, which hide markup from any checker); every ``on*`` event handler; ``style``
  attributes (CSS can lay a fake link or form over the page and fetch tracking URLs); and a URL attribute
  (`URL_ATTRIBUTES`) whose scheme is not http, https or mailto (``links.unsafe_scheme``). A comment a browser
  would end early (``--!>``) is refused too.
- `clean_html` drops the same things from rendered HTML (and every comment), for what renders anyway (the live
  preview shows errors on a page that still renders): pages and feeds never carry active content.

The source is read token by token with the standard library's HTML tokenizer, over the body's prose lines
(code blocks and spans are text, never HTML), so each problem has its line; lxml parses the rendered HTML.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Iterable

import lxml.html

from .links import unsafe_scheme
from .problems import ContentError
from .prose import prose_lines

_EMBED = "remove it (embeds: link to the page instead)"
_HEAD = "remove it: the page's head and styles come from the theme"
_FORM = "remove it: a sign-up form is a call to action (cta: in the front matter, ctas: in mkdocs.yml)"
_IMAGE = "save it as an image file and show it with ![alt text](images/figure.svg)"
_TEXT = "remove it; to show markup as text, put it in `code`"
FORBIDDEN = {
    **dict.fromkeys(("script", "iframe", "frame", "frameset", "object", "embed", "applet", "portal"), _EMBED),
    **dict.fromkeys(("style", "meta", "base", "link", "title", "head", "html", "body"), _HEAD),
    **dict.fromkeys(("form", "input", "button", "textarea", "select", "option", "datalist", "output"), _FORM),
    **dict.fromkeys(("svg", "math"), _IMAGE),
    **dict.fromkeys(("noscript", "template", "xmp", "plaintext", "noembed", "noframes", "listing"), _TEXT),
}
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "srcset", "imagesrcset", "poster", "xlink:href",
                            "data", "cite", "background", "longdesc", "ping", "manifest", "codebase", "lowsrc", "dynsrc"})
_STYLE_HINT = ("remove it and use a class the site's CSS defines: CSS in an article can lay a fake link or form over "
               "the page and load tracking URLs")
_SCHEME_HINT = "only http:, https: and mailto: URLs and paths relative to the file are published"
# Markdown's autolinks (<https://...>, <name@host>) are links, not tags: blanked before the tokenizer sees them.
_AUTOLINK = re.compile(r"<(?:(?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*|[^<> !]+@[^@<> ]+)>|\\<")


def attribute_problem(name: str, value: str | None) -> tuple[str, str] | None:
    """(message, hint) when the attribute is active content; None when it may be published."""
    name = name.lower()
    if name.startswith("on"):
        return f"the event-handler attribute {name}= is not allowed", "remove it: an article runs no scripts"
    if name == "style":
        return "a style attribute is not allowed", _STYLE_HINT
    if name in URL_ATTRIBUTES and value:
        urls = [c.split()[0] for c in value.split(",") if c.strip()] if name.endswith("srcset") else [value]
        for url in urls:
            if scheme := unsafe_scheme(url):
                return f"a {scheme}: URL in {name}= is not allowed", _SCHEME_HINT
    return None


def element_problem(tag: str) -> tuple[str, str] | None:
    hint = FORBIDDEN.get(tag.lower())
    return (f"raw <{tag.lower()}> element is not allowed in an article", hint) if hint else None


def raw_html_errors(path: str, markdown: str, first_line: int = 1, field: str = "body") -> list[ContentError]:
    """An error, with its line, for each piece of active content in the raw HTML of `markdown` (a body)."""
    prose = dict(prose_lines(markdown))
    lines = [_AUTOLINK.sub(lambda m: " " * len(m.group(0)), prose.get(n, "")) for n in range(1, markdown.count("\n") + 2)]
    scanner = _Scanner()
    scanner.feed("\n".join(lines))
    scanner.close()
    return [ContentError(path, first_line + line - 1, field, message, hint) for line, message, hint in scanner.found]


class _Scanner(HTMLParser):
    """Collects (line, message, hint) for each forbidden tag, attribute and malformed comment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        problems = [element_problem(tag)] + [attribute_problem(name, value) for name, value in attrs]
        self.found += [(line, message, hint) for message, hint in filter(None, problems)]

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        if "--!>" in data or "<!--" in data or data.startswith((">", "->")):
            self.found.append((self.getpos()[0], "a malformed HTML comment is not allowed: a browser ends it early",
                               "write a comment as <!-- text --> with no --!> or <!-- inside"))


def clean_html(html: str) -> str:
    """`html` without anything `raw_html_errors` refuses, and without comments; unchanged when it has none.

    Only HTML that needs it is parsed again and re-serialized, so the markup of a clean page stays byte for byte.
    """
    if "<" not in html:
        return html
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    dropped = _drop(fragment)
    if not dropped and "<!" not in html and "<?" not in html:
        return html
    return (fragment.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in fragment)


def _drop(fragment: lxml.html.HtmlElement) -> bool:
    """Remove forbidden elements, attributes, comments and processing instructions in place; True when any."""
    dropped = False
    for node in list(fragment.iter()):
        if node is fragment:
            continue
        if not isinstance(node.tag, str) or element_problem(node.tag):
            node.drop_tree()
            dropped = True
            continue
        for name in _bad_attributes(node.attrib.items()):
            del node.attrib[name]
            dropped = True
    return dropped


def _bad_attributes(attrs: Iterable[tuple[str, str]]) -> list[str]:
    return [name for name, value in attrs if attribute_problem(name, value)]
