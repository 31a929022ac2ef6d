"""What one build did and how long each step took: the summary ``press build`` logs when it ends.

Every press plugin reports into the one `BuildReport` of ``press/articles`` (reached, as the Catalog
is, through ``articles_plugin(config, ...)``): counts of what was made and what was reused, and the
steps it runs (`BuildReport.step`), timed here with ``time.perf_counter`` because the core never reads
the clock. A step also drives a `Progress` sink: nothing by default, a terminal line under
``press build`` on a TTY (``progress.py``). The summary is log lines, never a file: the site is the
same whether or not anyone reads them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Protocol

from mkdocs.plugins import get_plugin_logger

from ..core.content.model import Article

log = get_plugin_logger(__name__)

# Each step: what the summary calls it, and what the progress line says while it runs; in the order a build runs them.
STEPS = {
    "content": ("content check", "checking content"),
    "cards": ("cards", "drawing cards"),
    "markdown": ("Markdown", "converting Markdown"),
    "rendering": ("rendering", "rendering pages"),
    "feeds": ("feeds", "writing feeds"),
    "search": ("search", "indexing for search"),
}
# Every count a plugin reports (`BuildReport.count`); the profile lists them all, zeros included.
COUNTS = ("pages", "pages_reused", "markdown", "markdown_articles", "markdown_reused", "feeds_written", "feeds_unchanged",
          "cards_drawn", "cards_reused", "variants_encoded", "variants_reused", "search_rebuilt", "search_reused",
          "drafts", "scheduled")


class Progress(Protocol):
    """Where a running step is shown: `start` a step, `advance` it by items done, `finish` it; `stop` when the build is done."""

    def start(self, label: str, total: int | None) -> None: ...
    def expect(self, total: int) -> None: ...
    def advance(self, done: int) -> None: ...
    def finish(self) -> None: ...
    def stop(self) -> None: ...


class NoProgress:
    """The default: a build shows nothing while it runs (tests, CI logs, `mkdocs build`)."""

    def start(self, label: str, total: int | None) -> None:
        pass

    def expect(self, total: int) -> None:
        pass

    def advance(self, done: int) -> None:
        pass

    def finish(self) -> None:
        pass

    def stop(self) -> None:
        pass


@dataclass
class BuildReport:
    """One build's counts and step times; press/articles makes a new one in every `on_config`."""

    progress: Progress = field(default_factory=NoProgress)
    counts: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=dict)  # step -> seconds, in the order the steps ran
    next_live: dt.datetime | None = None  # the next scheduled article's date, in the site's time zone
    running: tuple[str, float] | None = None  # the open step and when it started

    def count(self, **counts: int) -> None:
        """Add to named counts, e.g. ``count(cards_drawn=3, cards_reused=40)``."""
        self.counts.update(counts)

    def start(self, step: str, total: int | None = None) -> None:
        """Open `step` (closing the one still open): its time runs until `finish` or the next `start`."""
        self.finish()
        self.running = (step, time.perf_counter())
        self.progress.start(STEPS[step][1], total)

    def expect(self, total: int) -> None:
        """How many items the open step has, once it knows (the cards to draw)."""
        self.progress.expect(total)

    def advance(self, done: int = 1) -> None:
        self.progress.advance(done)

    def finish(self) -> None:
        if self.running is None:
            return
        step, started = self.running
        self.seconds[step] = self.seconds.get(step, 0.0) + time.perf_counter() - started
        self.running = None
        self.progress.finish()

    @contextlib.contextmanager
    def step(self, step: str, total: int | None = None) -> Iterator[BuildReport]:
        self.start(step, total)
        try:
            yield self
        finally:
            self.finish()

    def unpublished(self, hidden: Iterable[Article], now: dt.datetime, timezone: dt.tzinfo) -> None:
        """Count the articles this build leaves out, and keep when the next scheduled one goes live."""
        hidden = list(hidden)
        drafts = [a for a in hidden if a.draft]
        scheduled = sorted(a.date for a in hidden if not a.draft and a.is_scheduled(now))
        self.count(drafts=len(drafts), scheduled=len(scheduled))
        self.next_live = scheduled[0].astimezone(timezone) if scheduled else None

    def lines(self) -> list[str]:
        """The summary, one line per kind of work."""
        n = self.counts
        shards = n["search_rebuilt"] + n["search_reused"]
        search = ("reused (no indexed page changed)" if not n["search_rebuilt"] else "rebuilt" if shards == 1
                  else f"{n['search_rebuilt']} of {shards} shards rebuilt") if shards else "not built"
        left_out = f"{n['drafts']} {'draft' if n['drafts'] == 1 else 'drafts'}, {n['scheduled']} scheduled"
        if self.next_live is not None:
            left_out += f" (the next goes live {self.next_live:%Y-%m-%d %H:%M %Z})"
        times = ", ".join(f"{STEPS[step][0]} {seconds:.2f} s" for step, seconds in self.seconds.items())
        return [
            f"summary: pages {n['pages'] - n['pages_reused']} rendered, {n['pages_reused']} reused",
            f"summary: Markdown {n['markdown_articles'] - n['markdown_reused']} articles converted, {n['markdown_reused']} reused, "
            f"{n['markdown'] - n['markdown_articles']} other pages converted",
            f"summary: feeds {n['feeds_written']} written, {n['feeds_unchanged']} unchanged",
            f"summary: social cards {n['cards_drawn']} drawn, {n['cards_reused']} reused",
            f"summary: image variants {n['variants_encoded']} encoded, {n['variants_reused']} reused",
            f"summary: search index {search}",
            f"summary: articles left out: {left_out}",
            f"summary: time: {times or 'no step ran'}",
        ]

    def log(self) -> None:
        for line in self.lines():
            log.info(line)
