"""Build a site without ever leaving a half-written output folder, or deleting anything else.

MkDocs writes straight into ``site_dir``; a failed build would leave a mix of old and new pages.
We build into a sibling temporary folder and swap it in only when the build succeeded. Because the
swap replaces the output folder whole, the folder is checked first (a command line may come from
a pull request): it must not be, or contain, the docs folder, the configuration's folder, the
repository or the home folder, nor lie inside the docs folder, and an existing folder must be a
site a build made. Two builds into one folder take turns: the second stops with a message.

A build that succeeds ends with its summary (``summary.py``); on request it shows its steps as they
run (``progress.py``) and writes where its time went to a JSON file (``profiling.py``).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Iterator

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, ConfigurationError

from ..core.urls import refused_site_dir
from .articles import ArticlesPlugin
from .profiling import Probe, instrument_plugins, instrumented_library
from .summary import COUNTS, BuildReport, Progress

log = logging.getLogger("mkdocs.plugins.press.build")
# A folder the build may replace: empty, or with what every build writes.
BUILT_MARKERS = ("sitemap.xml", "404.html")


def build_atomically(config_file: str | Path, site_dir: str | Path | None = None, *, strict: bool = True,
                     progress: Progress | None = None, profile: str | Path | None = None, drafts: bool = False) -> bool:
    """Build into a fresh ``.<site>.*.tmp`` folder and replace ``site_dir`` on success. Returns whether it succeeded.

    `progress` shows the steps while they run; `profile` is a JSON file for the step and plugin timings
    (`profile_json`), written when the build succeeded. `drafts` builds a preview: drafts and scheduled
    articles shown and marked as `mkdocs serve` shows them (``show_unpublished``), refused into the folder
    that deploys. On Ctrl-C the staging folder is removed, ``site_dir`` is left as it was and
    KeyboardInterrupt propagates.
    """
    config_path = Path(config_file).resolve()
    target = site_folder(config_path, site_dir)
    if drafts and target.resolve() == deploy_folder(config_path).resolve():
        log.error(f"refused to build drafts into {target.name}/, the folder that deploys: give the preview its own "
                  "folder with --site-dir (for example -d preview)")
        return False
    try:
        config = load_config(str(config_path), site_dir=str(target), strict=strict)
    except (ConfigurationError, Abort) as exc:
        log.error(f"{config_path.name}: {exc}")
        return False
    if (why := refused_output_folder(target, Path(config.docs_dir), config_path.parent)) is not None:
        log.error(f"refused to build: {why}; choose another --site-dir (the default is site/ beside {config_path.name})")
        return False
    if profile is not None and Path(os.path.abspath(profile)).is_relative_to(target):
        log.error(f"refused to write the profile {profile} into the site folder {target}: the swap would replace it; choose a path outside")
        return False
    articles = config.plugins.get("press/articles")
    if progress is not None and isinstance(articles, ArticlesPlugin):
        articles.progress = progress
    if drafts and isinstance(articles, ArticlesPlugin):
        articles.config["show_unpublished"] = True
    target.parent.mkdir(parents=True, exist_ok=True)
    with _turn(target) as ours:
        if not ours:
            log.error(f"another press build is writing {target}: wait for it to finish, then build again")
            return False
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
        try:
            config["site_dir"] = str(staging)
            probe = Probe() if profile is not None else None
            try:
                wall = _timed_build(config, probe)
            except (Abort, BuildError) as exc:
                log.error(f"build failed, {target.name}/ left as it was: {exc}")
                return False
            _swap(staging, target)
            if progress is not None:
                progress.stop()  # the summary goes below the progress lines
            report = articles.report if isinstance(articles, ArticlesPlugin) else BuildReport()
            if isinstance(articles, ArticlesPlugin):
                report.log()
            if profile is not None and probe is not None:
                data = profile_json(wall, report, probe, list(config.plugins))
                Path(profile).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
            return True
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def deploy_folder(config_path: Path) -> Path:
    """``site/`` beside the configuration: where `press build` (`make site`) writes by default, and what deploys."""
    return config_path.parent / "site"


def site_folder(config_path: Path, site_dir: str | Path | None) -> Path:
    """The folder a build replaces: `site_dir` as an absolute path (symbolic links kept), else the deploy folder."""
    return Path(os.path.abspath(site_dir)) if site_dir else deploy_folder(config_path)


def _timed_build(config: MkDocsConfig, probe: Probe | None) -> float:
    """Run the build, under the profile's timers when there is a probe; returns its wall time in seconds."""
    if probe is not None:
        instrument_plugins(probe, config)
    with instrumented_library(probe) if probe is not None else contextlib.nullcontext():
        started = time.perf_counter()
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        return time.perf_counter() - started


def profile_json(wall: float, report: BuildReport, probe: Probe, plugins: list[str]) -> dict[str, object]:
    """What ``press build --profile`` writes; README's "Build summary and profile" documents every field."""
    return {
        "version": 1,
        "wall_s": round(wall, 4),
        "steps": {step: round(seconds, 4) for step, seconds in report.seconds.items()},
        "counts": {name: report.counts[name] for name in COUNTS},
        "plugins": plugins,
        "breakdown": probe.report(),
    }


def refused_output_folder(target: Path, docs_dir: Path, config_dir: Path) -> str | None:
    """Why the build must not replace `target`, or None."""
    protected = {"the docs folder": docs_dir, "the configuration's folder": config_dir, "the home folder": Path.home()}
    if (repository := repository_of(config_dir)) is not None:
        protected["the repository"] = repository
    if (why := refused_site_dir(target, protected)) is not None:
        return why
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        return f"{target} is not a folder"
    if target.is_dir() and any(target.iterdir()) and not all((target / name).is_file() for name in BUILT_MARKERS):
        return f"{target} is a folder with files that no build made (no {' or '.join(BUILT_MARKERS)}), and the build would replace it"
    return None


def repository_of(folder: Path) -> Path | None:
    """The git work tree `folder` is in, found by its ``.git`` entry (no git command needed)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


@contextlib.contextmanager
def _turn(target: Path) -> Iterator[bool]:
    """Hold an exclusive lock on the output folder's parent for one build; yields whether we got it.

    A lock on the folder (flock on its descriptor) leaves no file behind, and the kernel releases
    it when the process ends, however it ends.
    """
    fd = os.open(target.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _swap(staging: Path, target: Path) -> None:
    """Put the new site in place; the old one is removed only after the new one is there."""
    retired = None
    if target.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.rmdir(retired)
        target.rename(retired)
    staging.rename(target)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)
