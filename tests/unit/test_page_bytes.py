"""A page's bytes are encoded once for the plugins that read them, and are what MkDocs writes."""

from __future__ import annotations

from press.core.features.page_bytes import page_bytes


def test_the_same_output_is_encoded_once_and_another_is_encoded_again() -> None:
    page = "<p>Łódź \u2014 \ud83d</p>"  # a lone surrogate: MkDocs writes it as a character reference
    first = page_bytes(page)
    assert first == page.encode("utf-8", errors="xmlcharrefreplace") and b"&#55357;" in first
    assert page_bytes(page) is first
    other = "<p>" + page[3:]  # equal text, another string: encoded on its own
    assert page_bytes(other) == first and page_bytes(other) is not first
