"""Two lookups Jinja makes many times a page, made cheaper without changing what any template renders.

``item.title`` on a plain dict is looked up as a key at once, not after the AttributeError Jinja provokes
first. Our templates read plain data (``press.*``: dicts of display strings) with dot syntax, and Jinja's
`Environment.getattr` tries ``getattr(obj, name)`` before ``obj[name]``: on a dict that raises and
catches an AttributeError every time, about a microsecond, a thousand times a page. A plain dict has
no attribute but those of its type, so for any other name the first try can only fail: asking the key
straight away gives the same value, or the same undefined, as Jinja would. Any other object, and a
name of dict's own (``items``, ``get``), go to Jinja's lookup unchanged.

Every ``{% include %}`` asks the template cache, a least-recently-used cache of 400 that moves the
template to the end of a queue on each hit (a ``deque.remove``), fifty times a page. A build loads about
sixty templates and evicts none: a plain dict holds the same templates without the bookkeeping.
"""

from __future__ import annotations

from typing import Any

import jinja2

DICT_NAMES = frozenset(dir(dict))


def look_up_dict_keys_first(env: jinja2.Environment) -> None:
    """Give `env` the shortcut (once, however often it is called)."""
    if getattr(env.getattr, "dict_keys_first", False):
        return
    jinja_getattr = env.getattr

    def lookup(obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in DICT_NAMES:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return env.undefined(obj=obj, name=attribute)
        return jinja_getattr(obj, attribute)

    lookup.dict_keys_first = True  # type: ignore[attr-defined]
    env.getattr = lookup  # type: ignore[method-assign]


def cache_templates_in_a_dict(env: jinja2.Environment) -> None:
    """Swap `env`'s LRU template cache for a dict holding what it holds (a build never fills the LRU's 400)."""
    if env.cache is not None and not isinstance(env.cache, dict):
        env.cache = dict(env.cache.items())
