"""Slugs: ASCII ones exactly as before the transliteration library, other scripts readable and non-empty."""

from __future__ import annotations

import pytest

from press.core.content.slugs import SLUG_PATTERN, slugify
from press.core.urls import tag_url

# Slugs the site and the tests made before transliteration: none of them may change (published URLs).
UNCHANGED = [
    ("Global Affairs", "global-affairs"),
    ("Civil Society", "civil-society"),
    ("Not A Slug", "not-a-slug"),
    ("Reuters", "reuters"),
    ("The Business Standard", "the-business-standard"),
    ("U.S. immigration policy goes to Europe's capitals", "u-s-immigration-policy-goes-to-europe-s-capitals"),
    ("AI & the courts", "ai-the-courts"),
    ("  --- ", ""),
    ("2025: the year", "2025-the-year"),
    ("courts-weigh-the-rule", "courts-weigh-the-rule"),
    ("Café Olé", "cafe-ole"),  # accents fold as they did
    ("São Paulo", "sao-paulo"),
    ("Mercer’s “new” book — 2025", "mercers-new-book-2025"),  # curly quotes and dashes dropped as they were
    ("20°C", "20c"),
    ("🎉", ""),  # no letters or digits: still no slug (validate.py reports it)
]

TRANSLITERATED = [
    ("Łódź", "lodz"),  # Polish
    ("Wrocław i Gdańsk", "wroclaw-i-gdansk"),
    ("Ørsted", "orsted"),  # Danish
    ("Ærø og Søby", "aero-og-soby"),
    ("Straße", "strasse"),  # German
    ("Große Koalition", "grosse-koalition"),
    ("Αθήνα και Πειραιάς", "athina-kai-peiraias"),  # Greek
    ("Москва и Санкт-Петербург", "moskva-i-sankt-peterburg"),  # Russian
    ("Україна", "ukraina"),  # Ukrainian
    ("ひらがなとカタカナ", "hiraganatokatakana"),  # kana, read as Japanese
    ("東京の新しい政策", "dong-jing-no-xin-shii-zheng-ce"),  # kanji get Mandarin readings, one syllable each
    ("中国经济", "zhong-guo-jing-ji"),
]


@pytest.mark.parametrize(("text", "slug"), UNCHANGED)
def test_ascii_and_accented_slugs_are_unchanged(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize(("text", "slug"), TRANSLITERATED)
def test_other_scripts_are_transliterated(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert SLUG_PATTERN.match(slug)


def test_a_non_ascii_tag_gets_a_readable_page() -> None:
    assert tag_url("Łódź") == "tags/lodz/"
    assert tag_url("Москва") == "tags/moskva/"
