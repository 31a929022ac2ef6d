"""One instrumented build in this process: ``python -m bench.build_once CONFIG SITE_DIR``.

Builds the way ``mkdocs build --strict`` does, through MkDocs' API, and prints one JSON
object on stdout: wall and CPU time (user + sys from ``getrusage``) of the build (loading
the config included), peak RSS of the process, and a breakdown of where the time went.
CPU time counts this process and the subprocesses plugins run and wait for (``press/search``
runs Pagefind), also reported apart, with the peak RSS of the largest of them. The breakdown:

- ``plugin <name>.<on_event>``: every event handler a plugin defines (MkDocs' no-op
  defaults are left alone), wrapped where MkDocs looks handlers up, in
  ``config.plugins.events``; per plugin and per handler.
- ``markdown``: ``markdown.Markdown.convert``; ``templates``: ``jinja2.Template.render``;
  ``write_file`` / ``copy_file``: ``mkdocs.utils.write_file`` / ``copy_file``, which
  ``mkdocs.commands.build``, ``mkdocs.structure.files`` and the search plugins call through
  the module (``utils.write_file(...)``), so replacing the module attribute catches them.

Each entry has ``calls``, ``total`` (inclusive) and ``self`` seconds: timers nest (a
plugin handler may convert Markdown), and ``self`` excludes the time of timers started
inside it, so self times add up to at most the wall time. The caller sets
``SOURCE_DATE_EPOCH`` and ``NO_MKDOCS_2_WARNING``; warnings and errors go to stderr.
"""

from __future__ import annotations

import functools
import json
import logging
import resource
import sys
import time
from typing import Any, Callable

import jinja2
import markdown

import press.adapters  # noqa: F401  (first: the `mkdocs` namespace on MkDocs and on ProperDocs alike)
import mkdocs.utils
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError
from mkdocs.plugins import BasePlugin


class Probe:
    """Named timers that nest: inclusive and self time, and call counts, per label."""

    def __init__(self) -> None:
        self.stats: dict[str, list[float]] = {}  # label -> [calls, total, self]
        self.children: list[float] = []  # per open timer: time spent in timers opened inside it
        self.open: dict[str, int] = {}  # label -> depth, so recursion is not counted twice

    def call(self, label: str, fn: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
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


def instrument_library(probe: Probe) -> None:
    markdown.Markdown.convert = probe.wrap("markdown", markdown.Markdown.convert)  # type: ignore[method-assign]
    jinja2.Template.render = probe.wrap("templates", jinja2.Template.render)  # type: ignore[method-assign]
    mkdocs.utils.write_file = probe.wrap("write_file", mkdocs.utils.write_file)
    mkdocs.utils.copy_file = probe.wrap("copy_file", mkdocs.utils.copy_file)


def instrument_plugins(probe: Probe, config: Any) -> None:
    """Put every handler a plugin defines under a timer labelled ``plugin <name>.<on_event>``."""
    owners = {id(plugin): name for name, plugin in config.plugins.items()}
    for methods in config.plugins.events.values():
        for i, method in enumerate(methods):
            name = owners.get(id(getattr(method, "__self__", None)))
            func = getattr(method, "__func__", None)
            if name is None or func is None or func is getattr(BasePlugin, func.__name__, None):
                continue
            methods[i] = TimedHandler(probe, f"plugin {name}.{func.__name__}", method)


def build_once(config_file: str, site_dir: str) -> dict[str, Any]:
    probe = Probe()
    instrument_library(probe)
    before = resource.getrusage(resource.RUSAGE_SELF)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    config = load_config(config_file, site_dir=site_dir, strict=True)
    instrument_plugins(probe, config)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    user = after.ru_utime - before.ru_utime + children.ru_utime - children_before.ru_utime
    system = after.ru_stime - before.ru_stime + children.ru_stime - children_before.ru_stime
    in_children = children.ru_utime - children_before.ru_utime + children.ru_stime - children_before.ru_stime
    return {
        "wall_s": round(wall, 4),
        "cpu_s": round(user + system, 4),
        "user_s": round(user, 4),
        "sys_s": round(system, 4),
        "cpu_children_s": round(in_children, 4),
        "process_cpu_s": round(after.ru_utime + after.ru_stime, 4),  # this process from its start, imports included
        "peak_rss_mib": round(after.ru_maxrss / 1024, 1),  # Linux reports KiB
        "peak_rss_children_mib": round(children.ru_maxrss / 1024, 1),  # the largest subprocess
        "plugins": list(config.plugins),
        "breakdown": probe.report(),
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m bench.build_once CONFIG SITE_DIR", file=sys.stderr)
        return 2
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    try:
        result = build_once(*args)
    except (Abort, BuildError, ConfigurationError, PluginError) as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
