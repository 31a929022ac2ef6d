"""Safe links and safe HTML: no ``javascript:`` link, script, event handler or other active content survives Markdown.

Spec:

- Every element the Markdown produces is looked at once, after all other tree
  processors: an attribute ``press.core.content.raw_html.attribute_problem`` refuses
  is removed: an ``href``, ``src`` (or other URL attribute) whose scheme is not http,
  https or mailto (as a browser reads it: entities decoded, case and embedded tabs
  ignored, see ``press.core.content.links.unsafe_scheme``), an ``on*`` handler or a
  ``style`` that ``attr_list`` added. The element and its text stay, so
  ``[js](javascript:alert(1))`` reads "js" and goes nowhere.
- Relative links, anchors and protocol-relative URLs are left as they are.
- Raw HTML is not Markdown's tree: once it is back in the output, the whole HTML goes
  through ``raw_html.clean_html``, which drops the elements and attributes the raw-HTML
  rule refuses, and comments. HTML with nothing to drop is left byte for byte, and a
  conversion without raw HTML (an empty stash) is not parsed again.
  Where text must not carry markup at all (author bios), its ``<`` is escaped before
  it reaches Markdown.

The build reports each of these as a content error with its line first; this is
the second line of defence for what renders anyway (the live preview, bios).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from ..core.content.raw_html import attribute_problem, clean_html


class SafeLinksTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in [name for name, value in element.attrib.items() if attribute_problem(name, value)]:
                del element.attrib[name]


class SafeHtmlPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        # Every raw HTML of the source, md_in_html's included, passes through the stash. With none, the text is
        # the serialized tree the tree processor above has checked: parsing it again would find nothing (and
        # was 17 s of a build of 10,000 articles).
        if not self.md.htmlStash.rawHtmlBlocks:
            return text
        return clean_html(text)


class SafeLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 0: after every tree processor that adds or rewrites links (inline patterns run at 20, attr_list at 8).
        md.treeprocessors.register(SafeLinksTreeprocessor(md), "press_safe_links", 0)
        # Priority 5: after raw HTML is put back (30) and entities are restored (20), so it sees the final HTML.
        md.postprocessors.register(SafeHtmlPostprocessor(md), "press_safe_html", 5)
