"""Slugs for URLs and anchors: lower-case ASCII words joined by hyphens.

Letters without an ASCII decomposition (``Ł``, ``ø``, ``ß``, Greek, Cyrillic, kana, Han) are
transliterated with anyascii (ISC, no dependencies, tables kept current with Unicode); every other
character keeps what the slug has always done with it (accents folded, punctuation and symbols
dropped), so a slug that was already right stays the same. Han characters are read one syllable
each (anyascii gives Mandarin readings, for Japanese kanji too: ``東京`` gives ``dong-jing``): a
Japanese headline wants its own ``slug:`` (README, "Slugs").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from anyascii import anyascii

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@functools.lru_cache(maxsize=65536)  # called for every tag of every card: a few hundred distinct values
def slugify(text: str) -> str:
    """``"Global Affairs"`` -> ``global-affairs``, ``"Łódź"`` -> ``lodz``; punctuation dropped."""
    ascii_text = text if text.isascii() else "".join(_ascii(ch) for ch in unicodedata.normalize("NFC", text))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _ascii(ch: str) -> str:
    """One character in ASCII: its decomposition without accents, else a letter or digit transliterated."""
    folded = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
    if folded or unicodedata.category(ch)[0] not in "LN":
        return folded  # symbols and punctuation outside ASCII (dashes, curly quotes, emoji) are dropped, as always
    if unicodedata.name(ch, "").startswith("CJK "):
        return f" {anyascii(ch)} "  # one syllable per character: no blob of run-together readings
    return anyascii(ch)


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is free; records the result in `taken`."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate
