"""Jinja's lookups made cheaper: dot names on plain dicts as keys first, the template cache a dict; the same output."""

from __future__ import annotations

from collections import OrderedDict
from types import SimpleNamespace

import jinja2
import pytest

from press.adapters.template_lookups import cache_templates_in_a_dict, look_up_dict_keys_first, split_url_paths_once

TEMPLATES = [
    "{{ d.title }}|{{ d.missing is defined }}|{{ d.missing | default('none') }}",
    "{{ d['items'] }}|{{ d.items() | list | length }}|{{ d.get('title') }}",  # dict's own names stay methods
    "{{ o.title }}|{{ od.title }}|{{ d.nested.deeper }}|{{ (d.title).upper() }}",
    "{% for k, v in d.items() %}{{ k }}{% endfor %}|{{ d.none is none }}",
]
DATA = {"d": {"title": "T", "items": "key named items", "nested": {"deeper": 1}, "none": None},
        "o": SimpleNamespace(title="object"), "od": OrderedDict(title="ordered")}


@pytest.mark.parametrize("undefined", [jinja2.Undefined, jinja2.ChainableUndefined])
@pytest.mark.parametrize("source", TEMPLATES)
def test_the_same_output_as_jinjas_lookup(source: str, undefined: type[jinja2.Undefined]) -> None:
    plain, quick = jinja2.Environment(undefined=undefined), jinja2.Environment(undefined=undefined)
    look_up_dict_keys_first(quick)
    look_up_dict_keys_first(quick)  # twice: still one wrapper
    assert quick.from_string(source).render(DATA) == plain.from_string(source).render(DATA)


def test_a_missing_key_is_still_an_error_under_strict_undefined() -> None:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    look_up_dict_keys_first(env)
    with pytest.raises(jinja2.UndefinedError, match="has no attribute 'missing'"):
        env.from_string("{{ d.missing }}").render(DATA)


def test_the_template_cache_keeps_what_it_held_and_every_template_it_loads() -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader({"a.html": "A{% include 'b.html' %}", "b.html": "B"}))
    first = env.get_template("a.html")
    cache_templates_in_a_dict(env)
    assert type(env.cache) is dict and env.get_template("a.html") is first
    assert first.render() == "AB" and len(env.cache) == 2


TARGETS = ["", ".", "./", "a", "a/", "a/b.html", "a/./b/../c/", "../x/", "../../x.css", "./../y", "#top", "/abs/", "//cdn.example/x",
           "https://example.org/a", "mailto:x@example.org", "assets/press.css", "tags/", "a/b/c/d/", "..", "../", "a/b#frag", "x.png?v=1"]
PAGE_URLS = ["", "index.html", "a/", "a/b/", "a/b/c/", "a/b.html", "a/b/index.html", "x/y/z/w/", "a.b/", "tags/page/2/"]


@pytest.mark.parametrize("page_url", PAGE_URLS + [None])
def test_the_url_filter_returns_what_the_engines_returns(page_url: str | None) -> None:
    """Every kind of link from every kind of page, against the engine's own filter in the same environment."""
    from mkdocs.utils.templates import url_filter

    plain, env = jinja2.Environment(), jinja2.Environment()
    plain.filters["url"] = env.filters["url"] = url_filter
    split_url_paths_once(env)
    split_url_paths_once(env)  # twice: still one wrapper
    assert getattr(env.filters["url"], "splits_once", False)
    engine, quick = (e.from_string("{% for t in targets %}{{ t | url }}\n{% endfor %}") for e in (plain, env))
    for base in ("", "../..", "."):
        context = {"targets": TARGETS, "page": SimpleNamespace(url=page_url) if page_url is not None else None, "base_url": base}
        expected = engine.render(context)
        assert quick.render(context) == expected
        assert quick.render(context) == expected  # and again, from the split paths it keeps
