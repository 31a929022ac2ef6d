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

The ``url`` filter makes a link relative to the page, about ninety times a page, and the engine splits
and normalises both paths each time. Both are few: some thousand link targets in a build, one page at a
time. So each path is split once and the comparison is all that is left per call.
"""

from __future__ import annotations

import functools
import posixpath
from typing import Any
from urllib.parse import urlsplit

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


def split_url_paths_once(env: jinja2.Environment) -> None:
    """Give `env` a ``url`` filter that returns what the engine's returns, with each path split only once."""
    engine_url = env.filters.get("url")
    if engine_url is None or getattr(engine_url, "splits_once", False):
        return

    @jinja2.pass_context
    def url(context: Any, value: Any) -> str:
        path = str(value) or "."
        if "\\" in path:
            return engine_url(context, value)  # the engine warns about the separator, and rewrites it
        target = _target(path)
        if target is None:
            return path  # absolute, another site's, or an anchor: as written
        page = context["page"]
        if page is None:
            return posixpath.join(context["base_url"], path)
        parts, slash, level = target
        origin = _origin(page.url)
        common = 0
        for a, b in zip(origin, parts):
            if a != b:
                break
            common += 1
        relative = "/".join(("..",) * (len(origin) - common) + parts[common:]) or "."
        return "../" * level + relative + ("/" if slash else "")

    url.splits_once = True  # type: ignore[attr-defined]
    env.filters["url"] = url


@functools.lru_cache(maxsize=None)
def _target(path: str) -> tuple[tuple[str, ...], bool, int] | None:
    """A relative link's path parts, whether it ends in a slash and how many ``../`` it starts with; None if not relative."""
    parsed = urlsplit(path)
    if parsed.scheme or parsed.netloc or path.startswith(("/", "#")):
        return None
    norm, level = posixpath.normpath(path) + "/", 0
    while norm.startswith("../", level * 3):
        level += 1
    return _parts(path), path.endswith("/"), level


@functools.lru_cache(maxsize=64)  # pages are rendered one after another: the current one is all that is asked for
def _origin(page_url: str) -> tuple[str, ...]:
    folder, _, name = page_url.rpartition("/")
    return _parts(folder if "." in name else page_url)


def _parts(path: str) -> tuple[str, ...]:
    normal = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return tuple(normal.split("/")) if normal else ()
