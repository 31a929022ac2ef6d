"""A cache of whole pages: a page whose template context is unchanged is not rendered again.

A template is a pure function of its context and its own source. So a page's
output is keyed by a fingerprint of both: the site-wide part (configuration,
templates, navigation, every renderer's version and our code) once per build,
and the page's own part (its URL, title, metadata, rendered body, table of
contents, neighbours and every value plugins added to the context). A value
the fingerprint cannot write down exactly (an object it does not know) makes
the page uncacheable: it is rendered, never served from a guess.

There is one entry per output path, overwritten when the page changes, so the
cache holds one copy of the site, never a growing history.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Mapping

import orjson

from .digest import digest
from .store import Store

FORMAT = 3  # bump when the entry layout or the fingerprint's parts change


class Uncacheable(ValueError):
    """A context value with no exact, stable text form: the page is rendered every time."""


# orjson, not the standard library: every page's context (about 21 KB of JSON at 10,000 articles) is written out
# once a build, and orjson does it in a third of the time. Dates and dataclasses come to `_exact` as before: a
# dataclass is not plain data. NaN and infinities write as null, as None does; no context value of ours is a
# float, and an article's front matter admits no field that could hold one.
OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def exact_json(value: Any) -> str:
    """Plain data as canonical JSON; anything else raises ``Uncacheable``, so a fingerprint never guesses."""
    return exact_json_bytes(value).decode("utf-8")


def exact_json_bytes(value: Any) -> bytes:
    """`exact_json` as UTF-8, for a fingerprint: a page's context goes to the hash without a round trip through str."""
    try:
        return orjson.dumps(value, option=OPTIONS, default=_exact)
    except orjson.JSONEncodeError as exc:  # a type `_exact` refused, or an integer wider than 64 bits
        raise Uncacheable(str(exc.__cause__ or exc)) from exc


def _exact(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    raise Uncacheable(f"{type(value).__module__}.{type(value).__qualname__}")


def fingerprint(parts: Iterable[tuple[str, str | bytes]]) -> str:
    """A hash of named parts (``press.core.incremental.digest``)."""
    return digest(f"press-page-cache:{FORMAT}", parts)


def context_parts(context: Mapping[str, Any], covered: Iterable[str]) -> list[tuple[str, str | bytes]]:
    """Every context value but those the caller fingerprints itself (``covered``), as exact JSON."""
    skip = set(covered)
    return [(f"context.{key}", exact_json_bytes(context[key])) for key in sorted(context) if key not in skip]


class PageCache:
    """Rendered pages (or feeds) by output path in one namespace of the store, each made for one fingerprint."""

    def __init__(self, store: Store, namespace: str = "pages"):
        self.store, self.namespace = store, namespace

    def get(self, dest: str, key: str) -> str | None:
        """The page rendered for exactly this fingerprint, or None."""
        data = self.store.get(self.namespace, dest, key)
        try:
            return data.decode("utf-8") if data is not None else None
        except UnicodeDecodeError:
            return None  # unreadable: render again

    def put(self, dest: str, key: str, html: str) -> None:
        self.store.put(self.namespace, dest, key, html.encode("utf-8"))
