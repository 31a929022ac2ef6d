"""Safe links: no ``javascript:`` (or any scheme but http, https and mailto) survives Markdown.

Spec:

- Every element the Markdown produces is looked at once, after all other tree
  processors: an ``href`` or ``src`` whose scheme is not http, https or mailto
  (as a browser reads it: entities decoded, case and embedded tabs ignored,
  see ``press.core.content.links.unsafe_scheme``) is removed; the element and its
  text stay, so ``[js](javascript:alert(1))`` reads "js" and goes nowhere.
- Relative links, anchors and protocol-relative URLs are left as they are.
- Raw HTML is not Markdown's tree and is not looked at: where text must not carry
  markup (author bios), its ``<`` is escaped before it reaches Markdown.

The build reports each such link as a content error with its line first; this is
the second line of defence for what renders anyway (the live preview, bios).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..core.content.links import unsafe_scheme

URL_ATTRIBUTES = ("href", "src")


class SafeLinksTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in URL_ATTRIBUTES:
                value = element.get(name)
                if value is not None and unsafe_scheme(value):
                    del element.attrib[name]


class SafeLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 0: after every tree processor that adds or rewrites links (inline patterns run at 20).
        md.treeprocessors.register(SafeLinksTreeprocessor(md), "press_safe_links", 0)
