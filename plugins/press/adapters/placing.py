"""Cached files hard-linked into the output folder instead of copied there by MkDocs.

Social cards and image variants come from ``.cache/press`` and there are thousands of them:
MkDocs' copies took 2.6 s of a 10,000-article rebuild. A plugin registers each one as a `PlacedFile`
under its output path (so the write registry, the preview's plan and every lookup see it), which
MkDocs' copy leaves alone, and links it there itself: in ``on_env``, after whatever empties the output
folder (``mkdocs build`` before ``on_files``, press/incremental in ``on_nav``), or, for a social card
still being drawn, once it is (``press/social``'s ``on_post_build``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Collection

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


class PlacedFile(File):
    """A file its plugin links into the site itself: MkDocs' copy has nothing to do."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


class Placed:
    """The cached files one plugin puts into the site."""

    def __init__(self) -> None:
        self.sources: dict[str, Path] = {}  # output path -> cached file

    def add(self, path: str, source: Path, files: Files, config: MkDocsConfig) -> None:
        files.append(PlacedFile.generated(config, path, abs_src_path=os.path.join(config.site_dir, path)))
        self.sources[path] = source

    def link(self, config: MkDocsConfig, *, skip: Collection[str] = (), only: Collection[str] | None = None) -> None:
        """Link every file into the site, but those in `skip`; or only those in `only`."""
        for path, source in self.sources.items():
            if path not in skip and (only is None or path in only):
                link_file(source, Path(config.site_dir) / path)


def link_file(source: Path, target: Path) -> None:
    """``target`` becomes ``source``: a hard link (a copy across file systems), replacing another file there."""
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = source.stat().st_mode
    if mode & 0o044 != 0o044:  # cache files are written private (mkstemp); a published file is readable by the web server
        os.chmod(source, mode | 0o044)
    try:
        if os.path.samefile(source, target):
            return
        target.unlink()
    except FileNotFoundError:
        pass
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
