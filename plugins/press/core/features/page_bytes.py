"""A written page's bytes, as MkDocs writes them, encoded and hashed once for every plugin that reads them.

``press/styles`` keys each page's stylesheet use by the SHA-256 of its bytes and ``press/search`` keys its
index shards by the same digest and reads its index weight from the bytes, both in ``on_post_page`` and both
on the same final output: at 10,000 articles each encoding of the site's pages was half a second of a
rebuild, each hashing of them 0.4 s.
"""

from __future__ import annotations

import hashlib

_last: tuple[str | None, bytes, bytes | None] = (None, b"", None)  # the last page: the output string itself,
# its bytes and, once asked for, their digest


def page_bytes(html: str) -> bytes:
    """`html` in UTF-8, lone surrogates as character references (``mkdocs.commands.build``'s encoding)."""
    global _last
    if _last[0] is not html:  # not the very same string object as the plugin before asked for
        _last = (html, html.encode("utf-8", errors="xmlcharrefreplace"), None)
    return _last[1]


def page_digest(html: str) -> bytes:
    """The SHA-256 of `page_bytes(html)`."""
    global _last
    data = page_bytes(html)
    digest = _last[2]
    if digest is None:
        digest = hashlib.sha256(data).digest()
        _last = (html, data, digest)
    return digest
