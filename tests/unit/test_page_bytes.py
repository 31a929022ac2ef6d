"""A page's bytes are encoded and hashed once for the plugins that read them, and are what MkDocs writes."""

from __future__ import annotations

import hashlib

from press.core.features.page_bytes import page_bytes, page_digest


def test_the_same_output_is_encoded_once_and_another_is_encoded_again() -> None:
    page = "<p>Łódź \u2014 \ud83d</p>"  # a lone surrogate: MkDocs writes it as a character reference
    first = page_bytes(page)
    assert first == page.encode("utf-8", errors="xmlcharrefreplace") and b"&#55357;" in first
    assert page_bytes(page) is first
    other = "<p>" + page[3:]  # equal text, another string: encoded on its own
    assert page_bytes(other) == first and page_bytes(other) is not first


def test_the_digest_is_of_the_bytes_of_the_very_page_asked_for() -> None:
    page, other = "<p>one</p>", "<p>two</p>"
    assert page_digest(page) == hashlib.sha256(b"<p>one</p>").digest()
    assert page_digest(page) is page_digest(page)  # hashed once
    page_bytes(other)  # another page encoded in between: its digest is its own, never the last one's
    assert page_digest(other) == hashlib.sha256(b"<p>two</p>").digest()
    assert page_digest(page) == hashlib.sha256(b"<p>one</p>").digest()
