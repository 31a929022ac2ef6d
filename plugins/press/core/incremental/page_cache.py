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
import json
from typing import Any, Iterable, Mapping

from .digest import digest
from .store import Store

FORMAT = 2  # bump when the entry layout or the fingerprint's parts change


class Uncacheable(ValueError):
    """A context value with no exact, stable text form: the page is rendered every time."""


def exact_json(value: Any) -> str:
    """Plain data as canonical JSON; anything else raises ``Uncacheable``, so a fingerprint never guesses."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_exact)


def _exact(value: Any) -> Any:
    if isinstance(value, (tuple, set, frozenset)):
        return sorted(value, key=repr) if isinstance(value, (set, frozenset)) else list(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    raise Uncacheable(f"{type(value).__module__}.{type(value).__qualname__}")


def fingerprint(parts: Iterable[tuple[str, str]]) -> str:
    """A hash of named parts (``press.core.incremental.digest``)."""
    return digest(f"press-page-cache:{FORMAT}", parts)


def context_parts(context: Mapping[str, Any], covered: Iterable[str]) -> list[tuple[str, str]]:
    """Every context value but those the caller fingerprints itself (``covered``), as exact JSON."""
    skip = set(covered)
    return [(f"context.{key}", exact_json(context[key])) for key in sorted(context) if key not in skip]


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
