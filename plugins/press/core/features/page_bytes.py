"""A written page's bytes, as MkDocs writes them, encoded once for every plugin that reads them.

``press/styles`` keys each page's stylesheet use by the digest of its bytes and ``press/search`` reads
its index weight from them, both in ``on_post_page`` and both on the same final output: at 10,000
articles each encoding of the site's pages was half a second of a rebuild.
"""

from __future__ import annotations

_last: tuple[str, bytes] | None = None  # the last page encoded: the output string itself, and its bytes


def page_bytes(html: str) -> bytes:
    """`html` in UTF-8, lone surrogates as character references (``mkdocs.commands.build``'s encoding)."""
    global _last
    last = _last
    if last is not None and last[0] is html:  # the very same string object: the plugins after the first
        return last[1]
    data = html.encode("utf-8", errors="xmlcharrefreplace")
    _last = (html, data)
    return data
