"""Citation chips: Pandoc's ``[@key]`` and ``[@a; @b]`` rendered as links to the sources.

Spec:

- ``[@reuters]`` becomes a chip reading ``Reuters`` that links to ``#source-reuters``,
  the article's further-reading entry for that source.
- ``[@reuters; @ap-news]`` reads ``Reuters +1`` and links to the first source.
- The chip's accessible name names every cited source ("Sources: Reuters, AP News");
  the same list is its ``title`` (hover) and ``data-sources`` (shown on focus by CSS).
  It works without JavaScript.
- A key cited twice in one chip counts once.
- Code spans and code blocks are left alone (Python-Markdown never runs inline
  patterns there, and ``[@x]`` inside backticks is consumed by the backtick pattern first).
- Publisher names are text: escaped, never markup.
- An unknown key leaves the citation as it was written; ``press.core.content.citations``
  has already reported it as a content error with its line.

The sources come from a callable evaluated per page (``sources()`` returns the
current article's ``{id: Source}``), because one extension instance serves every page.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Callable, Mapping

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from ..core.content.citations import CITATION, chip_text, parse_keys
from ..core.content.model import Source
from ..core.urls import source_anchor

SourceLookup = Callable[[], Mapping[str, Source]]

# Below the backtick (190) and escape (180) patterns, above links (160): `[@x]` must not become a link.
PRIORITY = 175


class CitationProcessor(InlineProcessor):
    def __init__(self, sources: SourceLookup, md: Markdown):
        super().__init__(CITATION.pattern, md)
        self.sources = sources

    def handleMatch(self, m, data):  # type: ignore[override]
        keys = parse_keys(m.group(1))
        sources = self.sources()
        chip = chip_text(keys, sources)
        if chip is None:
            return None, None, None
        first, more, names = chip
        listing = ", ".join(names)
        link = etree.Element("a", {
            "class": "press-cite",
            "href": f"#{source_anchor(next(iter(dict.fromkeys(keys))))}",
            "title": listing,
            "data-sources": listing,
        })
        hidden = etree.SubElement(link, "span", {"class": "press-visually-hidden"})
        # AtomicString: publisher names are text, never parsed again as Markdown or HTML.
        hidden.text = AtomicString("Sources: " if more else "Source: ")
        hidden.tail = AtomicString(first)
        if more:
            extra = etree.SubElement(link, "span", {"class": "press-cite__more", "aria-hidden": "true"})
            extra.text = AtomicString(f" {more}")
            others = etree.SubElement(link, "span", {"class": "press-visually-hidden"})
            others.text = AtomicString(", " + ", ".join(names[1:]))
        return link, m.start(0), m.end(0)


class CitationsExtension(Extension):
    def __init__(self, sources: SourceLookup, **kwargs):
        self.lookup = sources
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(CitationProcessor(self.lookup, md), "press-citations", PRIORITY)
