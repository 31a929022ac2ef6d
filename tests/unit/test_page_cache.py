"""The page cache's core: exact fingerprints or none, one entry per page."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from markupsafe import Markup

from press.core.incremental.page_cache import PageCache, Uncacheable, context_parts, exact_json, fingerprint
from press.core.incremental.store import Store


def test_plain_data_has_one_canonical_form() -> None:
    assert exact_json({"b": (1, 2), "a": {"z", "y"}}) == exact_json({"a": ["y", "z"], "b": [1, 2]})
    assert exact_json({"when": dt.date(2025, 11, 3)}) == '{"when":"2025-11-03"}'


def test_an_object_without_an_exact_form_makes_the_page_uncacheable() -> None:
    class Widget:
        pass

    with pytest.raises(Uncacheable, match="Widget"):
        context_parts({"press": {"widget": Widget()}, "page": Widget()}, covered=["page"])


def test_dataclasses_and_wide_integers_have_no_exact_form_but_markup_and_number_keys_do() -> None:
    @dataclasses.dataclass
    class Card:
        title: str

    with pytest.raises(Uncacheable, match="Card"):
        exact_json({"card": Card("a")})  # its fields are not what a template reads of it
    with pytest.raises(Uncacheable, match="64-bit"):
        exact_json({"n": 2**70})
    assert exact_json({"html": Markup("<b>x</b>"), 2: "two", 10: "ten"}) == '{"10":"ten","2":"two","html":"<b>x</b>"}'
    aware = dt.datetime(2025, 11, 3, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert exact_json([aware, dt.datetime(2025, 11, 3, 9, 30)]) == '["2025-11-03T09:30:00-05:00","2025-11-03T09:30:00"]'


def test_covered_keys_are_left_to_the_caller_and_names_separate_parts() -> None:
    assert context_parts({"page": object(), "press": {"x": 1}}, covered=["page"]) == [("context.press", b'{"x":1}')]
    assert fingerprint([("a", "bc")]) != fingerprint([("ab", "c")])
    assert fingerprint([("a", "bé")]) == fingerprint([("a", "bé".encode())])  # bytes are the text's UTF-8


def test_an_entry_is_returned_only_for_its_own_fingerprint(tmp_path: Path) -> None:
    cache = PageCache(Store(tmp_path))
    assert cache.get("a/index.html", "k1") is None
    cache.put("a/index.html", "k1", "<p>one\r\n</p>\n")
    assert cache.get("a/index.html", "k1") == "<p>one\r\n</p>\n"
    assert cache.get("a/index.html", "k2") is None
    assert cache.get("b/index.html", "k1") is None
    cache.put("a/index.html", "k2", "<p>two</p>")  # replaces: one entry per page
    assert cache.get("a/index.html", "k1") is None and cache.get("a/index.html", "k2") == "<p>two</p>"
    assert cache.store.flush() == []
    assert len([p for p in tmp_path.rglob("*") if p.is_file()]) == 1
