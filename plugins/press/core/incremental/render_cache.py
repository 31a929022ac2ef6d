"""A cache of rendered Markdown: an unchanged article is not converted again.

An entry is keyed by a hash of everything that shapes the rendered page body:
the Markdown as the engine receives it, where the page lives (relative links
resolve from there), the URL of every file it links to (a renamed target
changes the link), the sources its citation chips name, the Markdown
extensions and their configuration, link-validation settings, and the versions
of every package that renders. A wrong key would serve a stale page, so tests
change each of these and expect a miss.

An entry holds what rendering produced: the HTML, the table of contents, the
anchors the page contains, the links it makes to anchors of other pages, and
every message logged while it rendered, so that a warning (a broken link) is
reported again on a hit, not only the first time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

import orjson

from .digest import digest
from .store import Store

FORMAT = 2  # bump when the entry layout changes


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: list[dict[str, Any]] = field(default_factory=list)  # tokens: level, id, name, children
    anchors: list[str] = field(default_factory=list)
    anchor_links: dict[str, dict[str, str]] = field(default_factory=dict)  # target src -> anchor -> link as written
    logs: list[tuple[int, str, str]] = field(default_factory=list)  # (level, logger name, message)


def cache_key(parts: Iterable[tuple[str, str]]) -> str:
    """A hash of named parts (``press.core.incremental.digest``)."""
    return digest(f"press-render-cache:{FORMAT}", parts)


class RenderCache:
    """Entries as JSON in the store's ``render`` namespace, named by their key."""

    def __init__(self, store: Store):
        self.store = store

    def get(self, key: str) -> Rendered | None:
        try:
            data = orjson.loads(self.store.read("render", key, ".json") or b"")
            return Rendered(data["html"], data["toc"], data["anchors"], data["anchor_links"],
                            [tuple(entry) for entry in data["logs"]])
        except (ValueError, KeyError, TypeError):
            return None  # absent or unreadable: render again

    def put(self, key: str, rendered: Rendered) -> None:
        # The fields by hand: `dataclasses.asdict` deep-copies every token of the table of contents first (half a
        # millisecond an article), for the same JSON.
        entry = {"html": rendered.html, "toc": rendered.toc, "anchors": rendered.anchors,
                 "anchor_links": rendered.anchor_links, "logs": rendered.logs}
        self.store.write("render", key, orjson.dumps(entry), ".json", behind=True)  # a third of json's time
