"""One instrumented build in this process: ``python -m bench.build_once CONFIG SITE_DIR``.

Builds the way ``mkdocs build --strict`` does, through MkDocs' API, and prints one JSON
object on stdout: wall and CPU time (user + sys from ``getrusage``) of the build (loading
the config included), peak RSS of the process, and a breakdown of where the time went.
CPU time counts this process and the subprocesses plugins run and wait for (``press/search``
runs Pagefind), also reported apart, with the peak RSS of the largest of them. The breakdown
comes from the timers ``press build --profile`` uses (``press.adapters.profiling``): per plugin
handler and library call, with ``calls``, ``total`` and ``self`` seconds. The caller sets
``SOURCE_DATE_EPOCH`` and ``NO_MKDOCS_2_WARNING``; warnings and errors go to stderr.
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time
from typing import Any

import press.adapters  # noqa: F401  (first: the `mkdocs` namespace on MkDocs and on ProperDocs alike)
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError
from press.adapters.profiling import Probe, instrument_plugins, instrumented_library


def build_once(config_file: str, site_dir: str) -> dict[str, Any]:
    probe = Probe()
    before = resource.getrusage(resource.RUSAGE_SELF)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with instrumented_library(probe):
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
