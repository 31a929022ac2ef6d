"""Where a build's time goes: timers on every plugin handler and on the library calls that cost the most.

``press build --profile FILE`` and the benchmark (``bench/build_once.py``) share these timers:

- ``plugin <name>.<on_event>``: every event handler a plugin defines (MkDocs' no-op
  defaults are left alone), wrapped where MkDocs looks handlers up, in
  ``config.plugins.events``; per plugin and per handler.
- ``markdown``: ``markdown.Markdown.convert``; ``templates``: ``jinja2.Template.render``;
  ``write_file`` / ``copy_file``: ``mkdocs.utils.write_file`` / ``copy_file``, which
  ``mkdocs.commands.build``, ``mkdocs.structure.files`` and the search plugins call through
  the module (``utils.write_file(...)``), so replacing the module attribute catches them.

Each entry has ``calls``, ``total`` (inclusive) and ``self`` seconds: timers nest (a
plugin handler may convert Markdown), and ``self`` excludes the time of timers started
inside it, so self times add up to at most the wall time.
"""

from __future__ import annotations

import contextlib
import functools
import time
from typing import Any, Callable, Iterator

import jinja2
import markdown
import mkdocs.utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

# (owner, attribute, label) of each library call timed.
LIBRARY = ((markdown.Markdown, "convert", "markdown"), (jinja2.Template, "render", "templates"),
           (mkdocs.utils, "write_file", "write_file"), (mkdocs.utils, "copy_file", "copy_file"))


class Probe:
    """Named timers that nest: inclusive and self time, and call counts, per label."""

    def __init__(self) -> None:
        self.stats: dict[str, list[float]] = {}  # label -> [calls, total, self]
        self.children: list[float] = []  # per open timer: time spent in timers opened inside it
        self.open: dict[str, int] = {}  # label -> depth, so recursion is not counted twice

    def call(self, label: str, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        self.children.append(0.0)
        self.open[label] = self.open.get(label, 0) + 1
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            inner = self.children.pop()
            if self.children:
                self.children[-1] += elapsed
            self.open[label] -= 1
            stat = self.stats.setdefault(label, [0, 0.0, 0.0])
            stat[0] += 1
            stat[1] += elapsed if self.open[label] == 0 else 0.0
            stat[2] += elapsed - inner

    def wrap(self, label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            return self.call(label, fn, args, kwargs)
        return timed

    def report(self) -> dict[str, dict[str, float]]:
        return {label: {"calls": int(c), "total": round(t, 4), "self": round(s, 4)}
                for label, (c, t, s) in sorted(self.stats.items())}


class TimedHandler:
    """An event handler under a timer. It compares and hashes like the method it wraps, so
    MkDocs still attributes it to its plugin (``File.generated_by`` reads that)."""

    def __init__(self, probe: Probe, label: str, method: Callable[..., Any]):
        self.probe, self.label, self.method = probe, label, method

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.probe.call(self.label, self.method, args, kwargs)

    def __eq__(self, other: object) -> bool:
        return self.method == (other.method if isinstance(other, TimedHandler) else other)

    def __hash__(self) -> int:
        return hash(self.method)

    def __getattr__(self, name: str) -> Any:  # mkdocs_priority and the like
        return getattr(self.method, name)


@contextlib.contextmanager
def instrumented_library(probe: Probe) -> Iterator[None]:
    """Time the library calls of `LIBRARY` until the block ends; then they are as they were (tests run on in-process)."""
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in LIBRARY]
    for (owner, name, label), (_, _, original) in zip(LIBRARY, originals):
        setattr(owner, name, probe.wrap(label, original))
    try:
        yield
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)


def instrument_plugins(probe: Probe, config: MkDocsConfig) -> None:
    """Put every handler a plugin defines under a timer labelled ``plugin <name>.<on_event>``."""
    owners = {id(plugin): name for name, plugin in config.plugins.items()}
    for methods in config.plugins.events.values():
        for i, method in enumerate(methods):
            name = owners.get(id(getattr(method, "__self__", None)))
            func = getattr(method, "__func__", None)
            if name is None or func is None or func is getattr(BasePlugin, func.__name__, None):
                continue
            methods[i] = TimedHandler(probe, f"plugin {name}.{func.__name__}", method)
