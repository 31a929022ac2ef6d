"""Slugs for URLs and anchors: lower-case ASCII words joined by hyphens."""

from __future__ import annotations

import functools
import re
import unicodedata

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@functools.lru_cache(maxsize=65536)  # called for every tag of every card: a few hundred distinct values
def slugify(text: str) -> str:
    """``"Global Affairs"`` -> ``global-affairs``; accents folded, punctuation dropped."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is free; records the result in `taken`."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate
